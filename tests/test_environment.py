"""The project's promises about its own set-up: deps in step, pins, CI and docs."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import pytest
import yaml

from conftest import ROOT

CONDA_ONLY = {"python", "pip"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")


def _pyproject_dependencies() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        deps += extra
    return {_name(d) for d in deps}


def test_environment_yml_lists_the_pyproject_dependencies() -> None:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = [d for d in env["dependencies"] if isinstance(d, str)]
    listed += [d.split("#")[0] for d in pip if not d.startswith("-e")]
    conda = {_name(d) for d in listed} - CONDA_ONLY
    assert conda == _pyproject_dependencies()


def test_constraints_pin_every_dependency() -> None:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not pinned with =="
            pins[_name(name)] = version
    missing = _pyproject_dependencies() - set(pins)
    assert not missing, f"not pinned in constraints.txt: {sorted(missing)}"


def _make_targets() -> set[str]:
    return set(re.findall(r"^([a-zA-Z_-]+):", (ROOT / "Makefile").read_text(), flags=re.M))


def test_makefile_has_the_documented_targets() -> None:
    assert {"help", "report", "test", "lab", "bench", "clean"} <= _make_targets()


def test_github_workflow_names_existing_make_targets() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    runs = [
        step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step
    ]
    named = {m for run in runs for m in re.findall(r"\bmake\s+([a-z_-]+)", run)}
    assert {"test", "report"} <= named
    assert named <= _make_targets()
    uploads = [
        s
        for job in workflow["jobs"].values()
        for s in job["steps"]
        if "upload-artifact" in s.get("uses", "")
    ]
    assert uploads and uploads[0]["with"]["path"].rstrip("/") == "reports"


def test_ci_and_readme_use_the_same_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme and "make report" in readme
    assert re.search(r"^make test$", ci, flags=re.M)
    first_commands = re.findall(r"^make \w+", readme, flags=re.M)[:2]
    assert first_commands == ["make report", "make test"]


def test_lab_kernel_spec_installs_and_runs_this_python(tmp_path) -> None:
    import json
    import subprocess
    import sys

    recipe = (ROOT / "Makefile").read_text().split("\nlab:", 1)[1].split("\n\n", 1)[0]
    assert "ipykernel install --sys-prefix --name analysis" in recipe
    subprocess.run(
        [
            sys.executable,
            "-m",
            "ipykernel",
            "install",
            "--prefix",
            str(tmp_path),
            "--name",
            "analysis",
            "--display-name",
            "Python (analysis)",
        ],
        check=True,
        capture_output=True,
    )
    spec = json.loads((tmp_path / "share/jupyter/kernels/analysis/kernel.json").read_text())
    assert spec["display_name"] == "Python (analysis)"
    assert spec["argv"][0] == sys.executable


def test_validating_a_table_does_not_import_dask_dataframe() -> None:
    # Dask is installed (`--scheduler`); every kernel and worker would pay for pandera's
    # probe of dask.dataframe if the package did not end it.
    script = (
        "import sys\n"
        "from analysis.pipeline import build_tables\n"
        f"build_tables({str(ROOT / 'data' / 'raw')!r}).claims\n"
        "print('dask.dataframe' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_make_lab_starts_and_prints_its_url(tmp_path) -> None:
    """`make lab` as the user running the tests (root in CI and containers) serves JupyterLab
    and prints the URL to open."""
    import os
    import signal
    import time
    import urllib.error
    import urllib.request

    port = _free_port()
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
    }
    command = ["make", "--no-print-directory", "lab", f"LAB_PORT={port}", "LAB_ARGS=--no-browser"]
    # The running interpreter's venv, as it is (-o: do not reinstall it).
    command += [f"BIN={os.path.dirname(sys.executable)}", "-o", ".venv/.installed"]
    lab = subprocess.Popen(
        command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        url, seen, deadline = None, [], time.monotonic() + 120
        while url is None and time.monotonic() < deadline and lab.poll() is None:
            line = lab.stderr.readline()
            seen.append(line)
            found = re.search(rf"http://127\.0\.0\.1:{port}/lab\?token=\w+", line)
            url = found.group(0) if found else None
        assert url, "no URL printed:\n" + "".join(seen[-20:])
        for _ in range(60):  # the URL is logged a moment before the server accepts requests
            try:
                with urllib.request.urlopen(url, timeout=30) as page:  # loopback only
                    assert page.status == 200 and "JupyterLab" in page.read().decode()
                    break
            except urllib.error.URLError:
                time.sleep(0.5)
        else:
            raise AssertionError(f"{url} does not answer")
    finally:
        os.killpg(lab.pid, signal.SIGTERM)  # make and the server it started, nothing else
        lab.communicate(timeout=60)
