"""Kernels forked from the report's kernel server are the kernels a fresh process would be."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest

from analysis.report import build as report
from analysis.report.forking import ForkedProcess, KernelServer, forkable, served_modules
from conftest import NOTEBOOKS

LAUNCH = [sys.executable, "-m", "ipykernel_launcher", "-f", "kernel.json"]


def test_only_this_interpreter_s_ipykernel_is_forked() -> None:
    assert forkable(LAUNCH)
    assert not forkable(["/usr/bin/other-python", *LAUNCH[1:]])
    assert not forkable([sys.executable, "-m", "other_kernel", "-f", "kernel.json"])
    assert not forkable([sys.executable])


def test_the_server_imports_the_kernel_and_this_package_only() -> None:
    served = served_modules(["pandas", "analysis.schema", "analysisx", "tqdm.auto", "analysis"])
    assert "analysis.schema" in served and "analysis" in served
    assert "ipykernel.kernelapp" in served
    assert not {"pandas", "analysisx", "tqdm.auto"} & set(served)


def test_a_process_of_another_parent_is_watched_polled_and_killed() -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        watched = ForkedProcess(sleeper.pid)
        assert watched.poll() is None
        with pytest.raises(subprocess.TimeoutExpired):
            watched.wait(timeout=0.05)
        watched.kill()
        assert watched.wait(timeout=10) == 0
        watched.kill()  # ended: nothing to signal, no error
    finally:
        sleeper.kill()
        sleeper.wait()


def _notebook(folder: Path, name: str, *cells: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def _run(path: Path, out: Path, server: KernelServer | None, **parameters: object) -> dict:
    kernel = report.start_kernel(path, server)
    try:
        executed = report.execute(report.NotebookRun(path, dict(parameters)), out, kernel)
    finally:
        report.stop_kernel(kernel)
    return executed


def _printed(notebook: dict) -> list[str]:
    return [
        "".join(output.get("text", "") for output in cell.get("outputs", [])).strip()
        for cell in notebook["cells"]
    ]


@pytest.mark.slow
def test_forked_kernels_are_processes_of_their_own_with_the_package_loaded(
    tmp_path: Path,
) -> None:
    probe = (
        "import os, sys\n"
        "print(os.getpid(), os.getppid(), os.getpgid(0) == os.getpid())\n"
        "print('analysis.report.views' in sys.modules, 'wave' in sys.modules)"
    )
    setter = _notebook(tmp_path, "setter", "import analysis.report.views as v\nv.SET_HERE = 1")
    reader = _notebook(tmp_path, "reader", probe, "import analysis.report.views as v\n"
                       "print(hasattr(v, 'SET_HERE'))")  # fmt: skip
    server = KernelServer(tmp_path, ["analysis.report.views", "wave"])
    try:
        _run(setter, tmp_path / "setter.out.ipynb", server)
        first, second = [_run(reader, tmp_path / f"r{i}.ipynb", server) for i in (1, 2)]
    finally:
        server.close()
    probed, isolated = _printed(first)
    pids, loaded = probed.splitlines()
    pid, parent, own_session = pids.split()
    assert own_session == "True"  # a Ctrl-C in the terminal is the report's
    assert pid != _printed(second)[0].split()[0]  # one process per kernel
    assert parent != str(os.getpid())  # a fork of the server
    # The package was imported by the server; a module the package does not own was not.
    assert loaded == "True False"
    assert isolated == "False"  # what one notebook does stays in its process


@pytest.mark.slow
def test_a_forked_kernel_sees_what_a_fresh_kernel_sees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What modules imported by the server may look at: the shell, the working directory,
    # the environment, sys.path and __main__ (pandas and matplotlib choose defaults by them).
    monkeypatch.delenv("MPLBACKEND", raising=False)  # ipykernel then sets its own
    probe = (
        "import os, sys, pandas, matplotlib\n"
        "print(sys.path, os.getcwd(), os.environ['JPY_PARENT_PID'] == str(os.getppid()))\n"
        "print(getattr(sys.modules['__main__'], '__file__', None))\n"
        "print(pandas.get_option('display.max_columns'), matplotlib.get_backend())\n"
        "print(type(get_ipython()).__name__, os.environ.get('MPLBACKEND'))"
    )
    path = _notebook(tmp_path, "probe", probe)
    server = KernelServer(tmp_path, ["analysis.report.plots"])  # pandas and matplotlib
    try:
        forked = _printed(_run(path, tmp_path / "forked.ipynb", server))
    finally:
        server.close()
    assert forked == _printed(_run(path, tmp_path / "fresh.ipynb", None))


@pytest.mark.slow
@pytest.mark.parametrize("source", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_each_notebook_gives_the_same_output_forked_as_in_a_fresh_kernel(
    built_reports: Path, tmp_path: Path, source: Path
) -> None:
    # The report ran it in a fork of its server; here it runs in a kernel of its own.
    forked = nbformat.read(built_reports / "reports" / source.name, as_version=4)
    fresh = _run(source, tmp_path / source.name, None, **forked.metadata.papermill.parameters)
    assert [c.get("outputs") for c in fresh.cells] == [c.get("outputs") for c in forked.cells]


@pytest.mark.slow
def test_a_kernel_starts_as_usual_once_the_server_is_gone(tmp_path: Path) -> None:
    server = KernelServer(tmp_path, [])
    server.close()
    path = _notebook(tmp_path, "a", "print(6 * 7)")
    assert _printed(_run(path, tmp_path / "out.ipynb", server)) == ["42"]


@pytest.mark.slow
def test_the_server_and_its_kernels_end_when_the_report_is_killed(tmp_path: Path) -> None:
    path = _notebook(tmp_path, "a", "x = 1")
    script = (
        "import os\n"
        "from pathlib import Path\n"
        "from analysis.report import build as report\n"
        "from analysis.report.forking import KernelServer\n"
        f"server = KernelServer(Path({str(tmp_path)!r}), [])\n"
        f"kernel = report.start_kernel(Path({str(path)!r}), server)\n"
        "print(kernel.provisioner.pid, flush=True)\n"
        "os._exit(0)  # no clean-up: as if killed\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    kernel = int(result.stdout.split()[-1])
    deadline = time.monotonic() + 15
    while psutil.pid_exists(kernel) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not psutil.pid_exists(kernel) or psutil.Process(kernel).status() == "zombie"
