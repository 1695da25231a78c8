"""Consistency rules: each fires on the case it is for and stays quiet otherwise."""

from __future__ import annotations

import itertools
import math
import random

import pandas as pd
import pytest
from claims_factory import (
    AA_2024,
    AZ_45,
    AZ_266,
    AZERNEWS,
    CF,
    LONG,
    MFA_2024,
    PRESS_RELEASE,
    UN_LETTER,
    Figure,
    about,
    exact,
    make_statements,
    more_than,
    nearly,
    shipped_claims,
    shipped_statements,
    synthetic_claims,
)

from analysis.derive.evolution import ordered_claims
from analysis.derive.findings import (
    RULES,
    _disagreeing_pairs,
    _grew_less,
    _grouped,
    _key,
    _worst_combination,
    cumulative_series_falls,
    find_inconsistencies,
    long_run_grew_less,
    order_of_magnitude_change,
    qualifier_drift,
    representative,
    subgroup_exceeds_total,
)
from analysis.schema import SEVERITIES, Claims, Findings


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return shipped_claims()


@pytest.fixture(scope="module")
def findings(claims) -> pd.DataFrame:
    return find_inconsistencies(claims, shipped_statements())


def claim_id(claims: pd.DataFrame, statement_id: str, metric: str, surface: str) -> str:
    hit = claims[
        (claims[Claims.statement_id] == statement_id)
        & (claims[Claims.metric] == metric)
        & (claims[Claims.surface] == surface)
    ]
    return hit[Claims.claim_id].iloc[0]


def of_rule(findings: pd.DataFrame, rule: str) -> pd.DataFrame:
    return findings[findings[Findings.rule] == rule]


def two_dates(speaker_b: str = "Ministry") -> pd.DataFrame:
    return make_statements(
        [
            {"statement_id": "early", "date": "2023-01-01", "outlet": "A", "speaker": "Ministry"},
            {"statement_id": "late", "date": "2023-06-01", "outlet": "B", "speaker": speaker_b},
        ]
    )


def test_findings_validate_and_are_stable(claims, findings):
    Findings.validate(findings)
    assert findings[Findings.finding_id].is_unique
    shuffled = claims.sample(frac=1, random_state=7).reset_index(drop=True)
    again = find_inconsistencies(shuffled, shipped_statements())
    pd.testing.assert_frame_equal(again, findings)


def test_same_quantity_twice_in_azernews(claims, findings):
    found = of_rule(findings, "same_quantity_twice")
    assert len(found) == 1
    row = found.iloc[0]
    ids = {claim_id(claims, AZERNEWS, "killed", "48"), claim_id(claims, AZERNEWS, "killed", "45")}
    assert set(row[Findings.claim_ids].split("; ")) == ids
    assert row[Findings.severity] == "contradiction"
    assert row[Findings.statement_ids] == AZERNEWS
    assert AZ_266 in row[Findings.quotes] and AZ_45 in row[Findings.quotes]


def test_repeated_identical_figure_is_not_a_finding(findings):
    # The ministry gives 65 killed twice ("65 of them ... died", "Of the 65 people killed").
    assert not findings[Findings.statement_ids].eq(MFA_2024).any()


def test_outlets_disagree_on_killed_but_agree_elsewhere(claims, findings):
    found = of_rule(findings, "outlets_disagree")
    expected = {
        claim_id(claims, AZERNEWS, "killed", "48"),
        claim_id(claims, PRESS_RELEASE, "killed", "45"),
    }
    assert any(set(ids.split("; ")) == expected for ids in found[Findings.claim_ids])
    assert len(found) == 1  # "45" printed twice by the press release is one disagreement
    killed = found[
        found[Findings.claim_ids].str.contains(claim_id(claims, AZERNEWS, "killed", "48"))
    ]
    assert (killed[Findings.severity] == "contradiction").all()
    # "three reporters" vs "3 journalists", 266 vs 266, 3,345 vs 3345 agree: no finding.
    for metric, surface in [
        ("journalists_killed", "three"),
        ("casualties", "266"),
        ("casualties", "3,345"),
    ]:
        cid = claim_id(claims, AZERNEWS, metric, surface)
        assert not found[Findings.claim_ids].str.contains(cid).any()


