"""The report pipeline end to end: papermill kernels, HTML, index, atomic replacement."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import psutil
import pytest

from analysis import cli
from analysis.config import DATAPACKAGE_NAME, REPORT_TABLES
from analysis.errors import NotebookError, ParameterError
from analysis.report import build as report
from analysis.report import forking
from analysis.storage import stale_reason
from conftest import NOTEBOOKS, SHIPPED_CORPUS

pytestmark = pytest.mark.slow


def _notebook(folder: Path, name: str, body: str) -> Path:
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('tables: "Folder" = "../tables"  # table folder')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {name}\n\nA line about {name}."), params]
    nb.cells += [nbformat.v4.new_code_cell(source) for source in body.split("\n---\n")]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _report(out: Path, tables: Path, notebooks: Path = NOTEBOOKS, *extra: str) -> int:
    return cli.main(
        [
            "report",
            "--corpus",
            str(SHIPPED_CORPUS),
            "--out",
            str(out),
            "--tables",
            str(tables),
            "--notebooks",
            str(notebooks),
            *extra,
        ]
    )


def test_report_builds_every_notebook_and_rebuilds_byte_identical(tmp_path: Path) -> None:
    out, tables = tmp_path / "reports", tmp_path / "tables"
    assert _report(out, tables) == 0
    names = [nb.stem for nb in sorted(NOTEBOOKS.glob("*.ipynb"))]
    index = (out / "index.html").read_text()
    for name in names:
        for suffix in (".ipynb", ".html", ".reader.html"):
            assert (out / f"{name}{suffix}").is_file()
        assert f'href="{name}.html"' in index and f'href="{name}.reader.html"' in index
        full = (out / f"{name}.html").read_text()
        reader = (out / f"{name}.reader.html").read_text()
        code = "hl-ipython3"  # highlighted code cells
        assert code in full and code not in reader
        for page in (full, reader):
            assert "<script src=" not in page
            assert "cdnjs" not in page and "cdn.jsdelivr" not in page
    assert "claim attributed to the named speaker" in index
    for statement in ("azernews-2022-10-25", "aa-hajizada-2024"):
        assert statement in index
    assert {"statements.csv", "claims.csv", "claims.parquet", "datapackage.json"} <= {
        p.name for p in tables.iterdir()
    }
    executed = nbformat.read(out / f"{names[0]}.ipynb", as_version=4)
    assert "start_time" not in executed.metadata.get("papermill", {})
    _check_pages(out, tables, names)

    first = _snapshot(tmp_path)
    assert _report(out, tables) == 0
    assert _snapshot(tmp_path) == first


def _title(page: str) -> str:
    return re.search(r"<title>(.*?)</title>", page, re.S).group(1).strip()


def _check_pages(out: Path, tables: Path, names: list[str]) -> None:
    """Titles, back links, the headline and the tables that travel with the report."""
    index = (out / "index.html").read_text()
    titles = {_title(index)}
    for name in names:
        for suffix in (".html", ".reader.html"):
            page = (out / f"{name}{suffix}").read_text()
            titles.add(_title(page))
            assert '<a href="index.html">All reports</a>' in page, name + suffix
            assert "No description has been provided" not in page
            assert ">NaN<" not in page and ">nan<" not in page, name + suffix
    assert len(titles) == 1 + 2 * len(names)  # every page its own title
    # The headline: quantities in words, a column per date, the change in words.
    assert '<table class="headline">' in index
    assert "People killed or injured since the trilateral statement of 10 November 2020" in index
    for heading in ("25 October 2022", "3 December 2022", "26 January 2024"):
        assert f">{heading}</th>" in index
    assert '<ul class="findings">' in index
    # Statements in date order.
    order = [index.index(f'href="statements/{s}.html"') for s in ("azernews-2022-10-25",
             "un-letter-aliyev-2022-12-03", "aa-hajizada-2024")]  # fmt: skip
    assert order == sorted(order)
    # The tables travel with the report, byte for byte, and the index links them.
    data = out / REPORT_TABLES
    package = json.loads((data / DATAPACKAGE_NAME).read_text())
    for resource in package["resources"]:
        copied = data / resource["path"]
        assert copied.read_bytes() == (tables / resource["path"]).read_bytes()
        assert f'href="{REPORT_TABLES}/{resource["path"]}"' in index
    assert f'href="{REPORT_TABLES}/{DATAPACKAGE_NAME}"' in index
    assert stale_reason(data) is None  # the copy still names its corpus correctly
    assert 'id="claims-search"' in index and 'id="claims-table"' in index
    evolution = (out / "2.0-claims-evolution.reader.html").read_text()
    assert evolution.index('class="headline"') < evolution.index('class="small-multiples"')


def test_failing_notebook_names_notebook_and_cell_and_keeps_earlier_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _notebook(notebooks, "1.0-good", "x = 1\n---\nprint(x)")
    out, tables = tmp_path / "reports", tmp_path / "tables"
    assert _report(out, tables, notebooks) == 0
    before = _snapshot(out)

    _notebook(notebooks, "2.0-bad", "y = 2\n---\nraise ValueError('figure missing')")
    assert _report(out, tables, notebooks) == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert "2.0-bad.ipynb" in error
    assert "cell In [4]" in error and "raise ValueError" in error
    assert "ValueError: figure missing" in error
    assert _snapshot(out) == before
    assert not list(out.glob(".build-*"))


def test_parameters_are_checked_before_any_notebook_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_run(*args, **kwargs):
        raise AssertionError("a notebook ran before parameters were validated")

    monkeypatch.setattr(report, "execute", no_run)
    with pytest.raises(ParameterError, match="unknown parameter 'metricz'"):
        report.plan(report.find_notebooks(NOTEBOOKS), {}, {"metricz": ["killed"]})
    before = {p.pid for p in _kernels()}
    code = _report(tmp_path / "r", tmp_path / "t", NOTEBOOKS, "-p", "corpus=3")
    assert code == 2
    assert not (tmp_path / "r").exists()
    # The kernels started while the parameters were checked are shut down with the error.
    assert not [p for p in _kernels() if p.pid not in before and p.is_running()]


@pytest.mark.parametrize(
    ("parameter", "message"),
    [
        ("tables=../elsewhere", "-p tables: the report sets it; use --corpus and --tables"),
        ("corpus=../other", "unknown parameter 'corpus'"),
    ],
)
def test_one_report_reads_one_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], parameter: str, message: str
) -> None:
    assert _report(tmp_path / "r", tmp_path / "t", NOTEBOOKS, "-p", parameter) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "t").exists()


def test_unknown_notebook_name_is_an_error() -> None:
    with pytest.raises(ParameterError, match=r"no notebook named 9\.9-nothing"):
        report.find_notebooks(NOTEBOOKS, ["9.9-nothing"])


def test_notebook_error_is_reported_not_raised(tmp_path: Path) -> None:
    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    path = _notebook(notebooks, "bad", "1/0")
    with pytest.raises(
        NotebookError, match=r"bad\.ipynb: cell In \[2\] \('1/0'\) failed: ZeroDivisionError"
    ):
        report.execute(report.NotebookRun(path, {}), tmp_path / "out.ipynb")


def _stream_text(notebook: Path) -> str:
    nb = nbformat.read(notebook, as_version=4)
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)


def test_evolution_notebook_with_chosen_metrics_and_a_window_before_2024(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    code = _report(
        out,
        tmp_path / "tables",
        NOTEBOOKS,
        "--notebook",
        "2.0-claims-evolution",
        "-p",
        "metrics=['killed', 'civilians_killed']",
        "-p",
        "date_to=2023-12-31",
    )
    assert code == 0
    executed = out / "2.0-claims-evolution.ipynb"
    # October and December 2022 statements; 48, 45 and 35 from Azernews, 45, 45, 35 from
    # the press release (the UN letter gives no death toll).
    assert "3 statements, 6 claims, 2 series" in _stream_text(executed)
    html = (out / "2.0-claims-evolution.reader.html").read_text()
    assert "killed/since_ceasefire" in html and "civilians_killed/since_ceasefire" in html
    assert "casualties/since_ceasefire" not in html and "2024-01-26" not in html
    # The reader is told the report shows a selection, and with which parameters.
    assert "This report shows a selection of the claims, not all of them" in html
    assert "date_to='2023-12-31'" in html  # nbconvert writes the entity back as a quote


def test_an_empty_selection_says_so_instead_of_empty_tables(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    code = _report(
        out, tmp_path / "tables", NOTEBOOKS, "--notebook", "2.0-claims-evolution",
        "-p", "date_from=2030-01-01",
    )  # fmt: skip
    assert code == 0
    html = (out / "2.0-claims-evolution.reader.html").read_text()
    assert "No claims match this selection" in html
    assert "No figures in this selection" in html
    assert "<tbody></tbody>" not in html


def test_report_on_another_corpus_folder(tmp_path: Path, make_corpus) -> None:
    corpus = make_corpus(
        {
            "jan.txt": "Since the end of the war, 80 people have died, including 60 civilians.",
            "jun.txt": "Since the end of the war, 95 people have died, including 70 civilians.",
        },
        "jan.txt,ngo-jan,2025-01-15,manifest,Outlet A,Speaker A,,,,\n"
        "jun.txt,ngo-jun,2025-06-15,manifest,Outlet B,Speaker B,,,,\n",
    )
    out = tmp_path / "out"
    code = cli.main(
        ["report", "--corpus", str(corpus), "--out", str(out), "--notebooks", str(NOTEBOOKS)]
    )
    assert code == 0
    index = (out / "index.html").read_text()
    assert "ngo-jan" in index and "ngo-jun" in index and "azernews" not in index
    claims = pd.read_csv(out / "tables" / "claims.csv")
    assert sorted(claims["statement_id"]) == ["ngo-jan", "ngo-jan", "ngo-jun", "ngo-jun"]
    text = _stream_text(out / "2.0-claims-evolution.ipynb")
    assert "2 statements, 4 claims, 2 series" in text
    assert (out / "statements" / "ngo-jun.html").is_file()
    # The headline of another set of dates: its own columns, its own change in words.
    assert ">15 January 2025</th>" in index and ">15 June 2025</th>" in index
    assert "October 2022" not in index
    assert "People killed since the trilateral statement" in index
    assert "rose from 80 to 95" in index
    assert (out / REPORT_TABLES / "claims.csv").read_bytes() == (
        out / "tables" / "claims.csv"
    ).read_bytes()


def test_a_notebook_s_modules_are_its_top_level_imports() -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("import nothing"),
        nbformat.v4.new_code_cell("import wave, colorsys as c\nfrom email import message"),
        nbformat.v4.new_code_cell("%matplotlib inline"),  # IPython syntax: skipped
        nbformat.v4.new_code_cell("from . import local\ndef f():\n    import json"),
    ]
    assert report.notebook_modules(nb) == ["wave", "colorsys", "email", "email.message"]


def test_a_kernel_has_its_notebook_s_modules_before_the_first_cell_and_no_new_name(
    tmp_path: Path,
) -> None:
    probe = (
        "import sys\n"
        "print('wave' in sys.modules, 'colorsys' in sys.modules)\n"
        "print(sorted({'wave', 'analysis', 'importlib', 'preload'} & set(dir())))"
    )
    path = _notebook(tmp_path, "probe", f"{probe}\n---\nimport wave")
    executed = report.execute(report.NotebookRun(path, {}), tmp_path / "out.ipynb")
    printed = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    # wave: the notebook imports it (preloaded as the kernel started); colorsys: it does not.
    assert printed.splitlines() == ["True False", "[]"]
    assert executed.cells[1].execution_count == 1  # the preload is not a cell of its own


def test_papermill_is_handed_the_client_made_ready_as_the_kernel_started(tmp_path: Path) -> None:
    from concurrent.futures import CancelledError

    path = _notebook(tmp_path, "a", "x = 1")
    kernel = report.start_kernel(path)
    try:
        report.prepare_client(kernel, lambda: False)
        prepared = kernel.prepared
        assert prepared.ready
        executed = report.execute(report.NotebookRun(path, {}), tmp_path / "out.ipynb", kernel)
        assert [c.execution_count for c in executed.cells if c.cell_type == "code"] == [1, 2]
        assert kernel.prepared is None and prepared in kernel.clients  # handed to papermill
        with pytest.raises(CancelledError):  # a notebook dropped: no wait for its kernel
            report.prepare_client(kernel, lambda: True)
    finally:
        report.stop_kernel(kernel)


def test_a_kernel_that_dies_before_it_answers_is_started_once_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As when another process takes one of the ports picked for the kernel: the first kernel
    # is killed before its client is ready, and jupyter_client says it died.
    path = _notebook(tmp_path, "a", "x = 1")
    started: list = []
    real_start = report.start_kernel

    def start_and_kill_the_first(*args, **kwargs):
        kernel = real_start(*args, **kwargs)
        started.append(kernel)
        if len(started) == 1:
            kernel.provisioner.process.kill()
        return kernel

    monkeypatch.setattr(report, "start_kernel", start_and_kill_the_first)
    kernel = report.start_ready_kernel(path, lambda: False)
    try:
        assert len(started) == 2 and kernel is started[1] and kernel.prepared.ready
    finally:
        report.stop_kernel(kernel)


def test_a_report_kernel_collects_garbage_less_often(tmp_path: Path) -> None:
    from analysis.startup import COLLECTION_THRESHOLDS

    path = _notebook(tmp_path, "probe", "import gc\nprint(gc.get_threshold())")
    executed = report.execute(report.NotebookRun(path, {}), tmp_path / "out.ipynb")
    printed = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    assert printed.strip() == str(COLLECTION_THRESHOLDS)


def _kernels() -> list[psutil.Process]:
    """This process's kernels: its ipykernel children, and the forks of its kernel server."""
    kernels = []
    for child in psutil.Process().children():
        command = " ".join(child.cmdline())
        if "ipykernel" in command:
            kernels.append(child)
        elif forking.__name__ in command:
            kernels += child.children()
    return kernels


