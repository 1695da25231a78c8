from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import io


def test_failed_write_keeps_previous_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    target.write_text("old\n")
    with pytest.raises(KeyboardInterrupt), io.atomic_path(target) as tmp:
        tmp.write_text("half a ta")
        raise KeyboardInterrupt
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.csv"]


def test_successful_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "claims.csv"
    with io.atomic_path(target) as tmp:
        tmp.write_text("new\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in target.parent.iterdir()] == ["claims.csv"]


def test_csv_and_parquet_are_byte_identical_on_rewrite(tmp_path: Path) -> None:
    table = pd.DataFrame({"a": [1.5, None, 3345.0], "b": ["x", None, 'z,"q"']})
    assert io.csv_text(table) == io.csv_text(table.copy())
    assert "\r" not in io.csv_text(table)
    io.save_parquet(tmp_path / "1.parquet", table)
    io.save_parquet(tmp_path / "2.parquet", table)
    assert (tmp_path / "1.parquet").read_bytes() == (tmp_path / "2.parquet").read_bytes()
    assert pd.read_parquet(tmp_path / "1.parquet").equals(table)
