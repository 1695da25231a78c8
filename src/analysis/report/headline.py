"""The headline: how each quantity's claims changed, at a glance.

One row per quantity (a series: metric, period, area, device) named in plain words from the
vocabulary's descriptions, one column per statement date, and in each cell the figures as
printed with the outlets that printed them, each linked to its highlight on the statement
page. The last column says in words what changed from the first date to the last. Below it,
the main consistency findings, one line each, linked to their quotes.

Like every table of this package it reports claims: the words "rose" and "fell" are used only
when the ranges the two wordings allow cannot overlap, and only between single numbers are
amounts written out; otherwise the two wordings are quoted ("'about 55%' became 'more than
55%'") with the reason no difference can be computed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from analysis.derive.evolution import short_outlet
from analysis.derive.intervals import (
    claim_interval,
    compare,
    field,
    format_number,
    why_not_comparable,
)
from analysis.report.pages import claim_link, escape, finding_anchor
from analysis.schema import (
    FALL,
    LIST_SEPARATOR,
    METRICS,
    PERIODS,
    RISE,
    SEVERITIES,
    UNCHANGED,
    Claims,
    Evolution,
    Findings,
    Statements,
    is_missing,
    vocabulary,
)

QUANTITY = "quantity"
WHAT_CHANGED = "what changed"
UNDATED = "undated"  # the column of statements without a date, after the dated ones
# The period whose description ("no period given") adds nothing to a quantity's name.
UNSPECIFIED_PERIOD = "unspecified"
PERCENT = "percent"
# Findings worth a line under the headline; the info ones stay in notebook 3.0.
MAIN_SEVERITIES: tuple[str, ...] = tuple(s for s in SEVERITIES if s != "info")
FINDINGS_PAGE = "3.0-source-consistency.reader.html"
ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def date_in_words(iso: str) -> str:
    """ "2020-11-10" -> "10 November 2020"."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def _period_phrase(period: str) -> str:
    """The vocabulary's description of a period, as the end of a quantity's name."""
    if period == UNSPECIFIED_PERIOD:
        return ""
    text = ISO_DAY.sub(lambda m: date_in_words(m.group(0)), vocabulary()["periods"][period])
    # "since ...", "over ..." read on from the metric; "one calendar year" needs a preposition.
    return text if text.split()[0] in ("since", "over", "in", "during") else f"in {text}"


def _device_phrase(device: str) -> str:
    """A device name in words: "anti_personnel" -> "anti-personnel", "uxo" -> "UXO"."""
    words = device.replace("_", "-")
    return words.upper() if len(words) <= 3 else words


def quantity_name(metric: str, period: str, area: object = None, device: object = None) -> str:
    """A series named in plain words from the vocabulary: the metric's description, then
    the device, the area and the period ("Civilians injured" + "in one calendar year")."""
    name = vocabulary()["metrics"][metric]["description"]
    if not is_missing(device) and device != "all":
        name += f" ({_device_phrase(str(device))})"
    if not is_missing(area):
        name += f" in {area}"
    phrase = _period_phrase(period)
    if phrase:
        name += f" {phrase}"
    return name[0].upper() + name[1:]


@dataclass(frozen=True)
class Source:
    """One statement printing a figure: the outlet's short name and the claim to link."""

    outlet: str
    claim_id: str
    statement_id: str


@dataclass(frozen=True)
class CellFigure:
    """A figure as printed, with every statement of the cell's date that printed it."""

    surface: str
    sources: tuple[Source, ...]

    def text(self) -> str:
        return f"{self.surface} ({', '.join(s.outlet for s in self.sources)})"


@dataclass(frozen=True)
class HeadlineRow:
    series: str
    quantity: str
    cells: dict[str, tuple[CellFigure, ...]]  # column (ISO date or UNDATED) -> figures
    change: str
    note: str  # why no difference can be computed, or that one date gives several figures


# An evolution row: a Series, or a record of ``DataFrame.itertuples`` (the headline reads
# rows as records: a Series per row costs more than everything else it does).
Row = pd.Series | tuple


