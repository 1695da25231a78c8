"""Small multiples: one chart per quantity, points joined in date order, open bounds as
arrows, ranges as bars, labels that do not overlap, alt text, byte-stable PNGs."""

from __future__ import annotations

import itertools
import re

import matplotlib.dates as mdates
import pandas as pd
import pytest
from claims_factory import (
    CF,
    MFA_2024,
    UN_LETTER,
    exact,
    make_statements,
    more_than,
    nearly,
    shipped_claims,
    shipped_statements,
    synthetic_claims,
)
from matplotlib.text import Annotation

from analysis.derive.evolution import build_evolution
from analysis.report.headline import quantity_name
from analysis.report.plots import (
    FOOTNOTE,
    charts_html,
    png_bytes,
    quantity_chart,
    quantity_charts,
)
from analysis.schema import OPEN_ABOVE, OPEN_BELOW, Evolution


@pytest.fixture(scope="module")
def evolution() -> pd.DataFrame:
    return build_evolution(shipped_claims(), shipped_statements())


@pytest.fixture(scope="module")
def charts(evolution) -> dict[str, tuple]:
    return {row.series: (row, fig, alt) for row, fig, alt in quantity_charts(evolution)}


def crowded_evolution() -> pd.DataFrame:
    """Another set of dates, crowded on purpose: four statements on one day with close
    figures, a day soon after, and open bounds both ways."""
    statements = make_statements(
        [{"statement_id": f"s{k}", "date": "2025-05-01", "outlet": f"Outlet {k}"} for k in range(4)]
        + [{"statement_id": "later", "date": "2025-05-09", "outlet": "Later outlet"}]
    )
    quote = "Since the war, {} people were killed."
    figures = [
        exact(f"s{k}", "killed", quote.format(v), str(v), v, **CF)
        for k, v in enumerate((100, 101, 102, 103))
    ]
    figures += [
        more_than("later", "killed", quote.format("more than 101"), "more than 101", 101, **CF),
        nearly("s1", "killed", quote.format("nearly 104"), "nearly 104", 104, **CF),
    ]
    return build_evolution(synthetic_claims(figures), statements)


def by_gid(fig, prefix: str) -> list:
    return [a for a in fig.axes[0].get_children() if (a.get_gid() or "").startswith(prefix)]


def test_one_chart_per_quantity_titled_in_words(evolution, charts):
    dated = evolution[evolution[Evolution.date].notna()]
    assert set(charts) == set(dated[Evolution.series])
    row, fig, _ = charts["casualties/since_ceasefire"]
    ax = fig.axes[0]
    title = " ".join(ax.get_title(loc="left").split())
    assert title == quantity_name("casualties", "since_ceasefire") == row.quantity
    assert ax.get_ylabel() == "people (as claimed)"
    assert ax.get_xlabel() == "date of the statement"
    assert FOOTNOTE in [t.get_text() for t in fig.texts]
    share = charts["incidents_outside_maps_pct/unspecified"][1]
    assert share.axes[0].get_ylabel() == "percent (as claimed)"


def test_one_point_per_figure_and_statement_joined_in_date_order(evolution, charts):
    fig = charts["killed/since_ceasefire"][1]
    points = by_gid(fig, "point:")
    rows = evolution[evolution[Evolution.series] == "killed/since_ceasefire"]
    distinct = rows.drop_duplicates([Evolution.statement_id, Evolution.surface])
    # The ministry's "65" is printed twice in its text: one point.
    assert len(points) == len(distinct) < len(rows)
    (line,) = by_gid(fig, "line")
    xs = list(line.get_xdata())
    assert xs == sorted(xs) and len(xs) == len(points)
    assert sorted(xs) == sorted(p.get_xdata()[0] for p in points)


