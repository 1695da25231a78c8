"""Load a corpus folder: the manifest ``statements.csv`` and the statement texts it names.

Every problem is a :class:`CorpusError` whose message is one line naming the file and the
manifest row (rows are counted as lines of the CSV file, the header being line 1).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import itertools
import operator
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from analysis.config import MANIFEST_NAME
from analysis.errors import CorpusError
from analysis.files import special_kind
from analysis.schema import DATE_BASES, Manifest, Statements, columns

MANIFEST_COLUMNS: tuple[str, ...] = tuple(columns(Manifest))
REQUIRED_COLUMNS = ("file", "statement_id", "date", "date_basis")
OPTIONAL_COLUMNS = tuple(c for c in MANIFEST_COLUMNS if c not in REQUIRED_COLUMNS)
_FILE, _STATEMENT_ID, _DATE = (
    MANIFEST_COLUMNS.index(c) for c in (Manifest.file, Manifest.statement_id, Manifest.date)
)
# Columns whose values repeat from row to row.
_REPEATED = frozenset({Manifest.date, Manifest.date_basis, Manifest.outlet, Manifest.speaker})

CHECK_ROWS = 10_000  # manifest rows validated at once: memory stays flat in the rows
# The Manifest model's rules, applied CHECK_ROWS rows at a time; statement_id must be unique
# across the chunks too, which read_manifest checks with a set.
_ROW_RULES = Manifest.to_schema().update_column(Manifest.statement_id, unique=False)


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


def _manifest_encoding(manifest: Path) -> tuple[str, int]:
    """The codec of the manifest and the length of the BOM to skip, as
    :func:`decode_statement` decides for a statement (the UTF-16 codec reads its own BOM)."""
    try:
        with manifest.open("rb") as handle:
            start = handle.read(len(codecs.BOM_UTF8))
    except FileNotFoundError:
        raise CorpusError(
            f"{manifest}: no manifest; a corpus folder needs {MANIFEST_NAME}"
        ) from None
    except OSError as exc:
        raise CorpusError(f"{manifest}: cannot read manifest ({exc.strerror})") from None
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", 0
    if start.startswith(codecs.BOM_UTF8):
        return "utf-8", len(codecs.BOM_UTF8)
    return "utf-8", 0


def _decoding_error(manifest: Path, encoding: str, skip: int) -> CorpusError:
    """Where the manifest stops being ``encoding``: found again by a second pass over its
    bytes, line by line (the stream that failed decodes blocks, not lines)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    line = 1
    offset = 0
    with manifest.open("rb") as handle:
        handle.seek(skip)
        for chunk in itertools.chain(handle, [b""]):
            try:
                line += decoder.decode(chunk, final=not chunk).count("\n")
            except UnicodeDecodeError as exc:
                return CorpusError(
                    f"{manifest}: not valid {encoding.upper()} at line {line} "
                    f"(byte {offset + exc.start}); save the manifest as UTF-8"
                )
            offset += len(chunk)
    return CorpusError(f"{manifest}: not valid {encoding.upper()}; save the manifest as UTF-8")


