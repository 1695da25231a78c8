"""Select the claims a notebook's parameters ask for: metrics, period and a date window."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import yaml

from analysis.schema import MENTION_UNCLASSIFIED, Claims, Evolution, Mentions, Statements


def in_window(dates: pd.Series, date_from: str = "", date_to: str = "") -> pd.Series:
    """True where an ISO date lies in [date_from, date_to] ("" leaves that end open).

    With no window every row is kept, undated ones included; with a window undated rows are
    dropped, since nobody can say whether they fall inside it.
    """
    if not (date_from or date_to):
        return pd.Series(True, index=dates.index)
    keep = dates.notna()
    if date_from:
        keep &= dates.fillna("") >= date_from
    if date_to:
        keep &= dates.fillna("") <= date_to
    return keep


def select_statements(
    statements: pd.DataFrame, date_from: str = "", date_to: str = ""
) -> pd.DataFrame:
    return statements[in_window(statements[Statements.date], date_from, date_to)]


def select_claims(
    claims: pd.DataFrame,
    statements: pd.DataFrame,
    metrics: Sequence[str] = (),
    period: str = "",
    date_from: str = "",
    date_to: str = "",
) -> pd.DataFrame:
    """Claims of the given metrics (all if empty) and period ("" for all) from statements
    dated inside the window."""
    dates = claims[Claims.statement_id].map(
        statements.set_index(Statements.statement_id)[Statements.date]
    )
    keep = in_window(dates, date_from, date_to)
    if metrics:
        keep &= claims[Claims.metric].isin(list(metrics))
    if period:
        keep &= claims[Claims.period] == period
    return claims[keep]


def select_evolution(
    evolution: pd.DataFrame,
    metrics: Sequence[str] = (),
    period: str = "",
    date_from: str = "",
    date_to: str = "",
) -> pd.DataFrame:
    """Rows of the evolution table of the given metrics and period from statements dated
    inside the window. Each row keeps its previous claim, which may lie before the window."""
    keep = in_window(evolution[Evolution.date], date_from, date_to)
    if metrics:
        keep &= evolution[Evolution.metric].isin(list(metrics))
    if period:
        keep &= evolution[Evolution.period] == period
    return evolution[keep]


def review_entries(mentions: pd.DataFrame) -> pd.DataFrame:
    """The numbers the rules could not place, each with an ``annotations.yml`` entry ready to
    paste: the analyst fills in what the figure is (an entry left as it is stops the run)."""
    unclassified = mentions[mentions[Mentions.status] == MENTION_UNCLASSIFIED]
    rows = [
        {
            Mentions.statement_id: row.statement_id,
            Mentions.surface: row.surface,
            Mentions.context: row.context,
            "entry": annotation_entry(row.statement_id, row.surface, row.context),
        }
        for row in unclassified.itertuples()
    ]
    columns = [Mentions.statement_id, Mentions.surface, Mentions.context, "entry"]
    return pd.DataFrame(rows, columns=columns)


def annotation_entry(statement_id: str, surface: str, quote: str | None) -> str:
    """An ``annotations.yml`` entry adding the figure ``surface`` as a claim."""
    entry = {
        "statement_id": statement_id,
        "quote": quote or surface,
        "surface": surface,
        "action": "add",
        "set": {"metric": "?", "bound": "?", "unit": "?", "period": "?"},
        "reason": "?",
    }
    text = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=10_000)
    note = "# replace each ? (vocabulary.yml lists the names); or drop the entry\n"
    if not quote:
        note += "# the sentence occurs more than once: make the quote unique\n"
    return note + text
