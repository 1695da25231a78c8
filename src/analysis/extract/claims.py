"""The claims of one statement: every figure the rules find, with the analyst's review applied.

This is the per-statement step of stage 1; :mod:`analysis.pipeline` runs it over a corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from analysis.config import ANNOTATIONS_NAME
from analysis.extract.classify import Classification, classify_mentions
from analysis.extract.mentions import Mention, find_mentions
from analysis.extract.review import apply_annotations, by_statement, load_annotations
from analysis.schema import Claims, claim_id, claims_table, columns

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
        if isinstance(classification, Classification)
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


def annotations_path(corpus_dir: str | Path, annotations: str | Path | None) -> Path | None:
    """The analyst corrections to apply: ``annotations`` if given, else ``annotations.yml``
    in the corpus folder when there is one."""
    if annotations:
        return Path(annotations)
    path = Path(corpus_dir) / ANNOTATIONS_NAME
    return path if path.is_file() else None


def annotations_by_statement(
    path: Path | None, statement_ids: list[str]
) -> dict[str, list[dict[str, Any]]]:
    """The checked analyst entries of each statement (none without a file)."""
    return {} if path is None else by_statement(load_annotations(path), statement_ids)