def _manifest_records(manifest: Path) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of each CSV record of the manifest, the header first, read as a stream:
    a manifest of any length takes the memory of one block of it."""
    kind = special_kind(manifest)
    if kind:
        raise CorpusError(f"{manifest}: the manifest is {kind}, not a file")
    encoding, skip = _manifest_encoding(manifest)
    with manifest.open("rb") as raw:
        raw.seek(skip)
        reader = csv.reader(io.TextIOWrapper(raw, encoding=encoding, newline=""), strict=True)
        try:
            for record in reader:
                yield reader.line_num, record
        except csv.Error as exc:
            raise CorpusError(
                f"{manifest}, line {reader.line_num}: malformed CSV ({exc})"
            ) from None
        except UnicodeDecodeError:
            raise _decoding_error(manifest, encoding, skip) from None


def _header(manifest: Path, first: tuple[int, list[str]] | None) -> list[str]:
    if first is None:
        raise CorpusError(f"{manifest}: manifest is empty; expected a header row")
    header = [h.strip() for h in first[1]]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CorpusError(f"{manifest}, line 1: missing column(s) {', '.join(missing)}")
    unknown = [c for c in header if c not in MANIFEST_COLUMNS]
    if unknown:
        raise CorpusError(
            f"{manifest}, line 1: unknown column(s) {', '.join(unknown)}; "
            f"allowed: {', '.join(MANIFEST_COLUMNS)}"
        )
    if len(set(header)) != len(header):
        raise CorpusError(f"{manifest}, line 1: a column name is repeated")
    return header


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


class _StatementFiles:
    """The checks of :func:`_statement_path`, at one ``lstat`` per file in the common case
    (a regular file, no symbolic link below the corpus folder): a full check resolves every
    folder of the path, which costs more than reading a short statement."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._prefix = os.path.join(root, "")
        self._plain: dict[str, bool] = {}  # folder below root -> a folder, no link on the way

    def check(self, name: str, where: str) -> None:
        if not name.startswith("/") and ".." not in name.split("/"):
            relative = os.path.normpath(name)
            try:
                regular = stat.S_ISREG(os.lstat(self._prefix + relative).st_mode)
            except OSError:
                regular = False
            if regular and self._plain_folder(os.path.dirname(relative)):
                return
        _statement_path(self.root, name, where)  # says what is wrong, or allows a safe link

    def _plain_folder(self, folder: str) -> bool:
        if not folder:  # the corpus folder itself, which may be a link
            return True
        if folder not in self._plain:
            try:
                plain = stat.S_ISDIR(os.lstat(self._prefix + folder).st_mode)
            except OSError:
                plain = False
            self._plain[folder] = plain and self._plain_folder(os.path.dirname(folder))
        return self._plain[folder]


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


