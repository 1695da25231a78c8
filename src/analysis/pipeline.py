"""The pipeline, as a declared DAG of stages: raw corpus -> processed tables.

    Load     the manifest, then each statement's bytes          analysis.extract.corpus
    Process  stage 1, each statement -> its claims              analysis.extract.claims
             stage 2, all claims -> evolution and findings      analysis.derive
    Save     every table and datapackage.json, all or nothing   analysis.storage

Stage 3 (notebooks, HTML) reads what Save wrote: see :mod:`analysis.report.build`.

:func:`extract` streams a corpus folder of any size to files; :func:`build_tables` runs the
same steps and keeps the tables in memory. Each statement is read once: its bytes feed the
corpus checksum and its text the extraction.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pandas as pd

from analysis import storage
from analysis.config import DATAPACKAGE_NAME, MANIFEST_NAME
from analysis.derive.evolution import build_evolution
from analysis.derive.findings import find_inconsistencies
from analysis.extract.claims import (
    StatementClaims,
    StatementJob,
    annotations_by_statement,
    annotations_path,
    statement_claims,
)
from analysis.extract.corpus import Source, decode_source, read_manifest, statements_table
from analysis.parallel import map_ordered
from analysis.schema import Claims, claims_table
from analysis.storage import ANALYSIS_TABLES, TABLE_MODELS, CorpusChecksum, Tables

PROGRESS_SECONDS = 2.0

Progress = Callable[[str], None]


def _quiet(message: str) -> None:
    """Progress that goes nowhere."""


def analyse(statements: pd.DataFrame, claims: pd.DataFrame) -> Tables:
    """Stage 2: the tables derived from the claims of a whole corpus."""
    return Tables(
        statements=statements,
        claims=claims,
        evolution=build_evolution(claims, statements),
        findings=find_inconsistencies(claims, statements),
    )


class _Run:
    """Load and stage 1 over one corpus folder: each statement read once, in manifest order."""

    def __init__(self, corpus_dir: str | Path, annotations: str | Path | None) -> None:
        self.corpus = Path(corpus_dir)
        self.sources: list[Source] = read_manifest(self.corpus)
        self.annotations = annotations_path(self.corpus, annotations)
        self.entries = annotations_by_statement(
            self.annotations, [s.statement_id for s in self.sources]
        )
        self.checksum = CorpusChecksum(self.corpus / MANIFEST_NAME, self.annotations)
        self.texts: dict[str, str] = {}

    def jobs(self, keep_texts: bool) -> Iterator[StatementJob]:
        for source in self.sources:
            data = source.path.read_bytes()
            self.checksum.add(source.statement_id, data)
            text = decode_source(source, data)
            if keep_texts:
                self.texts[source.statement_id] = text
            entries = tuple(self.entries.get(source.statement_id, ()))
            yield StatementJob(source.statement_id, text, source.date, entries)

    def claims(
        self, jobs: int, scheduler: str | None, keep_texts: bool
    ) -> Iterator[StatementClaims]:
        """Each statement's claims, in manifest order, whatever ran them (see
        :func:`analysis.parallel.map_ordered`)."""
        workers = min(jobs, len(self.sources)) if scheduler is None else jobs
        return map_ordered(statement_claims, self.jobs(keep_texts), workers, scheduler)


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
    """Validated claims tables of about ``storage.ROW_GROUP_ROWS`` rows from per-statement
    rows (one table per statement would cost more than the extraction); records each length."""
    batch: list[dict[str, object]] = []
    for done in results:
        batch.extend(done.rows)
        n_chars.append(done.n_chars)
        meter.update(done.n_chars)
        if len(batch) >= storage.ROW_GROUP_ROWS:
            yield Claims.validate(claims_table(batch))
            batch = []
    yield Claims.validate(claims_table(batch))


def build_tables(
    corpus_dir: str | Path, annotations: str | Path | None = None, jobs: int = 1
) -> Tables:
    """Every table of a corpus folder, in memory (nothing is written)."""
    run = _Run(corpus_dir, annotations)
    n_chars: list[int] = []
    meter = _Meter(len(run.sources), _quiet)
    chunks = list(_claim_chunks(run.claims(jobs, None, False), n_chars, meter))
    claims = pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]
    return analyse(statements_table(run.sources, n_chars), claims)


def extract(
    corpus_dir: str | Path,
    out_dir: str | Path,
    annotations: str | Path | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    with_analysis: bool = True,
    progress: Progress = print,
    texts: dict[str, str] | None = None,
) -> Tables | None:
    """Extract the claims of a corpus folder statement by statement into ``out_dir``.

    Claims are appended to claims.csv and claims.parquet as each statement is done (in
    manifest order, whatever ran it: ``jobs`` processes, or a Dask ``scheduler`` address or
    ``"local"``), so memory stays flat however large the corpus. With ``with_analysis`` the
    claims are also kept to derive evolution and findings, which compare every statement
    with the others, and the tables are returned; without, those two files are not written
    (and removed if an earlier run left them, so the folder stays one consistent set).
    A ``texts`` dict receives each statement's text as it is read (for the report's pages).
    """
    out = Path(out_dir)
    run = _Run(corpus_dir, annotations)
    names = list(TABLE_MODELS) if with_analysis else ["statements", "claims"]
    files = [*(f"{name}.csv" for name in names), "claims.parquet", DATAPACKAGE_NAME]
    meter = _Meter(len(run.sources), progress)
    n_chars: list[int] = []
    kept: list[pd.DataFrame] = []
    with storage.staged_files(out, files) as staged:
        template = claims_table([])
        with storage.TableAppender(
            staged["claims.csv"], staged["claims.parquet"], template
        ) as appender:
            results = run.claims(jobs, scheduler, keep_texts=texts is not None)
            for chunk in _claim_chunks(results, n_chars, meter):
                appender.append(chunk)
                if with_analysis:
                    kept.append(chunk)
        statements = statements_table(run.sources, n_chars)
        storage.write_table(staged["statements.csv"], "statements", statements)
        tables = None
        if with_analysis:
            tables = analyse(statements, pd.concat(kept, ignore_index=True))  # validated
            for name in ANALYSIS_TABLES:
                storage.write_table(staged[f"{name}.csv"], name, getattr(tables, name))
        package = storage.datapackage(
            statements, names, out, run.corpus, run.annotations, run.checksum.hexdigest()
        )
        storage.write_json(staged[DATAPACKAGE_NAME], package)
    if texts is not None:
        texts.update(run.texts)
    if not with_analysis:
        for name in ANALYSIS_TABLES:
            (out / f"{name}.csv").unlink(missing_ok=True)
    rows = {"statements": len(statements), "claims": appender.rows}
    if tables:
        rows |= {name: len(getattr(tables, name)) for name in ANALYSIS_TABLES}
    for name, count in rows.items():
        progress(f"wrote {out / (name + '.csv')} ({count} rows)")
    return tables
