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

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pandas as pd

from analysis import storage
from analysis.cache import CACHE_NAME, StatementCache, job_key
from analysis.config import DATAPACKAGE_NAME, MANIFEST_NAME
from analysis.derive.evolution import SERIES_KEY, build_evolution
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
from analysis.schema import Claims, Mentions, claims_table, mentions_table
from analysis.storage import ANALYSIS_TABLES, TABLE_MODELS, CorpusChecksum, Tables

PROGRESS_SECONDS = 2.0

Progress = Callable[[str], None]


def _quiet(message: str) -> None:
    """Progress that goes nowhere."""


def analyse(
    statements: pd.DataFrame,
    mentions: pd.DataFrame,
    claims: pd.DataFrame,
    progress: Progress = _quiet,
) -> Tables:
    """Stage 2: the tables derived from the claims of a whole corpus, beside stage 1's.

    ``progress`` hears a line when it starts and when it is done, and on a long run one at
    most every ``PROGRESS_SECONDS`` in between (after evolution, after each findings rule).
    """
    started = shown = time.monotonic()
    series = len(claims[SERIES_KEY].drop_duplicates())
    progress(
        f"analysing {len(claims):,} claims of {len(statements):,} statements in {series:,} series"
    )

    def step(message: str) -> None:
        nonlocal shown
        now = time.monotonic()
        if now - shown >= PROGRESS_SECONDS:
            shown = now
            progress(f"{message} ({now - started:,.1f} s)")

    evolution = build_evolution(claims, statements)
    step(f"evolution: {len(evolution):,} rows")
    findings = find_inconsistencies(claims, statements, progress=step)
    progress(
        f"analysed in {time.monotonic() - started:,.1f} s: {len(evolution):,} evolution rows, "
        f"{len(findings):,} findings"
    )
    return Tables(
        statements=statements,
        mentions=mentions,
        claims=claims,
        evolution=evolution,
        findings=findings,
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
        self,
        jobs: int,
        scheduler: str | None,
        keep_texts: bool,
        cache: StatementCache | None = None,
    ) -> Iterator[StatementClaims]:
        """Each statement's claims, in manifest order, whatever ran them (see
        :func:`analysis.parallel.map_ordered`); with a ``cache``, a statement whose inputs
        are unchanged since an earlier run is not extracted again."""
        keys: dict[str, str] = {}  # statement_id -> cache key, of jobs sent to extraction

        def work() -> Iterator[StatementJob | StatementClaims]:
            for job in self.jobs(keep_texts):
                if cache is None:
                    yield job
                    continue
                key = job_key(job)
                cached = cache.get(key)
                if cached is None:
                    keys[job.statement_id] = key
                yield job if cached is None else cached

        workers = min(jobs, len(self.sources)) if scheduler is None else jobs
        for result in map_ordered(_extract_unless_cached, work(), workers, scheduler):
            key = keys.pop(result.statement_id, None)
            if cache is not None and key is not None:
                cache.put(key, result)
            yield result


def _extract_unless_cached(item: StatementJob | StatementClaims) -> StatementClaims:
    """The worker's step: a statement's claims, or the cached ones passed through."""
    return item if isinstance(item, StatementClaims) else statement_claims(item)


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


def _chunks(
    results: Iterable[StatementClaims], n_chars: list[int], meter: _Meter
) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """Validated (claims, mentions) tables of about ``storage.ROW_GROUP_ROWS`` claims from
    per-statement rows (one table per statement would cost more than the extraction);
    records each statement's length."""
    claims: list[dict[str, object]] = []
    mentions: list[dict[str, object]] = []
    for done in results:
        claims.extend(done.rows)
        mentions.extend(done.mentions)
        n_chars.append(done.n_chars)
        meter.update(done.n_chars)
        if len(claims) >= storage.ROW_GROUP_ROWS or len(mentions) >= storage.ROW_GROUP_ROWS:
            yield _validated(claims, mentions)
            claims, mentions = [], []
    yield _validated(claims, mentions)


