"""Provenance pages: each statement's raw text with every extracted figure highlighted.

Statement text is untrusted input: every piece of it is HTML-escaped before it is placed in a
page, so markup or script inside a statement shows as text and never runs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.config import STATEMENT_PAGES
from analysis.derive.intervals import format_number
from analysis.schema import (
    LIST_SEPARATOR,
    MENTION_CLAIM,
    MENTION_NOT_A_CLAIM,
    Claims,
    Mentions,
    Statements,
    is_missing,
    vocabulary,
)

NON_CLAIM_REASON_TEXT: dict[str, str] = vocabulary()["non_claim_reasons"]

PAGE_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem;
       line-height: 1.5; }
code { font-size: .8em; word-break: break-all; }
pre.statement { white-space: pre-wrap; word-wrap: break-word; font-family: Georgia, serif;
                font-size: 1rem; background: #fafafa; padding: 1rem; border: 1px solid #ddd; }
mark { background: #ffe58a; padding: 0 .1em; }
mark:target { background: #ff9f43; outline: 2px solid #c0392b; }
.not-a-claim { color: #555; text-decoration: underline dotted #888; }
.unclassified { background: #fde2e2; outline: 1px dashed #c0392b; padding: 0 .1em; }
.legend span, .legend mark { margin-right: 1rem; }
dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.notice { background: #fff6d6; border-left: 4px solid #e0b000; padding: .5rem 1rem; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
td, th { border: 1px solid #ccc; padding: .2rem .4rem; text-align: left; vertical-align: top; }
.table-scroll { max-width: 100%; overflow-x: auto; }
.table-scroll table { display: table; }
caption { text-align: left; font-style: italic; padding: .2rem 0; }
.empty { font-style: italic; }
/* The quantity stays in view while a wide headline scrolls sideways. */
table.headline th[scope=row] { position: sticky; left: 0; background: #fff; z-index: 1; }
@media (max-width: 640px) { table.headline th[scope=row] { max-width: 8rem; font-size: .85em; } }
"""


# Bidirectional controls (U+202A-U+202E, U+2066-U+2069) in a statement or manifest field would
# reorder what a reader sees around them; pages show each as a visible mark instead.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def escape(text: str) -> str:
    """``text`` safe to place in a page: HTML-escaped, bidirectional controls made visible."""
    return BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", html.escape(text))


def html_page(title: str) -> str:
    """Start of a self-contained page (no favicon request, no outside resource)."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{escape(title)}</title>
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


def finding_anchor(finding_id: str) -> str:
    """The id of a finding's section in :func:`findings_side_by_side`."""
    return "finding-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in finding_id)


