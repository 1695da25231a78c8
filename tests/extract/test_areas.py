"""analysis.extract.areas: places read from general cues, on sentences written for these tests."""

from __future__ import annotations

import pytest

from analysis.extract.areas import area_of, label_place


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