def test_kernels_of_the_runs_start_at_once_and_end_with_the_report(tmp_path: Path) -> None:
    paths = [_notebook(tmp_path, name, "x = 1") for name in ("a", "b")]
    runs = [report.NotebookRun(path, {}) for path in paths]
    before = {p.pid for p in _kernels()}
    with report.notebook_workers(paths) as kernels:
        deadline = time.monotonic() + 30
        while len({p.pid for p in _kernels()} - before) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        started = [p for p in _kernels() if p.pid not in before]
        assert len(started) == 2  # before any run is submitted
        staging = tmp_path / "staging"
        staging.mkdir()
        builds = kernels.submit(runs[:1], staging)  # b is not built: its kernel stops
        report.wait_all(runs[:1], builds, lambda _: None)
        assert (staging / "a.html").is_file() and not (staging / "b.html").exists()
    _, alive = psutil.wait_procs(started, timeout=10)
    assert not alive


def test_building_notebooks_keeps_the_iri_grammar_out(tmp_path: Path) -> None:
    # Importing this module loads no notebook tool; running notebooks loads them, but not
    # the IRI checker (a second of grammar compiling) that jsonschema would import.
    path = _notebook(tmp_path, "a", "x = 1")
    script = tmp_path / "tools.py"
    script.write_text(
        "import sys\n"
        "from pathlib import Path\n"
        "from analysis.report import build as report\n"
        "def loaded(names):\n"
        "    return [sys.modules.get(name) is not None for name in names]\n"
        "print(loaded(['nbformat', 'pandas', 'papermill']))\n"
        f"runs = [report.NotebookRun(Path({str(path)!r}), {{}})]\n"
        "with report.notebook_workers([run.source for run in runs]) as kernels:\n"
        f"    builds = kernels.submit(runs, Path({str(tmp_path)!r}))\n"
        "    report.wait_all(runs, builds, lambda _: None)\n"
        "print(loaded(['papermill', 'jsonschema', 'rfc3987_syntax']))\n"
    )
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == ["[False, False, False]", "[True, True, False]"]
