"""analysis.extract.periods: period phrases and their dates, on sentences written for the tests."""

from __future__ import annotations

import pytest

from analysis.extract.periods import Context, Period, context_of, find_periods

KARABAKH = context_of("Mines in the Aghdam district of Azerbaijan.", "2023-03-15")
ELSEWHERE = context_of("Mines in Laos and Cambodia.", "2023-03-15")


def periods_of(sentence: str, context: Context = KARABAKH) -> list[tuple[str, Period | None]]:
    return [
        (sentence[p.begin : p.end], p.period)
        for p in find_periods(sentence, 0, len(sentence), context)
    ]


def test_the_context_is_karabakh_unless_another_conflict_is_named() -> None:
    assert KARABAKH.karabakh and not ELSEWHERE.karabakh
    assert context_of("No country is named here.", None).karabakh
    assert not context_of("SOUTH LEBANON: WEEKLY UPDATE", None).karabakh
    assert context_of("MINES IN THE KARABAKH REGION", None).karabakh
    # any other country, by its CLDR name; the two of the conflict keep it
    assert not context_of("Clearance teams in Peru found 40 mines.", None).karabakh
    assert context_of("Armenia handed over maps to Azerbaijan.", None).karabakh


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        (
            "From 3 March 2021 to 9 April 2022, ten died.",
            Period("window", "2021-03-03", "2022-04-09"),
        ),
        ("Between 1995 and 2001, ten died.", Period("window", "1995-01-01", "2001-12-31")),
        ("In March-May 2022 ten died.", Period("window", "2022-03-01", "2022-05-31")),
        ("During 4–9 June 2022, ten died.", Period("window", "2022-06-04", "2022-06-09")),
        ("Between 4 and 9 June 2022, ten died.", Period("window", "2022-06-04", "2022-06-09")),
        # without a year: the last such days on or before the statement (2023-03-15)
        ("From 2 to 6 May, ten died.", Period("window", "2022-05-02", "2022-05-06")),
        ("Between 1 and 10 March, ten died.", Period("window", "2023-03-01", "2023-03-10")),
        (
            "In the first five months of 2021, ten died.",
            Period("window", "2021-01-01", "2021-05-31"),
        ),
        ("In the first half of 2020, ten died.", Period("window", "2020-01-01", "2020-06-30")),
        ("Since the start of the year, ten died.", Period("window", "2023-01-01", "2023-03-15")),
        ("Since 5 May 2021, ten died.", Period("window", "2021-05-05", "2023-03-15")),
        ("Since June 2021, ten died.", Period("window", "2021-06-01", "2023-03-15")),
        ("In February 2022, ten died.", Period("window", "2022-02-01", "2022-02-28")),
        ("In 2019, ten died.", Period("year", "2019-01-01", "2019-12-31")),
        ("Last year ten died.", Period("year", "2022-01-01", "2022-12-31")),
        ("This year alone ten died.", Period("year", "2023-01-01", "2023-12-31")),
        ("Ten were hurt on Sunday.", Period("incident", "2023-03-12", "2023-03-12")),
        ("Last month ten died.", Period("window", "2023-02-01", "2023-02-28")),
        ("In January ten died.", Period("window", "2023-01-01", "2023-01-31")),
        ("In June ten died.", Period("window", "2022-06-01", "2022-06-30")),  # the last June
        ("Since February, ten died.", Period("window", "2023-02-01", "2023-03-15")),
        ("Over the past three months ten died.", Period("window", "2022-12-15", "2023-03-15")),
        ("In the whole of 2021 ten died.", Period("year", "2021-01-01", "2021-12-31")),
        (
            "In the first two months of the year, ten died.",
            Period("window", "2023-01-01", "2023-02-28"),
        ),
        (
            "Since the end of the war in 1999, ten died.",
            Period("window", "1999-01-01", "2023-03-15"),
        ),
        ("Two were hurt yesterday.", Period("incident", "2023-03-14", "2023-03-14")),
        ("In 2019-2021 ten died.", Period("window", "2019-01-01", "2021-12-31")),
        ("During the years 2017–19, ten died.", Period("window", "2017-01-01", "2019-12-31")),
        ("Over the past year ten died.", Period("window", "2022-03-15", "2023-03-15")),
        ("In the last decade ten died.", Period("window", "2013-03-17", "2023-03-15")),
    ],
)
def test_dated_phrases(sentence: str, period: Period) -> None:
    assert [p for _, p in periods_of(sentence)] == [period]


