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
# # 3.0 Source consistency
#
# Where the claims do not fit together: two figures for the same quantity in one text, outlets
# reporting the same statement differently, a subgroup larger than its total, a cumulative count
# that falls, totals that cannot both hold, qualifiers that drift, and estimates that jump by an
# order of magnitude. Each finding quotes its claims side by side.
#
# **The figures are claims by the named speakers, parties to the conflict; the package does not
# verify them.** A finding says that claims disagree with each other, not which one is right.

# %% tags=["parameters"]
tables: "Folder" = "../data/processed"  # tables written by `make tables` (analysis extract)
check_corpus: bool = True  # refuse tables older than their corpus (the report has just built them)
severities: "list[Severity]" = ["contradiction", "warning", "info"]  # findings to show, in order

# %%
import pandas as pd
from IPython.display import HTML, display

from analysis.report import params
from analysis.report.index import parameters_html
from analysis.report.pages import findings_side_by_side, plain_table
from analysis.schema import SEVERITIES, Findings
from analysis.storage import load_tables

params.check(__annotations__, globals())
data = load_tables(tables, check_corpus)
findings = data.findings[data.findings[Findings.severity].isin(severities)]
order = {severity: rank for rank, severity in enumerate(severities)}
findings = findings.sort_values(Findings.severity, key=lambda s: s.map(order), kind="stable")
chosen = {name: globals()[name] for name in __annotations__}
# Every severity shown is no selection: only a narrower list earns the notice.
display(HTML(parameters_html(chosen if set(severities) != set(SEVERITIES) else {})))

# %% [markdown]
# ## Findings by rule and severity

# %%
counts = pd.crosstab(findings[Findings.rule], findings[Findings.severity]).reindex(
    columns=[s for s in SEVERITIES if s in severities], fill_value=0
)
HTML(
    plain_table(
        counts.reset_index(),
        caption="One row per rule: how many findings of each severity.",
        empty="No findings of the chosen severities.",
    )
)

# %% [markdown]
# ## Each finding, quotes side by side
#
# In the HTML report, each printed figure links to its highlight in the statement's text.

# %%
HTML(findings_side_by_side(findings, data.claims, data.statements))
