"""Numeric expressions in text -> :class:`Quantity` (low, best, high, bound, unit, span).

How the wording maps to values (``v`` is the number as printed):

=============================================  ==========  =====  =====  =====
wording                                        bound       low    best   high
=============================================  ==========  =====  =====  =====
"266", "only 25%", "Thirty-one", "a dozen"     exact       v      v      v
"about", "around", "some", "in the order of"   about       v      v      v
"nearly", "almost", "barely", "just under"     nearly      --     v      v
"more than", "over", "surpassed", "well over"  more_than   v      v      --
"at least", "no fewer than"                    at_least    v      v      --
"up to", "at most", "no more than"             at_most     --     v      v
"less than", "below", "fewer than"             less_than   --     v      v
"hundreds of thousands" and other vague sizes  range       200k   --     999,999
"200-300", "between 200 and 300", "4 to 6      range       200    --     300
million", "from 2 million to 2.5 million"
=============================================  ==========  =====  =====  =====

"--" is empty (an open side). "only" and "barely" stress smallness; "only" keeps the figure
exact, "barely" says it is at or just under ``v``. A qualifier belongs to the one number it
stands before: in "more than 1.1 million mines, 25,000 ... and 2.9 million ..." only the first
is more_than. A range takes the scale of its high end when its low end has none and is the
smaller as printed ("4 to 6 million" is 4-6 million, "from 800 to 1.2 million" 800-1.2
million). "from X to Y" after a verb of change ("rose from 200 to 300") is a change, not a
range: two numbers; so is a "range" whose ends are in no order (see range_parts). Areas become
hectares (unit ``hectares``: 1 km² = 100 ha, 10,000 m² = 1 ha, 1 acre = 0.4047 ha); the
printed surface is kept, unit words included ("9,800 hectares", "about 10,950km2").

A dot or space between digit groups ("1.400", "3 345") is European grouping and is read as
thousands only when every group has exactly three digits; "1,258.7" is English grouping with a
decimal point. A number too large for a float, or with more than 15 significant digits, is not a
quantity.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TypeVar

from analysis.extract.dates import MONTH_PATTERN
from analysis.schema import OPEN_ABOVE, OPEN_BELOW

UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
# Vague sizes: (low, high) of what the phrase can mean. "several" is three to nine of its
# scale, "tens of" two to nine tens ...: the lowest plural count to just under the next scale.
VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "several hundred": (300, 999),
    "thousands": (2_000, 9_999),
    "several thousand": (3_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "several hundred thousand": (300_000, 999_999),
    "millions": (2_000_000, 9_999_999),
    "several million": (3_000_000, 9_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    "several hundred million": (300_000_000, 999_999_999),
}
# What the wording before a number says of it (README of the development corpus). Longer
# phrases win over their tails ("well over" over "over").
QUALIFIERS = {
    "more than": "more_than",
    "over": "more_than",
    "well over": "more_than",
    "just over": "more_than",
    "a little over": "more_than",
    "a little more than": "more_than",
    "slightly over": "more_than",
    "slightly more than": "more_than",
    "exceeds": "more_than",
    "exceeding": "more_than",
    "exceeded": "more_than",
    "surpassed": "more_than",
    "surpassing": "more_than",
    "surpasses": "more_than",
    "topped": "more_than",
    "above": "more_than",
    "well above": "more_than",
    "in excess of": "more_than",
    "well in excess of": "more_than",
    "upwards of": "more_than",
    "upward of": "more_than",
    "north of": "more_than",
    "a shade over": "more_than",
    "at least": "at_least",
    "no fewer than": "at_least",
    "not fewer than": "at_least",
    "no less than": "at_least",
    "not less than": "at_least",
    "a minimum of": "at_least",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "approx": "about",
    "ca.": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "circa": "about",
    "in the order of": "about",
    "on the order of": "about",
    "something like": "about",
    "~": "about",
    "nearer": "about",
    "in the region of": "about",
    "only about": "about",
    "only around": "about",
    "only roughly": "about",
    "of the order of": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "barely": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "just below": "nearly",
    "just shy of": "nearly",
    "just short of": "nearly",
    "a little under": "nearly",
    "a little less than": "nearly",
    "slightly under": "nearly",
    "slightly less than": "nearly",
    "a shade under": "nearly",
    "a shade below": "nearly",
    "up to": "at_most",
    "at most": "at_most",
    "no more than": "at_most",
    "did not exceed": "at_most",
    "does not exceed": "at_most",
    "not exceeding": "at_most",
    "not more than": "at_most",
    "a maximum of": "at_most",
    "as many as": "at_most",
    "as high as": "at_most",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "south of": "less_than",
    "only": "exact",
    "just": "exact",
}
TILDE = "~"

# Shares said as fractions ("nearly half of the victims", "two-thirds of them", "one in four
# children"): a percentage, about as much (a fraction is a rounded share) unless qualified.
FRACTION_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
FRACTION_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
# "one in four", "nine out of ten": a count in a count.
SHARE_NUMBERS = {**{w: v for w, v in UNITS_WORDS.items() if 1 <= v <= 10}, "a hundred": 100}
# ... but not of time ("half of the year", "a third of the time", "one in ten days").
_TIME_NOUNS = r"(?:century|centuries|decades?|years?|months?|weeks?|days?|hours?|minutes?|time)"
# "a million", "half a million": an article stands for one (or a half) of the scale after it;
# "a couple of dozen" for about two.
ARTICLES = {"a": 1.0, "an": 1.0, "half a": 0.5, "half an": 0.5, "a couple of": 2.0}
APPROXIMATE_ARTICLES = frozenset({"a couple of"})
# Verbs of change: "rose from 200 to 300" gives two numbers, not the range 200-300.
CHANGE_VERBS = (
    "rose",
    "risen",
    "rising",
    "grew",
    "grown",
    "growing",
    "increased",
    "increasing",
    "climbed",
    "jumped",
    "fell",
    "fallen",
    "falling",
    "dropped",
    "declined",
    "decreased",
    "decreasing",
    "reduced",
    "up",
    "down",
)
SQUARE_METRES_PER_HECTARE = 10_000
HECTARES_PER_SQUARE_KILOMETRE = 100
HECTARES_PER_ACRE = 0.40468564224
MAX_SIGNIFICANT_DIGITS = 15


@dataclass(frozen=True)
class Quantity:
    low: float | None
    best: float | None
    high: float | None
    bound: str
    unit: str | None
    start: int
    end: int
    surface: str


def _alternation(words) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_DIGIT_WORDS = [word for word, value in UNITS_WORDS.items() if 0 < value < 10]
# A number in words, "eleven" or "Thirty-one" (a pattern, for the rules of mentions too).
WORD_NUMBER = (
    rf"(?:(?:{_alternation(TENS_WORDS)})(?:[-\s](?:{_alternation(_DIGIT_WORDS)}))?"
    rf"|{_alternation(UNITS_WORDS)})"
)
_WORD_NUMBER = WORD_NUMBER
# A comma before one or two digits is a decimal comma ("212,5 hectares", "7,8 %"), read as
# such only before a unit or a scale word: "2,5 and 7" may be a list.
_DECIMAL_COMMA_DIGITS = r"\d+,\d{1,2}"
_DECIMAL_COMMA = (
    rf"{_DECIMAL_COMMA_DIGITS}(?=\s?(?:%|per\s?cent\b|percent\b|hectares?\b|ha\b|km|m2|m²|sq\b|square\b"
    r"|acres?\b|million\b|thousand\b|billion\b))"
)
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?!\d)"
    rf"|{_DECIMAL_COMMA}|\d+(?:\.\d+)?)"
)
# A number starts a token ("E-001M", "A4" and "3.4.5" hold none) ...
_NUMBER_START = r"(?<![\w.,])(?<!\d[.,])"
# ... and ends one, unless an area unit is glued to it ("10,950km2", "5ha").
_GLUED_UNIT = r"(?:km2|km²|m2|m²|ha\b)"
_NUMBER_END = rf"(?:(?={_GLUED_UNIT})|(?!\w|[.,]\d))"
_SCALE_WORDS = _alternation(SCALES)
# "1.5 million", "two hundred thousand": one scale word or two.
_SCALE = rf"(?:\s*(?:{_SCALE_WORDS})\b(?:\s+(?:{_SCALE_WORDS})\b)?)"
_HALF = r"(?:\s+and\s+a\s+half\b)"
_ODD = r"-odd\b"  # "40-odd": about 40
_PERCENT = r"(?:\s?%|\s+per\s?cent\b|\s+percent\b)"
_SQUARE_KILOMETRES = r"(?:\s+square\s+kilomet(?:re|er)s?\b|\s*(?:km2|km²|sq\.?\s?km\b))"
_SQUARE_METRES = r"(?:\s+square\s+met(?:re|er)s?\b|\s*(?:sq\.?\s?m|m2|m²)(?!\w))"
_HECTARES = r"(?:\s+hectares?\b|\s*ha\b)"
_ACRES = r"(?:\s+acres?\b)"
# "tens of thousands of hectares": a vague size takes its unit after "of".
_UNIT = (
    r"(?:\s+of(?=\s+(?:hectares?|square|acres?)\b))?"
    rf"(?:{_PERCENT}|{_SQUARE_KILOMETRES}|{_SQUARE_METRES}|{_HECTARES}|{_ACRES})"
)
# (and "~82 km2": a tilde for "about", before the number with or without a space)
_QUALIFIER = rf"(?:(?<![\w-])(?:{_alternation(QUALIFIERS)}),?\s+|{TILDE}\s?)"
_VAGUE = rf"(?:{_alternation(VAGUE)})\b"
_ARTICLE = rf"(?:{_alternation(ARTICLES)})"
# "rose from 200 to 300" is no range: "from" opens one only after no verb of change, and a
# bare "200 to 300" or "200-300" is no range right after "from" or "between" either.
_NOT_AFTER_CHANGE = "".join(rf"(?<!\b{verb}\s)" for verb in CHANGE_VERBS)
_RANGE = (
    rf"(?:(?P<opener>(?<![\w-])(?:(?P<between>between)|{_NOT_AFTER_CHANGE}from)\s+)"
    r"|(?<!from\s)(?<!between\s))"
    # (not "in year 1 to 455 m2": the number of a project's year)
    r"(?<![Yy]ear\s)(?<![Pp]hase\s)"
    rf"(?P<range_low>{_NUMBER_START}{_DIGITS})(?P<low_scale>{_SCALE})?"
    # (not over a line break before the dash: "2025\n- 46,300" is a list item's number)
    r"(?:[^\S\n]?[-–]\s?|\s+(?(between)and|to)\s+)"
    # (Not "2020 to 31 May": the end of a span of dates.)
    rf"(?P<range_high>{_DIGITS}){_NUMBER_END}(?!\s+(?:{MONTH_PATTERN})\b)"
    rf"(?P<range_scale>{_SCALE})?"
)

# "a third of", "two-thirds of", "half of" (not "the first half of" a year)
_FRACTION = (
    rf"(?<!first\s)(?<!second\s)(?<!last\s)(?<![\w-])"
    rf"(?:(?P<numerator>{_alternation(FRACTION_NUMERATORS)})[\s-]+)?"
    rf"(?P<denominator>{_alternation(FRACTION_DENOMINATORS)})s?"
    rf"(?=\s+of\s)(?!\s+of\s+(?:the\s+|a\s+|an\s+|that\s+|this\s+)?{_TIME_NOUNS}\b)"
    # "roughly a third were soldiers", "half were children" (not "the third was")
    rf"|(?<![\w-])(?:(?P<numerator_subject>{_alternation(FRACTION_NUMERATORS)})[\s-]+"
    rf"(?P<denominator_subject>{_alternation(FRACTION_DENOMINATORS)})s?|(?P<half_subject>half))"
    r"(?=\s+(?:were|was|are|is|have|had)\b)"
    # "one in four", "nine out of ten" (of people or things, not of days)
    # ("eight out of every ten")
    rf"|(?<![\w-])(?P<share_count>{_alternation(SHARE_NUMBERS)}|1)\s+(?:in|out\s+of)\s+(?:every\s+)?"
    rf"(?P<share_of>{_alternation(SHARE_NUMBERS)}|[1-9]\d{{0,2}})(?![\w,.-])(?!\s+{_TIME_NOUNS}\b)"
)

_EXPRESSION = (
    # (No qualifier starts with a digit: the quick test spares trying them all at each number.)
    rf"(?P<qualifier>(?!\d){_QUALIFIER})?"
    rf"(?:(?P<fraction>{_FRACTION})"
    rf"|(?P<vague>(?<![\w-]){_VAGUE})"
    rf"{{range}}"
    rf"|(?P<digits>{_NUMBER_START}{_DIGITS}){_NUMBER_END}(?P<digit_scale>{_SCALE})?(?P<odd>{_ODD})?"
    # "21,000+ ha", "96,000+": a plus after the number for "more than"
    r"(?P<plus>\+(?![\w+]))?"
    rf"|(?P<word>(?<![\w-]){_WORD_NUMBER}(?:(?![\w-])|(?={_ODD})))(?P<word_odd>{_ODD})?"
    rf"(?P<half>{_HALF})?(?P<word_scale>{_SCALE})?"
    # "four hundred and one": the British "and" after hundreds
    rf"(?:(?<=hundred)\s+and\s+(?P<word_and>{_WORD_NUMBER})(?![\w-]))?"
    # "one thousand two hundred", "two thousand and twelve": the rest after a thousand
    rf"(?:(?:(?<=thousand)|(?<=million))\s+(?:and\s+)?(?P<word_rest>{_WORD_NUMBER}"
    rf"(?:\s+hundred(?:\s+and\s+{_WORD_NUMBER})?)?(?:\s+thousand)?)(?![\w-]))?"
    rf"|(?P<article>(?<![\w-]){_ARTICLE})(?P<article_scale>\s+(?:{_SCALE_WORDS})\b"
    rf"(?:\s+(?:{_SCALE_WORDS})\b)?)"
    rf"(?:(?<=hundred)\s+and\s+(?P<article_and>{_WORD_NUMBER})(?![\w-]))?)"
    rf"(?P<unit>{_UNIT})?"
)
EXPRESSION = re.compile(_EXPRESSION.replace("{range}", f"|{_RANGE}"), re.IGNORECASE)
# The same without ranges: the numbers of a "range" whose ends are in no order.
_SINGLE = re.compile(
    _EXPRESSION.replace("{range}", "|(?P<range_low>(?!))(?P<range_high>(?!))"), re.IGNORECASE
)


_EUROPEAN_GROUPING = re.compile(r"\d{1,3}(?:[. ]\d{3})+")
_DECIMAL_COMMA_VALUE = re.compile(_DECIMAL_COMMA_DIGITS)
_HECTARE_ABBREVIATION = re.compile(r"\bha\b")


def _digits_value(text: str) -> float | None:
    raw = text
    if not raw.isdecimal():  # grouped, or with a decimal point
        raw = raw.replace("\u00a0", " ").replace("\u202f", " ")
        if _DECIMAL_COMMA_VALUE.fullmatch(raw):
            raw = raw.replace(",", ".")
        elif "," in raw:
            raw = raw.replace(",", "")
        elif _EUROPEAN_GROUPING.fullmatch(raw):
            raw = raw.replace(".", "").replace(" ", "")
    significant = raw.replace(".", "").lstrip("0")
    if len(significant) > MAX_SIGNIFICANT_DIGITS:
        return None
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _spoken_value(text: str) -> float | None:
    """ "two hundred and forty", "two hundred thousand": a number in words."""
    thousands, scaled, rest = text.lower().partition("thousand")
    if scaled:
        head = _spoken_value(thousands)
        return None if head is None else 1000 * head + (_spoken_value(rest) or 0)
    hundreds, hundred, rest = text.lower().partition("hundred")
    if not hundred:
        return _word_value(text) if text.strip() else 0.0
    head = _word_value(hundreds)
    tail = _word_value(rest.replace(" and ", " ").strip()) if rest.strip() else 0.0
    return None if head is None or tail is None else 100 * head + tail


def _word_value(text: str) -> float | None:
    total = 0
    for part in text.lower().replace("-", " ").split():
        if part in TENS_WORDS:
            total += TENS_WORDS[part]
        elif part in UNITS_WORDS:
            total += UNITS_WORDS[part]
        else:
            return None
    return float(total)


V = TypeVar("V")


def _lookup(table: Mapping[str, V], text: str) -> V:
    """The entry of ``table`` (QUALIFIERS, VAGUE or SCALES) that the matched ``text`` spells."""
    phrase = " ".join(text.split())
    if phrase.lower() in table:
        return table[phrase.lower()]
    # re.IGNORECASE equates letters that str.lower() does not ("ſ" and "s", "İ" and "i"):
    # find the phrase the way the pattern matched it.
    return next(
        value
        for key, value in table.items()
        if re.fullmatch(_alternation([key]), phrase, re.IGNORECASE)
    )


def _unit(text: str | None) -> str | None:
    """The unit a matched unit phrase names: "percent", or an area unit."""
    if not text:
        return None
    lowered = text.lower()
    if "%" in lowered or "cent" in lowered:
        return "percent"
    if "k" in lowered:  # "km2", "sq km", "square kilometres": no other unit has a "k"
        return "square_kilometres"
    if "hect" in lowered or _HECTARE_ABBREVIATION.search(lowered):
        return "hectares"
    if "acre" in lowered:
        return "acres"
    return "square_metres"


# Each area unit in hectares: areas are reported in hectares whatever unit was printed.
_HECTARES_PER_UNIT = {
    "square_kilometres": HECTARES_PER_SQUARE_KILOMETRE,
    "square_metres": 1 / SQUARE_METRES_PER_HECTARE,
    "acres": HECTARES_PER_ACRE,
}


# The unit a column's header names: "Area cleared (m2)", "Land released, ha", "Share (%)".
_HEADER_UNIT = re.compile(
    rf"(?:\(|,|\bin\s)\s*(?P<unit>%|per\s?cent|percent"
    rf"|{_SQUARE_KILOMETRES}|{_SQUARE_METRES}|{_HECTARES}|{_ACRES})\s*\)?\s*$"
    r"|^(?P<alone>hectares|ha|%)$",
    re.IGNORECASE,
)


# ... or its first word, before what was done: "Hectares cleared", "m2 surveyed".
_HEADER_LEAD_UNIT = re.compile(
    rf"(?P<unit>{_SQUARE_KILOMETRES}|{_SQUARE_METRES}|{_HECTARES}|{_ACRES})\s+[a-z]",
    re.IGNORECASE,
)


def in_column_unit(quantity: Quantity, header: str) -> Quantity:
    """A bare number in a table read in the unit its column's header names: "409,350" under
    "Area cleared (m2)" is 40.935 hectares (its surface stays as printed)."""
    header = header.strip()
    match = _HEADER_UNIT.search(header) or _HEADER_LEAD_UNIT.match(" " + header)
    if quantity.unit is not None or match is None:
        return quantity
    return _in_unit(quantity, _unit(match.group("unit") or match.group("alone")))


# The unit printed at the end of an expression: "88 square kilometres", "0.6 million ha".
_PRINTED_UNIT = re.compile(
    rf"(?:{_PERCENT}|{_SQUARE_KILOMETRES}|{_SQUARE_METRES}|{_HECTARES}|{_ACRES})$", re.IGNORECASE
)


def in_unit_of(quantity: Quantity, last: Quantity) -> Quantity:
    """A bare number of a list read in the unit printed with the list's ``last`` number:
    "134" in "134, 121 and 88 square kilometres" is 13,400 hectares (its surface stays as
    printed)."""
    match = _PRINTED_UNIT.search(last.surface)
    if quantity.unit is not None or last.unit is None or match is None:
        return quantity
    return _in_unit(quantity, _unit(match.group()))


def _in_unit(quantity: Quantity, unit: str | None) -> Quantity:
    values = (quantity.low, quantity.best, quantity.high)
    if unit in _HECTARES_PER_UNIT:
        values = tuple(_in_hectares(v, unit) for v in values)  # type: ignore[assignment]
        unit = "hectares"
    return replace(quantity, low=values[0], best=values[1], high=values[2], unit=unit)


def _in_hectares(value: float | None, unit: str) -> float | None:
    if value is None:
        return None
    if unit == "square_metres":  # divide: 5,300,000 m² is exactly 530 ha
        return value / SQUARE_METRES_PER_HECTARE
    # (to 12 significant digits: 71.4 km² is 7,140 ha, not the 7140.000000000001 that binary
    # floating point multiplies out; no printed figure has that many)
    return float(f"{value * _HECTARES_PER_UNIT[unit]:.12g}")


def _bounded(value: float, bound: str) -> tuple[float | None, float | None, float | None]:
    if bound in OPEN_ABOVE:
        return value, value, None
    if bound in OPEN_BELOW:
        return None, value, value
    return value, value, value


def _scale_value(text: str | None) -> float:
    """The factor of one or two scale words ("million", "hundred thousand"); 1 for none."""
    factor = 1.0
    for word in (text or "").split():
        factor *= _lookup(SCALES, word)
    return factor


def _range_values(match: re.Match[str]) -> tuple[float, float] | None:
    """(low, high) of a range such as "4 to 6 million"; None unless low < high."""
    low, high = _digits_value(match.group("range_low")), _digits_value(match.group("range_high"))
    if low is None or high is None:
        return None
    high_scale = _scale_value(match.group("range_scale"))
    if match.group("low_scale"):
        low *= _scale_value(match.group("low_scale"))
    elif low < high:  # "4 to 6 million": the scale is printed once, for both ends
        low *= high_scale
    high *= high_scale
    if not (math.isfinite(low) and math.isfinite(high)) or low >= high:
        return None
    return low, high


def range_parts(match: re.Match[str]) -> list[re.Match[str]]:
    """The numbers of a range match whose ends are in no order, each an expression of its
    own: "2022 to 264" in "rose from 210 in 2022 to 264 in 2023" is no range. Empty for
    other matches."""
    if not match.group("range_low") or _range_values(match) is not None:
        return []
    text = match.string
    low = match.start("range_low") if match.group("opener") else match.start()  # + qualifier
    parts = [_SINGLE.match(text, low), _SINGLE.match(text, match.start("range_high"))]
    return [part for part in parts if part is not None]


def _fraction_value(match: re.Match[str]) -> float | None:
    """The percentage a fraction says: 25.0 for "a quarter" or "one in four"; None for no
    share ("five in four")."""
    if match.group("denominator") or match.group("denominator_subject"):
        words = match.group("numerator") or match.group("numerator_subject") or "one"
        numerator = _lookup(FRACTION_NUMERATORS, words)
        denominator = _lookup(
            FRACTION_DENOMINATORS, match.group("denominator") or match.group("denominator_subject")
        )
    elif match.group("half_subject"):
        numerator, denominator = 1, 2
    else:
        count, whole = match.group("share_count", "share_of")
        numerator = 1 if count == "1" else _lookup(SHARE_NUMBERS, count)
        denominator = int(whole) if whole.isdecimal() else _lookup(SHARE_NUMBERS, whole)
    if not 0 < numerator < denominator:
        return None
    return round(100 * numerator / denominator, 1)


def quantity_of(match: re.Match[str]) -> Quantity | None:
    """The quantity an ``EXPRESSION`` match stands for; None if its value is not a figure."""
    qualifier, vague, range_low = match.group("qualifier", "vague", "range_low")
    digits, digit_scale, word, word_scale = match.group(
        "digits", "digit_scale", "word", "word_scale"
    )
    bound = _lookup(QUALIFIERS, qualifier.strip().rstrip(",")) if qualifier else "exact"
    if match.group("plus") and bound == "exact":
        bound = "more_than"
    values: tuple[float | None, float | None, float | None]
    if vague:
        low, high = _lookup(VAGUE, vague)
        values = (float(low), None, float(high))
        if bound in OPEN_ABOVE:
            values = (float(low), None, None)
        elif bound in OPEN_BELOW:
            values = (None, None, float(high))
        bound = "range" if bound in ("exact", "about") else bound
    elif range_low:
        ends = _range_values(match)
        if ends is None:
            return None
        values = (ends[0], None, ends[1])
        bound = "range"
    elif match.group("fraction"):
        value = _fraction_value(match)
        if value is None:
            return None
        values = _bounded(value, "about" if bound == "exact" else bound)
        bound = "about" if bound == "exact" else bound
    else:
        if word:
            value = _word_value(word)
            if value is not None and match.group("half"):
                value += 0.5
            scale = _scale_value(word_scale)
            if value is not None and match.group("word_and"):
                value, scale = value * scale + (_word_value(match.group("word_and")) or 0), 1.0
            if value is not None and match.group("word_rest"):
                value, scale = value * scale + (_spoken_value(match.group("word_rest")) or 0), 1.0
        elif digits:
            value, scale = _digits_value(digits), _scale_value(digit_scale)
        else:  # "a million", "half a million", "a hundred and twenty"
            article = match.group("article")
            value = _lookup(ARTICLES, article)
            scale = _scale_value(match.group("article_scale"))
            if match.group("article_and"):
                value, scale = value * scale + (_word_value(match.group("article_and")) or 0), 1.0
            if article.lower() in APPROXIMATE_ARTICLES and bound == "exact":
                bound = "about"
        if value is None:
            return None
        value *= scale
        if not math.isfinite(value):
            return None
        if (match.group("odd") or match.group("word_odd")) and bound == "exact":
            bound = "about"
        values = _bounded(value, bound)
    unit = "percent" if match.group("fraction") else _unit(match.group("unit"))
    if unit in _HECTARES_PER_UNIT:
        values = (
            _in_hectares(values[0], unit),
            _in_hectares(values[1], unit),
            _in_hectares(values[2], unit),
        )
        unit = "hectares"
    low, best, high = values
    return Quantity(
        low=low,
        best=best,
        high=high,
        bound=bound,
        unit=unit,
        start=match.start(),
        end=match.end(),
        surface=match.group(0),
    )


# Ordinals are numbers too, but never figures: mentions.scan_numbers reports them.
_ORDINAL_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
_ORDINAL_UNITS += ("ninth",)
ORDINAL_WORDS = (
    *_ORDINAL_UNITS,
    *("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"),
    *("seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth"),
    *("fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth", "hundredth"),
    *("thousandth", "millionth"),
)
ORDINAL = re.compile(
    rf"(?<![\w-])(?:(?:{_alternation(TENS_WORDS)})-(?:{_alternation(_ORDINAL_UNITS)})"
    rf"|{_alternation(ORDINAL_WORDS)})(?![\w-])",
    re.IGNORECASE,
)

# Every expression holds a digit or one of these words; the slow full pattern is only tried
# near them. A word that begins with another ("sixty", "sixteen" begin with "six") is found
# with it. A qualifier, range opener or article ("more than", "between", "a" million) can
# stand this many characters before its number.
_NUMBER_WORDS = {*UNITS_WORDS, *TENS_WORDS, *(w.split()[0] for w in VAGUE), *SCALES}
ANCHOR_WORDS = tuple(
    sorted(w for w in _NUMBER_WORDS if not any(w != o and w.startswith(o) for o in _NUMBER_WORDS))
)
# Ordinal words that begin with no anchor word ("fourth" begins with "four", "first" with none).
ORDINAL_ANCHOR_WORDS = tuple(
    sorted(w for w in ORDINAL_WORDS if not any(w.startswith(o) for o in ANCHOR_WORDS))
)
# Fractions begin with a number word or an article, or are "half": where the words of their
# denominators stand ("a third of" is found at "third", its article read before it).
FRACTION_ANCHOR_WORDS = tuple(w for w in FRACTION_DENOMINATORS if w not in ANCHOR_WORDS)
QUALIFIER_REACH = 30
_OPENERS = ("between", "from")
_QUALIFIER_BEFORE = re.compile(
    rf"(?:{_QUALIFIER})?(?:(?<![\w-])(?:{_alternation((*_OPENERS, *ARTICLES))})\s+)?\Z",
    re.IGNORECASE,
)
_QUALIFIER_LAST_WORDS = tuple(
    sorted({phrase.split()[-1] for phrase in (*QUALIFIERS, *_OPENERS, *ARTICLES)})
)
_DIGIT_RUNS = re.compile(r"\d+")
_DIGIT_MARKS = bytes(ord("0") if chr(byte).isdecimal() else ord(" ") for byte in range(256))


def _digit_runs(text: str, scanned: bytes) -> list[int]:
    """Where the runs of digits of ``text`` begin; ``scanned`` is ``text`` in ASCII, one byte
    per character ("?" for any other)."""
    # A digit beyond ASCII ("٣") is a digit too: if there is one, or if checking each character
    # beyond ASCII (many, in a text of another script) costs more, the regex finds the runs.
    others = scanned.count(b"?") - text.count("?")  # characters beyond ASCII
    if others > len(text) // 20 or any(text[i].isdecimal() for i in _positions(scanned, b"?")):
        return [m.start() for m in _DIGIT_RUNS.finditer(text)]
    marks = scanned.translate(_DIGIT_MARKS)  # "0" for each digit, " " for the rest
    runs = []
    start = marks.find(b"0")
    while start >= 0:
        runs.append(start)
        end = marks.find(b" ", start)
        start = marks.find(b"0", end) if end >= 0 else -1
    return runs


def _positions(text: bytes, word: bytes) -> Iterator[int]:
    """Where ``word`` occurs in ``text``, overlaps included."""
    index = text.find(word)
    while index >= 0:
        yield index
        index = text.find(word, index + 1)


def _anchors(text: str, ordinals: list[int] | None = None) -> list[int]:
    """Where runs of digits and number words begin; where ordinal words that begin with no
    number word begin is added to ``ordinals``, if given.

    The text is scanned as ASCII bytes, one per character ("?" for any other, so the offsets
    hold): ``bytes`` are searched and lower-cased several times faster than ``str``. (No number
    word holds a "k", the one ASCII letter that another character, "K", lower-cases to.)
    """
    scanned = text.encode("ascii", "replace")
    positions = _digit_runs(text, scanned)
    lowered = scanned.lower()
    for word in (*ANCHOR_WORDS, *FRACTION_ANCHOR_WORDS):
        positions.extend(_positions(lowered, word.encode()))
    if ordinals is not None:
        for word in ORDINAL_ANCHOR_WORDS:
            ordinals.extend(_positions(lowered, word.encode()))
        ordinals.sort()
    return sorted(set(positions))


def _qualifier_before(text: str, start: int, anchor: int) -> re.Match[str] | None:
    """The qualifier, range opener or article ("more than", "from", "over a") that ends
    right at ``anchor`` (with its comma and white space) and begins at or after ``start``,
    if any.

    Most numbers follow none; the pattern is searched only when the text before the number
    ends with white space after one of their last words. That test is exact for ASCII text;
    other text (which may hold letters such as "ſ" that the case-insensitive pattern matches)
    is always searched.
    """
    if anchor == start or not (text[anchor - 1].isspace() or text[anchor - 1] == TILDE):
        return None
    words = text[start:anchor].rstrip().removesuffix(",")
    if words.isascii() and not words.lower().endswith(_QUALIFIER_LAST_WORDS):
        return None
    match = _QUALIFIER_BEFORE.search(text, start, anchor)
    return match if match is not None and match.start() < anchor else None


# Verbs that "over" completes ("handed over", "turned over"): then it is no qualifier.
PHRASAL_OVER = re.compile(
    r"\b(?:hand|turn|pass|sign|give|gave|took|take|taken|carr(?:y|ied)|brought|bring|made|make)"
    r"(?:s|ed|ing|n)?\s+$",
    re.IGNORECASE,
)


def _completes_a_verb(text: str, qualifier: re.Match[str]) -> bool:
    """Whether a qualifier "over" is the particle of the verb before it."""
    words = qualifier.group().strip().lower()
    start = qualifier.start()
    return words == "over" and PHRASAL_OVER.search(text, max(0, start - 20), start) is not None


def number_anchors(text: str) -> tuple[list[int], list[int]]:
    """Where runs of digits and number words (cardinal, vague or scale) begin, in order:
    every numeric expression starts at one or at a qualifier right before one; and where
    the ordinal words that begin with none of them ("first", "twelfth") begin."""
    ordinals: list[int] = []
    return _anchors(text, ordinals), ordinals


def expression_matches(text: str, anchors: list[int] | None = None) -> list[re.Match[str]]:
    """The numeric expressions of ``text``, in order: the same matches as
    ``EXPRESSION.finditer(text)``, but the pattern is only tried where an expression can start:
    at a digit or number word, or at a qualifier right before it. Plain prose costs little.
    ``anchors`` are the text's :func:`number_anchors`, if already known.
    """
    matches: list[re.Match[str]] = []
    searched_to = 0
    for anchor in _anchors(text) if anchors is None else anchors:
        if anchor < searched_to:
            continue
        match = None
        qualifier = _qualifier_before(text, max(searched_to, anchor - QUALIFIER_REACH), anchor)
        if qualifier is not None and _completes_a_verb(text, qualifier):
            qualifier = None  # "handed over 1,472 maps": exactly 1,472
        if qualifier is not None:
            match = EXPRESSION.match(text, qualifier.start())
        if match is None or match.end() <= anchor:
            match = EXPRESSION.match(text, anchor)
        if match is not None:
            searched_to = match.end()
            matches.append(match)
    return matches