@pytest.mark.parametrize(
    ("sentence", "name", "start"),
    [
        ("Since the war ended, ten died.", "since_ceasefire", "2020-11-10"),
        (
            "After the signing of the trilateral statement, ten died.",
            "since_ceasefire",
            "2020-11-10",
        ),
        ("Since 2020, ten died.", "since_ceasefire", "2020-11-10"),
        ("Since November 2020, ten died.", "since_ceasefire", "2020-11-10"),
        ("From 10 November 2020 to 1 March 2021, ten died.", "since_ceasefire", "2020-11-10"),
        ("Since 1992, ten died.", "since_1990s", "1992-01-01"),
        ("Over the last thirty years, ten died.", "since_1990s", None),
    ],
)
def test_karabakh_periods(sentence: str, name: str, start: str | None) -> None:
    [(_, period)] = periods_of(sentence)
    assert (period.name, period.start) == (name, start)


def test_other_conflicts_get_windows_from_the_dates_printed_with_their_events() -> None:
    assert periods_of("Since 2020, ten died.", ELSEWHERE)[0][1] == Period(
        "window", "2020-01-01", "2023-03-15"
    )
    [(_, period)] = periods_of("Since the accord took effect on 8 May 2019, ten died.", ELSEWHERE)
    assert period == Period("window", "2019-05-08", "2023-03-15")
    [(_, period)] = periods_of("Since the war ended, ten died.", ELSEWHERE)
    assert period == Period("window", None, "2023-03-15")


def test_a_year_that_dates_a_thing_is_no_period() -> None:
    assert periods_of("They found 40 mines manufactured in 2019.") == []


def test_the_day_of_a_report_is_not_the_day_of_an_incident() -> None:
    assert periods_of("Ten were hurt, officials said on Monday.") == []


def test_the_longer_phrase_wins_over_the_dates_inside_it() -> None:
    assert [text for text, _ in periods_of("From 1 May 2021 to 30 June 2021, ten died.")] == [
        "From 1 May 2021 to 30 June 2021"
    ]


def test_as_of_and_back_references_name_no_period_of_their_own() -> None:
    sentence = "In the same period, as of 1 March 2023, ten died."
    phrases = find_periods(sentence, 0, len(sentence), KARABAKH)
    assert phrases[0].back_reference and phrases[0].period is None
    assert phrases[1].as_of == "2023-03-01"


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("Figures, 1 July – 30 September 2022:", Period("window", "2022-07-01", "2022-09-30")),
        ("Second quarter of 2021", Period("window", "2021-04-01", "2021-06-30")),
        ("Output in Q4 2020 rose.", Period("window", "2020-10-01", "2020-12-31")),
        ("During the first quarter, teams worked.", Period("window", "2023-01-01", "2023-03-31")),
        ("On 2 March 2023, a tractor hit a mine.", Period("incident", "2023-03-02", "2023-03-02")),
        ("Victims by province, 2021", Period("year", "2021-01-01", "2021-12-31")),
        ("Since February 3, two died.", Period("window", "2023-02-03", "2023-03-15")),
        (
            "Since the liberation of the town on 4 May 2022, nine died.",
            Period("window", "2022-05-04", "2023-03-15"),
        ),
    ],
)
def test_bare_date_ranges_quarters_and_opening_dates(sentence: str, period: Period) -> None:
    assert [p for _, p in periods_of(sentence, ELSEWHERE)] == [period]


def test_a_date_inside_a_sentence_is_no_incident() -> None:
    assert periods_of("Mines were found, and on 3 October 2022 traps were set.", ELSEWHERE) == []


def test_the_ceasefire_named_with_its_month_and_year() -> None:
    assert periods_of("victims since the November 2020 ceasefire") == [
        ("since the November 2020 ceasefire", Period("since_ceasefire", "2020-11-10", "2023-03-15"))
    ]


def test_since_the_start_of_the_year_with_or_without_its_articles() -> None:
    for sentence in (
        "Since the beginning of the year, 12 died.",
        "Since beginning of year in the district 12 died.",
        "Since start of this year, 12 died.",
    ):
        [(_, period)] = periods_of(sentence, ELSEWHERE)
        assert period == Period("window", "2023-01-01", "2023-03-15"), sentence


def test_an_event_takes_a_date_printed_a_few_words_after_it() -> None:
    sentence = (
        "Since the withdrawal of troops from the two southern districts in June 2021, 9 died."
    )
    [(_, period)] = periods_of(sentence, ELSEWHERE)
    assert period == Period("window", "2021-06-01", "2023-03-15")


def test_as_on_a_date_ends_a_cumulative_figure() -> None:
    sentence = "As on 10 February, 31 mines were found."
    [phrase] = find_periods(sentence, 0, len(sentence), ELSEWHERE)
    assert phrase.as_of == "2023-02-10"
    sentence = "Teams found 40 mines in May, as well as on 3 October, a shell."
    assert not any(p.as_of for p in find_periods(sentence, 0, len(sentence), ELSEWHERE))


