"""Wall time of `analysis report` on the shipped corpus beside one papermill run of an empty
notebook, measured in the same run on the same machine (target: at most 2x), and of a second
report with nothing changed beside a full rebuild (`--force`). Each is the faster of two
runs: on a shared machine the slower one measures the neighbours. The CPU time of each
(user and system, every process of the run) is printed beside it: on a busy machine the
wall time of a report, which needs both cores, grows more than that of one papermill run."""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (of the command and every process it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.ipynb"
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        nbformat.write(nb, empty)
        baseline = min(
            timed(
                [
                    str(BIN / "papermill"),
                    "--no-progress-bar",
                    str(empty),
                    str(Path(tmp) / "o.ipynb"),
                ]
            )
            for _ in range(2)
        )
        report_command = [
            str(BIN / "analysis"),
            "report",
            "--out",
            str(Path(tmp) / "reports"),
            "--tables",
            str(Path(tmp) / "tables"),
        ]
        report = min(timed([*report_command, "--force"]) for _ in range(2))
        unchanged = min(timed(report_command) for _ in range(2))
    notebooks = len(list((ROOT / "notebooks").glob("*.ipynb")))
    ratio = report[0] / baseline[0]
    rows = [
        ("papermill, one empty notebook", baseline),
        (f"analysis report ({notebooks} notebooks), full", report),
    ]
    for label, (wall, cpu) in rows:
        print(f"{label:36s}{wall:8.2f} s   (CPU {cpu:5.2f} s)")
    verdict = "OK" if ratio <= 2 else "OVER TARGET"
    print(
        f"{'ratio':36s}{ratio:8.2f} x   (target <= 2x) {verdict}   "
        f"(CPU {report[1] / baseline[1]:4.2f} x)"
    )
    wall, cpu = unchanged
    print(f"{'analysis report, nothing changed':36s}{wall:8.2f} s   (CPU {cpu:5.2f} s)")


if __name__ == "__main__":
    main()
