"""Pieces of the entry page: statements in date order, parameters, the claims browser."""

from __future__ import annotations

import re

from claims_factory import make_statements, shipped_claims, shipped_statements

from analysis.report.index import (
    claims_browser,
    in_date_order,
    parameters_html,
    parameters_text,
    selection_notice,
    statements_table,
)


def test_statements_in_date_order_undated_last_and_no_nan():
    statements = make_statements(
        [
            {"statement_id": "late", "date": "2025-09-30", "outlet": "B"},
            {"statement_id": "undated", "date": None, "outlet": None},
            {"statement_id": "early", "date": "2025-03-01", "outlet": "A"},
        ]
    )
    statements["sha256"] = float("nan")  # as read back from a CSV with empty cells
    assert in_date_order(statements)["statement_id"].tolist() == ["early", "late", "undated"]
    html = statements_table(statements)
    ids = re.findall(r'href="statements/([\w-]+)\.html"', html)
    assert ids == ["early", "late", "undated"]
    assert "nan" not in html.lower().replace("not pinned", "")
    assert "No statement in this selection" in statements_table(statements.iloc[:0])


def test_parameters_and_selection_notice():
    plumbing = {"tables": "../data/processed", "check_corpus": False}
    assert parameters_text(plumbing).startswith("ran with its default parameters")
    assert selection_notice({**plumbing, "metrics": [], "date_to": ""}) == ""
    chosen = {**plumbing, "metrics": ["killed"], "date_to": "2023-12-31"}
    assert parameters_text(chosen) == "ran with date_to='2023-12-31', metrics=['killed']"
    html = parameters_html(chosen)
    assert 'class="notice"' in html and "selection of the claims" in html
    assert "&#x27;2023-12-31&#x27;" in html  # escaped


def test_claims_browser_lists_every_claim_with_sort_keys():
    claims, statements = shipped_claims(), shipped_statements()
    html = claims_browser(claims, statements)
    rows = re.findall(r"<tr><td", html)
    assert len(rows) == len(claims)
    assert "<script>" in html and 'id="claims-search"' in html
    assert "http" not in html  # nothing to fetch from anywhere
    # Numbers carry a machine-readable sort key beside the figure as a reader sees it.
    assert '<td data-sort="3345.0">3,345</td>' in html
    empty = claims_browser(claims.iloc[:0], statements)
    assert "No claims" in empty and "<table" not in empty
