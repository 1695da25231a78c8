"""Plots: one marker per claim, ranges and open bounds drawn, labels, byte-stable PNGs."""

from __future__ import annotations

import io

import matplotlib.dates as mdates
import pandas as pd
import pytest
from claims_factory import UN_LETTER, shipped_claims, shipped_statements
from matplotlib.text import Annotation

from analysis.derive.evolution import build_evolution
from analysis.report.plots import FOOTNOTE, metric_families, plot_metric_family, save_png
from analysis.schema import METRICS, Evolution


@pytest.fixture(scope="module")
def evolution() -> pd.DataFrame:
    return build_evolution(shipped_claims(), shipped_statements())


def by_gid(fig, prefix: str) -> list:
    return [a for a in fig.axes[0].get_children() if (a.get_gid() or "").startswith(prefix)]


def png_bytes(fig) -> bytes:
    buffer = io.BytesIO()
    save_png(fig, buffer)
    return buffer.getvalue()


def test_families_cover_every_metric_once():
    members = [m for metrics in metric_families().values() for m in metrics]
    assert sorted(members) == sorted(METRICS)
    assert {"casualties", "mines", "maps"} <= set(metric_families())


def test_titles_labels_and_footnote(evolution):
    fig = plot_metric_family(evolution, metric_families()["casualties"], "Mine victims")
    ax = fig.axes[0]
    assert ax.get_title() == "Mine victims"
    assert ax.get_ylabel() == "people (as claimed)"
    assert ax.get_xlabel() == "statement date"
    assert FOOTNOTE in [t.get_text() for t in fig.texts]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "casualties/since_ceasefire" in legend
    assert "AA: Aykhan Hajizada" in legend
    assert "Azernews: Ministry of Foreign Affairs of Azerbaijan" in legend


def test_one_point_per_dated_claim_with_labels(evolution):
    metrics = metric_families()["casualties"]
    fig = plot_metric_family(evolution, metrics, "Mine victims")
    expected = evolution[
        evolution[Evolution.metric].isin(metrics) & evolution[Evolution.date].notna()
    ]
    points = by_gid(fig, "point:")
    assert sorted(p.get_gid() for p in points) == sorted("point:" + expected[Evolution.claim_id])
    labels = [a.get_text() for a in by_gid(fig, "label:")]
    assert len(labels) == len(expected)
    assert f"more than 260 ({UN_LETTER})" in labels
    assert "more than 3,400 (AA)" in labels


def test_open_bounds_are_arrows_and_ranges_are_bars(evolution):
    fig = plot_metric_family(evolution, metric_families()["mines"], "Mines")
    arrows = by_gid(fig, "arrow:")
    open_rows = evolution[
        evolution[Evolution.metric].isin(metric_families()["mines"])
        & evolution[Evolution.bound].isin(["more_than", "at_least", "at_most", "less_than"])
    ]
    assert len(arrows) == len(open_rows) == 4  # over 1,400 x2, exceeds 1 million, 500 thousand
    for arrow in arrows:
        assert isinstance(arrow, Annotation)
        (_, tip), (_, base) = arrow.xy, arrow.xyann
        assert tip > base  # all "more than": pointing up
    bars = by_gid(fig, "range:")
    assert len(bars) == 1  # "hundreds of thousands": 200,000 .. 999,999
    (segment,) = bars[0].get_segments()
    assert segment[:, 1].tolist() == [200000, 999999]


def test_same_day_outlets_do_not_overlap(evolution):
    fig = plot_metric_family(evolution, ["casualties"], "Casualties")
    xs = {p.get_gid(): p.get_xdata()[0] for p in by_gid(fig, "point:")}
    same_day = evolution[
        (evolution[Evolution.metric] == "casualties") & (evolution[Evolution.date] == "2024-01-26")
    ]
    positions = {xs["point:" + cid] for cid in same_day[Evolution.claim_id]}
    assert len(positions) == 2
    centre = mdates.date2num(pd.Timestamp("2024-01-26"))
    assert all(abs(x - centre) < 30 for x in positions)


def test_png_is_byte_identical(evolution):
    metrics = metric_families()["casualties"]
    first = png_bytes(plot_metric_family(evolution, metrics, "Mine victims"))
    second = png_bytes(plot_metric_family(evolution, metrics, "Mine victims"))
    assert first == second
    assert first.startswith(b"\x89PNG")


def test_draws_into_a_given_axes_and_handles_no_data(evolution):
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    assert plot_metric_family(evolution, ["area_cleared_ha"], "Clearance", ax=ax) is fig
    assert ax.get_ylabel() == "hectares (as claimed)"
    assert by_gid(fig, "point:") == []
