# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 2.0 Claims evolution
#
# How the casualty, mine-count and mine-map figures claimed in the statements changed from one
# statement to the next: one row per quantity with its figures by statement date, a small chart
# per quantity, then each change with differences, implied rates and changes of qualifier.
#
# **Every figure is a claim by the named speaker, a party to the conflict; this package does not
# verify it.** Differences and rates below are arithmetic on two claims, not measurements.

# %% tags=["parameters"]
tables: "Folder" = "../data/processed"  # tables written by `make tables` (analysis extract)
check_corpus: bool = True  # refuse tables older than their corpus (the report has just built them)
metrics: "list[Metric]" = []  # metrics to analyse, e.g. ["killed", "civilians_killed"]; [] for all
period: "Period" = ""  # reference period to keep, e.g. "since_ceasefire"; "" for every period
date_from: "IsoDate" = ""  # first statement date to include, YYYY-MM-DD; "" for no limit
date_to: "IsoDate" = ""  # last statement date to include, YYYY-MM-DD; "" for no limit
baseline_statement: "StatementId" = ""  # statement to compare later figures with; "" for the first

# %%
import pandas as pd
from IPython.display import HTML, display

from analysis.derive.evolution import changes_between_dates, claim_diff, versus_baseline
from analysis.report import params
from analysis.report.headline import headline_html, main_findings_html
from analysis.report.index import parameters_html, statements_table
from analysis.report.pages import linked_claims_table, plain_table
from analysis.report.plots import charts_html
from analysis.report.views import select_claims, select_evolution, select_statements
from analysis.schema import LIST_SEPARATOR, Claims, Evolution, Findings, Statements
from analysis.storage import load_tables

params.check(__annotations__, globals())
data = load_tables(tables, check_corpus)
params.check(__annotations__, globals(), data.statements[Statements.statement_id].tolist())
statements = select_statements(data.statements, date_from, date_to)
claims = select_claims(data.claims, data.statements, metrics, period, date_from, date_to)
evolution = select_evolution(data.evolution, metrics, period, date_from, date_to)
n_series = evolution[Evolution.series].nunique()
print(f"{len(statements)} statements, {len(claims)} claims, {n_series} series")
chosen = {name: globals()[name] for name in __annotations__}
display(HTML(parameters_html(chosen)))
if evolution.empty:
    display(HTML('<p class="empty">No claims match this selection: nothing to compare.</p>'))

# %% [markdown]
# ## How the claims changed
#
# One row per quantity, named in words; one column per statement date, each figure as printed
# with the outlet that printed it (in the HTML report each links to its sentence). The last
# column says what changed from the first date to the last: "rose" or "fell" only when the two
# wordings cannot describe the same number; with an open bound ("more than 260") or a range
# ("hundreds of thousands") both wordings are quoted and no difference is computed.

# %%
HTML(headline_html(evolution))

# %% [markdown]
# ### Main findings
#
# The contradictions and warnings of notebook 3.0 among these claims, one line each, with
# links to the quotes side by side and to each figure in its statement.

# %%
selected = set(claims[Claims.claim_id])
# A finding belongs to this selection when every claim it names is selected.
within = [set(ids.split(LIST_SEPARATOR)) <= selected for ids in data.findings[Findings.claim_ids]]
among_these = data.findings[pd.Series(within, index=data.findings.index, dtype=bool)]
HTML(main_findings_html(among_these, data.claims, data.statements, evolution))

# %% [markdown]
# ## Figures over time
#
# One small chart per quantity, on a shared time axis. Each point is one figure at its
# statement's date, labelled as printed with its outlet; a thin line joins them in date order.
# Bars span a range ("hundreds of thousands"); an arrow marks an open bound ("more than",
# "nearly") and its point is hollow. Statements of the same day sit side by side, never merged.

# %%
HTML(charts_html(evolution))

# %% [markdown]
# ## Statements in this analysis

# %%
HTML(statements_table(statements))

# %% [markdown]
# ## Each change between statement dates
#
# Each figure beside the figure of the most recent earlier statement date, both as printed with
# their outlets. `change` is `rise` or `fall` only when the two claims' ranges cannot overlap.
# The difference and the rate per 30 days are arithmetic on the two claims named in the last
# columns, not reported figures; they are left empty, with the reason, when either claim has an
# open bound or is a range.

# %%
changes = changes_between_dates(evolution)
HTML(
    plain_table(
        changes,
        caption="One row per change between two statement dates.",
        empty="No figure in this selection has an earlier figure to compare with.",
    )
)

# %% [markdown]
# ## Compared with the baseline statement

# %%
HTML(
    plain_table(
        versus_baseline(evolution, baseline_statement),
        caption="One row per baseline figure and later figure of the same quantity.",
        empty="No later figure of a quantity the baseline statement reports.",
    )
)

# %% [markdown]
# ## Claim diff between consecutive statement dates
#
# Which quantities were added, changed, kept or dropped from one statement date to the next.

# %%
HTML(
    plain_table(
        claim_diff(claims, statements),
        caption="One row per quantity and pair of consecutive statement dates.",
        empty="Fewer than two statement dates in this selection: nothing to compare.",
    )
)

# %% [markdown]
# ## Implied rates (arithmetic on claims)
#
# Difference between two single figures of the same quantity divided by the days between their
# statements, times 30. A rate is only as good as the two claims it is computed from; there is
# none where a bound is open, a figure is a range, or the statements share a date.

# %%
rates = changes[changes["per 30 days (derived)"].notna()]
HTML(
    plain_table(
        rates[
            [
                "quantity",
                "from_figure",
                "to_figure",
                "difference (derived)",
                "days",
                "per 30 days (derived)",
                "from_claim_id",
                "to_claim_id",
            ]
        ],
        caption="One row per pair of single figures on different dates.",
        empty="No pair of single figures on different dates in this selection.",
    )
)

# %% [markdown]
# ## The claims behind these figures
#
# Each printed figure links to its highlight in the statement's text (in the HTML report).

# %%
claim_columns = [
    Evolution.series,
    Evolution.date,
    Evolution.outlet,
    Evolution.surface,
    Evolution.bound,
    Evolution.bound_change,
    Evolution.change,
]
if evolution.empty:
    display(HTML('<p class="empty">No claims in this selection.</p>'))
else:
    display(HTML(linked_claims_table(evolution, claim_columns)))
