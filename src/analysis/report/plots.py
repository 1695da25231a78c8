"""Plots of claimed figures over time (matplotlib only; used by the notebooks).

Every point is one claim at its statement's date: nothing is summed, averaged or
interpolated, so no line joins the points. Ranges are drawn as bars, open bounds as arrows,
and each point is labelled with the figure as printed and the outlet that printed it.
Figures are built without pyplot (no global state) at a fixed size and resolution, so
saving one with :func:`save_png` gives the same bytes on every run.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from pathlib import Path

import matplotlib.dates as mdates
import pandas as pd
from IPython.display import Image
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.derive.evolution import short_outlet
from analysis.derive.intervals import representative
from analysis.schema import METRIC_UNITS, OPEN_ABOVE, OPEN_BELOW, Evolution, vocabulary

FIGSIZE = (11.0, 7.5)
DPI = 100
FOOTNOTE = "Figures are claims by the named speakers, not verified."
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">")
COLORS = (
    "tab:blue",
    "tab:red",
    "tab:green",
    "tab:orange",
    "tab:purple",
    "tab:brown",
    "tab:pink",
    "tab:olive",
    "tab:cyan",
    "tab:gray",
)
# Same-day points from different outlets are spread by this share of the date span.
JITTER_SHARE = 0.03
LABEL_GAP = 11.0  # pixels between stacked labels (7-point text at 100 dpi)
LABEL_REACH = 120.0  # pixels: points closer than this share one stack of labels
# Use a log axis when the plotted values span more than this factor (3 and 3,400 together).
LOG_SPAN = 50.0
ARROW_FACTOR = 1.6  # length of an open-bound arrow on a log axis (multiplicative)
ARROW_SHARE = 0.08  # ... and on a linear axis (share of the y range)


def metric_families() -> dict[str, list[str]]:
    """Groups of metrics plotted together, from the ``families`` key of vocabulary.yml."""
    return {name: list(metrics) for name, metrics in vocabulary()["families"].items()}


def _jitter_days(rows: pd.DataFrame, outlets: list[str]) -> list[float]:
    """Offsets (in days) spreading the outlets that share a date, centred on the date."""
    dates = pd.to_datetime(rows[Evolution.date])
    span = max((dates.max() - dates.min()).days, 30)
    step = span * JITTER_SHARE
    offsets = []
    for date, outlet in zip(rows[Evolution.date], outlets, strict=True):
        same_day = list(
            dict.fromkeys(
                o for d, o in zip(rows[Evolution.date], outlets, strict=True) if d == date
            )
        )
        k = same_day.index(outlet)
        offsets.append((k - (len(same_day) - 1) / 2) * step)
    return offsets


def plot_metric_family(
    evolution: pd.DataFrame, metrics: list[str], title: str, ax: Axes | None = None
) -> Figure:
    """Draw every dated claim of ``metrics`` at its statement date; returns the figure.

    Colour tells the series (metric and period), marker the outlet; bars show a range
    (low..high), arrows an open bound (up for more_than/at_least, down for at_most/
    less_than). Each point is labelled with its surface text and outlet. Undated claims
    cannot be placed on a time axis and are left out (they stay in the evolution table).
    """
    if ax is None:
        fig = Figure(figsize=FIGSIZE, dpi=DPI)
        ax = fig.add_subplot()
    else:
        fig = ax.figure
    rows = evolution[
        evolution[Evolution.metric].isin(metrics) & evolution[Evolution.date].notna()
    ].reset_index(drop=True)
    units = list(dict.fromkeys(rows[Evolution.unit])) or list(
        dict.fromkeys(METRIC_UNITS[m] for m in metrics)
    )
    ax.set_title(title)
    ax.set_xlabel("statement date")
    ax.set_ylabel(f"{' / '.join(units)} (as claimed)")
    fig.text(0.01, 0.01, FOOTNOTE, fontsize=8, style="italic", ha="left", va="bottom")
    if rows.empty:
        ax.text(0.5, 0.5, "no dated figures", transform=ax.transAxes, ha="center")
        return fig

    outlets = [
        short_outlet(o, s)
        for o, s in zip(rows[Evolution.outlet], rows[Evolution.statement_id], strict=True)
    ]
    outlet_order = list(dict.fromkeys(outlets))
    # The legend attributes each marker to its outlet and speaker ("AA: Aykhan Hajizada").
    speakers = dict(zip(outlets, rows[Evolution.speaker], strict=True))
    series_order = list(dict.fromkeys(rows[Evolution.series]))
    values = [representative(row) for _, row in rows.iterrows()]
    positive = [v for v in values if v > 0]
    # A log axis only when every value can be drawn on it.
    log = len(positive) == len(values) and max(positive) / min(positive) > LOG_SPAN
    if log:
        ax.set_yscale("log")
    # Linear axes start at zero, so an arrow's length is a share of the largest value.
    y_span = max(max(abs(v) for v in values), 1.0)
    offsets = _jitter_days(rows, outlets)
    labels: list[tuple[float, float, bool, str, str]] = []
    extent = list(values)  # everything drawn, so the y limits can hold arrows and bars
    stamps = pd.to_datetime(rows[Evolution.date])
    midpoint = (stamps.min() + (stamps.max() - stamps.min()) / 2).to_pydatetime()

    for i, row in rows.iterrows():
        claim_id = row[Evolution.claim_id]
        color = COLORS[series_order.index(row[Evolution.series]) % len(COLORS)]
        marker = MARKERS[outlet_order.index(outlets[i]) % len(MARKERS)]
        day = dt.datetime.fromisoformat(row[Evolution.date]) + dt.timedelta(days=offsets[i])
        x, y = mdates.date2num(day), values[i]
        ax.plot(
            [x],
            [y],
            linestyle="none",
            marker=marker,
            color=color,
            markersize=7,
            gid=f"point:{claim_id}",
        )
        lo, hi = row[Evolution.value_low], row[Evolution.value_high]
        if not (pd.isna(lo) or pd.isna(hi)) and lo < hi:
            ax.vlines(x, lo, hi, color=color, linewidth=1.5, gid=f"range:{claim_id}")
            extent += [lo, hi]
        bound = row[Evolution.bound]
        if bound in OPEN_ABOVE or bound in OPEN_BELOW:
            up = bound in OPEN_ABOVE
            if log:
                tip = y * ARROW_FACTOR if up else y / ARROW_FACTOR
            else:
                tip = y + (ARROW_SHARE * y_span if up else -ARROW_SHARE * y_span)
            extent.append(tip)
            ax.annotate(
                "",
                xy=(x, tip),
                xytext=(x, y),
                gid=f"arrow:{claim_id}",
                arrowprops={"arrowstyle": "->", "color": color, "linewidth": 1.5},
            )
        # Outlets left of a date's centre are labelled on the left, the others on the right;
        # a lone point on the later half of the time axis is labelled on the left (room).
        left = offsets[i] < 0 or (offsets[i] == 0 and day > midpoint)
        labels.append((x, y, left, f"{row[Evolution.surface]} ({outlets[i]})", claim_id))

    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    first, last = pd.to_datetime(rows[Evolution.date]).agg(["min", "max"])
    # Room for the labels beside the first and last dates.
    margin = dt.timedelta(days=max((last - first).days * 0.35, 60))
    ax.set_xlim(mdates.date2num(first - margin), mdates.date2num(last + margin))
    # An arrow whose tip leaves the axes is not drawn, so the limits must contain the tips.
    if log:
        ax.set_ylim(min(v for v in extent if v > 0) / 2, max(extent) * 2)
    else:
        # Counts and shares start at zero so differences are not exaggerated.
        top = max(extent)
        ax.set_ylim(min(0.0, min(extent)), top + ARROW_SHARE * max(top, 1.0))
    ax.grid(True, which="major", axis="y", alpha=0.3)

    handles = [
        Line2D([], [], linestyle="none", marker="o", color=COLORS[k % len(COLORS)], label=s)
        for k, s in enumerate(series_order)
    ] + [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=MARKERS[k % len(MARKERS)],
            color="black",
            label=_attribution(o, speakers[o]),
        )
        for k, o in enumerate(outlet_order)
    ]
    ax.legend(
        handles=handles,
        fontsize=7,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.1),
        ncol=3,
        borderaxespad=0.0,
    )
    fig.subplots_adjust(left=0.08, right=0.97, bottom=0.26, top=0.94)
    _place_labels(ax, labels)
    return fig


def _place_labels(ax: Axes, labels: list[tuple[float, float, bool, str, str]]) -> None:
    """Label each point, pushing labels on the same side of a date apart vertically.

    Positions are worked out in display pixels once the axes are laid out, so the result
    depends only on the data (deterministic) and labels of close values stay legible.
    """
    # Labels on one side whose points lie within LABEL_REACH pixels form one stack.
    groups: list[list[tuple[float, float, bool, str, str]]] = []
    for left in (True, False):
        side = sorted((lab for lab in labels if lab[2] == left), key=lambda lab: lab[0])
        last_x = -math.inf
        for label in side:
            pixel_x = ax.transData.transform((label[0], label[1]))[0]
            if pixel_x - last_x > LABEL_REACH:
                groups.append([])
            groups[-1].append(label)
            last_x = pixel_x
    for group in groups:
        placed = sorted(
            (
                (ax.transData.transform((x, y))[1], x, y, left, text, gid)
                for x, y, left, text, gid in group
            ),
            key=lambda item: (item[0], item[4]),
        )
        floor = -math.inf
        for pixel_y, x, y, left, text, gid in placed:
            target = max(pixel_y - LABEL_GAP / 2, floor)
            floor = target + LABEL_GAP
            ax.annotate(
                text,
                xy=(x, y),
                xytext=(-8 if left else 8, target - pixel_y),
                textcoords="offset pixels",
                ha="right" if left else "left",
                va="bottom",
                fontsize=7,
                gid=f"label:{gid}",
            )


def _attribution(outlet: str, speaker: object) -> str:
    if not isinstance(speaker, str) or not speaker:
        return outlet
    return f"{outlet}: {speaker.split(',')[0]}"


def save_png(fig: Figure, path: str | Path | io.BytesIO) -> None:
    """Save a figure as PNG with no timestamp or software metadata (byte-identical reruns)."""
    fig.savefig(path, format="png", dpi=DPI, metadata={"Software": None})


def png_image(fig: Figure) -> Image:
    """The figure as an IPython image, for notebooks: same bytes on every run."""
    buffer = io.BytesIO()
    save_png(fig, buffer)
    return Image(data=buffer.getvalue(), format="png")
