"""analysis.extract.classify on sentences written for these tests, not taken from the corpus."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.extract import classify
from analysis.extract.classify import classify_mentions
from analysis.extract.mentions import find_mentions

STATEMENT_DATE = "2024-06-01"


def classified(text: str) -> list[tuple[str, str | None, str | None]]:
    mentions = find_mentions(text)
    results = classify_mentions(text, mentions, STATEMENT_DATE)
    return [
        (m.quantity.surface, c.metric if c else None, c.period if c else None)
        for m, c in zip(mentions, results, strict=True)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Since the end of the war, 57 of them died and 245 people were injured.",
            [("57", "killed", "since_ceasefire"), ("245", "injured", "since_ceasefire")],
        ),
        (
            "Since November 10, 2020, 65 people died, including 50 civilians, 278 people were "
            "injured.",
            [
                ("65", "killed", "since_ceasefire"),
                ("50", "civilians_killed", "since_ceasefire"),
                ("278", "injured", "since_ceasefire"),
            ],
        ),
        (
            "Since 1991, 3,429 people became mine victims (358 children and youth, and 38 women).",
            [
                ("3,429", "casualties", "since_1990s"),
                ("358", "children_casualties", "since_1990s"),
                ("38", "women_casualties", "since_1990s"),
            ],
        ),
        ("In 2024, 12 people lost their lives.", [("12", "killed", "year")]),
        (
            "In 2023, 14,136,179 square meters of land were cleared of mines.",
            [("14,136,179 square meters", "area_cleared_ha", "year")],
        ),
        (
            "Deminers recorded 23 casualties out of 156 incidents.",
            [("23", "casualties", "unspecified"), ("156", "incidents", "unspecified")],
        ),
        (
            "As a result of a mine explosion in Fuzuli, two servicemen were killed and one was "
            "wounded.",
            [("two", "military_killed", "incident"), ("one", "injured", "incident")],
        ),
        (
            "Over the past two years of the post-conflict period, more than 300 soldiers and "
            "civilians were killed or injured.",
            [("more than 300", "casualties", "since_ceasefire")],
        ),
        (
            "The maps list 90,000 mines, yet the number of mines exceeds 2 million.",
            [("90,000", "mines_on_maps", "unspecified"), ("exceeds 2 million", "mines_laid", None)],
        ),
        (
            "Sappers neutralised about 2,500 anti-tank mines near Aghdam.",
            [("about 2,500", "mines_found", "unspecified")],
        ),
        (
            "Only 30% of the maps were accurate, and 60 percent of blasts happened outside them.",
            [
                ("Only 30%", "map_accuracy_pct", "unspecified"),
                ("60 percent", "incidents_outside_maps_pct", "unspecified"),
            ],
        ),
        (
            "The fate of nearly 4,000 people who went missing is unknown.",
            [("nearly 4,000", "missing_persons", "unspecified")],
        ),
        (
            "Seven adjacent regions and one of the major threats.",
            [("Seven", None, None), ("one", None, None)],
        ),
    ],
)
def test_sentences_from_other_outlets(text, expected) -> None:
    got = classified(text)
    expected = [(s, m, p if m else None) for s, m, p in expected]
    assert [(s, m) for s, m, _ in got] == [(s, m) for s, m, _ in expected]
    for (_, metric, period), (_, _, wanted) in zip(got, expected, strict=True):
        if metric and wanted:
            assert period == wanted


def test_back_reference_takes_the_period_and_area_of_the_sentence_before() -> None:
    text = (
        "Since the end of the war in 2020, 80 people have died. Of the 80 killed, 60 were "
        "civilians. New mines were planted in Kalbajar. It is known that 9,000 mines are here."
    )
    mentions = find_mentions(text)
    results = classify_mentions(text, mentions, STATEMENT_DATE)
    by_surface = {m.quantity.surface: c for m, c in zip(mentions, results, strict=True)}
    civilians = by_surface["60"]
    assert (civilians.metric, civilians.period) == ("civilians_killed", "since_ceasefire")
    assert (civilians.period_start, civilians.period_end) == ("2020-11-10", STATEMENT_DATE)
    mines = by_surface["9,000"]
    assert (mines.metric, mines.area) == ("mines_laid", "Kalbajar")


def test_devices_and_windows() -> None:
    text = "Since August 2022, more than 1,400 anti-personnel landmines were found in Lachin."
    [mention] = find_mentions(text)
    [result] = classify_mentions(text, [mention], "2022-10-25")
    assert (result.metric, result.device, result.area) == (
        "mines_found",
        "anti_personnel",
        "Lachin",
    )


CUE_TEXT = st.lists(
    st.sampled_from(["Lachin", "LACHIN", "lachın", "Kalbajar", "peacekeeping", "killed", "ſince"])
    | st.sampled_from(["since the war", "İn 2021,", "in 2021,", "civilians", "them", "there"])
    | st.sampled_from([" ", ", ", "-", "x", "“", "İ", "K", "(", "3"]),
    max_size=10,
).map("".join)


@given(CUE_TEXT)
def test_cues_find_what_their_patterns_find(text: str) -> None:
    c = classify.cues()
    for choices in (c.areas, c.periods, c.events, c.groups, c.nouns):
        earliest = None
        for name, cue in choices.cues.items():
            match, found = cue.pattern.search(text), cue.search(text)
            assert (found and found.span()) == (match and match.span())
            if match and (earliest is None or match.start() < earliest[1]):
                earliest = name, match.start()
        assert choices.search(text) == earliest
        matching = [n for n, cue in choices.cues.items() if cue.pattern.search(text)]
        assert choices.any(text) == (matching[0] if matching else None)
        assert choices.all(text) == set(matching)
