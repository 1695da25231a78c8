"""analysis.extract: which numbers are candidate claims, with their sentences."""

from __future__ import annotations

import pytest

from analysis.extract import find_mentions, sentence_spans


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
