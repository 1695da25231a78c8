"""analysis.extract.frames: what a number counts and what happened, on phrases written here."""

from __future__ import annotations

import pytest

from analysis.extract import frames
from analysis.extract.frames import Noun


@pytest.mark.parametrize(
    ("after", "noun"),
    [
        (" road and farm casualties were", Noun("event", "casualties")),  # the last noun
        (" mine victims of the north", Noun("event", "casualties")),  # "of" ends the phrase
        (" schoolchildren were hurt", Noun("people", "children")),
        (" people wounded in the south", Noun("people", "general")),  # a participle describes
        (" soldiers and civilians were hurt", Noun("people", "general")),  # two groups: all
        (" anti-tank mines, 12 shells", Noun("thing", "mines")),
        (" items of UXO were found", Noun("thing", "mines")),
        (" pieces of unexploded ordnance", Noun("thing", "mines")),
        (" separate road accidents", Noun("thing", "incidents")),
        (" of them were", Noun("partitive")),
        (" of the dead were", Noun("partitive", "killed")),
        (" of our own volunteers", Noun("unknown")),
        (" of my neighbours", Noun("unknown")),
        (" of our citizens", Noun("people", "general")),
        (" killed and 4 injured", Noun("participle", "killed")),
        (" fatally.", Noun("participle", "killed")),
        (" survivors need help", Noun("event", "injured")),
        (" sheep and goats", Noun("unknown")),
        (" in the east", Noun("none")),
        ("", Noun("none")),
    ],
)
def test_the_noun_after_a_number(after: str, noun: Noun) -> None:
    assert frames.noun_after(after) == noun


def test_a_vague_amount_names_its_noun_after_of() -> None:
    assert frames.noun_after(" of landmines remain", vague=True) == Noun("thing", "mines")
    assert frames.noun_after(" of landmines remain") == Noun("none")


@pytest.mark.parametrize(
    ("before", "event"),
    [
        ("the blast killed ", "killed"),
        ("shelling wounded at least ", "injured"),
        ("the floods affected ", "casualties"),
        ("mines have killed or maimed ", "casualties"),
        ("of the victims, ", None),  # a total named before is no verb of this count
        ("the team found ", None),
    ],
)
def test_a_verb_right_before_a_number_takes_it_as_object(before: str, event: str | None) -> None:
    assert frames.active_event(before) == event


def test_groups_named_around_a_number() -> None:
    assert frames.group_after(" were soldiers") == "military"
    assert frames.group_after(" was an employee of the regional demining centre") == "deminers"
    assert frames.group_before("Women made up ") == "women"
    assert frames.group_before("and children for ") == "children"
    assert frames.group_before("among the civilians, ") == "civilians"
    assert frames.group_before("the roads took ") is None


def test_parts_comparisons_targets_and_ellipses() -> None:
    assert frames.part_of_event("Among the wounded were ") == "injured"
    assert frames.is_subgroup("a total of 80, including ")
    assert frames.is_subgroup("(")
    assert frames.is_subgroup("Of the victims, ")
    assert not frames.is_subgroup("Teams cleared ")
    assert frames.is_comparison("up from ")
    assert frames.is_target("the agency plans to reach ")
    assert frames.is_target("the programme needs ")
    assert not frames.is_target("the toll reached ")
    assert frames.is_ellipsis("and another ")
    assert frames.opens_part(", including ")
    assert frames.is_named_item("followed by Freedonia (")


def test_a_count_named_before_its_number() -> None:
    noun, words = frames.count_noun_before("the number of people hurt by mines rose to ")
    assert noun == Noun("people", "general") and "hurt" in words
    assert frames.count_noun_before("yearly casualties dropped, but casualties rose to ")[
        0
    ] == Noun("event", "casualties")
    assert frames.count_noun_before("Officials said ")[0] == Noun("none")


def test_the_noun_a_question_asks_about() -> None:
    assert frames.asked_noun("Q: And how many landmines are left?") == Noun("thing", "mines")
    assert frames.asked_noun("Q: Where do you work?") == Noun("none")


def test_a_part_after_another_verb_is_its_object() -> None:
    assert frames.is_object("Yesterday I visited ")
    assert not frames.is_object("Forty were hurt, and ")
    assert not frames.is_object("the shells killed ")
    assert not frames.is_object("")


def test_a_relative_clause_of_an_apposition_is_not_the_counts_event() -> None:
    after = ", a farmer of 50 who lost a leg in 1999"
    assert frames.first_event(frames.without_apposition(after)) is None
    assert frames.first_event(frames.without_apposition(", a farmer, died")) == "killed"


def test_an_event_is_read_whole_past_the_words_of_a_noun_phrase() -> None:
    noun = frames.noun_after(" the number of local residents killed or injured by mines")
    assert noun == Noun("participle", "casualties")


@pytest.mark.parametrize(
    "after",
    [
        " civilians (31 killed, 2 missing) were hurt",
        " (of whom 31 died) were hurt",
        " pupils (4 of them killed) were hurt",
    ],
)
def test_a_breakdown_in_brackets_is_not_the_totals_event(after: str) -> None:
    assert frames.first_event(frames.without_apposition(after)) == "injured"


def test_a_bracket_without_a_number_stays_part_of_the_words_after() -> None:
    assert frames.first_event(frames.without_apposition(" farmers (all men) died")) == "killed"


def test_a_part_follows_its_whole_named_at_the_start() -> None:
    assert frames.follows_its_whole("Of the ", " victims, ")
    assert frames.follows_its_whole("Among all the ", " casualties recorded, ")
    assert not frames.follows_its_whole("Mines hit ", " people, and ")
    assert not frames.follows_its_whole("Of the ", " victims who ")


def test_a_relative_clause_in_a_plan_reports_a_fact() -> None:
    plan = "It aims to clear 40 hectares in the north, where "
    assert not frames.is_target(", where ", plan)
    assert frames.is_target(", release ", "It aims to clear 40 hectares, release ")