def _validated(
    claims: list[dict[str, object]], mentions: list[dict[str, object]]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    return Claims.validate(claims_table(claims)), Mentions.validate(mentions_table(mentions))


def build_tables(
    corpus_dir: str | Path,
    annotations: str | Path | None = None,
    jobs: int = 1,
    texts: dict[str, str] | None = None,
) -> Tables:
    """Every table of a corpus folder, in memory (nothing is written). A ``texts`` dict
    receives each statement's text as it is read."""
    run = _Run(corpus_dir, annotations)
    n_chars: list[int] = []
    meter = _Meter(len(run.sources), _quiet)
    results = run.claims(jobs, None, texts is not None)
    claims, mentions = zip(*_chunks(results, n_chars, meter), strict=True)
    if texts is not None:
        texts.update(run.texts)
    return analyse(
        statements_table(run.sources, n_chars),
        pd.concat(mentions, ignore_index=True) if len(mentions) > 1 else mentions[0],
        pd.concat(claims, ignore_index=True) if len(claims) > 1 else claims[0],
    )


def extract(
    corpus_dir: str | Path,
    out_dir: str | Path,
    annotations: str | Path | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    with_analysis: bool = True,
    progress: Progress = print,
    texts: dict[str, str] | None = None,
    force: bool = False,
) -> Tables | None:
    """Extract the claims of a corpus folder statement by statement into ``out_dir``.

    Claims and mentions are appended to their CSV and Parquet files as each statement is done (in
    manifest order, whatever ran it: ``jobs`` processes, or a Dask ``scheduler`` address or
    ``"local"``), so memory stays flat however large the corpus. With ``with_analysis`` the
    claims are also kept to derive evolution and findings, which compare every statement
    with the others, and the tables are returned; without, those two files are not written
    (and removed if an earlier run left them, so the folder stays one consistent set).
    A ``texts`` dict receives each statement's text as it is read (for the report's pages).
    Statements extracted by an earlier run into ``out_dir`` with the same inputs are reused
    (:mod:`analysis.cache`); ``force`` extracts every statement again.
    """
    out = Path(out_dir)
    run = _Run(corpus_dir, annotations)
    with storage.exclusive(out):
        return _extract_into(out, run, with_analysis, jobs, scheduler, progress, texts, force)


def _extract_into(
    out: Path,
    run: _Run,
    with_analysis: bool,
    jobs: int,
    scheduler: str | None,
    progress: Progress,
    texts: dict[str, str] | None,
    force: bool,
) -> Tables | None:
    """:func:`extract`, holding the output folder."""
    names = list(TABLE_MODELS) if with_analysis else ["statements", "mentions", "claims"]
    # claims and mentions are written as statements are done, to CSV and Parquet.
    files = [*(f"{name}.csv" for name in names), "claims.parquet", "mentions.parquet"]
    files.append(DATAPACKAGE_NAME)
    meter = _Meter(len(run.sources), progress)
    n_chars: list[int] = []
    kept: list[tuple[pd.DataFrame, pd.DataFrame]] = []
    if force:
        (out / CACHE_NAME).unlink(missing_ok=True)
    cache = StatementCache(out)
    with contextlib.closing(cache), storage.staged_files(out, files) as staged:
        with (
            storage.TableAppender(
                staged["claims.csv"], staged["claims.parquet"], claims_table([])
            ) as claims_file,
            storage.TableAppender(
                staged["mentions.csv"], staged["mentions.parquet"], mentions_table([])
            ) as mentions_file,
        ):
            results = run.claims(jobs, scheduler, texts is not None, cache)
            for claims, mentions in _chunks(results, n_chars, meter):
                claims_file.append(claims)
                mentions_file.append(mentions)
                if with_analysis:
                    kept.append((claims, mentions))
        statements = statements_table(run.sources, n_chars)
        # The sha256 of each table file, written after validation (the chunks of claims and
        # mentions were validated as they were made): see storage.datapackage.
        written = {
            "statements": storage.write_table(staged["statements.csv"], "statements", statements),
            "mentions": mentions_file.csv_sha256,
            "claims": claims_file.csv_sha256,
        }
        tables = None
        if with_analysis:
            tables = analyse(  # validated chunks
                statements,
                pd.concat([m for _, m in kept], ignore_index=True),
                pd.concat([c for c, _ in kept], ignore_index=True),
                progress,
            )
            for name in ANALYSIS_TABLES:
                written[name] = storage.write_table(
                    staged[f"{name}.csv"], name, getattr(tables, name)
                )
        package = storage.datapackage(
            statements,
            {name: written[name] for name in names},
            out,
            run.corpus,
            run.annotations,
            run.checksum.hexdigest(),
        )
        storage.write_json(staged[DATAPACKAGE_NAME], package)
        cache.prune()
    if cache.hits:
        progress(f"reused {cache.hits:,} unchanged statements from {out / CACHE_NAME}")
    if texts is not None:
        texts.update(run.texts)
    if not with_analysis:
        for name in ANALYSIS_TABLES:
            (out / f"{name}.csv").unlink(missing_ok=True)
    rows = {
        "statements": len(statements),
        "mentions": mentions_file.rows,
        "claims": claims_file.rows,
    }
    if tables:
        rows |= {name: len(getattr(tables, name)) for name in ANALYSIS_TABLES}
    for name, count in rows.items():
        progress(f"wrote {out / (name + '.csv')} ({count} rows)")
    return tables
