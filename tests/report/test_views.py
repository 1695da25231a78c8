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