def test_outlets_of_different_speakers_are_not_compared():
    statements = make_statements(
        [
            {"statement_id": "x", "date": "2023-01-01", "outlet": "A", "speaker": "Ministry"},
            {"statement_id": "y", "date": "2023-01-01", "outlet": "B", "speaker": "Opposition"},
        ]
    )
    claims = synthetic_claims(
        [
            exact(s, "killed", f"{v} were killed.", str(v), v, **CF)
            for s, v in (("x", 45), ("y", 60))
        ]
    )
    assert find_inconsistencies(claims, statements).empty


def test_no_subgroup_or_cumulative_findings_on_shipped_corpus(findings):
    # 35 civilians of 45 killed, 3 journalists, 38 women of 3,345: all consistent; and
    # "more than 260" after 266 is not a fall.
    assert of_rule(findings, "subgroup_exceeds_total").empty
    assert of_rule(findings, "cumulative_series_falls").empty


def test_subgroup_exceeds_total():
    statements = two_dates()
    quote = "Of the 65 people killed, 70 were civilians and 3 were journalists."
    claims = synthetic_claims(
        [
            exact("early", "killed", quote, "65", 65, **CF),
            exact("early", "civilians_killed", quote, "70", 70, **CF),
            exact("early", "journalists_killed", quote, "3", 3, **CF),
            more_than(
                "late",
                "killed",
                "More than 40 people were killed, 45 of them civilians.",
                "More than 40",
                40,
                **CF,
            ),
            exact(
                "late",
                "civilians_killed",
                "More than 40 people were killed, 45 of them civilians.",
                "45",
                45,
                **CF,
            ),
        ]
    )
    table = ordered_claims(claims, statements)
    found = subgroup_exceeds_total(table, statements)
    assert [(f.severity, f.claims[0].surface, f.claims[1].surface) for f in found] == [
        ("contradiction", "70", "65"),
        ("warning", "45", "More than 40"),
    ]
    assert "at least 45" in found[1].message


def test_cumulative_series_falls_only_when_certain():
    statements = two_dates()
    claims = synthetic_claims(
        [
            exact("early", "casualties", "342 citizens were victims.", "342", 342, **CF),
            exact("late", "casualties", "300 citizens were victims.", "300", 300, **CF),
            exact("early", "killed", "65 were killed.", "65", 65, **CF),
            more_than("late", "killed", "more than 60 were killed.", "more than 60", 60, **CF),
            # not cumulative: a yearly figure may fall
            exact("early", "injured", "120 were injured this year.", "120", 120, period="year"),
            exact("late", "injured", "20 were injured this year.", "20", 20, period="year"),
        ]
    )
    found = cumulative_series_falls(ordered_claims(claims, statements), statements)
    assert [(f.severity, f.claims[1].surface) for f in found] == [("contradiction", "300")]


def test_long_run_grew_less_is_a_warning_when_an_open_bound_leaves_room(claims, findings):
    found = of_rule(findings, "long_run_grew_less")
    assert len(found) == 1
    row = found.iloc[0]
    assert row[Findings.severity] == "warning"
    assert "at least 3,421" in row[Findings.message]
    ids = row[Findings.claim_ids].split("; ")
    assert claim_id(claims, AA_2024, "casualties", "more than 3,400") in ids
    assert len(ids) == 4


def test_long_run_grew_less_is_a_contradiction_with_exact_figures():
    statements = two_dates()
    figures = [
        exact("early", "casualties", "Over 30 years 3,345 people.", "3,345", 3345, **LONG),
        exact("early", "casualties", "Since the war 266 people.", "266", 266, **CF),
        exact("late", "casualties", "Over 30 years 3,350 people.", "3,350", 3350, **LONG),
        exact("late", "casualties", "Since the war 342 people.", "342", 342, **CF),
    ]
    table = ordered_claims(synthetic_claims(figures), statements)
    found = long_run_grew_less(table, statements)
    assert [f.severity for f in found] == ["contradiction"]
    # Growth of 80 on the long run against 76 after the war is fine.
    figures[2] = exact("late", "casualties", "Over 30 years 3,425 people.", "3,425", 3425, **LONG)
    table = ordered_claims(synthetic_claims(figures), statements)
    assert long_run_grew_less(table, statements) == []


