"""The extraction pipeline as small steps: load the corpus, build the tables, save them.

Each table is validated against its pandera model before anything is written, and every
file is written atomically, so an earlier run's outputs survive a failure or an interrupt.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from analysis import __version__, io
from analysis.checks import find_inconsistencies
from analysis.claims import build_claims
from analysis.corpus import Corpus, load_corpus
from analysis.evolution import build_evolution
from analysis.schema import METRIC_UNITS, Claims, Evolution, Findings, Statements, vocabulary

TABLE_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "statements": Statements,
    "claims": Claims,
    "evolution": Evolution,
    "findings": Findings,
}
PARQUET_TABLES = ("claims",)


@dataclass(frozen=True)
class Tables:
    corpus: Corpus
    statements: pd.DataFrame
    claims: pd.DataFrame
    evolution: pd.DataFrame
    findings: pd.DataFrame

    def as_dict(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLE_MODELS}


def build_tables(
    corpus_dir: str | Path, annotations: str | Path | None = None, jobs: int = 1
) -> Tables:
    """Load a corpus folder and derive every table from it (pure: nothing is written)."""
    corpus = load_corpus(corpus_dir)
    claims = build_claims(corpus, annotations, jobs=jobs)
    return Tables(
        corpus=corpus,
        statements=corpus.statements,
        claims=claims,
        evolution=build_evolution(claims, corpus.statements),
        findings=find_inconsistencies(claims, corpus.statements),
    )


def _field_type(dtype: str) -> str:
    if dtype.startswith("int"):
        return "integer"
    if dtype.startswith("float"):
        return "number"
    return "string"


def datapackage(tables: Tables) -> dict:
    """A Frictionless Data Package descriptor for the written tables."""
    resources = []
    for name, model in TABLE_MODELS.items():
        schema = model.to_schema()
        fields = []
        for column, spec in schema.columns.items():
            field = {"name": column, "type": _field_type(str(spec.dtype))}
            if spec.description:
                field["description"] = spec.description
            fields.append(field)
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": (model.__doc__ or "").strip().splitlines()[0],
                "schema": {"fields": fields},
            }
        )
    units = {metric: unit for metric, unit in METRIC_UNITS.items()}
    corpus_files = tables.statements[[Statements.statement_id, Statements.file, Statements.sha256]]
    return {
        "profile": "tabular-data-package",
        "name": "claims-evolution",
        "title": "Figures claimed in official statements, normalised and traced to their quotes",
        "description": (
            "Every value is a claim attributed to the named speaker of its statement; "
            "the package records what was said and does not verify it."
        ),
        "version": __version__,
        "sources": [
            {"title": f"{row.statement_id} ({row.file})", "sha256": row.sha256 or ""}
            for row in corpus_files.itertuples()
        ],
        "x_metric_units": units,
        "x_vocabularies": {
            key: list(vocabulary()[key]) for key in ("bounds", "units", "periods", "devices")
        },
        "resources": resources,
    }


def write_tables(
    tables: Tables, out_dir: str | Path, progress: Callable[[str], None] = print
) -> list[Path]:
    """Validate and write every table as CSV (claims also as Parquet) plus datapackage.json.

    All files are written to temporary names first and renamed together at the end, so an
    error or an interrupt leaves the previous set of tables as it was.
    """
    out = Path(out_dir)
    validated = {
        name: TABLE_MODELS[name].validate(table) for name, table in tables.as_dict().items()
    }
    contents: dict[str, str | pd.DataFrame] = {}
    for name, table in validated.items():
        contents[f"{name}.csv"] = io.csv_text(table)
        if name in PARQUET_TABLES:
            contents[f"{name}.parquet"] = table
    contents["datapackage.json"] = (
        json.dumps(datapackage(tables), indent=2, ensure_ascii=False) + "\n"
    )
    with contextlib.ExitStack() as stack:
        for name, content in contents.items():
            staged = stack.enter_context(io.atomic_path(out / name))
            if isinstance(content, str):
                staged.write_text(content, encoding="utf-8")
            else:
                io.save_parquet(staged, content)
        # Leaving the stack renames every temporary file over its target.
    for name, table in validated.items():
        progress(f"wrote {out / (name + '.csv')} ({len(table)} rows)")
    return [out / name for name in contents]
