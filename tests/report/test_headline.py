"""The headline: one row per quantity in words, one column per statement date, what changed."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from claims_factory import (
    AA_2024,
    AZERNEWS,
    CF,
    MFA_2024,
    PRESS_RELEASE,
    UN_LETTER,
    about,
    exact,
    make_statements,
    more_than,
    nearly,
    shipped_claims,
    shipped_statements,
    synthetic_claims,
)

from analysis.derive.evolution import build_evolution
from analysis.derive.findings import find_inconsistencies
from analysis.report.headline import (
    QUANTITY,
    UNDATED,
    WHAT_CHANGED,
    describe_change,
    headline_html,
    headline_rows,
    headline_table,
    main_findings_html,
    quantity_name,
)
from analysis.report.pages import claim_link, finding_anchor
from analysis.schema import Evolution, Findings, vocabulary

CASUALTIES_SINCE_CEASEFIRE = (
    "People killed or injured since the trilateral statement of 10 November 2020 ending the "
    "2020 war"
)


@pytest.fixture(scope="module")
def evolution() -> pd.DataFrame:
    return build_evolution(shipped_claims(), shipped_statements())


@pytest.fixture(scope="module")
def table(evolution) -> pd.DataFrame:
    return headline_table(evolution).set_index(QUANTITY)


def test_quantities_are_named_in_words_from_the_vocabulary():
    assert quantity_name("casualties", "since_ceasefire") == CASUALTIES_SINCE_CEASEFIRE
    metric = vocabulary()["metrics"]["mines_found"]["description"]
    name = quantity_name("mines_found", "unspecified", "Lachin", "anti_personnel")
    assert name == f"{metric[0].upper()}{metric[1:]} (anti-personnel) in Lachin"
    assert quantity_name("incidents", "year") == "Mine incidents or explosions in one calendar year"
    assert "/" not in quantity_name("killed", "since_1990s")


def test_one_row_per_series_and_one_column_per_statement_date(evolution, table):
    assert len(table) == evolution[Evolution.series].nunique()
    dates = sorted(shipped_statements()["date"].dropna().unique())
    assert table.columns.tolist() == [*dates, WHAT_CHANGED]


def test_cells_show_each_figure_once_with_every_outlet(table):
    row = table.loc[CASUALTIES_SINCE_CEASEFIRE]
    assert row["2022-10-25"] == f"266 (Azernews, {PRESS_RELEASE})"
    assert row["2022-12-03"] == f"more than 260 ({UN_LETTER})"
    assert row["2024-01-26"] == f"342 (AA, {MFA_2024})"
    # The ministry prints "65" twice in one text ("65 of them", "Of the 65"): listed once.
    killed = table.loc[quantity_name("killed", "since_ceasefire")]
    assert killed["2024-01-26"] == f"65 (AA, {MFA_2024})"


def test_what_changed_in_words(table):
    assert table.loc[CASUALTIES_SINCE_CEASEFIRE, WHAT_CHANGED] == "rose from 266 to 342"
    civilians = quantity_name("civilians_killed", "since_ceasefire")
    assert table.loc[civilians, WHAT_CHANGED] == "rose from 35 to 50"
    mines = table.loc[quantity_name("mines_laid", "unspecified"), WHAT_CHANGED]
    assert mines.startswith("'hundreds of thousands' became 'exceeds 1 million'")
    assert "no difference: 'hundreds of thousands' is a range" in mines
    # 48 and 45 on the first day: the figures differ, no single change is claimed.
    killed = table.loc[quantity_name("killed", "since_ceasefire"), WHAT_CHANGED]
    assert killed.startswith("'48' or '45' became '65'")
    assert "not comparable: the figures of 25 October 2022 differ" in killed


def row(surface: str, bound: str, low, best, high, unit: str = "percent") -> pd.Series:
    return pd.Series(
        {
            Evolution.surface: surface,
            Evolution.bound: bound,
            Evolution.value_low: low,
            Evolution.value_best: best,
            Evolution.value_high: high,
            Evolution.unit: unit,
        }
    )


def people(surface: str) -> pd.Series:
    value = float(surface)
    return row(surface, "exact", value, value, value, "people")


def percent(surface: str, value: float) -> pd.Series:
    return row(surface, "exact", value, value, value)


@pytest.mark.parametrize(
    ("before", "after", "change", "note"),
    [
        (people("266"), people("342"), "rose from 266 to 342", ""),
        (people("342"), people("300"), "fell from 342 to 300", ""),
        (percent("25%", 25), percent("only 25%", 25), "unchanged at 25%", ""),
        (
            row("about 55%", "about", 55, 55, 55),
            row("more than 55%", "more_than", 55, 55, None),
            "'about 55%' became 'more than 55%'",
            "not comparable: 'more than 55%' has no upper end",
        ),
        (
            row("about 55%", "about", 55, 55, 55),
            row("Nearly 55%", "nearly", None, 55, 55),
            "'about 55%' became 'Nearly 55%'",
            "not comparable: 'Nearly 55%' has no lower end",
        ),
        (
            row("266", "exact", 266, 266, 266, "people"),
            row("more than 260", "more_than", 260, 260, None, "people"),
            "'266' became 'more than 260'",
            "not comparable: 'more than 260' has no upper end",
        ),
    ],
)
def test_describe_change(before, after, change, note):
    assert describe_change(before, after) == (change, note)


def another_corpus() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Other dates: two statements on one day, a later one, and an undated one."""
    statements = make_statements(
        [
            {"statement_id": "ngo-mar", "date": "2025-03-01", "outlet": "Outlet A"},
            {"statement_id": "gov-mar", "date": "2025-03-01", "outlet": "Outlet B"},
            {"statement_id": "ngo-sep", "date": "2025-09-30", "outlet": "Outlet A"},
            {"statement_id": "wire", "date": None, "outlet": "Wire"},
        ]
    )
    quote = "Since the war, {} people were killed by mines."
    share = "The maps are {} accurate."
    mines = "We found more than 1,400 mines."
    claims = synthetic_claims(
        [
            exact("ngo-mar", "killed", quote.format("80"), "80", 80, **CF),
            exact("gov-mar", "killed", quote.format("82"), "82", 82, **CF),
            exact("ngo-sep", "killed", quote.format("95"), "95", 95, **CF),
            exact("wire", "killed", quote.format("90"), "90", 90, **CF),
            about("ngo-mar", "map_accuracy_pct", share.format("about 55%"), "about 55%", 55),
            nearly("ngo-sep", "map_accuracy_pct", share.format("nearly 55%"), "nearly 55%", 55),
            more_than("gov-mar", "mines_laid", mines, "more than 1,400", 1400),
        ]
    )
    return claims, statements


