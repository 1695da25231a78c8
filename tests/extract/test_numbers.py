"""analysis.extract.numbers: values, bounds and units of numeric expressions; round-trips."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.extract import numbers
from analysis.extract.numbers import find_quantities, parse_quantity

NAN = None


@pytest.mark.parametrize(
    ("expression", "low", "best", "high", "bound", "unit"),
    [
        ("3,345", 3345, 3345, 3345, "exact", None),
        ("3345", 3345, 3345, 3345, "exact", None),
        ("1,258.7", 1258.7, 1258.7, 1258.7, "exact", None),
        ("more than 3,400", 3400, 3400, NAN, "more_than", None),
        ("over 1,400", 1400, 1400, NAN, "more_than", None),
        ("exceeds 1 million", 1e6, 1e6, NAN, "more_than", None),
        ("at least 12", 12, 12, NAN, "at_least", None),
        ("almost 4 thousand", NAN, 4000, 4000, "nearly", None),
        ("nearly 55%", NAN, 55, 55, "nearly", "percent"),
        ("barely 25 percent", NAN, 25, 25, "nearly", "percent"),
        ("only 25%", 25, 25, 25, "exact", "percent"),
        ("about 55%", 55, 55, 55, "about", "percent"),
        ("Approximately, 55 percent", 55, 55, 55, "about", "percent"),
        ("around 200", 200, 200, 200, "about", None),
        ("up to 30", NAN, 30, 30, "at_most", None),
        ("less than 50", NAN, 50, 50, "less_than", None),
        ("25 %", 25, 25, 25, "exact", "percent"),
        ("500 thousand", 5e5, 5e5, 5e5, "exact", None),
        ("1 million", 1e6, 1e6, 1e6, "exact", None),
        ("1.5 million", 1.5e6, 1.5e6, 1.5e6, "exact", None),
        ("three", 3, 3, 3, "exact", None),
        ("eight", 8, 8, 8, "exact", None),
        ("sixty-five", 65, 65, 65, "exact", None),
        ("dozens", 24, NAN, 99, "range", None),
        ("thousands", 2000, NAN, 9999, "range", None),
        ("hundreds of thousands", 200_000, NAN, 999_999, "range", None),
        ("millions", 2e6, NAN, 9_999_999, "range", None),
        ("200-300", 200, NAN, 300, "range", None),
        ("14,136,179 square meters", 1413.6179, 1413.6179, 1413.6179, "exact", "hectares"),
        ("1,200 hectares", 1200, 1200, 1200, "exact", "hectares"),
        ("3 345", 3345, 3345, 3345, "exact", None),
        ("1.400", 1400, 1400, 1400, "exact", None),
    ],
)
def test_expression_values(expression, low, best, high, bound, unit) -> None:
    quantity = parse_quantity(expression)
    assert quantity is not None
    assert (quantity.low, quantity.best, quantity.high) == (low, best, high)
    assert (quantity.bound, quantity.unit) == (bound, unit)
    assert quantity.surface == expression
    assert (quantity.start, quantity.end) == (0, len(expression))


@pytest.mark.parametrize(
    ("expression", "best", "bound"),
    [
        ("ſome 5", 5, "about"),  # long s: the pattern's IGNORECASE equates it with "s"
        ("about 5 thouſand", 5000, "about"),
        ("5 m\u0130ll\u0130on", 5e6, "exact"),  # dotted capital I: str.lower() gives two letters
        ("MORE  THAN,\u00a05", 5, "more_than"),
    ],
)
def test_qualifiers_and_scales_match_as_the_pattern_does(expression, best, bound) -> None:
    quantity = parse_quantity(expression)
    assert quantity is not None
    assert (quantity.best, quantity.bound, quantity.surface) == (best, bound, expression)


@pytest.mark.parametrize("expression", ["", "people", "1" * 40, "1e999", "3,45"])
def test_non_numbers_and_absurd_figures_are_not_quantities(expression: str) -> None:
    assert parse_quantity(expression) is None


def test_find_quantities_gives_exact_spans() -> None:
    text = "Of the 45 dead, 35 are civilians; more than 3,400 were hurt and almost 4 thousand fled."
    found = find_quantities(text)
    assert [q.surface for q in found] == ["45", "35", "more than 3,400", "almost 4 thousand"]
    assert all(text[q.start : q.end] == q.surface for q in found)


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_digits_round_trip(value: int) -> None:
    for text in (f"{value:,}", str(value)):
        quantity = parse_quantity(text)
        assert quantity is not None and quantity.best == value


@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from([("thousand", 1e3), ("million", 1e6), ("billion", 1e9)]),
    st.sampled_from(
        [("more than", "more_than"), ("about", "about"), ("nearly", "nearly"), ("", "exact")]
    ),
)
def test_scaled_and_qualified_round_trip(value: int, scale, qualifier) -> None:
    word, factor = scale
    phrase, bound = qualifier
    text = f"{phrase} {value} {word}".strip()
    quantity = parse_quantity(text)
    assert quantity is not None
    assert quantity.best == value * factor and quantity.bound == bound


@given(st.integers(min_value=0, max_value=99))
def test_number_words_round_trip(value: int) -> None:
    units = "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    units += "fourteen fifteen sixteen seventeen eighteen nineteen"
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    words = units.split()
    text = words[value] if value < 20 else tens[value // 10 - 2]
    if value >= 20 and value % 10:
        text += "-" + words[value % 10]
    quantity = parse_quantity(text)
    assert quantity is not None and quantity.best == value


@given(st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda f: round(f, 1)))
def test_percentages_round_trip(value: float) -> None:
    for text in (f"{value}%", f"{value} percent", f"{value} %"):
        quantity = parse_quantity(text)
        assert quantity is not None and quantity.unit == "percent"
        assert math.isclose(quantity.best, value)


@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "more than",
                    "Approximately,",
                    "someone",
                    "often",
                    "tens of",
                    "hundreds of",
                    "thousands",
                    "3,345",
                    "1.5 million",
                    "sixty-five",
                    "25 %",
                    "x",
                    ",",
                    "\n",
                ]
            ),
            st.integers(0, 10**9).map(str),
            st.text(max_size=5),
        ),
        max_size=30,
    ).map(" ".join)
)
def test_anchored_scan_finds_what_a_full_scan_finds(text: str) -> None:
    full_scan = [numbers.quantity_of(m) for m in numbers.EXPRESSION.finditer(text)]
    assert find_quantities(text) == [q for q in full_scan if q is not None]


def _anchors_by_regex(text: str) -> list[int]:
    """The anchors as plain scans find them: starts of \\d+ runs and of number words."""
    positions = {m.start() for m in re.finditer(r"\d+", text)}
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if c.isascii() else c for c in text)
    words = {*numbers.UNITS_WORDS, *numbers.TENS_WORDS, *(w.split()[0] for w in numbers.VAGUE)}
    for word in words:
        positions.update(m.start() for m in re.finditer(f"(?={word})", lowered))
    return sorted(positions)


ANCHOR_TEXT = st.lists(
    st.sampled_from(
        ["12", "3,4", "٣", "1٣", "٣1", "seventy", "SIXTEEN", "someone", "dozens", "Ten", "often"]
    )
    | st.sampled_from(["?", "“", "K", "İ", "ſ", " ", "-", "x", "\n", "Ж" * 30]),
    max_size=25,
).map("".join)


@given(ANCHOR_TEXT)
def test_anchors_are_the_digit_runs_and_number_words(text: str) -> None:
    assert numbers._anchors(text) == _anchors_by_regex(text)


@given(
    st.lists(
        st.sampled_from(["more than", "Over", "ſome", "about,", "x", "of", "up to", "5", "é"])
        | st.sampled_from([" ", "  ", "\u00a0", "\n", ",", ""]),
        max_size=8,
    ).map("".join)
)
def test_qualifier_test_finds_what_the_pattern_finds(head: str) -> None:
    text = head + "7"
    anchor = len(head)
    start = max(0, anchor - numbers.QUALIFIER_REACH)
    found = numbers._qualifier_before(text, start, anchor)
    expected = numbers._QUALIFIER_BEFORE.search(text, start, anchor)
    assert (found and found.span()) == (expected and expected.span())


def test_expression_matches_are_those_of_a_full_scan() -> None:
    text = "Of the 45 dead, more than 3,400 were hurt in 2021 and sixty-five fled; 12 345 678a."
    scanned = [m.span() for m in numbers.expression_matches(text)]
    assert scanned == [m.span() for m in numbers.EXPRESSION.finditer(text)]
