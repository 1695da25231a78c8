"""analysis.extract.mentions: which numbers are candidate claims, with their sentences."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.extract.mentions import (
    _NUMBER_FIRST,
    _WORD_FIRST,
    NON_CLAIM_AFTER,
    NON_CLAIM_BEFORE,
    NON_CLAIMS,
    _alternatives,
    _is_non_claim,
    find_mentions,
    sentence_spans,
)
from analysis.extract.numbers import QUALIFIERS, SCALES, VAGUE, expression_matches


def surfaces(text: str) -> list[str]:
    return [m.quantity.surface for m in find_mentions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "On November 10, 2020 the statement was signed.",
        "Mines produced in 2021 were found.",
        "The clashes of September 13-14 began at dawn.",
        "Press release 25 October 2022",
        "date 2024-01-26 26 Jan. 11:35 (UTC+3 MSK)",
        "17:59 (UTC+04:00)",
        "No:493/22, Press release",
        "in violation of paragraph 4 of the statement",
        "under Article 120.2.7 of the Criminal Code",
        "at the 29th session of the II International Conference",
        "Rafail Bayramov (46) was there.",
        "He was 18 years old.",
        "3. The third point",
        "the 44-Day War ended",
        "PMN-2, E-001M, E-001 M, OZM-72, MON-50 and PFM-1 mines; ArmHiTec -2016",
        "over the past 30 years and the past two years",
        "On September, 2022, the court was informed",
    ],
)
def test_non_claims_are_not_mentions(text: str) -> None:
    assert surfaces(text) == []


def test_figures_next_to_non_claims_are_kept() -> None:
    text = (
        "Since November 10, 2020, 266 persons became victims of PMN-2 mines over the past "
        "30 years, and more than 1,400 E-001M mines were found in 2021."
    )
    assert surfaces(text) == ["266", "more than 1,400"]


def test_mentions_carry_their_sentence() -> None:
    text = "First sentence has 12 people.\n\nOf the 45 dead, 35 are civilians. Then 7 more."
    mentions = find_mentions(text)
    assert [m.sentence for m in mentions] == [
        "First sentence has 12 people.",
        "Of the 45 dead, 35 are civilians.",
        "Of the 45 dead, 35 are civilians.",
        "Then 7 more.",
    ]
    for m in mentions:
        assert text[m.sentence_start : m.sentence_end] == m.sentence
        assert text[m.quantity.start : m.quantity.end] == m.quantity.surface


def test_sentences_cover_the_text_in_order() -> None:
    text = '  "A quote." Another one?\nA line\n\nA paragraph. '
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ['"A quote."', "Another one?", "A line", "A paragraph."]


# One plain alternation of every non-claim pattern, and the window search over it: the split and
# the quick tests that make NON_CLAIMS fast must change nothing.
PLAIN_NON_CLAIMS = re.compile(_alternatives(_NUMBER_FIRST + _WORD_FIRST))
FRAGMENTS = st.sampled_from(
    [
        "November 10, 2020",
        "25 October 2022",
        "Sept. 13-14",
        "2021",
        "1990s",
        "10:30",
        "UTC+4",
        "No:493/22",
        "paragraph 4.2",
        "(46)",
        "aged 12",
        "18 years old",
        "\n3. ",
        "\n  4) ",
        "44-Day",
        "PMN-2",
        "E-001 M",
        "001M",
        "two years",
        "30 days",
        "29th",
        "2022-10-25",
        "266",
        "1,400",
        "people",
        "mines",
        "the",
        "of",
        "-",
        ",",
        " ",
        "\n",
        "x",
        "Ten",
    ]
)
NON_CLAIM_TEXT = st.lists(FRAGMENTS, max_size=16).map("".join)


def _plain_is_non_claim(text: str, start: int, end: int) -> bool:
    begin = max(0, start - NON_CLAIM_BEFORE)
    space = text.rfind(" ", max(0, begin - NON_CLAIM_BEFORE), begin)
    begin = space if space >= 0 else begin
    for match in PLAIN_NON_CLAIMS.finditer(text, begin, min(len(text), end + NON_CLAIM_AFTER)):
        if match.start() >= end:
            return False
        if match.end() > start:
            return True
    return False


@given(NON_CLAIM_TEXT)
def test_non_claim_patterns_match_as_one_alternation(text: str) -> None:
    for position in range(len(text) + 1):
        got, expected = NON_CLAIMS.match(text, position), PLAIN_NON_CLAIMS.match(text, position)
        assert (got and got.span()) == (expected and expected.span())


@given(NON_CLAIM_TEXT)
def test_non_claim_windows_decide_as_a_plain_search(text: str) -> None:
    for match in expression_matches(text):
        start, end = match.span()
        assert _is_non_claim(text, start, end) == _plain_is_non_claim(text, start, end)


# Letters that re.IGNORECASE equates with ASCII ones although str.lower() does not.
_LOOKALIKES = str.maketrans({"s": "ſ", "i": "İ", "k": "\u212a"})
_PHRASES = [*QUALIFIERS, *SCALES, *VAGUE, "5", "1,200", "people", "died", "mines", "%", "."]


@given(
    st.lists(
        st.tuples(st.sampled_from(_PHRASES), st.booleans()).map(
            lambda pair: pair[0].translate(_LOOKALIKES) if pair[1] else pair[0]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_any_spelling_the_pattern_accepts_is_understood(text: str) -> None:
    for mention in find_mentions(text):
        quantity = mention.quantity
        assert text[quantity.start : quantity.end] == quantity.surface
