"""Notebook parameters: read the ``parameters`` cell, validate values before a kernel starts.

papermill only warns about a parameter the notebook does not declare and never checks types;
here an unknown name, a wrong type or a value outside its vocabulary is a ParameterError.
The same checks run inside each notebook (``check``), so JupyterLab users get them too.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.errors import ParameterError
from analysis.extract.corpus import MANIFEST_NAME
from analysis.schema import METRICS, PERIODS, SEVERITIES

if TYPE_CHECKING:
    import nbformat

PARAMETERS_TAG = "parameters"
PATH_PARAMETERS = ("corpus",)


@dataclass(frozen=True)
class Parameter:
    name: str
    default: Any
    type: type
    comment: str


def parameters_cell(notebook: nbformat.NotebookNode, where: str) -> nbformat.NotebookNode:
    cells = [c for c in notebook.cells if PARAMETERS_TAG in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise ParameterError(f"{where}: expected one cell tagged 'parameters', found {len(cells)}")
    return cells[0]


def declared_parameters(notebook_path: str | Path) -> dict[str, Parameter]:
    """The parameters a notebook declares: ``name: type = literal  # comment`` lines."""
    # Imported here: nbformat costs a second or more to import, and every notebook kernel
    # imports this module for ``check``, which does not need it.
    import nbformat

    path = Path(notebook_path)
    cell = parameters_cell(nbformat.read(path, as_version=4), str(path))
    source = cell.source
    comments = {
        number: line.split("#", 1)[1].strip()
        for number, line in enumerate(source.splitlines(), start=1)
        if "#" in line
    }
    declared = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            target, value = node.target.id, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = getattr(node.targets[0], "id", None), node.value
        else:
            continue
        try:
            default = ast.literal_eval(value) if value is not None else None
        except ValueError:
            raise ParameterError(
                f"{path}: parameter {target!r} must be a plain literal (line {node.lineno})"
            ) from None
        declared[target] = Parameter(target, default, type(default), comments.get(node.lineno, ""))
    return declared


def _type_ok(value: Any, expected: type) -> bool:
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected is list:
        return isinstance(value, list | tuple)
    return isinstance(value, expected)


def check_types(declared: Mapping[str, Parameter], given: Mapping[str, Any], where: str) -> None:
    """Unknown names and wrong types are errors (papermill would only warn)."""
    for name, value in given.items():
        if name not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise ParameterError(f"{where}: unknown parameter {name!r} (declared: {known})")
        expected = declared[name].type
        if not _type_ok(value, expected):
            raise ParameterError(
                f"{where}: parameter {name!r} must be {expected.__name__}, "
                f"got {type(value).__name__} {value!r}"
            )


def _iso_date_or_empty(name: str, value: str) -> None:
    if value == "":
        return
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ParameterError(f"parameter {name!r}: {value!r} is not a YYYY-MM-DD date") from None


def _statement_ids(manifest: Path) -> set[str]:
    with manifest.open(encoding="utf-8-sig", newline="") as handle:
        return {row.get("statement_id", "") for row in csv.DictReader(handle)}


def check(**values: Any) -> dict[str, Any]:
    """Check the meaning of known parameter names; return the values unchanged.

    corpus: a folder holding statements.csv; metrics: names from the metric vocabulary;
    period: a period of the vocabulary or "" for all; date_from/date_to: "" or YYYY-MM-DD,
    in order; severities: from the findings vocabulary; baseline_statement: "" or a
    statement_id of the corpus.
    """
    if "corpus" in values:
        corpus = Path(values["corpus"])
        if not (corpus / MANIFEST_NAME).is_file():
            raise ParameterError(f"parameter 'corpus': {corpus} has no {MANIFEST_NAME}")
    if "metrics" in values:
        unknown = [m for m in values["metrics"] if m not in METRICS]
        if unknown:
            raise ParameterError(
                f"parameter 'metrics': unknown metric(s) {', '.join(map(str, unknown))}; "
                f"known: {', '.join(METRICS)}"
            )
    if values.get("period") and values["period"] not in PERIODS:
        raise ParameterError(
            f"parameter 'period': {values['period']!r} is not one of {', '.join(PERIODS)}"
        )
    unknown = [s for s in values.get("severities", []) if s not in SEVERITIES]
    if unknown:
        raise ParameterError(
            f"parameter 'severities': unknown {', '.join(map(str, unknown))}; "
            f"known: {', '.join(SEVERITIES)}"
        )
    if values.get("baseline_statement") and "corpus" in values:
        ids = _statement_ids(Path(values["corpus"]) / MANIFEST_NAME)
        if values["baseline_statement"] not in ids:
            raise ParameterError(
                f"parameter 'baseline_statement': {values['baseline_statement']!r} is not a "
                f"statement_id of {values['corpus']}"
            )
    for name in ("date_from", "date_to"):
        if name in values:
            _iso_date_or_empty(name, values[name])
    if (
        values.get("date_from")
        and values.get("date_to")
        and values["date_from"] > values["date_to"]
    ):
        raise ParameterError(
            f"parameters 'date_from' {values['date_from']} is after 'date_to' {values['date_to']}"
        )
    return values


def validate(notebook_path: str | Path, given: Mapping[str, Any]) -> dict[str, Any]:
    """Validate ``given`` against a notebook's declared parameters; return the full set."""
    declared = declared_parameters(notebook_path)
    check_types(declared, given, str(notebook_path))
    merged = {name: p.default for name, p in declared.items()} | dict(given)
    # The kernel runs in the notebook's folder, so relative paths are relative to it.
    located = {
        name: str(Path(notebook_path).parent / value) if name in PATH_PARAMETERS else value
        for name, value in merged.items()
    }
    try:
        check(**located)
    except ParameterError as exc:
        raise ParameterError(f"{notebook_path}: {exc}") from None
    return merged
