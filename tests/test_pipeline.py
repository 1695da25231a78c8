"""analysis.pipeline: one way to build the tables, each statement read once."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis import cli, pipeline
from analysis.derive.findings import RULES
from analysis.pipeline import analyse, build_tables, extract
from analysis.schema import Claims
from analysis.storage import TABLE_MODELS, Tables, load_tables
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


def test_the_tables_in_memory_hand_over_the_texts_they_read() -> None:
    texts: dict[str, str] = {}
    tables = build_tables(SHIPPED_CORPUS, texts=texts)
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


@pytest.fixture(scope="module")
def shipped_tables() -> Tables:
    return build_tables(SHIPPED_CORPUS)


def test_the_analysis_says_what_it_analyses_and_what_it_found(shipped_tables: Tables) -> None:
    lines: list[str] = []
    t = shipped_tables
    tables = analyse(t.statements, t.mentions, t.claims, progress=lines.append)
    series = t.claims[[Claims.metric, Claims.period, Claims.area, Claims.device]]
    assert lines[0] == (
        f"analysing {len(t.claims):,} claims of {len(t.statements):,} statements "
        f"in {len(series.drop_duplicates()):,} series"
    )
    assert re.fullmatch(
        rf"analysed in [\d.,]+ s: {len(tables.evolution):,} evolution rows, "
        rf"{len(tables.findings):,} findings",
        lines[-1],
    )
    assert len(lines) == 2  # a short run: nothing in between
    pd.testing.assert_frame_equal(tables.findings, t.findings)


def test_a_long_analysis_reports_each_step(
    shipped_tables: Tables, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "PROGRESS_SECONDS", 0.0)  # every step counts as long
    lines: list[str] = []
    t = shipped_tables
    analyse(t.statements, t.mentions, t.claims, progress=lines.append)
    steps = [line.split(" (")[0] for line in lines[1:-1]]
    assert steps[0] == f"evolution: {len(t.evolution):,} rows"
    assert [step.split()[1] for step in steps[1:]] == [rule.__name__ for rule in RULES]
    assert steps[-1].endswith(f"done, {len(t.findings):,} so far")


def test_extract_reports_the_analysis_unless_it_is_skipped(tmp_path: Path) -> None:
    lines: list[str] = []
    extract(SHIPPED_CORPUS, tmp_path / "out", progress=lines.append)
    assert sum(line.startswith(("analysing ", "analysed in ")) for line in lines) == 2
    lines.clear()
    extract(SHIPPED_CORPUS, tmp_path / "out", progress=lines.append, with_analysis=False)
    assert not any(line.startswith("analys") for line in lines)
