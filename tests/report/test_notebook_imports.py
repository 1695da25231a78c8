"""Notebooks read tables: neither they nor what they import touch the extraction code."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from conftest import NOTEBOOKS

EXTRACTION = ("analysis.extract", "analysis.pipeline", "analysis.cache")


def _imports(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("script", sorted(NOTEBOOKS.glob("*.py")), ids=lambda p: p.stem)
def test_a_notebook_imports_no_extraction_code(script) -> None:
    imported = _imports(script.read_text(encoding="utf-8"))
    assert "analysis.storage" in imported  # it reads the tables
    assert not [name for name in imported if name.startswith(EXTRACTION)]


def test_the_modules_notebooks_use_load_no_extraction_code() -> None:
    used = sorted(
        {name for p in NOTEBOOKS.glob("*.py") for name in _imports(p.read_text(encoding="utf-8"))}
    )
    ours = [name for name in used if name.startswith("analysis")]
    script = (
        "import importlib, sys\n"
        f"for name in {ours!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith("
        f"{EXTRACTION!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
