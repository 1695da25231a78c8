"""The data contract: table schemas and controlled vocabularies, defined once.

Column names live in the pandera models below (``Claims.metric == "metric"``); vocabularies
live in ``vocabulary.yml`` beside this module. Everything else imports them from here.
"""

from __future__ import annotations

import math
from functools import cache
from importlib.resources import files
from typing import Any

import pandas as pd
import pandera.pandas as pa
import yaml
from pandera.typing import Series

VOCABULARY_FILE = files("analysis") / "vocabulary.yml"


# PyYAML's safe loader in C (libyaml) when PyYAML was built with it: the same documents, read
# ten times faster than by the pure-Python loader, in every process that imports this module.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def vocabulary() -> dict[str, Any]:
    """The parsed ``vocabulary.yml`` (metrics, bounds, units, periods, devices, ...)."""
    return yaml.load(VOCABULARY_FILE.read_text(encoding="utf-8"), Loader=SAFE_LOADER)


METRICS: tuple[str, ...] = tuple(vocabulary()["metrics"])
METRIC_UNITS: dict[str, str] = {
    name: spec["unit"] for name, spec in vocabulary()["metrics"].items()
}
# metric -> the totals it is a part of (directly), from the vocabulary.
METRIC_PARTS_OF: dict[str, tuple[str, ...]] = {
    name: tuple(spec.get("part_of", ())) for name, spec in vocabulary()["metrics"].items()
}
BOUNDS: tuple[str, ...] = tuple(vocabulary()["bounds"])
UNITS: tuple[str, ...] = tuple(vocabulary()["units"])
PERIODS: tuple[str, ...] = tuple(vocabulary()["periods"])
DEVICES: tuple[str, ...] = tuple(vocabulary()["devices"])
DATE_BASES: tuple[str, ...] = tuple(vocabulary()["date_bases"])
METHODS: tuple[str, ...] = tuple(vocabulary()["methods"])
MENTION_STATUSES: tuple[str, ...] = tuple(vocabulary()["mention_statuses"])
NON_CLAIM_REASONS: tuple[str, ...] = tuple(vocabulary()["non_claim_reasons"])
MENTION_CLAIM, MENTION_NOT_A_CLAIM, MENTION_UNCLASSIFIED = MENTION_STATUSES
CEASEFIRE_DATE: str = vocabulary()["ceasefire_date"]

# Which side of a claim's range its wording leaves open (that value column is empty):
# "more than 3,400" has no top; "nearly 4,000" and "up to 30" have no bottom.
OPEN_ABOVE: frozenset[str] = frozenset({"more_than", "at_least"})
OPEN_BELOW: frozenset[str] = frozenset({"nearly", "at_most", "less_than"})

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
LIST_SEPARATOR = "; "  # between the items of a list held in one cell (claim_ids, ...)
SHA256 = r"^[0-9a-f]{64}$"
STATEMENT_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"  # also a file name: no "/" or markup


class TableModel(pa.DataFrameModel):
    """The base of every table model: exactly the model's columns, in its order, with its
    dtypes (no coercion).

    pandera takes a model's options from the ``Config`` classes of its model bases, each
    read for the attributes it sets itself: options set on a plain base class of a
    ``Config`` are ignored, so they are set here, on a model every table inherits from.
    """

    class Config:
        strict = True
        ordered = True
        coerce = False


class Manifest(TableModel):
    """``statements.csv`` of a corpus folder, as the analyst writes it."""

    file: Series[str] = pa.Field(str_length={"min_value": 1})
    statement_id: Series[str] = pa.Field(unique=True, str_matches=STATEMENT_ID)
    date: Series[str] = pa.Field(nullable=True, str_matches=ISO_DATE)
    date_basis: Series[str] = pa.Field(isin=list(DATE_BASES))
    outlet: Series[str] = pa.Field(nullable=True)
    speaker: Series[str] = pa.Field(nullable=True)
    title: Series[str] = pa.Field(nullable=True)
    url: Series[str] = pa.Field(nullable=True)
    sha256: Series[str] = pa.Field(nullable=True, str_matches=SHA256)
    notes: Series[str] = pa.Field(nullable=True)

    class Config:
        name = "manifest"

    @pa.check("date", name="calendar_date")
    def date_exists(cls, dates: Series[str]) -> Series[bool]:
        """A date that names a real day (no 2024-02-30)."""
        return dates.isna() | pd.to_datetime(dates, format="%Y-%m-%d", errors="coerce").notna()

    @pa.dataframe_check(name="undated_only_when_unknown")
    def date_given_unless_unknown(cls, df: pd.DataFrame) -> Series[bool]:
        """A date is left empty exactly when its basis is ``unknown``."""
        return df["date"].isna() == (df["date_basis"] == "unknown")


