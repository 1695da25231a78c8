"""Pieces of the entry page and the notebooks: statements in date order, the parameters a
report ran with, links to the tables, and the claims table a reader can search and sort.

The search and sort run in the page itself (a short inline script, no request to any other
host), so the report works offline and from a file.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import pandas as pd

from analysis.config import REPORT_TABLES
from analysis.derive.evolution import series_label, short_outlet
from analysis.derive.intervals import format_number
from analysis.report.headline import quantity_name
from analysis.report.pages import claim_link, escape, statement_page_name
from analysis.schema import Claims, Statements, is_missing

# Parameters the report sets for every notebook: not a reader's choice, so not listed.
PLUMBING_PARAMETERS = ("tables", "check_corpus")
# Parameters that narrow the selection: a notice says so wherever they are set.
FILTER_PARAMETERS = ("metrics", "period", "date_from", "date_to", "severities")


def in_date_order(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements by date, undated last; the manifest order breaks ties."""
    order = statements.assign(
        _undated=statements[Statements.date].isna(), _row=range(len(statements))
    )
    order = order.sort_values(["_undated", Statements.date, "_row"], kind="mergesort")
    return order.drop(columns=["_undated", "_row"])


def statements_table(statements: pd.DataFrame, prefix: str = "") -> str:
    """The statements in date order, each linked to its page with the figures highlighted."""
    esc = escape
    if statements.empty:
        return '<p class="empty">No statement in this selection.</p>'
    rows = []
    for s in in_date_order(statements).itertuples(index=False):
        statement_id = getattr(s, Statements.statement_id)
        cells = [
            f'<a href="{esc(prefix + statement_page_name(statement_id))}">{esc(statement_id)}</a>',
            *(
                esc("" if is_missing(v := getattr(s, column)) else str(v))
                for column in (
                    Statements.date,
                    Statements.date_basis,
                    Statements.outlet,
                    Statements.speaker,
                )
            ),
            f"<code>{esc(_or(getattr(s, Statements.sha256), 'not pinned'))}</code>",
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("statement", "date", "how the date is known", "outlet", "speaker", "sha256")
    )
    return (
        '<div class="table-scroll"><table class="statements">'
        "<caption>One row per statement, in date order.</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _or(value: object, missing: str) -> str:
    """A cell's text, or ``missing`` when it is empty (None or NaN)."""
    return missing if is_missing(value) else str(value)


def parameters_text(parameters: Mapping[str, Any]) -> str:
    """ "ran with metrics=['killed'], date_to='2023-12-31'", or "ran with the defaults"."""
    chosen = {k: v for k, v in parameters.items() if k not in PLUMBING_PARAMETERS}
    if not chosen:
        return "ran with its default parameters (every statement, every metric)"
    return "ran with " + ", ".join(f"{k}={v!r}" for k, v in sorted(chosen.items()))


def selection_notice(parameters: Mapping[str, Any]) -> str:
    """A sentence warning that a date window or a metric filter narrows the report, or ""."""
    set_filters = {
        k: v for k, v in parameters.items() if k in FILTER_PARAMETERS and v not in ("", [], ())
    }
    if not set_filters:
        return ""
    listed = ", ".join(f"{k}={v!r}" for k, v in sorted(set_filters.items()))
    return f"This report shows a selection of the claims, not all of them: {listed}."


def parameters_html(parameters: Mapping[str, Any]) -> str:
    """The parameters a notebook ran with, and a notice when they narrow the selection."""
    esc = escape
    shown = f"<p><small>This report {esc(parameters_text(parameters))}.</small></p>"
    notice = selection_notice(parameters)
    return shown + (f'<p class="notice">{esc(notice)}</p>' if notice else "")


def data_links(files: Collection[str]) -> str:
    """Links to the tables copied beside the report."""
    if not files:
        return "<p>The tables were not copied into this report.</p>"
    esc = escape
    items = "".join(
        f'<li><a href="{esc(REPORT_TABLES)}/{esc(name)}">{esc(name)}</a></li>' for name in files
    )
    return (
        "<p>The tables behind every page, as CSV with a Frictionless Data Package descriptor "
        f'(<code>{esc(REPORT_TABLES)}/</code>):</p><ul class="data">{items}</ul>'
    )


CLAIMS_SCRIPT = """
(function () {
  var table = document.getElementById('claims-table');
  var search = document.getElementById('claims-search');
  var count = document.getElementById('claims-count');
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  function filter() {
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var keep = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !keep;
      if (keep) { shown += 1; }
    });
    count.textContent = shown + ' of ' + rows.length + ' claims shown';
  }
  search.addEventListener('input', filter);
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, column) {
    var button = cell.querySelector('button');
    button.addEventListener('click', function () {
      var ascending = cell.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) {
        c.removeAttribute('aria-sort');
      });
      cell.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var numeric = cell.dataset.type === 'number';
      rows.sort(function (a, b) {
        var x = a.cells[column].dataset.sort, y = b.cells[column].dataset.sort;
        if (x === '' && y !== '') { return 1; }
        if (y === '' && x !== '') { return -1; }
        var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
    });
  });
  filter();
})();
"""


def claims_browser(claims: pd.DataFrame, statements: pd.DataFrame, prefix: str = "") -> str:
    """Every claim in one table the reader can search (all words, any column) and sort
    (click a column's heading), each printed figure linked to its sentence."""
    esc = escape
    info = statements.set_index(Statements.statement_id)
    columns = [
        ("date", "text"),
        ("outlet", "text"),
        ("quantity", "text"),
        ("as printed", "text"),
        ("qualifier", "text"),
        ("low", "number"),
        ("best", "number"),
        ("high", "number"),
        ("unit", "text"),
        ("series", "text"),
    ]
    body = []
    for claim in claims.itertuples(index=False):
        statement_id = getattr(claim, Claims.statement_id)
        date = info.at[statement_id, Statements.date]
        outlet = short_outlet(info.at[statement_id, Statements.outlet], statement_id)
        key = [
            getattr(claim, c) for c in (Claims.metric, Claims.period, Claims.area, Claims.device)
        ]
        href = claim_link(getattr(claim, Claims.claim_id), statement_id, prefix)
        surface = getattr(claim, Claims.surface)
        values = [
            getattr(claim, c) for c in (Claims.value_low, Claims.value_best, Claims.value_high)
        ]
        cells = [
            ("" if is_missing(date) else date, esc("" if is_missing(date) else date)),
            (outlet, esc(outlet)),
            (quantity_name(*key), esc(quantity_name(*key))),
            (surface, f'<a href="{esc(href)}">{esc(surface)}</a>'),
            (getattr(claim, Claims.bound), esc(getattr(claim, Claims.bound))),
            *(
                ("" if is_missing(v) else repr(float(v)), "" if is_missing(v) else format_number(v))
                for v in values
            ),
            (getattr(claim, Claims.unit), esc(getattr(claim, Claims.unit))),
            (series_label(*key), f"<code>{esc(series_label(*key))}</code>"),
        ]
        body.append(
            "<tr>"
            + "".join(f'<td data-sort="{esc(sort)}">{shown}</td>' for sort, shown in cells)
            + "</tr>"
        )
    head = "".join(
        f'<th scope="col" data-type="{kind}"><button type="button">{esc(name)}</button></th>'
        for name, kind in columns
    )
    if not body:
        return '<p class="empty">No claims were extracted from these statements.</p>'
    return f"""<h3 id="claims">All claims</h3>
<p><label for="claims-search">Search the claims (every word must appear):</label>
<input id="claims-search" type="search" placeholder="e.g. killed 2024">
<span id="claims-count" aria-live="polite"></span></p>
<p><small>Click a column's heading to sort by it; click again to reverse.</small></p>
<div class="table-scroll"><table id="claims-table" class="claims">
<caption>One row per claim; the figure as printed links to its sentence.</caption>
<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>
<script>{CLAIMS_SCRIPT}</script>"""
