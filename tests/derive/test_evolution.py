"""Evolution of each series: ordering, previous-claim choice, derived arithmetic, labels."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest
from claims_factory import (
    AA_2024,
    AZERNEWS,
    CF,
    MFA_2024,
    PRESS_RELEASE,
    UN_LETTER,
    exact,
    make_statements,
    more_than,
    shipped_claims,
    shipped_statements,
    synthetic_claims,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.derive.evolution import (
    CHANGE_COLUMNS,
    build_evolution,
    changes_between_dates,
    claim_diff,
    versus_baseline,
)
from analysis.derive.intervals import compare, interval
from analysis.schema import Claims, Evolution, columns


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return shipped_claims()


@pytest.fixture(scope="module")
def statements() -> pd.DataFrame:
    return shipped_statements()


@pytest.fixture(scope="module")
def evolution(claims, statements) -> pd.DataFrame:
    return build_evolution(claims, statements)


def rows(evolution: pd.DataFrame, series: str) -> pd.DataFrame:
    return evolution[evolution[Evolution.series] == series].reset_index(drop=True)


def by_surface(table: pd.DataFrame, statement_id: str, surface: str) -> pd.Series:
    hit = table[
        (table[Evolution.statement_id] == statement_id) & (table[Evolution.surface] == surface)
    ]
    assert len(hit) == 1, hit
    return hit.iloc[0]


def test_every_claim_is_one_row(evolution, claims):
    assert len(evolution) == len(claims)
    assert set(evolution[Evolution.claim_id]) == set(claims[Claims.claim_id])
    Evolution.validate(evolution)


def test_series_are_in_date_order(evolution):
    for _, series in evolution.groupby(Evolution.series):
        dates = series[Evolution.date].dropna().tolist()
        assert dates == sorted(dates)


def test_open_lower_bound_after_exact_is_not_a_fall(evolution):
    cf = rows(evolution, "casualties/since_ceasefire")
    letter = by_surface(cf, UN_LETTER, "more than 260")
    days = (dt.date(2022, 12, 3) - dt.date(2022, 10, 25)).days
    assert letter[Evolution.change] == "not_comparable"
    assert letter[Evolution.days_since_previous] == days == 39
    # "more than 260" is any value from 260 up: no difference, no rate (not a fall of 6).
    assert math.isnan(letter[Evolution.delta_best])
    assert math.isnan(letter[Evolution.rate_per_30_days])
    assert letter[Evolution.bound_change] == "exact -> more_than"
    # The previous figure is the press release's (last statement of the earlier day).
    assert letter[Evolution.previous_claim_id].startswith(PRESS_RELEASE + ":")


def test_same_later_day_outlets_both_compare_with_the_earlier_date(evolution):
    cf = rows(evolution, "casualties/since_ceasefire")
    letter_id = by_surface(cf, UN_LETTER, "more than 260")[Evolution.claim_id]
    days = (dt.date(2024, 1, 26) - dt.date(2022, 12, 3)).days
    for statement_id in (AA_2024, MFA_2024):
        row = by_surface(cf, statement_id, "342")
        assert row[Evolution.previous_claim_id] == letter_id
        assert row[Evolution.days_since_previous] == days
        assert math.isnan(row[Evolution.delta_best])  # the previous figure is open above
        assert math.isnan(row[Evolution.rate_per_30_days])
        # [260, inf) and 342 overlap: direction unknowable.
        assert row[Evolution.change] == "not_comparable"


def test_two_figures_in_one_statement_stay_separate(evolution):
    killed = rows(evolution, "killed/since_ceasefire")
    first_day = killed[killed[Evolution.date] == "2022-10-25"]
    assert first_day[Evolution.surface].tolist() == ["48", "45", "45"]
    assert first_day[Evolution.change].tolist() == ["first", "same_day", "same_day"]
    same_day = first_day.iloc[1:]
    assert (same_day[Evolution.days_since_previous] == 0).all()
    assert same_day[Evolution.rate_per_30_days].isna().all()
    later = killed[killed[Evolution.date] == "2024-01-26"]
    assert len(later) == 3  # AA once, the ministry twice ("65 of them", "Of the 65")
    assert (later[Evolution.change] == "rise").all()
    assert (later[Evolution.delta_best] == 65 - 45).all()


def test_bound_change_and_interval_labels(evolution):
    outside = rows(evolution, "incidents_outside_maps_pct/unspecified")
    mfa = by_surface(outside, MFA_2024, "more than 55%")
    assert mfa[Evolution.bound_change] == "about -> more_than"
    assert mfa[Evolution.change] == "not_comparable"
    # "Nearly 55%" after "about 55%": no lower end, so neither a difference of 0 nor a rate.
    aa = by_surface(outside, AA_2024, "Nearly 55%")
    assert aa[Evolution.change] == "not_comparable"
    assert math.isnan(aa[Evolution.delta_best]) and math.isnan(aa[Evolution.rate_per_30_days])
    assert math.isnan(mfa[Evolution.delta_best]) and math.isnan(mfa[Evolution.rate_per_30_days])
    long_run = rows(evolution, "casualties/since_1990s")
    aa = by_surface(long_run, AA_2024, "more than 3,400")
    assert aa[Evolution.change] == "rise"  # [3400, inf) lies wholly above 3,345
    mines = rows(evolution, "mines_laid/unspecified")
    million = by_surface(mines, MFA_2024, "exceeds 1 million")
    assert million[Evolution.change] == "rise"
    assert math.isnan(million[Evolution.delta_best])  # "hundreds of thousands" has no best


def test_first_report_has_no_derived_values(evolution):
    first = evolution[evolution[Evolution.change] == "first"]
    assert first[Evolution.previous_claim_id].isna().all()
    assert first[[Evolution.delta_best, Evolution.rate_per_30_days]].isna().all().all()


def test_undated_statement_is_kept_but_not_in_the_series():
    statements = make_statements(
        [
            {"statement_id": "a", "date": "2023-01-01", "outlet": "A", "speaker": "S"},
            {"statement_id": "u", "date": None, "outlet": "U", "speaker": "S"},
            {"statement_id": "b", "date": "2023-01-31", "outlet": "B", "speaker": "S"},
        ]
    )
    quote = "In all, 100 people were killed."
    claims = synthetic_claims(
        [
            exact("u", "killed", quote.replace("100", "500"), "500", 500, period="since_ceasefire"),
            exact("b", "killed", quote.replace("100", "130"), "130", 130, period="since_ceasefire"),
            exact("a", "killed", quote, "100", 100, period="since_ceasefire"),
        ]
    )
    evo = build_evolution(claims, statements)
    assert evo[Evolution.statement_id].tolist() == ["a", "b", "u"]
    assert evo[Evolution.change].tolist() == ["first", "rise", "undated"]
    undated = evo.iloc[2]
    assert pd.isna(undated[Evolution.date]) and pd.isna(undated[Evolution.previous_claim_id])
    b = evo.iloc[1]
    assert b[Evolution.delta_best] == 30 and b[Evolution.days_since_previous] == 30
    assert b[Evolution.rate_per_30_days] == pytest.approx(30.0)


def test_output_does_not_depend_on_input_row_order(claims, statements, evolution):
    shuffled = claims.sample(frac=1, random_state=3).reset_index(drop=True)
    pd.testing.assert_frame_equal(build_evolution(shuffled, statements), evolution)


def test_unknown_statement_is_an_error(claims, statements):
    with pytest.raises(ValueError, match="not in the statements table"):
        build_evolution(claims, statements[statements["statement_id"] != UN_LETTER])


@pytest.mark.parametrize(
    ("previous", "current", "expected"),
    [
        ((266, 266), (260, math.inf), "not_comparable"),
        ((3345, 3345), (3400, math.inf), "rise"),
        ((342, 342), (300, 300), "fall"),
        ((25, 25), (25, 25), "unchanged"),
        ((200000, 999999), (1_000_000, math.inf), "rise"),
        ((math.nan, math.nan), (5, 5), "not_comparable"),
    ],
)
def test_compare_uses_intervals(previous, current, expected):
    assert compare(previous, current) == expected


def test_interval_open_sides():
    assert interval(260.0, 260.0, math.nan, "more_than") == (260.0, math.inf)
    assert interval(math.nan, 50.0, 50.0, "at_most") == (0.0, 50.0)
    assert interval(200000.0, math.nan, 999999.0, "range") == (200000.0, 999999.0)
    assert interval(math.nan, 55.0, math.nan, "about") == (55.0, 55.0)


def test_claim_diff_between_consecutive_dates(claims, statements):
    diff = claim_diff(claims, statements)
    status = {(r.series, r.from_date): r.status for r in diff.itertuples()}
    assert status[("casualties/since_ceasefire", "2022-10-25")] == "changed"
    assert status[("killed/since_ceasefire", "2022-10-25")] == "dropped"
    assert status[("mines_laid/unspecified", "2022-10-25")] == "added"
    assert status[("mines_laid/unspecified", "2022-12-03")] == "changed"
    assert status[("killed/since_ceasefire", "2022-12-03")] == "added"
    assert set(diff["from_date"]) == {"2022-10-25", "2022-12-03"}
    row = diff[
        (diff[Evolution.series] == "casualties/since_ceasefire")
        & (diff["from_date"] == "2022-10-25")
    ].iloc[0]
    assert row["to_figures"] == f"more than 260 [{UN_LETTER}]"
    assert row["from_figures"] == f"266 [Azernews]; 266 [{PRESS_RELEASE}]"


def test_claim_diff_unchanged():
    statements = make_statements(
        [
            {"statement_id": "a", "date": "2023-01-01", "outlet": "A"},
            {"statement_id": "b", "date": "2023-02-01", "outlet": "B"},
        ]
    )
    quote = "The maps are only 25% accurate."
    claims = synthetic_claims([exact(s, "map_accuracy_pct", quote, "25%", 25) for s in ("a", "b")])
    diff = claim_diff(claims, statements)
    assert diff["status"].tolist() == ["unchanged"]


def test_changes_between_dates_name_both_claims_and_say_why(evolution):
    table = changes_between_dates(evolution)
    assert table.columns.tolist() == CHANGE_COLUMNS
    assert not table["change"].isin(["first", "same_day", "undated"]).any()
    letter = table[table["to_figure"] == f"more than 260 ({UN_LETTER})"].iloc[0]
    assert letter["from_figure"] == f"266 ({PRESS_RELEASE})"
    assert letter["change"] == "not_comparable"
    assert letter["days"] == 39
    assert pd.isna(letter["difference (derived)"]) and pd.isna(letter["per 30 days (derived)"])
    assert letter["why no difference"] == "'more than 260' has no upper end"
    assert letter["from_claim_id"].startswith(PRESS_RELEASE + ":")
    assert letter["to_claim_id"].startswith(UN_LETTER + ":")
    civilians = table[table["quantity"] == "civilians_killed/since_ceasefire"]
    assert set(civilians["difference (derived)"]) == {15.0}
    assert civilians["why no difference"].isna().all()
    # Every derived number names its two claims, and they are the evolution's pair.
    previous, current = evolution[Evolution.previous_claim_id], evolution[Evolution.claim_id]
    pairs = set(zip(previous, current, strict=True))
    assert set(zip(table["from_claim_id"], table["to_claim_id"], strict=True)) <= pairs


def test_a_figure_repeated_in_one_text_is_one_change(evolution):
    table = changes_between_dates(evolution)
    killed = table[table["quantity"] == "killed/since_ceasefire"]
    # The ministry prints "65" twice ("65 of them", "Of the 65"): one row for it, one for AA.
    assert sorted(killed["to_figure"]) == ["65 (AA)", f"65 ({MFA_2024})"]
    assert not table.duplicated(["quantity", "from_figure", "to_figure"]).any()


def test_more_than_figure_after_same_exact_value():
    statements = make_statements(
        [
            {"statement_id": "a", "date": "2023-01-01", "outlet": "A"},
            {"statement_id": "b", "date": "2023-03-02", "outlet": "B"},
        ]
    )
    claims = synthetic_claims(
        [
            exact(
                "a",
                "casualties",
                "So far 266 people became victims.",
                "266",
                266,
                period="since_ceasefire",
            ),
            more_than(
                "b",
                "casualties",
                "So far more than 266 people became victims.",
                "more than 266",
                266,
                period="since_ceasefire",
            ),
        ]
    )
    evo = build_evolution(claims, statements)
    assert evo[Evolution.change].tolist() == ["first", "not_comparable"]
    # "more than 266" may be 267 or 10,000: a difference of 0 would claim it stayed the same.
    assert math.isnan(evo[Evolution.delta_best].iloc[1])
    assert math.isnan(evo[Evolution.rate_per_30_days].iloc[1])


def test_azernews_is_first_on_its_day(evolution):
    # Manifest order decides between same-day statements: Azernews (row 1) before the release.
    cf = rows(evolution, "casualties/since_ceasefire")
    assert cf[Evolution.statement_id].tolist()[:2] == [AZERNEWS, PRESS_RELEASE]


def test_no_claims_gives_empty_valid_tables(claims, statements):
    evo = build_evolution(claims.iloc[:0], statements)
    assert evo.empty and evo.columns.tolist() == columns(Evolution)
    assert changes_between_dates(evo).empty
    assert claim_diff(claims.iloc[:0], statements).empty


BOUND_MAKERS = {"exact": exact, "more_than": more_than}


@settings(max_examples=60, deadline=None)
@given(
    days=st.lists(st.integers(0, 400), min_size=1, max_size=4),
    figures=st.lists(
        st.tuples(st.integers(0, 3), st.integers(1, 500), st.sampled_from(sorted(BOUND_MAKERS))),
        min_size=1,
        max_size=8,
    ),
)
def test_evolution_invariants(days, figures):
    start = dt.date(2022, 1, 1)
    statements = make_statements(
        [
            {"statement_id": f"s{i}", "date": (start + dt.timedelta(days=d)).isoformat()}
            for i, d in enumerate(days)
        ]
    )
    made = []
    for k, (which, value, bound) in enumerate(figures):
        statement_id = f"s{which % len(days)}"
        quote = f"Report {'x' * (k + 1)} says {value} people were killed."
        made.append(BOUND_MAKERS[bound](statement_id, "killed", quote, str(value), value, **CF))
    evo = build_evolution(synthetic_claims(made), statements).set_index(Evolution.claim_id)
    assert len(evo) == len(made)
    for _, row in evo.iterrows():
        if pd.isna(row[Evolution.previous_claim_id]):
            assert row[Evolution.change] == "first"
            continue
        previous = evo.loc[row[Evolution.previous_claim_id]]
        gap = (pd.Timestamp(row[Evolution.date]) - pd.Timestamp(previous[Evolution.date])).days
        assert row[Evolution.days_since_previous] == gap >= 0
        prev_open = previous[Evolution.bound] == "more_than"
        cur_open = row[Evolution.bound] == "more_than"
        if prev_open or cur_open:
            # No arithmetic on an open bound.
            assert pd.isna(row[Evolution.delta_best])
            assert pd.isna(row[Evolution.rate_per_30_days])
        else:
            assert (
                row[Evolution.delta_best]
                == row[Evolution.value_best] - previous[Evolution.value_best]
            )
        if gap == 0:
            assert row[Evolution.change] == "same_day"
            assert pd.isna(row[Evolution.rate_per_30_days])
            continue
        if not (prev_open or cur_open):
            assert row[Evolution.rate_per_30_days] == pytest.approx(
                row[Evolution.delta_best] / gap * 30
            )
        # The previous claim is from the most recent earlier date.
        earlier = evo[evo[Evolution.date] < row[Evolution.date]][Evolution.date]
        assert previous[Evolution.date] == earlier.max()
        change = row[Evolution.change]
        if change == "fall":
            # Only a claim with a closed top can certainly be lower.
            assert not cur_open and row[Evolution.value_best] < previous[Evolution.value_best]
        if change == "rise":
            assert row[Evolution.value_best] > previous[Evolution.value_best] or (
                cur_open and not prev_open
            )
        if not (prev_open or cur_open):
            assert change != "not_comparable"


def test_versus_default_baseline_compares_later_figures_with_the_earliest_statement(evolution):
    table = versus_baseline(evolution)
    assert set(table["baseline_date"]) == {"2022-10-25"}
    casualties = table[
        (table["quantity"] == "casualties/since_ceasefire") & table["figure"].str.startswith("342")
    ]
    assert len(casualties) == 2  # the ministry and AA, kept apart
    assert set(casualties["change"]) == {"rise"}
    assert set(casualties["difference (derived)"]) == {76.0}
    assert set(casualties["days"]) == {(dt.date(2024, 1, 26) - dt.date(2022, 10, 25)).days}


def test_versus_chosen_baseline_keeps_open_bounds_open(evolution):
    table = versus_baseline(evolution, UN_LETTER)
    assert set(table["baseline_date"]) == {"2022-12-03"}
    change = dict(zip(table["quantity"] + " " + table["figure"], table["change"], strict=True))
    # "more than 260" may already have been 342; "hundreds of thousands" cannot be > 1 million.
    assert change["casualties/since_ceasefire 342 (AA)"] == "not_comparable"
    assert change["mines_laid/unspecified exceeds 1 million (mfa-2024-01-26)"] == "rise"
    # ... and with an open or a range on either side there is no difference, only a reason.
    open_rows = table[table["why no difference"].notna()]
    assert open_rows["difference (derived)"].isna().all()
    assert "'more than 260' has no upper end" in set(open_rows["why no difference"])
    # One row per baseline figure and later figure, however often a text repeats it.
    assert not table.duplicated(["quantity", "baseline_figure", "figure"]).any()
