"""Provenance pages: each statement's raw text with every extracted figure highlighted.

Statement text is untrusted input: every piece of it is HTML-escaped before it is placed in a
page, so markup or script inside a statement shows as text and never runs.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.config import STATEMENT_PAGES
from analysis.derive.intervals import format_number
from analysis.schema import LIST_SEPARATOR, Claims, Statements, is_missing

PAGE_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem;
       line-height: 1.5; }
code { font-size: .8em; word-break: break-all; }
pre.statement { white-space: pre-wrap; word-wrap: break-word; font-family: Georgia, serif;
                font-size: 1rem; background: #fafafa; padding: 1rem; border: 1px solid #ddd; }
mark { background: #ffe58a; padding: 0 .1em; }
mark:target { background: #ff9f43; outline: 2px solid #c0392b; }
dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.notice { background: #fff6d6; border-left: 4px solid #e0b000; padding: .5rem 1rem; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
td, th { border: 1px solid #ccc; padding: .2rem .4rem; text-align: left; vertical-align: top; }
"""


def html_page(title: str) -> str:
    """Start of a self-contained page (no favicon request, no outside resource)."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{html.escape(title)}</title>
<style>{PAGE_STYLE}</style>
</head>
<body>
"""


def statement_page_name(statement_id: str) -> str:
    return f"{STATEMENT_PAGES}/{statement_id}.html"


def claim_link(claim_id: str, statement_id: str, prefix: str = "") -> str:
    """Relative URL of a claim's highlight on its statement page."""
    return f"{prefix}{statement_page_name(statement_id)}#{claim_anchor(claim_id)}"


def claim_anchor(claim_id: str) -> str:
    return "claim-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in claim_id)


def describe_claim(claim: pd.Series) -> str:
    """One line: normalised value, bound, metric, period (the highlight's tooltip)."""
    low, best, high = (claim[Claims.value_low], claim[Claims.value_best], claim[Claims.value_high])
    values = f"low {format_number(low)}, best {format_number(best)}, high {format_number(high)}"
    return (
        f"{claim[Claims.metric]} ({claim[Claims.unit]}): {values}; bound {claim[Claims.bound]}; "
        f"period {claim[Claims.period]}; method {claim[Claims.method]}"
    )


def highlight(text: str, claims: pd.DataFrame) -> str:
    """Escaped text with each claim's span wrapped in a ``<mark>`` carrying its description."""
    parts, position = [], 0
    ordered = claims.sort_values([Claims.char_start, Claims.char_end])
    for _, claim in ordered.iterrows():
        start, end = int(claim[Claims.char_start]), int(claim[Claims.char_end])
        if start < position:  # overlapping spans: the first one keeps the highlight
            continue
        parts.append(html.escape(text[position:start]))
        parts.append(
            f'<mark id="{html.escape(claim_anchor(claim[Claims.claim_id]))}" '
            f'title="{html.escape(describe_claim(claim))}">{html.escape(text[start:end])}</mark>'
        )
        position = end
    parts.append(html.escape(text[position:]))
    return "".join(parts)


def render_statement_page(statement: pd.Series, text: str, claims: pd.DataFrame) -> str:
    esc = html.escape
    fields = [
        ("statement", Statements.statement_id),
        ("date", Statements.date),
        ("how the date is known", Statements.date_basis),
        ("outlet", Statements.outlet),
        ("speaker", Statements.speaker),
        ("title", Statements.title),
        ("notes", Statements.notes),
        ("sha256", Statements.sha256),
    ]
    rows = "\n".join(
        f"<dt>{esc(label)}</dt><dd>{esc(str(statement[column]))}</dd>"
        for label, column in fields
        if pd.notna(statement[column])
    )
    listing = "\n".join(
        f'<tr><td><a href="#{esc(claim_anchor(c[Claims.claim_id]))}">{esc(c[Claims.surface])}</a>'
        f"</td><td>{esc(describe_claim(c))}</td></tr>"
        for _, c in claims.sort_values(Claims.char_start).iterrows()
    )
    title = f"Statement {statement[Statements.statement_id]}"
    return (
        html_page(title)
        + f"""<p><a href="../index.html">All reports</a></p>
<h1>{esc(title)}</h1>
<p class="notice">The highlighted figures are claims by the speaker named below, as printed in
the text; hover over (or tap) a highlight for its normalised value, qualifier, metric and
period. The package does not verify them.</p>
<dl>
{rows}
</dl>
<h2>Text</h2>
<pre class="statement">{highlight(text, claims)}</pre>
<h2>Figures extracted ({len(claims)})</h2>
<table><thead><tr><th>as printed</th><th>normalised</th></tr></thead>
<tbody>
{listing}
</tbody></table>
</body>
</html>
"""
    )