def test_in_the_year_names_that_year() -> None:
    [(_, period)] = periods_of("In the year 2021 alone, 30 died.", ELSEWHERE)
    assert period == Period("year", "2021-01-01", "2021-12-31")


def test_since_a_person_began_is_a_window_from_the_date_after() -> None:
    [(_, period)] = periods_of("Since we started work here in May 2022, 9 died.", ELSEWHERE)
    assert period == Period("window", "2022-05-01", "2023-03-15")


def test_an_event_every_reader_can_date_needs_no_printed_date() -> None:
    [(_, period)] = periods_of("Since the start of the full-scale invasion, 9 died.", ELSEWHERE)
    assert period == Period("window", "2022-02-24", "2023-03-15")
    [(_, period)] = periods_of("Since the start of the rainy season, 9 died.", ELSEWHERE)
    assert period == Period("window", None, "2023-03-15")


@pytest.mark.parametrize(
    "sentence",
    [
        "Since clearance resumed in June 2021, 9 died.",
        "Since the clinic opened in June 2021, 9 died.",
        "Since survey teams began in June 2021, 9 died.",
    ],
)
def test_since_an_activity_began_is_a_window_from_its_date(sentence: str) -> None:
    [(_, period)] = periods_of(sentence, ELSEWHERE)
    assert period == Period("window", "2021-06-01", "2023-03-15")


@pytest.mark.parametrize(
    "sentence",
    ["From 1 January to 31 December 2021, ten died.", "In January-December 2021 ten died."],
)
def test_a_span_from_the_first_to_the_last_day_of_a_year_is_that_year(sentence: str) -> None:
    assert [p for _, p in periods_of(sentence, ELSEWHERE)] == [
        Period("year", "2021-01-01", "2021-12-31")
    ]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "Situation report no. 4\nReporting period: 1-31 March 2025\n\nText.",
            Period("window", "2025-03-01", "2025-03-31"),
        ),
        (
            "Annual report\n\nPeriod covered - 1 January to 31 December 2022\n\nText.",
            Period("year", "2022-01-01", "2022-12-31"),
        ),
        (
            "Quarterly bulletin for Q2 2024\n\nIn May we cleared land.",
            Period("window", "2024-04-01", "2024-06-30"),
        ),
        ("In Q2 2024 we cleared land. More followed.\n\nText.", None),  # prose, no title
        (  # the title a few heading paragraphs down, an abbreviation in the first
            "MINE AID TRUST\n(Company No. 0881)\n\nREPORT FOR THE YEAR ENDED 31 MARCH 2024"
            "\n\nPage 3\n\nOur teams cleared land.",
            Period("window", "2023-04-01", "2024-03-31"),
        ),
        ("Press release\n\nNothing is dated here.", None),
    ],
)
def test_the_reporting_period_of_a_report(text: str, period: Period | None) -> None:
    assert context_of(text, "2025-06-01").reporting == period


QUARTERLY = context_of("Bulletin\nReporting period: 1 October to 31 December 2024\n\n", None)
MONTHLY = context_of("Bulletin\nReporting period: 1-30 November 2024\n\n", None)


def test_references_to_the_reporting_period() -> None:
    quarter = Period("window", "2024-10-01", "2024-12-31")
    assert periods_of("Teams worked hard during the reporting period.", QUARTERLY) == [
        ("during the reporting period", quarter)
    ]
    assert periods_of("Of the quarter's victims, most were men.", QUARTERLY) == [
        ("the quarter", quarter)
    ]
    assert periods_of("It was 12 in the previous quarter.", QUARTERLY) == [
        ("in the previous quarter", Period("window", "2024-07-01", "2024-09-30"))
    ]
    assert periods_of("It was 12 in the previous period.", MONTHLY) == [
        ("in the previous period", Period("window", "2024-10-01", "2024-10-31"))
    ]


def test_a_quarter_is_the_reporting_period_only_when_that_is_a_quarter() -> None:
    assert periods_of("Teams worked hard in the quarter.", MONTHLY) == []
    assert periods_of("Teams worked hard in the quarter.", KARABAKH) == []


def test_the_end_of_the_reporting_period_is_no_period() -> None:
    assert periods_of("At the end of the reporting period, 12 teams were at work.", QUARTERLY) == []


WEEKLY = context_of("UPDATE\nReporting week: 10-16 June 2024\n\n", None)