def _records(evolution: pd.DataFrame) -> list[tuple]:
    return list(evolution.itertuples(index=False))


def _figure_key(row: Row) -> tuple[object, ...]:
    """What a claim says (its wording and values): equal keys are one figure in a cell."""
    values = (
        field(row, c) for c in (Evolution.value_low, Evolution.value_best, Evolution.value_high)
    )
    return (
        field(row, Evolution.surface),
        field(row, Evolution.bound),
        *(None if is_missing(v) else float(v) for v in values),
    )


def _value_key(row: Row) -> tuple[object, ...]:
    """What a claim says numerically: differently printed equal figures ("3,345", "3345")."""
    return _figure_key(row)[1:]


def _cell(rows: list[tuple]) -> tuple[CellFigure, ...]:
    """The distinct figures of one date, each with the statements that printed it (a figure
    repeated in one text is listed once)."""
    figures: dict[tuple[object, ...], list[Source]] = {}
    for row in rows:
        sources = figures.setdefault(_figure_key(row), [])
        statement_id = field(row, Evolution.statement_id)
        if statement_id not in {s.statement_id for s in sources}:
            outlet = short_outlet(field(row, Evolution.outlet), statement_id)
            sources.append(Source(outlet, field(row, Evolution.claim_id), statement_id))
    return tuple(CellFigure(str(key[0]), tuple(sources)) for key, sources in figures.items())


def _amount(row: Row) -> str:
    """A single number with its unit sign ("25%", "1,400"); quoted wording otherwise."""
    if field(row, Evolution.bound) != "exact":
        return f"'{field(row, Evolution.surface)}'"
    sign = "%" if field(row, Evolution.unit) == PERCENT else ""
    return f"{format_number(field(row, Evolution.value_best))}{sign}"


def _distinct(rows: list[tuple]) -> list[tuple]:
    """One row per different figure (by value and qualifier), in table order."""
    seen: dict[tuple[object, ...], tuple] = {}
    for row in rows:
        seen.setdefault(_value_key(row), row)
    return list(seen.values())


def describe_change(before: Row, after: Row) -> tuple[str, str]:
    """What changed between two claims, in words, and a note on why no difference exists.

    "rose from 266 to 342" and "unchanged at 25%" need two single numbers; with an open
    bound or a range the wordings are quoted ("'hundreds of thousands' became 'exceeds 1
    million'") and the note says why no difference is computed.
    """
    direction = compare(claim_interval(before), claim_interval(after))
    why = why_not_comparable(before, after)
    became = f"'{field(before, Evolution.surface)}' became '{field(after, Evolution.surface)}'"
    if why is None:
        if direction == UNCHANGED and field(before, Evolution.bound) == field(
            after, Evolution.bound
        ):
            return f"unchanged at {_amount(after)}", ""
        if direction in (RISE, FALL):
            verb = "rose" if direction == RISE else "fell"
            return f"{verb} from {_amount(before)} to {_amount(after)}", ""
        return became, ""
    if direction in (RISE, FALL):
        higher = "higher" if direction == RISE else "lower"
        return became, f"{higher} whatever values the wordings allow; no difference: {why}"
    return became, f"not comparable: {why}"


def _what_changed(rows: list[tuple]) -> tuple[str, str]:
    """The change from the series' first statement date to its last, in words."""
    dated = [r for r in rows if not is_missing(field(r, Evolution.date))]
    dates = sorted({field(r, Evolution.date) for r in dated})
    if not dates:
        return "no dated figure", ""
    if len(dates) == 1:
        return f"reported on {date_in_words(dates[0])} only", ""
    first = _distinct([r for r in dated if field(r, Evolution.date) == dates[0]])
    on_last_day = [r for r in dated if field(r, Evolution.date) == dates[-1]]
    last = _distinct(on_last_day)
    if len(first) == 1 and len(last) == 1:
        return describe_change(first[0], last[0])
    before = " or ".join(f"'{field(r, Evolution.surface)}'" for r in first)
    after = " and ".join(
        f"'{field(r, Evolution.surface)}' ({_outlets_saying(on_last_day, r)})" for r in last
    )
    split = [d for d, figures in ((dates[0], first), (dates[-1], last)) if len(figures) > 1]
    days = " and ".join(date_in_words(d) for d in split)
    return f"{before} became {after}", f"not comparable: the figures of {days} differ"