def plain_table(table: pd.DataFrame, caption: str = "", empty: str = "") -> str:
    """An HTML table of ``table`` as a reader wants it: no index column, an empty cell where
    a value is missing (never "NaN"), numbers as :func:`format_number` writes them, inside a
    box that scrolls sideways at phone width. With no rows, ``empty`` (a sentence saying why)
    replaces the table."""
    esc = escape
    if table.empty and empty:
        return f'<p class="empty">{esc(empty)}</p>'
    head = "".join(f'<th scope="col">{esc(str(c))}</th>' for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{esc(_cell_text(v))}</td>" for v in row) + "</tr>"
        for row in table.itertuples(index=False, name=None)
    )
    title = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (
        f'<div class="table-scroll"><table class="plain">{title}<thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _cell_text(value: object) -> str:
    if is_missing(value):
        return ""
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def describe_claim(claim: pd.Series) -> str:
    """One line: normalised value, bound, metric, period (the highlight's tooltip)."""
    low, best, high = (claim[Claims.value_low], claim[Claims.value_best], claim[Claims.value_high])
    values = f"low {format_number(low)}, best {format_number(best)}, high {format_number(high)}"
    return (
        f"{claim[Claims.metric]} ({claim[Claims.unit]}): {values}; bound {claim[Claims.bound]}; "
        f"period {claim[Claims.period]}; method {claim[Claims.method]}"
    )


def _mention_markup(text: str, mention: object, claims: pd.DataFrame) -> str:
    """One number of the text, marked by what became of it, with a hover saying why."""
    start, end = int(mention.char_start), int(mention.char_end)
    shown = escape(text[start:end])
    if mention.status == MENTION_CLAIM:
        claim = claims.loc[mention.claim_id]
        anchor = escape(claim_anchor(mention.claim_id))
        title = escape(describe_claim(claim))
        return f'<mark id="{anchor}" class="claim" title="{title}">{shown}</mark>'
    if mention.status == MENTION_NOT_A_CLAIM:
        why = NON_CLAIM_REASON_TEXT.get(mention.reason, mention.reason)
        title = escape(f"not a claim: {why}")
        return f'<span class="not-a-claim" title="{title}">{shown}</span>'
    title = "unclassified: the rules could not place this number; review it (annotations.yml)"
    return f'<mark class="unclassified" title="{title}">{shown}</mark>'


def highlight(text: str, mentions: pd.DataFrame, claims: pd.DataFrame) -> str:
    """Escaped text with every number marked: a claim (with its description), a number that
    is not a claim (and why), or an unclassified number."""
    by_id = claims.set_index(Claims.claim_id, drop=False)
    parts, position = [], 0
    for mention in mentions.sort_values([Mentions.char_start, Mentions.char_end]).itertuples():
        if mention.char_start < position:  # overlapping spans: the first one is marked
            continue
        parts.append(escape(text[position : mention.char_start]))
        parts.append(_mention_markup(text, mention, by_id))
        position = mention.char_end
    parts.append(escape(text[position:]))
    return "".join(parts)


def render_statement_page(
    statement: pd.Series, text: str, mentions: pd.DataFrame, claims: pd.DataFrame
) -> str:
    esc = escape
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
<p class="legend"><mark class="claim">claim</mark><span class="not-a-claim">not a claim (date,
age, ...)</span><mark class="unclassified">unclassified: to review</mark></p>
<dl>
{rows}
</dl>
<h2>Text</h2>
<pre class="statement">{highlight(text, mentions, claims)}</pre>
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
    statements: pd.DataFrame,
    texts: dict[str, str],
    mentions: pd.DataFrame,
    claims: pd.DataFrame,
    out_dir: Path,
) -> Iterable[Path]:
    """Write one page per statement under ``out_dir/statements/``."""
    folder = out_dir / STATEMENT_PAGES
    folder.mkdir(parents=True, exist_ok=True)
    mentions_of = dict(tuple(mentions.groupby(Mentions.statement_id, sort=False)))
    claims_of = dict(tuple(claims.groupby(Claims.statement_id, sort=False)))
    for _, statement in statements.iterrows():
        statement_id = statement[Statements.statement_id]
        own_mentions = mentions_of.get(statement_id, mentions.iloc[:0])
        own_claims = claims_of.get(statement_id, claims.iloc[:0])
        page = out_dir / statement_page_name(statement_id)
        html_text = render_statement_page(statement, texts[statement_id], own_mentions, own_claims)
        page.write_text(html_text, encoding="utf-8")
        yield page


def linked_claims_table(claims: pd.DataFrame, columns: list[str], prefix: str = "") -> str:
    """An HTML table of claims whose printed figure links to its highlight in the statement."""
    esc = escape
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
    esc = escape
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
        anchor = esc(finding_anchor(finding.finding_id))
        sections.append(
            f'<section class="finding" id="{anchor}">'
            f"<h3>{esc(finding.severity)}: {esc(finding.rule)}</h3>"
            f"<p>{esc(finding.message)}</p>"
            f'<table class="claims"><tr>{"".join(cells)}</tr></table></section>'
        )
    return "\n".join(sections) or "<p>No findings.</p>"
