"""Add a statement to a corpus folder: its text as UTF-8 and one more manifest row.

This is the load side, not extraction: it turns a saved page (``.html``), a PDF (``.pdf``)
or a text file (``.txt``) into the plain text that extraction reads, and records where it
came from. Nothing already in the corpus changes: the text goes to a new file, the manifest
gains one line, and a failure leaves both as they were.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from analysis.config import MANIFEST_NAME
from analysis.errors import CorpusError, ParameterError
from analysis.extract.corpus import decode_statement, read_manifest
from analysis.extract.dates import MONTH_PATTERN, month_number
from analysis.schema import STATEMENT_ID, Manifest, columns
from analysis.storage import atomic_path

SUFFIXES = (".txt", ".html", ".htm", ".pdf")
STATEMENTS_FOLDER = "statements"  # sub-folder of a corpus that holds the texts, as shipped
# A dateline sits in a text's first few lines; a date further down is usually an event the
# text refers to ("the Trilateral Statement signed on November 10, 2020"), not its own date.
DATE_LINES = 5
DATE_CHARS = 500
MAX_ID_LENGTH = 80
TITLE_WORDS = 6  # of the title, in a derived statement_id

_MONTH = rf"(?P<month>{MONTH_PATTERN})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATE_PATTERNS = [
    re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])"),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 26 January 2024
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # January 26, 2024
]


@dataclass(frozen=True)
class Document:
    """A file's main text, ready to store, and the title its format records (if any)."""

    text: str
    title: str | None
    original_sha256: str | None  # of the file's bytes, when they are the text (.txt)
    method: str | None = None  # how the text was taken from another format, for the notes


@dataclass(frozen=True)
class Added:
    """What :func:`add_statement` wrote."""

    statement_id: str
    path: Path
    row: dict[str, str]


def _one_line(value: str | None) -> str:
    """A manifest cell: whitespace (newlines included) collapsed to single spaces."""
    return " ".join((value or "").split())


