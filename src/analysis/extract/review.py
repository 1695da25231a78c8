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

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa
import yaml

from analysis.config import ANNOTATIONS_MAX_BYTES
from analysis.errors import AnnotationError
from analysis.extract.sentences import quote_of
from analysis.files import special_kind
from analysis.schema import Claims, claim_id, claims_table, columns

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
    """The entries of an annotations file, each checked for its shape."""
    path = Path(path)
    kind = special_kind(path)
    if kind:
        raise AnnotationError(f"{path}: is {kind}, not an annotations file")
    try:
        size = path.stat().st_size
        if size > ANNOTATIONS_MAX_BYTES:
            raise AnnotationError(
                f"{path}: {size:,} bytes; an annotations file may hold at most "
                f"{ANNOTATIONS_MAX_BYTES:,} (split the corrections, or check the file)"
            )
        entries = yaml.safe_load(path.read_bytes().decode("utf-8")) or []
    except FileNotFoundError:
        raise AnnotationError(f"{path}: not found") from None
    except UnicodeDecodeError as exc:
        raise AnnotationError(
            f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark else ""
        raise AnnotationError(f"{path}{where}: not valid YAML") from None
    if not isinstance(entries, list):
        raise AnnotationError(f"{path}: expected a list of entries")
    for number, entry in enumerate(entries, start=1):
        _check_shape(entry, f"{path}, entry {number}")
        entry["_where"] = f"{path}, entry {number}"
    return entries


def _check_shape(entry: object, where: str) -> None:
    """An entry is a mapping of text fields and a ``set`` mapping of plain values."""
    if not isinstance(entry, dict):
        raise AnnotationError(f"{where}: expected a mapping (statement_id: ..., quote: ...)")
    for key in ("statement_id", "quote", "surface", "action", "reason"):
        if key in entry and not isinstance(entry[key], str):
            raise AnnotationError(f"{where}: {key!r} must be text, got {entry[key]!r}")
    changes = entry.get("set", {})
    if not isinstance(changes, dict):
        raise AnnotationError(f"{where}: 'set' must be a mapping of column: value")
    for key, value in changes.items():
        if isinstance(value, bool) or not (value is None or isinstance(value, str | int | float)):
            raise AnnotationError(f"{where}: set {key!r} must be one value, got {value!r}")


def by_statement(
    entries: list[dict[str, Any]], statement_ids: list[str]
) -> dict[str, list[dict[str, Any]]]:
    """The entries of each statement, checked to name a statement of the corpus."""
    known = set(statement_ids)
    grouped: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        where = entry["_where"]
        for key in ("statement_id", "quote"):
            if not entry.get(key):
                raise AnnotationError(f"{where}: missing {key!r}")
        if entry["statement_id"] not in known:
            raise AnnotationError(f"{where}: unknown statement_id {entry['statement_id']!r}")
        grouped.setdefault(entry["statement_id"], []).append(entry)
    return grouped


def _locate(entry: dict[str, Any], texts: Mapping[str, str]) -> tuple[int, int, str]:
    where = entry["_where"]
    statement_id = entry["statement_id"]
    text, quote = texts[statement_id], entry["quote"]
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


def apply_annotations(
    claims: pd.DataFrame, entries: list[dict[str, Any]], texts: Mapping[str, str]
) -> pd.DataFrame:
    """Apply entries (checked by :func:`by_statement`) to the rule-based claims of the
    statements in ``texts``; reviewed rows get method 'reviewed'."""
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
        start, end, surface = _locate(entry, texts)
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
                # Every column named: one left out would be read as numbers, not text.
                dict.fromkeys(columns(Claims))
                | changes
                | {
                    Claims.claim_id: claim_id(statement_id, start, end),
                    Claims.statement_id: statement_id,
                    Claims.surface: surface,
                    Claims.quote: quote_of(texts[statement_id], start, end),
                    Claims.char_start: start,
                    Claims.char_end: end,
                    Claims.method: "reviewed",
                }
            )
            table = pd.concat([table, _checked([row], where)], ignore_index=True)
            continue
        if not hit.any():
            raise AnnotationError(f"{where}: the rules found no claim at {surface!r} to {action}")
        if action == "drop":
            table = table[~hit]
            continue
        table.loc[hit] = _checked(table[hit].assign(**changes, method="reviewed"), where)
    return table


def _checked(rows: list[dict[str, Any]] | pd.DataFrame, where: str) -> pd.DataFrame:
    """The claims an entry adds or corrects, as the claims table holds them; an error
    naming the entry and the value if they do not fit it."""
    try:
        return Claims.validate(claims_table(rows))
    except (TypeError, ValueError) as exc:  # a value column given text
        raise AnnotationError(f"{where}: values must be numbers ({exc})") from None
    except pa.errors.SchemaError as exc:
        check = getattr(exc.check, "error", None) or getattr(exc.check, "name", exc.check)
        if exc.schema.name in SETTABLE:
            values = exc.failure_cases["failure_case"].drop_duplicates().tolist()
            failing = ", ".join(repr(value) for value in values[:3])
            raise AnnotationError(
                f"{where}: {exc.schema.name} cannot be {failing} (the claims table needs {check})"
            ) from None
        raise AnnotationError(f"{where}: the claim fails the check {check}") from None