def write_statement_pages(
    statements: pd.DataFrame, texts: dict[str, str], claims: pd.DataFrame, out_dir: Path
) -> Iterable[Path]:
    """Write one page per statement under ``out_dir/statements/``."""
    folder = out_dir / STATEMENT_PAGES
    folder.mkdir(parents=True, exist_ok=True)
    for _, statement in statements.iterrows():
        statement_id = statement[Statements.statement_id]
        own = claims[claims[Claims.statement_id] == statement_id]
        page = out_dir / statement_page_name(statement_id)
        page.write_text(
            render_statement_page(statement, texts[statement_id], own), encoding="utf-8"
        )
        yield page


def linked_claims_table(claims: pd.DataFrame, columns: list[str], prefix: str = "") -> str:
    """An HTML table of claims whose printed figure links to its highlight in the statement."""
    esc = html.escape
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    body = []
    for _, claim in claims.iterrows():
        cells = []
        for column in columns:
            value = claim[column]
            shown = "" if is_missing(value) else value
            if column == Claims.surface:
                href = claim_link(claim[Claims.claim_id], claim[Claims.statement_id], prefix)
                cells.append(f'<td><a href="{esc(href)}">{esc(str(shown))}</a></td>')
            else:
                cells.append(f"<td>{esc(str(shown))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<table class="claims"><thead><tr>{head}</tr></thead><tbody>'
        + "".join(body)
        + "</tbody></table>"
    )


def findings_side_by_side(
    findings: pd.DataFrame,
    claims: pd.DataFrame,
    statements: pd.DataFrame,
    separator: str = LIST_SEPARATOR,
    prefix: str = "",
) -> str:
    """Each finding as a heading, its message, and its claims' quotes side by side."""
    esc = html.escape
    by_claim = claims.set_index(Claims.claim_id)
    by_statement = statements.set_index(Statements.statement_id)
    sections = []
    for finding in findings.itertuples():
        cells = []
        for claim_id in str(finding.claim_ids).split(separator):
            if claim_id not in by_claim.index:
                continue
            claim = by_claim.loc[claim_id]
            statement = by_statement.loc[claim[Claims.statement_id]]
            href = claim_link(claim_id, claim[Claims.statement_id], prefix)
            source = " · ".join(
                str(statement[c])
                for c in (Statements.date, Statements.outlet, Statements.speaker)
                if pd.notna(statement[c])
            )
            cells.append(
                f'<td style="text-align: left; vertical-align: top">'
                f'<p><a href="{esc(href)}">{esc(claim[Claims.surface])}</a> '
                f"<small>({esc(claim[Claims.metric])}, {esc(claim[Claims.period])})</small></p>"
                f"<blockquote>{esc(claim[Claims.quote])}</blockquote>"
                f"<p><small>{esc(source)}</small></p></td>"
            )
        sections.append(
            f'<section class="finding"><h3>{esc(finding.severity)}: {esc(finding.rule)}</h3>'
            f"<p>{esc(finding.message)}</p>"
            f'<table class="claims"><tr>{"".join(cells)}</tr></table></section>'
        )
    return "\n".join(sections) or "<p>No findings.</p>"