def test_another_set_of_dates():
    claims, statements = another_corpus()
    evolution = build_evolution(claims, statements)
    table = headline_table(evolution).set_index(QUANTITY)
    assert table.columns.tolist() == ["2025-03-01", "2025-09-30", UNDATED, WHAT_CHANGED]
    killed = table.loc[quantity_name("killed", "since_ceasefire")]
    # Two statements of one day are both shown, apart: never summed or averaged.
    assert killed["2025-03-01"] == "80 (Outlet A); 82 (Outlet B)"
    assert killed[UNDATED] == "90 (Wire)"
    assert killed[WHAT_CHANGED].startswith("'80' or '82' became '95' (Outlet A)")
    maps = table.loc[quantity_name("map_accuracy_pct", "unspecified"), WHAT_CHANGED]
    assert maps == "'about 55%' became 'nearly 55%' (not comparable: 'nearly 55%' has no lower end)"
    assert table.loc[quantity_name("mines_laid", "unspecified"), WHAT_CHANGED] == (
        "reported on 1 March 2025 only"
    )
    html = headline_html(evolution)
    assert '<th scope="col" data-date="2025-09-30">30 September 2025</th>' in html


def test_html_links_every_figure_of_every_statement_to_its_highlight(evolution):
    html = headline_html(evolution)
    hrefs = set(re.findall(r'href="([^"]+)"', html))
    for statement_id, rows in evolution.groupby(Evolution.statement_id):
        for _, figures in rows.groupby(Evolution.surface):
            links = {
                claim_link(c, statement_id).replace("&", "&amp;")
                for c in figures[Evolution.claim_id]
            }
            assert links & hrefs, (statement_id, figures[Evolution.surface].iloc[0])
    assert html.count("<tr data-series=") == evolution[Evolution.series].nunique()
    assert "NaN" not in html and "nan" not in re.sub(r"<[^>]+>", "", html).split()


def test_empty_selection_says_so(evolution):
    assert "No figures in this selection" in headline_html(evolution.iloc[:0])
    assert headline_rows(evolution.iloc[:0]) == []


def test_main_findings_gravest_first_in_words_linked_to_their_quotes(evolution):
    claims, statements = shipped_claims(), shipped_statements()
    findings = find_inconsistencies(claims, statements)
    html = main_findings_html(findings, claims, statements, evolution)
    lines = re.findall(r"<li>(.*?)</li>", html)
    main = findings[findings[Findings.severity] != "info"]
    assert len(lines) == len(main) > 0
    severities = [re.match(r"<strong>(\w+)</strong>", line).group(1) for line in lines]
    assert severities == sorted(severities, key=["contradiction", "warning"].index)
    for finding in main.itertuples():
        assert f"#{finding_anchor(finding.finding_id)}" in html
    # Series labels become words: no "killed/since_ceasefire" left in the messages.
    assert "/since_ceasefire" not in html
    assert f"statements/{AZERNEWS}.html#claim-" in html or f"statements/{AA_2024}.html" in html
