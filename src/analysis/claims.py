"""The claims table: every figure of every statement, found by rules, reviewed by analysts."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

from analysis.classify import Classification, classify_mentions
from analysis.corpus import Corpus
from analysis.extract import Mention, find_mentions
from analysis.review import ANNOTATIONS_NAME, apply_annotations, load_annotations
from analysis.schema import Claims, Statements, columns


def claim_row(
    statement_id: str, mention: Mention, classification: Classification, method: str = "rule"
) -> dict[str, object]:
    quantity = mention.quantity
    return {
        Claims.claim_id: f"{statement_id}:{quantity.start}-{quantity.end}",
        Claims.statement_id: statement_id,
        Claims.metric: classification.metric,
        Claims.value_low: quantity.low,
        Claims.value_best: quantity.best,
        Claims.value_high: quantity.high,
        Claims.bound: quantity.bound,
        Claims.unit: classification.unit,
        Claims.period: classification.period,
        Claims.period_start: classification.period_start,
        Claims.period_end: classification.period_end,
        Claims.area: classification.area,
        Claims.device: classification.device,
        Claims.surface: quantity.surface,
        Claims.quote: mention.sentence,
        Claims.char_start: quantity.start,
        Claims.char_end: quantity.end,
        Claims.method: method,
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


def as_table(rows: list[dict[str, object]] | pd.DataFrame) -> pd.DataFrame:
    """Rows in the column order and dtypes of the Claims model (empty text cells are None)."""
    table = pd.DataFrame(rows, columns=columns(Claims))
    for column in (Claims.value_low, Claims.value_best, Claims.value_high):
        table[column] = table[column].astype("float64")
    for column in (Claims.char_start, Claims.char_end):
        table[column] = table[column].astype("int64")
    for column in columns(Claims):
        if table[column].dtype.kind not in "if":
            table[column] = table[column].astype("str").where(table[column].notna(), None)
    return table


def _statement_claims(args: tuple[str, str, str | None]) -> list[dict[str, object]]:
    return rule_claims(*args)


def build_claims(
    corpus: Corpus, annotations: str | Path | None = None, jobs: int = 1
) -> pd.DataFrame:
    """The validated claims table of a corpus, in statement order then text order.

    With ``jobs`` > 1 statements are extracted in that many processes; the table is the
    same as with one.
    """
    work = [
        (s.statement_id, corpus.text(s.statement_id), None if pd.isna(s.date) else s.date)
        for s in corpus.statements.itertuples()
    ]
    if jobs > 1 and len(work) > 1:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(jobs, len(work)), mp_context=context) as pool:
            per_statement = list(pool.map(_statement_claims, work))
    else:
        per_statement = [_statement_claims(item) for item in work]
    table = as_table([row for rows in per_statement for row in rows])
    path = Path(annotations) if annotations else corpus.root / ANNOTATIONS_NAME
    if annotations or path.is_file():
        table = as_table(apply_annotations(table, load_annotations(path), corpus))
    order = {sid: i for i, sid in enumerate(corpus.statements[Statements.statement_id])}
    table = table.sort_values(
        [Claims.statement_id, Claims.char_start],
        key=lambda col: col.map(order) if col.name == Claims.statement_id else col,
    ).reset_index(drop=True)
    return Claims.validate(table)