def _tidy(text: str) -> str:
    """Text extracted from HTML or PDF: no trailing spaces, at most one blank line in a row,
    one final newline (so that the stored file reads like the shipped ones)."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    tidy = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return tidy + "\n"


def _unwrap(text: str) -> str:
    """Join the lines a PDF broke where the page ran out of width: extraction reads a line
    end as the end of a sentence, so a claim's quote would be half its sentence. A line is
    joined to the next when it does not end a sentence and the next goes on in lower case;
    a line ending in a hyphen ("anti-" / "personnel") is joined without a space."""
    text = re.sub(r"(?<=\w-)\n(?=[a-z])", "", text)
    return re.sub(r"(?<=[^\s.!?:;\"”’])\n(?=[a-z(])", " ", text)


def text_of_html(data: bytes, where: str) -> Document:
    """The main content of a web page; navigation, header, footer and boilerplate dropped."""
    import trafilatura  # a second of imports that the other commands need not pay

    # favor_precision: a stray menu or teaser line in a statement would be read for figures.
    text = trafilatura.extract(
        data, include_comments=False, include_tables=True, deduplicate=False, favor_precision=True
    )
    if not text or not text.strip():
        raise CorpusError(f"{where}: found no main text in the page (is it the article?)")
    metadata = trafilatura.extract_metadata(data)
    title = metadata.title if metadata is not None else None
    return Document(_tidy(text), title or None, None, "main content of the web page")


def text_of_pdf(data: bytes, where: str) -> Document:
    """The text layer of a PDF, page after page."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
        if not encrypted:
            pages = [page.extract_text() or "" for page in reader.pages]
            title = reader.metadata.title if reader.metadata is not None else None
    # pypdf reports a damaged file with its own errors and, deeper in, with plain ones.
    except (PdfReadError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        raise CorpusError(f"{where}: not a readable PDF ({exc})") from None
    if encrypted:
        raise CorpusError(f"{where}: the PDF is encrypted; save an unprotected copy")
    text = _tidy("\n\n".join(page.strip() for page in pages))
    if not text.strip():
        raise CorpusError(f"{where}: the PDF has no text layer (scanned?); OCR it first")
    return Document(_unwrap(text), title or None, None, "text layer of the PDF")


def text_of_txt(data: bytes, where: str) -> Document:
    """A text file as it is (UTF-8, or UTF-16 with a BOM), line ends included: character
    offsets of claims then index the stored file exactly."""
    text = decode_statement(data, where)
    if not text.strip():
        raise CorpusError(f"{where}: the file is empty")
    return Document(text, None, hashlib.sha256(data).hexdigest())


def read_document(path: Path) -> Document:
    """The text to store for ``path``, by its suffix (.txt, .html/.htm or .pdf)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise CorpusError(
            f"{path}: cannot read {suffix or 'a file without suffix'}; "
            f"expected {', '.join(SUFFIXES)}"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror})") from None
    if suffix == ".pdf":
        return text_of_pdf(data, str(path))
    if suffix in (".html", ".htm"):
        return text_of_html(data, str(path))
    return text_of_txt(data, str(path))


def stated_date(text: str) -> str | None:
    """The first full date printed near the top of ``text`` (the first :data:`DATE_LINES`
    non-blank lines, within :data:`DATE_CHARS` characters), as YYYY-MM-DD; None if none."""
    top_lines = [line for line in text.splitlines() if line.strip()][:DATE_LINES]
    top = "\n".join(top_lines)[:DATE_CHARS]
    found: list[tuple[int, str]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(top):
            month = match["month"]
            number = int(month) if month.isdigit() else month_number(month)
            try:
                day = dt.date(int(match["year"]), number, int(match["day"]))
            except ValueError:  # "2024-02-30" is no date; look further
                continue
            found.append((match.start(), day.isoformat()))
            break
    return min(found)[1] if found else None


def checked_date(date: str) -> str:
    """``--date`` as given: a real day written YYYY-MM-DD."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            raise ValueError
        dt.date.fromisoformat(date)
    except ValueError:
        raise ParameterError(f"--date {date!r}: expected YYYY-MM-DD or 'unknown'") from None
    return date


def slugify(text: str) -> str:
    """Lower-case ASCII letters and digits joined by '-' ("Anadolu Agency (AA)" -> "anadolu-
    agency-aa"); accents are dropped, other scripts vanish."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def derived_statement_id(
    outlet: str | None, date: str | None, title: str | None, fallback: str, used: set[str]
) -> str:
    """A readable id from outlet, date and title, not in ``used`` (a suffix -2, -3 ... makes
    it unique)."""
    # The title's first words are enough to tell two statements of a day apart.
    short_title = " ".join((title or "").split()[:TITLE_WORDS])
    parts = [slugify(part) for part in (outlet, date, short_title) if part]
    base = "-".join(part for part in parts if part) or slugify(fallback) or "statement"
    if len(base) > MAX_ID_LENGTH:  # cut at a word boundary so the id stays readable
        base = base[:MAX_ID_LENGTH].rsplit("-", 1)[0]
    candidate, n = base, 1
    while candidate.lower() in used:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _manifest_text(manifest: Path) -> tuple[bytes, str]:
    """The manifest's bytes and text (its BOM dropped); a header only for a new corpus."""
    if not manifest.exists():
        return b"", manifest_line(columns(Manifest), {c: c for c in columns(Manifest)}, "\n")
    try:
        data = manifest.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{manifest}: cannot read manifest ({exc.strerror})") from None
    return data, decode_statement(data, str(manifest))


def _encode_like(original: bytes, text: str) -> bytes:
    """``text`` in the encoding of the manifest bytes ``original`` (UTF-8 or UTF-16), with
    the BOM it had: the manifest keeps its encoding."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if original.startswith(bom):
            return ("\ufeff" + text).encode(encoding)
    return text.encode("utf-8")


def manifest_line(header: list[str], row: dict[str, str], newline: str) -> str:
    """One CSV record with the manifest's own column order and line end."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerow([row.get(c, "") for c in header])
    return buffer.getvalue()


def _known_texts(corpus: Path) -> tuple[dict[str, str], set[str]]:
    """sha256 -> statement_id of every statement in the corpus, and the ids in use (lower
    case: two ids that differ in case only would collide as file names on some systems)."""
    hashes: dict[str, str] = {}
    _, text = _manifest_text(corpus / MANIFEST_NAME)
    if not any(line.strip() for line in text.splitlines()[1:]):  # a new corpus: no rows yet
        return hashes, set()
    for source in read_manifest(corpus):
        digest = source.row["sha256"] or hashlib.sha256(source.path.read_bytes()).hexdigest()
        hashes[digest] = source.statement_id
    return hashes, {statement_id.lower() for statement_id in hashes.values()}


def _new_row(
    data: bytes,
    statement_id: str,
    date: str | None,
    date_basis: str,
    fields: dict[str, str | None],
) -> dict[str, str]:
    row = {
        "file": f"{STATEMENTS_FOLDER}/{statement_id}.txt",
        "statement_id": statement_id,
        "date": date or "",
        "date_basis": date_basis,
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    row.update({name: _one_line(value) for name, value in fields.items()})
    import pandas as pd
    import pandera.pandas as pa

    # The Manifest model is the rule book: a row it refuses would break the next extract.
    frame = pd.DataFrame([row], columns=columns(Manifest), dtype=object)
    try:
        Manifest.validate(frame.where(frame != "", None))
    except pa.errors.SchemaError as exc:
        raise ParameterError(f"the new manifest row breaks a rule: {exc.args[0]}") from None
    return row


def resolve_date(
    given: str | None, basis: str | None, text: str, where: str, notes: str | None = None
) -> tuple[str | None, str]:
    """(date, date_basis): the date given (its basis ``basis``, else ``manifest``: known
    from outside the text), ``unknown``, or else the first date printed at the top."""
    if given == "unknown":
        return None, "unknown"
    if given is not None:
        if basis == "unknown":
            raise ParameterError("--date-basis unknown: use --date unknown, with no date")
        if basis == "inferred" and not notes:
            raise ParameterError("--date-basis inferred: give the reasoning in --notes")
        return checked_date(given), basis or "manifest"
    if basis not in (None, "stated"):
        raise ParameterError(f"--date-basis {basis}: give the date with --date")
    found = stated_date(text)
    if found is None:
        raise ParameterError(
            f"{where}: no date printed in its first lines; pass --date YYYY-MM-DD "
            "(or --date unknown)"
        )
    return found, "stated"


def add_statement(
    file: str | Path,
    corpus: str | Path,
    *,
    outlet: str | None = None,
    speaker: str | None = None,
    date: str | None = None,
    date_basis: str | None = None,
    url: str | None = None,
    title: str | None = None,
    notes: str | None = None,
    statement_id: str | None = None,
) -> Added:
    """Store the text of ``file`` in ``corpus`` and append its manifest row.

    Refuses a text the corpus already holds (same sha256), a ``statement_id`` in use and an
    existing target file. Either both the text file and the manifest line are written, or
    neither.
    """
    file, corpus = Path(file), Path(corpus)
    document = read_document(file)
    data = document.text.encode("utf-8")
    hashes, used = _known_texts(corpus)
    for digest in (hashlib.sha256(data).hexdigest(), document.original_sha256):
        if digest in hashes:
            raise CorpusError(f"{file}: already in {corpus} as statement {hashes[digest]!r}")
    date, basis = resolve_date(date, date_basis, document.text, str(file), notes)
    title = title or document.title
    if statement_id is None:
        statement_id = derived_statement_id(outlet, date, title, file.stem, used)
    elif not re.fullmatch(STATEMENT_ID, statement_id):
        raise ParameterError(
            f"--statement-id {statement_id!r}: use letters, digits and -_. only "
            "(it names a file), starting with a letter or digit"
        )
    elif statement_id.lower() in used:
        raise CorpusError(f"--statement-id {statement_id!r}: already used in {corpus}")
    if document.method:  # the stored text is not the published bytes: say where it came from
        notes = " ".join(filter(None, [f"Text: {document.method} {file.name}.", notes]))
    fields = {"outlet": outlet, "speaker": speaker, "title": title, "url": url, "notes": notes}
    row = _new_row(data, statement_id, date, basis, fields)
    target = corpus / row["file"]
    if target.exists():  # not named by the manifest, but never overwrite a statement file
        raise CorpusError(f"{target}: exists already; pick another --statement-id")
    _write(corpus / MANIFEST_NAME, target, data, row)
    return Added(statement_id, target, row)


def _write(manifest: Path, target: Path, data: bytes, row: dict[str, str]) -> None:
    """Write the text file, then the manifest with one more line, each atomically; if the
    manifest cannot be replaced, the new text file is removed again."""
    original, text = _manifest_text(manifest)
    header = [name.strip() for name in next(csv.reader(io.StringIO(text)), [])]
    missing = [name for name, value in row.items() if value and name not in header]
    if missing:
        raise CorpusError(
            f"{manifest}, line 1: no column(s) {', '.join(missing)}; add them to the header"
        )
    newline = "\r\n" if "\r\n" in text else "\n"
    if text and not text.endswith("\n"):
        text += newline
    updated = text + manifest_line(header, row, newline)
    created = False
    try:
        with atomic_path(manifest) as new_manifest:
            new_manifest.write_bytes(_encode_like(original, updated))
            with atomic_path(target) as new_text:
                new_text.write_bytes(data)
            created = True
    except BaseException as exc:
        if created:
            target.unlink(missing_ok=True)
        if isinstance(exc, OSError):  # disk full, no permission: the user can act on it
            where = manifest if created else target
            raise CorpusError(
                f"{where}: cannot write ({exc.strerror}); the corpus is unchanged"
            ) from None
        raise
