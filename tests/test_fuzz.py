"""Fuzzing the parser and extractor: they never raise, spans match, values are ordered.

`make test` runs the default Hypothesis profile; `make fuzz` runs many more cases.
"""

from __future__ import annotations

import bisect
import math

from hypothesis import given
from hypothesis import strategies as st

from analysis.extract.classify import classify_mentions
from analysis.extract.mentions import find_mentions, scan_numbers
from analysis.extract.numbers import expression_matches, quantity_of
from analysis.schema import NON_CLAIM_REASONS

WORDS = [
    "more than",
    "over",
    "about",
    "nearly",
    "almost",
    "barely",
    "only",
    "up to",
    "at least",
    "hundreds of",
    "thousands",
    "million",
    "percent",
    "%",
    "square meters",
    "people",
    "killed",
    "injured",
    "mines",
    "since",
    "November 10, 2020",
    "2021",
    "PMN-2",
    "No:493/22",
    "(46)",
    "paragraph 4",
    "including",
    "of whom",
    "civilians",
    "children",
    "-",
    ",",
    ".",
    "\n",
    "\r\n",
    "1,400",
    "3 345",
    "1.400",
    "99999999999999999999999999",
    "1e308",
    "sixty-five",
    "(",
    "between",
    "from",
    "to",
    "a",
    "half a",
    "rose from",
    "several hundred thousand",
    "square kilometres",
    "km2",
    "ha",
    "aged",
    "Article",
    "Views:",
    "US$",
    "$",
    "call",
    "+994",
    "fifth",
    "25th",
    "A/76/520",
    "Page",
    "of",
    "need",
    "to reach",
    "organisations",
    "years",
    "\u00a0",
]
text_like = st.lists(
    st.one_of(st.sampled_from(WORDS), st.integers(0, 10**30).map(str), st.text(max_size=8)),
    max_size=40,
).map(" ".join)


def _ordered(low, best, high) -> bool:
    known = [v for v in (low, best, high) if v is not None]
    return all(math.isfinite(v) for v in known) and known == sorted(known)


@given(st.one_of(text_like, st.text()))
def test_quantities_never_raise_and_spans_match(text: str) -> None:
    for match in expression_matches(text):
        quantity = quantity_of(match)
        if quantity is not None:
            assert text[quantity.start : quantity.end] == quantity.surface
            assert _ordered(quantity.low, quantity.best, quantity.high)


@given(st.one_of(text_like, st.text()))
def test_every_number_is_scanned_once(text: str) -> None:
    found = scan_numbers(text)
    end = 0
    for number in found:
        assert end <= number.start < number.end
        assert text[number.start : number.end] == number.surface
        assert (number.reason is None) == (number.quantity is not None)
        assert number.reason is None or number.reason in NON_CLAIM_REASONS
        if number.quantity is not None:
            assert _ordered(number.quantity.low, number.quantity.best, number.quantity.high)
        end = number.end
    starts = [n.start for n in found]
    for position, character in enumerate(text):
        if character.isdecimal():  # each digit in exactly one mention
            index = bisect.bisect_right(starts, position) - 1
            assert index >= 0 and position < found[index].end


@given(st.one_of(text_like, st.text()))
def test_mentions_and_classification_never_raise(text: str) -> None:
    mentions = find_mentions(text)
    results = classify_mentions(text, mentions, "2024-01-26")
    assert len(results) == len(mentions)
    for mention in mentions:
        assert text[mention.sentence_start : mention.sentence_end] == mention.sentence
        assert mention.sentence_start <= mention.quantity.start
        assert mention.quantity.end <= mention.sentence_end