def test_long_run_grew_less_reports_the_contradiction_even_after_a_warning():
    statements = two_dates()
    figures = [
        # 3,345 -> "more than 3,400" against 266 -> 342 is only a warning; 3,345 -> 3,350
        # against the same is a contradiction, later in claim order but more severe.
        exact("early", "casualties", "Over 30 years 3,345 people.", "3,345", 3345, **LONG),
        exact("early", "casualties", "Since the war 266 people.", "266", 266, **CF),
        more_than(
            "late", "casualties", "More than 3,400 in 30 years.", "More than 3,400", 3400, **LONG
        ),
        exact("late", "casualties", "Over 30 years 3,350 people.", "3,350", 3350, **LONG),
        exact("late", "casualties", "Since the war 342 people.", "342", 342, **CF),
    ]
    table = ordered_claims(synthetic_claims(figures), statements)
    found = long_run_grew_less(table, statements)
    assert [(f.severity, f.claims[1].surface) for f in found] == [("contradiction", "3,350")]


# Where the range of each kind of bound starts and ends around its printed value.
SPREADS = {
    "exact": (0, 0),
    "about": (0, 0),
    "range": (-30, 30),
    "more_than": (0, None),
    "at_most": (None, 0),
}


def _claim_pool() -> tuple[list[object], list[object]]:
    """Long-run and post-war claims with every kind of bound, some without a best value."""
    figures = []
    for period, base in (("since_1990s", 3400), ("since_ceasefire", 300)):
        for i, offset in enumerate((-60, -5, 0, 5, 20, 60, 100)):
            for bound, (below, above) in SPREADS.items():
                value = float(base + offset)
                low = None if below is None else value + below
                high = None if above is None else value + above
                best = None if bound == "range" and i % 2 else value
                surface = f"{bound}{i}"
                quote = f"{period} {surface}."
                figures.append(
                    Figure("early", "casualties", quote, surface, best, low, high, bound, period)
                )
    # Nothing known: growths from or to it are NaN.
    for period in ("since_1990s", "since_ceasefire"):
        figures.append(Figure("early", "casualties", f"{period} u.", "u", None, period=period))
    table = ordered_claims(synthetic_claims(figures), two_dates())
    records = list(table.itertuples(index=False))
    return (
        [r for r in records if r.period == "since_1990s"],
        [r for r in records if r.period == "since_ceasefire"],
    )


def test_worst_combination_matches_scanning_every_combination():
    # The rule used to try all of product(l1, l2, s1, s2) and keep the first combination
    # of the highest severity; the pairwise search must pick the very same one.
    long, post = _claim_pool()
    rng = random.Random(0)
    severities = set()
    for _ in range(400):
        sides = [rng.sample(pool, rng.randint(1, 4)) for pool in (long, long, post, post)]
        worst = None
        for combination in itertools.product(*sides):
            found = _grew_less("casualties", *combination)
            if found and (
                worst is None or SEVERITIES.index(found.severity) > SEVERITIES.index(worst.severity)
            ):
                worst = found
        combination = _worst_combination(*sides)
        assert (combination and _grew_less("casualties", *combination)) == worst
        if worst:
            severities.add(worst.severity)
    assert severities == {"warning", "contradiction"}


def test_grouped_keeps_first_appearance_and_puts_missing_values_together():
    # As groupby(sort=False, dropna=False) does: None and NaN are one missing value.
    table = pd.DataFrame(
        {"area": ["x", None, "y", math.nan, "x"], "device": ["p", None, "q", None, "p"]}
    )
    table["n"] = range(len(table))
    groups = _grouped(table.itertuples(index=False), lambda r: _key(r, "area", "device"))
    assert [(key, [r.n for r in rows]) for key, rows in groups.items()] == [
        (("x", "p"), [0, 4]),
        ((None, None), [1, 3]),
        (("y", "q"), [2]),
    ]


def test_disagreeing_pairs_lists_each_pair_of_distinct_figures_once():
    statements = make_statements(
        [
            {"statement_id": "a", "date": "2023-01-01", "outlet": "A", "speaker": "Ministry"},
            {"statement_id": "b", "date": "2023-01-01", "outlet": "B", "speaker": "Ministry"},
        ]
    )
    claims = synthetic_claims(
        [
            exact("a", "killed", "45 were killed.", "45", 45, **CF),
            exact("a", "killed", "Of the 45 killed, 35 were civilians.", "45", 45, **CF),
            exact("a", "killed", "Another 50 died.", "50", 50, **CF),
            exact("b", "killed", "48 were killed.", "48", 48, **CF),
            exact("b", "killed", "Of these 50 died later.", "50", 50, **CF),
        ]
    )
    records = list(ordered_claims(claims, statements).itertuples(index=False))
    a_rows = [r for r in records if r.statement_id == "a"]
    b_rows = [r for r in records if r.statement_id == "b"]
    pairs = [(a.surface, b.surface) for a, b in _disagreeing_pairs(a_rows, b_rows)]
    # a's 45 is not in b: paired with 48 and 50, once although a prints it twice. b's 48 is
    # not in a: paired with the figure of a not listed yet, 50. The two 50s agree.
    assert pairs == [("45", "48"), ("45", "50"), ("50", "48")]


