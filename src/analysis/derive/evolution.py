"""How each reported figure changed from statement to statement.

A *series* is one quantity: a (metric, period, area, device) combination. Its rows are the
claims in date order. For each claim the table names a *previous* claim and gives derived
arithmetic on the two (``delta_best``, ``days_since_previous``, ``rate_per_30_days``); those
columns are never reported figures and the notebooks present them as arithmetic on claims.

Choice of the previous claim (deterministic):

* Claims are ordered by date, then by the statement's row in the manifest, then by position
  in the text. Figures from different statements of the same day stay separate rows: they
  are never summed or averaged.
* The previous claim is the *last* claim (in that order) of the most recent *earlier* date.
  So two outlets reporting on the same later day are both compared with the same earlier
  figure, not with each other.
* Only when a series has no earlier date (its first day) is a claim compared with the
  claim before it on the same day: ``days_since_previous`` is 0, there is no rate, and the
  change is ``same_day`` (simultaneous reports differing is a consistency question for
  :mod:`analysis.derive.findings`, not a change over time).
* Claims of statements without a date are kept (change ``undated``) after the dated rows
  of their series; they have no previous claim and are never anyone's previous claim.

Direction uses intervals, never the best values alone: "more than 260" after "266" could be
266 again, so it is ``not_comparable`` rather than a fall. See :func:`interval`. Differences
and rates need one number on each side: where either claim has an open bound or is a range
they stay empty (:func:`analysis.derive.intervals.why_not_comparable` says why).
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import math

import pandas as pd

from analysis.derive.intervals import claim_interval, compare, why_not_comparable
from analysis.schema import (
    DIFF_STATUSES,
    FIRST,
    LIST_SEPARATOR,
    SAME_DAY,
    UNDATED,
    Claims,
    Evolution,
    Statements,
    columns,
    empty,
    is_missing,
)

SERIES_KEY: list[str] = [Claims.metric, Claims.period, Claims.area, Claims.device]


# Columns of ``changes_between_dates`` (a presentation table, not a schema'd one). The derived
# columns name the two claims they come from (``from_claim_id``, ``to_claim_id``).
CHANGE_COLUMNS = [
    "quantity",
    "from_date",
    "from_figure",
    "to_date",
    "to_figure",
    "change",
    "bound_change",
    "difference (derived)",
    "days",
    "per 30 days (derived)",
    "why no difference",
    "from_claim_id",
    "to_claim_id",
]
# Columns of ``claim_diff``.
DIFF_COLUMNS = [
    Evolution.series,
    *SERIES_KEY,
    "from_date",
    "to_date",
    "status",
    "from_figures",
    "to_figures",
    "from_claim_ids",
    "to_claim_ids",
]
ADDED, DROPPED, CHANGED, SAME = DIFF_STATUSES


def series_label(metric: str, period: str, area: str | None, device: str | None) -> str:
    """A readable, unique series key: ``metric/period[@area][#device]``."""
    label = f"{metric}/{period}"
    if not is_missing(area):
        label += f"@{area}"
    if not is_missing(device):
        label += f"#{device}"
    return label


def ordered_claims(claims: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """Claims joined with their statement's date, outlet and speaker, in series order.

    Adds ``series`` and a helper column ``_order`` (manifest row of the statement); sorted by
    series, date (undated last), manifest row, then text position.
    """
    info = statements[
        [Statements.statement_id, Statements.date, Statements.outlet, Statements.speaker]
    ].copy()
    info["_order"] = range(len(info))
    unknown = set(claims[Claims.statement_id]) - set(info[Statements.statement_id])
    if unknown:
        raise ValueError(f"claims name statements not in the statements table: {sorted(unknown)}")
    table = claims.merge(info, on=Claims.statement_id, how="left", validate="many_to_one")
    table[Evolution.series] = [
        series_label(*key) for key in table[SERIES_KEY].itertuples(index=False, name=None)
    ]
    table["_undated"] = table[Statements.date].isna()
    table = table.sort_values(
        [Evolution.series, "_undated", Statements.date, "_order", Claims.char_start],
        kind="mergesort",
    )
    return table.drop(columns="_undated").reset_index(drop=True)


def build_evolution(claims: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """One row per claim, grouped by series in date order, with derived change columns.

    Returns a table validated against :class:`analysis.schema.Evolution`.
    """
    table = ordered_claims(claims, statements)
    if table.empty:
        return Evolution.validate(empty(Evolution))
    derived = {
        Evolution.previous_claim_id: [],
        Evolution.delta_best: [],
        Evolution.days_since_previous: [],
        Evolution.rate_per_30_days: [],
        Evolution.bound_change: [],
        Evolution.change: [],
    }
    # Read row by row: object columns iterate many times faster than Arrow-backed strings.
    for _, rows in table.astype(object).groupby(Evolution.series, sort=False):
        for step in _series_steps(rows):
            for name, value in step.items():
                derived[name].append(value)
    for name, values in derived.items():
        table[name] = values
    for name in (Evolution.delta_best, Evolution.days_since_previous, Evolution.rate_per_30_days):
        table[name] = table[name].astype("float64")
    for name in (Evolution.previous_claim_id, Evolution.bound_change, Evolution.change):
        table[name] = table[name].astype("str").where(table[name].notna(), None)
    return Evolution.validate(table[columns(Evolution)].reset_index(drop=True))


def _series_steps(rows: pd.DataFrame) -> list[dict[str, object]]:
    """The derived columns of each row of one series (rows already in series order)."""
    steps = []
    records = list(rows.itertuples(index=False))
    dated = [r for r in records if not is_missing(getattr(r, Statements.date))]
    dates = [getattr(r, Statements.date) for r in dated]  # ascending: rows are in series order
    for i, row in enumerate(records):
        date = getattr(row, Statements.date)
        if is_missing(date):
            steps.append(_step(None, None, UNDATED))
            continue
        earlier = bisect.bisect_left(dates, date)  # how many rows have an earlier date
        if earlier:
            steps.append(_step(row, dated[earlier - 1], None))
        elif i > 0:
            # First day of the series: compare with the report just before it that day.
            steps.append(_step(row, records[i - 1], SAME_DAY))
        else:
            steps.append(_step(None, None, FIRST))
    return steps


def _step(row: object, previous: object, label: str | None) -> dict[str, object]:
    if previous is None:
        return {
            Evolution.previous_claim_id: None,
            Evolution.delta_best: math.nan,
            Evolution.days_since_previous: math.nan,
            Evolution.rate_per_30_days: math.nan,
            Evolution.bound_change: None,
            Evolution.change: label,
        }
    days = float(
        (
            datetime.date.fromisoformat(getattr(row, Statements.date))
            - datetime.date.fromisoformat(getattr(previous, Statements.date))
        ).days
    )
    best, prev_best = getattr(row, Claims.value_best), getattr(previous, Claims.value_best)
    # No arithmetic on an open bound or a range: "266" then "more than 260" is not a fall of 6.
    comparable = why_not_comparable(previous, row) is None
    delta = best - prev_best if comparable else math.nan
    # A rate over zero days is undefined, not infinite.
    rate = delta / days * 30 if days > 0 and not math.isnan(delta) else math.nan
    bound, prev_bound = getattr(row, Claims.bound), getattr(previous, Claims.bound)
    return {
        Evolution.previous_claim_id: getattr(previous, Claims.claim_id),
        Evolution.delta_best: delta,
        Evolution.days_since_previous: days,
        Evolution.rate_per_30_days: rate,
        Evolution.bound_change: f"{prev_bound} -> {bound}" if bound != prev_bound else None,
        Evolution.change: label or compare(claim_interval(previous), claim_interval(row)),
    }


def claim_diff(claims: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """Which series were added, changed, unchanged or dropped between consecutive dates.

    The dates are those of all dated statements of the corpus. For each pair of consecutive
    dates and each series reported on either date, ``status`` is ``added`` (only on the
    later date), ``dropped`` (only on the earlier), ``unchanged`` (the same set of figures,
    compared by bound and values) or ``changed``. Figures are listed as
    ``surface [outlet]`` joined by the list separator. Undated statements are not part of any pair.
    """
    table = ordered_claims(claims, statements)
    table = table[table[Statements.date].notna()]
    dates = sorted(statements[Statements.date].dropna().unique())
    records = []
    for before, after in itertools.pairwise(dates):
        pair = table[table[Statements.date].isin([before, after])]
        for series, rows in pair.groupby(Evolution.series, sort=True):
            old = rows[rows[Statements.date] == before]
            new = rows[rows[Statements.date] == after]
            if old.empty:
                status = ADDED
            elif new.empty:
                status = DROPPED
            else:
                status = SAME if _figure_set(old) == _figure_set(new) else CHANGED
            first = rows.iloc[0]
            records.append(
                {
                    Evolution.series: series,
                    **{key: first[key] for key in SERIES_KEY},
                    "from_date": before,
                    "to_date": after,
                    "status": status,
                    "from_figures": _figure_text(old),
                    "to_figures": _figure_text(new),
                    "from_claim_ids": LIST_SEPARATOR.join(old[Claims.claim_id]),
                    "to_claim_ids": LIST_SEPARATOR.join(new[Claims.claim_id]),
                }
            )
    diff = pd.DataFrame.from_records(records, columns=DIFF_COLUMNS)
    return diff.sort_values(["from_date", Evolution.series], kind="mergesort").reset_index(
        drop=True
    )


def _figure_set(rows: pd.DataFrame) -> set[tuple[object, ...]]:
    return {
        (
            r[Claims.bound],
            *(_key(r[c]) for c in (Claims.value_low, Claims.value_best, Claims.value_high)),
        )
        for _, r in rows.iterrows()
    }


def _key(value: float) -> float | None:
    return None if is_missing(value) else float(value)


def _figure_text(rows: pd.DataFrame) -> str:
    return "; ".join(f"{r[Claims.surface]} [{_outlet(r)}]" for _, r in rows.iterrows())


def _outlet(row: pd.Series) -> str:
    return short_outlet(row[Statements.outlet], row[Claims.statement_id])


def _figure(row: pd.Series) -> str:
    """A figure as printed with its outlet: "342 (AA)"."""
    return f"{row[Evolution.surface]} ({_outlet(row)})"


def short_outlet(outlet: str | None, statement_id: str) -> str:
    """A short, recognisable name for a statement's outlet (for tables and plot labels).

    A parenthesised acronym wins ("Anadolu Agency (AA)" -> "AA"), then a name of at most
    20 characters ("Azernews"); otherwise (no outlet, an outlet the manifest calls unnamed,
    a long name) the statement id, which is unique and names the source well enough.
    """
    if is_missing(outlet):
        return statement_id
    note = str(outlet).partition(" (")[2].rstrip(")")
    if note.isupper() and " " not in note:
        return note
    if len(str(outlet)) <= 20 and not str(outlet).lower().startswith("outlet not named"):
        return str(outlet)
    return statement_id


def changes_between_dates(evolution: pd.DataFrame) -> pd.DataFrame:
    """Each figure beside the figure of the most recent earlier statement date.

    One row per evolution row that has a previous claim on an earlier date (same-day and
    first reports are left out); a figure printed twice in one text with the same previous
    figure is one row. The figures are quoted as printed with their outlet; the ``(derived)``
    columns are arithmetic on the two claims named by ``from_claim_id`` and ``to_claim_id``,
    empty with the reason in ``why no difference`` when either claim is open or a range.
    """
    by_id = evolution.set_index(Evolution.claim_id)
    rows = evolution[
        evolution[Evolution.previous_claim_id].notna() & (evolution[Evolution.change] != SAME_DAY)
    ]
    records = []
    for _, row in rows.iterrows():
        previous = by_id.loc[row[Evolution.previous_claim_id]]
        records.append(
            {
                "quantity": row[Evolution.series],
                "from_date": previous[Evolution.date],
                "from_figure": _figure(previous),
                "to_date": row[Evolution.date],
                "to_figure": _figure(row),
                "change": row[Evolution.change],
                "bound_change": row[Evolution.bound_change],
                "difference (derived)": row[Evolution.delta_best],
                "days": row[Evolution.days_since_previous],
                "per 30 days (derived)": row[Evolution.rate_per_30_days],
                "why no difference": why_not_comparable(previous, row),
                "from_claim_id": row[Evolution.previous_claim_id],
                "to_claim_id": row[Evolution.claim_id],
            }
        )
    table = pd.DataFrame.from_records(records, columns=CHANGE_COLUMNS)
    return _drop_repeats(table, ["quantity", "from_figure", "to_figure"])


def _drop_repeats(table: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """One row per key: a figure repeated in one text ("65 ... Of the 65") is one change."""
    return table.drop_duplicates(subset=key, keep="first").reset_index(drop=True)


BASELINE_COLUMNS = [
    "quantity",
    "baseline_date",
    "baseline_figure",
    "date",
    "figure",
    "change",
    "difference (derived)",
    "days",
    "why no difference",
    "baseline_claim_id",
    "claim_id",
]


def versus_baseline(evolution: pd.DataFrame, baseline_statement: str = "") -> pd.DataFrame:
    """Each later figure compared with the baseline statement's figure of the same series.

    The baseline is ``baseline_statement`` or, when empty, the earliest dated statement. Series
    the baseline does not report are left out; with several baseline figures for one series
    (e.g. two death tolls in one text) each is compared, none is chosen silently. A figure
    repeated in one text is compared once. The difference is empty, with the reason, when
    either claim is open or a range.
    """
    dated = evolution[evolution[Evolution.date].notna()]
    if dated.empty:
        return pd.DataFrame(columns=BASELINE_COLUMNS)
    if not baseline_statement:
        earliest = dated[Evolution.date].min()
        baseline_statement = dated.loc[
            dated[Evolution.date] == earliest, Evolution.statement_id
        ].iloc[0]
    base_rows = dated[dated[Evolution.statement_id] == baseline_statement]
    records = []
    for _, base in base_rows.iterrows():
        later = dated[
            (dated[Evolution.series] == base[Evolution.series])
            & (dated[Evolution.date] > base[Evolution.date])
        ]
        for _, row in later.iterrows():
            why = why_not_comparable(base, row)
            days = pd.Timestamp(row[Evolution.date]) - pd.Timestamp(base[Evolution.date])
            records.append(
                {
                    "quantity": base[Evolution.series],
                    "baseline_date": base[Evolution.date],
                    "baseline_figure": _figure(base),
                    "date": row[Evolution.date],
                    "figure": _figure(row),
                    "change": compare(claim_interval(base), claim_interval(row)),
                    "difference (derived)": (
                        None if why else row[Evolution.value_best] - base[Evolution.value_best]
                    ),
                    "days": days.days,
                    "why no difference": why,
                    "baseline_claim_id": base[Evolution.claim_id],
                    "claim_id": row[Evolution.claim_id],
                }
            )
    table = pd.DataFrame.from_records(records, columns=BASELINE_COLUMNS)
    return _drop_repeats(table, ["quantity", "baseline_figure", "figure"])
