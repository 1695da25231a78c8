"""Default paths and file names: the one place that says where things live.

Paths are relative to the repository root, where `make` and the `analysis` command run.
Notebooks run in ``notebooks/`` and so name the same folders relative to it (``../``).
"""

from __future__ import annotations

from pathlib import Path

RAW = Path("data/raw")  # the shipped corpus; only `analysis add` writes here, adding files
PROCESSED = Path("data/processed")  # tables built from RAW
REPORTS = Path("reports")
NOTEBOOKS = Path("notebooks")

MANIFEST_NAME = "statements.csv"  # in every corpus folder
ANNOTATIONS_NAME = "annotations.yml"  # analyst corrections, optional, in a corpus folder
DATAPACKAGE_NAME = "datapackage.json"  # describes a tables folder
STATEMENT_PAGES = "statements"  # sub-folder of the reports with one page per statement
REPORT_TABLES = "data"  # sub-folder of the reports holding a copy of the tables
LOCK_NAME = ".analysis.lock"  # in an output folder while a run writes to it
# annotations.yml is written by hand: a file this large is a mistake, refused before parsing.
ANNOTATIONS_MAX_BYTES = 1_000_000
