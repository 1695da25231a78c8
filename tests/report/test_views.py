from __future__ import annotations

import pandas as pd

from analysis.report.views import in_window, select_claims, select_statements

STATEMENTS = pd.DataFrame(
    {
        "statement_id": ["oct", "dec", "jan", "undated"],
        "date": ["2022-10-25", "2022-12-03", "2024-01-26", None],
    }
)
CLAIMS = pd.DataFrame(
    {
        "statement_id": ["oct", "oct", "dec", "jan", "undated"],
        "metric": ["killed", "casualties", "casualties", "killed", "killed"],
        "period": ["since_ceasefire", "since_1990s", "since_ceasefire", "since_ceasefire", "year"],
    }
)


def test_no_window_keeps_everything_including_undated() -> None:
    assert in_window(STATEMENTS["date"]).all()
    assert len(select_claims(CLAIMS, STATEMENTS)) == len(CLAIMS)


def test_window_ending_before_2024_drops_later_and_undated_statements() -> None:
    kept = select_statements(STATEMENTS, date_to="2023-12-31")
    assert kept["statement_id"].tolist() == ["oct", "dec"]
    claims = select_claims(CLAIMS, STATEMENTS, date_to="2023-12-31")
    assert set(claims["statement_id"]) == {"oct", "dec"}


def test_metrics_and_period_filters_combine() -> None:
    chosen = select_claims(CLAIMS, STATEMENTS, metrics=["killed"], period="since_ceasefire")
    assert chosen["statement_id"].tolist() == ["oct", "jan"]
    assert select_claims(CLAIMS, STATEMENTS, date_from="2022-11-01", date_to="2022-12-31")[
        "statement_id"
    ].tolist() == ["dec"]


def test_each_unclassified_number_gets_an_entry_that_review_refuses_until_filled() -> None:
    import yaml

    from analysis.report.views import review_entries
    from analysis.schema import Mentions, mentions_table

    mentions = mentions_table(
        [
            {
                Mentions.statement_id: "a",
                Mentions.char_start: 18,
                Mentions.char_end: 20,
                Mentions.surface: "14",
                Mentions.status: "unclassified",
                Mentions.context: "The committee met 14 delegations.",
            },
            {
                Mentions.statement_id: "a",
                Mentions.char_start: 0,
                Mentions.char_end: 4,
                Mentions.surface: "2021",
                Mentions.status: "not_a_claim",
                Mentions.reason: "year",
            },
        ]
    )
    [entry] = review_entries(mentions)["entry"]
    [parsed] = yaml.safe_load(entry)
    assert parsed["quote"] == "The committee met 14 delegations."
    assert parsed["surface"] == "14" and parsed["action"] == "add"
    assert parsed["set"]["metric"] == "?"  # not a metric: the run stops until it is filled
