"""analysis.report.params: each notebook's parameters cell declares its own checks."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from analysis.errors import ParameterError
from analysis.report import params
from conftest import NOTEBOOKS

PARAMETERS = """\
tables: "Folder" = "tables"  # table folder
metrics: "list[Metric]" = ["killed", "casualties"]  # metrics to show
period: "Period" = ""  # "" for every period
date_from: "IsoDate" = ""  # first date, YYYY-MM-DD
date_to: "IsoDate" = ""  # last date
threshold: float = 1.5  # a number
severities: "list[Severity]" = ["warning"]  # findings to show
baseline_statement: "StatementId" = ""  # statement to compare with
"""
STATEMENT_IDS = ["oct-2022", "jan-2024"]


def write_notebook(folder: Path, source: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Py"}
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# T"), cell]
    path = folder / "n.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture
def notebook(tmp_path: Path) -> Path:
    return write_notebook(tmp_path, PARAMETERS)


def test_declared_parameters_read_kinds_defaults_and_help(notebook: Path) -> None:
    declared = params.declared_parameters(notebook)
    assert list(declared)[:3] == ["tables", "metrics", "period"]
    assert declared["metrics"].kind == "list[Metric]"
    assert declared["metrics"].item_kind == "Metric"
    assert declared["metrics"].default == ["killed", "casualties"]
    assert declared["threshold"].kind == "float"
    assert declared["threshold"].help == "a number"


def test_valid_parameters_merge_with_defaults(notebook: Path) -> None:
    given = {"metrics": ["killed"], "threshold": 2, "baseline_statement": "oct-2022"}
    merged = params.validate(notebook, given, STATEMENT_IDS)
    assert merged["metrics"] == ["killed"]
    assert merged["threshold"] == 2
    assert merged["tables"] == "tables"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"metric": ["killed"]}, "unknown parameter 'metric'"),
        ({"metrics": "killed"}, "parameter 'metrics': expected a list such as ['killed']"),
        ({"threshold": "high"}, "parameter 'threshold': expected a number"),
        ({"threshold": True}, "parameter 'threshold': expected a number"),
        ({"metrics": ["killed", "deaths"]}, "'deaths' is not a known metric"),
        ({"period": "decade"}, "'decade' is not a known period"),
        ({"date_to": "31/12/2023"}, "'31/12/2023' is not a YYYY-MM-DD date"),
        ({"date_to": "20231231"}, "'20231231' is not a YYYY-MM-DD date"),
        ({"date_to": "2023-02-30"}, "'2023-02-30' is not a YYYY-MM-DD date"),
        ({"metrics": ("killed",)}, "parameter 'metrics': expected a list"),
        ({"date_from": "2024-01-01", "date_to": "2023-01-01"}, "is after 'date_to'"),
        ({"tables": 3}, "parameter 'tables': expected text"),
        ({"severities": ["fatal"]}, "'fatal' is not a known severity"),
        ({"baseline_statement": "dec-2022"}, "'dec-2022' is not a statement_id"),
    ],
)
def test_bad_parameters_are_errors_naming_notebook_and_parameter(notebook, given, message):
    with pytest.raises(ParameterError) as caught:
        params.validate(notebook, given, STATEMENT_IDS)
    assert message in str(caught.value)
    assert str(notebook) in str(caught.value)


def test_a_statement_id_is_only_checked_against_known_statements(notebook: Path) -> None:
    assert params.validate(notebook, {"baseline_statement": "any"})["baseline_statement"] == "any"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('tables: "Folder" = find_tables()  # computed', "must be a plain literal"),
        ('tables = "tables"  # no kind', "declares no kind"),
        ('metrics: "list[Metrics]" = []  # a typo in the kind', "unknown kind"),
    ],
)
def test_a_parameters_cell_holds_declared_kinds_and_literals(
    tmp_path: Path, source: str, message: str
) -> None:
    with pytest.raises(ParameterError, match=message):
        params.declared_parameters(write_notebook(tmp_path, source))


def test_a_kernel_checks_its_own_parameters_from_its_annotations() -> None:
    namespace: dict[str, object] = {}
    exec(compile(PARAMETERS, "parameters", "exec"), namespace)  # as the kernel runs the cell
    namespace["period"] = "decade"  # as papermill's injected cell would set it
    with pytest.raises(ParameterError, match="'decade' is not a known period"):
        params.check(namespace["__annotations__"], namespace)
    namespace["period"] = ""
    namespace["baseline_statement"] = "dec-2022"
    params.check(namespace["__annotations__"], namespace)
    with pytest.raises(ParameterError, match="not a statement_id"):
        params.check(namespace["__annotations__"], namespace, STATEMENT_IDS)


@pytest.mark.parametrize("notebook_path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_committed_notebooks_declare_documented_parameters_read_from_tables(
    notebook_path: Path,
) -> None:
    declared = params.declared_parameters(notebook_path)
    assert declared["tables"].default == "../data/processed"
    for parameter in declared.values():
        assert parameter.help, f"{parameter.name} has no help comment"
    params.validate(notebook_path, {})
