"""Checks on input paths, before anything opens them: a FIFO or a device would block or
stream forever, and a directory is never a statement."""

from __future__ import annotations

import stat
from pathlib import Path

KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def special_kind(path: Path) -> str | None:
    """What ``path`` is when it exists but is not a regular file ("a FIFO" ...), else None."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else KINDS.get(stat.S_IFMT(mode), "not a regular file")
