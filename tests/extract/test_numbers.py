"""analysis.extract.numbers: values, bounds and units of numeric expressions; round-trips."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.extract import numbers
from analysis.extract.numbers import Quantity, expression_matches, quantity_of

NAN = None


def quantities(text: str) -> list[Quantity]:
    """The quantities of every expression of ``text``, as the extractor reads them."""
    found = (quantity_of(match) for match in expression_matches(text))
    return [quantity for quantity in found if quantity is not None]


def parse(expression: str) -> Quantity | None:
    """The quantity of ``expression`` if it is read as exactly one whole expression."""
    matches = expression_matches(expression)
    if len(matches) != 1 or matches[0].span() != (0, len(expression)):
        return None
    return quantity_of(matches[0])


@pytest.mark.parametrize(
    ("expression", "low", "best", "high", "bound", "unit"),
    [
        ("3,345", 3345, 3345, 3345, "exact", None),
        ("3345", 3345, 3345, 3345, "exact", None),
        ("1,258.7", 1258.7, 1258.7, 1258.7, "exact", None),
        ("more than 3,400", 3400, 3400, NAN, "more_than", None),
        ("over 1,400", 1400, 1400, NAN, "more_than", None),
        ("approx. 9.2 km²", 920, 920, 920, "about", "hectares"),
        ("ca. 300", 300, 300, 300, "about", None),
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
        ("as high as 40,000", NAN, 40_000, 40_000, "at_most", None),
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
        # Qualifiers, by the convention of the development corpus.
        ("surpassed 700", 700, 700, NAN, "more_than", None),
        ("surpassing 1,250", 1250, 1250, NAN, "more_than", None),
        ("well over 800", 800, 800, NAN, "more_than", None),
        ("just over 90", 90, 90, NAN, "more_than", None),
        ("well above 15%", 15, 15, NAN, "more_than", "percent"),
        ("in excess of 6,000", 6000, 6000, NAN, "more_than", None),
        ("upwards of 70", 70, 70, NAN, "more_than", None),
        ("no fewer than 41", 41, 41, NAN, "at_least", None),
        ("some 4,800", 4800, 4800, 4800, "about", None),
        ("roughly 35", 35, 35, 35, "about", None),
        ("in the order of 2.5 million", 2.5e6, 2.5e6, 2.5e6, "about", None),
        ("close to 500", NAN, 500, 500, "nearly", None),
        ("just under 20 per cent", NAN, 20, 20, "nearly", "percent"),
        ("barely 9", NAN, 9, 9, "nearly", None),
        ("almost 130", NAN, 130, 130, "nearly", None),
        ("fewer than 75", NAN, 75, 75, "less_than", None),
        ("below 40", NAN, 40, 40, "less_than", None),
        ("only 16", 16, 16, 16, "exact", None),
        # Ranges: one figure, the scale of the high end applying to a bare low end.
        ("6 to 9 million", 6e6, NAN, 9e6, "range", None),
        ("between 150 and 180", 150, NAN, 180, "range", None),
        ("Between 12 and 15", 12, NAN, 15, "range", None),
        ("from 2 million to 2.4 million", 2e6, NAN, 2.4e6, "range", None),
        ("from 800 to 1.2 million", 800, NAN, 1.2e6, "range", None),
        ("12–14", 12, NAN, 14, "range", None),
        ("30-40 per cent", 30, NAN, 40, "range", "percent"),
        # Words and vague sizes.
        ("Forty-two", 42, 42, 42, "exact", None),
        ("Nineteen", 19, 19, 19, "exact", None),
        ("a dozen", 12, 12, 12, "exact", None),
        ("two dozen", 24, 24, 24, "exact", None),
        ("a million", 1e6, 1e6, 1e6, "exact", None),
        ("over a million", 1e6, 1e6, NAN, "more_than", None),
        ("half a million", 5e5, 5e5, 5e5, "exact", None),
        ("three hundred thousand", 3e5, 3e5, 3e5, "exact", None),
        ("two and a half million", 2.5e6, 2.5e6, 2.5e6, "exact", None),
        ("several hundred", 300, NAN, 999, "range", None),
        ("several hundred thousand", 300_000, NAN, 999_999, "range", None),
        ("tens of thousands", 20_000, NAN, 99_999, "range", None),
        ("Hundreds", 200, NAN, 999, "range", None),
        # Areas in hectares, the unit words kept in the surface.
        ("450 square kilometres", 45_000, 45_000, 45_000, "exact", "hectares"),
        ("about 2,300km2", 230_000, 230_000, 230_000, "about", "hectares"),
        ("12 km²", 1200, 1200, 1200, "exact", "hectares"),
        ("75 sq km", 7500, 7500, 7500, "exact", "hectares"),
        ("at least 80 square kilometers", 8000, 8000, NAN, "at_least", "hectares"),
        ("93.5 ha", 93.5, 93.5, 93.5, "exact", "hectares"),
        ("40ha", 40, 40, 40, "exact", "hectares"),
        ("2,500,000 square metres", 250, 250, 250, "exact", "hectares"),
        ("tens of thousands of hectares", 20_000, NAN, 99_999, "range", "hectares"),
        ("10 acres", 4.0468564224, 4.0468564224, 4.0468564224, "exact", "hectares"),
        ("7 per cent", 7, 7, 7, "exact", "percent"),
        # A decimal comma before a unit or a scale word.
        ("64,5 hectares", 64.5, 64.5, 64.5, "exact", "hectares"),
        ("about 3,25 %", 3.25, 3.25, 3.25, "about", "percent"),
        ("2,4 million", 2.4e6, 2.4e6, 2.4e6, "exact", None),
        ("1,250 ha", 1250, 1250, 1250, "exact", "hectares"),
        # Spoken figures.
        ("a couple of dozen", 24, 24, 24, "about", None),
        ("a couple of hundred", 200, 200, 200, "about", None),
        ("roughly 30-odd", 30, 30, 30, "about", None),
        ("fifty-odd", 50, 50, 50, "about", None),
        ("something like 2,400", 2400, 2400, 2400, "about", None),
        ("a hundred and forty", 140, 140, 140, "exact", None),
        ("did not exceed 40 per cent", NAN, 40, 40, "at_most", "percent"),
        ("nearer 3,000", 3000, 3000, 3000, "about", None),
        ("~75 km2", 7500, 7500, 7500, "about", "hectares"),
        ("~ 12", 12, 12, 12, "about", None),
        # A plus after the number; qualifiers of a little more or less.
        ("18,000+", 18000, 18000, NAN, "more_than", None),
        ("4,500+ ha", 4500, 4500, NAN, "more_than", "hectares"),
        ("a little over 2,100", 2100, 2100, NAN, "more_than", None),
        ("slightly less than 40 per cent", NAN, 40, 40, "nearly", "percent"),
    ],
)
def test_expression_values(expression, low, best, high, bound, unit) -> None:
    quantity = parse(expression)
    assert quantity is not None
    assert (quantity.bound, quantity.unit) == (bound, unit)
    values = (quantity.low, quantity.best, quantity.high)
    for got, expected in zip(values, (low, best, high), strict=True):
        assert got == expected or (expected is not None and math.isclose(got, expected))
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
    quantity = parse(expression)
    assert quantity is not None
    assert (quantity.best, quantity.bound, quantity.surface) == (best, bound, expression)


@pytest.mark.parametrize("expression", ["", "people", "1" * 40, "1e999", "3,45", "300-200"])
def test_non_numbers_and_absurd_figures_are_not_quantities(expression: str) -> None:
    assert parse(expression) is None


def test_quantities_have_exact_spans() -> None:
    text = "Of the 45 dead, 35 are civilians; more than 3,400 were hurt and almost 4 thousand fled."
    found = quantities(text)
    assert [q.surface for q in found] == ["45", "35", "more than 3,400", "almost 4 thousand"]
    assert all(text[q.start : q.end] == q.surface for q in found)


def test_a_qualifier_carries_only_the_first_item_of_a_list() -> None:
    text = (
        "Since 2002, over 2.1 million mines, 31,000 shells and 1.4 million other items were found."
    )
    found = [(q.surface, q.bound) for q in quantities(text)]
    assert found[1:] == [
        ("over 2.1 million", "more_than"),
        ("31,000", "exact"),
        ("1.4 million", "exact"),
    ]


def test_a_qualifier_split_from_its_number_by_a_line_break_stays_with_it() -> None:
    text = "The report counts more than\n2,750 victims and about\n40 per cent of them children."
    found = [(q.surface, q.bound, q.best) for q in quantities(text)]
    assert found == [
        ("more than\n2,750", "more_than", 2750),
        ("about\n40 per cent", "about", 40),
    ]


def test_a_change_is_two_numbers_not_a_range() -> None:
    text = "Casualties rose from 120 to 180, and teams grew from 40 to 55."
    assert [q.surface for q in quantities(text)] == ["120", "180", "40", "55"]
    assert all(q.bound == "exact" for q in quantities(text))


def test_a_span_of_dates_is_no_range() -> None:
    text = "from 3 June 2019 to 14 May 2021"
    assert all(q.bound != "range" for q in quantities(text))


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_digits_round_trip(value: int) -> None:
    for text in (f"{value:,}", str(value)):
        quantity = parse(text)
        assert quantity is not None and quantity.best == value


@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from([("thousand", 1e3), ("million", 1e6), ("billion", 1e9)]),
    st.sampled_from(
        [
            ("more than", "more_than"),
            ("well over", "more_than"),
            ("about", "about"),
            ("in the order of", "about"),
            ("nearly", "nearly"),
            ("just under", "nearly"),
            ("no fewer than", "at_least"),
            ("below", "less_than"),
            ("", "exact"),
        ]
    ),
)
def test_scaled_and_qualified_round_trip(value: int, scale, qualifier) -> None:
    word, factor = scale
    phrase, bound = qualifier
    text = f"{phrase} {value} {word}".strip()
    quantity = parse(text)
    assert quantity is not None
    assert quantity.best == value * factor and quantity.bound == bound


@given(
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from(["{} to {}", "between {} and {}", "from {} to {}", "{}-{}", "{}–{}"]),
)
def test_ranges_round_trip(low: int, width: int, form: str) -> None:
    text = form.format(f"{low:,}", f"{low + width:,}")
    quantity = parse(text)
    assert quantity is not None
    assert (quantity.low, quantity.best, quantity.high) == (low, None, low + width)
    assert quantity.bound == "range"


@given(st.integers(min_value=0, max_value=99))
def test_number_words_round_trip(value: int) -> None:
    units = "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    units += "fourteen fifteen sixteen seventeen eighteen nineteen"
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    words = units.split()
    text = words[value] if value < 20 else tens[value // 10 - 2]
    if value >= 20 and value % 10:
        text += "-" + words[value % 10]
    quantity = parse(text)
    assert quantity is not None and quantity.best == value


@given(st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda f: round(f, 1)))
def test_percentages_round_trip(value: float) -> None:
    for text in (f"{value}%", f"{value} percent", f"{value} %", f"{value} per cent"):
        quantity = parse(text)
        assert quantity is not None and quantity.unit == "percent"
        assert math.isclose(quantity.best, value)


@given(
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from(
        [
            (" square kilometres", 100),
            ("km2", 100),
            (" km²", 100),
            (" hectares", 1),
            (" ha", 1),
            (" square metres", 1e-4),
        ]
    ),
)
def test_areas_round_trip_in_hectares(value: int, unit) -> None:
    words, hectares = unit
    quantity = parse(f"{value:,}{words}")
    assert quantity is not None and quantity.unit == "hectares"
    assert math.isclose(quantity.best, value * hectares)


@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=1, max_value=9))
def test_decimal_square_kilometres_are_whole_hectares_as_printed(whole: int, tenth: int) -> None:
    # 71.4 km2 is 7,140 ha, not 7140.000000000001: no binary noise reaches the tables
    quantity = parse(f"{whole}.{tenth} square kilometres")
    assert quantity is not None and quantity.best == whole * 100 + tenth * 10


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
                    "between",
                    "from",
                    "rose from",
                    "to",
                    "and",
                    "a",
                    "half a",
                    "million",
                    "dozen",
                    "several",
                    "km2",
                    "of hectares",
                    "May",
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
    full_scan = [m.span() for m in numbers.EXPRESSION.finditer(text)]
    assert [m.span() for m in expression_matches(text)] == full_scan


def _anchors_by_regex(text: str) -> list[int]:
    """The anchors as plain scans find them: starts of \\d+ runs and of number words."""
    positions = {m.start() for m in re.finditer(r"\d+", text)}
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if c.isascii() else c for c in text)
    words = {*numbers.UNITS_WORDS, *numbers.TENS_WORDS, *numbers.SCALES}
    words |= {w.split()[0] for w in numbers.VAGUE}
    for word in words:
        positions.update(m.start() for m in re.finditer(f"(?={word})", lowered))
    return sorted(positions)


ANCHOR_TEXT = st.lists(
    st.sampled_from(
        ["12", "3,4", "٣", "1٣", "٣1", "seventy", "SIXTEEN", "someone", "dozens", "Ten", "often"]
    )
    | st.sampled_from(["million", "First", "twelfth", "several", "a"])
    | st.sampled_from(["?", "“", "K", "İ", "ſ", " ", "-", "x", "\n", "Ж" * 30]),
    max_size=25,
).map("".join)


@given(ANCHOR_TEXT)
def test_anchors_are_the_digit_runs_and_number_words(text: str) -> None:
    anchors, ordinals = numbers.number_anchors(text)
    assert anchors == _anchors_by_regex(text)
    lowered = "".join(c.lower() if c.isascii() else c for c in text)
    expected = {
        m.start()
        for word in numbers.ORDINAL_ANCHOR_WORDS
        for m in re.finditer(f"(?={word})", lowered)
    }
    assert ordinals == sorted(expected)


@given(
    st.lists(
        st.sampled_from(["more than", "Over", "ſome", "about,", "x", "of", "up to", "5", "é"])
        | st.sampled_from(["between", "from", "a", "half an", "well"])
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
    if expected is not None and expected.start() == anchor:
        expected = None  # an empty match: nothing stands before the number
    assert (found and found.span()) == (expected and expected.span())


def test_expression_matches_are_those_of_a_full_scan() -> None:
    text = "Of the 45 dead, more than 3,400 were hurt in 2021 and sixty-five fled; 12 345 678a."
    scanned = [m.span() for m in numbers.expression_matches(text)]
    assert scanned == [m.span() for m in numbers.EXPRESSION.finditer(text)]


def test_a_range_with_its_ends_in_no_order_is_read_as_its_numbers() -> None:
    text = "Casualties rose from 210 in 2022 to 264 in 2023."
    [unordered] = [m for m in expression_matches(text) if m.group(0) == "2022 to 264"]
    assert quantity_of(unordered) is None
    parts = numbers.range_parts(unordered)
    assert [(p.group(0), quantity_of(p).best) for p in parts] == [("2022", 2022), ("264", 264)]
    [ordered] = [m for m in expression_matches("4 to 6 million") if m.group("range_low")]
    assert numbers.range_parts(ordered) == []


def test_digits_split_by_a_line_break_are_not_joined() -> None:
    # A grouping comma at the end of a line may as well end a list item: no guess is made.
    assert [q.surface for q in quantities("in total 1,\n200 mines")] == ["1", "200"]


@pytest.mark.parametrize(
    ("text", "surface", "best", "bound"),
    [
        ("Almost half of the wounded were farmers.", "Almost half", 50.0, "nearly"),
        ("Three-quarters of the land is grazing.", "Three-quarters", 75.0, "about"),
        ("About a third were soldiers.", "About a third", 33.3, "about"),
        ("Nine out of ten survivors are men.", "Nine out of ten", 90.0, "about"),
        ("Eight out of every ten were boys.", "Eight out of every ten", 80.0, "about"),
        ("1 in 5 victims was a child.", "1 in 5", 20.0, "about"),
        ("fewer than a fifth of the maps", "fewer than a fifth", 20.0, "less_than"),
    ],
)
def test_a_fraction_is_a_share(text: str, surface: str, best: float, bound: str) -> None:
    (found,) = quantities(text)
    assert (found.surface, found.best, found.bound, found.unit) == (surface, best, bound, "percent")


@pytest.mark.parametrize(
    "text",
    [
        "In the second half of 2024 the teams grew.",
        "Clearance took a third of the time it took in 2020.",
        "The third was destroyed on site.",
        "Six in four hours.",
        "One in ten days was lost to rain.",
    ],
)
def test_a_fraction_of_time_or_an_ordinal_is_no_share(text: str) -> None:
    assert all(q.unit != "percent" for q in quantities(text))


def test_hundreds_and_units_in_words() -> None:
    assert [q.best for q in quantities("Three hundred and twelve people, two hundred mines")] == [
        312.0,
        200.0,
    ]


def test_a_number_in_words_goes_on_after_its_thousands() -> None:
    text = (
        "Crews lifted four thousand three hundred and six mines, two thousand and nine "
        "shells, six million seven hundred thousand rounds and nine thousand, eight rockets."
    )
    assert [q.best for q in quantities(text)] == [4306.0, 2009.0, 6_700_000.0, 9000.0, 8.0]


def test_a_comma_before_one_or_two_digits_is_no_decimal_without_a_unit() -> None:
    # "4,5 and 9" may be a list of three numbers: not 4.5
    assert 4.5 not in [q.best for q in quantities("Teams lifted 4,5 and 9 mines.")]


def test_a_column_header_may_name_its_unit_first() -> None:
    cell = quantities("Row 52,000 here")[0]
    assert numbers.in_column_unit(cell, "Square metres cleared").best == 5.2
    assert numbers.in_column_unit(cell, "Ha released").unit == "hectares"
    assert numbers.in_column_unit(cell, "Teams deployed") is cell


def test_over_after_a_verb_it_completes_is_no_qualifier() -> None:
    text = "They handed over 212 maps and turned over 40 mines; over 90 were found."
    assert [(q.surface, q.bound) for q in quantities(text)] == [
        ("212", "exact"),
        ("40", "exact"),
        ("over 90", "more_than"),
    ]
