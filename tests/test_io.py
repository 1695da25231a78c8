from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import io


def test_failed_write_keeps_previous_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    io.write_text(target, "old\n")

    def broken(tmp: Path) -> None:
        tmp.write_text("half a ta")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        io.write_with(target, broken)
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.csv"]


def test_csv_and_parquet_are_byte_identical_on_rewrite(tmp_path: Path) -> None:
    table = pd.DataFrame({"a": [1.5, None, 3345.0], "b": ["x", None, 'z,"q"']})
    for writer, name in ((io.write_csv, "t.csv"), (io.write_parquet, "t.parquet")):
        writer(tmp_path / name, table)
        first = (tmp_path / name).read_bytes()
        writer(tmp_path / name, table)
        assert (tmp_path / name).read_bytes() == first
    assert "\r" not in (tmp_path / "t.csv").read_text()
    assert pd.read_parquet(tmp_path / "t.parquet").equals(table)
