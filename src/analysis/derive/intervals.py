"""What a claim's wording allows: its range of values, and the one number that stands for it.

A claim is a range, not a point: "more than 260" allows 261 or 10,000, "nearly 4,000"
anything up to 4,000. Comparisons (:func:`compare`) use these ranges, never the best
values alone, so an open bound makes a change ``not_comparable`` rather than a guess.
"""

from __future__ import annotations

import math

import pandas as pd

from analysis.schema import (
    FALL,
    NOT_COMPARABLE,
    OPEN_ABOVE,
    OPEN_BELOW,
    RISE,
    UNCHANGED,
    Claims,
    is_missing,
)


def interval(low: float, best: float, high: float, bound: str) -> tuple[float, float]:
    """The closed range of values a claim allows, as (low, high).

    An empty side falls back to the best value; a side the bound leaves open is open:
    ``more_than``/``at_least`` reach up to infinity and ``at_most``/``less_than`` down to 0
    (every metric counts or measures a share, so none is negative). Strict bounds are
    treated as closed, which can only make a claimed contradiction less likely.
    Returns (nan, nan) when nothing is known.
    """
    # The qualifier decides which side is open, whatever a value column holds: "nearly 55%"
    # allows 54%, even in a table that wrote 55 as its low value.
    lo = low if not (is_missing(low) or bound in OPEN_BELOW) else None
    hi = high if not (is_missing(high) or bound in OPEN_ABOVE) else None
    point = best if not is_missing(best) else None
    if lo is None:
        lo = 0.0 if bound in OPEN_BELOW else (point if point is not None else hi)
    if hi is None:
        hi = math.inf if bound in OPEN_ABOVE else (point if point is not None else lo)
    return (math.nan if lo is None else float(lo), math.nan if hi is None else float(hi))


def field(row: pd.Series | object, column: str) -> object:
    """A column's value in a table row: a Series or an ``itertuples`` record."""
    return row[column] if isinstance(row, pd.Series) else getattr(row, column)


def claim_interval(row: pd.Series | object) -> tuple[float, float]:
    """:func:`interval` of a claims row (a Series or an itertuples record)."""
    return interval(
        field(row, Claims.value_low),
        field(row, Claims.value_best),
        field(row, Claims.value_high),
        field(row, Claims.bound),
    )


def compare(previous: tuple[float, float], current: tuple[float, float]) -> str:
    """``rise``/``fall`` only when the intervals are disjoint; ``unchanged`` for equal points."""
    (p_lo, p_hi), (c_lo, c_hi) = previous, current
    if any(math.isnan(v) for v in (p_lo, p_hi, c_lo, c_hi)):
        return NOT_COMPARABLE
    if c_lo > p_hi:
        return RISE
    if c_hi < p_lo:
        return FALL
    if p_lo == p_hi == c_lo == c_hi:
        return UNCHANGED
    return NOT_COMPARABLE


def representative(row: pd.Series | object) -> float:
    """The one number that stands for a claim (where a chart draws it): its best value,
    else the geometric middle of its range, else the range's known end."""
    best = field(row, Claims.value_best)
    if not is_missing(best):
        return float(best)
    lo, hi = claim_interval(row)
    if lo > 0 and math.isfinite(hi):
        return math.sqrt(lo * hi)
    return lo


def format_number(value: float | None) -> str:
    """A value as a reader sees it: "1,400", "12.50"; "open" for an empty side."""
    if is_missing(value):
        return "open"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def why_no_arithmetic(row: pd.Series | object) -> str | None:
    """Why a claim cannot enter a difference or a rate, or None when it can.

    Arithmetic needs one number. An open bound ("more than 260": any value from 260 up) or a
    range ("hundreds of thousands") gives a set of values, and a difference computed from one
    end of it would claim a precision the wording does not have.
    """
    surface, bound = field(row, Claims.surface), field(row, Claims.bound)
    if bound in OPEN_ABOVE:
        return f"'{surface}' has no upper end"
    if bound in OPEN_BELOW:
        return f"'{surface}' has no lower end"
    low, high = claim_interval(row)
    if low < high:
        return f"'{surface}' is a range"
    if math.isnan(low) or math.isnan(high) or is_missing(field(row, Claims.value_best)):
        return f"'{surface}' gives no single figure"
    return None


def why_not_comparable(previous: pd.Series | object, current: pd.Series | object) -> str | None:
    """Why no difference of two claims can be computed ("'more than 260' has no upper end";
    both reasons when both claims are open), or None when both are single numbers."""
    reasons = [why for why in map(why_no_arithmetic, (previous, current)) if why]
    return " and ".join(reasons) or None