def _outlets_saying(rows: list[tuple], figure: tuple) -> str:
    """The outlets among ``rows`` that printed ``figure`` (same value and qualifier)."""
    outlets = [
        short_outlet(field(r, Evolution.outlet), field(r, Evolution.statement_id))
        for r in rows
        if _value_key(r) == _value_key(figure)
    ]
    return ", ".join(dict.fromkeys(outlets))


def in_words(message: str, evolution: pd.DataFrame) -> str:
    """A finding's message with each series label ("killed/since_ceasefire") replaced by
    the quantity's name in words."""
    names = {
        r[Evolution.series]: quantity_name(
            r[Evolution.metric], r[Evolution.period], r[Evolution.area], r[Evolution.device]
        )
        for _, r in evolution.drop_duplicates(Evolution.series).iterrows()
    }
    # Longest labels first: "mines_laid/unspecified@Lachin" before "mines_laid/unspecified".
    for label in sorted(names, key=len, reverse=True):
        name = names[label]
        message = re.sub(
            rf"(?<![\w/@#]){re.escape(label)}(?![\w/@#])",
            lambda _, name=name: f"'{name[0].lower()}{name[1:]}'",
            message,
        )
    return message


def _series_order(evolution: pd.DataFrame) -> list[str]:
    """Series in vocabulary order (metric, then period), then area and device."""
    keys = evolution.drop_duplicates(Evolution.series)
    ranked = sorted(
        keys.itertuples(index=False),
        key=lambda r: (
            METRICS.index(getattr(r, Evolution.metric)),
            PERIODS.index(getattr(r, Evolution.period)),
            "" if is_missing(area := getattr(r, Evolution.area)) else str(area),
            "" if is_missing(device := getattr(r, Evolution.device)) else str(device),
        ),
    )
    return [getattr(r, Evolution.series) for r in ranked]


def headline_columns(evolution: pd.DataFrame) -> list[str]:
    """The statement dates of the table in order, then ``undated`` when a claim has none."""
    dates = sorted(evolution[Evolution.date].dropna().unique())
    return dates + ([UNDATED] if evolution[Evolution.date].isna().any() else [])


def headline_rows(evolution: pd.DataFrame) -> list[HeadlineRow]:
    """One :class:`HeadlineRow` per series of ``evolution``."""
    columns = headline_columns(evolution)
    by_series: dict[str, list[tuple]] = {}
    for record in _records(evolution):
        by_series.setdefault(field(record, Evolution.series), []).append(record)
    rows = []
    for series in _series_order(evolution):
        own = by_series[series]
        by_column: dict[str, list[tuple]] = {}
        for record in own:
            date = field(record, Evolution.date)
            by_column.setdefault(UNDATED if is_missing(date) else date, []).append(record)
        cells = {column: _cell(by_column[column]) for column in columns if column in by_column}
        change, note = _what_changed(own)
        first = own[0]
        name = quantity_name(
            field(first, Evolution.metric),
            field(first, Evolution.period),
            field(first, Evolution.area),
            field(first, Evolution.device),
        )
        rows.append(HeadlineRow(series, name, cells, change, note))
    return rows


def headline_table(evolution: pd.DataFrame) -> pd.DataFrame:
    """The headline as plain text: one row per series, one column per statement date."""
    columns = headline_columns(evolution)
    records = []
    for row in headline_rows(evolution):
        record = {QUANTITY: row.quantity}
        for column in columns:
            record[column] = "; ".join(f.text() for f in row.cells.get(column, ()))
        record[WHAT_CHANGED] = f"{row.change} ({row.note})" if row.note else row.change
        records.append(record)
    return pd.DataFrame.from_records(records, columns=[QUANTITY, *columns, WHAT_CHANGED])


def _column_heading(column: str) -> str:
    return column if column == UNDATED else date_in_words(column)