def test_a_weekly_report_s_week_and_the_week_before() -> None:
    assert periods_of("It rose this week.", WEEKLY) == [
        ("this week", Period("window", "2024-06-10", "2024-06-16"))
    ]
    assert periods_of("It was 9 in the previous week.", WEEKLY) == [
        ("in the previous week", Period("window", "2024-06-03", "2024-06-09"))
    ]
    assert periods_of("In the week of 1-7 May 2024 it was 9.", WEEKLY) == [
        ("1-7 May 2024", Period("window", "2024-05-01", "2024-05-07"))
    ]
    assert periods_of("It rose this week.", QUARTERLY) == []  # a quarter is no week


def test_since_an_activity_began_counts_from_its_date() -> None:
    assert periods_of(
        "Since opening a field office in 2011, the team has cleared 40 ha.", ELSEWHERE
    ) == [("Since opening a field office in 2011", Period("window", "2011-01-01", "2023-03-15"))]


def test_since_any_event_dated_a_few_words_on() -> None:
    assert periods_of(
        "Since the bridge was reopened in May 2021, 12 mines were found.", ELSEWHERE
    ) == [
        ("Since the bridge was reopened in May 2021", Period("window", "2021-05-01", "2023-03-15"))
    ]
    assert periods_of("Since then, in 2022, 12 mines were found.", ELSEWHERE)[-1][1] == Period(
        "year", "2022-01-01", "2022-12-31"
    )


@pytest.mark.parametrize(
    "phrase", ["between February and April 2022", "from February to April 2022"]
)
def test_a_span_of_months_in_words(phrase: str) -> None:
    assert periods_of(f"{phrase.capitalize()}, 12 mines were found.", ELSEWHERE) == [
        (phrase.capitalize(), Period("window", "2022-02-01", "2022-04-30"))
    ]


def test_a_year_that_names_a_count() -> None:
    assert periods_of("Of the 2021 casualties, 12 were children.", ELSEWHERE) == [
        ("the 2021", Period("year", "2021-01-01", "2021-12-31"))
    ]


def test_an_accounting_year_and_a_year_that_is_a_subject() -> None:
    assert periods_of("In the year ended 31 December 2021 we cleared land.", ELSEWHERE) == [
        ("year ended 31 December 2021", Period("year", "2021-01-01", "2021-12-31"))
    ]
    assert periods_of("For the financial year to 30 June 2024, 12 died.", ELSEWHERE) == [
        ("financial year to 30 June 2024", Period("window", "2023-07-01", "2024-06-30"))
    ]
    assert periods_of("2019 was the worst year, with 40 killed.", ELSEWHERE) == [
        ("2019 was", Period("year", "2019-01-01", "2019-12-31"))
    ]


def test_an_end_in_brackets_a_span_of_years_in_brackets_and_the_day_of_an_accident() -> None:
    context = context_of("Mines in Laos.", "2024-11-15")
    sentence = "So far in 2024 (to 31 October) the teams reached 900 people."
    assert [p.as_of for p in find_periods(sentence, 0, len(sentence), context)] == [
        None,
        "2024-10-31",
    ]
    assert periods_of("During the war years (1961-1975), mines were laid.", context) == [
        ("1961-1975", Period("window", "1961-01-01", "1975-12-31"))
    ]
    assert periods_of("The accident of 11 August 2017 injured two deminers.", context) == [
        ("accident of 11 August 2017", Period("incident", "2017-08-11", "2017-08-11"))
    ]


@pytest.mark.parametrize("context", [KARABAKH, ELSEWHERE])
def test_a_year_or_month_to_date_runs_from_it_to_the_statement(context: Context) -> None:
    assert periods_of("2021 to date: 310 hectares released", context) == [
        ("2021 to date", Period("window", "2021-01-01", "2023-03-15"))
    ]
    assert periods_of("From June 2022 to date, 14 people were hurt", context) == [
        ("From June 2022 to date", Period("window", "2022-06-01", "2023-03-15"))
    ]


def test_as_of_yesterday_ends_a_count_the_day_before_the_statement() -> None:
    found = find_periods(
        "Since the truce, and as of yesterday, 80 people were hurt.", 0, 57, KARABAKH
    )
    assert [p.as_of for p in found] == [None, "2023-03-14"]
    assert found[0].period == Period("since_ceasefire", "2020-11-10", "2023-03-15")


def test_two_years_in_a_row_are_one_window() -> None:
    assert periods_of("In 2020 and 2021, 96 survivors were fitted with limbs", ELSEWHERE) == [
        ("In 2020 and 2021", Period("window", "2020-01-01", "2021-12-31"))
    ]
    # (years apart, each may have its own figure: not one window)
    assert periods_of("In 2015 and 2019 floods moved mines", ELSEWHERE)[0][1].name == "year"
