"""analysis.pipeline: one way to build the tables, each statement read once."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import cli
from analysis.pipeline import build_tables, extract
from analysis.storage import TABLE_MODELS, load_tables
from conftest import NOTEBOOKS, SHIPPED_CORPUS


def test_the_tables_in_memory_are_the_tables_written(tmp_path: Path) -> None:
    in_memory = build_tables(SHIPPED_CORPUS)
    extract(SHIPPED_CORPUS, tmp_path / "out", progress=lambda _: None)
    loaded = load_tables(tmp_path / "out")
    for name in TABLE_MODELS:
        pd.testing.assert_frame_equal(getattr(loaded, name), getattr(in_memory, name))


def test_extract_hands_over_the_texts_it_read(tmp_path: Path) -> None:
    texts: dict[str, str] = {}
    tables = extract(SHIPPED_CORPUS, tmp_path / "out", progress=lambda _: None, texts=texts)
    assert tables is not None
    assert list(texts) == tables.statements["statement_id"].tolist()
    for row in tables.claims.itertuples():
        assert texts[row.statement_id][row.char_start : row.char_end] == row.surface


@pytest.mark.slow
def test_a_report_reads_each_statement_file_once(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    statement_files = {p.resolve() for p in (corpus_copy / "statements").iterdir()}
    reads: list[Path] = []
    read_bytes = Path.read_bytes

    def counting(path: Path) -> bytes:
        if path.resolve() in statement_files:
            reads.append(path.resolve())
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    code = cli.main(
        [
            "report",
            "--corpus",
            str(corpus_copy),
            "--out",
            str(tmp_path / "reports"),
            "--notebooks",
            str(NOTEBOOKS),
            "--notebook",
            "1.0-extract-claims",
        ]
    )
    assert code == 0
    assert sorted(reads) == sorted(statement_files)
    # The notebooks ran on the tables this run wrote, not on data/processed.
    executed = (tmp_path / "reports" / "1.0-extract-claims.ipynb").read_text(encoding="utf-8")
    assert "reports/tables" in executed
