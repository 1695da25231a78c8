"""The claims of one statement: every figure the rules find, with the analyst's review applied.

This is the per-statement step of stage 1; :mod:`analysis.pipeline` runs it over a corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from analysis.config import ANNOTATIONS_NAME
from analysis.extract.classify import Classification, NotAClaim, classify_mentions
from analysis.extract.mentions import Mention, NumberMention, find_mentions, scan_numbers
from analysis.extract.review import apply_annotations, by_statement, load_annotations
from analysis.extract.sentences import quote_of
from analysis.schema import (
    MENTION_CLAIM,
    MENTION_NOT_A_CLAIM,
    MENTION_UNCLASSIFIED,
    Claims,
    Mentions,
    claim_id,
    claims_table,
    columns,
)

# The column names of Claims, read once: pandera works a name out at each attribute access, and
# there is a row per figure.
_COLUMN = SimpleNamespace(**{name: getattr(Claims, name) for name in columns(Claims)})


def claim_row(
    statement_id: str, mention: Mention, classification: Classification, method: str = "rule"
) -> dict[str, object]:
    quantity, c = mention.quantity, _COLUMN
    low, best, high = classification.values or (quantity.low, quantity.best, quantity.high)
    return {
        c.claim_id: claim_id(statement_id, quantity.start, quantity.end),
        c.statement_id: statement_id,
        c.metric: classification.metric,
        c.value_low: low,
        c.value_best: best,
        c.value_high: high,
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
    return _rule_findings(statement_id, text, statement_date)[0]


def _rule_findings(
    statement_id: str, text: str, statement_date: str | None
) -> tuple[list[dict[str, object]], list[NumberMention], dict[int, str]]:
    """The rules' claim rows, every number of the text, and the reason the classifier gave
    for a candidate it knows is not a claim (by start offset)."""
    numbers = scan_numbers(text)
    mentions = find_mentions(text, numbers)
    classified = classify_mentions(text, mentions, statement_date)
    rows, refused = [], {}
    for mention, classification in zip(mentions, classified, strict=True):
        if isinstance(classification, Classification):
            rows.append(claim_row(statement_id, mention, classification))
        elif isinstance(classification, NotAClaim):
            refused[mention.quantity.start] = classification.reason
    return rows, numbers, refused


def mention_rows(
    statement_id: str,
    text: str,
    numbers: list[NumberMention],
    refused: dict[int, str],
    claims: list[dict[str, object]],
) -> list[dict[str, object]]:
    """Every number of a statement with what became of it: the claim at its span (after
    review), else the reason it is not a claim, else ``unclassified`` with its sentence."""
    claim_at = {(row[Claims.char_start], row[Claims.char_end]): row for row in claims}
    rows = []
    for number in numbers:
        claim = claim_at.pop((number.start, number.end), None)
        reason = number.reason or refused.get(number.start)
        status = MENTION_CLAIM if claim else MENTION_NOT_A_CLAIM if reason else MENTION_UNCLASSIFIED
        rows.append(
            {
                Mentions.statement_id: statement_id,
                Mentions.char_start: number.start,
                Mentions.char_end: number.end,
                Mentions.surface: number.surface,
                Mentions.status: status,
                Mentions.reason: None if claim else reason,
                Mentions.claim_id: claim[Claims.claim_id] if claim else None,
                Mentions.context: None if claim or reason else _review_quote(text, number),
            }
        )
    for claim in claim_at.values():  # added in review where the rules saw no number
        start, end = claim[Claims.char_start], claim[Claims.char_end]
        rows.append(
            dict.fromkeys(columns(Mentions))
            | {
                Mentions.statement_id: statement_id,
                Mentions.char_start: start,
                Mentions.char_end: end,
                Mentions.surface: text[start:end],
                Mentions.status: MENTION_CLAIM,
                Mentions.claim_id: claim[Claims.claim_id],
            }
        )
    return sorted(rows, key=lambda row: (row[Mentions.char_start], row[Mentions.char_end]))


def _review_quote(text: str, number: NumberMention) -> str | None:
    """The sentence of a number, when it occurs once in the text (an annotation's quote)."""
    quote = quote_of(text, number.start, number.end)
    return quote if text.count(quote) == 1 else None


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
    mentions: list[dict[str, object]]  # every number, in text order (schema.mentions_table)


def statement_claims(job: StatementJob) -> StatementClaims:
    """The claims of one statement: the rules' findings with its annotations applied.

    Rows, not a table: building and validating a DataFrame costs more than extracting a
    short statement, so the caller does it once for many statements.
    """
    rows, numbers, refused = _rule_findings(job.statement_id, job.text, job.date)
    if job.annotations:
        texts = {job.statement_id: job.text}
        table = apply_annotations(claims_table(rows), list(job.annotations), texts)
        table = table.sort_values(Claims.char_start, kind="stable")
        rows = table.astype(object).where(table.notna(), None).to_dict("records")
    mentions = mention_rows(job.statement_id, job.text, numbers, refused, rows)
    return StatementClaims(job.statement_id, len(job.text), rows, mentions)


def annotations_path(corpus_dir: str | Path, annotations: str | Path | None) -> Path | None:
    """The analyst corrections to apply: ``annotations`` if given, else ``annotations.yml``
    in the corpus folder when there is one."""
    if annotations:
        return Path(annotations)
    path = Path(corpus_dir) / ANNOTATIONS_NAME
    return path if path.exists() else None  # a directory or FIFO is refused, not skipped


def annotations_by_statement(
    path: Path | None, statement_ids: list[str]
) -> dict[str, list[dict[str, Any]]]:
    """The checked analyst entries of each statement (none without a file)."""
    return {} if path is None else by_statement(load_annotations(path), statement_ids)