def test_qualifier_drift_reports_the_first_claims_showing_each_pair_of_qualifiers():
    statements = two_dates()
    share = "incidents_outside_maps_pct"
    claims = synthetic_claims(
        [
            about("early", share, "About 55% outside.", "About 55%", 55),
            nearly("early", share, "Nearly 60% outside.", "Nearly 60%", 60),
            nearly("late", share, "Nearly 55% outside.", "Nearly 55%", 55),
            more_than("late", share, "More than 55% outside.", "More than 55%", 55),
            about("late", share, "About 55% again.", "About 55%", 55),
        ]
    )
    found = qualifier_drift(ordered_claims(claims, statements), statements)
    assert [(f.severity, f.claims[0].quote, f.claims[1].quote) for f in found] == [
        ("info", "About 55% outside.", "Nearly 55% outside."),
        ("info", "About 55% outside.", "More than 55% outside."),
        ("warning", "Nearly 55% outside.", "More than 55% outside."),
    ]


def test_qualifier_drift(findings):
    found = of_rule(findings, "qualifier_drift")
    summary = {
        (msg.split("qualifier ")[-1], sev)
        for msg, sev in zip(found[Findings.message], found[Findings.severity], strict=True)
    }
    assert ("about -> more_than", "info") in summary
    assert ("nearly -> more_than", "warning") in summary
    assert ("nearly -> exact", "info") in summary  # "barely 25 percent" vs "only 25%"
    # The same qualifier repeated ("only 25%" three times) is not drift.
    assert ("exact -> exact", "info") not in summary


def test_hundreds_of_thousands_to_more_than_a_million_changes_order_of_magnitude(findings):
    found = of_rule(findings, "order_of_magnitude_change")
    assert len(found) == 1
    assert set(found.iloc[0][Findings.statement_ids].split("; ")) == {UN_LETTER, MFA_2024}
    assert "hundreds of thousands" in found.iloc[0][Findings.quotes]


def test_neighbouring_figures_across_a_power_of_ten_are_not_flagged():
    statements = two_dates()
    claims = synthetic_claims(
        [
            exact("early", "mines_laid", "About 900 mines were laid.", "900", 900),
            exact("late", "mines_laid", "Some 1,100 mines were laid.", "1,100", 1100),
        ]
    )
    assert order_of_magnitude_change(ordered_claims(claims, statements), statements) == []


def test_order_of_magnitude_change_fires_on_tenfold():
    statements = two_dates()
    claims = synthetic_claims(
        [
            Figure(
                "early",
                "mines_laid",
                "Tens of thousands of mines were laid.",
                "Tens of thousands",
                None,
                20000,
                99999,
                "range",
            ),
            more_than(
                "late",
                "mines_laid",
                "The number of mines exceeds 1 million.",
                "exceeds 1 million",
                1_000_000,
            ),
        ]
    )
    table = ordered_claims(claims, statements)
    found = order_of_magnitude_change(table, statements)
    assert len(found) == 1 and found[0].severity == "warning"
    ranged = table[table[Claims.bound] == "range"].iloc[0]
    assert representative(ranged) == pytest.approx((20000 * 99999) ** 0.5)


def test_rules_are_registered_in_order():
    assert [rule.__name__ for rule in RULES] == [
        "same_quantity_twice",
        "outlets_disagree",
        "subgroup_exceeds_total",
        "cumulative_series_falls",
        "long_run_grew_less",
        "qualifier_drift",
        "order_of_magnitude_change",
    ]


def test_findings_are_in_rule_order(findings):
    order = [rule.__name__ for rule in RULES]
    positions = [order.index(rule) for rule in findings[Findings.rule]]
    assert positions == sorted(positions)


def test_no_claims_gives_an_empty_valid_table(claims):
    empty = find_inconsistencies(claims.iloc[:0], shipped_statements())
    assert empty.empty
    Findings.validate(empty)
