"""Load a corpus folder: the manifest ``statements.csv`` and the statement texts it names.

Every problem is a :class:`CorpusError` whose message is one line naming the file and the
manifest row (rows are counted as lines of the CSV file, the header being line 1).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from analysis.config import MANIFEST_NAME
from analysis.errors import CorpusError
from analysis.files import special_kind
from analysis.schema import DATE_BASES, Manifest, Statements, columns

REQUIRED_COLUMNS = ("file", "statement_id", "date", "date_basis")
OPTIONAL_COLUMNS = tuple(c for c in columns(Manifest) if c not in REQUIRED_COLUMNS)


@dataclass(frozen=True)
class Corpus:
    """A loaded corpus: the statements table and each statement's decoded text."""

    root: Path
    statements: pd.DataFrame
    texts: dict[str, str]

    def text(self, statement_id: str) -> str:
        return self.texts[statement_id]


def decode_statement(data: bytes, where: str) -> str:
    """Decode statement bytes: UTF-8 (a BOM is dropped) or UTF-16 with a BOM.

    Line endings are kept as they are, so character offsets index the file's own text.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, payload = "utf-16", data
    elif data.startswith(codecs.BOM_UTF8):
        encoding, payload = "utf-8", data[len(codecs.BOM_UTF8) :]
    else:
        encoding, payload = "utf-8", data
    try:
        return payload.decode(encoding)
    except UnicodeDecodeError as exc:
        line = payload[: exc.start].count(b"\n") + 1
        raise CorpusError(
            f"{where}: not valid {encoding.upper()} at line {line} (byte {exc.start}); "
            "save the statement as UTF-8"
        ) from None


def _read_manifest_rows(manifest: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    kind = special_kind(manifest)
    if kind:
        raise CorpusError(f"{manifest}: the manifest is {kind}, not a file")
    try:
        raw = manifest.read_bytes()
    except FileNotFoundError:
        raise CorpusError(
            f"{manifest}: no manifest; a corpus folder needs {MANIFEST_NAME}"
        ) from None
    except OSError as exc:
        raise CorpusError(f"{manifest}: cannot read manifest ({exc.strerror})") from None
    text = decode_statement(raw, str(manifest))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise CorpusError(f"{manifest}: manifest is empty; expected a header row")
        header = [h.strip() for h in header]
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise CorpusError(f"{manifest}, line 1: missing column(s) {', '.join(missing)}")
        unknown = [c for c in header if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
        if unknown:
            raise CorpusError(
                f"{manifest}, line 1: unknown column(s) {', '.join(unknown)}; "
                f"allowed: {', '.join(columns(Manifest))}"
            )
        if len(set(header)) != len(header):
            raise CorpusError(f"{manifest}, line 1: a column name is repeated")
        rows = []
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                raise CorpusError(
                    f"{manifest}, line {line}: {len(record)} fields, expected {len(header)} "
                    "(check the quoting)"
                )
            rows.append((line, dict(zip(header, (cell.strip() for cell in record), strict=True))))
    except csv.Error as exc:
        raise CorpusError(f"{manifest}, line {reader.line_num}: malformed CSV ({exc})") from None
    return header, rows


def _statement_path(root: Path, name: str, where: str) -> Path:
    """Resolve a manifest ``file`` entry, refusing anything that leaves the corpus folder."""
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts:
        raise CorpusError(f"{where}: file {name!r} must be a path inside the corpus folder")
    path = root / relative
    kind = special_kind(path)
    if kind:
        raise CorpusError(f"{where}: file {name!r} is {kind}, not a statement file")
    if not path.is_file():
        raise CorpusError(f"{where}: file {name!r} not found in {root}")
    if not path.resolve().is_relative_to(root.resolve()):
        raise CorpusError(f"{where}: file {name!r} links outside the corpus folder")
    return path


def _failure_message(check: str, column: str | None, value: object) -> str:
    """One line for a manifest value that fails its rule in the :class:`Manifest` model."""
    if column == "date" and check != "not_nullable":
        return f"unparseable date {value!r}; expected YYYY-MM-DD"
    if column == "date_basis":
        return f"unknown date_basis {value!r}; expected one of {', '.join(DATE_BASES)}"
    if column == "statement_id" and check != "not_nullable":
        return f"statement_id {value!r} may hold only letters, digits and -_. (no / or markup)"
    if column == "sha256":
        return "sha256 must be 64 lower-case hex digits"
    if check == "not_nullable" or column == "file":
        return f"empty {column}"
    return f"column {column!r}: {value!r} breaks the rule {check}"


def _checked_rows(rows: list[tuple[int, dict[str, str]]], manifest: Path) -> None:
    """Check the rows against the :class:`Manifest` model: the first failure, in file
    order, is a one-line error naming the line."""
    table = pd.DataFrame([row for _, row in rows], columns=columns(Manifest), dtype=object)
    table = table.where(table != "", None)
    try:
        Manifest.validate(table, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        cases = cases[cases["index"].notna()].sort_values("index", kind="stable")
        first = cases.iloc[0]
        line, row = rows[int(first["index"])]
        where = f"{manifest}, line {line}"
        if first["check"] == "undated_only_when_unknown":
            if row["date"]:
                raise CorpusError(f"{where}: date_basis is 'unknown' but a date is given") from None
            raise CorpusError(f"{where}: empty date needs date_basis 'unknown'") from None
        if first["check"] == "field_uniqueness":
            lines = [n for n, r in rows if r["statement_id"] == row["statement_id"]]
            raise CorpusError(
                f"{manifest}, line {lines[1]}: duplicate statement_id "
                f"{row['statement_id']!r} (first on line {lines[0]})"
            ) from None
        message = _failure_message(str(first["check"]), first["column"], first["failure_case"])
        raise CorpusError(f"{where}: {message}") from None


@dataclass(frozen=True)
class Source:
    """One manifest row, checked, whose text has not been read yet."""

    statement_id: str
    path: Path
    where: str  # "MANIFEST, line N", for error messages
    row: dict[str, str]  # the manifest columns, "" where empty

    @property
    def date(self) -> str | None:
        return self.row["date"] or None


def read_manifest(folder: str | Path) -> list[Source]:
    """Check a corpus folder's manifest and that every file it names exists, without
    reading the statements (see DESIGN.md, "Corpus folder format")."""
    root = Path(folder)
    if not root.is_dir():
        raise CorpusError(f"{root}: not a folder")
    manifest = root / MANIFEST_NAME
    _, rows = _read_manifest_rows(manifest)
    if not rows:
        raise CorpusError(f"{manifest}: the manifest lists no statements")
    rows = [(line, {c: row.get(c, "") for c in columns(Manifest)}) for line, row in rows]
    _checked_rows(rows, manifest)
    sources: list[Source] = []
    for line, row in rows:
        where = f"{manifest}, line {line}"
        path = _statement_path(root, row["file"], where)
        sources.append(Source(row["statement_id"], path, where, row))
    return sources


def decode_source(source: Source, data: bytes) -> str:
    """The text of a statement from its file's bytes, checked against the manifest's sha256."""
    expected = source.row["sha256"]
    if expected and hashlib.sha256(data).hexdigest() != expected:
        raise CorpusError(
            f"{source.where}: {source.row['file']} does not match its sha256 (file changed?)"
        )
    return decode_statement(data, str(source.path))


def statements_table(sources: list[Source], n_chars: list[int]) -> pd.DataFrame:
    """The validated statements table: the manifest rows plus each text's length."""
    records = [{**s.row, "n_chars": n} for s, n in zip(sources, n_chars, strict=True)]
    statements = pd.DataFrame.from_records(records, columns=columns(Statements))
    for column in columns(Manifest):
        statements[column] = statements[column].astype("str").where(statements[column] != "", None)
    statements["n_chars"] = statements["n_chars"].astype("int64")
    return Statements.validate(statements)


def load_corpus(folder: str | Path) -> Corpus:
    """Load and validate a corpus folder, every statement's text included."""
    sources = read_manifest(folder)
    texts = {s.statement_id: decode_source(s, s.path.read_bytes()) for s in sources}
    statements = statements_table(sources, [len(t) for t in texts.values()])
    return Corpus(root=Path(folder), statements=statements, texts=texts)
