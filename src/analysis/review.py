"""Analyst review: corrections and additions from ``annotations.yml``, checked against the text.

Each entry names a statement and a ``quote`` (a stretch of its text that occurs exactly once)
and optionally the ``surface`` of the figure inside it (default: the whole quote)::

    - statement_id: mfa-2024-01-26
      quote: "more than 500 thousand mines are installed here"
      surface: "more than 500 thousand"
      action: correct            # correct | add | drop
      set: {area: Russian peacekeeping zone}
      reason: "'here' refers to the territories of the previous sentence"

A quote that is no longer found, or is found twice, is an error, never skipped. Reviewed rows
get ``method = reviewed``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from analysis.corpus import Corpus
from analysis.errors import AnnotationError
from analysis.extract import sentence_spans
from analysis.schema import Claims, columns

ANNOTATIONS_NAME = "annotations.yml"
ACTIONS = ("correct", "add", "drop")
SETTABLE = (
    Claims.metric,
    Claims.value_low,
    Claims.value_best,
    Claims.value_high,
    Claims.bound,
    Claims.unit,
    Claims.period,
    Claims.period_start,
    Claims.period_end,
    Claims.area,
    Claims.device,
)


def load_annotations(path: str | Path) -> list[dict[str, Any]]:
    path = Path(path)
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except FileNotFoundError:
        raise AnnotationError(f"{path}: not found") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark else ""
        raise AnnotationError(f"{path}{where}: not valid YAML") from None
    if not isinstance(entries, list):
        raise AnnotationError(f"{path}: expected a list of entries")
    for number, entry in enumerate(entries, start=1):
        entry["_where"] = f"{path}, entry {number}"
    return entries


def _locate(entry: dict[str, Any], corpus: Corpus) -> tuple[int, int, str]:
    where = entry["_where"]
    for key in ("statement_id", "quote"):
        if not entry.get(key):
            raise AnnotationError(f"{where}: missing {key!r}")
    statement_id = entry["statement_id"]
    if statement_id not in corpus.texts:
        raise AnnotationError(f"{where}: unknown statement_id {statement_id!r}")
    text, quote = corpus.text(statement_id), entry["quote"]
    found = text.count(quote)
    if found != 1:
        state = "no longer found" if found == 0 else f"found {found} times"
        raise AnnotationError(f"{where}: quote {quote!r} {state} in {statement_id}")
    surface = entry.get("surface", quote)
    offset = quote.find(surface)
    if offset < 0:
        raise AnnotationError(f"{where}: surface {surface!r} is not inside the quote")
    start = text.index(quote) + offset
    return start, start + len(surface), surface


def _sentence(text: str, position: int) -> str:
    """The sentence of ``text`` that holds ``position`` (the claim's quote)."""
    for start, end in sentence_spans(text):
        if start <= position < end:
            return text[start:end]
    return text


def apply_annotations(
    claims: pd.DataFrame, entries: list[dict[str, Any]], corpus: Corpus
) -> pd.DataFrame:
    """Apply every entry to the rule-based claims; reviewed rows get method 'reviewed'."""
    table = claims.copy()
    for entry in entries:
        where = entry["_where"]
        action = entry.get("action", "correct")
        if action not in ACTIONS:
            raise AnnotationError(f"{where}: action must be one of {', '.join(ACTIONS)}")
        changes = entry.get("set") or {}
        unknown = [key for key in changes if key not in SETTABLE]
        if unknown:
            raise AnnotationError(f"{where}: cannot set {', '.join(unknown)}")
        start, end, surface = _locate(entry, corpus)
        statement_id = entry["statement_id"]
        hit = (
            (table[Claims.statement_id] == statement_id)
            & (table[Claims.char_start] == start)
            & (table[Claims.char_end] == end)
        )
        if action == "add":
            if hit.any():
                raise AnnotationError(
                    f"{where}: {surface!r} is already a claim; use action: correct"
                )
            missing = [
                k
                for k in (Claims.metric, Claims.bound, Claims.unit, Claims.period)
                if k not in changes
            ]
            if missing:
                raise AnnotationError(f"{where}: an added claim needs {', '.join(missing)}")
            row = (
                dict.fromkeys(columns(Claims))
                | changes
                | {
                    Claims.claim_id: f"{statement_id}:{start}-{end}",
                    Claims.statement_id: statement_id,
                    Claims.surface: surface,
                    Claims.quote: _sentence(corpus.text(statement_id), start),
                    Claims.char_start: start,
                    Claims.char_end: end,
                    Claims.method: "reviewed",
                }
            )
            table = pd.concat(
                [table, pd.DataFrame([row], columns=columns(Claims))], ignore_index=True
            )
            continue
        if not hit.any():
            raise AnnotationError(f"{where}: the rules found no claim at {surface!r} to {action}")
        if action == "drop":
            table = table[~hit]
            continue
        for key, value in changes.items():
            table.loc[hit, key] = value
        table.loc[hit, Claims.method] = "reviewed"
    return table
