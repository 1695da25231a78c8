"""The claims table: every figure of every statement, found by rules, reviewed by analysts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd

from analysis.extract.classify import Classification, classify_mentions
from analysis.extract.corpus import Corpus, Source, decode_source
from analysis.extract.mentions import Mention, find_mentions
from analysis.extract.review import (
    ANNOTATIONS_NAME,
    apply_annotations,
    by_statement,
    load_annotations,
)
from analysis.parallel import map_ordered
from analysis.schema import Claims, Statements, claim_id, claims_table, columns

# The column names of Claims, read once: pandera works a name out at each attribute access, and
# there is a row per figure.
_COLUMN = SimpleNamespace(**{name: getattr(Claims, name) for name in columns(Claims)})


def claim_row(
    statement_id: str, mention: Mention, classification: Classification, method: str = "rule"
) -> dict[str, object]:
    quantity, c = mention.quantity, _COLUMN
    return {
        c.claim_id: claim_id(statement_id, quantity.start, quantity.end),
        c.statement_id: statement_id,
        c.metric: classification.metric,
        c.value_low: quantity.low,
        c.value_best: quantity.best,
        c.value_high: quantity.high,
        c.bound: quantity.bound,
        c.unit: classification.unit,
        c.period: classification.period,
        c.period_start: classification.period_start,
        c.period_end: classification.period_end,
        c.area: classification.area,
        c.device: classification.device,
        c.surface: quantity.surface,
        c.quote: mention.sentence,
        c.char_start: quantity.start,
        c.char_end: quantity.end,
        c.method: method,
    }


def rule_claims(
    statement_id: str, text: str, statement_date: str | None
) -> list[dict[str, object]]:
    """The claims the rules find in one statement text."""
    mentions = find_mentions(text)
    classified = classify_mentions(text, mentions, statement_date)
    return [
        claim_row(statement_id, mention, classification)
        for mention, classification in zip(mentions, classified, strict=True)
        if classification is not None
    ]


@dataclass(frozen=True)
class StatementJob:
    """One statement to extract: everything a worker process needs, and picklable."""

    statement_id: str
    text: str
    date: str | None
    annotations: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class StatementClaims:
    statement_id: str
    n_chars: int
    rows: list[dict[str, object]]  # claim rows in text order (schema.claims_table: a table)


def statement_claims(job: StatementJob) -> StatementClaims:
    """The claims of one statement: the rules' findings with its annotations applied.

    Rows, not a table: building and validating a DataFrame costs more than extracting a
    short statement, so the caller does it once for many statements.
    """
    rows = rule_claims(job.statement_id, job.text, job.date)
    if job.annotations:
        texts = {job.statement_id: job.text}
        table = apply_annotations(claims_table(rows), list(job.annotations), texts)
        table = table.sort_values(Claims.char_start, kind="stable")
        rows = table.astype(object).where(table.notna(), None).to_dict("records")
    return StatementClaims(job.statement_id, len(job.text), rows)


def _annotations(
    root: Path, annotations: str | Path | None, statement_ids: list[str]
) -> dict[str, list[dict[str, Any]]]:
    """The analyst entries of each statement: from ``annotations`` if given, else from
    ``annotations.yml`` in the corpus folder when there is one."""
    path = Path(annotations) if annotations else root / ANNOTATIONS_NAME
    if not (annotations or path.is_file()):
        return {}
    return by_statement(load_annotations(path), statement_ids)


def stream_claims(
    sources: list[Source],
    corpus_dir: str | Path,
    annotations: str | Path | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Iterator[StatementClaims]:
    """The claims of each statement, in manifest order, reading one text at a time.

    Texts are read and checked here and extracted by ``jobs`` processes or a Dask cluster
    (see :func:`analysis.parallel.map_ordered`); the result does not depend on which.
    """
    entries = _annotations(Path(corpus_dir), annotations, [s.statement_id for s in sources])
    work = (
        StatementJob(
            s.statement_id,
            decode_source(s, s.path.read_bytes()),
            s.date,
            tuple(entries.get(s.statement_id, ())),
        )
        for s in sources
    )
    return map_ordered(statement_claims, work, jobs, scheduler)


def build_claims(
    corpus: Corpus, annotations: str | Path | None = None, jobs: int = 1
) -> pd.DataFrame:
    """The validated claims table of a loaded corpus, in statement order then text order.

    With ``jobs`` > 1 statements are extracted in that many processes; the table is the
    same as with one.
    """
    ids = list(corpus.statements[Statements.statement_id])
    entries = _annotations(corpus.root, annotations, ids)
    dates = [None if pd.isna(d) else d for d in corpus.statements[Statements.date]]
    work = (
        StatementJob(sid, corpus.text(sid), date, tuple(entries.get(sid, ())))
        for sid, date in zip(ids, dates, strict=True)
    )
    done = map_ordered(statement_claims, work, min(jobs, len(ids)))
    return Claims.validate(claims_table([row for d in done for row in d.rows]))
