"""The accuracy evaluator: matching, scores, field agreement, non-claims and the report."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pandas as pd
import pytest

from analysis.errors import AnalysisError
from analysis.evaluate import (
    NOT_FOUND,
    NOT_IN_GOLD,
    PARTIAL_SURFACE,
    STATEMENT_NOT_IN_GOLD,
    WRONG_METRIC,
    format_report,
    load_gold,
    load_nonclaims,
    nonclaim_violations,
    normalise_surface,
    score,
)
from analysis.schema import Claims

DEVCORPUS = Path(__file__).resolve().parent / "fixtures" / "devcorpus"
GOLD_HEADER = (
    "statement_id,surface,metric,bound,value_low,value_best,value_high,unit,period,"
    "period_start,period_end,area,device\n"
)

TEXT_A = (
    "Since the ceasefire, mines have hit 112 people: 24 were killed and 88 injured. "
    "More than 3,300 citizens fell victim since 1991. Press release No:109/19 was issued."
)
TEXT_B = "In 2022, 612.4 ha were cleared and 96 anti-personnel mines found."


def claim(
    statement_id: str,
    surface: str,
    metric: str,
    text: str,
    nth: int = 0,
    **fields: object,
) -> dict[str, object]:
    """A claim row whose offsets point at the ``nth`` occurrence of ``surface`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    row: dict[str, object] = {
        Claims.claim_id: f"{statement_id}:{start}-{start + len(surface)}",
        Claims.statement_id: statement_id,
        Claims.metric: metric,
        Claims.value_low: None,
        Claims.value_best: None,
        Claims.value_high: None,
        Claims.bound: "exact",
        Claims.unit: "people",
        Claims.period: "unspecified",
        Claims.period_start: None,
        Claims.period_end: None,
        Claims.area: None,
        Claims.device: None,
        Claims.surface: surface,
        Claims.quote: text,
        Claims.char_start: start,
        Claims.char_end: start + len(surface),
        Claims.method: "rule",
    }
    row.update(fields)
    return row


def claims_frame(*rows: dict[str, object]) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows))
    for column in (Claims.value_low, Claims.value_best, Claims.value_high):
        frame[column] = frame[column].astype("float64")
    return frame


def gold_frame(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["statement_id", "surface", "metric"])


# --- matching --------------------------------------------------------------------------


def test_a_gold_listed_twice_and_found_once_gives_recall_one_half():
    gold = gold_frame(("a", "112", "casualties"), ("a", "112", "casualties"))
    claims = claims_frame(claim("a", "112", "casualties", TEXT_A))

    ev = score(claims, gold)

    assert (ev.matched, ev.gold, ev.extracted) == (1, 2, 1)
    assert ev.recall == 0.5
    assert ev.precision == 1.0
    assert ev.misses[["surface", "metric", "reason"]].values.tolist() == [
        ["112", "casualties", NOT_FOUND]
    ]
    assert ev.extras.empty


def test_one_gold_row_is_matched_by_one_claim_only():
    gold = gold_frame(("a", "112", "casualties"))
    claims = claims_frame(
        claim("a", "112", "casualties", TEXT_A), claim("a", "112", "casualties", TEXT_A)
    )

    ev = score(claims, gold)

    assert (ev.matched, ev.recall, ev.precision) == (1, 1.0, 0.5)
    assert ev.extras[["surface", "reason"]].values.tolist() == [["112", NOT_IN_GOLD]]


def test_surfaces_are_compared_with_white_space_normalised():
    text = "Mines killed more than\n3,100 people."
    gold = gold_frame(("a", "more than\n3,100", "killed"))
    claims = claims_frame(claim("a", "more than\n3,100", "killed", text))
    claims[Claims.surface] = "more  than 3,100"

    ev = score(claims, gold)

    assert ev.matched == 1
    assert normalise_surface(" more than\n\t3,100 ") == "more than 3,100"


def test_statement_surface_and_metric_must_all_be_equal():
    gold = gold_frame(("a", "24", "killed"))
    other_statement = claims_frame(claim("b", "96", "killed", TEXT_B))
    other_statement[Claims.surface] = "24"

    ev = score(other_statement, gold)

    assert ev.matched == 0
    assert ev.misses["reason"].tolist() == [NOT_FOUND]
    assert ev.extras["reason"].tolist() == [STATEMENT_NOT_IN_GOLD]


def test_a_metric_error_is_reported_with_the_metric_found():
    gold = gold_frame(("a", "112", "casualties"), ("a", "88", "injured"))
    claims = claims_frame(claim("a", "112", "killed", TEXT_A), claim("a", "88", "injured", TEXT_A))

    ev = score(claims, gold)

    assert (ev.matched, ev.surface_matched) == (1, 2)
    assert ev.surface_recall == 1.0
    miss = ev.misses.iloc[0]
    assert (miss["surface"], miss["metric"], miss["reason"], miss["found_metric"]) == (
        "112",
        "casualties",
        WRONG_METRIC,
        "killed",
    )
    extra = ev.extras.iloc[0]
    assert (extra["surface"], extra["reason"], extra["gold_metric"]) == (
        "112",
        WRONG_METRIC,
        "casualties",
    )


def test_a_partial_surface_is_told_apart_from_a_number_not_found():
    gold = gold_frame(("a", "More than 3,300", "casualties"), ("a", "3", "casualties"))
    claims = claims_frame(claim("a", "3,300", "casualties", TEXT_A))

    ev = score(claims, gold)

    reasons = dict(zip(ev.misses["surface"], ev.misses["reason"], strict=True))
    assert reasons == {"More than 3,300": PARTIAL_SURFACE, "3": NOT_FOUND}
    assert ev.misses.set_index("surface").loc["More than 3,300", "found_surface"] == "3,300"
    assert ev.extras["reason"].tolist() == [PARTIAL_SURFACE]


def test_extras_list_statement_surface_metric_and_quote_in_order():
    gold = gold_frame(("a", "24", "killed"))
    claims = claims_frame(
        claim("b", "96", "mines_found", TEXT_B, unit="mines"),
        claim("a", "88", "injured", TEXT_A),
        claim("a", "24", "killed", TEXT_A),
        claim("a", "112", "casualties", TEXT_A),
    )

    ev = score(claims, gold)

    assert ev.extras[["statement_id", "surface", "metric", "reason"]].values.tolist() == [
        ["a", "112", "casualties", NOT_IN_GOLD],
        ["a", "88", "injured", NOT_IN_GOLD],
        ["b", "96", "mines_found", STATEMENT_NOT_IN_GOLD],
    ]
    assert ev.extras["quote"].tolist() == [TEXT_A, TEXT_A, TEXT_B]


def test_per_metric_counts_recall_and_precision():
    gold = gold_frame(
        ("a", "112", "casualties"),
        ("a", "24", "killed"),
        ("a", "88", "injured"),
        ("b", "612.4 ha", "area_cleared_ha"),
    )
    claims = claims_frame(
        claim("a", "112", "casualties", TEXT_A),
        claim("a", "24", "killed", TEXT_A),
        claim("a", "88", "killed", TEXT_A),
        claim("b", "96", "mines_found", TEXT_B, unit="mines"),
    )

    ev = score(claims, gold)

    table = ev.per_metric.set_index("metric")
    assert table.loc["killed", ["gold", "extracted", "matched"]].tolist() == [1, 2, 1]
    assert table.loc["killed", "precision"] == 0.5
    assert table.loc["injured", ["gold", "extracted", "matched", "recall"]].tolist() == [
        1,
        0,
        0,
        0.0,
    ]
    # Nothing extracted: precision is 1.0 by convention, never NaN.
    assert table.loc["injured", "precision"] == 1.0
    assert table.loc["mines_found", ["gold", "recall", "precision"]].tolist() == [0, 1.0, 0.0]
    assert table.loc["area_cleared_ha", "recall"] == 0.0
    assert (ev.recall, ev.precision) == (0.5, 0.5)
    assert not ev.per_metric[["recall", "precision"]].isna().any().any()


def test_empty_tables_score_one_not_nan():
    ev = score(claims_frame(claim("a", "24", "killed", TEXT_A)).iloc[:0], gold_frame())

    assert (ev.recall, ev.precision, ev.matched) == (1.0, 1.0, 0)
    assert ev.per_metric.empty


def test_field_agreement_on_matched_rows():
    gold = pd.read_csv(
        io.StringIO(
            GOLD_HEADER
            + "a,112,casualties,exact,112,112,112,people,since_ceasefire,2020-11-10,2021-04-04,,\n"
            + "a,24,killed,exact,24,24,24,people,since_ceasefire,2020-11-10,2021-04-04,,\n"
            + "b,96,mines_found,exact,96,96,96,mines,year,2022-01-01,2022-12-31,,anti_personnel\n"
            + "b,612.4 ha,area_cleared_ha,exact,612.4,612.4,612.4,hectares,year,"
            + "2022-01-01,2022-12-31,Fuzuli,\n"
        )
    )
    since = {
        "period": "since_ceasefire",
        "period_start": "2020-11-10",
        "period_end": "2021-04-04",
    }
    year = {"period": "year", "period_start": "2022-01-01", "period_end": "2022-12-31"}
    claims = claims_frame(
        claim("a", "112", "casualties", TEXT_A, value_low=112, value_best=112, value_high=112)
        | since,
        # period not carried on from the sentence before
        claim("a", "24", "killed", TEXT_A, value_low=24, value_best=24, value_high=24),
        claim(
            "b",
            "96",
            "mines_found",
            TEXT_B,
            value_low=96,
            value_best=96,
            value_high=96,
            unit="mines",
            device="anti_personnel",
        )
        | year,
        # value within the relative tolerance; area missed
        claim(
            "b",
            "612.4 ha",
            "area_cleared_ha",
            TEXT_B,
            value_low=612.4 * (1 + 1e-12),
            value_best=612.4,
            value_high=612.4,
            unit="hectares",
        )
        | year,
    )

    ev = score(claims, gold)

    agreement = dict(zip(ev.fields["field"], ev.fields["agreement"], strict=True))
    assert ev.matched == 4
    assert set(agreement) == {
        "bound",
        "value_low",
        "value_best",
        "value_high",
        "unit",
        "period",
        "period_start",
        "period_end",
        "area",
        "device",
    }
    assert agreement["value_low"] == agreement["value_best"] == agreement["unit"] == 1.0
    assert agreement["period"] == agreement["period_start"] == agreement["period_end"] == 0.75
    assert agreement["area"] == 0.75
    assert agreement["device"] == 1.0  # empty equals empty
    disagreements = ev.disagreements[["surface", "field", "gold", "extracted"]]
    wrong = disagreements.fillna("").values.tolist()
    assert ["24", "period", "since_ceasefire", "unspecified"] in wrong
    assert ["612.4 ha", "area", "Fuzuli", ""] in wrong
    assert len(wrong) == 4


def test_field_agreement_skips_fields_the_gold_does_not_have():
    gold = gold_frame(("a", "24", "killed")).assign(bound="about")
    ev = score(claims_frame(claim("a", "24", "killed", TEXT_A)), gold)

    assert ev.fields[["field", "compared", "agreed"]].values.tolist() == [["bound", 1, 0]]


def test_a_value_differing_beyond_the_tolerance_disagrees():
    gold = gold_frame(("a", "24", "killed")).assign(value_best=24.0)
    claims = claims_frame(claim("a", "24", "killed", TEXT_A, value_best=24.001))

    ev = score(claims, gold)

    assert ev.fields.set_index("field").loc["value_best", "agreement"] == 0.0
    assert not math.isnan(ev.fields["agreement"].iloc[0])


# --- non-claims ------------------------------------------------------------------------


def test_a_claim_inside_a_printed_nonclaim_is_a_violation():
    texts = {"a": TEXT_A}
    nonclaims = pd.DataFrame(
        [("a", "No:109/19", "press release number"), ("a", "since 1991", "date")],
        columns=["statement_id", "surface", "why"],
    )
    claims = claims_frame(
        claim("a", "109", "casualties", TEXT_A),
        claim("a", "1991", "casualties", TEXT_A),
        claim("a", "112", "casualties", TEXT_A),
    )

    violations = nonclaim_violations(claims, nonclaims, texts)

    assert violations[["surface", "nonclaim", "why"]].values.tolist() == [
        ["109", "No:109/19", "press release number"],
        ["1991", "since 1991", "date"],
    ]


def test_a_claim_surface_inside_a_nonclaim_elsewhere_in_the_text_is_no_violation():
    # "3" occurs inside "No:3/21", but this claim's span is the "3" of "3 people".
    text = "Statement No:3/21. Mines killed 3 people."
    nonclaims = pd.DataFrame(
        [("a", "No:3/21", "statement number")], columns=["statement_id", "surface", "why"]
    )
    claims = claims_frame(claim("a", "3", "killed", text, nth=1))
    assert claims[Claims.char_start].iat[0] == text.index("3 people")

    assert nonclaim_violations(claims, nonclaims, {"a": text}).empty

    at_the_number = claims_frame(claim("a", "3", "killed", text, nth=0))
    assert len(nonclaim_violations(at_the_number, nonclaims, {"a": text})) == 1


def test_a_nonclaim_with_a_line_break_is_found_across_white_space():
    text = "Page 14\nof 40. Mines killed 14 people."
    nonclaims = pd.DataFrame(
        [("a", "Page 14 of 40", "page furniture")], columns=["statement_id", "surface", "why"]
    )
    claims = claims_frame(claim("a", "14", "killed", text))

    violations = nonclaim_violations(claims, nonclaims, {"a": text})

    assert violations["char_start"].tolist() == [5]


def test_nonclaims_need_the_text_of_a_statement_with_claims():
    nonclaims = pd.DataFrame(
        [("a", "No:109/19", "number")], columns=["statement_id", "surface", "why"]
    )
    claims = claims_frame(claim("a", "109", "casualties", TEXT_A))

    with pytest.raises(AnalysisError, match="statement 'a'"):
        nonclaim_violations(claims, nonclaims, {})


# --- reading the gold ------------------------------------------------------------------


def test_load_gold_reads_values_as_floats_and_empty_cells_as_none(tmp_path):
    path = tmp_path / "gold.csv"
    path.write_text(
        GOLD_HEADER + 'a,"more than\n3,100",killed,more_than,3100,3100,,people,unspecified,,,,\n',
        encoding="utf-8",
    )

    gold = load_gold(path)

    row = gold.iloc[0]
    assert row["surface"] == "more than\n3,100"
    assert (row["value_low"], row["value_best"]) == (3100.0, 3100.0)
    assert math.isnan(row["value_high"])
    assert row["area"] is None


def test_a_missing_gold_file_is_a_one_line_error_naming_it(tmp_path):
    path = tmp_path / "nowhere.csv"

    with pytest.raises(AnalysisError) as error:
        load_gold(path)

    message = str(error.value)
    assert str(path) in message
    assert "\n" not in message


def test_a_missing_gold_column_is_a_one_line_error_naming_file_and_column(tmp_path):
    path = tmp_path / "gold.csv"
    path.write_text("statement_id,surface,bound\na,24,exact\n", encoding="utf-8")

    with pytest.raises(AnalysisError) as error:
        load_gold(path)

    message = str(error.value)
    assert str(path) in message
    assert "metric" in message
    assert "\n" not in message


def test_a_non_numeric_gold_value_is_an_error_naming_the_row(tmp_path):
    path = tmp_path / "gold.csv"
    path.write_text("statement_id,surface,metric,value_best\na,24,killed,x24\n", encoding="utf-8")

    with pytest.raises(AnalysisError, match=r"row 2: value_best 'x24'"):
        load_gold(path)


def test_load_nonclaims_requires_statement_and_surface(tmp_path):
    path = tmp_path / "nonclaims.csv"
    path.write_text("statement_id,why\na,date\n", encoding="utf-8")

    with pytest.raises(AnalysisError, match="surface"):
        load_nonclaims(path)


# --- report ----------------------------------------------------------------------------


def test_report_lists_scores_misses_extras_and_violations_in_order():
    gold = gold_frame(
        ("b", "612.4 ha", "area_cleared_ha"), ("a", "112", "casualties"), ("a", "24", "killed")
    )
    claims = claims_frame(
        claim("a", "112", "killed", TEXT_A),
        claim("a", "24", "killed", TEXT_A),
        claim("a", "109", "casualties", TEXT_A),
    )
    nonclaims = pd.DataFrame(
        [("a", "No:109/19", "press release number")], columns=["statement_id", "surface", "why"]
    )
    ev = score(claims, gold)
    violations = nonclaim_violations(claims, nonclaims, {"a": TEXT_A})

    report = format_report(ev, violations=violations)

    assert report.splitlines()[0].startswith("Recall 1/3 = 33.3%; precision 1/3 = 33.3%")
    assert "wrong metric: killed" in report
    assert "not found" in report
    assert "No:109/19" in report
    misses = report[report.index("Misses") : report.index("Extras")]
    assert misses.index("112") < misses.index("612.4 ha")
    assert report == format_report(score(claims.iloc[::-1], gold.iloc[::-1]), violations=violations)


def test_report_shows_at_most_max_rows_per_list():
    gold = gold_frame(*[("a", str(n), "killed") for n in range(5)])
    report = format_report(score(claims_frame(claim("a", "24", "killed", TEXT_A)), gold), 2)

    assert "... 3 more" in report


# --- end to end ------------------------------------------------------------------------


def test_score_runs_on_the_extractor_output_for_the_devcorpus():
    from analysis.pipeline import build_tables

    claims = build_tables(DEVCORPUS).claims
    gold = load_gold(DEVCORPUS / "gold_claims.csv")

    ev = score(claims, gold)

    assert ev.gold == len(gold) > 0
    assert ev.extracted == len(claims) > 0
    for value in (ev.recall, ev.precision, ev.surface_recall):
        assert 0.0 <= value <= 1.0
    assert ev.per_metric[["recall", "precision"]].stack().between(0, 1).all()
    assert ev.fields["agreement"].between(0, 1).all()
    assert ev.matched + len(ev.misses) == ev.gold
    assert format_report(ev).startswith("Recall ")