class Statements(Manifest):
    """One row per statement: the manifest plus what loading measured."""

    n_chars: Series[int] = pa.Field(ge=0)

    class Config:
        name = "statements"


def _claim_value(description: str) -> Any:
    """A claimed value: a finite, non-negative number, or empty."""
    return pa.Field(nullable=True, ge=0, lt=math.inf, description=description)


class Claims(TableModel):
    """One row per reported figure, traceable to its quote and character span."""

    claim_id: Series[str] = pa.Field(
        unique=True, description="stable id: statement_id:char_start-char_end"
    )
    statement_id: Series[str] = pa.Field(description="the statement (manifest key)")
    metric: Series[str] = pa.Field(
        isin=list(METRICS), description="what is counted (metric vocabulary)"
    )
    value_low: Series[float] = _claim_value("lowest value the wording allows; empty when open")
    value_best: Series[float] = _claim_value("the figure as stated; empty for vague amounts")
    value_high: Series[float] = _claim_value("highest value the wording allows; empty when open")
    bound: Series[str] = pa.Field(
        isin=list(BOUNDS), description="qualifier: exact, about, more_than, ..."
    )
    unit: Series[str] = pa.Field(isin=list(UNITS), description="people, mines, percent, ...")
    period: Series[str] = pa.Field(
        isin=list(PERIODS), description="reference period the figure covers"
    )
    period_start: Series[str] = pa.Field(
        nullable=True, str_matches=ISO_DATE, description="start of the period, ISO date"
    )
    period_end: Series[str] = pa.Field(
        nullable=True, str_matches=ISO_DATE, description="end of the period, ISO date"
    )
    area: Series[str] = pa.Field(nullable=True, description="place, when narrower than the country")
    device: Series[str] = pa.Field(
        nullable=True, isin=list(DEVICES), description="for mine counts: kind of device"
    )
    surface: Series[str] = pa.Field(
        str_length={"min_value": 1}, description="the figure exactly as printed"
    )
    quote: Series[str] = pa.Field(
        str_length={"min_value": 1}, description="the verbatim sentence it came from"
    )
    char_start: Series[int] = pa.Field(ge=0, description="offset of surface in the raw text")
    char_end: Series[int] = pa.Field(ge=0, description="end offset: text[start:end] == surface")
    method: Series[str] = pa.Field(
        isin=list(METHODS), description="rule (extractor) or reviewed (annotations.yml)"
    )

    class Config:
        name = "claims"

    @pa.dataframe_check
    def values_are_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        """low <= best <= high wherever both sides are known."""
        low, best, high = df["value_low"], df["value_best"], df["value_high"]
        ok_low_best = low.isna() | best.isna() | (low <= best)
        ok_best_high = best.isna() | high.isna() | (best <= high)
        ok_low_high = low.isna() | high.isna() | (low <= high)
        return ok_low_best & ok_best_high & ok_low_high

    @pa.dataframe_check
    def span_is_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["char_start"] < df["char_end"]


class Mentions(TableModel):
    """One row per numeric expression of a statement: a claim, not a claim (and why), or a
    number the rules could not place (``unclassified``, shown to the analyst for review)."""

    statement_id: Series[str] = pa.Field(description="the statement (manifest key)")
    char_start: Series[int] = pa.Field(ge=0, description="offset of surface in the raw text")
    char_end: Series[int] = pa.Field(ge=0, description="end offset: text[start:end] == surface")
    surface: Series[str] = pa.Field(
        str_length={"min_value": 1}, description="the number exactly as printed"
    )
    status: Series[str] = pa.Field(
        isin=list(MENTION_STATUSES), description="claim, not_a_claim or unclassified"
    )
    reason: Series[str] = pa.Field(
        nullable=True,
        isin=list(NON_CLAIM_REASONS),
        description="for not_a_claim: why (date, age, duration, money ...)",
    )
    claim_id: Series[str] = pa.Field(nullable=True, description="for claim: its claims row")
    context: Series[str] = pa.Field(
        nullable=True,
        description="for unclassified: its sentence, found once in the text (a review quote)",
    )

    class Config:
        name = "mentions"

    @pa.dataframe_check
    def status_explains_itself(cls, df: pd.DataFrame) -> Series[bool]:
        """A claim names its claim_id, a non-claim its reason, and nothing else does."""
        is_claim = df["status"] == "claim"
        not_claim = df["status"] == "not_a_claim"
        return (df["claim_id"].notna() == is_claim) & (df["reason"].notna() == not_claim)


