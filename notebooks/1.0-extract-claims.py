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
# # 1.0 Extract claims
#
# The statements of the corpus, with their provenance, and every figure they report as a row
# of the claims table, traced to its quote.
#
# **Every figure below is a claim attributed to the named speaker of its statement, a party to
# the conflict. This package records and normalises what was said; it does not verify it.**

# %% tags=["parameters"]
tables: "Folder" = "../data/processed"  # tables written by `make tables` (analysis extract)
check_corpus: bool = True  # refuse tables older than their corpus (the report has just built them)

# %%
import pandas as pd
from IPython.display import HTML

from analysis.report import params
from analysis.report.pages import linked_claims_table
from analysis.report.views import review_entries
from analysis.schema import Claims, Mentions, Statements
from analysis.storage import load_tables

params.check(__annotations__, globals())
pd.set_option("display.max_colwidth", 80)
data = load_tables(tables, check_corpus)

# %% [markdown]
# ## Statements and their provenance
#
# `date_basis` says how each date is known: `stated` (printed in the text), `manifest` (from the
# publisher's page), `inferred` (reasoned from the content; the reasoning is in `notes`).

# %%
data.statements[
    [
        Statements.statement_id,
        Statements.date,
        Statements.date_basis,
        Statements.outlet,
        Statements.speaker,
        Statements.n_chars,
    ]
]

# %%
data.statements.loc[
    data.statements[Statements.date_basis] != "stated",
    [Statements.statement_id, Statements.notes],
]

# %% [markdown]
# ## Claims per statement
#
# How many figures each statement reports, and how many needed an analyst's review
# (`method = reviewed`, set in `annotations.yml`) rather than the extraction rules alone.

# %%
pd.crosstab(
    data.claims[Claims.statement_id],
    data.claims[Claims.method],
    margins=True,
    margins_name="total",
)

# %% [markdown]
# ## The claims table
#
# One row per reported figure: normalised value range, qualifier (`bound`), metric, reference
# period, and the exact text it came from (`surface`, at `char_start`..`char_end` in the raw file).
# In the HTML report each printed figure links to its highlight in the statement's text.

# %%
HTML(
    linked_claims_table(
        data.claims,
        [
            Claims.statement_id,
            Claims.surface,
            Claims.metric,
            Claims.period,
            Claims.bound,
            Claims.value_low,
            Claims.value_best,
            Claims.value_high,
            Claims.unit,
            Claims.method,
        ],
    )
)

# %% [markdown]
# ## Rows set or corrected by an analyst

# %%
data.claims.loc[
    data.claims[Claims.method] == "reviewed",
    [Claims.claim_id, Claims.metric, Claims.surface, Claims.quote],
]

# %% [markdown]
# ## Every number, accounted for
#
# Each numeric expression of each statement is a claim, a number that is not a claim (a date, an
# age, a document number ..., with the reason), or a number the rules could not place
# (`unclassified`). Nothing in a text is dropped silently.

# %%
pd.crosstab(
    data.mentions[Mentions.statement_id],
    data.mentions[Mentions.status],
    margins=True,
    margins_name="total",
)

# %% [markdown]
# ## To review: numbers the rules could not place
#
# Each row is a number the rules found but could not classify, with its sentence. If it is a
# figure, paste its entry into `annotations.yml` in the corpus folder, replace each `?`, and
# rebuild (`make report`); a figure added there shows `method = reviewed`.

# %%
to_review = review_entries(data.mentions)
print(f"{len(to_review)} numbers to review")
to_review[[Mentions.statement_id, Mentions.surface, Mentions.context]]

# %%
print("\n".join(to_review["entry"].head(20)) or "nothing to review")
