"""Numeric expressions in text -> :class:`Quantity` (low, best, high, bound, unit, span).

How the wording maps to values (``v`` is the number as printed):

=============================================  ==========  =====  =====  =====
wording                                        bound       low    best   high
=============================================  ==========  =====  =====  =====
"266", "only 25%"                              exact       v      v      v
"about", "around", "approximately", "some"     about       v      v      v
"nearly", "almost", "barely", "close to"       nearly      --     v      v
"more than", "over", "exceeds", "above"        more_than   v      v      --
"at least", "no fewer than"                    at_least    v      v      --
"up to", "at most", "no more than"             at_most     --     v      v
"less than", "under", "fewer than"             less_than   --     v      v
"hundreds of thousands" and other vague sizes  range       200k   --     999,999
"200-300", "between 200 and 300"               range       200    --     300
=============================================  ==========  =====  =====  =====

"--" is empty (an open side). "only" and "barely" stress smallness; "only" keeps the figure
exact, "barely" says it is at or just under ``v``. Square metres become hectares (unit
``hectares``); the printed surface is kept. A dot or space between digit groups
("1.400", "3 345") is European grouping and is read as thousands only when every group has
exactly three digits; "1,258.7" is English grouping with a decimal point. A number too large
for a float, or with more than 15 significant digits, is not a quantity.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TypeVar

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
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Vague sizes: (low, high) of what the phrase can mean.
VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
}
QUALIFIERS = {
    "more than": "more_than",
    "over": "more_than",
    "exceeds": "more_than",
    "exceeding": "more_than",
    "exceeded": "more_than",
    "above": "more_than",
    "in excess of": "more_than",
    "upwards of": "more_than",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "circa": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "barely": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "up to": "at_most",
    "at most": "at_most",
    "no more than": "at_most",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "only": "exact",
    "just": "exact",
}
SQUARE_METRES_PER_HECTARE = 10_000
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
_WORD_NUMBER = (
    rf"(?:(?:{_alternation(TENS_WORDS)})(?:[-\s](?:{_alternation(_DIGIT_WORDS)}))?"
    rf"|{_alternation(UNITS_WORDS)})"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:\.\d+)?)"
_SCALE = rf"(?:\s*(?:{_alternation(SCALES)})\b)"
_PERCENT = r"(?:\s?%|\s+per\s?cent\b|\s+percent\b)"
_AREA = r"(?:\s+square\s+met(?:re|er)s?\b|\s*(?:sq\.?\s?m|m2|m²)(?!\w))"
_HECTARES = r"(?:\s+hectares?\b|\s*ha\b)"
_QUALIFIER = rf"(?:(?<![\w-])(?:{_alternation(QUALIFIERS)}),?\s+)"
_VAGUE = rf"(?:{_alternation(VAGUE)})\b"

EXPRESSION = re.compile(
    # (No qualifier starts with a digit: the quick test spares trying them all at each number.)
    rf"(?P<qualifier>(?!\d){_QUALIFIER})?"
    rf"(?:(?P<vague>(?<![\w-]){_VAGUE})"
    rf"|(?P<range_low>{_DIGITS})\s?[-–]\s?(?P<range_high>{_DIGITS})(?P<range_scale>{_SCALE})?"
    rf"|(?P<digits>(?<![\w.,])(?<!\d[.,]){_DIGITS})(?![\w]|[.,]\d)(?P<digit_scale>{_SCALE})?"
    rf"|(?P<word>(?<![\w-]){_WORD_NUMBER}(?![\w-]))(?P<word_scale>{_SCALE})?)"
    rf"(?P<unit>{_PERCENT}|{_AREA}|{_HECTARES})?",
    re.IGNORECASE,
)


_EUROPEAN_GROUPING = re.compile(r"\d{1,3}(?:[. ]\d{3})+")
_HECTARE_ABBREVIATION = re.compile(r"\bha\b")


def _digits_value(text: str) -> float | None:
    raw = text
    if not raw.isdecimal():  # grouped, or with a decimal point
        raw = raw.replace("\u00a0", " ").replace("\u202f", " ")
        if "," in raw:
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
    if not text:
        return None
    lowered = text.lower()
    if "%" in lowered or "cent" in lowered:
        return "percent"
    if "hect" in lowered or _HECTARE_ABBREVIATION.search(lowered):
        return "hectares"
    return "square_metres"


def _bounded(value: float, bound: str) -> tuple[float | None, float | None, float | None]:
    if bound in ("more_than", "at_least"):
        return value, value, None
    if bound in ("nearly", "at_most", "less_than"):
        return None, value, value
    return value, value, value


def _scale_value(text: str | None) -> int:
    return _lookup(SCALES, text) if text else 1


def quantity_of(match: re.Match[str]) -> Quantity | None:
    """The quantity an ``EXPRESSION`` match stands for; None if its value is not a figure."""
    qualifier, vague, range_low, range_high, range_scale = match.group(
        "qualifier", "vague", "range_low", "range_high", "range_scale"
    )
    digits, digit_scale, word, word_scale, unit_text = match.group(
        "digits", "digit_scale", "word", "word_scale", "unit"
    )
    bound = _lookup(QUALIFIERS, qualifier.strip().rstrip(",")) if qualifier else "exact"
    if vague:
        low, high = _lookup(VAGUE, vague)
        values: tuple[float | None, float | None, float | None] = (float(low), None, float(high))
        if bound in ("more_than", "at_least"):
            values = (float(low), None, None)
        elif bound in ("nearly", "at_most", "less_than"):
            values = (None, None, float(high))
        bound = "range" if bound in ("exact", "about") else bound
    elif range_low:
        scale = _scale_value(range_scale)
        low, high = _digits_value(range_low), _digits_value(range_high)
        if low is None or high is None or low > high:
            return None
        values = (low * scale, None, high * scale)
        bound = "range"
    else:
        if word:
            value, scale = _word_value(word), _scale_value(word_scale)
        else:
            value, scale = _digits_value(digits), _scale_value(digit_scale)
        if value is None:
            return None
        value *= scale
        if not math.isfinite(value):
            return None
        values = _bounded(value, bound)
    unit = _unit(unit_text)
    if unit == "square_metres":
        values = tuple(None if v is None else v / SQUARE_METRES_PER_HECTARE for v in values)
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


# Every expression holds a digit or one of these words; the slow full pattern is only tried
# near them. A word that begins with another ("sixty", "sixteen" begin with "six") is found
# with it. A qualifier can stand this many characters before its number.
_NUMBER_WORDS = {*UNITS_WORDS, *TENS_WORDS, *(w.split()[0] for w in VAGUE)}
ANCHOR_WORDS = tuple(
    sorted(w for w in _NUMBER_WORDS if not any(w != o and w.startswith(o) for o in _NUMBER_WORDS))
)
QUALIFIER_REACH = 30
_QUALIFIER_BEFORE = re.compile(rf"{_QUALIFIER}$", re.IGNORECASE)
_QUALIFIER_LAST_WORDS = tuple(sorted({phrase.split()[-1] for phrase in QUALIFIERS}))
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


def _anchors(text: str) -> list[int]:
    """Where runs of digits and number words begin.

    The text is scanned as ASCII bytes, one per character ("?" for any other, so the offsets
    hold): ``bytes`` are searched and lower-cased several times faster than ``str``. (No number
    word holds a "k", the one ASCII letter that another character, "K", lower-cases to.)
    """
    scanned = text.encode("ascii", "replace")
    positions = _digit_runs(text, scanned)
    lowered = scanned.lower()
    for word in ANCHOR_WORDS:
        positions.extend(_positions(lowered, word.encode()))
    return sorted(set(positions))


def _qualifier_before(text: str, start: int, anchor: int) -> re.Match[str] | None:
    """The qualifier that ends right at ``anchor`` (with its comma and white space) and
    begins at or after ``start``, if any.

    Most numbers follow no qualifier; the pattern is searched only when the text before the
    number ends with white space after one of the qualifiers' last words. That test is exact
    for ASCII text; other text (which may hold letters such as "ſ" that the case-insensitive
    pattern matches) is always searched.
    """
    if anchor == start or not text[anchor - 1].isspace():
        return None
    words = text[start:anchor].rstrip().removesuffix(",")
    if words.isascii() and not words.lower().endswith(_QUALIFIER_LAST_WORDS):
        return None
    return _QUALIFIER_BEFORE.search(text, start, anchor)


def expression_matches(text: str) -> list[re.Match[str]]:
    """The numeric expressions of ``text``, in order: the same matches as
    ``EXPRESSION.finditer(text)``, but the pattern is only tried where an expression can start:
    at a digit or number word, or at a qualifier right before it. Plain prose costs little.
    """
    matches: list[re.Match[str]] = []
    searched_to = 0
    for anchor in _anchors(text):
        if anchor < searched_to:
            continue
        match = None
        qualifier = _qualifier_before(text, max(searched_to, anchor - QUALIFIER_REACH), anchor)
        if qualifier is not None:
            match = EXPRESSION.match(text, qualifier.start())
        if match is None or match.end() <= anchor:
            match = EXPRESSION.match(text, anchor)
        if match is not None:
            searched_to = match.end()
            matches.append(match)
    return matches


def find_quantities(text: str) -> list[Quantity]:
    """Every numeric expression in ``text``, in order, with its exact span."""
    quantities = map(quantity_of, expression_matches(text))
    return [quantity for quantity in quantities if quantity is not None]


def parse_quantity(expression: str) -> Quantity | None:
    """Parse one whole expression such as "almost 4 thousand"; None if it is not one."""
    stripped = expression.strip()
    match = EXPRESSION.fullmatch(stripped)
    if match is None:
        return None
    quantity = quantity_of(match)
    if quantity is None:
        return None
    shift = expression.index(stripped)
    return replace(quantity, start=quantity.start + shift, end=quantity.end + shift)
