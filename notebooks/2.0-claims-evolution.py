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
# statement to the next: series in date order, differences, implied rates, and changes of
# qualifier.
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

from analysis.derive.evolution import claim_diff, headline, versus_baseline
from analysis.report import params
from analysis.report.pages import linked_claims_table
from analysis.report.plots import metric_families, plot_metric_family, png_image
from analysis.report.views import select_claims, select_evolution, select_statements
from analysis.schema import Evolution, Statements
from analysis.storage import load_tables

params.check(__annotations__, globals())
pd.set_option("display.max_colwidth", 70)
data = load_tables(tables, check_corpus)
params.check(__annotations__, globals(), data.statements[Statements.statement_id].tolist())
statements = select_statements(data.statements, date_from, date_to)
claims = select_claims(data.claims, data.statements, metrics, period, date_from, date_to)
evolution = select_evolution(data.evolution, metrics, period, date_from, date_to)
n_series = evolution[Evolution.series].nunique()
print(f"{len(statements)} statements, {len(claims)} claims, {n_series} series")

# %% [markdown]
# ## Statements in this analysis

# %%
statements[
    [
        Statements.statement_id,
        Statements.date,
        Statements.date_basis,
        Statements.outlet,
        Statements.speaker,
    ]
]

# %% [markdown]
# ## What changed between statements
#
# One row per step of a series (metric, period, area, device): each figure beside the figure of
# the most recent earlier statement date, both as printed with their outlets. `change` is `rise`
# or `fall` only when the two claims' ranges cannot overlap; an open bound such as "more than
# 260" after "266" is `not_comparable`.

# %%
headline(evolution)

# %% [markdown]
# ## Compared with the baseline statement

# %%
versus_baseline(evolution, baseline_statement)

# %% [markdown]
# ## Figures over time
#
# Each point is one figure at its statement's date, labelled with the text as printed and its
# outlet. Whiskers span a range ("hundreds of thousands"); an arrow marks an open bound ("more
# than", "exceeds"). Same-day statements from different outlets are drawn side by side, never
# merged.

# %%
families = metric_families()
for family, family_metrics in families.items():
    shown = [m for m in family_metrics if m in set(evolution[Evolution.metric])]
    if shown:
        figure = plot_metric_family(evolution, shown, title=f"{family}: figures as claimed")
        display(png_image(figure))

# %% [markdown]
# ## Claim diff between consecutive statement dates
#
# Which figures were added, changed, kept or dropped from one statement date to the next.

# %%
claim_diff(claims, statements)

# %% [markdown]
# ## Implied rates (arithmetic on claims)
#
# Difference between two figures of the same series divided by the days between their
# statements, times 30. A rate is only as good as the two claims it is computed from, and is
# left empty where a bound is open or the statements share a date.

# %%
rates = evolution[evolution[Evolution.rate_per_30_days].notna()]
rates[
    [
        Evolution.series,
        Evolution.previous_claim_id,
        Evolution.claim_id,
        Evolution.surface,
        Evolution.delta_best,
        Evolution.days_since_previous,
        Evolution.rate_per_30_days,
    ]
]

# %% [markdown]
# ## The claims behind these figures
#
# Each printed figure links to its highlight in the statement's text (in the HTML report).

# %%
HTML(
    linked_claims_table(
        evolution,
        [
            Evolution.series,
            Evolution.date,
            Evolution.outlet,
            Evolution.surface,
            Evolution.bound,
            Evolution.bound_change,
            Evolution.change,
        ],
    )
)
