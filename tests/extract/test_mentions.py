"""analysis.extract.mentions: every number accounted for, candidates with their sentences."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.extract import mentions
from analysis.extract.mentions import (
    NON_CLAIMS,
    NUMBER_FIRST,
    WORD_FIRST,
    find_mentions,
    scan_numbers,
    sentence_spans,
)
from analysis.extract.numbers import QUALIFIERS, SCALES, VAGUE
from analysis.schema import NON_CLAIM_REASONS


def surfaces(text: str) -> list[str]:
    return [m.quantity.surface for m in find_mentions(text)]


def tagged(text: str) -> list[tuple[str, str | None]]:
    return [(m.surface, m.reason) for m in scan_numbers(text)]


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
        "The figures by province are in table 4 and appendix 2.",
        "Note 3: the totals include estimates; see footnote 7.",
        "as set out in Annex 3, see also Table 12",
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dates and years
        ("The survey ended on 3 March 2019.", [("3 March 2019", "date")]),
        ("It resumed on March 4, 2019.", [("March 4, 2019", "date")]),
        ("Teams worked between 4 and 17 June 2021.", [("between 4 and 17 June 2021", "date")]),
        ("She was 23 when she stepped on it.", [("23", "age")]),
        (
            "Week 14 (1-7 April): 9 hurt",
            [("Week 14", "ordinal"), ("1-7 April", "date"), ("9", None)],
        ),
        ("from 28 Feb-6 Mar 2022", [("28 Feb-6 Mar 2022", "date")]),
        ("Phase 2: survey", [("Phase 2", "ordinal")]),
        # A date wrapped over two lines (text copied from a PDF) is still one date.
        ("The team left on 9\nOctober 2021.", [("9\nOctober 2021", "date")]),
        ("It resumed on October\n9, 2021.", [("October\n9, 2021", "date")]),
        ("Updated (05.11.2018)", [("05.11.2018", "date")]),
        ("Between 1995 and 2004 the area was closed.", [("Between 1995 and 2004", "year")]),
        ("during the 2015-2016 season", [("2015-2016", "year")]),
        ("the war of 1980–1988", [("1980–1988", "year")]),
        ("from 3 June 2019 to 14 May 2021", [("3 June 2019", "date"), ("14 May 2021", "date")]),
        # clock times
        ("at 07:45 local time", [("07:45", "clock_time")]),
        ("shortly after 9 a.m. on Monday", [("9 a.m.", "clock_time")]),
        # document numbers and references
        ("Ref. No:45/19", [("No:45/19", "document_number")]),
        ("Ref. No. 45", [("No. 45", "document_number")]),
        ("circulated as document A/79/118", [("A/79/118", "document_number")]),
        ("letter S/2024/77 of the council", [("S/2024/77", "document_number")]),
        ("Reference: MAC/2024/17.", [("MAC/2024/17", "document_number")]),
        ("under Article 7 of the Convention", [("Article 7", "reference")]),
        ("paragraphs 3 and 4 apply", [("paragraphs 3 and 4", "reference")]),
        (
            "Articles 12 (scope of the law), 15 (duties) and 20.1.3 (penalties) apply",
            [("Articles 12 (scope of the law), 15 (duties) and 20.1.3 (penalties)", "reference")],
        ),
        ("recalling resolution 71/22", [("71/22", "document_number")]),  # (the number alone)
        # ordinals
        ("the 17th session", [("17th", "ordinal")]),
        (
            "the fifth time and the twenty-third",
            [("fifth", "ordinal"), ("twenty-third", "ordinal")],
        ),
        ("It was the fourth blast.", [("fourth", "ordinal")]),
        # ages
        ("a 41-year-old farmer", [("41-year-old", "age")]),
        ("Anar Hasanov, 52, said the road was closed.", [("Anar Hasanov, 52", "age")]),
        ("her daughter Leyla (7) was hurt.", [("daughter Leyla (7)", "age")]),
        (
            "Samir Guliyev (33) and Leyla Guliyeva (7)",
            [("Samir Guliyev (33)", "age"), ("Leyla Guliyeva (7)", "age")],
        ),
        ("two boys aged 9 and 11", [("two", None), ("aged 9 and 11", "age")]),
        ("the victims, aged 19, 23 and 40, were", [("aged 19, 23 and 40", "age")]),
        ("between the ages of 6 and 12", [("ages of 6 and 12", "age")]),
        # one age after "the age of": the next number is a count of its own
        (
            "ten were under the age of 16 and three were women",
            [("ten", None), ("age of 16", "age"), ("three", None)],
        ),
        ("a woman of 70 was injured", [("woman of 70", "age")]),
        ("children under 18 were hurt", [("children under 18", "age")]),
        # list markers
        ("Regions:\n1. Tartar\n2. Aghdam", [("1.", "list_marker"), ("2.", "list_marker")]),
        # a rate on average; an age after a person's noun; "one" standing for a thing
        ("Deaths ran at 60 a month on average.", [("60", "other_count")]),
        # a month and a count, not a day: there is no 40 May
        ("In May 40 shells were found.", [("40", None)]),
        (
            "Her nephew, 14, and a neighbour, 52, survived.",
            [("Her nephew, 14", "age"), ("a neighbour, 52", "age")],
        ),
        ("Among the sappers, 14 were hurt.", [("14", None)]),
        (
            "Each one of them came home. In one of those blasts",
            [("Each one", "pronoun"), ("one of those blasts", "pronoun")],
        ),
        (
            "One more thing: one of these five children died.",
            [("One more thing", "pronoun"), ("one", None), ("five", None)],
        ),
        # an outline: consecutive numbers open consecutive title lines
        (
            "Contents\n1 Background\n2 Victims\n2.1 Children\n3 Survey\n",
            [
                ("1", "list_marker"),
                ("2", "list_marker"),
                ("2.1", "list_marker"),
                ("3", "list_marker"),
            ],
        ),
        # ... but figures with labels, one a line, are no outline: 12 and 30 are not consecutive
        ("Toll\n12 Killed\n30 Injured\n", [("12", None), ("30", None)]),
        # model codes
        ("POMZ-2M and OZM-72 mines", [("POMZ-2M", "model_code"), ("OZM-72", "model_code")]),
        # durations
        ("the 30-day campaign", [("30-day", "duration")]),
        ("for 25 years of occupation", [("25 years", "duration")]),
        ("two and a half years ago", [("two and a half years", "duration")]),
        ("it may take up to 10 years", [("up to 10 years", "duration")]),
        ("clearance will take 5-7 years", [("5-7 years", "duration")]),
        ("almost three decades later", [("almost three decades", "duration")]),
        # money
        ("a grant of $3.5 million", [("$3.5 million", "money")]),
        ("EUR 200,000 for prosthetics", [("EUR 200,000", "money")]),
        ("US$ 12 million in 2023", [("US$ 12 million", "money"), ("2023", "year")]),
        ("4 million manats were spent", [("4 million", "money")]),
        ("several hundred million euros", [("several hundred million", "money")]),
        # phone numbers
        ("call +374 10 555 123 now", [("+374 10 555 123", "phone")]),
        ("dial 112 in an emergency", [("dial 112", "phone")]),
        ("the hotline 1-2-3 is free", [("1-2-3", "phone")]),
        ("the hotline 161 is free", [("hotline 161", "phone")]),
        # page furniture
        ("Page 3 of 12", [("Page 3 of 12", "page_furniture")]),
        ("News | Views: 9,876", [("Views: 9,876", "page_furniture")]),
        ("*1234567*", [("*1234567*", "page_furniture")]),
        ("The report (120 pages) is online.", [("120 pages", "page_furniture")]),
        ("as stated before.7 The", [("7", "page_furniture")]),
        ("ANNUAL MINE REPORT 2024            9\nText", [("2024", "year"), ("9", "page_furniture")]),
        ("22-04511 (E)", [("22-04511 (E)", "page_furniture")]),
        # counts of other things, rates, ranks
        ("24 member organisations signed", [("24", "other_count")]),
        ("in four provinces", [("four", "other_count")]),
        ("in the 18 departments where", [("18", "other_count")]),
        ("one every three days", [("one", "other_count"), ("three days", "duration")]),
        ("one of the most mined areas", [("one", "other_count")]),
        ("teams clear 8 km2 a year", [("8 km2", "other_count")]),
        ("as against 8 km2 a year earlier", [("8 km2", None)]),
        # distances
        ("a lane 1 metre wide", [("1", "distance")]),
        ("60 km from the city", [("60", "distance")]),
        ("5 square kilometres were cleared", [("5 square kilometres", None)]),
        # a figure or chart of the document, but not a figure given
        ("more than any other (Figure 3.1).", [("Figure 3.1", "reference")]),
        ("Chart 2 shows the months", [("Chart 2", "reference")]),
        ("the figure 398 was wrong", [("398", None)]),
        # temperatures and weights
        ("by noon it was 41°C on the slope", [("41", "measurement")]),
        ("a cold night, 3 ° C at the camp", [("3", "measurement")]),
        ("nearly 30 degrees in the shade", [("nearly 30", "measurement")]),
        ("some 400 tonnes of ordnance", [("some 400", "measurement")]),
        ("a charge of 2 kg", [("2", "measurement")]),
        ("6 tonne-rated trucks", [("6", "measurement")]),
        # targets and needs
        ("we need 2,000 more deminers", [("2,000", "target")]),
        ("it aims to reach 50 per cent", [("50 per cent", "target")]),
        ("plans to raise the number of teams to 60", [("60", "target")]),
        ("a target of 1,000 hectares", [("1,000 hectares", "target")]),
        # ages in words; money in any ISO 4217 currency
        ("two sisters aged six and ten", [("two", None), ("aged six and ten", "age")]),
        ("a boy of twelve", [("boy of twelve", "age")]),
        ("a fine of XOF 250,000", [("XOF 250,000", "money")]),
        ("cost: 1.2 million KES", [("1.2 million KES", "money")]),
        ("ALL 14 DEMINERS SAFE", [("14", None)]),
        # a span of time from a year to a date; a person's age after "he is"
        ("between 1991 and 30 June 2008", [("1991", "year"), ("30 June 2008", "date")]),
        ("from 1995 to May 2001", [("1995", "year"), ("2001", "year")]),
        ("he is 41, a father of three", [("he is 41", "age"), ("three", "other_count")]),
    ],
)
def test_non_claims_are_tagged_with_their_reason(text: str, expected) -> None:
    assert tagged(text) == expected
    assert {reason for _, reason in expected} - {None} <= set(NON_CLAIM_REASONS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 4,500 mines were cleared in 2019.", ["More than 4,500"]),
        ("Of the 27 victims, 14 were children.", ["27", "14"]),
        ("Most of them (18) were men.", ["18"]),  # no name before the bracket: no age
        ("most were in Aghdam (35) and Fuzuli (28)", ["35", "28"]),  # a breakdown, no ages
        ("In Aghdam (35) and in Tartar (12)", ["35", "12"]),
        ("In Kharkiv, 26, and in Kherson, 14.", ["26", "14"]),
        # 412 is no age. (A two-digit figure in brackets after a capitalised word is read as
        # an age: "Elvin (24)".)
        ("followed by Syria (412) and Iraq (315)", ["412", "315"]),
        ("Aghdam          38\nFuzuli          22", ["38", "22"]),  # a table row, no header
        ("between 2000 and 3000 people", ["between 2000 and 3000"]),  # figures, no years
        ("Casualties rose from 120 to 180.", ["120", "180"]),
        ("Casualties rose from 210 in 2022 to 264 in 2023.", ["210", "264"]),  # no range
        ("2000 to 3000 people", ["2000 to 3000"]),
        ("some 300 deminers, 42 teams", ["some 300", "42"]),
        ("Another 3 were hurt, bringing the total to 412.", ["3", "412"]),  # reported
        ("The number of deminers increased to 3,100.", ["3,100"]),  # reported, no target
        ("at least 70 square kilometres, 11,666km2 and 12 ha", ["at least 70 square kilometres"]),
        ("over a million mines", ["over a million"]),
        ("more than 2000 were killed", ["more than 2000"]),  # a qualified figure, no year
        ("1850 square kilometres", ["1850 square kilometres"]),
        ("2015 anti-personnel mines", ["2015"]),
        ("34 of the 2024 casualties were civilians", ["34"]),  # "the 2024": a year
        ("In 2024 casualties fell to 19.", ["19"]),
        ("children under 18 were hurt, under 40 of them", ["under 40"]),
        ("3,015 injured and 1,039 mines", ["3,015", "1,039"]),  # no leading-zero code
        ("cleared by the Northland Army, 2,140 of them by hand", ["2,140"]),  # no age: thousands
        ("He was 23 when he laid 40 mines.", ["40"]),
        ("During the week 40 people were hurt.", ["40"]),  # no row label
        # A row's value is no day of the month that labels the next row.
        ("Victims per month\nJune: 12\nJuly: 7\n", ["12", "7"]),
        ("Victims per month\nJune\n12\nJuly\n7\n", ["12", "7"]),
    ],
)
def test_figures_are_candidates(text: str, expected: list[str]) -> None:
    assert surfaces(text)[: len(expected)] == expected


def test_figures_next_to_non_claims_are_kept() -> None:
    text = (
        "Since November 10, 2020, 266 persons became victims of PMN-2 mines over the past "
        "30 years, and more than 1,400 E-001M mines were found in 2021."
    )
    assert surfaces(text) == ["266", "more than 1,400"]


def test_every_number_is_accounted_for_once() -> None:
    text = (
        "Press release No:64/23, 9 June 2023, 14:15. Since the 44-day war, 112 people were "
        "hit (Rauf Aliyev, 47, among them) and 1-2-3 is the hotline; A/77/310-S/2022/841 is "
        "the letter, Article 5 applies, and the 3rd report counts well over 3,000 victims."
    )
    found = scan_numbers(text)
    assert [m.surface for m in found if m.reason is None] == ["112", "well over 3,000"]
    for digit in re.finditer(r"\d", text):
        assert sum(m.start <= digit.start() < m.end for m in found) == 1, digit.start()


def test_mentions_carry_their_sentence() -> None:
    text = "First sentence has 12 people.\n\nOf the 45 dead, 35 are civilians. Then 7 more."
    found = find_mentions(text)
    assert [m.sentence for m in found] == [
        "First sentence has 12 people.",
        "Of the 45 dead, 35 are civilians.",
        "Of the 45 dead, 35 are civilians.",
        "Then 7 more.",
    ]
    for m in found:
        assert text[m.sentence_start : m.sentence_end] == m.sentence
        assert text[m.quantity.start : m.quantity.end] == m.quantity.surface


def test_sentences_cover_the_text_in_order() -> None:
    text = '  "A quote." Another one?\nA line\n\nA paragraph. '
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ['"A quote."', "Another one?", "A line", "A paragraph."]


def test_every_rule_has_a_known_reason() -> None:
    rules = (*NUMBER_FIRST, *WORD_FIRST, *mentions.BEFORE_RULES, *mentions.AFTER_RULES)
    assert {reason for reason, _ in rules} <= set(NON_CLAIM_REASONS)
    assert {mentions.UNREADABLE, mentions.GLUED_TO_LETTERS} <= set(NON_CLAIM_REASONS)


# One plain alternation of every non-claim pattern: the split by first character and the quick
# tests that make NON_CLAIMS fast must change no match.
PLAIN_NON_CLAIMS = re.compile("|".join(f"(?:{p})" for _, p in (*NUMBER_FIRST, *WORD_FIRST)))
PLAIN_WORD_FIRST = re.compile("|".join(f"(?:{p})" for _, p in WORD_FIRST))
FRAGMENTS = st.sampled_from(
    [
        "November 10, 2020",
        "25 October 2022",
        "Sept. 13-14",
        "2021",
        "1990s",
        "10:30",
        "9 a.m.",
        "UTC+4",
        "No:493/22",
        "A/77/310",
        "paragraph 4.2",
        "Articles 3 (x), 4 and 5",
        "(46)",
        "Rauf Aliyev, 47,",
        "aged 12",
        "a man of 60",
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
        "fifth",
        "2022-10-25",
        "$5 million",
        "call 101",
        "(+994 12) 555-01-27",
        "Views: 1,245",
        "Page 1 of 9",
        "REVIEW 2025          14",
        "266",
        "1,400",
        "more than",
        "people",
        "mines",
        "the",
        "of",
        "-",
        ",",
        ".",
        " ",
        "\n",
        "x",
        "Ten",
        "Lachin",
    ]
)
NON_CLAIM_TEXT = st.lists(FRAGMENTS, max_size=16).map("".join)


@given(NON_CLAIM_TEXT)
def test_non_claim_patterns_match_as_one_alternation(text: str) -> None:
    for position in range(len(text) + 1):
        got, expected = NON_CLAIMS.match(text, position), PLAIN_NON_CLAIMS.match(text, position)
        assert (got and got.span()) == (expected and expected.span())


def _accepted(text: str, position: int) -> bool:
    """Whether the non-claim at ``position`` stands (the running-header rule, which the plain
    alternation cannot name, is checked on the same match of NON_CLAIMS)."""
    return mentions._accepted(NON_CLAIMS.match(text, position))


@given(NON_CLAIM_TEXT, st.data())
def test_windowed_search_finds_what_a_plain_search_finds(text: str, data) -> None:
    """Before a number, the window finds the first word-first non-claim that holds it as its
    first number, as a plain search from the same place does. (One that holds an earlier
    number is found at that number: scan_numbers goes through them in order.)"""
    digits = [m.start() for m in re.finditer(r"(?<![\d,.])\d", text)]
    if not digits:
        return
    start = data.draw(st.sampled_from(digits))
    end = re.compile(r"[\d,.]*\d").match(text, start).end()
    begin = mentions._window_start(text, start)
    window = None
    for match in PLAIN_WORD_FIRST.finditer(text, begin):
        if match.start() >= start:
            break
        full = PLAIN_NON_CLAIMS.match(text, match.start())
        if re.search(r"\d", text[full.start() : start]):
            continue
        if full.end() > start and _accepted(text, match.start()):
            window = full.span()
            break
    first = PLAIN_NON_CLAIMS.match(text, start)
    fast = first.span() if first is not None and _accepted(text, start) else None
    # The non-claim that begins with the number, unless a prefix is glued to it ("A/79/118").
    glued = start > 0 and not text[start - 1].isspace() and text[start].isdecimal()
    expected = (window or fast) if glued else (fast or window)
    got = mentions.non_claim_at(text, start, end)
    if expected is None:  # a later number of the expression may begin one ("10-13 years")
        assert got is None or got.start() > start
    else:
        assert got is not None and got.span() == expected


def _check_scan(text: str) -> None:
    found = scan_numbers(text)
    position = 0
    for mention in found:
        assert position <= mention.start < mention.end
        assert text[mention.start : mention.end] == mention.surface
        assert (mention.reason is None) == (mention.quantity is not None)
        assert mention.reason is None or mention.reason in NON_CLAIM_REASONS
        if mention.quantity is not None:
            assert (mention.quantity.start, mention.quantity.end) == (mention.start, mention.end)
        position = mention.end
    for digit in re.finditer(r"\d", text):
        assert sum(m.start <= digit.start() < m.end for m in found) == 1
    assert [m.quantity for m in find_mentions(text)] == [m.quantity for m in found if m.quantity]
    assert find_mentions(text, found) == find_mentions(text)


@given(NON_CLAIM_TEXT)
def test_scan_accounts_for_every_digit_once(text: str) -> None:
    _check_scan(text)


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
    _check_scan(text)


def test_footnote_markers_and_section_numbers_are_no_figures() -> None:
    text = (
        "4.2 Casualties in the north\n\n"
        "The office counted 310 casualties.[12] Of these, 40 were children [13].\n\n"
        "[12] Office database, extract of May."
    )
    assert tagged(text) == [
        ("4.2", "list_marker"),
        ("310", None),
        ("12", "page_furniture"),
        ("40", None),
        ("13", "page_furniture"),
        ("12", "page_furniture"),
    ]
    # a decimal opening a sentence is a figure
    assert tagged("4.2 hectares were cleared.") == [("4.2 hectares", None)]


def test_a_year_ends_at_a_line_break_before_a_list_item() -> None:
    assert tagged("RESULTS, MAY 2024\n- 12 mines found") == [("2024", "year"), ("12", None)]


def test_a_day_after_a_month_is_no_grouped_number() -> None:
    text = "Items removed, 1-15 June\n3,410 | items removed since May"
    assert "3,410" in [m.quantity.surface for m in find_mentions(text)]


def test_a_studys_statistics_are_no_figures() -> None:
    text = (
        "The survey estimated 3,410 victims (95% CI 3,020-3,870), an odds ratio 1.8 for "
        "herders, p < 0.01, and a confidence band of CI 12 to 19 for children."
    )
    assert tagged(text) == [
        ("estimated 3,410", None),
        ("95% CI 3,020-3,870", "statistic"),
        ("ratio 1.8", "statistic"),
        ("p < 0.01", "statistic"),
        ("CI 12 to 19", "statistic"),
    ]


def test_results_framework_items_levels_and_run_on_list_items_are_no_figures() -> None:
    text = (
        "Outcome 3.2: 410 deminers trained to level 2 or 3. As a result 6 teams were formed.\n"
        "(1) Mine Action Office, Kabul; (2) Centre for Demining Studies, Herat\n"
    )
    assert tagged(text) == [
        ("Outcome 3.2", "reference"),
        ("410", None),
        ("level 2 or 3", "reference"),
        ("6", None),
        ("1", "list_marker"),
        ("2", "list_marker"),
    ]


def test_a_year_between_and_the_end_of_another_is_a_year() -> None:
    assert tagged("Some 640 people were hurt between 2001 and the end of 2019.") == [
        ("Some 640", None),
        ("2001", "year"),
        ("2019", "year"),
    ]


def test_a_projects_year_and_an_output_per_worker_are_no_figures() -> None:
    text = "Output rose from 205 m2 per deminer in year 1 to 330 m2 in year 2."
    assert tagged(text) == [
        ("205 m2", "other_count"),
        ("in year 1", "ordinal"),
        ("330 m2", None),
        ("in year 2", "ordinal"),
    ]


def test_a_list_item_below_a_year_is_no_range_with_it() -> None:
    text = "Results for 2023\n- 4,100 mines destroyed\nWeek 12 - 40 items found"
    assert [(m.surface, m.reason) for m in scan_numbers(text)] == [
        ("2023", "year"),
        ("4,100", None),
        ("12 - 40", None),
    ]


def test_a_day_and_month_with_a_leading_zero_and_a_grid_reference() -> None:
    text = "After the 03.06 blast, a mine was found at grid 38T LK 412 905 and at grid ref. 77 41."
    assert [(m.surface, m.reason) for m in scan_numbers(text)] == [
        ("03.06", "date"),
        ("38T", "model_code"),
        ("412 905", "reference"),
        ("grid ref. 77 41", "reference"),
    ]


def test_an_age_in_brackets_after_a_person_and_working_days() -> None:
    text = (
        "The driver (47) died and his passenger (19) was hurt; 12 children (9) and 2 working days."
    )
    assert [(m.surface, m.reason) for m in scan_numbers(text)] == [
        ("The driver (47)", "age"),
        ("his passenger (19)", "age"),
        ("12", None),
        ("9", None),  # (a count of children in brackets, not an age)
        ("2 working days", "duration"),
    ]


def test_votes_annexes_a_convertible_mark_and_a_parents_children_are_no_figures() -> None:
    text = "Adopted by 11 votes to 2. Report: 41 pages, 3 annexes. KM 150 for a father of three."
    assert [(m.surface, m.reason) for m in scan_numbers(text)] == [
        ("11", "other_count"),
        ("2", None),
        ("41 pages", "page_furniture"),
        ("3 annexes", "page_furniture"),
        ("KM 150", "money"),
        ("three", "other_count"),
    ]


def test_a_date_in_capitals_is_a_date() -> None:
    text = "ACCOUNTS FOR THE YEAR ENDED 31 DECEMBER 2021; 40 MINES FOUND BY 3 JAN 2022."
    assert [(m.surface, m.reason) for m in scan_numbers(text)] == [
        ("31 DECEMBER 2021", "date"),
        ("40", None),
        ("3 JAN 2022", "date"),
    ]


def test_a_place_known_by_its_number_is_a_reference() -> None:
    text = "A boy found a shell near post 7 and another on Route 40; 12 posts were built."
    assert [(m.surface, m.reason) for m in scan_numbers(text)] == [
        ("post 7", "reference"),
        ("Route 40", "reference"),
        ("12", None),
    ]
    # the numbers listed after a plural are places too
    text = "Berths 5, 6 and 7 are closed, berths 1 to 4 open; 3 ships wait."
    assert [(m.surface, m.reason) for m in scan_numbers(text)] == [
        ("Berths 5, 6 and 7", "reference"),
        ("berths 1 to 4", "reference"),
        ("3", None),
    ]