# ``Evolution.change``: how a claim relates to its previous claim (see analysis.derive.evolution).
CHANGES: tuple[str, ...] = (
    "first",
    "rise",
    "fall",
    "unchanged",
    "not_comparable",
    "same_day",
    "undated",
)


FIRST, RISE, FALL, UNCHANGED, NOT_COMPARABLE, SAME_DAY, UNDATED = CHANGES
# How the figures of a series changed from one statement date to the next (claim diff).
DIFF_STATUSES: tuple[str, ...] = ("added", "dropped", "changed", UNCHANGED)


class Evolution(TableModel):
    """One row per (metric, period, area, device) series and statement, in date order.

    Value columns are the reported claim; ``delta_best``, ``days_since_previous`` and
    ``rate_per_30_days`` are derived arithmetic on two claims, never reported figures.
    """

    series: Series[str]
    metric: Series[str] = pa.Field(isin=list(METRICS))
    period: Series[str] = pa.Field(isin=list(PERIODS))
    area: Series[str] = pa.Field(nullable=True)
    device: Series[str] = pa.Field(nullable=True, isin=list(DEVICES))
    statement_id: Series[str]
    date: Series[str] = pa.Field(nullable=True, str_matches=ISO_DATE)
    outlet: Series[str] = pa.Field(nullable=True)
    speaker: Series[str] = pa.Field(nullable=True)
    claim_id: Series[str] = pa.Field(unique=True)
    surface: Series[str]
    bound: Series[str] = pa.Field(isin=list(BOUNDS))
    unit: Series[str] = pa.Field(isin=list(UNITS))
    value_low: Series[float] = pa.Field(nullable=True)
    value_best: Series[float] = pa.Field(nullable=True)
    value_high: Series[float] = pa.Field(nullable=True)
    previous_claim_id: Series[str] = pa.Field(nullable=True)
    delta_best: Series[float] = pa.Field(
        nullable=True,
        description="derived: value_best minus the previous claim's value_best; empty when "
        "either claim has an open bound or is a range",
    )
    days_since_previous: Series[float] = pa.Field(
        nullable=True, description="derived: days between the two statements' dates"
    )
    rate_per_30_days: Series[float] = pa.Field(
        nullable=True,
        description="derived: delta_best / days_since_previous * 30; empty with delta_best",
    )
    bound_change: Series[str] = pa.Field(nullable=True)
    change: Series[str] = pa.Field(isin=list(CHANGES))

    class Config:
        name = "evolution"


SEVERITIES: tuple[str, ...] = ("info", "warning", "contradiction")


class Findings(TableModel):
    """One row per consistency finding, naming the claims (and so the quotes) involved."""

    finding_id: Series[str] = pa.Field(unique=True)
    rule: Series[str]
    severity: Series[str] = pa.Field(isin=list(SEVERITIES))
    statement_ids: Series[str]
    claim_ids: Series[str]
    message: Series[str]
    quotes: Series[str]

    class Config:
        name = "findings"


def is_missing(value: object) -> bool:
    """Whether a table cell is empty (None, NaN or pandas' NA)."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def claim_id(statement_id: str, char_start: int, char_end: int) -> str:
    """The stable id of the claim at ``char_start:char_end`` of a statement."""
    return f"{statement_id}:{char_start}-{char_end}"


def columns(model: type[pa.DataFrameModel]) -> list[str]:
    """The ordered column names of a table model."""
    return list(model.to_schema().columns)


def empty(model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """An empty table with the model's columns and dtypes (so it validates)."""
    schema = model.to_schema()
    return pd.DataFrame(
        {
            name: pd.Series(dtype=col.dtype.type if col.dtype else object)
            for name, col in schema.columns.items()
        }
    )


def conform(
    rows: list[dict[str, object]] | pd.DataFrame, model: type[pa.DataFrameModel]
) -> pd.DataFrame:
    """Rows in the column order and dtypes of ``model``; an empty text cell is None."""
    schema = model.to_schema()
    table = pd.DataFrame(rows, columns=list(schema.columns))
    for name, column in schema.columns.items():
        kind = str(column.dtype)
        if kind.startswith(("float", "int")):
            table[name] = table[name].astype(kind)
        else:
            table[name] = table[name].astype("str").where(table[name].notna(), None)
    return table


def mentions_table(rows: list[dict[str, object]] | pd.DataFrame) -> pd.DataFrame:
    """Rows in the column order and dtypes of the Mentions model."""
    return conform(rows, Mentions)


def claims_table(rows: list[dict[str, object]] | pd.DataFrame) -> pd.DataFrame:
    """Rows in the column order and dtypes of the Claims model (empty text cells are None)."""
    return conform(rows, Claims)
