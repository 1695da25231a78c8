"""The extraction pipeline as small steps: read the corpus, build the tables, save them.

Two entry points share one writer. :func:`build_tables` derives every table in memory
(notebooks, reports). :func:`extract` streams a corpus folder of any size: statements are
read, extracted (in several processes or on a Dask cluster) and their claims appended to
the output files one statement at a time, so memory does not grow with the corpus.

Each table is validated against its pandera model before it is written, and every file is
written to a temporary name and renamed with the others at the end, so an earlier run's
outputs survive a failure or an interrupt.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from analysis import __version__, storage
from analysis.derive.evolution import build_evolution
from analysis.derive.findings import find_inconsistencies
from analysis.extract.claims import StatementClaims, build_claims, stream_claims
from analysis.extract.corpus import load_corpus, read_manifest, statements_table
from analysis.schema import (
    METRIC_UNITS,
    Claims,
    Evolution,
    Findings,
    Statements,
    claims_table,
    vocabulary,
)

TABLE_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "statements": Statements,
    "claims": Claims,
    "evolution": Evolution,
    "findings": Findings,
}
# Tables derived by comparing statements with each other; `extract --no-analysis` skips them.
ANALYSIS_TABLES = ("evolution", "findings")
PROGRESS_SECONDS = 2.0

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Tables:
    statements: pd.DataFrame
    claims: pd.DataFrame
    evolution: pd.DataFrame
    findings: pd.DataFrame


def analyse(statements: pd.DataFrame, claims: pd.DataFrame) -> Tables:
    """The tables derived from the claims of a whole corpus."""
    return Tables(
        statements=statements,
        claims=claims,
        evolution=build_evolution(claims, statements),
        findings=find_inconsistencies(claims, statements),
    )


def build_tables(
    corpus_dir: str | Path, annotations: str | Path | None = None, jobs: int = 1
) -> Tables:
    """Load a corpus folder and derive every table from it (pure: nothing is written)."""
    corpus = load_corpus(corpus_dir)
    return analyse(corpus.statements, build_claims(corpus, annotations, jobs=jobs))


def _field_type(dtype: str) -> str:
    if dtype.startswith("int"):
        return "integer"
    if dtype.startswith("float"):
        return "number"
    return "string"


def datapackage(statements: pd.DataFrame, names: list[str]) -> dict:
    """A Frictionless Data Package descriptor for the written tables ``names``."""
    resources = []
    for name in names:
        model = TABLE_MODELS[name]
        schema = model.to_schema()
        fields = []
        for column, spec in schema.columns.items():
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
                "description": (model.__doc__ or "").strip().splitlines()[0],
                "schema": {"fields": fields},
            }
        )
    units = {metric: unit for metric, unit in METRIC_UNITS.items()}
    corpus_files = statements[[Statements.statement_id, Statements.file, Statements.sha256]]
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
            {"title": f"{row.statement_id} ({row.file})", "sha256": row.sha256 or ""}
            for row in corpus_files.itertuples()
        ],
        "x_metric_units": units,
        "x_vocabularies": {
            key: list(vocabulary()[key]) for key in ("bounds", "units", "periods", "devices")
        },
        "resources": resources,
    }


def _file_names(tables: Iterable[str]) -> list[str]:
    return [*(f"{name}.csv" for name in tables), "claims.parquet", "datapackage.json"]


@contextlib.contextmanager
def _staged(out: Path, names: list[str]) -> Iterator[dict[str, Path]]:
    """Temporary paths for every output; all renamed into ``out`` when the block succeeds."""
    with contextlib.ExitStack() as stack:
        yield {name: stack.enter_context(storage.atomic_path(out / name)) for name in names}


def _write_table(staged: dict[str, Path], name: str, table: pd.DataFrame) -> None:
    text = storage.csv_text(TABLE_MODELS[name].validate(table))
    staged[f"{name}.csv"].write_text(text, encoding="utf-8")


def _write_package(staged: dict[str, Path], statements: pd.DataFrame, names: list[str]) -> None:
    package = datapackage(statements, names)
    staged["datapackage.json"].write_text(
        json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def _claims_appender(staged: dict[str, Path]) -> storage.TableAppender:
    return storage.TableAppender(staged["claims.csv"], staged["claims.parquet"], claims_table([]))


class _Meter:
    """Progress lines for a long extraction, at most one every ``PROGRESS_SECONDS``."""

    def __init__(self, total: int, progress: Progress) -> None:
        self.total, self.progress = total, progress
        self.started = self.shown = time.monotonic()
        self.done = self.chars = 0

    def update(self, chars: int) -> None:
        self.done += 1
        self.chars += chars
        now = time.monotonic()
        if now - self.shown >= PROGRESS_SECONDS or self.done == self.total:
            self.shown = now
            rate = self.chars / 1e6 / max(now - self.started, 1e-9)
            self.progress(
                f"extracted {self.done:,}/{self.total:,} statements "
                f"({self.chars:,} characters, {rate:,.2f} M characters/s)"
            )


def _claim_chunks(
    results: Iterable[StatementClaims], n_chars: list[int], meter: _Meter
) -> Iterator[pd.DataFrame]:
    """Validated claims tables of about ``storage.ROW_GROUP_ROWS`` rows from per-statement rows
    (one table per statement would cost more than the extraction); records each length."""
    batch: list[dict[str, object]] = []
    for done in results:
        batch.extend(done.rows)
        n_chars.append(done.n_chars)
        meter.update(done.n_chars)
        if len(batch) >= storage.ROW_GROUP_ROWS:
            yield Claims.validate(claims_table(batch))
            batch = []
    yield Claims.validate(claims_table(batch))


def extract(
    corpus_dir: str | Path,
    out_dir: str | Path,
    annotations: str | Path | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    with_analysis: bool = True,
    progress: Progress = print,
) -> Tables | None:
    """Extract the claims of a corpus folder statement by statement into ``out_dir``.

    Claims are appended to claims.csv and claims.parquet as each statement is done (in
    manifest order, whatever ran it: ``jobs`` processes, or a Dask ``scheduler`` address or
    ``"local"``), so memory stays flat however large the corpus. With ``with_analysis`` the
    claims are also kept to derive evolution and findings, which compare every statement
    with the others, and the tables are returned; without, those two files are not written
    (and removed if an earlier run left them, so the folder stays one consistent set).
    """
    out = Path(out_dir)
    sources = read_manifest(corpus_dir)
    names = list(TABLE_MODELS) if with_analysis else ["statements", "claims"]
    meter = _Meter(len(sources), progress)
    n_chars: list[int] = []
    kept: list[pd.DataFrame] = []
    with _staged(out, _file_names(names)) as staged:
        with _claims_appender(staged) as appender:
            results = stream_claims(sources, corpus_dir, annotations, jobs, scheduler)
            for chunk in _claim_chunks(results, n_chars, meter):
                appender.append(chunk)
                if with_analysis:
                    kept.append(chunk)
        statements = statements_table(sources, n_chars)
        _write_table(staged, "statements", statements)
        tables = None
        if with_analysis:
            tables = analyse(statements, pd.concat(kept, ignore_index=True))  # validated
            for name in ANALYSIS_TABLES:
                _write_table(staged, name, getattr(tables, name))
        _write_package(staged, statements, names)
    if not with_analysis:
        for name in ANALYSIS_TABLES:
            (out / f"{name}.csv").unlink(missing_ok=True)
    rows = {"statements": len(statements), "claims": appender.rows}
    if tables:
        rows |= {name: len(getattr(tables, name)) for name in ANALYSIS_TABLES}
    for name, count in rows.items():
        progress(f"wrote {out / (name + '.csv')} ({count} rows)")
    return tables
