"""Charts of claimed figures over time: one small chart per quantity (small multiples).

Each chart shows one series (metric, period, area, device): every figure at its statement's
date, joined in date order by a thin line so the eye follows the sequence of statements.
Nothing is summed or averaged: figures of one day from different statements sit side by side
around their true date. Ranges are drawn as bars, open bounds as arrows, and each figure is
labelled as printed with the outlets that printed it; labels are placed so that no two
overlap. Figures are built without pyplot (no global state) at a fixed size and resolution,
so saving one with :func:`save_png` gives the same bytes on every run.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import matplotlib.dates as mdates
import pandas as pd
from IPython.display import Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Annotation
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import Bbox

from analysis.derive.evolution import short_outlet
from analysis.derive.intervals import representative
from analysis.parallel import map_on_two_cores
from analysis.report.headline import HeadlineRow, date_in_words, headline_rows
from analysis.report.pages import escape
from analysis.schema import METRIC_UNITS, OPEN_ABOVE, OPEN_BELOW, Evolution, is_missing

FIGSIZE = (5.0, 3.6)  # inches: a small multiple, readable when scaled to a phone's width
DPI = 100
FOOTNOTE = "Figures are claims by the named speakers, not verified."
LINE_COLOR = "#9a9a9a"
POINT_COLOR = "tab:blue"
TITLE_WIDTH = 46  # characters per line of a chart's title
# Figures of one day from different statements are set apart by this share of the date span.
DODGE_SHARE = 0.018
# Use a log axis when the plotted values span more than this factor (3 and 3,400 together).
LOG_SPAN = 50.0
ARROW_FACTOR = 1.6  # length of an open-bound arrow on a log axis (multiplicative)
ARROW_SHARE = 0.12  # ... and on a linear axis (share of the y range)
LABEL_PAD = 7.0  # pixels between a point and its label
LABEL_STEP = 12.0  # pixels between candidate label positions stacked above or below
LABEL_TRIES = 8  # candidate heights on each side of a point
MARK_HALF = 5.0  # pixels: half the width of a marker, a range bar or an arrow (labels avoid it)
CHARTS_STYLE = """
.small-multiples { display: grid; gap: 1rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr)); }
.small-multiples figure { margin: 0; }
.small-multiples img { width: 100%; height: auto; }
.small-multiples figcaption { font-size: .85rem; }
"""


@dataclass(frozen=True)
class ChartPoint:
    """One figure drawn: a statement's claim (repeats in one text drawn once)."""

    x: float
    y: float
    row: pd.Series
    outlet: str


