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
from analysis.schema import Claims, Mentions, columns, mentions_table

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
ONE = HOSTILE.index("alert(1)") + len("alert(")
MENTIONS = mentions_table(
    [
        {
            Mentions.statement_id: "s1",
            Mentions.char_start: claim[Claims.char_start],
            Mentions.char_end: claim[Claims.char_end],
            Mentions.surface: claim[Claims.surface],
            Mentions.status: "claim",
            Mentions.claim_id: claim[Claims.claim_id],
        }
        for _, claim in CLAIMS.iterrows()
    ]
    + [
        {
            Mentions.statement_id: "s1",
            Mentions.char_start: ONE,
            Mentions.char_end: ONE + 1,
            Mentions.surface: "1",
            Mentions.status: "unclassified",
        }
    ]
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
    marked = highlight(HOSTILE, MENTIONS, CLAIMS)
    assert "<script>" not in marked and "<img" not in marked
    assert "&lt;script&gt;" in marked and "onerror=alert(" in marked
    marks = re.findall(r'<mark id="([^"]+)" class="claim" title="([^"]+)">([^<]+)</mark>', marked)
    assert [m[2] for m in marks] == ["266", "more than 3,400"]
    assert [m[0] for m in marks] == [claim_anchor(c) for c in CLAIMS[Claims.claim_id]]
    assert "bound more_than" in marks[1][1] and "high open" in marks[1][1]
    # The number the rules could not place is marked for review, not dropped.
    assert re.findall(r'<mark class="unclassified" title="unclassified: [^"]+">(1)</mark>', marked)
    # Unescaping the page text gives back the statement exactly.
    assert html.unescape(re.sub(r"</?(mark|span)[^>]*>", "", marked)) == HOSTILE


def test_a_number_that_is_not_a_claim_says_why() -> None:
    mentions = MENTIONS.copy()
    last = mentions.index[-1]
    mentions.loc[last, [Mentions.status, Mentions.reason]] = ["not_a_claim", "document_number"]
    marked = highlight(HOSTILE, mentions, CLAIMS)
    assert '<span class="not-a-claim" title="not a claim: a document' in marked


def test_statement_page_shows_markup_as_text_and_has_no_script() -> None:
    page = render_statement_page(STATEMENT, HOSTILE, MENTIONS, CLAIMS)
    assert "<script" not in page.lower()
    assert "<img" not in page and "&lt;img src=x onerror=alert(" in page
    assert "&lt;b&gt;Outlet&lt;/b&gt;" in page


def test_linked_table_points_each_figure_at_its_highlight() -> None:
    table = linked_claims_table(CLAIMS, [Claims.surface, Claims.metric, Claims.value_high])
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', table)
    assert links == [
        ("statements/s1.html#" + claim_anchor(c), s)
        for c, s in zip(CLAIMS[Claims.claim_id], CLAIMS[Claims.surface], strict=True)
    ]
    assert "<td></td>" in table  # the open upper bound shows empty, not "nan"


def test_bidirectional_controls_show_as_visible_marks() -> None:
    from analysis.report.pages import escape

    text = "Victims: 12\u202e01 \u2066x\u2069"
    shown = escape(text)
    assert "\u202e" not in shown and "\u2066" not in shown and "\u2069" not in shown
    assert shown == "Victims: 12[U+202E]01 [U+2066]x[U+2069]"
    page = render_statement_page(
        STATEMENT, "Since 2020, 45\u202e people died.", MENTIONS.iloc[:0], CLAIMS.iloc[:0]
    )
    assert "\u202e" not in page and "[U+202E]" in page
