"""analysis.extract.segments: paragraphs, sentences and clauses, on texts written for the tests."""

from __future__ import annotations

from analysis.extract.segments import clauses, flat, paragraphs, sentences, without_rules


def _sentences(text: str) -> list[str]:
    line = flat(text)
    return [line[s.start : s.end] for s in sentences(text)]


def test_a_line_break_inside_a_sentence_is_a_space_and_offsets_hold() -> None:
    text = "Teams cleared more than\n4,000 hectares last\r\nyear."
    assert len(flat(text)) == len(text)
    assert _sentences(text) == ["Teams cleared more than 4,000 hectares last  year."]


def test_paragraphs_end_at_blank_lines() -> None:
    text = "Heading\n\nFirst words. Still first.\n  \nSecond words."
    assert [text[a:b] for a, b in paragraphs(text)] == [
        "Heading",
        "First words. Still first.",
        "Second words.",
    ]
    assert [s.paragraph for s in sentences(text)] == [0, 1, 1, 2]
    assert [s.first_of_paragraph for s in sentences(text)] == [True, True, False, True]


def test_list_items_are_units_and_their_numbers_do_not_end_a_sentence() -> None:
    text = "Per province:\n1. Northern - 12 mines;\n2. Southern - 7 mines.\nDr. Lee said so."
    found = sentences(text)
    assert _sentences(text) == [
        "Per province:",
        "1. Northern - 12 mines;",
        "2. Southern - 7 mines.",
        "Dr. Lee said so.",
    ]
    assert [s.list_item for s in found] == [False, True, True, False]


def test_only_the_wanted_paragraphs_are_split() -> None:
    text = "One. Two.\n\nThree. Four."
    assert [s.paragraph for s in sentences(text, {1})] == [1, 1]


def test_clauses_split_where_a_new_predicate_follows() -> None:
    text = "Ten were hurt; two died, while five fled, and one was safe: all at 10:30."
    parts = [text[a:b].strip(" ,;:") for a, b in clauses(text, 0, len(text))]
    assert parts == [
        "Ten were hurt",
        "two died",
        "while five fled",
        "and one was safe",
        "all at 10:30.",
    ]


def test_a_list_of_noun_phrases_stays_one_clause() -> None:
    text = "Crews destroyed 40 mines, 12 shells and 3 bombs."
    assert clauses(text, 0, len(text)) == [(0, len(text))]


def test_each_line_of_a_block_of_key_figures_is_a_sentence_of_its_own() -> None:
    text = "KEY FIGURES\n\n52 | people killed\n140 | people injured\n"
    line = flat(text)
    assert [line[s.start : s.end] for s in sentences(text)] == [
        "KEY FIGURES",
        "52 | people killed",
        "140 | people injured",
    ]


def test_lines_of_a_figure_and_its_label_are_sentences_of_their_own() -> None:
    text = "At a glance\n1,204 killed\n3,310 injured\n37% women\n"
    assert _sentences(text) == ["At a glance 1,204 killed", "3,310 injured", "37% women"]


def test_longer_lines_of_key_figures_and_their_qualifiers() -> None:
    text = (
        "KEY FIGURES\n"
        "352 people killed or injured by mines since the ceasefire of 10 November 2020\n"
        "67 of them killed\n"
        "Around 5,800 ha suspected along the border\n"
        "164 accredited deminers\n"
    )
    assert _sentences(text)[1:] == [
        "67 of them killed",
        "Around 5,800 ha suspected along the border",
        "164 accredited deminers",
    ]


def test_a_sentence_broken_before_a_figure_stays_whole() -> None:
    # The line before the break ends half way ("and", "the"), or opens with no figure.
    for text in (
        "In all 12 were killed and\n30 injured.",
        "Teams found 40 of the\n120 mines.",
        "The blasts killed\n30 people.",
    ):
        assert _sentences(text) == [flat(text)]


def test_dot_leaders_read_as_a_label_and_each_row_is_a_sentence() -> None:
    text = "--- THIS MONTH ---\nvictims .......... 12 (killed 3)\nmines found ....... 480\n"
    line = flat(text)
    assert len(line) == len(text)
    assert line[text.index("victims") : text.index("12")].startswith("victims:")
    assert _sentences(text) == [
        "--- THIS MONTH ---",
        "victims:           12 (killed 3)",
        "mines found:        480",
    ]


def test_a_rule_under_a_header_is_no_heading() -> None:
    text = "District     Mines\n-----------------\nNorth        40\n"
    assert len(paragraphs(text)) == 1


def test_an_indented_label_row_is_an_item_of_the_row_above() -> None:
    text = "shells destroyed ..... 40\n  mortar rounds ...... 25\nteams ....... 3\n"
    assert [s.list_item for s in sentences(text)] == [False, True, False]


def test_a_symbol_or_emoji_opening_a_line_is_a_bullet() -> None:
    text = "Results:\n► Teams: 12\n✅ Mines destroyed: 48\n▪️ Land released: 9 ha"
    assert [s.list_item for s in sentences(text)] == [False, True, True, True]
    assert [s.list_item for s in sentences("Results:\n(a) Teams: 12")] == [False]


def test_the_words_of_a_heading_without_its_rules() -> None:
    assert without_rules("--- CLEARANCE THIS WEEK ---") == "CLEARANCE THIS WEEK"
    assert without_rules("## Results by region") == "Results by region"
    assert without_rules("Mine-free districts") == "Mine-free districts"


def test_a_colon_or_semicolon_inside_brackets_ends_no_clause() -> None:
    line = "Mines hit 31 people (killed: 7; injured: 24); teams cleared 9 ha."
    assert [line[s:e] for s, e in clauses(line, 0, len(line))] == [
        "Mines hit 31 people (killed: 7; injured: 24)",
        " teams cleared 9 ha.",
    ]