def _first_broken(rows: list[tuple[int, tuple[str, ...]]], manifest: Path) -> tuple[int, str]:
    """(index in ``rows``, message) of the first row, in file order, that breaks a rule of
    the :class:`Manifest` model, or (len(rows), "") when none does."""
    # pandas' own string dtype: pandera checks it as a whole, an object column value by value.
    table = pd.DataFrame([values for _, values in rows], columns=MANIFEST_COLUMNS, dtype="str")
    try:
        _ROW_RULES.validate(table.where(table != "", None), lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        cases = cases[cases["index"].notna()].sort_values("index", kind="stable")
        if cases.empty:  # a rule about the whole table: no row to name
            first_line = str(exc).strip().splitlines()[0]
            raise CorpusError(f"{manifest}: {first_line}") from None
        first = cases.iloc[0]
        index = int(first["index"])
        if first["check"] == "undated_only_when_unknown":
            if rows[index][1][_DATE]:
                return index, "date_basis is 'unknown' but a date is given"
            return index, "empty date needs date_basis 'unknown'"
        return index, _failure_message(str(first["check"]), first["column"], first["failure_case"])
    return len(rows), ""


class Source:
    """One manifest row, checked, whose text has not been read yet.

    A corpus may list millions of statements, each held as one of these until its tables
    are written: so a source keeps its row as a tuple of strings (the
    :data:`MANIFEST_COLUMNS`, "" where empty) and derives the rest when asked.
    """

    __slots__ = ("line", "root", "values")

    def __init__(self, root: Path, line: int, values: tuple[str, ...]) -> None:
        self.root, self.line, self.values = root, line, values

    @property
    def statement_id(self) -> str:
        return self.values[_STATEMENT_ID]

    @property
    def path(self) -> Path:
        return self.root / self.values[_FILE]

    @property
    def where(self) -> str:
        """``MANIFEST, line N``, for error messages."""
        return f"{self.root / MANIFEST_NAME}, line {self.line}"

    @property
    def row(self) -> dict[str, str]:
        """The manifest columns, "" where empty."""
        return dict(zip(MANIFEST_COLUMNS, self.values, strict=True))

    @property
    def date(self) -> str | None:
        return self.values[_DATE] or None

    def __repr__(self) -> str:
        return f"Source({self.where}: {self.statement_id})"


def read_manifest(folder: str | Path) -> list[Source]:
    """Check a corpus folder's manifest and that every file it names exists, without
    reading the statements (see DESIGN.md, "Corpus folder format").

    The manifest is read as a stream and checked ``CHECK_ROWS`` rows at a time; the first
    row, in file order, that breaks a rule is a one-line error naming its line.
    """
    root = Path(folder)
    if not root.is_dir():
        raise CorpusError(f"{root}: not a folder")
    manifest = root / MANIFEST_NAME
    with contextlib.closing(_manifest_records(manifest)) as records:
        return _checked_sources(root, manifest, records)


def _checked_sources(
    root: Path, manifest: Path, records: Iterator[tuple[int, list[str]]]
) -> list[Source]:
    """:func:`read_manifest` over the manifest's records."""
    header = _header(manifest, next(records, None))
    # The row as a tuple of MANIFEST_COLUMNS from the cells of a record plus one "".
    pick = operator.itemgetter(
        *(header.index(c) if c in header else len(header) for c in MANIFEST_COLUMNS)
    )
    repeated = [i for i, c in enumerate(header) if c in _REPEATED]
    files = _StatementFiles(root)
    seen: set[str] = set()  # statement ids so far: unique across chunks, not only within one
    sources: list[Source] = []
    chunk: list[tuple[int, tuple[str, ...]]] = []

    def check_chunk() -> None:
        if not chunk:
            return
        broken, message = _first_broken(chunk, manifest)
        for index, (line, values) in enumerate(chunk):
            where = f"{manifest}, line {line}"
            if index == broken:
                raise CorpusError(f"{where}: {message}")
            statement_id = values[_STATEMENT_ID]
            if statement_id in seen:
                first = next(s.line for s in sources if s.statement_id == statement_id)
                raise CorpusError(
                    f"{where}: duplicate statement_id {statement_id!r} (first on line {first})"
                )
            seen.add(statement_id)
            files.check(values[_FILE], where)
            sources.append(Source(root, line, values))
        chunk.clear()

    for line, record in records:
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            raise CorpusError(
                f"{manifest}, line {line}: {len(record)} fields, expected {len(header)} "
                "(check the quoting)"
            )
        cells = [cell.strip() for cell in record]
        for i in repeated:  # values that repeat from row to row (dates, outlets): held once
            cells[i] = sys.intern(cells[i])
        cells.append("")  # the value of the columns the header leaves out
        chunk.append((line, pick(cells)))
        if len(chunk) >= CHECK_ROWS:
            check_chunk()
    check_chunk()
    if not sources:
        raise CorpusError(f"{manifest}: the manifest lists no statements")
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
    if len(n_chars) != len(sources):
        raise ValueError(f"{len(n_chars)} text lengths for {len(sources)} statements")
    # Column by column from the tuples: no dict per row.
    data = {
        column: pd.Series([s.values[i] for s in sources], dtype="str")
        for i, column in enumerate(MANIFEST_COLUMNS)
    }
    data = {column: values.where(values != "", None) for column, values in data.items()}
    statements = pd.DataFrame(
        {**data, Statements.n_chars: pd.Series(n_chars, dtype="int64")},
        columns=columns(Statements),
    )
    return Statements.validate(statements)


def load_corpus(folder: str | Path) -> Corpus:
    """Load and validate a corpus folder, every statement's text included."""
    sources = read_manifest(folder)
    texts = {s.statement_id: decode_source(s, s.path.read_bytes()) for s in sources}
    statements = statements_table(sources, [len(t) for t in texts.values()])
    return Corpus(root=Path(folder), statements=statements, texts=texts)
