from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from analysis.errors import ParameterError
from analysis.report import params
from conftest import NOTEBOOKS

PARAMETERS = """\
corpus: str = "corpus"  # corpus folder
metrics: list = ["killed", "casualties"]  # metrics to show
period: str = ""  # "" for every period
date_from: str = ""  # first date, YYYY-MM-DD
date_to: str = ""  # last date
threshold: float = 1.5  # a number
severities: list = ["warning"]  # findings to show
baseline_statement: str = ""  # statement to compare with
"""


@pytest.fixture
def notebook(tmp_path: Path) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "statements.csv").write_text(
        "file,statement_id,date,date_basis\na.txt,oct-2022,2022-10-25,stated\n"
    )
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(PARAMETERS)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# T"), cell]
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, path)
    return path


def test_declared_parameters_read_types_defaults_and_comments(notebook: Path) -> None:
    declared = params.declared_parameters(notebook)
    assert list(declared)[:6] == [
        "corpus",
        "metrics",
        "period",
        "date_from",
        "date_to",
        "threshold",
    ]
    assert declared["metrics"].type is list
    assert declared["metrics"].default == ["killed", "casualties"]
    assert declared["threshold"].comment == "a number"


def test_valid_parameters_merge_with_defaults(notebook: Path) -> None:
    merged = params.validate(
        notebook, {"metrics": ["killed"], "threshold": 2, "baseline_statement": "oct-2022"}
    )
    assert merged["metrics"] == ["killed"]
    assert merged["threshold"] == 2
    assert merged["corpus"] == "corpus"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"metric": ["killed"]}, "unknown parameter 'metric'"),
        ({"metrics": "killed"}, "parameter 'metrics' must be list, got str"),
        ({"threshold": "high"}, "parameter 'threshold' must be float"),
        ({"threshold": True}, "parameter 'threshold' must be float"),
        ({"metrics": ["killed", "deaths"]}, "unknown metric(s) deaths"),
        ({"period": "decade"}, "'decade' is not one of"),
        ({"date_to": "31/12/2023"}, "'31/12/2023' is not a YYYY-MM-DD date"),
        ({"date_from": "2024-01-01", "date_to": "2023-01-01"}, "is after 'date_to'"),
        ({"corpus": "nowhere"}, "has no statements.csv"),
        ({"severities": ["fatal"]}, "unknown fatal"),
        ({"baseline_statement": "dec-2022"}, "'dec-2022' is not a statement_id"),
    ],
)
def test_bad_parameters_are_errors_naming_notebook_and_parameter(notebook, given, message):
    with pytest.raises(ParameterError) as caught:
        params.validate(notebook, given)
    assert message in str(caught.value)
    assert str(notebook) in str(caught.value)


def test_parameters_cell_must_hold_plain_literals(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("corpus = find_corpus()")
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell]
    nbformat.write(nb, tmp_path / "n.ipynb")
    with pytest.raises(ParameterError, match="must be a plain literal"):
        params.declared_parameters(tmp_path / "n.ipynb")


@pytest.mark.parametrize("notebook_path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_committed_notebooks_declare_typed_documented_parameters(notebook_path: Path) -> None:
    declared = params.declared_parameters(notebook_path)
    assert "corpus" in declared
    for parameter in declared.values():
        assert parameter.comment, f"{parameter.name} has no comment"
    params.validate(notebook_path, {})
