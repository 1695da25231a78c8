"""analysis.extract.classify on sentences written for these tests, not taken from the corpus."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.extract import classify, frames
from analysis.extract.claims import rule_claims
from analysis.extract.classify import NotAClaim, classify_mentions
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
            # "one" is one of the servicemen (ellipsis of the noun)
            [("two", "military_killed", "incident"), ("one", "military_injured", "incident")],
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
        ("It is one of the major threats.", [("one", None, None)]),
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


def test_a_country_named_with_a_figure_is_its_area_in_a_text_on_several() -> None:
    text = (
        "The survey team works in Angola. Angola recorded 55 casualties in 2023. "
        "Across the border in Zambia, 7 people were injured by mines in 2023."
    )
    mentions = find_mentions(text)
    results = classify_mentions(text, mentions, STATEMENT_DATE)
    areas = {m.quantity.surface: c.area for m, c in zip(mentions, results, strict=True) if c}
    assert areas == {"55": None, "7": "Zambia"}


def test_devices_and_windows() -> None:
    text = "Since August 2022, more than 1,400 anti-personnel landmines were found in Lachin."
    [mention] = find_mentions(text)
    [result] = classify_mentions(text, [mention], "2022-10-25")
    assert (result.metric, result.device, result.area) == (
        "mines_found",
        "anti_personnel",
        "Lachin",
    )


def results(text: str, date: str = STATEMENT_DATE) -> dict[str, object]:
    mentions = find_mentions(text)
    found = classify_mentions(text, mentions, date)
    return {m.quantity.surface: c for m, c in zip(mentions, found, strict=True)}


def metrics(text: str) -> list[tuple[str, str | None]]:
    return [(s, getattr(c, "metric", None)) for s, c in results(text).items()]


def test_a_list_shares_the_verb_after_it_and_keeps_its_devices() -> None:
    text = (
        "In 2023 crews said 510 anti-tank mines, 77 anti-personnel mines and 3,020 shells "
        "were destroyed."
    )
    found = results(text)
    assert [(c.metric, c.device) for c in found.values()] == [
        ("mines_found", "anti_tank"),
        ("mines_found", "anti_personnel"),
        ("mines_found", "uxo"),
    ]
    assert {c.period for c in found.values()} == {"year"}


def test_a_number_without_a_noun_takes_the_noun_of_the_figure_before() -> None:
    assert metrics("Four children were killed and seven were hurt.") == [
        ("Four", "children_killed"),
        ("seven", "children_injured"),
    ]
    assert metrics("Nine soldiers died, and another 30 were wounded.") == [
        ("Nine", "military_killed"),
        ("30", "military_injured"),
    ]


def test_a_breakdown_takes_the_totals_event_unless_it_names_its_own() -> None:
    assert metrics("Last year 500 people were hurt or killed by mines, of whom 80 died.") == [
        ("500", "casualties"),
        ("80", "killed"),
    ]
    assert metrics("Mines hit 90 people (40 children and 12 women).") == [
        ("90", "casualties"),
        ("40", "children_casualties"),
        ("12", "women_casualties"),
    ]
    text = "Since 2021, 220 residents fell victim to mines. Among them were 31 children."
    assert metrics(text) == [("220", "casualties"), ("31", "children_casualties")]


def test_a_part_with_another_predicate_is_no_figure() -> None:
    text = "Seven villagers were wounded; two of them are still in hospital."
    assert metrics(text) == [("Seven", "civilians_injured"), ("two", None)]


def test_the_period_carries_on_in_its_paragraph_and_topic_but_not_past_them() -> None:
    text = (
        "Between 2015 and 2019, 700 people were killed or injured. Of them, 150 died.\n\n"
        "Of the dead, 40 were children.\n\nCrews have destroyed 60 mines."
    )
    found = results(text)
    assert [found[s].period for s in ("700", "150", "40")] == ["window"] * 3
    assert found["150"].period_start == "2015-01-01"
    assert found["60"].period == "unspecified"  # another topic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a severity is a part by how badly, no count of its own ("fatally" is)
        (
            "Two deminers were injured, one of them seriously, in May.",
            [("Two", "deminers_injured"), ("one", None)],
        ),
        ("Ten people were hurt, 3 of them fatally.", [("Ten", "casualties"), ("3", "killed")]),
        # an adjective of a group before "men" or "people" names their group
        (
            "Three civilian men were hit: one was killed and two were injured.",
            [
                ("Three", "civilian_casualties"),
                ("one", "civilians_killed"),
                ("two", "civilians_injured"),
            ],
        ),
        # homes are not people; a ratio is no total
        ("Grants went to 23 survivor households.", [("23", None)]),
        (
            "Survey cancelled 3 hectares for every hectare cleared.",
            [("3 hectares", None)],
        ),
        (
            "The talks reached 900 people, 500 of them kids.",
            [
                ("900", "risk_education_beneficiaries"),
                ("500", "risk_education_children"),
            ],
        ),
        ("Its units deploy 120 deminers.", [("120", "deminers_deployed")]),
        ("Some 900 deminers are involved in clearance.", [("Some 900", "deminers_deployed")]),
        (
            "The fund pays a monthly allowance of $40 to 37 mine survivors.",
            [("37", "survivors_assisted")],
        ),
    ],
)
def test_parts_by_severity_groups_homes_ratios_kids_and_deploy(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert metrics(text) == expected


def test_a_table_of_targets_and_results() -> None:
    text = (
        "Results in 2021\n\n"
        "Indicator | Target 2021 | Result 2021\n"
        "Land released (ha) | 900 | 1,020\n"
        "Survivors given a livelihood grant | 80 | 94\n"
        "People farming or living on released land | 5,000 | 6,212\n"
        "Women among clearance staff (%) | 25 | 31\n"
    )
    found = results(text, "2022-03-01")
    assert {s: found[s] for s in ("900", "80", "5,000", "25")} == dict.fromkeys(
        ("900", "80", "5,000", "25"), NotAClaim("target")
    )
    assert [found[s].metric for s in ("1,020", "94", "6,212", "31")] == [
        "area_cleared_ha",
        "survivors_assisted",
        "land_release_beneficiaries",
        "women_deminers_pct",
    ]
    assert found["1,020"].period_start == "2021-01-01"


def test_a_share_of_the_land_is_no_share_of_the_casualties() -> None:
    text = (
        "In October 6 people were injured. She said 15 per cent of the land had been cleared "
        "and that 3,800 deminers were at work."
    )
    assert metrics(text)[-1] == ("3,800", "deminers_deployed")


def test_words_that_refer_to_the_count_before() -> None:
    # "them": the workforce of the sentence before
    text = "The unit has 300 sappers in the region. Two of them were injured in May."
    assert metrics(text) == [("300", "deminers_deployed"), ("Two", "deminers_injured")]
    # "such": the group of the total before
    text = (
        "In 2023 the monitor counted 40 civilian casualties. In 2022 it counted 61 such casualties."
    )
    assert metrics(text) == [("40", "civilian_casualties"), ("61", "civilian_casualties")]
    # "they show": the maps just counted
    text = "The army handed over 12 minefield maps. They show 3,400 mines."
    assert metrics(text) == [("12", "minefield_maps"), ("3,400", "mines_on_maps")]


def test_an_answer_that_names_its_people_is_not_of_the_group_asked() -> None:
    text = (
        "Q: How many kids have you taught?\n\n"
        "A: Last year our sessions reached 18,000 people, of whom 7,400 were schoolchildren."
    )
    assert metrics(text) == [
        ("18,000", "risk_education_beneficiaries"),
        ("7,400", "risk_education_children"),
    ]


def test_a_workforce_is_dated_by_its_own_sentence_only() -> None:
    text = "In 2023 mines killed 40 people. There were 700 deminers in 2012. Today there are 480."
    found = results(text)
    assert (found["700"].metric, found["700"].period) == ("deminers_deployed", "year")
    assert found["700"].period_start == "2012-01-01"
    assert (found["480"].metric, found["480"].period) == ("deminers_deployed", "unspecified")


def test_a_period_in_a_relative_clause_is_not_carried_on() -> None:
    text = (
        "2022 was a hard year, after floods that closed the roads in March. "
        "Crews destroyed 60 mines."
    )
    found = results(text)
    assert (found["60"].period, found["60"].period_start) == ("year", "2022-01-01")


def test_a_period_right_after_a_compared_figure_is_its_own() -> None:
    found = results("In 2022 the agency counted 40 casualties, compared with 55 in 2021.")
    assert (found["55"].metric, found["55"].period_start) == ("casualties", "2021-01-01")
    assert found["40"].period_start == "2022-01-01"


def test_targets_are_not_claims() -> None:
    found = results("The plan foresees increasing the workforce to 4,000 deminers.")
    assert found["4,000"] == NotAClaim("target")
    assert results("Officials aim to clear 500 hectares next year.")["500 hectares"] == NotAClaim(
        "target"
    )


def test_surfaces_by_the_cue_nearest_them() -> None:
    text = (
        "Teams have cleared 2,400 hectares so far, while 9,000 hectares remain to be cleared "
        "and 300 hectares were surveyed."
    )
    assert metrics(text) == [
        ("2,400 hectares", "area_cleared_ha"),
        ("9,000 hectares", "area_contaminated_ha"),
        ("300 hectares", "area_surveyed_ha"),
    ]


def test_shares_of_groups_areas_and_maps() -> None:
    text = "Civilians made up 70% of the victims, and soldiers for 30%."
    assert metrics(text) == [("70%", "civilian_casualties_pct"), ("30%", "military_casualties_pct")]
    assert metrics("About 8% of the country's land is contaminated.") == [
        ("About 8%", "area_contaminated_pct")
    ]
    assert metrics("The clearance so far covers 5% of the contaminated land.") == [
        ("5%", "area_cleared_pct")
    ]


def test_a_workforce_needs_a_cue_and_other_counts_are_unclassified() -> None:
    assert metrics("The agency now employs 900 deminers.") == [("900", "deminers_deployed")]
    assert metrics("The report mentions 12 deminers.") == [("12", None)]
    assert metrics("We met 30 farmers and 8 teachers.") == [("30", None), ("8", None)]


def test_countries_in_a_global_list_keep_the_metric_and_get_their_area() -> None:
    text = (
        "In 2021, Freedonia recorded the highest number of casualties, with 410, "
        "followed by Sylvania (220)."
    )
    found = results(text, "2022-05-01")
    assert [(c.metric, c.area) for c in found.values()] == [
        ("casualties", None),
        ("casualties", "Sylvania"),
    ]


def test_an_answer_counts_what_the_question_asks_about() -> None:
    text = (
        "Q: How many mines are still in the ground?\n\n"
        "A: Nobody knows. Estimates run to 300,000.\n\n"
        "Q: How large is the hazardous area?\n\nA: We put it at 900 hectares."
    )
    assert metrics(text) == [("300,000", "mines_laid"), ("900 hectares", "area_contaminated_ha")]


def test_not_a_claim_takes_only_known_reasons() -> None:
    with pytest.raises(ValueError):
        NotAClaim("because")


CUE_TEXT = st.lists(
    st.sampled_from(["Lachin", "LACHIN", "lachın", "Kalbajar", "killed", "ſince", "victims"])
    | st.sampled_from(["since the war", "İn 2021,", "in 2021,", "civilians", "them", "there"])
    | st.sampled_from([" ", ", ", "-", "x", "“", "İ", "K", "(", "3"]),
    max_size=10,
).map("".join)


@given(CUE_TEXT)
def test_choices_find_what_their_patterns_find(text: str) -> None:
    for choice in (frames.cues().groups, frames.cues().events, classify.cues().mine_metrics):
        earliest = None
        for name, cue in choice.cues.items():
            match, found = cue.pattern.search(text), cue.search(text)
            assert (found and found.span()) == (match and match.span())
            if match and (earliest is None or match.start() < earliest[1]):
                earliest = name, match.start()
        assert choice.search(text) == earliest
        matching = [n for n, cue in choice.cues.items() if cue.pattern.search(text)]
        assert choice.any(text) == (matching[0] if matching else None)
        assert choice.all(text) == set(matching)


def details(text: str, date: str = STATEMENT_DATE) -> list[tuple[str, str, str, str | None]]:
    """(surface, metric, period, area) of the classified figures of ``text``."""
    mentions = find_mentions(text)
    results = classify_mentions(text, mentions, date)
    return [
        (m.quantity.surface, c.metric, c.period, c.area)
        for m, c in zip(mentions, results, strict=True)
        if isinstance(c, classify.Classification)
    ]


def test_a_label_before_a_colon_names_what_its_number_counts() -> None:
    text = (
        "Results for the month:\n"
        "- Land released: 812.5 hectares\n"
        "- Anti-tank mines destroyed: 58\n"
        "- Blasts recorded: 4\n"
        "- Victims: 10 (2 killed, 8 injured), including 3 children\n"
        "- Residents reached by risk education: 4,100\n"
    )
    assert [(s, m) for s, m, _, _ in details(text)] == [
        ("812.5 hectares", "area_cleared_ha"),
        ("58", "mines_found"),
        ("4", "incidents"),
        ("10", "casualties"),
        ("2", "killed"),
        ("8", "injured"),
        ("3", "children_casualties"),  # a part of the total, not of the bracket
        ("4,100", "risk_education_beneficiaries"),
    ]
    assert all(area is None for *_, area in details(text))  # "Victims" is no place


def test_an_item_under_a_label_of_casualties_names_its_own_event() -> None:
    text = (
        "Incidents this week:\n"
        "- Casualties: 2 killed on the river bank\n"
        "- Civilian casualties: one man, aged 61, injured while fishing\n"
        "- Casualties: 5 (1 killed, 4 injured)\n"
    )
    assert [(s, m) for s, m, _, _ in details(text)] == [
        ("2", "killed"),
        ("one", "civilians_injured"),
        ("5", "casualties"),  # (its breakdown names no event of its own)
        ("1", "killed"),
        ("4", "injured"),
    ]
    assert all(area is None for *_, area in details(text))  # "Casualties" is no place


def test_a_sentence_before_a_colon_is_no_label() -> None:
    text = "The work came at a cost: seven sappers have been killed so far."
    assert [(s, m) for s, m, _, _ in details(text)] == [("seven", "deminers_killed")]


def test_table_rows_take_the_count_and_period_of_their_heading() -> None:
    text = (
        "Victims by province, 2022\n"
        "- Westmarch: 17 (5 killed, 12 injured)\n"
        "- Dal al-Sur: 9 (1 killed, 8 injured)\n"
    )
    assert details(text) == [
        ("17", "casualties", "year", "Westmarch"),
        ("5", "killed", "year", "Westmarch"),
        ("12", "injured", "year", "Westmarch"),
        ("9", "casualties", "year", "Dal al-Sur"),
        ("1", "killed", "year", "Dal al-Sur"),
        ("8", "injured", "year", "Dal al-Sur"),
    ]


def test_a_title_above_a_table_names_what_its_rows_count() -> None:
    # The title stands apart from its rows, which carry no bullets, in capitals or not.
    text = (
        "HAZARDOUS ITEMS DESTROYED BY PROVINCE\n\n"
        "Westmarch: 640\nDal al-Sur: 85\n\n"
        "Victims by province in 2021:\n\n"
        "Northvale: 23 (4 killed, 19 injured)\n"
    )
    assert details(text) == [
        ("640", "mines_found", "unspecified", "Westmarch"),
        ("85", "mines_found", "unspecified", "Dal al-Sur"),
        ("23", "casualties", "year", "Northvale"),
        ("4", "killed", "year", "Northvale"),
        ("19", "injured", "year", "Northvale"),
    ]


def test_a_table_reads_its_columns_rows_and_title() -> None:
    text = (
        "CIVILIAN VICTIMS OF MINES BY PROVINCE, MAY 2023\n\n"
        "Province   | Dead | Hurt\n"
        "Westmarch  | 4    | 19\n"
        "Other provinces | 2 | 5\n"
        "Total      | 6    | 24\n"
    )
    assert details(text) == [
        ("4", "civilians_killed", "window", "Westmarch"),
        ("19", "civilians_injured", "window", "Westmarch"),
        ("2", "civilians_killed", "window", "Other provinces"),  # no count of provinces
        ("5", "civilians_injured", "window", "Other provinces"),
        ("6", "civilians_killed", "window", None),  # a row of sums is no place
        ("24", "civilians_injured", "window", None),
    ]


def test_a_table_by_month_counts_what_its_title_names() -> None:
    text = "Mine victims in 2022\n\nProvince  | March | April\nWestmarch | 7     | 3\n"
    assert details(text) == [
        ("7", "casualties", "year", "Westmarch"),
        ("3", "casualties", "year", "Westmarch"),
    ]


def test_rows_that_name_their_count_take_the_group_of_their_heading() -> None:
    text = (
        "CIVILIAN VICTIMS BY WEEK\n\n"
        "Week 9 (24 Feb-2 Mar): 6 killed, 15 injured\n"
        "Week 10 (3-9 Mar): 2 killed, 8 injured\n\n"
        "Civilian victims by province:\n"
        "- Westmarch: 4 killed and 11 injured\n"
    )
    assert [(s, m, area) for s, m, _, area in details(text)] == [
        ("6", "civilians_killed", None),  # a week is no place
        ("15", "civilians_injured", None),
        ("2", "civilians_killed", None),
        ("8", "civilians_injured", None),
        ("4", "civilians_killed", "Westmarch"),
        ("11", "civilians_injured", "Westmarch"),
    ]
    # each week's row is dated by its own days
    found = results(text, "2024-03-20")
    assert (found["6"].period_start, found["2"].period_start) == ("2024-02-24", "2024-03-03")


def test_rows_by_month_or_week_have_no_place() -> None:
    text = "Victims per month\n- March: 12\n- Jan-Feb: 30\n- Q3: 8\n"
    assert [(s, m, area) for s, m, _, area in details(text)] == [
        ("12", "casualties", None),
        ("30", "casualties", None),
        ("8", "casualties", None),
    ]


def test_mines_destroyed_from_a_stockpile_are_not_mines_found() -> None:
    text = (
        "The army destroyed 9,000 stockpiled mines. It destroyed 300 mines from its stocks. "
        "It still holds 12,000 mines in stockpiles. Sappers destroyed 41 mines in the fields."
    )
    assert metrics(text) == [
        ("9,000", "mines_stockpile_destroyed"),  # taken from a store, not found
        ("300", "mines_stockpile_destroyed"),
        ("12,000", "mines_stockpiled"),
        ("41", "mines_found"),
    ]


def test_a_subject_named_before_its_verb_is_what_the_number_counts() -> None:
    # the subject's head comes before the place or time that follows it
    text = (
        "Mine victims in the valley dropped to 14 last year. Deaths across the north climbed "
        "to 6. The wounded rose to 20 overall."
    )
    assert [(s, m, p) for s, m, p, _ in details(text, "2021-03-01")] == [
        ("14", "casualties", "year"),
        ("6", "killed", "year"),  # the period goes on in the paragraph
        ("20", "injured", "year"),
    ]


def test_a_reported_increase_is_no_target() -> None:
    assert metrics("Victims increased to 41 this spring.") == [("41", "casualties")]
    assert metrics("The board will increase the teams to 41.") == []  # a goal


def test_a_group_listed_after_parts_is_a_part_of_the_same_total() -> None:
    text = "Of the casualties, 7 died, 22 were wounded and 11 were minors."
    assert metrics(text) == [
        ("7", "killed"),
        ("22", "injured"),
        ("11", "children_casualties"),  # minors among the casualties, not the wounded
    ]


def test_another_figure_adds_to_the_total_of_the_sentence_before() -> None:
    text = "Mines have killed 88 villagers since May. A further 140 were hurt, medics said."
    assert metrics(text) == [("88", "civilians_killed"), ("140", "civilians_injured")]


def test_a_part_of_a_count_of_things_counts_the_same_things() -> None:
    text = "Sappers destroyed 5,210 mines last year, 3,007 of them anti-tank."
    found = results(text)
    assert (found["3,007"].metric, found["3,007"].device) == ("mines_found", "anti_tank")


def test_inflections_of_the_cue_verbs() -> None:
    assert metrics("The brigade is destroying 640 anti-tank mines near the river.") == [
        ("640", "mines_found")
    ]
    assert metrics("Northland reports holding 70,400 anti-personnel mines.") == [
        ("70,400", "mines_stockpiled")
    ]


def test_a_verb_ends_the_noun_phrase_of_the_people_counted() -> None:
    # "explosive ordnance" is what they learnt about, not what the number counts
    text = "Some 8,000 schoolchildren received explosive ordnance risk education."
    assert metrics(text)[0] == ("Some 8,000", "risk_education_children")


def test_a_share_of_people_is_no_share_of_land() -> None:
    text = (
        "Around 18 per cent of the sappers are women, up from 5 per cent when clearance began. "
        "Nearly 30 per cent of the victims were children."
    )
    assert metrics(text) == [
        ("Around 18 per cent", "women_deminers_pct"),
        ("5 per cent", "women_deminers_pct"),  # compared with it
        ("Nearly 30 per cent", "children_casualties_pct"),
    ]


def test_a_wars_toll_is_not_a_count_of_mine_victims() -> None:
    text = (
        "The civil war, which ended in 1995, killed some 90,000 people. Since then, mines have "
        "killed 410 people."
    )
    found = results(text)
    assert isinstance(found["some 90,000"], NotAClaim)
    assert found["410"].metric == "killed"


def test_a_parts_own_verb_beats_the_event_of_its_total() -> None:
    text = (
        "Three of the injured died later in hospital. Four of the injured are in a stable "
        "condition. Two of the injured were girls."
    )
    assert metrics(text) == [
        ("Three", "killed"),
        ("Four", None),  # their state, not a count kept
        ("Two", None),  # girls among the injured: no metric in the vocabulary
    ]


def test_a_count_verb_with_an_adverb_and_from() -> None:
    text = "Mine deaths have dropped sharply, from 77 in 2009 to 12 in 2019."
    assert metrics(text) == [("77", "killed"), ("12", "killed")]


def test_a_part_names_its_group_after_of_them() -> None:
    text = "The blast killed five people, three of them girls, and hurt two others."
    assert metrics(text) == [("five", "killed"), ("three", None), ("two", "injured")]
    text = "The blast killed five people, three of them boys."
    assert metrics(text)[1] == ("three", "children_killed")


def test_them_after_a_colon_is_the_group_the_sentence_opens_with() -> None:
    text = "Sappers have paid dearly: 6 of them were killed and 17 injured in 2023."
    assert metrics(text) == [("6", "deminers_killed"), ("17", "deminers_injured")]
    text = "Children are the most exposed - 40 of them were hurt in 2023."
    assert metrics(text) == [("40", "children_injured")]
    # the group must open the sentence: here "them" may be the mines
    text = "The army warned the villagers about the mines: 12 of them were killed in 2023."
    assert metrics(text) == [("12", "killed")]


def test_finds_of_mines_and_mines_pulled_out_are_mines_found() -> None:
    text = "Patrols logged 9 new finds of mines and shells on Monday, 3 of them near the school."
    assert metrics(text) == [("9", "mines_found"), ("3", "mines_found")]
    text = "Farmers pulled 40 anti-personnel mines and 6 mortar shells out of the ditches."
    assert metrics(text) == [("40", "mines_found"), ("6", "mines_found")]


def test_bare_counts_go_on_counting_the_group_of_the_total_before() -> None:
    text = (
        "Mines killed or injured 52 civilians in the first half of the year.\n\n"
        "In June alone, 7 killed and 19 wounded were recorded. Separately, 3 soldiers were hurt."
    )
    assert metrics(text) == [
        ("52", "civilian_casualties"),
        ("7", "civilians_killed"),  # the civilians the paragraph before counted
        ("19", "civilians_injured"),
        ("3", "military_injured"),  # a group of its own
    ]
    # without a group in the total, a bare count stays general
    text = "In May, 20 people were hurt. In June, 4 killed and 2 hurt were recorded."
    assert metrics(text)[1] == ("4", "killed")


def test_a_bare_number_opening_its_clause_counts_the_people_of_its_paragraph() -> None:
    text = "Mines killed or injured 30 farmers in April. In May, 6 were killed and 11 were hurt."
    assert metrics(text) == [
        ("30", "civilian_casualties"),
        ("6", "civilians_killed"),
        ("11", "civilians_injured"),
    ]
    # with no total before it in its paragraph, such a number is left for review
    assert metrics("Nothing was said.\n\nIn May, 6 were killed.") == [("6", None)]


def test_a_bare_number_after_an_audience_counts_the_same_audience() -> None:
    text = (
        "Awareness sessions reached 5,300 villagers this spring, and about 61,000 since the "
        "campaign was launched in 2019."
    )
    found = results(text, "2024-06-01")
    assert found["about 61,000"].metric == "risk_education_beneficiaries"
    assert (found["about 61,000"].period_start, found["about 61,000"].period_end) == (
        "2019-01-01",
        "2024-06-01",
    )


def test_a_workforce_named_in_a_part_takes_the_cue_of_its_sentence() -> None:
    text = "The agency employs 900 people, of whom 610 are sappers."
    assert metrics(text)[-1] == ("610", "deminers_deployed")


def test_a_number_of_the_mines_counts_mines() -> None:
    text = "Of the items recovered, 640 of the anti-tank mines found were of one old model."
    found = results(text)["640"]
    assert (found.metric, found.device) == ("mines_found", "anti_tank")
    assert metrics("Ours is one of the countries most affected by mines.") == []


def test_a_surface_in_brackets_compares_with_the_surface_before_not_a_count() -> None:
    text = (
        "In 2022 teams cleared 310 km2 and removed 91,000 mines. Northland (120 km2) and "
        "Southmoor (80 km2) did most of it."
    )
    assert metrics(text) == [
        ("310 km2", "area_cleared_ha"),
        ("91,000", "mines_found"),
        ("120 km2", "area_cleared_ha"),
        ("80 km2", "area_cleared_ha"),
    ]


def test_a_part_of_a_total_in_an_earlier_paragraph_takes_its_group() -> None:
    text = (
        "Mines killed or injured 64 civilians in March.\n\n"
        "The northern district alone accounted for 23 of the March casualties."
    )
    assert metrics(text) == [("64", "civilian_casualties"), ("23", "civilian_casualties")]


def test_a_key_figures_lead_in_dates_its_list() -> None:
    text = (
        "Key results, 1 April – 30 June 2024:\n• Area cleared: 1,200 hectares\n• Mines found: 310\n"
    )
    found = classify_mentions(text, find_mentions(text), STATEMENT_DATE)
    assert {(c.period, c.period_start, c.period_end) for c in found} == {
        ("window", "2024-04-01", "2024-06-30")
    }


def test_people_among_a_total_are_of_its_group() -> None:
    text = "Prosecutors counted 540 civilian victims in the region, among them 120 people who died."
    assert [(s, m) for s, m, _, _ in details(text)] == [
        ("540", "civilian_casualties"),
        ("120", "civilians_killed"),
    ]


def test_an_as_of_date_ends_the_period_of_the_sentences_after() -> None:
    text = (
        "As at 30 April 2023, 150 people had been killed or injured by mines since the "
        "10 November 2020 ceasefire. Of these, 40 were killed."
    )
    found = classify_mentions(text, find_mentions(text), STATEMENT_DATE)
    assert [(c.metric, c.period, c.period_end) for c in found] == [
        ("casualties", "since_ceasefire", "2023-04-30"),
        ("killed", "since_ceasefire", "2023-04-30"),
    ]


def test_a_sentence_opening_on_a_date_reports_one_incident() -> None:
    text = "On 3 March 2023, two soldiers were killed when their truck hit a mine."
    found = classify_mentions(text, find_mentions(text), STATEMENT_DATE)
    assert [(c.metric, c.period, c.period_start) for c in found] == [
        ("military_killed", "incident", "2023-03-03")
    ]


def test_a_label_after_a_prose_sentence_is_no_table_row() -> None:
    text = "Mines killed 30 people in the valley last year. Northgate: 12 new minefields."
    found = details(text)
    assert all(area != "Northgate" for *_, area in found)


def test_label_lines_without_bullets_or_full_stops_are_read_one_by_one() -> None:
    text = (
        "Results for the second quarter of 2023\n\n"
        "Land released: 640 hectares\n"
        "Anti-tank mines destroyed: 75\n"
        "Victims: 6 (1 killed, 5 injured)\n"
        "Residents reached by risk education: 2,300\n"
    )
    assert [(s, m) for s, m, _, _ in details(text)] == [
        ("640 hectares", "area_cleared_ha"),
        ("75", "mines_found"),
        ("6", "casualties"),
        ("1", "killed"),
        ("5", "injured"),
        ("2,300", "risk_education_beneficiaries"),
    ]


def test_label_lines_take_the_period_of_their_title() -> None:
    text = "Results for the second quarter of 2023\n\nVictims: 6\nMines destroyed: 75\n"
    found = classify_mentions(text, find_mentions(text), STATEMENT_DATE)
    assert [(c.period, c.period_start, c.period_end) for c in found] == [
        ("window", "2023-04-01", "2023-06-30"),
        ("window", "2023-04-01", "2023-06-30"),
    ]


def test_labels_may_hold_a_year_and_a_place_label_is_an_area() -> None:
    text = "Sappers killed in 2022: 4\nSappers injured in 2022: 9\n"
    assert [(s, m, p) for s, m, p, _ in details(text)] == [
        ("4", "deminers_killed", "year"),
        ("9", "deminers_injured", "year"),
    ]
    text = "Westmarch oblast: 41 civilians killed, 120 injured."
    assert details(text) == [
        ("41", "civilians_killed", "unspecified", "Westmarch oblast"),
        ("120", "civilians_injured", "unspecified", "Westmarch oblast"),
    ]
    text = "Update: 30 people were killed by mines."
    assert details(text) == [("30", "killed", "unspecified", None)]


def test_deaths_and_injuries_together_are_casualties() -> None:
    assert metrics("The shelling left 12 villagers dead or wounded near the border.") == [
        ("12", "civilian_casualties")
    ]
    assert metrics("Police logged 31 deaths and injuries from mines over the winter.") == [
        ("31", "casualties")
    ]
    # a count between the two words: each keeps its own event
    assert metrics("The blast left two farmers dead and four injured.") == [
        ("two", "civilians_killed"),
        ("four", "civilians_injured"),
    ]


def test_a_share_of_the_casualties_counted_just_before() -> None:
    text = "Mines killed or injured 640 people in the region, 72 per cent of them civilians."
    assert metrics(text) == [("640", "casualties"), ("72 per cent", "civilian_casualties_pct")]
    text = "Of the 95 victims, 40 per cent were children."
    assert metrics(text) == [("95", "casualties"), ("40 per cent", "children_casualties_pct")]
    # a share of the killed names no share metric: left for review
    text = "Mines killed 50 people, 30 per cent of them children."
    assert metrics(text) == [("50", "killed"), ("30 per cent", None)]


def test_it_after_a_sentence_about_a_war_is_the_war() -> None:
    text = "The civil war dragged on for nine years. It killed some 40,000 people."
    assert results(text)["some 40,000"] == NotAClaim("other_count")
    # "it" is the mine of the sentence before: a mine casualty
    text = "A mine exploded under a tractor near the village. It killed two farmers."
    assert metrics(text) == [("two", "civilians_killed")]


def test_a_figure_its_speaker_corrects_is_no_claim() -> None:
    text = "Last year we lost 14 deminers - forgive me, I should have said 41 - in the north."
    found = results(text)
    assert found["14"] == NotAClaim("corrected")
    assert found["41"].metric == "deminers_killed"  # the correction takes the slip's noun
    found = results("The teams cleared 900 hectares, or rather 1,900 hectares, in 2023.")
    assert found["900 hectares"] == NotAClaim("corrected")
    assert found["1,900 hectares"].metric == "area_cleared_ha"
    found = results("In March, 27 soldiers, not 17, were wounded by mines.")
    assert found["17"] == NotAClaim("corrected")
    assert found["27"].metric == "military_injured"
    # regret is no correction
    assert metrics("Sorry to say, 8 shepherds were killed by mines in April.") == [
        ("8", "civilians_killed")
    ]


def test_lost_before_a_count_of_people_is_killed() -> None:
    # (the 2 dogs are no candidate figure at all: a count of other things)
    assert metrics("The brigade lost 6 sappers and 2 dogs in May.") == [("6", "deminers_killed")]
    assert metrics("Herders have lost 300 hectares of grazing land to mines.") == [
        ("300 hectares", None)
    ]


def test_an_answer_takes_the_period_and_group_its_question_asks_about() -> None:
    text = (
        "Reporter: How many soldiers were wounded by mines in February?\n\n"
        "Spokesman: We recorded 9 wounded, and 2 died later."
    )
    found = results(text, "2024-03-20")
    assert [(c.metric, c.period, c.period_start) for c in found.values()] == [
        ("military_injured", "window", "2024-02-01"),
        ("military_killed", "window", "2024-02-01"),
    ]


def test_a_bare_count_after_a_paragraph_with_a_total_counts_its_people() -> None:
    text = (
        "Mines killed or injured 40 farmers in the spring.\n\n"
        "Q: How many of them died?\n\n"
        "A: In April, 6 were killed."
    )
    assert metrics(text)[-1] == ("6", "civilians_killed")
    # "for" a month dates a figure as "in" it does
    found = results("For March, the agency has 14 killed.", "2024-05-02")
    assert (found["14"].period_start, found["14"].period_end) == ("2024-03-01", "2024-03-31")


def test_the_items_of_a_list_take_the_period_of_its_title() -> None:
    text = (
        "ACHIEVEMENTS, MARCH 2024\n\n"
        "- 12 civilians injured in the province, down from 20 casualties in February.\n"
        "- 310 mines and 42 shells destroyed.\n"
        "- 9,000 people reached by risk education.\n\n"
        "The agency thanks its donors."
    )
    found = results(text, "2024-04-10")
    march = ("2024-03-01", "2024-03-31")
    for surface in ("12", "310", "42", "9,000"):
        assert (found[surface].period_start, found[surface].period_end) == march, surface
    # the compared figure keeps its own month, and does not pass it on
    assert found["20"].period_start == "2024-02-01"


def test_a_part_named_before_its_count() -> None:
    found = results("In June, 6 of the 40 casualties were children.")
    assert (found["6"].metric, found["40"].metric) == ("children_casualties", "casualties")
    found = results("Most of the 31 victims in 2023 were soldiers.")
    assert found["31"].metric == "casualties"


def test_a_part_of_an_audience_or_a_staff_counts_no_casualties() -> None:
    text = (
        "A deminer was injured on Monday.\n\n"
        "In May the teams reached 5,200 people with risk education, including 2,100 "
        "children. The operator has 390 staff, including 310 deminers."
    )
    found = results(text)
    assert found["5,200"].metric == "risk_education_beneficiaries"
    # a part of the audience: a count of its own only where a metric counts that group
    assert found["2,100"].metric == "risk_education_children"
    assert found["310"].metric == "deminers_deployed"


def test_colleagues_are_of_the_group_of_the_person_before() -> None:
    text = "One sapper was killed in the blast, and three of his colleagues were wounded."
    assert metrics(text)[-1] == ("three", "deminers_injured")


def test_people_a_service_reached_are_no_casualties() -> None:
    text = (
        "The team interviewed 52 survivors and relatives, and 9 nurses. "
        "In 2024, 140 mine survivors were fitted with prostheses. "
        "The centre trained 75 new deminers in 2024. "
        "Surgeons treated 18 people injured by mines in 2024."
    )
    found = results(text)
    assert (found["52"], found["9"]) == (None, None)
    assert found["140"].metric == "survivors_assisted"
    assert found["75"].metric == "deminers_trained"
    assert found["18"].metric == "injured"  # the event is named: a count of casualties
    assert metrics("The agency employs 260 trained deminers.") == [("260", "deminers_deployed")]


def test_a_figure_due_by_a_later_year_is_a_target() -> None:
    found = results("The plan speaks of releasing 8,000 hectares by 2027.", "2024-05-01")
    assert found["8,000 hectares"] == NotAClaim("target")
    found = results("Teams had cleared 500 hectares by 2023.", "2024-05-01")
    assert found["500 hectares"].metric == "area_cleared_ha"
    # work paid for is not yet done; an operation's result is
    found = results("The council funded a project to clear 46 hectares.", "2024-05-01")
    assert found["46 hectares"] == NotAClaim("target")
    found = results("In 2023 the operation to clear the village removed 300 mines.", "2024-05-01")
    assert found["300"].metric == "mines_found"


def test_a_target_is_a_future_not_a_past_by_a_date() -> None:
    found = results("By the end of June, the office had recorded 77 casualties.")
    assert found["77"].metric == "casualties"
    found = results("By the end of the year we want 900 deminers in the field.")
    assert found["900"] == NotAClaim("target")


def test_workers_are_civilians_and_demining_workers_deminers() -> None:
    text = "Two construction workers were injured; four mine clearance workers died in 2023."
    assert metrics(text)[:2] == [("Two", "civilians_injured"), ("four", "deminers_killed")]


def test_a_fraction_is_a_share_like_a_percentage() -> None:
    assert metrics("Nearly half of the victims were children.") == [
        ("Nearly half", "children_casualties_pct")
    ]
    text = "Mines killed or injured 220 people in 2023; two-thirds of them were civilians."
    assert metrics(text)[-1] == ("two-thirds", "civilian_casualties_pct")


def test_a_share_of_money_or_of_a_population_is_no_share_of_land() -> None:
    text = (
        "The clearance appeal is only 31 per cent funded. Donors paid a quarter of its costs. "
        "A third of the farmland is still contaminated. "
        "The fighting displaced half of the region's population."
    )
    found = results(text)
    assert found["only 31 per cent"] == found["a quarter"] == NotAClaim("money")
    assert found["A third"].metric == "area_contaminated_pct"
    assert found["half"] is None


def test_a_difference_between_two_figures_is_no_figure() -> None:
    text = (
        "In 2024 the teams cleared 640 hectares, up 9% on 2023. Casualties rose by 14 per "
        "cent. That is an increase of 30 on the year before. Children made up 40% of them."
    )
    found = results(text, "2025-01-20")
    assert found["9%"] == found["14 per cent"] == found["30"] == NotAClaim("change")
    assert found["40%"].metric == "children_casualties_pct"


def test_a_number_compared_with_another_after_it_is_a_difference() -> None:
    text = (
        "Teams cleared 410 hectares in the spring, 12% less than in the autumn. In 2023, 96 "
        "people were hurt by mines, 30 more people than in 2022. Casualties fell to 61, 8 per "
        "cent down on the year before. More than 40 mines were found."
    )
    found = results(text, "2024-03-01")
    assert found["12%"] == found["30"] == found["8 per cent"] == NotAClaim("change")
    assert (found["410 hectares"].metric, found["96"].metric) == ("area_cleared_ha", "injured")
    assert found["More than 40"].metric == "mines_found"  # ("more than" before: a bound)


def test_a_share_of_the_area_just_counted_names_where_it_lies_not_a_share_of_land() -> None:
    text = (
        "About 310 square kilometres are still contaminated, roughly 70 per cent of it in the "
        "hills. The two eastern districts hold more than a third of what is left. Some 45% of "
        "the remaining area lies near the river. About 20 per cent of it has been cleared "
        "since May. Mines still cover 6% of the country's territory."
    )
    found = results(text, "2024-03-01")
    assert found["About 310 square kilometres"].metric == "area_contaminated_ha"
    assert found["roughly 70 per cent"] is None
    assert found["more than a third"] is None
    assert found["Some 45%"] is None
    assert found["About 20 per cent"].metric == "area_cleared_pct"
    assert found["6%"].metric == "area_contaminated_pct"
    found = results(
        "Nearly half of the contamination lies in farmland, where clearance is slow. Crews "
        "have cleared 12 per cent of all contamination since 2019."
    )
    assert found["Nearly half"] is None
    assert found["12 per cent"].metric == "area_cleared_pct"


def test_a_quarter_named_q3_after_a_preposition_is_a_period() -> None:
    found = results("In Q3 the contractor cleared 85 hectares.", "2025-10-14")
    assert (found["85 hectares"].period_start, found["85 hectares"].period_end) == (
        "2025-07-01",
        "2025-09-30",
    )


def test_a_killing_verb_takes_people_as_its_object_but_not_animals() -> None:
    text = (
        "A landmine kills three goatherds' sons near the border. Another killed 4 goats. "
        "A boy lost 2 fingers."
    )
    found = results(text)
    assert found["three"].metric == "killed"
    assert found["4"] is None
    assert found["2"] is None  # (body parts)


def test_a_share_said_of_the_casualties_names_its_group() -> None:
    text = (
        "Civilians were about three quarters of the victims; about a fifth were soldiers. "
        "Nine in ten civilian casualties were men."
    )
    assert metrics(text) == [
        ("about three quarters", None),
        ("about a fifth", None),
        ("Nine in ten", None),
    ]
    text = "Three-quarters of the casualties were civilians; a fifth were soldiers."
    assert metrics(text) == [
        ("Three-quarters", "civilian_casualties_pct"),
        ("a fifth", "military_casualties_pct"),
    ]
    assert metrics("One in three casualties was a child.") == [
        ("One in three", "children_casualties_pct")
    ]


def test_a_bare_number_reported_later_counts_what_the_paragraph_counts() -> None:
    text = (
        "In March the office said 240 people had been killed or injured since 2020. In May "
        "the spokesman gave 251, of whom 60 had died. On 2 June, the minister said "
        '"over 255". In the first half of 2023 there were 31.'
    )
    found = results(text, "2024-07-01")
    assert [found[s].metric for s in ("240", "251", "60", "over 255", "31")] == [
        "casualties",
        "casualties",
        "killed",
        "casualties",  # the total's, not the part's just before it
        "casualties",
    ]
    # the day a figure was said is no incident
    assert found["over 255"].period == "window"


def test_a_bare_number_recorded_or_tallied_counts_what_the_paragraph_counts() -> None:
    text = (
        "The eastern district recorded 35 mine casualties in the first half of 2023, 9 of "
        "them fatal. The western district registered 12, and the capital logged 4. "
        "Since January our tally stands at 58."
    )
    found = results(text, "2023-09-01")
    assert [found[s].metric for s in ("35", "9", "12", "4", "58")] == [
        "casualties",
        "killed",
        "casualties",  # the total's, not the part's just before it
        "casualties",
        "casualties",
    ]
    assert found["12"].period == found["35"].period == "window"


def test_a_bare_answer_counts_the_people_its_question_asks_about() -> None:
    text = (
        "Q: How many sappers does the agency have now?\n\n"
        "A: About 2,300.\n\n"
        "Q: And how many farmers were killed by mines in June?\n\n"
        "A: Seven."
    )
    found = results(text, "2024-07-10")
    assert found["About 2,300"].metric == "deminers_deployed"
    assert (found["Seven"].metric, found["Seven"].period_start) == (
        "civilians_killed",
        "2024-06-01",
    )


def test_a_table_cell_takes_the_unit_its_column_names() -> None:
    text = (
        "CLEARANCE BY DISTRICT, 2024\n\n"
        "District     Area cleared (m2)    Area surveyed, ha\n"
        "----------------------------------------------------\n"
        "Northfield          52,000               310\n"
        "Riverside          125,500                44\n"
    )
    found = results(text, "2025-02-01")
    cell = found["52,000"]
    assert (cell.metric, cell.unit, cell.values) == ("area_cleared_ha", "hectares", (5.2, 5.2, 5.2))
    assert (found["44"].metric, found["44"].values) == ("area_surveyed_ha", (44.0, 44.0, 44.0))
    rows = rule_claims("s", text, "2025-02-01")
    assert [(r["surface"], r["value_best"]) for r in rows][:2] == [("52,000", 5.2), ("310", 310.0)]


def test_a_comparison_is_with_the_total_and_its_period_is_not_the_figures() -> None:
    text = (
        "Last year the office recorded 52 casualties, 20 of them children, up from 44 in "
        "2022. Teams destroyed 3,100 items in 2023, twice as many as in 2022, among them "
        "96 mines. In the second half of 2023 they cleared 410 hectares."
    )
    found = results(text, "2024-02-01")
    assert found["44"].metric == "casualties"  # not "children_casualties"
    assert found["96"].period_start == "2023-01-01"
    assert (found["410 hectares"].period_start, found["410 hectares"].period_end) == (
        "2023-07-01",
        "2023-12-31",
    )


def test_pupils_are_children_and_their_school_grade_is_no_figure() -> None:
    text = "Two pupils were injured; one of them, a Grade 3 girl, lost a foot."
    found = results(text)
    assert found["Two"].metric == "children_injured"
    assert "3" not in found  # "Grade 3" is an ordinal, no figure
    assert found["one"].metric == "amputees"


def test_women_among_the_deminers_and_people_using_released_land() -> None:
    text = (
        "The operator has 640 deminers, 22 per cent of them women. Eighteen per cent of the "
        "sappers are women. An estimated 9,500 villagers now farm their land again, and the "
        "cleared land is used by some 3,000 herders."
    )
    found = results(text)
    assert found["22 per cent"].metric == found["Eighteen per cent"].metric == "women_deminers_pct"
    assert found["An estimated 9,500"].metric == "land_release_beneficiaries"
    assert found["some 3,000"].metric == "land_release_beneficiaries"


def test_a_span_of_months_in_a_title() -> None:
    text = "Results, April 2022 - June 2024\n\n- 310 hectares released;\n- 12 mines destroyed."
    found = results(text, "2024-08-01")
    for surface in ("310 hectares", "12"):
        period = found[surface]
        assert (period.period_start, period.period_end) == ("2022-04-01", "2024-06-30")


def test_a_blast_dated_after_its_event_and_injuries_that_are_minor() -> None:
    text = "One sapper suffered a minor injury to the arm on 3 March while clearing a road."
    found = results(text, "2024-04-01")
    assert (found["One"].metric, found["One"].period, found["One"].period_start) == (
        "deminers_injured",
        "incident",
        "2024-03-03",
    )


def test_fatal_parts_and_compared_figures_with_their_own_noun() -> None:
    text = (
        "Officials counted 61 casualties in 2023, of which 17 were fatal. In May, 9 people "
        "were killed and 14 injured, up from 11 casualties in April."
    )
    found = results(text, "2024-06-01")
    assert found["17"].metric == "killed"
    assert found["11"].metric == "casualties"  # not the "injured" of the figure before


def test_a_service_reaches_its_object_not_a_count_later_in_the_sentence() -> None:
    text = (
        "The network, which interviews families and includes deaths in hospital, counts "
        "130 victims since 2022."
    )
    assert metrics(text)[0] == ("130", "casualties")


def test_civilian_deaths_and_injuries_in_other_words() -> None:
    text = (
        "Mines caused the death or injury of 52 civilians in 2023. There were 18 civilian "
        "mine casualties in May. Civilian deaths and injuries from ordnance reached 70 in 2022."
    )
    assert [m for _, m in metrics(text) if m] == ["civilian_casualties"] * 3


def test_a_list_goes_on_with_the_total_after_a_part_in_commas() -> None:
    text = "Mines killed 11 herders, including 4 boys, and wounded 20 in 2023."
    assert metrics(text)[:3] == [
        ("11", "civilians_killed"),
        ("4", "children_killed"),
        ("20", "civilians_injured"),
    ]
    # a part with a list of its own keeps its group
    text = "Among the soldiers, 5 were killed and 12 were injured."
    assert metrics(text) == [("5", "military_killed"), ("12", "military_injured")]


def test_the_earlier_values_of_a_figure_are_that_figure() -> None:
    text = (
        'The ministry says "over 900,000 mines" were planted, a figure that has risen from '
        '"about 600,000" in 2021 to "some 800,000" in 2022.'
    )
    assert metrics(text) == [
        ("over 900,000", "mines_laid"),
        ("about 600,000", "mines_laid"),
        ("some 800,000", "mines_laid"),
    ]


def test_a_bare_number_recorded_in_a_week_of_days() -> None:
    text = (
        "In the week of 8-14 April, 11 civilian casualties were recorded in the region. "
        "The week before, 6 were recorded."
    )
    found = results(text, "2024-05-01")
    assert (found["11"].period_start, found["11"].period_end) == ("2024-04-08", "2024-04-14")
    assert found["6"].metric == "civilian_casualties"


def test_all_of_a_places_units_are_no_figure_but_their_part_is() -> None:
    text = (
        "Of the country's 120 municipalities, 31 have been declared free of mine suspicion. "
        "Experts think 9 of the country's 12 states are still contaminated."
    )
    found = results(text)
    assert found["120"] == found["12"] == NotAClaim("other_count")
    assert found["31"].metric == "municipalities_mine_free"
    assert found["9"] is None  # a part of the states of one country: left for review


def test_item_columns_of_a_table_count_the_operation_a_sibling_column_names() -> None:
    text = (
        "Output of the teams, 2024\n\n"
        "Team      Hectares cleared    AP mines    AT mines    Shells\n"
        "Alpha            12.5              44          3          210\n"
        "Bravo             8.0              19          0           76\n\n"
        "Survey of the eastern districts\n\n"
        "District     Hazardous areas    AP mines\n"
        "Lowmoor             9               120\n"
    )
    found = results(text, "2025-01-15")
    assert [(found[s].metric, found[s].device) for s in ("44", "3", "210")] == [
        ("mines_found", "anti_personnel"),
        ("mines_found", "anti_tank"),
        ("mines_found", "uxo"),
    ]
    assert found["44"].period == "year"
    assert found["12.5"].metric == "area_cleared_ha"
    assert found["120"] is None  # no column says what happened to these mines: left to review


def test_at_in_lower_case_is_no_anti_tank_mine() -> None:
    found = results("The team looked at mines of every kind and destroyed 31 mines.", None)
    assert found["31"].device != "anti_tank"


def test_a_period_named_in_a_change_is_the_compared_figures_only() -> None:
    text = (
        "In Q3 the operator cleared 40.2 hectares, up 12% on Q2 (35.9 hectares), and "
        "destroyed 288 mines. Casualties fell by a third from 2023 in the province: "
        "the office counted 61 casualties."
    )
    found = results(text, "2024-10-20")
    assert found["35.9 hectares"].period_start == "2024-04-01"
    assert (found["288"].period_start, found["288"].period_end) == ("2024-07-01", "2024-09-30")
    assert found["61"].period_start != "2023-01-01"


def test_translated_reports_without_articles_still_read() -> None:
    text = (
        "Survey was carried out on area of 96,5 hectares, from them it was cleared 12,3 "
        "hectares. Potentially dangerous remains about 640 km2 of territory.\n\n"
        "Since beginning of year in district it is suffered 23 civilians, from them 4 "
        "perished."
    )
    found = results(text, "2025-04-02")
    assert found["96,5 hectares"].metric == "area_surveyed_ha"
    assert found["12,3 hectares"].metric == "area_cleared_ha"
    assert found["about 640 km2"].metric == "area_contaminated_ha"
    assert (found["23"].metric, found["23"].period_start) == ("civilian_casualties", "2025-01-01")
    assert found["4"].metric == "civilians_killed"


def test_a_noun_after_a_count_says_more_than_a_verb_of_any_harm() -> None:
    found = results(
        "The patrol suffered 3 killed and 8 wounded; the village suffered 5 casualties."
    )
    assert [found[s].metric for s in ("3", "8", "5")] == ["killed", "injured", "casualties"]


def test_a_table_by_year_dates_each_row_and_an_index_counts_nothing() -> None:
    text = (
        "Table 7  Mine casualties by year, 2021-2023\n\n"
        "Year          Killed     Injured\n"
        "2021              12          40\n"
        "2022               8          33\n"
        "Total             20          73\n\n"
        "Table 8  Output (index, 2021 = 100)\n\n"
        "Measure       2021      2022\n"
        "Clearance      100       131\n"
    )
    found = results(text, "2024-03-01")
    assert (found["12"].metric, found["12"].period_start) == ("killed", "2021-01-01")
    assert (found["33"].metric, found["33"].period_start) == ("injured", "2022-01-01")
    assert found["20"].period_start != "2022-01-01"  # the total is no row of one year
    assert found["131"] == NotAClaim("index")


def test_the_markers_of_a_tables_notes_are_no_figures() -> None:
    text = (
        "Mines found by district, 2023\n\n"
        "District          Mines (1)     Shells\n"
        "Westvale (2)          140         75\n\n"
        "(1) Anti-tank mines only.\n"
        "(2) With the islands.\n"
    )
    found = results(text, "2024-03-01")
    assert found["140"].metric == "mines_found"
    assert set(found) == {"140", "75"}  # the notes' markers are no candidates


def test_a_part_of_a_count_of_mines_in_the_next_sentence_counts_as_its_whole() -> None:
    text = (
        "In May the team lifted 180 mines near the river. 120 of them were anti-personnel "
        "mines, and the rest, 60, were anti-tank mines. Plus 25 pieces of UXO. Every one of "
        "them was logged."
    )
    found = results(text, "2024-06-10")
    assert [found[s].metric for s in ("180", "120", "60", "25")] == ["mines_found"] * 4
    assert found["60"].device == "anti_tank"
    assert "one" not in found  # "Every one of them": a pronoun, no figure


def test_since_then_runs_from_the_period_named_before() -> None:
    text = (
        "Clearance began in 2012 with one team. Since then, teams have cleared 950 hectares "
        "and destroyed 3,100 mines over the same period."
    )
    found = results(text, "2024-06-10")
    for surface in ("950 hectares", "3,100"):
        assert (found[surface].period, found[surface].period_start) == ("window", "2012-01-01")
        assert found[surface].period_end == "2024-06-10"


def test_a_verb_of_harm_before_a_bare_number_counts_its_victims() -> None:
    text = (
        "In 2023, by the mines were martyred 41 citizens and were wounded 96. "
        "The blast on the road killed 3."
    )
    found = results(text, "2024-06-10")
    assert [found[s].metric for s in ("41", "96", "3")] == ["killed", "injured", "killed"]


def test_a_short_sentence_repeating_a_figure_counts_what_it_counted() -> None:
    text = (
        "GUEST: Since 1995 there have been about 900 casualties.\n\n"
        "HOST: About 900. That is a lot.\n\n"
        "GUEST: This year we pulled out 14 anti-tank mines.\n\n"
        "HOST: 14 anti-tank mines? In one field?"
    )
    mentions = find_mentions(text)
    found = classify_mentions(text, mentions, "2024-06-10")
    read = [(m.quantity.surface, c and c.metric) for m, c in zip(mentions, found, strict=True)]
    assert read == [
        ("about 900", "casualties"),
        ("About 900", "casualties"),
        ("14", "mines_found"),
        ("14", "mines_found"),
        ("one", None),
    ]


def test_a_short_sentence_with_a_noun_of_its_own_repeats_no_figure() -> None:
    text = (
        "CHAIR: Last year four deminers were injured at work.\n\n"
        "MEMBER: Four questions, then. Thank you to our four guests."
    )
    mentions = find_mentions(text)
    found = classify_mentions(text, mentions, STATEMENT_DATE)
    assert [c and c.metric for c in found] == ["deminers_injured", None, None]


def test_one_of_a_named_group_is_of_that_group() -> None:
    found = results("One of the deminers was killed and two of the children were injured.")
    assert [found[s].metric for s in ("One", "two")] == ["deminers_killed", "children_injured"]


def test_the_deaths_of_a_part_inside_a_totals_clause_are_the_parts() -> None:
    text = (
        "In 2023, 310 civilians, including 74 who died, were harmed by mines. In 2022, a "
        "total of 260 civilians - 60 killed and 200 injured - were mine victims. Of the 150 "
        "civilians harmed in 2021, 41 died."
    )
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("310", "74", "260", "60", "150", "41")] == [
        "civilian_casualties",
        "civilians_killed",
        "civilian_casualties",
        "civilians_killed",
        "civilian_casualties",
        "civilians_killed",
    ]


def test_killed_or_injured_with_an_adverb_or_a_list_is_a_count_of_casualties() -> None:
    text = (
        "In 2022, 64 civilians were killed or seriously injured. In 2023, 52 were killed, "
        "injured or maimed, and mines killed or badly hurt 20 deminers. Since 2020, 310 "
        "herders have been killed or have received injuries."
    )
    found = results(text, "2024-03-01")
    # (the 52 go on counting the civilians of the sentence before)
    assert [found[s].metric for s in ("64", "52", "20", "310")] == [
        "civilian_casualties",
        "civilian_casualties",
        "deminers_casualties",
        "civilian_casualties",
    ]


def test_killed_and_or_injured_in_other_spellings_is_a_count_of_casualties() -> None:
    text = (
        "Blasts killed/injured 14 shepherds. Mines killed and/or injured 23 villagers, and "
        "shells killed as well as injured 31 farmers. The mines kill or maim 9 people there."
    )
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("14", "23", "31", "9")] == [
        "civilian_casualties",
        "civilian_casualties",
        "civilian_casualties",
        "casualties",
    ]


def test_an_event_noun_with_an_aside_then_numbered_is_counted() -> None:
    found = results("Civilian casualties (dead and hurt) numbered 47 in 2022.", "2024-03-01")
    assert found["47"].metric == "civilian_casualties"


def test_a_lead_in_clause_with_a_killing_verb_names_the_count_of_its_list() -> None:
    text = (
        "Unexploded shells went on to kill and injure children: 17 in 2021 and 26 in 2022. "
        "Mines continue to kill farmers: 5 in May, 3 in June."
    )
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("17", "26", "5", "3")] == [
        "children_casualties",
        "children_casualties",
        "civilians_killed",
        "civilians_killed",
    ]


def test_a_lead_in_clause_without_a_killing_verb_names_no_count() -> None:
    found = results("The teams went on to visit farmers: 17 in 2021 and 26 in 2022.")
    assert all(getattr(found[s], "metric", None) is None for s in ("17", "26"))


def test_a_rate_is_no_count() -> None:
    found = results("Teams clear about 12 square kilometres a year, 40 hectares a week.")
    assert all(c is None for c in found.values()) or not found


def test_the_children_an_audience_includes_are_counted_apart() -> None:
    text = (
        "In 2024 awareness sessions reached 18,300 people, 7,450 of them children. The "
        "operator employs 320 staff, including 41 women."
    )
    found = results(text, "2025-02-01")
    assert found["7,450"].metric == "risk_education_children"
    assert found["41"] is None  # no metric counts a staff's women: left to review


def test_mines_kept_in_storage_are_a_stockpile_not_mines_laid() -> None:
    text = (
        "The army is believed to hold 8,000 mines in its depots. An estimated 2,000 mines "
        "remain in the ground. In 2023 it destroyed 1,500 mines from its stocks."
    )
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("8,000", "An estimated 2,000", "1,500")] == [
        "mines_stockpiled",
        "mines_laid",
        "mines_stockpile_destroyed",
    ]


def test_survivors_said_to_be_amputees_count_amputees() -> None:
    text = (
        "About 210 mine survivors are amputees. In 2022, 40 people were injured, 6 of them "
        "lost a leg."
    )
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("About 210", "40", "6")] == [
        "amputees",
        "injured",
        "amputees",
    ]


def test_mines_a_handed_over_map_shows_are_mines_on_maps() -> None:
    text = (
        "The side handed over maps of 31,000 mines. Its formulars cover 8,200 anti-tank "
        "mines. It also handed over maps of the district, and teams found 640 mines."
    )
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("31,000", "8,200", "640")] == [
        "mines_on_maps",
        "mines_on_maps",
        "mines_found",
    ]


def test_among_a_group_there_have_been_counts_that_group() -> None:
    found = results("Among deminers, there have been 12 casualties since 2021.")
    assert found["12"].metric == "deminers_casualties"


def test_people_still_to_be_recruited_or_trained_are_targets() -> None:
    text = (
        "The plan aims to release 400 hectares and to train 90 more deminers. The firm will "
        "move 3 teams south and recruit 25 additional deminers. In 2023 it trained 60 deminers."
    )
    found = results(text, "2024-03-01")
    assert found["90"] == NotAClaim("target")
    assert found["25"] == NotAClaim("target")
    assert found["60"].metric == "deminers_trained"


def test_those_who_did_not_survive_were_killed() -> None:
    text = (
        "In 2023, 40 civilians were blown up by mines; 7 did not survive. Since 2020, 210 "
        "herders have lost their lives or been injured."
    )
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("40", "7", "210")] == [
        "civilian_casualties",
        "civilians_killed",
        "civilian_casualties",
    ]


def test_item_columns_beside_the_land_cleared_count_what_the_clearance_found() -> None:
    text = (
        "Our work in 2023:\n\n"
        "Province | Area cleared (ha) | Anti-tank mines | UXO | Trainees (people)\n"
        "North    |            71.2 |              17 | 402 |               36\n"
        "South    |            33.9 |               5 | 118 |               21\n"
    )
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("17", "402", "5", "118")] == ["mines_found"] * 4
    assert [found[s].device for s in ("17", "402")] == ["anti_tank", "uxo"]


def test_a_header_with_people_as_its_unit_counts_people() -> None:
    text = (
        "Activities in 2023:\n\n"
        "District | Risk education (persons) | Victim assistance beneficiaries\n"
        "East     |                    4,180 |                             63\n"
        "West     |                    2,975 |                             48\n"
    )
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("4,180", "2,975")] == ["risk_education_beneficiaries"] * 2


def test_an_event_noun_counted_among_a_group_is_that_groups() -> None:
    text = (
        "In 2022 there were 17 casualties among deminers. The number of deaths among "
        "soldiers in 2023 was 40."
    )
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("17", "40")] == ["deminers_casualties", "military_killed"]


def test_a_count_verb_may_have_a_time_before_its_figure() -> None:
    found = results("Civilian deaths have grown for a third year, to 118 in 2023.", "2024-03-01")
    assert found["118"].metric == "civilians_killed"


def test_a_lead_in_subject_and_its_verb_name_the_count_of_the_list_after_the_colon() -> None:
    text = "Mine casualties have fallen sharply: from 640 in 2016 to 95 in 2023."
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("640", "95")] == ["casualties", "casualties"]


def test_survived_with_injuries_and_survivors_helped() -> None:
    text = (
        "Of the 90 victims, 31 died and 59 survived with injuries. The programme helped "
        "2,340 survivors with prostheses."
    )
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("31", "59", "2,340")] == [
        "killed",
        "injured",
        "survivors_assisted",
    ]


def test_the_destruction_of_a_stockpile_counts_the_mines_destroyed() -> None:
    text = (
        "In 2019 the army destroyed its entire stockpile of 41,800 anti-personnel mines. It "
        "cleared 260 mines and keeps a stockpile of 1,200 mines for training."
    )
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("41,800", "260", "1,200")] == [
        "mines_stockpile_destroyed",
        "mines_found",
        "mines_stockpiled",
    ]


def test_a_label_after_an_outline_number_names_what_its_items_underwent() -> None:
    text = (
        "- Result 2.4: Devices disposed of: 75 anti-tank mines and 1,310 items of UXO.\n"
        "- Result 2.5: Direct beneficiaries of cleared land: 8,200 people (target: 9,000).\n"
    )
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("75", "1,310", "8,200")] == [
        "mines_found",
        "mines_found",
        "land_release_beneficiaries",
    ]
    assert found["9,000"].reason == "target"


def test_a_teams_size_a_persons_place_and_other_nouns_affected_are_no_counts() -> None:
    text = (
        "Each team of 6 deminers clears a field. My neighbour is one of the injured. A "
        "survey found 212 villages affected by mines."
    )
    found = results(text, "2024-03-01")
    assert found["6"].reason == "other_count"
    assert all(getattr(found[s], "metric", None) is None for s in ("one", "212"))


def test_the_figure_was_reports_the_count_of_the_paragraph() -> None:
    text = "Mines killed or injured 58 civilians this year. In 2022 the figure was 73."
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("58", "73")] == ["civilian_casualties"] * 2
    assert found["73"].period_start == "2022-01-01"


def test_a_counts_share_in_brackets_is_its_share_of_the_total() -> None:
    text = (
        "The registry lists 450 victims: 210 in the north and 240 in the south. Of these, "
        "96 (21.3%) died and 354 (78.7%) were hurt; 117 (26%) were children."
    )
    found = results(text, "2024-03-01")
    assert [found[s].metric for s in ("210", "240", "96", "354", "117", "26%")] == [
        "casualties",
        "casualties",
        "killed",
        "injured",
        "children_casualties",
        "children_casualties_pct",
    ]
    assert all(getattr(found[s], "metric", None) is None for s in ("21.3%", "78.7%"))


def test_a_goal_named_earlier_in_the_sentence_leaves_a_later_clause_a_figure() -> None:
    text = (
        "Officials say 12 square kilometres still need to be cleared, and that 19 farmers "
        "were killed or injured there in 2023."
    )
    found = results(text, "2024-03-01")
    assert found["19"].metric == "civilian_casualties"


def test_parts_of_a_surface_take_its_metric() -> None:
    text = (
        "By June, some 26.5 square kilometres were still contaminated. The biggest part, "
        "14.2 km², is in the hills, followed by the valley with 8.3 km². The capital alone "
        "accounts for 90 hectares."
    )
    found = results(text, "2024-09-01")
    assert [found[s].metric for s in ("14.2 km²", "8.3 km²", "90 hectares")] == [
        "area_contaminated_ha"
    ] * 3
    assert found["90 hectares"].area is None  # (no place: "The capital")


def test_a_surface_in_brackets_without_a_cue_goes_on_with_the_surface_before() -> None:
    text = "In 2024 the teams released 410 hectares. May was the slowest month (12 hectares)."
    found = results(text, "2025-03-01")
    assert found["12 hectares"].metric == "area_cleared_ha"


def test_the_parts_of_a_count_of_mines_named_before_them() -> None:
    text = (
        "In 2024 the teams destroyed 5,420 mines. Of the mines, 3,910 were anti-personnel "
        "and 1,510 anti-tank."
    )
    found = results(text, "2025-03-01")
    assert [found[s].metric for s in ("3,910", "1,510")] == ["mines_found"] * 2
    assert [found[s].device for s in ("3,910", "1,510")] == ["anti_personnel", "anti_tank"]


def test_a_figure_of_a_period_after_the_statement_is_a_plan() -> None:
    text = "We trained 64 deminers in 2024 and will train 90 more in 2026."
    found = results(text, "2025-06-01")
    assert found["64"].metric == "deminers_trained"
    assert found["90"].reason == "target"


def test_a_part_of_a_workforce_naming_another_group_is_no_workforce() -> None:
    found = results("The operator employed 260 deminers, of whom 44 were women.", "2025-06-01")
    assert found["260"].metric == "deminers_deployed"
    assert getattr(found["44"], "metric", None) is None


def test_a_progress_column_of_a_clearance_table_is_the_share_cleared() -> None:
    text = (
        "Results by site, 2024\n\n"
        "Site     | Area cleared (ha) | Mines | Progress | Women staff\n"
        "North    |              21.5 |    48 |      63% |         12%\n"
        "South    |               9.0 |    11 |      27% |          9%\n"
    )
    found = results(text, "2025-03-01")
    assert [found[s].metric for s in ("63%", "27%")] == ["area_cleared_pct"] * 2
    assert all(getattr(found[s], "metric", None) is None for s in ("12%", "9%"))


def test_a_term_glossed_in_brackets_reads_as_its_gloss_wherever_it_is_used() -> None:
    text = (
        "Victimes (victims)\n\n"
        "Since 2015 the registry lists 3,240 victimes of mines. About 610 démineurs "
        "(deminers) are accredited, and 880 survivants (survivors) received rehabilitation. "
        "The 14 communes are quiet."
    )
    found = results(text, "2025-03-01")
    assert [found[s].metric for s in ("3,240", "About 610", "880")] == [
        "casualties",
        "deminers_deployed",
        "survivors_assisted",
    ]
    assert getattr(found["14"], "metric", None) is None


def test_the_glossary_of_a_text() -> None:
    terms = frames.glossary("Some 12 campos minados (minefields) and the MAP (landmines).")
    assert (terms["campos minados"], terms["map"]) == ("minefields", "landmines")
    assert frames.glossed(" campos minados (minefields) remain", terms) == " minefields remain"


def test_mines_according_to_the_records_handed_over_are_mines_on_maps() -> None:
    found = results("According to the formulars, some 81,000 mines were laid there.", "2025-03-01")
    assert found["some 81,000"].metric == "mines_on_maps"


def test_a_lead_in_clause_names_the_surface_after_its_colon() -> None:
    found = results("What is still contaminated is hard to reach: some 6.2 km² in the hills.")
    assert found["some 6.2 km²"].metric == "area_contaminated_ha"


def test_devices_destroyed_are_mines_found() -> None:
    found = results(
        "In 2024, 88.5 hectares were released and 2,210 devices destroyed.", "2025-03-01"
    )
    assert found["2,210"].metric == "mines_found"


def test_a_count_of_the_hurt_that_includes_the_dead_counts_casualties() -> None:
    text = (
        "In May, 17 villagers were wounded, and 3 of them did not survive. In June, 9 "
        "villagers were wounded and 2 were killed."
    )
    found = results(text, "2025-03-01")
    assert [found[s].metric for s in ("17", "3", "9", "2")] == [
        "civilian_casualties",
        "civilians_killed",
        "civilians_injured",
        "civilians_killed",
    ]


def test_the_later_verbs_of_a_plan_list_are_targets_too() -> None:
    text = (
        "By 2027 the authority intends to deploy 2,000 sappers, survey 9,000 hectares and "
        "reach 40,000 pupils. The plan is to clear 500 hectares this year, and it found 300 "
        "mines and destroyed 120 shells last year."
    )
    found = results(text, "2025-03-01")
    assert [found[s] for s in ("2,000", "9,000 hectares", "40,000")] == [NotAClaim("target")] * 3
    assert found["500 hectares"] == NotAClaim("target")
    assert (found["300"].metric, found["120"].metric) == ("mines_found", "mines_found")
    text = "We plan to clear 300 hectares and raise the share of women among our staff to 40%."
    found = results(text, "2025-03-01")
    assert (found["300 hectares"], found["40%"]) == (NotAClaim("target"), NotAClaim("target"))


def test_a_count_needed_is_a_target_and_still_names_what_the_next_counts() -> None:
    text = "The ministry now says 900 deminers are still needed; some 400 are working today."
    found = results(text, "2025-03-01")
    assert found["900"] == NotAClaim("target")
    assert found["some 400"].metric == "deminers_deployed"
    assert results("Four survivors needed surgery.")["Four"].metric != "target"


def test_a_group_named_before_a_share_verb_is_the_part_of_the_whole_after_it() -> None:
    assert results("Women now account for 31 per cent of the deminers.")["31 per cent"].metric == (
        "women_deminers_pct"
    )
    text = (
        "The operators employ 640 deminers in 12 provinces, and women make up 18% of them. Of "
        "the 75 casualties, children made up 40 per cent."
    )
    found = results(text)
    assert found["18%"].metric == "women_deminers_pct"
    assert found["40 per cent"].metric == "children_casualties_pct"


def test_a_part_of_a_count_by_where_it_was_counts_as_its_whole() -> None:
    text = (
        "Last year engineers lifted 3,400 mines. Of these, 2,100 were in the eastern hills. "
        "Mines killed 90 people. Of them, 35 were from border villages; of them, 20 were "
        "later released."
    )
    assert metrics(text) == [
        ("3,400", "mines_found"),
        ("2,100", "mines_found"),
        ("90", "killed"),
        ("35", "killed"),
        ("20", None),
    ]


def test_people_counted_in_a_role_count_as_that_role() -> None:
    assert metrics("The brigade trained 150 conscripts as deminers.") == [
        ("150", "deminers_trained")
    ]
    assert metrics("Mines killed 40 people such as shepherds.") == [("40", "killed")]
    assert metrics("The blast left 4 badly wounded sappers.")[0] == ("4", "deminers_injured")


def test_awareness_talks_reaching_people_count_risk_education() -> None:
    text = "Awareness talks were held in 300 schools, reaching some 52,000 people."
    assert metrics(text)[-1] == ("some 52,000", "risk_education_beneficiaries")


def test_land_that_must_still_be_cleared_is_contaminated_land() -> None:
    text = "Another 950 hectares must still be cleared, and 12 communes were declared mine-free."
    assert metrics(text) == [
        ("950 hectares", "area_contaminated_ha"),
        ("12", "municipalities_mine_free"),
    ]


def test_a_share_right_after_a_surface_is_a_share_of_its_kind() -> None:
    text = (
        "Some 260 hectares remain hazardous, about 9 per cent of the farmland. Crews cleared "
        "80 hectares, 3% of the district."
    )
    assert metrics(text) == [
        ("Some 260 hectares", "area_contaminated_ha"),
        ("about 9 per cent", "area_contaminated_pct"),
        ("80 hectares", "area_cleared_ha"),
        ("3%", "area_cleared_pct"),
    ]


def test_a_share_of_them_is_of_the_total_not_of_its_last_part() -> None:
    text = "In 2024 the clinic saw 48 casualties, of whom 11 died. A third of them were children."
    assert metrics(text)[-1] == ("A third", "children_casualties_pct")


def test_a_label_may_hold_a_relative_clause_and_an_adverb() -> None:
    text = (
        "Quarter in figures\n- Survivors who received physiotherapy: 412\n"
        "- Newly wounded casualties admitted: 39\n"
    )
    assert metrics(text) == [("412", "survivors_assisted"), ("39", "injured")]


def test_remaining_land_and_land_reduced_by_survey_have_their_metrics() -> None:
    text = (
        "Province | Remaining area (m2)\nNorth    | 210,000\n\n"
        "Of the land released, 40,000 m2 was cleared and 95,000 m2 reduced by technical survey."
    )
    assert metrics(text) == [
        ("210,000", "area_contaminated_ha"),
        ("40,000 m2", "area_cleared_ha"),
        ("95,000 m2", "area_surveyed_ha"),
    ]


def test_a_table_takes_the_period_of_the_last_line_of_its_title_block() -> None:
    text = (
        "Annex B: Clearance by district\nTable B.2. Mines destroyed, 1 April to 30 June 2023\n\n"
        "District | AP mines\nNorth    | 310\n"
    )
    found = results(text)
    assert (found["310"].metric, found["310"].period_start) == ("mines_found", "2023-04-01")
    assert found["310"].period_end == "2023-06-30"


def test_a_correction_withdraws_a_figure_and_its_replacement_counts_the_same() -> None:
    text = (
        "In April the teams destroyed 412 anti-personnel mines.\n\n"
        "Erratum: the anti-personnel total for April is 421, not 412.\n\n"
        "Our last report said in error that 15 civilians were injured in May. The correct "
        "number is 13."
    )
    mentions = find_mentions(text)
    withdrawn = [
        c
        for m, c in zip(mentions, classify_mentions(text, mentions, "2024-06-10"), strict=True)
        if m.quantity.surface in ("412", "15")
    ]
    assert withdrawn == [NotAClaim("corrected")] * 3  # the 412 claimed, the 412 set aside, 15
    found = results(text, "2024-06-10")
    assert (found["421"].metric, found["421"].device) == ("mines_found", "anti_personnel")
    assert found["421"].period_start == "2024-04-01"
    assert found["13"].metric == "civilians_injured"


def test_a_figure_an_earlier_version_gave_is_withdrawn() -> None:
    text = (
        "Clarification: a previous version of this report gave 57 injured for the district. "
        "The district counted 44 casualties in 2024."
    )
    found = results(text, "2025-03-01")
    assert found["57"] == NotAClaim("corrected")
    assert found["44"].metric == "casualties"


def test_a_correct_figure_without_an_error_before_it_replaces_nothing() -> None:
    found = results("Teams found 30 mines in May. The correct figure is hard to know: 35.")
    assert found["30"].metric == "mines_found"


def test_a_text_export_of_labelled_rows_with_dot_leaders() -> None:
    text = (
        "=== WEEKLY EXPORT ===\n\n--- THIS WEEK ---\n"
        "casualties ......... 9 (killed 2, injured 7)\n"
        "change (WoW) ....... +4 (+80%)\n"
        "items destroyed .... 640 (WoW -3%)\n"
        "deminers in the field ... 212\n"
        "deminer accidents ... 2 (deminers killed 1, injured 1)\n"
    )
    mentions = find_mentions(text)
    found = classify_mentions(text, mentions, STATEMENT_DATE)
    read = zip(mentions, found, strict=True)
    assert [(m.quantity.surface, getattr(c, "metric", None)) for m, c in read] == [
        ("9", "casualties"),
        ("2", "killed"),
        ("7", "injured"),
        ("4", None),
        ("80%", None),
        ("640", "mines_found"),
        ("3%", None),
        ("212", "deminers_deployed"),
        ("2", "incidents"),
        ("1", "deminers_killed"),
        ("1", "deminers_injured"),
    ]
    assert results(text)["4"] == NotAClaim("change")


def test_a_breakdown_in_brackets_names_each_part_before_its_number() -> None:
    text = "Last year mines injured 30 people (children 12, soldiers 5); 9 died (up 2 on 2022)."
    found = results(text)
    assert (found["12"].metric, found["5"].metric) == ("children_injured", "military_injured")
    assert found["2"] == NotAClaim("change")


def test_hyphened_contamination_land_marked_dangerous_and_mines_kept() -> None:
    text = (
        "The mine-suspected area stood at 88.5 square kilometres. Some 300 hectares are marked "
        "as dangerous. The army keeps 120 mines for training. Since May, 9,400 pupils have "
        "attended mine safety lessons."
    )
    assert metrics(text) == [
        ("88.5 square kilometres", "area_contaminated_ha"),
        ("Some 300 hectares", "area_contaminated_ha"),
        ("120", "mines_stockpiled"),
        ("9,400", "risk_education_children"),
    ]


def test_a_part_of_the_maps_counts_maps_but_a_part_of_a_countrys_regions_nothing() -> None:
    assert metrics("The sector is covered by 6 of the minefield maps handed over.") == [
        ("6", "minefield_maps")
    ]
    assert metrics("Mines remain in 9 of the country's 12 provinces.")[0] == ("9", None)


def test_places_listed_with_their_counts_count_the_total_not_its_last_part() -> None:
    text = (
        "In 2023 there were 60 casualties, among them 8 children. Most victims were in Kivu "
        "(21), Ituri (15) and Maniema (4)."
    )
    found = results(text)
    assert [(found[s].metric, found[s].area) for s in ("21", "15")] == [
        ("casualties", "Kivu"),
        ("casualties", "Ituri"),
    ]


def test_a_part_of_the_killed_and_the_injured_together_is_a_part_of_the_casualties() -> None:
    text = (
        "In 2022 mines killed 31 and injured 118 farmers and herders. Among them were 27 "
        "children. In 2023, 9 people were killed and 20 injured; among the dead were 4 boys."
    )
    found = results(text)
    assert found["27"].metric == "children_casualties"
    assert found["4"].metric == "children_killed"


def test_money_and_goals_under_their_lead_in_are_no_claims() -> None:
    text = (
        "Budget by pillar (US$):\n1. Clearance: 8.4 million\n2. Victim assistance: 2.1 million\n\n"
        "By 2027 the programme aims to:\n- clear 900 hectares;\n- reach 40,000 people.\n\n"
        "Funded so far: US$3.2 million (31%). At a funding level of 31%, 6 teams stop. Only 410 "
        "survivors were assisted, out of some 1,900 who need help."
    )
    found = results(text)
    assert [found[s] for s in ("8.4 million", "2.1 million")] == [NotAClaim("money")] * 2
    assert [found[s] for s in ("900 hectares", "40,000")] == [NotAClaim("target")] * 2
    assert found["31%"] == NotAClaim("money")
    assert found["some 1,900"] == NotAClaim("target")
    assert found["Only 410"].metric == "survivors_assisted"


def test_a_plan_of_a_size_is_a_goal_and_machines_and_dogs_are_no_figures() -> None:
    found = results("The company cleared 310 hectares against a plan of 280 hectares.")
    assert found["280 hectares"] == NotAClaim("target")
    assert metrics("It used 4 mine-clearing machines and 12 detection dogs.") == []


def test_indented_rows_break_down_the_count_of_the_row_above() -> None:
    text = "items destroyed ....... 530\n  anti-tank mines ..... 12\n  artillery shells ..... 300\n"
    assert metrics(text) == [
        ("530", "mines_found"),
        ("12", "mines_found"),
        ("300", "mines_found"),
    ]


def test_a_table_of_indicators_by_year_reads_the_count_in_its_rows() -> None:
    text = (
        "Table 4. Clearance indicators\n\n"
        "Indicator                 2021    2022\n"
        "Land cleared (ha)          140     212\n"
        "Mines destroyed            830     911\n"
    )
    found = results(text)
    assert (found["140"].metric, found["140"].period_start) == ("area_cleared_ha", "2021-01-01")
    assert (found["911"].metric, found["911"].period_start) == ("mines_found", "2022-01-01")


def test_rows_with_dot_leaders_under_a_heading_that_names_its_count_in_brackets() -> None:
    text = "BY PROVINCE (casualties, 2023)\n\nKivu ........ 21\nIturi ....... 15\n"
    found = results(text)
    assert [(found[s].metric, found[s].area, found[s].period) for s in ("21", "15")] == [
        ("casualties", "Kivu", "year"),
        ("casualties", "Ituri", "year"),
    ]


def test_a_list_under_a_targets_heading_is_of_goals() -> None:
    text = "Targets\n\n- Release 300 hectares by 2027.\n- Train 25 more deminers.\n"
    found = results(text)
    assert [found[s] for s in ("300 hectares", "25")] == [NotAClaim("target")] * 2


def test_technicians_fielded_a_workforce_then_and_now_and_land_that_benefits_people() -> None:
    text = (
        "This year the firm fielded 58 EOD technicians. We had under 400 deminers in 2019; "
        "today there are more than 900. The cleared land handed back to 6 villages is "
        "benefiting some 2,300 farmers."
    )
    assert metrics(text) == [
        ("58", "deminers_deployed"),
        ("under 400", "deminers_deployed"),
        ("more than 900", "deminers_deployed"),
        ("6", None),
        ("some 2,300", "land_release_beneficiaries"),
    ]


def test_a_bare_share_in_the_next_sentence_is_of_the_last_total() -> None:
    text = (
        "In 2022 the registry counted 75 casualties, 20 killed and 55 injured, down from 90 in "
        "2021. About 40% were children. The agency employs 510 deminers. Some 15% are women."
    )
    found = results(text)
    assert found["About 40%"].metric == "children_casualties_pct"
    assert found["Some 15%"].metric == "women_deminers_pct"


def test_a_source_puts_a_count_at_a_value() -> None:
    text = (
        "The health ministry puts the death toll at 57. The monitor put civilian casualties in "
        "2022 at 380. He put his bag at 3 metres from the road."
    )
    assert metrics(text) == [("57", "killed"), ("380", "civilian_casualties")]


def test_a_total_before_a_bracketed_breakdown_keeps_its_own_event() -> None:
    assert metrics("In May, 126 civilians (31 killed, 95 injured) were hit by mines.") == [
        ("126", "civilian_casualties"),
        ("31", "civilians_killed"),
        ("95", "civilians_injured"),
    ]


def test_a_report_s_figures_take_its_reporting_period() -> None:
    text = (
        "FIELD UPDATE\nReporting period: 1 July to 30 September 2023\n\n"
        "In the quarter, teams destroyed 410 anti-tank mines, against 380 in the previous "
        "quarter.\n\nFourteen people were injured by mines.\n\n"
        "Since 2016, 2,300 mines have been destroyed."
    )
    found = results(text)
    spans = {s: (found[s].period_start, found[s].period_end) for s in found}
    assert spans["410"] == spans["Fourteen"] == ("2023-07-01", "2023-09-30")
    assert spans["380"] == ("2023-04-01", "2023-06-30")
    assert spans["2,300"][0] == "2016-01-01"  # a figure's own period comes first


def test_a_report_without_a_reporting_period_leaves_its_figures_unspecified() -> None:
    found = results("FIELD UPDATE\n\nFourteen people were injured by mines in the quarter.")
    assert found["Fourteen"].period == "unspecified"


def test_items_a_team_destroyed_are_explosive_items_and_a_list_after_them_their_parts() -> None:
    text = "On Monday the team destroyed 53 items: 12 anti-tank mines and 41 mortar shells."
    found = results(text)
    assert [(found[s].metric, found[s].device) for s in ("53", "12", "41")] == [
        ("mines_found", "all"),
        ("mines_found", "anti_tank"),
        ("mines_found", "uxo"),
    ]
    assert results("The council discussed 53 items on Monday.")["53"] is None


def test_a_figure_said_before_the_right_one_is_withdrawn() -> None:
    text = "Our last update said 9 soldiers were injured. The right figure is 11."
    assert metrics(text) == [("9", None), ("11", "military_injured")]
    assert results(text)["9"] == NotAClaim("corrected")


def test_a_since_date_in_capitals_is_that_date() -> None:
    found = results("TOTALS SINCE MARCH 2019:\n- Casualties: 75\n")
    assert (found["75"].period, found["75"].period_start) == ("window", "2019-03-01")


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        ("In 2019 landmines hurt or killed 45 people.", "45", "casualties"),
        ("One man, aged 61, was injured while fishing.", "One", "injured"),
        ("A local charity supports 230 survivors.", "230", "survivors_assisted"),
        ("Volunteers fitted new limbs for 87 mine survivors.", "87", "survivors_assisted"),
        ("The team taught risk education to 650 returnees.", "650", "risk_education_beneficiaries"),
        (
            "All 410 mill employees have completed an explosive ordnance safety briefing.",
            "410",
            "risk_education_beneficiaries",
        ),
        # land "cancelled" is released by non-technical survey
        ("Surveyors cancelled the remaining 14 hectares.", "14 hectares", "area_surveyed_ha"),
        ("Teams cleared or cancelled 90 hectares.", "90 hectares", "area_cleared_ha"),
        (
            "Fewer than 1 in 10 of the mines lay where the sketches placed them.",
            "Fewer than 1 in 10",
            "map_accuracy_pct",
        ),
        (
            "Volunteers taught mine safety to 9,400 villagers.",
            "9,400",
            "risk_education_beneficiaries",
        ),
        ("The operator had 310 deminers on strength in May.", "310", "deminers_deployed"),
        ("Some 450 hectares are still dangerous.", "Some 450 hectares", "area_contaminated_ha"),
        ("Minefields laid in 1994 cover 820 hectares.", "820 hectares", "area_contaminated_ha"),
        ("Crews cleared minefields covering 95 hectares.", "95 hectares", "area_cleared_ha"),
    ],
)
def test_verbs_of_harm_service_workforce_and_danger(text: str, surface: str, metric: str) -> None:
    assert results(text)[surface].metric == metric


def test_an_approved_staffing_level_is_no_workforce() -> None:
    text = "It had 290 deminers on strength, against an approved establishment of 400."
    found = results(text)
    assert (found["290"].metric, found["400"]) == ("deminers_deployed", NotAClaim("target"))


def test_field_staff_are_deminers_and_the_number_of_deminers_a_workforce() -> None:
    assert metrics("About a fifth of the field staff are women.") == [
        ("About a fifth", "women_deminers_pct")
    ]
    found = results("The number of deminers fell to 900 in 2024.")
    assert found["900"].metric == "deminers_deployed"


def test_a_share_out_of_every_ten_of_the_casualties() -> None:
    text = "Mines killed or injured 70 people in 2022. Seven out of every ten were children."
    assert metrics(text)[-1] == ("Seven out of every ten", "children_casualties_pct")


def test_rows_under_a_ruled_heading_count_what_it_names_and_a_total_row_has_no_place() -> None:
    text = (
        "--- BY PROVINCE: mines destroyed ---\n"
        "Kunduz ........ 140\nBalkh ......... 95\nTotal ......... 235\n"
    )
    found = results(text)
    assert [(found[s].metric, found[s].area) for s in ("140", "95", "235")] == [
        ("mines_found", "Kunduz"),
        ("mines_found", "Balkh"),
        ("mines_found", None),
    ]


def test_a_surface_money_buys_or_one_unit_that_costs_is_a_price() -> None:
    text = (
        "A donation of US$40 clears about 20 square metres. Clearing one hectare costs "
        "some US$9,000. Last year the teams cleared 1 hectare of orchards."
    )
    found = results(text)
    assert found["about 20 square metres"] == NotAClaim("money")
    assert found["one hectare"] == NotAClaim("money")
    assert found["1 hectare"].metric == "area_cleared_ha"


def test_survivors_alive_today_are_no_count_of_casualties() -> None:
    text = (
        "There are believed to be some 8,000 living mine survivors in the province. "
        "In 2021 the blasts left 30 survivors."
    )
    found = results(text)
    assert found["some 8,000"] is None
    assert found["30"].metric == "injured"
    assert results("Today there are about 900 survivors in the district.")["about 900"] is None
    found = results(
        "Some 3,100 mine survivors live in the north and 2,400 survivors are on the national "
        "register. In 2022, 40 survivors were left with injuries."
    )
    assert found["Some 3,100"] is None and found["2,400"] is None
    assert found["40"].metric == "injured"
    found = results("About 600 survivors live with an amputation.")
    assert found["About 600"].metric == "amputees"  # (a population the vocabulary counts)


def test_a_share_of_places_or_of_a_sum_of_money_is_no_claim() -> None:
    found = results("Nearly a third of all households live near contaminated land.")
    assert found["Nearly a third"] is None
    found = results("The grant was US$2 million, of which 60 per cent went to survey.")
    assert found["60 per cent"] == NotAClaim("money")


def test_martyred_or_wounded_counts_the_casualties() -> None:
    assert metrics("In May, 14 civilians were martyred or wounded.")[0] == (
        "14",
        "civilian_casualties",
    )
    assert metrics("Mines martyred or injured 9 soldiers.")[0] == ("9", "military_casualties")


def test_a_bracketed_breakdown_with_colons_names_each_part() -> None:
    assert metrics("Civilian mine victims: 31 (killed: 7; injured: 24)\n") == [
        ("31", "civilian_casualties"),
        ("7", "civilians_killed"),
        ("24", "civilians_injured"),
    ]


def test_parts_after_their_whole_in_the_same_sentence() -> None:
    text = "Of the 90 victims, 25 were killed and 65 injured; 30 were children."
    assert metrics(text) == [
        ("90", "casualties"),
        ("25", "killed"),
        ("65", "injured"),
        ("30", "children_casualties"),
    ]


def test_work_a_proposal_or_a_later_phase_would_do_is_a_target() -> None:
    text = "The charity proposes to clear 40 hectares and reach 9,000 people."
    found = results(text)
    assert (found["40 hectares"], found["9,000"]) == (NotAClaim("target"), NotAClaim("target"))
    text = "A second phase would clear a further 75 hectares."
    assert results(text)["75 hectares"] == NotAClaim("target")


def test_a_figure_revised_to_another_is_withdrawn() -> None:
    text = (
        "The May figure for land cleared, first given as 212 hectares, is revised to 221 hectares."
    )
    found = results(text)
    assert found["212 hectares"] == NotAClaim("corrected")
    assert found["221 hectares"].metric == "area_cleared_ha"


def test_a_reply_corrects_a_figure_of_the_message_it_quotes_below() -> None:
    text = (
        "Correction to the update below: mines destroyed: 58, not 85.\n\n"
        "> Weekly update\n> Mines destroyed: 85\n> Casualties: 2\n"
    )
    found = results(text)
    assert found["58"].metric == "mines_found"
    assert found["85"] == NotAClaim("corrected")  # (both the one set aside and the quoted one)


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        ("The minefield records showed 2,300 anti-tank mines.", "2,300", "mines_on_maps"),
        ("Since 2019, some 60 mines have turned up in the hills.", "some 60", "mines_found"),
        (
            "Land cleared since 2020 is now farmed or lived on by 3,100 people.",
            "3,100",
            "land_release_beneficiaries",
        ),
        (
            "Some 800 people are now using land that was cleared.",
            "Some 800",
            "land_release_beneficiaries",
        ),
    ],
)
def test_maps_finds_and_people_on_cleared_land(text: str, surface: str, metric: str) -> None:
    assert results(text)[surface].metric == metric


def test_a_number_joined_to_a_noun_is_a_modifier_not_a_count() -> None:
    found = results("A 14-member team lifted 220 mines from a 6-hectare field.")
    assert (found["14"], found["6"], found["220"].metric) == (None, None, "mines_found")


def test_a_list_goes_on_with_the_total_after_a_part_of_it() -> None:
    text = "The registry shows 30 casualties in 2020, 8 of them children, and 41 in 2021."
    assert metrics(text) == [
        ("30", "casualties"),
        ("8", "children_casualties"),
        ("41", "casualties"),
    ]


def test_a_group_said_to_be_a_part_of_the_casualties_and_its_share() -> None:
    text = "Mines hit 90 people in 2023. Women were 27 of the victims, or 30 per cent."
    assert metrics(text)[1:] == [("27", "women_casualties"), ("30 per cent", None)]
    text = "Mines hit 90 people in 2023. Children were 36 of the victims, or 40 per cent."
    assert metrics(text)[1:] == [
        ("36", "children_casualties"),
        ("40 per cent", "children_casualties_pct"),
    ]


def test_a_sentence_opening_among_a_group_counts_that_group() -> None:
    text = "Among soldiers on the front, medics have counted 64 mine victims, 20 of them fatal."
    assert metrics(text) == [("64", "military_casualties"), ("20", "military_killed")]


def test_a_bare_share_after_a_part_is_of_the_total() -> None:
    text = "Mines killed or injured 500 people, of whom 120 died; about 70 per cent were civilians."
    assert metrics(text)[-1] == ("about 70 per cent", "civilian_casualties_pct")


def test_a_comparison_after_a_breakdown_compares_the_total() -> None:
    text = "The agency counted 70 casualties in 2024, 25 killed and 45 injured, up from 52 in 2023."
    assert metrics(text) == [
        ("70", "casualties"),
        ("25", "killed"),
        ("45", "injured"),
        ("52", "casualties"),
    ]


def test_a_part_of_all_the_municipalities_counts_them_and_the_whole_is_no_claim() -> None:
    found = results("By 2024, 230 of the 512 municipalities had been declared free of mines.")
    assert (found["230"].metric, found["512"]) == (
        "municipalities_mine_free",
        NotAClaim("other_count"),
    )
    found = results("Mines still lie in 9 of the country's 11 states.")
    assert found["9"] is None  # the states of a country are no countries


def test_list_items_of_mines_take_the_operation_their_lead_in_names() -> None:
    text = "Clearance results, what the teams destroyed in 2024\n- AP mines: 51\n- AT mines: 9\n"
    assert classified(text) == [
        ("51", "mines_found", "year"),
        ("9", "mines_found", "year"),
    ]
    laid = "Minefields recorded by the engineers, mines laid:\n- AP mines: 300\n"
    assert classified(laid)[-1] == ("300", "mines_laid", "unspecified")


def test_a_verb_of_size_counts_the_group_before_it() -> None:
    assert classified("Our demining workforce numbers 840, up from 610.") == [
        ("840", "deminers_deployed", "unspecified"),
        ("610", "deminers_deployed", "unspecified"),
    ]
    assert classified("The agency's clearance personnel totalled 95.") == [
        ("95", "deminers_deployed", "unspecified"),
    ]
    # "were" gives a part of a count, not a group's size
    assert classified("Children were 14 of the 52 casualties.")[0] == (
        "14",
        "children_casualties",
        "unspecified",
    )


def test_a_sum_of_the_killed_and_the_injured_counts_casualties() -> None:
    assert classified("Last year mines killed 9 farmers and injured 31, a total of 40.") == [
        ("9", "civilians_killed", "year"),
        ("31", "civilians_injured", "year"),
        ("40", "civilian_casualties", "year"),
    ]
    assert classified("In 2021, 5 people died and 16 were hurt, 21 in all.")[-1] == (
        "21",
        "casualties",
        "year",
    )
    # no sum word: the list goes on with the last event
    assert classified("In 2021 mines killed 5 people and injured 16, and 30 in 2022.")[-1] == (
        "30",
        "injured",
        "year",
    )


def test_survivors_treated_and_a_workforce_that_grew() -> None:
    assert classified("The rehabilitation centre treated 75 survivors.") == [
        ("75", "survivors_assisted", "unspecified")
    ]
    assert classified("The national demining corps rose to 900 deminers at its peak.") == [
        ("900", "deminers_deployed", "unspecified")
    ]


def test_a_goal_labelled_on_its_line_is_no_claim() -> None:
    text = "Plans for next year\n- Target: 800 ha released\n- Goal for 2027: 120 deminers\n"
    mentions = find_mentions(text)
    results = classify_mentions(text, mentions, STATEMENT_DATE)
    assert [(m.quantity.surface, r.reason) for m, r in zip(mentions, results, strict=True)] == [
        ("800 ha", "target"),
        ("120", "target"),
    ]


def test_shares_of_a_poll_and_of_villages_are_left_for_review() -> None:
    for text in (
        "Asked in March, 58% of respondents said they feared the fields, up from 49%.",
        "Two in five of the people surveyed knew where to report a mine.",
        "One in four villages in the valley still has a marked minefield.",
    ):
        assert all(metric is None for _, metric, _ in classified(text)), text
    assert classified("One in four casualties was a child.") == [
        ("One in four", "children_casualties_pct", "unspecified")
    ]


def test_a_year_up_to_a_date_is_the_year_so_far() -> None:
    text = "This year, up to 31 March, mines have injured 12 people."
    mentions = find_mentions(text)
    [result] = classify_mentions(text, mentions, STATEMENT_DATE)
    assert (result.metric, result.period, result.period_start, result.period_end) == (
        "injured",
        "window",
        "2024-01-01",
        "2024-03-31",
    )


def test_items_labelled_with_places_break_down_the_item_above() -> None:
    text = (
        "Our results in 2023\n- Mines destroyed: 540 (+12% on 2022)\n  - Lori: 300\n"
        "  - Tavush: 240\n- Land cleared: 95 ha\n  - Lori: 60 ha\n"
    )
    mentions = find_mentions(text)
    results = classify_mentions(text, mentions, STATEMENT_DATE)
    found = [
        (m.quantity.surface, r.metric, r.area)
        for m, r in zip(mentions, results, strict=True)
        if r is not None and not isinstance(r, NotAClaim)
    ]
    assert found == [
        ("540", "mines_found", None),
        ("300", "mines_found", "Lori"),
        ("240", "mines_found", "Tavush"),
        ("95 ha", "area_cleared_ha", None),
        ("60 ha", "area_cleared_ha", "Lori"),
    ]


def test_labels_that_name_a_group_count_it_or_its_share() -> None:
    assert classified("Staff, end of June\n- Deminers: 212\n- Women: 18%\n") == [
        ("212", "deminers_deployed", "unspecified"),
        ("18%", "women_deminers_pct", "unspecified"),
    ]
    # a list under an event counts that event of each group; an audience needs its cue
    assert classified("Casualties in 2023:\n- Children: 7\n- Deminers: 2\n") == [
        ("7", "children_casualties", "year"),
        ("2", "deminers_casualties", "year"),
    ]
    assert classified("Visitors\n- Children: 40\n") == [("40", None, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Last year 25 farmers were injured or died in blasts.",
        "Last year 25 farmers were wounded or lost their lives.",
    ],
)
def test_injured_or_died_is_a_casualty(text: str) -> None:
    assert classified(text) == [("25", "civilian_casualties", "year")]


def test_help_supplied_to_survivors_and_mines_shown_on_records() -> None:
    assert classified("The clinic supplied limbs and physiotherapy to 64 survivors.") == [
        ("64", "survivors_assisted", "unspecified")
    ]
    assert classified("The clinic fitted or repaired braces for 30 mine survivors.") == [
        ("30", "survivors_assisted", "unspecified")
    ]
    # what the service gave comes between its verb and the people it was for
    text = "The workshop made new limbs or repaired worn sockets for 118 landmine survivors."
    assert classified(text) == [("118", "survivors_assisted", "unspecified")]
    # "for" with no service before it: survivors, not people served
    text = "Mines are a danger for the 300 survivors in the valley."
    assert classified(text) == [("300", "injured", "unspecified")]
    assert classified(
        "Maps received\n- Minefield records: 12\n- Mines marked on the records: 800\n"
    ) == [
        ("12", "minefield_maps", "unspecified"),
        ("800", "mines_on_maps", "unspecified"),
    ]


def test_a_group_that_makes_up_some_of_the_total() -> None:
    text = "The registry counts 860 casualties since 2015. Women make up 95 of the total."
    assert classified(text)[-1] == ("95", "women_casualties", "window")


def test_a_count_of_a_group_takes_the_metric_of_its_group_first() -> None:
    text = (
        "In 2022 the centre fitted 40 survivors with limbs, and its talks reached 3,100 children."
    )
    assert classified(text) == [
        ("40", "survivors_assisted", "year"),
        ("3,100", "risk_education_children", "year"),
    ]


def test_how_land_was_released_is_named_after_its_surface() -> None:
    text = "In 2021, 640 ha were released: 500 ha through survey and 140 ha through clearance."
    assert [(s, m) for s, m, _ in classified(text)] == [
        ("640 ha", "area_cleared_ha"),
        ("500 ha", "area_surveyed_ha"),
        ("140 ha", "area_cleared_ha"),
    ]
    both = "Since 2015, 2,300 ha have been released through survey and clearance."
    assert classified(both)[-1][:2] == ("2,300 ha", "area_cleared_ha")
    found = "About 40 ha of suspected hazardous area were identified by non-technical survey."
    assert classified(found)[0][:2] == ("About 40 ha", "area_contaminated_ha")


def test_the_count_stood_at_reports_the_paragraphs_count() -> None:
    text = (
        "There were 88 mine casualties in 2022. In the first half of 2023 the count stood at "
        "31, 9 of them children."
    )
    assert classified(text)[1:] == [
        ("31", "casualties", "window"),
        ("9", "children_casualties", "window"),
    ]


def test_a_place_alone_accounts_for_part_of_the_total_before() -> None:
    text = "In 2023 mines killed 20 people and injured 55, 75 in all. Kunar alone accounts for 31."
    mentions = find_mentions(text)
    results = classify_mentions(text, mentions, STATEMENT_DATE)
    last = results[-1]
    assert (mentions[-1].quantity.surface, last.metric, last.area) == ("31", "casualties", "Kunar")


def test_a_share_of_them_with_its_group_after() -> None:
    lead = "The registry lists 5,400 casualties, 1,100 of them killed, and "
    assert classified(lead + "70 per cent of them men.")[-1][:2] == ("70 per cent", None)
    assert classified(lead + "30 per cent of them soldiers.")[-1][:2] == (
        "30 per cent",
        "military_casualties_pct",
    )


def test_a_part_after_a_share_of_the_killed_and_injured() -> None:
    text = (
        "Mines killed 12 people and injured 40. Civilians account for half of them; 9 were "
        "children."
    )
    assert classified(text)[2:] == [
        ("half", "civilian_casualties_pct", "unspecified"),
        ("9", "children_casualties", "unspecified"),
    ]


def test_items_of_a_list_with_the_label_before_the_number() -> None:
    text = "Weekly totals, March 2024: villagers injured 2; police officers injured 1; killed 0."
    assert classified(text) == [
        ("2", "civilians_injured", "window"),
        ("1", "military_injured", "window"),
        ("0", "killed", "window"),
    ]


def test_the_figure_is_refers_to_the_surface_before() -> None:
    text = "Some 12 km2 remain suspected in the north. Nationally the figure is about 40 km2."
    assert [(s, m) for s, m, _ in classified(text)] == [
        ("Some 12 km2", "area_contaminated_ha"),
        ("about 40 km2", "area_contaminated_ha"),
    ]


def test_what_a_party_has_is_no_part_of_the_events_before() -> None:
    text = "Mines killed 3 people and injured 12 in 2024; the operator now employs 210 deminers."
    assert classified(text)[-1] == ("210", "deminers_deployed", "unspecified")
    had = "Since 2001 the unit has had 3 sappers killed and 11 injured."
    assert [(s, m) for s, m, _ in classified(had)][-2:] == [
        ("3", "deminers_killed"),
        ("11", "deminers_injured"),
    ]


def test_a_lead_in_naming_a_group_and_its_event() -> None:
    text = (
        "Talks reached 900 children in 2024, and fewer children were injured: 4 in 2024, 9 in 2023."
    )
    assert classified(text)[-2:] == [
        ("4", "children_injured", "year"),
        ("9", "children_injured", "year"),
    ]


def test_a_patrols_members_in_brackets_are_its_size() -> None:
    text = (
        "Patrol B-4 (five soldiers, one jeep) found 2 mines. The clearance team (2 killed) was hit."
    )
    mentions = find_mentions(text)
    results = classify_mentions(text, mentions, STATEMENT_DATE)
    read = [
        (m.quantity.surface, r.reason if isinstance(r, NotAClaim) else r and r.metric)
        for m, r in zip(mentions, results, strict=True)
    ]
    assert ("five", "other_count") in read
    assert read[-1] == ("2", "killed")  # a team's casualties are no size


def test_land_still_to_be_surveyed_or_cleared_is_contaminated() -> None:
    assert classified("About 310 ha are still to be surveyed or cleared.") == [
        ("About 310 ha", "area_contaminated_ha", "unspecified")
    ]


def test_a_count_per_unit_of_time_is_a_rate() -> None:
    text = (
        "At the height of the war both sides laid 500 mines a week; teams found 90 mines in a year."
    )
    mentions = find_mentions(text)
    results = classify_mentions(text, mentions, STATEMENT_DATE)
    assert results[0] == NotAClaim("rate")
    assert results[1].metric == "mines_found"
    compared = "Teams employed 120 deminers, up from 95 a year earlier."
    assert [m for _, m, _ in classified(compared)] == ["deminers_deployed", "deminers_deployed"]


def test_a_count_per_stretch_of_ground_is_a_density() -> None:
    text = "Analysts assume one mine every 4 to 6 metres, and 300 mines per square kilometre."
    found = results(text)
    assert (found["one"], found["300"]) == (NotAClaim("rate"), NotAClaim("rate"))
    assert results("Teams lifted 40 mines along 2 km of road.")["40"].metric == "mines_found"


def test_one_of_a_whole_the_rules_do_not_count_is_no_figure() -> None:
    text = "In May one of the armed groups laid new mines near the river."
    assert classified(text) == [("one", None, None)]
    # a known whole, or a verb of harm before it, still counts
    assert metrics("Two of the deminers were injured in May.") == [("Two", "deminers_injured")]
    assert metrics("Mines killed two of our neighbours in May.") == [("two", "killed")]


def test_a_figure_revised_from_is_set_aside_for_the_one_after_to() -> None:
    text = "The registry counted 96 casualties in 2023. The 2023 count was revised from 96 to 91."
    mentions = find_mentions(text)
    results = classify_mentions(text, mentions, STATEMENT_DATE)
    assert [
        (m.quantity.surface, getattr(r, "metric", None) or r.reason)
        for m, r in zip(mentions, results, strict=True)
    ] == [
        ("96", "casualties"),
        ("96", "corrected"),
        ("91", "casualties"),
    ]


def test_goals_listed_in_brackets_after_their_noun() -> None:
    text = "Its objectives (150 ha released, 4,000 people reached) are met: 120 ha were released."
    mentions = find_mentions(text)
    results = classify_mentions(text, mentions, STATEMENT_DATE)
    assert [getattr(r, "reason", None) for r in results] == ["target", "target", None]
    assert results[-1].metric == "area_cleared_ha"


def test_people_taught_about_the_danger_had_risk_education() -> None:
    text = (
        "In 2023 volunteers taught 5,200 villagers about the dangers of mines, among them "
        "2,100 children."
    )
    assert [m for _, m, _ in classified(text)] == [
        "risk_education_beneficiaries",
        "risk_education_children",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Some 60 per cent of the mines found lay inside the recorded limits.",
        "Only about half of the mines cleared were where the maps put them.",
    ],
)
def test_mines_found_where_the_records_said_measure_the_maps(text: str) -> None:
    assert classified(text)[0][1] == "map_accuracy_pct"


def test_a_list_item_labelled_with_its_year() -> None:
    text = "Casualties by year\n- 2022: 61 casualties\n- 2023: 48 casualties\n"
    mentions = find_mentions(text)
    results = classify_mentions(text, mentions, "2024-06-01")
    assert [(r.metric, r.period_start) for r in results] == [
        ("casualties", "2022-01-01"),
        ("casualties", "2023-01-01"),
    ]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("A blast injured three herders; one of them lost his left leg.", "one"),
        ("In May 40 people were injured. Six of those injured underwent amputation.", "Six"),
        ("Of the 30 wounded, 4 of the wounded needed an amputation.", "4"),
    ],
)
def test_a_part_whose_own_predicate_is_an_amputation_counts_amputees(
    text: str, surface: str
) -> None:
    assert results(text)[surface].metric == "amputees"


def test_a_second_group_after_a_part_shares_the_part_s_whole() -> None:
    found = results("Eleven of the victims were boys under the age of 15 and two were women.")
    assert [found[s].metric for s in ("Eleven", "two")] == [
        "children_casualties",
        "women_casualties",
    ]


def test_a_place_s_share_is_of_the_total_not_of_the_part_before() -> None:
    text = (
        "This year 60 people were killed or injured, 22 of them fatally; Lakeside alone "
        "accounted for 15."
    )
    found = results(text)
    assert (found["22"].metric, found["15"].metric) == ("killed", "casualties")
    assert found["15"].area == "Lakeside"


def test_a_whole_before_its_part_does_not_take_the_part_s_predicate() -> None:
    found = results("Among the 84 people who came back, 12 lost a hand.")
    assert (found["84"], found["12"].metric) == (None, "amputees")


def test_a_compared_figure_with_its_own_noun_is_read_by_it() -> None:
    found = results(
        "In 2023, 12 civilians were injured.\n\n"
        "The agency employed 210 deminers, 15 of them women, compared with 140 deminers in 2020."
    )
    assert (found["210"].metric, found["140"].metric) == ("deminers_deployed", "deminers_deployed")
    assert found["140"].period_start == "2020-01-01"


@pytest.mark.parametrize(
    "text",
    [
        "About 5,300 people now farm or live on the released land.",
        "About 5,300 people are living or working on cleared land.",
    ],
)
def test_people_who_farm_or_live_on_released_land_benefit_from_it(text: str) -> None:
    assert metrics(text) == [("About 5,300", "land_release_beneficiaries")]


def test_a_count_that_peaked_or_fell_to_a_number_is_that_count() -> None:
    text = "Casualties peaked in May, with 40, and fell to 9 in August."
    found = results(text)
    assert [(found[s].metric, found[s].period_start) for s in ("40", "9")] == [
        ("casualties", "2024-05-01"),
        ("casualties", "2023-08-01"),
    ]


def test_a_table_takes_the_period_of_its_title_line_right_above_it() -> None:
    text = (
        "In May there were 7 casualties.\n\n"
        "Table 2: Casualties by district, 2023\n"
        "District | Casualties\n"
        "Northfold | 31\n"
        "Eastmoor | 12\n"
    )
    found = results(text)
    assert [(found[s].metric, found[s].period) for s in ("31", "12")] == [
        ("casualties", "year"),
        ("casualties", "year"),
    ]
    assert found["31"].period_start == "2023-01-01"


def test_a_numbered_heading_s_country_is_the_area_of_its_section() -> None:
    text = (
        "Mines still kill people in Chad and in Niger.\n\n"
        "2. SITUATION: CHAD\n"
        "The authority counts 64 casualties in 2023. Its teams cleared 310 hectares.\n\n"
        "3. SITUATION: NIGER\n"
        "The agency counts 21 casualties in 2023."
    )
    found = results(text)
    assert [found[s].area for s in ("64", "310 hectares", "21")] == ["Chad", "Chad", "Niger"]


def test_numbers_of_a_list_share_the_noun_after_the_last_and_pair_with_places() -> None:
    text = (
        "In 2023, 120 people were killed or injured. Among last year's victims were 30 women.\n\n"
        "- Northfold, Eastmoor and Westdale accounted for 51, 33 and 20 of the casualties "
        "respectively."
    )
    found = results(text)
    assert [(found[s].metric, found[s].area) for s in ("51", "33", "20")] == [
        ("casualties", "Northfold"),
        ("casualties", "Eastmoor"),
        ("casualties", "Westdale"),
    ]
    assert metrics("Crews lifted 12, 30 and 7 mines.") == [
        ("12", "mines_found"),
        ("30", "mines_found"),
        ("7", "mines_found"),
    ]


def test_bare_numbers_of_a_list_take_the_unit_printed_after_the_last() -> None:
    text = (
        "The three northern districts hold 310, 95 and 40 square kilometres of suspected "
        "land. In 2023 the teams released 64 and 12.5 hectares, and lifted 14 and 30 mines."
    )
    found = results(text)
    assert [(found[s].metric, found[s].values) for s in ("310", "95")] == [
        ("area_contaminated_ha", (31000.0, 31000.0, 31000.0)),
        ("area_contaminated_ha", (9500.0, 9500.0, 9500.0)),
    ]
    assert found["64"].metric == "area_cleared_ha"
    assert found["64"].unit == found["12.5 hectares"].unit == "hectares"
    assert (found["14"].values, found["30"].unit) == (None, "mines")  # (a noun, no unit)
    found = results(
        "In 2023 the teams released 7.5 square kilometres, 2.5 through clearance and 5 "
        "through technical survey."
    )
    assert [(found[s].metric, found[s].values) for s in ("2.5", "5")] == [
        ("area_cleared_ha", (250.0, 250.0, 250.0)),
        ("area_surveyed_ha", (500.0, 500.0, 500.0)),
    ]


def test_a_list_of_places_after_its_numbers_pairs_with_them_respectively() -> None:
    text = (
        "Since 2020 the teams released 212, 148 and 96 hectares in Northfold, Eastmoor and "
        "Westdale respectively, and 12 and 30 hectares elsewhere."
    )
    found = results(text)
    assert [found[s].area for s in ("212", "148", "96 hectares")] == [
        "Northfold",
        "Eastmoor",
        "Westdale",
    ]


def test_a_figure_said_to_be_corrected_later_gives_way_to_the_new_one() -> None:
    text = (
        "The site manager said his team lifted 41 mines, a figure he later corrected to 39, "
        "and that the ministry gave 212 casualties, a number it has since revised to 230."
    )
    found = results(text, "2021-05-01")
    assert found["41"] == found["212"] == NotAClaim("corrected")
    assert (found["39"].metric, found["230"].metric) == ("mines_found", "casualties")


def test_the_victims_of_a_total_included_its_subgroups() -> None:
    text = (
        "Since 2015 the centre has recorded 860 mine victims. The civilian victims included "
        "210 children and 95 women. In 2023 mines killed 44 people; the dead included 9 boys."
    )
    found = results(text)
    assert [found[s].metric for s in ("210", "95", "9")] == [
        "children_casualties",
        "women_casualties",
        "children_killed",
    ]
    assert found["210"].period == found["860"].period


def test_a_pension_paid_to_people_disabled_by_mines_assists_survivors() -> None:
    text = "The fund pays a monthly pension to 640 people disabled by mines."
    assert results(text)["640"].metric == "survivors_assisted"


def test_a_part_of_those_things_counts_them_not_the_people_before() -> None:
    text = (
        "Since 2019 the villages have reported 14 mine accidents, in which 6 people died and "
        "11 were hurt. Three of those accidents happened on farm tracks."
    )
    found = results(text)
    assert found["Three"].metric == "incidents"
    assert found["11"].metric == "injured"


def test_land_released_through_both_kinds_of_survey_was_surveyed() -> None:
    text = (
        "In 2023 the teams released 40 square kilometres, 9 square kilometres of it through "
        "clearance and 31 square kilometres through technical and non-technical survey."
    )
    found = results(text)
    assert found["9 square kilometres"].metric == "area_cleared_ha"
    assert found["31 square kilometres"].metric == "area_surveyed_ha"


def test_land_thought_to_be_mined_or_still_mined_is_contaminated() -> None:
    text = (
        "After the war some 900 square kilometres were thought to be mined. Today about 60 "
        "hectares of the valley are still mined, and teams demined 12 hectares last year."
    )
    assert metrics(text) == [
        ("some 900 square kilometres", "area_contaminated_ha"),
        ("about 60 hectares", "area_contaminated_ha"),
        ("12 hectares", "area_cleared_ha"),
    ]


def test_a_share_of_a_group_s_victims_is_a_share_of_the_casualties() -> None:
    text = (
        "In 2022 mines killed or injured 700 civilians. About three in ten of the civilian "
        "victims were children."
    )
    assert results(text)["About three in ten"].metric == "children_casualties_pct"


def test_people_involved_in_mine_incidents_are_the_casualties() -> None:
    text = (
        "Since 1995, 820 people have been involved in mine accidents, 240 of whom died. Among "
        "them were 35 deminers: 12 were killed and 23 injured."
    )
    found = results(text)
    assert [found[s].metric for s in ("820", "240", "35", "12", "23")] == [
        "casualties",
        "killed",
        "deminers_casualties",
        "deminers_killed",
        "deminers_injured",
    ]
    assert metrics("Three juveniles were killed and one was injured.") == [
        ("Three", "children_killed"),
        ("one", "children_injured"),
    ]


def test_survivors_of_a_group_or_referred_to_a_service_were_assisted() -> None:
    text = (
        "In 2024 the clinic provided 410 child survivors with physiotherapy. Field teams "
        "referred 96 survivors to rehabilitation centres."
    )
    found = results(text)
    assert found["410"].metric == found["96"].metric == "survivors_assisted"


def test_workforce_fielded_records_kept_and_land_yet_to_be_cleared() -> None:
    text = (
        "Together the operators field 240 deminers. Minefield records exist for about 70 per "
        "cent of the suspected area. Around a third of the town has yet to be cleared. In "
        "2022 casualties in the district fell again, to 14."
    )
    assert metrics(text) == [
        ("240", "deminers_deployed"),
        ("about 70 per cent", "area_on_maps_pct"),
        ("Around a third", "area_contaminated_pct"),
        ("14", "casualties"),
    ]


def test_parts_of_named_things_that_occurred_somewhere_count_them() -> None:
    text = (
        "In 2023 the monitors logged 20 mine accidents, in which 7 people died. Of the "
        "accidents, 12 occurred in the hills and 8 happened near the river."
    )
    found = results(text)
    assert found["12"].metric == found["8"].metric == "incidents"


def test_a_column_of_totals_beside_killed_and_injured_counts_the_casualties() -> None:
    text = (
        "Casualties by year:\n\n"
        "Year   Killed   Injured   Total\n"
        "2021      4        10       14\n"
        "2022      2         5        7\n"
    )
    found = results(text, "2023-03-01")
    assert [(found[s].metric, found[s].period_start) for s in ("14", "7")] == [
        ("casualties", "2021-01-01"),
        ("casualties", "2022-01-01"),
    ]


def test_what_is_left_and_its_parts_are_the_contaminated_surface() -> None:
    text = (
        "Since 2005 teams have released 900 square kilometres. That leaves 12.5 square "
        "kilometres. The north holds 8 square kilometres of this; Eastdale and Westdale "
        "account for 2.5 and 1.5 square kilometres respectively. In the south only 0.5 square "
        "kilometres remain."
    )
    assert [m for _, m in metrics(text)] == ["area_cleared_ha"] + ["area_contaminated_ha"] * 5


def test_a_compared_figure_that_says_what_befell_its_people_keeps_it() -> None:
    text = (
        "In 2022, 12 people were killed and 30 injured, compared with 7 killed and 19 "
        "injured in 2021."
    )
    found = results(text)
    assert [found[s].metric for s in ("12", "30", "7", "19")] == [
        "killed",
        "injured",
        "killed",
        "injured",
    ]


def test_a_compared_surface_is_compared_with_the_surface_not_a_count_between() -> None:
    text = "The suspected area covered 410 km2 in 9 districts, compared with 630 km2 in 2015."
    found = results(text, "2020-03-01")
    assert found["630 km2"].metric == found["410 km2"].metric == "area_contaminated_ha"


def test_a_part_of_whom_is_of_the_group_named_right_before() -> None:
    text = (
        "In 2021, 90 people were killed or injured. Most were farmers; the rest were deminers "
        "and police sappers, 6 of whom died. Two of the victims were members of the "
        "National Army."
    )
    found = results(text)
    assert found["6"].metric == "deminers_killed"
    assert found["Two"].metric == "military_casualties"


def test_land_returned_to_farmers_and_deminers_at_work() -> None:
    text = (
        "Families are returning to 2,000 hectares of orchards. This year the teams returned "
        "640 hectares of pasture to farmers. The agency's 85 deminers cleared "
        "12 hectares in May; the mission has 3 demining units with some 120 deminers."
    )
    found = results(text)
    assert found["640 hectares"].metric == "area_cleared_ha"
    assert found["2,000 hectares"] is None  # (people returning to land release none)
    assert found["85"].metric == found["some 120"].metric == "deminers_deployed"


def test_people_hurt_by_other_weapons_are_no_landmine_figure() -> None:
    text = (
        "In March, 14 people were killed by mines and 9 by artillery fire. Two farmers "
        "were wounded in an air strike. A drone survey found 30 mines."
    )
    found = results(text)
    assert found["14"].metric == "killed"
    assert found["9"] == found["Two"] == NotAClaim("other_count")
    assert found["30"].metric == "mines_found"


def test_a_second_verb_shares_the_people_of_the_first() -> None:
    text = "In 2022 mines killed 14 civilians and injured 37 east of the river."
    found = results(text)
    assert (found["14"].metric, found["37"].metric) == ("civilians_killed", "civilians_injured")
    found = results("In 2022 mines killed 14 people and injured 37.")
    assert found["37"].metric == "injured"


def test_records_of_minefields_count_the_records() -> None:
    text = "In 2004 the army handed over records of 85 minefields. They showed 6,100 mines."
    found = results(text)
    assert (found["85"].metric, found["6,100"].metric) == ("minefield_maps", "mines_on_maps")


def test_remnants_of_war_are_no_war_and_incidents_involving_mines_are_incidents() -> None:
    text = (
        "Since 2022, explosive remnants of war have killed 120 civilians. The war has "
        "killed 9,000 people. In May the monitors recorded 33 incidents involving landmines "
        "and other devices, up from 21 in April."
    )
    found = results(text, "2024-06-01")
    assert found["120"].metric == "civilians_killed"
    assert found["9,000"] == NotAClaim("other_count")  # (the toll of the war)
    assert found["33"].metric == found["21"].metric == "incidents"


def test_the_most_affected_places_name_no_casualties() -> None:
    text = (
        "Risk education reached 9,400 people in 2023, most of them in the most affected "
        "districts. In 2023, 40 people were affected by mines."
    )
    found = results(text)
    assert found["9,400"].metric == "risk_education_beneficiaries"
    assert found["40"].metric == "casualties"


def test_people_fitted_with_limbs_were_assisted_whoever_they_are() -> None:
    assert metrics("In 2022 the clinic fitted 35 boys with artificial legs.") == [
        ("35", "survivors_assisted")
    ]


def test_a_count_of_countries_is_no_count_of_the_casualties_they_count() -> None:
    assert metrics("The three states count casualties in different ways.") == [("three", None)]


def test_a_count_of_all_causes_is_no_landmine_figure() -> None:
    found = results("It fitted 40 limbs, out of 150 amputees from all causes.")
    assert found["150"] == NotAClaim("other_count")
