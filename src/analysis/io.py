"""Atomic writes: an output file is either the old one or the complete new one, never half."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd


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


def save_parquet(path: Path, table: pd.DataFrame) -> None:
    # No index and no timestamps in pyarrow's metadata: the bytes depend on the data only.
    table.to_parquet(path, index=False, engine="pyarrow")
