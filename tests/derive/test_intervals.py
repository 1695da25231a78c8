"""What a claim's wording allows, and when two claims support arithmetic."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.derive.intervals import (
    claim_interval,
    format_number,
    representative,
    why_no_arithmetic,
    why_not_comparable,
)
from analysis.schema import Claims


def claim(surface: str, bound: str, low: float, best: float, high: float) -> pd.Series:
    return pd.Series(
        {
            Claims.surface: surface,
            Claims.bound: bound,
            Claims.value_low: low,
            Claims.value_best: best,
            Claims.value_high: high,
        }
    )


NAN = math.nan
EXACT_266 = claim("266", "exact", 266, 266, 266)
ABOUT_55 = claim("about 55%", "about", 55, 55, 55)
MORE_THAN_260 = claim("more than 260", "more_than", 260, 260, NAN)
NEARLY_55 = claim("Nearly 55%", "nearly", NAN, 55, 55)
HUNDREDS_OF_THOUSANDS = claim("hundreds of thousands", "range", 200_000, NAN, 999_999)
SPAN_200_300 = claim("200-300", "range", 200, 250, 300)


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (EXACT_266, None),
        (ABOUT_55, None),
        (MORE_THAN_260, "'more than 260' has no upper end"),
        (NEARLY_55, "'Nearly 55%' has no lower end"),
        (HUNDREDS_OF_THOUSANDS, "'hundreds of thousands' is a range"),
        (SPAN_200_300, "'200-300' is a range"),
        (claim("some", "exact", NAN, NAN, NAN), "'some' gives no single figure"),
    ],
)
def test_why_no_arithmetic(row, reason):
    assert why_no_arithmetic(row) == reason


def test_why_not_comparable_names_every_open_claim():
    assert why_not_comparable(EXACT_266, ABOUT_55) is None
    assert why_not_comparable(EXACT_266, MORE_THAN_260) == "'more than 260' has no upper end"
    assert why_not_comparable(ABOUT_55, NEARLY_55) == "'Nearly 55%' has no lower end"
    assert why_not_comparable(HUNDREDS_OF_THOUSANDS, MORE_THAN_260) == (
        "'hundreds of thousands' is a range and 'more than 260' has no upper end"
    )


def test_intervals_and_representative_values():
    assert claim_interval(MORE_THAN_260) == (260.0, math.inf)
    assert claim_interval(NEARLY_55) == (0.0, 55.0)
    assert representative(HUNDREDS_OF_THOUSANDS) == pytest.approx(math.sqrt(200_000 * 999_999))
    assert representative(NEARLY_55) == 55.0


def test_format_number():
    assert format_number(1400.0) == "1,400"
    assert format_number(12.5) == "12.50"
    assert format_number(NAN) == "open"
