"""Atomic writes: an output file is either the old one or the complete new one, never half."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

ROW_GROUP_ROWS = 65_536  # rows per Parquet row group, and per validated batch of claims


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` on success.

    On any exception (KeyboardInterrupt included) the temporary file is removed and
    ``target`` keeps its previous content.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def csv_text(table: pd.DataFrame) -> str:
    """CSV with fixed formatting (LF line ends, shortest float repr) for byte-identical reruns."""
    return table.to_csv(index=False, lineterminator="\n")


class TableAppender:
    """Write one table chunk by chunk to a CSV and a Parquet file, holding one row group at
    most: a table larger than memory can be written.

    The CSV is byte-identical to :func:`csv_text` of the whole table. Parquet row groups hold
    ``row_group_rows`` rows (the last one fewer), so the bytes depend on the rows only, not
    on how they were chunked. ``template`` (an empty frame with the table's dtypes) fixes
    the columns and the Parquet schema.
    """

    def __init__(
        self,
        csv_path: Path,
        parquet_path: Path,
        template: pd.DataFrame,
        row_group_rows: int = ROW_GROUP_ROWS,
    ) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        self._columns = list(template.columns)
        self._schema = pa.Schema.from_pandas(template, preserve_index=False)
        self._csv = csv_path.open("w", encoding="utf-8", newline="")
        self._csv.write(csv_text(template))
        self._parquet = pq.ParquetWriter(parquet_path, self._schema)
        self._row_group_rows = row_group_rows
        self._pending: list[pd.DataFrame] = []
        self._pending_rows = 0
        self.rows = 0

    def append(self, chunk: pd.DataFrame) -> None:
        if list(chunk.columns) != self._columns:
            raise ValueError(f"columns {list(chunk.columns)} differ from {self._columns}")
        if chunk.empty:
            return
        self._csv.write(chunk.to_csv(index=False, header=False, lineterminator="\n"))
        self._pending.append(chunk)
        self._pending_rows += len(chunk)
        self.rows += len(chunk)
        while self._pending_rows >= self._row_group_rows:
            self._write_row_group(self._row_group_rows)

    def _write_row_group(self, rows: int) -> None:
        pending = pd.concat(self._pending, ignore_index=True)
        group, rest = pending.iloc[:rows], pending.iloc[rows:]
        table = self._pa.Table.from_pandas(group, schema=self._schema, preserve_index=False)
        self._parquet.write_table(table, row_group_size=rows)
        self._pending = [rest] if len(rest) else []
        self._pending_rows = len(rest)

    def close(self) -> None:
        """Write the last row group and close both files."""
        if self._pending_rows:
            self._write_row_group(self._pending_rows)
        self._parquet.close()
        self._csv.close()

    def __enter__(self) -> TableAppender:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        if exc_type is None:
            self.close()
        else:  # the files are being discarded: close them without writing more
            self._parquet.close()
            self._csv.close()