def _cell_html(figures: tuple[CellFigure, ...], prefix: str) -> str:
    esc = escape
    parts = []
    for figure in figures:
        first = figure.sources[0]
        href = claim_link(first.claim_id, first.statement_id, prefix)
        outlets = ", ".join(
            f'<a href="{esc(claim_link(s.claim_id, s.statement_id, prefix))}">{esc(s.outlet)}</a>'
            for s in figure.sources
        )
        parts.append(
            f'<span class="figure"><a href="{esc(href)}">{esc(figure.surface)}</a> '
            f"<small>({outlets})</small></span>"
        )
    return "<br>".join(parts)


def headline_html(evolution: pd.DataFrame, prefix: str = "") -> str:
    """The headline table as HTML; ``prefix`` leads from the page to the reports folder."""
    esc = escape
    rows = headline_rows(evolution)
    if not rows:
        return '<p class="empty">No figures in this selection, so nothing to compare.</p>'
    columns = headline_columns(evolution)
    head = "".join(
        f'<th scope="col" data-date="{esc(c)}">{esc(_column_heading(c))}</th>' for c in columns
    )
    body = []
    for row in rows:
        cells = "".join(f"<td>{_cell_html(row.cells.get(c, ()), prefix)}</td>" for c in columns)
        note = f'<br><small class="note">{esc(row.note)}</small>' if row.note else ""
        body.append(
            f'<tr data-series="{esc(row.series)}"><th scope="row">{esc(row.quantity)}</th>'
            f'{cells}<td class="change">{esc(row.change)}{note}</td></tr>'
        )
    return (
        '<div class="table-scroll"><table class="headline">'
        "<caption>Figures as printed, one row per quantity and one column per statement "
        "date; each figure links to its sentence in the statement.</caption>"
        f'<thead><tr><th scope="col">{QUANTITY}</th>{head}'
        f'<th scope="col">{WHAT_CHANGED}</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def main_findings_html(
    findings: pd.DataFrame,
    claims: pd.DataFrame,
    statements: pd.DataFrame,
    evolution: pd.DataFrame,
    prefix: str = "",
    findings_page: str = FINDINGS_PAGE,
) -> str:
    """The contradictions and warnings, gravest first, one line each: the message (series
    named in words), a link to the quotes side by side in notebook 3.0, and a link to each
    figure's highlight."""
    esc = escape
    main = findings[findings[Findings.severity].isin(MAIN_SEVERITIES)]
    # SEVERITIES run from the mildest to the gravest; the gravest are listed first.
    rank = {severity: -k for k, severity in enumerate(SEVERITIES)}
    main = main.iloc[sorted(range(len(main)), key=lambda k: rank[main.iloc[k][Findings.severity]])]
    if main.empty:
        return "<p>No contradictions or warnings among these claims.</p>"
    by_claim = claims.set_index(Claims.claim_id)
    outlets = statements.set_index(Statements.statement_id)[Statements.outlet]
    lines = []
    for finding in main.itertuples(index=False):
        quotes = []
        for claim_id in str(getattr(finding, Findings.claim_ids)).split(LIST_SEPARATOR):
            if claim_id not in by_claim.index:
                continue
            claim = by_claim.loc[claim_id]
            statement_id = claim[Claims.statement_id]
            outlet = short_outlet(outlets.get(statement_id), statement_id)
            href = claim_link(claim_id, statement_id, prefix)
            quotes.append(f'<a href="{esc(href)}">{esc(claim[Claims.surface])}</a> ({esc(outlet)})')
        anchor = finding_anchor(getattr(finding, Findings.finding_id))
        lines.append(
            f"<li><strong>{esc(getattr(finding, Findings.severity))}</strong>: "
            f"{esc(in_words(getattr(finding, Findings.message), evolution))} "
            f'<a href="{esc(prefix + findings_page)}#{esc(anchor)}">quotes side by side</a>'
            f"; figures: {', '.join(quotes)}</li>"
        )
    return '<ul class="findings">' + "\n".join(lines) + "</ul>"