def test_open_bounds_are_arrows_and_ranges_are_bars(evolution, charts):
    fig = charts["mines_laid/unspecified"][1]
    arrows = by_gid(fig, "arrow:")
    rows = evolution[evolution[Evolution.series] == "mines_laid/unspecified"]
    open_rows = rows[rows[Evolution.bound].isin(OPEN_ABOVE | OPEN_BELOW)]
    assert len(arrows) == len(open_rows) == 1  # "exceeds 1 million"
    (arrow,) = arrows
    assert isinstance(arrow, Annotation)
    (_, tip), (_, base) = arrow.xy, arrow.xyann
    assert tip > base  # open above: pointing up
    (bar,) = by_gid(fig, "range:")  # "hundreds of thousands": 200,000 .. 999,999
    (segment,) = bar.get_segments()
    assert segment[:, 1].tolist() == [200000, 999999]
    down = by_gid(charts["incidents_outside_maps_pct/unspecified"][1], "arrow:")
    directions = sorted(a.xy[1] > a.xyann[1] for a in down)
    assert directions == [False, True]  # "Nearly 55%" down, "more than 55%" up


def test_same_day_statements_side_by_side_at_their_date(charts):
    fig = charts["casualties/since_ceasefire"][1]
    points = {p.get_gid(): p.get_xdata()[0] for p in by_gid(fig, "point:")}
    later = [x for gid, x in points.items() if "2024" in gid or MFA_2024 in gid or "aa-" in gid]
    assert len(set(later)) == 2
    centre = mdates.date2num(pd.Timestamp("2024-01-26"))
    assert all(abs(x - centre) < 15 for x in later)
    assert sum(later) / 2 == pytest.approx(centre)


def label_boxes(fig) -> list:
    renderer = fig.canvas.get_renderer()
    return [a.get_window_extent(renderer) for a in by_gid(fig, "label:")]


@pytest.mark.parametrize("corpus", ["shipped", "crowded"])
def test_no_two_labels_overlap(evolution, corpus):
    table = evolution if corpus == "shipped" else crowded_evolution()
    for row, fig, _ in quantity_charts(table):
        boxes = label_boxes(fig)
        assert boxes, row.series
        for a, b in itertools.combinations(boxes, 2):
            assert not a.overlaps(b), (row.series, a, b)
        inside = fig.bbox
        for box in boxes:
            assert inside.x0 <= box.x0 and box.x1 <= inside.x1, row.series
            assert inside.y0 <= box.y0 and box.y1 <= inside.y1, row.series


def test_labels_name_the_figure_as_printed_and_every_outlet(charts):
    labels = [a.get_text() for a in by_gid(charts["casualties/since_ceasefire"][1], "label:")]
    assert f"more than 260 ({UN_LETTER})" in labels
    assert "342 (AA, mfa-2024-01-26)" in labels


def test_charts_share_one_time_axis(charts):
    limits = {fig.axes[0].get_xlim() for _, fig, _ in charts.values()}
    assert len(limits) == 1


def test_alt_text_describes_the_chart(charts):
    row, _, alt = charts["casualties/since_ceasefire"]
    assert alt.startswith(f"Chart of {row.quantity}")
    for figure in ("266 (Azernews)", f"more than 260 ({UN_LETTER})", "342 (AA)"):
        assert figure in alt
    assert "3 December 2022" in alt and f"What changed: {row.change}" in alt


def test_charts_html_has_alt_text_and_no_default_description(evolution, charts):
    html = charts_html(evolution)
    alts = re.findall(r'<img src="data:image/png;base64,[^"]+" alt="([^"]+)"', html)
    assert len(alts) == len(charts)
    assert "No description" not in html
    assert "No dated figures" in charts_html(evolution.iloc[:0])


def test_png_is_byte_identical(evolution):
    rows = evolution[evolution[Evolution.series] == "casualties/since_ceasefire"]
    first = png_bytes(quantity_chart(rows, "Mine victims"))
    second = png_bytes(quantity_chart(rows, "Mine victims"))
    assert first == second and first.startswith(b"\x89PNG")


def test_undated_figures_are_left_out():
    statements = make_statements([{"statement_id": "u", "date": None, "outlet": "U"}])
    claims = synthetic_claims([exact("u", "killed", "In all 5 died.", "5", 5, **CF)])
    evolution = build_evolution(claims, statements)
    assert list(quantity_charts(evolution)) == []
    fig = quantity_chart(evolution, "Killed")
    assert by_gid(fig, "point:") == []
