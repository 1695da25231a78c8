from __future__ import annotations

import html
import re

import pandas as pd

from analysis.report.pages import (
    claim_anchor,
    highlight,
    linked_claims_table,
    render_statement_page,
)
from analysis.schema import Claims, columns

HOSTILE = (
    'Officials said <script>alert("x")</script> that 266 persons became victims '
    "<img src=x onerror=alert(1)> & more than 3,400 were injured.\n"
)


def _claim(text: str, surface: str, metric: str, low: float, best: float | None, high, bound):
    start = text.index(surface)
    return {
        Claims.claim_id: f"s1:{start}-{start + len(surface)}",
        Claims.statement_id: "s1",
        Claims.metric: metric,
        Claims.value_low: low,
        Claims.value_best: best,
        Claims.value_high: high,
        Claims.bound: bound,
        Claims.unit: "people",
        Claims.period: "unspecified",
        Claims.period_start: None,
        Claims.period_end: None,
        Claims.area: None,
        Claims.device: None,
        Claims.surface: surface,
        Claims.quote: text.strip(),
        Claims.char_start: start,
        Claims.char_end: start + len(surface),
        Claims.method: "rule",
    }


CLAIMS = pd.DataFrame(
    [
        _claim(HOSTILE, "266", "casualties", 266.0, 266.0, 266.0, "exact"),
        _claim(HOSTILE, "more than 3,400", "injured", 3400.0, 3400.0, None, "more_than"),
    ],
    columns=columns(Claims),
)
STATEMENT = pd.Series(
    {
        "statement_id": "s1",
        "date": "2024-01-26",
        "date_basis": "stated",
        "outlet": "<b>Outlet</b>",
        "speaker": "Speaker",
        "title": None,
        "notes": None,
        "sha256": None,
    }
)


def test_highlight_escapes_text_and_marks_each_figure_with_its_description() -> None:
    marked = highlight(HOSTILE, CLAIMS)
    assert "<script>" not in marked and "<img" not in marked
    assert "&lt;script&gt;" in marked and "&lt;img src=x onerror=alert(1)&gt;" in marked
    marks = re.findall(r'<mark id="([^"]+)" title="([^"]+)">([^<]+)</mark>', marked)
    assert [m[2] for m in marks] == ["266", "more than 3,400"]
    assert [m[0] for m in marks] == [claim_anchor(c) for c in CLAIMS[Claims.claim_id]]
    assert "bound more_than" in marks[1][1] and "high open" in marks[1][1]
    # Unescaping the page text gives back the statement exactly.
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", marked)) == HOSTILE


def test_statement_page_shows_markup_as_text_and_has_no_script() -> None:
    page = render_statement_page(STATEMENT, HOSTILE, CLAIMS)
    assert "<script" not in page.lower()
    assert "onerror=alert" not in page.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    assert "&lt;b&gt;Outlet&lt;/b&gt;" in page


def test_linked_table_points_each_figure_at_its_highlight() -> None:
    table = linked_claims_table(CLAIMS, [Claims.surface, Claims.metric, Claims.value_high])
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', table)
    assert links == [
        ("statements/s1.html#" + claim_anchor(c), s)
        for c, s in zip(CLAIMS[Claims.claim_id], CLAIMS[Claims.surface], strict=True)
    ]
    assert "<td></td>" in table  # the open upper bound shows empty, not "nan"
