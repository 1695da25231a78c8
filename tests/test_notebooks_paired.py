"""Notebooks are reviewed as jupytext percent scripts: each pair must say the same thing."""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
import pytest

from conftest import NOTEBOOKS

NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    assert NOTEBOOK_FILES


@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=lambda p: p.stem)
def test_pair_is_in_sync(notebook: Path) -> None:
    script = notebook.with_suffix(".py")
    assert script.exists(), f"{notebook.name} has no paired {script.name}"
    from_script = jupytext.read(script)
    from_notebook = nbformat.read(notebook, as_version=4)
    pairs = [(c.cell_type, c.source) for c in from_script.cells]
    assert pairs == [(c.cell_type, c.source) for c in from_notebook.cells], (
        f"{notebook.name} and {script.name} differ: run `make notebooks` (or jupytext --sync)"
    )


@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=lambda p: p.stem)
def test_committed_notebook_carries_outputs_of_a_clean_run(notebook: Path) -> None:
    nb = nbformat.read(notebook, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1)), "run top to bottom once (make notebooks)"
    assert not any(o.get("output_type") == "error" for c in code for o in c.outputs)
