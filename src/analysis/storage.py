"""Reading and writing the tables: one validated format on disk, written atomically.

An output file is either the old one or the complete new one, never half. Tables are read
back with the dtypes of the pandera models they were validated with when written, and
validated again unless ``datapackage.json`` proves that each file is the one written after
validation against the same models (:func:`load_tables`).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import pandas as pd
import pandera
import pandera.pandas as pa

from analysis import __version__
from analysis.config import DATAPACKAGE_NAME, LOCK_NAME, MANIFEST_NAME
from analysis.errors import OutputError, TablesError
from analysis.schema import (
    METRIC_UNITS,
    VOCABULARY_FILE,
    Claims,
    Evolution,
    Findings,
    Mentions,
    Statements,
    conform,
    vocabulary,
)

ROW_GROUP_ROWS = 65_536  # rows per Parquet row group, and per validated batch of claims


HASH_BLOCK_BYTES = 1 << 20
HASH_ALGORITHM = "sha256"  # of each table file, named in datapackage.json as Frictionless does
TEMPORARY_SUFFIX = ".tmp"  # of the files atomic_path writes before renaming them
STAGING_PREFIX = ".build-"  # of the folders a report is staged in


@contextlib.contextmanager
def exclusive(out: str | os.PathLike[str]) -> Iterator[Path]:
    """Hold ``out`` for one run: a second run writing there is refused with a one-line error,
    and the temporary files and staging folders of a killed run are removed first.

    The lock is the operating system's (``flock``): it ends with the process that held it,
    however that process ends, so a killed run never leaves ``out`` locked.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: is a file; the output must be a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        handle = (out / LOCK_NAME).open("a")
    except OSError as exc:
        raise OutputError(f"{out}: cannot write here ({exc.strerror})") from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(
                f"{out}: another run is writing to this folder; wait for it to finish"
            ) from None
        for debris in out.iterdir():
            if debris.name.startswith(".") and debris.name.endswith(TEMPORARY_SUFFIX):
                debris.unlink(missing_ok=True)
            elif debris.name.startswith(STAGING_PREFIX) and debris.is_dir():
                shutil.rmtree(debris, ignore_errors=True)
        yield out


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` on success.

    On any exception (KeyboardInterrupt included) the temporary file is removed and
    ``target`` keeps its previous content.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=TEMPORARY_SUFFIX, dir=target.parent
    )
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def csv_text(table: pd.DataFrame) -> str:
    """CSV with fixed formatting (LF line ends, shortest float repr) for byte-identical reruns."""
    return table.to_csv(index=False, lineterminator="\n")


class TableAppender:
    """Write one table chunk by chunk to a CSV and a Parquet file, holding one row group at
    most: a table larger than memory can be written.

    The CSV is byte-identical to :func:`csv_text` of the whole table; :attr:`csv_sha256`
    is its sha256 once closed. Parquet row groups hold ``row_group_rows`` rows (the last one
    fewer), so the bytes depend on the rows only, not on how they were chunked. ``template``
    (an empty frame with the table's dtypes) fixes the columns and the Parquet schema.
    """

    def __init__(
        self,
        csv_path: Path,
        parquet_path: Path,
        template: pd.DataFrame,
        row_group_rows: int = ROW_GROUP_ROWS,
    ) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        self._columns = list(template.columns)
        self._schema = pa.Schema.from_pandas(template, preserve_index=False)
        self._csv = csv_path.open("w", encoding="utf-8", newline="")
        self._csv_hash = hashlib.sha256()
        self._write_csv(csv_text(template))
        self._parquet = pq.ParquetWriter(parquet_path, self._schema)
        self._row_group_rows = row_group_rows
        self._pending: list[pd.DataFrame] = []
        self._pending_rows = 0
        self.rows = 0

    def append(self, chunk: pd.DataFrame) -> None:
        if list(chunk.columns) != self._columns:
            raise ValueError(f"columns {list(chunk.columns)} differ from {self._columns}")
        if chunk.empty:
            return
        self._write_csv(chunk.to_csv(index=False, header=False, lineterminator="\n"))
        self._pending.append(chunk)
        self._pending_rows += len(chunk)
        self.rows += len(chunk)
        while self._pending_rows >= self._row_group_rows:
            self._write_row_group(self._row_group_rows)

    def _write_csv(self, text: str) -> None:
        self._csv.write(text)
        self._csv_hash.update(text.encode("utf-8"))

    @property
    def csv_sha256(self) -> str:
        """sha256 (hex) of the CSV written so far: of the whole file once closed."""
        return self._csv_hash.hexdigest()

    def _write_row_group(self, rows: int) -> None:
        pending = pd.concat(self._pending, ignore_index=True)
        group, rest = pending.iloc[:rows], pending.iloc[rows:]
        table = self._pa.Table.from_pandas(group, schema=self._schema, preserve_index=False)
        self._parquet.write_table(table, row_group_size=rows)
        self._pending = [rest] if len(rest) else []
        self._pending_rows = len(rest)

    def close(self) -> None:
        """Write the last row group and close both files."""
        if self._pending_rows:
            self._write_row_group(self._pending_rows)
        self._parquet.close()
        self._csv.close()

    def __enter__(self) -> TableAppender:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        if exc_type is None:
            self.close()
        else:  # the files are being discarded: close them without writing more
            self._parquet.close()
            self._csv.close()


@dataclass(frozen=True)
class Tables:
    """The tables of one corpus (see :data:`TABLE_MODELS`)."""

    statements: pd.DataFrame
    mentions: pd.DataFrame
    claims: pd.DataFrame
    evolution: pd.DataFrame
    findings: pd.DataFrame


TABLE_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "statements": Statements,
    "mentions": Mentions,
    "claims": Claims,
    "evolution": Evolution,
    "findings": Findings,
}
# Tables derived by comparing statements with each other; `extract --no-analysis` skips them.
ANALYSIS_TABLES = ("evolution", "findings")


class CorpusChecksum:
    """One sha256 over everything extraction reads from a corpus folder: the manifest, the
    annotations and each statement's bytes. ``datapackage.json`` records it, so a reader
    can tell whether the tables are older than the corpus."""

    def __init__(self, manifest: Path, annotations: Path | None) -> None:
        self._hash = hashlib.sha256()
        for path in (manifest, annotations):
            if path is not None:  # read in blocks: a manifest may list millions of statements
                with path.open("rb") as handle:
                    while block := handle.read(HASH_BLOCK_BYTES):
                        self._hash.update(block)
            self._hash.update(b"\0")

    def add(self, statement_id: str, data: bytes) -> None:
        self._hash.update(statement_id.encode("utf-8") + b"\0")
        self._hash.update(hashlib.sha256(data).digest())

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


@functools.cache
def contract_checksum() -> str:
    """sha256 of what decides whether a table is valid: the models and their checks
    (``schema.py``), the vocabularies they check against (``vocabulary.yml``) and the
    versions of the package and of pandera. ``datapackage.json`` records it beside each
    table's sha256: tables written by other models are validated again when read."""
    digest = hashlib.sha256(f"{__version__}\0{pandera.__version__}\0".encode())
    for source in (files("analysis") / "schema.py", VOCABULARY_FILE):
        digest.update(source.read_bytes() + b"\0")
    return digest.hexdigest()


def _field_type(dtype: str) -> str:
    if dtype.startswith("int"):
        return "integer"
    if dtype.startswith("float"):
        return "number"
    return "string"


def _relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()


def datapackage(
    statements: pd.DataFrame,
    written: dict[str, str],
    out: Path,
    corpus: Path,
    annotations: Path | None,
    checksum: str,
) -> dict[str, Any]:
    """A Frictionless Data Package descriptor for the tables written to ``out``: ``written``
    maps each table's name to the sha256 of its CSV file, written after the table was
    validated against its model.

    ``x_corpus`` says which corpus they were built from (paths relative to ``out``) and
    its :class:`CorpusChecksum`, which :func:`load_tables` compares with the corpus now.
    Each resource's ``hash`` and ``x_contract`` (the :func:`contract_checksum` of the models
    they were validated with) let :func:`load_tables` skip validating them again.
    """
    resources = []
    for name, sha256 in written.items():
        model = TABLE_MODELS[name]
        fields = []
        for column, spec in model.to_schema().columns.items():
            field = {"name": column, "type": _field_type(str(spec.dtype))}
            if spec.description:
                field["description"] = spec.description
            fields.append(field)
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "hash": f"{HASH_ALGORITHM}:{sha256}",
                "description": (model.__doc__ or "").strip().splitlines()[0],
                "schema": {"fields": fields},
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "claims-evolution",
        "title": "Figures claimed in official statements, normalised and traced to their quotes",
        "description": (
            "Every value is a claim attributed to the named speaker of its statement; "
            "the package records what was said and does not verify it."
        ),
        "version": __version__,
        "sources": [
            {
                "title": f"{row.statement_id} ({row.file})",
                "path": row.file,
                "sha256": row.sha256 or "",
            }
            for row in statements.itertuples()
        ],
        "x_corpus": {
            "path": _relative(corpus, out),
            "annotations": None if annotations is None else _relative(annotations, out),
            "checksum": checksum,
        },
        "x_contract": contract_checksum(),
        "x_metric_units": dict(METRIC_UNITS),
        "x_vocabularies": {
            key: list(vocabulary()[key]) for key in ("bounds", "units", "periods", "devices")
        },
        "resources": resources,
    }


def write_table(path: Path, name: str, table: pd.DataFrame) -> str:
    """Validate ``table`` against its model and write it as CSV to ``path``; returns the
    file's sha256 (hex)."""
    data = csv_text(TABLE_MODELS[name].validate(table)).encode("utf-8")
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def write_json(path: Path, document: dict[str, Any]) -> None:
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read_table(path: Path, name: str, validated_sha256: str | None = None) -> pd.DataFrame:
    """A table written by :func:`write_table`, with its model's dtypes, validated; an empty
    cell is None (text) or NaN (numbers). A file whose sha256 is ``validated_sha256`` (the
    hash of the file written after validating it against this model) is not validated again.
    """
    model = TABLE_MODELS[name]
    try:
        data = path.read_bytes()
        raw = pd.read_csv(
            io.BytesIO(data), dtype=object, keep_default_na=False, na_values=[""], encoding="utf-8"
        )
        table = conform(raw, model)
    except (OSError, ValueError) as exc:
        raise TablesError(f"{path}: cannot read the {name} table ({exc})") from None
    if validated_sha256 is not None and hashlib.sha256(data).hexdigest() == validated_sha256:
        return table
    try:
        return model.validate(table)
    except (pa.errors.SchemaError, pa.errors.SchemaErrors) as exc:
        first = str(exc).strip().splitlines()[0]
        raise TablesError(f"{path}: does not match the {name} table ({first})") from None


def _package(folder: Path) -> dict[str, Any]:
    path = folder / DATAPACKAGE_NAME
    if not path.is_file():
        raise TablesError(
            f"{folder}: no tables here ({DATAPACKAGE_NAME} missing); build them with "
            f"`make tables`, or `analysis extract CORPUS_DIR --out {folder}`"
        )
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TablesError(f"{path}: unreadable ({exc})") from None


def stale_reason(folder: str | Path) -> str | None:
    """Why the tables in ``folder`` no longer match the corpus they were built from, or
    None when they match (or when that corpus is not at hand to compare)."""
    folder = Path(folder)
    return _stale_reason(folder, _package(folder))


def _stale_reason(folder: Path, package: dict[str, Any]) -> str | None:
    recorded = package.get("x_corpus") or {}
    corpus = folder / recorded.get("path", "")
    manifest = corpus / MANIFEST_NAME
    if not recorded or not manifest.is_file():
        return None
    annotations = recorded.get("annotations")
    annotations_path = None if annotations is None else folder / annotations
    if annotations_path is not None and not annotations_path.is_file():
        return f"{annotations_path} was removed"
    try:
        checksum = CorpusChecksum(manifest, annotations_path)
        for source in package["sources"]:
            statement_id = source["title"].split(" (", 1)[0]
            checksum.add(statement_id, (corpus / source["path"]).read_bytes())
    except OSError as exc:
        return f"a file of {corpus} cannot be read ({exc.strerror})"
    if checksum.hexdigest() != recorded.get("checksum"):
        return f"the corpus {corpus} changed after they were built"
    return None


def load_tables(folder: str | Path, check_corpus: bool = True) -> Tables:
    """The validated tables of ``folder`` (written by ``analysis extract``).

    With ``check_corpus``, tables older than their corpus are refused with a message that
    says how to rebuild them: a notebook never analyses stale tables silently.
    """
    folder = Path(folder)
    package = _package(folder)
    if check_corpus:
        reason = _stale_reason(folder, package)
        if reason:
            corpus = package["x_corpus"]["path"]
            raise TablesError(
                f"{folder}: tables are out of date: {reason}; rebuild them with `make tables` "
                f"or `analysis extract {Path(folder, corpus)} --out {folder}`"
            )
    written = {resource["name"] for resource in package.get("resources", [])}
    missing = [name for name in TABLE_MODELS if name not in written]
    if missing:
        raise TablesError(
            f"{folder}: no {', '.join(missing)} table (written with --no-analysis?); "
            f"rebuild with `analysis extract CORPUS_DIR --out {folder}`"
        )
    validated = _validated_hashes(package)
    return Tables(
        **{
            name: read_table(folder / f"{name}.csv", name, validated.get(name))
            for name in TABLE_MODELS
        }
    )


def _validated_hashes(package: dict[str, Any]) -> dict[str, str]:
    """sha256 of each table file as written after validation, by table name, when the
    package says the tables were validated with the models of this package (the same
    :func:`contract_checksum`); none otherwise."""
    if package.get("x_contract") != contract_checksum():
        return {}
    hashes = {}
    for resource in package.get("resources", []):
        algorithm, _, digest = str(resource.get("hash", "")).partition(":")
        if algorithm == HASH_ALGORITHM and resource.get("path") == f"{resource.get('name')}.csv":
            hashes[resource["name"]] = digest
    return hashes


@contextlib.contextmanager
def staged_files(out: Path, names: list[str]) -> Iterator[dict[str, Path]]:
    """Temporary paths for the files ``names``; all renamed into ``out`` together when the
    block succeeds, none when it fails."""
    with contextlib.ExitStack() as stack:
        yield {name: stack.enter_context(atomic_path(out / name)) for name in names}
