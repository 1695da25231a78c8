"""Start-up and exit of the package's own processes (the command line, a report's kernels)."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from analysis import cli
from analysis.startup import COLLECTION_THRESHOLDS


def test_the_command_line_collects_less_but_a_caller_s_process_is_left_alone(
    tmp_path: Path,
) -> None:
    before = gc.get_threshold()
    assert cli.main(["extract", str(tmp_path / "none"), "--out", str(tmp_path / "out")]) == 2
    assert gc.get_threshold() == before  # main(argv) runs inside a caller's process
    script = (
        "import gc, sys\n"
        "from analysis import cli\n"
        f"sys.argv = ['analysis', 'extract', {str(tmp_path / 'none')!r}, '--out', "
        f"{str(tmp_path / 'out')!r}]\n"
        "code = cli.main()\n"
        "print(code, gc.get_threshold())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split(maxsplit=1) == ["2", f"{COLLECTION_THRESHOLDS}\n"]
