"""analysis.extract.areas: places read from general cues, on sentences written for these tests."""

from __future__ import annotations

import pytest

from analysis.extract.areas import area_of, countries_of, label_place, own_words


def area(sentence: str, before: str = "", trailing: str = "", previous: str = "") -> str | None:
    return area_of(before, trailing, sentence, sentence, previous)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In Ruritania province alone, 40 people were hurt.", "Ruritania"),
        ("Eastmarch alone registered 300 victims.", "Eastmarch"),
        ("Twelve died in the Lower Vale district.", "Lower Vale"),
        ("Twelve died in the Lachin and Kalbajar districts.", "Lachin and Kalbajar"),
        ("Twelve died in Aghdam, Fuzuli, Tartar, Lachin and Kalbajar.", None),  # the whole region
        ("Twelve died in the east.", None),
        # (a possessive names the country the place is in)
        ("Twelve died in Ruritania's Eastmarch province.", "Eastmarch"),
    ],
)
def test_places_in_a_sentence(sentence: str, expected: str | None) -> None:
    assert area(sentence) == expected


def test_a_place_right_before_its_figure() -> None:
    sentence = "Most were in Eastmarch (40 victims) and Westmarch (12 victims)."
    assert area(sentence, before="Most were in Eastmarch (") == "Eastmarch"
    assert area(sentence, before=" victims) and Westmarch (") == "Westmarch"
    assert area("Northfold for 12 ha.", before="Northfold for ") == "Northfold"


def test_a_list_item_label_is_the_area_of_its_figures() -> None:
    assert area("3. Southfold - 14 mines, 2 shells;") == "Southfold"


def test_here_and_there_refer_to_the_sentence_before() -> None:
    assert area("Crews found 90 mines there.", previous="Work went on in Shusha.") == "Shusha"


def test_a_borrowed_administrative_noun_stays_with_its_place() -> None:
    assert area("In Northfield oblast alone, 30 people were hurt.") == "Northfield oblast"
    assert area("Twelve died in the Northfield raion.") == "Northfield raion"
    assert area("Twelve died in the Northfield district.") == "Northfield"
    assert area("Twelve died in the Lachin rayon.") == "Lachin"  # a known place: its own name


def test_a_list_label_may_name_the_count_not_a_place() -> None:
    sentence = "- Casualties: 14 (3 killed, 11 injured)"
    assert area(sentence) == "Casualties"  # what the pattern reads, the caller decides
    assert area_of("", "", sentence, sentence, "", list_label=False) is None


def test_a_label_names_a_place_only_with_an_administrative_noun_or_known() -> None:
    assert label_place("Westmarch oblast") == "Westmarch oblast"
    assert label_place("Westmarch governorate") == "Westmarch"
    assert label_place("Lachin") == "Lachin"
    assert label_place("Update") is None


def test_countries_are_read_from_their_common_english_names() -> None:
    text = "Teams work in Niger and Nigeria, in Guinea-Bissau and Burma, with the UN and the EU."
    assert countries_of(text).named == {"Niger", "Nigeria", "Guinea-Bissau", "Burma"}


def test_a_country_that_acts_is_no_place() -> None:
    text = "Mines planted by Armenia, pressure on Serbia, aid from Japan; 40 casualties in Chad."
    assert countries_of(text).named == {"Chad"}


def test_a_country_is_an_area_only_beside_the_subject_of_the_statement() -> None:
    text = "Cambodia cleared 40 km² in 2023. Teams in Cambodia also cleared land in Laos."
    countries = countries_of(text)
    assert countries.subject == "Cambodia"
    assert countries.area("Laos, 12 casualties were recorded") == "Laos"
    assert countries.area("in Cambodia, 30 casualties were recorded") is None  # national
    assert countries.area("12 in Laos and 30 in Cambodia") is None  # which one is unclear
    assert countries.area("casualties last year", "In Laos and in 2024,") == "Laos"
    assert countries_of("Laos recorded 41 casualties in Laos.").area("in Laos") is None


def test_the_own_country_is_the_one_named_most_often_as_a_place() -> None:
    text = "Pressure on Armenia, Armenia's maps, Armenia said. Victims in Azerbaijan: 300."
    assert countries_of(text).subject == "Azerbaijan"


def test_a_survey_of_countries_has_no_subject() -> None:
    text = "Casualties were recorded in Yemen, Syria, Mali and Chad; Yemen had the most."
    countries = countries_of(text)
    assert countries.subject is None
    assert countries.area("most of them in Yemen") == "Yemen"


def test_the_words_about_a_figure_end_at_a_comma_or_bracket() -> None:
    assert (
        own_words(" casualties in Chad in 2024, which Armenia denied")
        == " casualties in Chad in 2024"
    )
    assert own_words(" killed (12 in Laos)") == " killed "


def test_a_numbered_heading_about_a_country_gives_the_country() -> None:
    heading = "2. SITUATION: MOZAMBIQUE The authority reports 41 casualties."
    assert area_of("The authority reports ", " casualties.", heading, heading, "") == "Mozambique"
    heading = "2. Summary: Chad The authority reports 41 casualties."
    assert area_of("The authority reports ", " casualties.", heading, heading, "") == "Chad"
