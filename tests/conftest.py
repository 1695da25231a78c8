"""Shared fixtures: the shipped corpus and builders of small corpus folders."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# `make test` runs a few thousand generated cases in all; `make fuzz` many more.
settings.register_profile("default", max_examples=300, deadline=None)
settings.register_profile(
    "fuzz", max_examples=50_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_CORPUS = ROOT / "data" / "raw"
NOTEBOOKS = ROOT / "notebooks"
MANIFEST_HEADER = "file,statement_id,date,date_basis,outlet,speaker,title,url,sha256,notes\n"


@pytest.fixture
def shipped_corpus() -> Path:
    return SHIPPED_CORPUS


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, target)
    return target


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., Path]:
    """Build a corpus folder from {file name: bytes or str} and manifest rows (CSV text)."""

    def build(files: dict[str, bytes | str], manifest: str | None, name: str = "c") -> Path:
        folder = tmp_path / name
        folder.mkdir()
        for file_name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (folder / file_name).write_bytes(data)
        if manifest is not None:
            (folder / "statements.csv").write_text(MANIFEST_HEADER + manifest, encoding="utf-8")
        return folder

    return build


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="session")
def built_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`analysis report` on the shipped corpus, built once per test session."""
    from analysis import cli

    root = tmp_path_factory.mktemp("built")
    code = cli.main(
        [
            "report",
            "--corpus",
            str(SHIPPED_CORPUS),
            "--out",
            str(root / "reports"),
            "--tables",
            str(root / "tables"),
            "--notebooks",
            str(NOTEBOOKS),
        ]
    )
    assert code == 0
    return root


@contextlib.contextmanager
def interruptible_children() -> Iterator[None]:
    """Processes started here take SIGINT as from a terminal's Ctrl-C, even where this one
    ignores it (a background job of a non-interactive shell): an ignored signal stays ignored
    across exec, a handled one is reset to the default there."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
