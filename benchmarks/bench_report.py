"""Wall time of `analysis report` on the shipped corpus beside one papermill run of an empty
notebook, measured in the same run on the same machine (target: at most 2x), and of a second
report with nothing changed beside a full rebuild (`--force`). Each is the faster of two
runs: on a shared machine the slower one measures the neighbours."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start


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
    ratio = report / baseline
    print(f"papermill, one empty notebook       {baseline:8.2f} s")
    print(f"analysis report ({notebooks} notebooks), full  {report:8.2f} s")
    print(
        f"ratio                               {ratio:8.2f} x   (target <= 2x) "
        f"{'OK' if ratio <= 2 else 'OVER TARGET'}"
    )
    print(f"analysis report, nothing changed    {unchanged:8.2f} s")


if __name__ == "__main__":
    main()