def _distinct_claims(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per statement and figure: a figure printed twice in one text is one point."""
    key = [
        Evolution.statement_id,
        Evolution.surface,
        Evolution.bound,
        Evolution.value_low,
        Evolution.value_best,
        Evolution.value_high,
    ]
    return rows.drop_duplicates(subset=key, keep="first")


def _dodge_days(rows: pd.DataFrame, span_days: float) -> list[float]:
    """Offsets (days) setting the statements of one date side by side, centred on it."""
    step = max(span_days, 30.0) * DODGE_SHARE
    offsets = []
    for date, statement in zip(rows[Evolution.date], rows[Evolution.statement_id], strict=True):
        same_day = list(
            dict.fromkeys(rows.loc[rows[Evolution.date] == date, Evolution.statement_id])
        )
        k = same_day.index(statement)
        offsets.append((k - (len(same_day) - 1) / 2) * step)
    return offsets


def _date_range(evolution: pd.DataFrame) -> tuple[dt.datetime, dt.datetime]:
    dates = pd.to_datetime(evolution[Evolution.date].dropna())
    return dates.min().to_pydatetime(), dates.max().to_pydatetime()


def quantity_chart(
    rows: pd.DataFrame, title: str, date_range: tuple[dt.datetime, dt.datetime] | None = None
) -> Figure:
    """One series' dated figures over time; ``date_range`` (first, last) shares a time axis
    between the small multiples so their dates line up. Undated claims cannot be placed on a
    time axis and are left out (they stay in the tables)."""
    fig = Figure(figsize=FIGSIZE, dpi=DPI)
    FigureCanvasAgg(fig)  # a renderer for measuring labels (deterministic, no display)
    ax = fig.add_subplot()
    fig.subplots_adjust(left=0.19, right=0.97, bottom=0.21, top=0.8)
    # The title sits on top of the axes (y=1): nothing is drawn above them. Given, not left
    # for matplotlib to find, which would measure the tick labels again at every draw.
    ax.set_title("\n".join(textwrap.wrap(title, TITLE_WIDTH)), fontsize=10.5, loc="left", y=1.0)
    dated = _distinct_claims(rows[rows[Evolution.date].notna()]).reset_index(drop=True)
    units = list(dict.fromkeys(rows[Evolution.unit])) or [
        METRIC_UNITS[m] for m in dict.fromkeys(rows[Evolution.metric])
    ]
    ax.set_ylabel(f"{' / '.join(units)} (as claimed)", fontsize=9)
    ax.set_xlabel("date of the statement", fontsize=9)
    ax.tick_params(labelsize=8)
    fig.text(0.01, 0.01, FOOTNOTE, fontsize=7, style="italic", ha="left", va="bottom")
    if dated.empty:
        ax.text(0.5, 0.5, "no dated figures", transform=ax.transAxes, ha="center")
        return fig

    first, last = date_range or _date_range(dated)
    span = max((last - first).days, 1)
    offsets = _dodge_days(dated, span)
    points = []
    for i, row in dated.iterrows():
        day = dt.datetime.fromisoformat(row[Evolution.date]) + dt.timedelta(days=offsets[i])
        points.append(ChartPoint(mdates.date2num(day), representative(row), row, _outlet(row)))
    points.sort(key=lambda p: (p.x, p.y))

    values = [p.y for p in points]
    positive = [v for v in values if v > 0]
    log = len(positive) == len(values) and max(positive) / min(positive) > LOG_SPAN
    if log:
        ax.set_yscale("log")
    y_span = max(max(values), 1.0)
    extent = list(values)  # everything drawn, so the y limits hold arrows and bars
    ax.plot([p.x for p in points], values, color=LINE_COLOR, linewidth=1.0, zorder=1, gid="line")
    extent_of = {}
    for point in points:
        extent_of[point.row[Evolution.claim_id]] = used = _draw_claim(ax, point, log, y_span)
        extent += used

    margin = dt.timedelta(days=max(span * 0.12, 45))
    ax.set_xlim(mdates.date2num(first - margin), mdates.date2num(last + margin))
    locator = mdates.AutoDateLocator(minticks=2, maxticks=5)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if log:
        ax.set_ylim(min(v for v in extent if v > 0) / 2, max(extent) * 3)
    else:
        # Counts and shares start at zero so differences are not exaggerated; the room at
        # the top holds the arrows' tips and the labels.
        ax.set_ylim(0.0, max(extent) * 1.3 + 1e-9)
    # Whole numbers with thousands separators: no "1e6" offset a reader has to decode.
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    ax.grid(True, which="major", axis="y", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    _place_labels(fig, ax, _labels(points), _marks(ax, points, extent_of))
    return fig


def _draw_claim(ax, point: ChartPoint, log: bool, y_span: float) -> list[float]:
    """Draw one claim's marker, range bar and open-bound arrow; returns the y values used."""
    row, claim_id = point.row, point.row[Evolution.claim_id]
    bound = row[Evolution.bound]
    is_open = bound in OPEN_ABOVE or bound in OPEN_BELOW
    ax.plot(
        [point.x],
        [point.y],
        linestyle="none",
        marker="o",
        markersize=6,
        markerfacecolor="white" if is_open else POINT_COLOR,
        markeredgecolor=POINT_COLOR,
        zorder=3,
        gid=f"point:{claim_id}",
    )
    used = [point.y]
    low, high = row[Evolution.value_low], row[Evolution.value_high]
    if not (is_missing(low) or is_missing(high)) and low < high:
        ax.vlines(point.x, low, high, color=POINT_COLOR, linewidth=2.0, gid=f"range:{claim_id}")
        used += [low, high]
    if is_open:
        up = bound in OPEN_ABOVE
        if log:
            tip = point.y * ARROW_FACTOR if up else point.y / ARROW_FACTOR
        else:
            tip = point.y + (ARROW_SHARE if up else -ARROW_SHARE) * y_span
        used.append(tip)
        ax.annotate(
            "",
            xy=(point.x, tip),
            xytext=(point.x, point.y),
            gid=f"arrow:{claim_id}",
            arrowprops={"arrowstyle": "-|>", "color": POINT_COLOR, "linewidth": 1.5},
        )
    return used


def _marks(ax, points: list[ChartPoint], extent_of: dict[str, list[float]]) -> list[Bbox]:
    """Pixel boxes of what is drawn for each claim (marker, bar, arrow): labels avoid them."""
    boxes = []
    for point in points:
        ys = extent_of[point.row[Evolution.claim_id]]
        corners = ax.transData.transform([(point.x, min(ys)), (point.x, max(ys))])
        (x, y0), (_, y1) = corners
        boxes.append(
            Bbox.from_extents(x - MARK_HALF, y0 - MARK_HALF, x + MARK_HALF, y1 + MARK_HALF)
        )
    return boxes


def _labels(points: list[ChartPoint]) -> list[tuple[list[ChartPoint], str, str]]:
    """One label per date and printed figure: ("266", "Azernews, mfa-press-release")."""
    groups: dict[tuple[str, str], list[ChartPoint]] = {}
    for point in points:
        key = (point.row[Evolution.date], point.row[Evolution.surface])
        groups.setdefault(key, []).append(point)
    return [
        (members, surface, ", ".join(dict.fromkeys(p.outlet for p in members)))
        for (_, surface), members in groups.items()
    ]


def _candidates(members: list[ChartPoint], surface: str, outlets: str):
    """Label positions in the order they are tried: (text, point, side, height in steps).

    One line beside the points first (right, then left), at increasing heights; then the
    same with the outlets on a second line, for long names near an edge of the chart.
    """
    heights = [0] + [sign * k for k in range(1, LABEL_TRIES + 1) for sign in (1, -1)]
    rightmost = max(members, key=lambda p: p.x)
    leftmost = min(members, key=lambda p: p.x)
    for text in (f"{surface} ({outlets})", f"{surface}\n({outlets})"):
        for side, point in (("right", rightmost), ("left", leftmost)):
            for height in heights:
                yield text, point, side, height


def _place_labels(
    fig: Figure, ax, labels: list[tuple[list[ChartPoint], str, str]], marks: list[Bbox]
) -> None:
    """Put each label beside its points where it overlaps no other label and no mark.

    Candidates (:func:`_candidates`) are measured with the figure's renderer in a fixed
    order, so the result depends on the data only. The first that fits inside the figure
    and clears the labels placed before it and every marker, bar and arrow wins; if none
    does, the one overlapping least is kept.
    """
    renderer = fig.canvas.get_renderer()
    inside = fig.bbox.padded(-2)
    placed: list[Bbox] = []
    for members, surface, outlets in labels:
        # One annotation per text and side, moved from height to height: making and removing
        # an annotation for each candidate costs more than measuring it. The label kept is
        # the same artist, in the same place among the chart's artists, as if made for its
        # candidate alone.
        made: dict[tuple[str, str], Annotation] = {}
        best: tuple[float, Annotation, ChartPoint, str, tuple[float, float]] | None = None
        for text, point, side, height in _candidates(members, surface, outlets):
            offset = (LABEL_PAD if side == "right" else -LABEL_PAD, height * LABEL_STEP)
            label = made.get((text, side))
            if label is None:
                label = made[text, side] = ax.annotate(
                    text,
                    xy=(point.x, point.y),
                    xytext=offset,
                    textcoords="offset pixels",
                    ha="left" if side == "right" else "right",
                    va="center",
                    fontsize=9,
                    linespacing=1.1,
                    gid=f"label:{members[0].row[Evolution.claim_id]}",
                    annotation_clip=False,
                )
            else:
                label.xyann = offset
            box = label.get_window_extent(renderer)
            overlap = sum(_overlap_area(box, other) for other in [*placed, *marks])
            if not (inside.x0 <= box.x0 and box.x1 <= inside.x1):
                overlap += box.width * box.height
            if not (inside.y0 <= box.y0 and box.y1 <= inside.y1):
                overlap += box.width * box.height
            if best is None or overlap < best[0]:
                best = (overlap, label, point, side, offset)
            if overlap == 0:
                break
        assert best is not None  # there is always a first candidate
        _, label, point, side, offset = best
        label.xyann = offset
        for other in made.values():
            if other is not label:
                other.remove()
        box = label.get_window_extent(renderer)
        placed.append(box)
        _leader(ax, point, box, side)


def _leader(ax, point: ChartPoint, box: Bbox, side: str) -> None:
    """A thin line from a point to its label when the label had to move away from it."""
    x_pixel, y_pixel = ax.transData.transform((point.x, point.y))
    if box.y0 <= y_pixel <= box.y1:
        return  # the label sits level with its point: no line needed
    edge = box.x0 if side == "right" else box.x1
    end_y = min(max(y_pixel, box.y0 + 2), box.y1 - 2)
    (x0, y0), (x1, y1) = ax.transData.inverted().transform([(x_pixel, y_pixel), (edge, end_y)])
    ax.plot(
        [x0, x1],
        [y0, y1],
        color=LINE_COLOR,
        linewidth=0.6,
        zorder=2,
        clip_on=False,
        gid=f"leader:{point.row[Evolution.claim_id]}",
    )


def _overlap_area(a: Bbox, b: Bbox) -> float:
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return width * height if width > 0 and height > 0 else 0.0


def chart_alt_text(rows: pd.DataFrame, quantity: str, change: str) -> str:
    """What a chart shows, in words, for readers who cannot see it."""
    dated = _distinct_claims(rows[rows[Evolution.date].notna()])
    if dated.empty:
        return f"Chart of {quantity}: no dated figures."
    parts = []
    for date, on_day in dated.groupby(Evolution.date, sort=True):
        figures = "; ".join(f"{r[Evolution.surface]} ({_outlet(r)})" for _, r in on_day.iterrows())
        parts.append(f"{date_in_words(date)}: {figures}")
    return (
        f"Chart of {quantity}, as claimed, by date of statement. "
        + ". ".join(parts)
        + f". What changed: {change}."
    )


def _outlet(row: pd.Series) -> str:
    return short_outlet(row[Evolution.outlet], row[Evolution.statement_id])


def save_png(fig: Figure, path: str | Path | io.BytesIO) -> None:
    """Save a figure as PNG with no timestamp or software metadata (byte-identical reruns)."""
    fig.savefig(path, format="png", dpi=DPI, metadata={"Software": None})


def png_bytes(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    save_png(fig, buffer)
    return buffer.getvalue()


def png_image(fig: Figure) -> Image:
    """The figure as an IPython image, for notebooks: same bytes on every run."""
    return Image(data=png_bytes(fig), format="png")


def quantity_charts(evolution: pd.DataFrame) -> Iterable[tuple[HeadlineRow, Figure, str]]:
    """(headline row, chart, alt text) for each series with a dated figure, in headline
    order; every chart shares the time axis of the whole table."""
    for row, own, date_range in _quantity_rows(evolution):
        alt = chart_alt_text(own, row.quantity, row.change)
        yield row, quantity_chart(own, row.quantity, date_range), alt


def _quantity_rows(
    evolution: pd.DataFrame,
) -> Iterable[tuple[HeadlineRow, pd.DataFrame, tuple[dt.datetime, dt.datetime]]]:
    """(headline row, its series' rows, the shared time axis) for each series with a dated
    figure, in headline order."""
    if evolution[Evolution.date].notna().sum() == 0:
        return
    date_range = _date_range(evolution)
    for row in headline_rows(evolution):
        own = evolution[evolution[Evolution.series] == row.series]
        if not own[Evolution.date].isna().all():
            yield row, own, date_range


def _chart_png(chart: tuple[pd.DataFrame, str, tuple[dt.datetime, dt.datetime]]) -> bytes:
    """The PNG of one small multiple: (series' rows, quantity, time axis)."""
    rows, quantity, date_range = chart
    return png_bytes(quantity_chart(rows, quantity, date_range))


def charts_html(evolution: pd.DataFrame) -> str:
    """The small multiples as one HTML block: a grid of PNG images (embedded, so the page
    needs nothing from elsewhere), each with alt text and a caption, one column at phone
    width. The charts are drawn on two cores where there are two (same bytes either way)."""
    esc = escape
    charts = list(_quantity_rows(evolution))
    pngs = map_on_two_cores(_chart_png, [(own, row.quantity, dates) for row, own, dates in charts])
    figures = []
    for (row, own, _), png in zip(charts, pngs, strict=True):
        alt = chart_alt_text(own, row.quantity, row.change)
        data = base64.b64encode(png).decode("ascii")
        caption = f"{row.change} ({row.note})" if row.note else row.change
        figures.append(
            f'<figure data-series="{esc(row.series)}"><img src="data:image/png;base64,{data}" '
            f'alt="{esc(alt)}" width="{int(FIGSIZE[0] * DPI)}" '
            f'height="{int(FIGSIZE[1] * DPI)}"><figcaption>What changed: {esc(caption)}'
            "</figcaption></figure>"
        )
    if not figures:
        return '<p class="empty">No dated figures in this selection, so no charts.</p>'
    return f'<style>{CHARTS_STYLE}</style><div class="small-multiples">{"".join(figures)}</div>'
