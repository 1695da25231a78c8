"""Faults and hostile inputs (issue 15): no hang, no traceback, no debris, earlier output kept."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from analysis import cli, storage
from analysis.errors import OutputError
from conftest import ROOT, SHIPPED_CORPUS, interruptible_children

ROW = "a.txt,a,2024-01-02,stated,,,,,,\n"
TEXT = "Since the end of the war, 266 persons became victims, 45 of them died."


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own: a hang fails the test instead of blocking it."""
    return subprocess.run(
        [sys.executable, "-m", "analysis.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _one_line_error(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("analysis: error: ") and message in last, last


def test_a_manifest_that_is_a_fifo_is_refused_at_once(make_corpus, tmp_path: Path) -> None:
    corpus = make_corpus({"a.txt": TEXT}, None)
    os.mkfifo(corpus / "statements.csv")
    _one_line_error(_cli("extract", str(corpus), "--out", str(tmp_path / "o")), "is a FIFO")


@pytest.mark.parametrize("kind", ["fifo", "directory"])
def test_a_statement_that_is_not_a_file_is_refused_by_name(
    make_corpus, tmp_path: Path, kind: str
) -> None:
    corpus = make_corpus({}, ROW)
    if kind == "fifo":
        os.mkfifo(corpus / "a.txt")
    else:
        (corpus / "a.txt").mkdir()
    result = _cli("extract", str(corpus), "--out", str(tmp_path / "o"))
    _one_line_error(result, f"file 'a.txt' is a {'FIFO' if kind == 'fifo' else 'directory'}")


@pytest.mark.parametrize("kind", ["fifo", "directory"])
def test_annotations_that_are_not_a_file_are_refused(
    make_corpus, tmp_path: Path, kind: str
) -> None:
    corpus = make_corpus({"a.txt": TEXT}, ROW)
    if kind == "fifo":
        os.mkfifo(corpus / "annotations.yml")
    else:
        (corpus / "annotations.yml").mkdir()
    result = _cli("extract", str(corpus), "--out", str(tmp_path / "o"))
    _one_line_error(result, "annotations.yml: is a")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just a sentence\n", "expected a list of entries"),
        (b"- [a, b]\n", "entry 1: expected a mapping"),
        (b"- {statement_id: a, quote: 45}\n", "entry 1: 'quote' must be text"),
        (b"- {statement_id: a, quote: '45 of them', set: {value_best: [1, 2]}}\n", "one value"),
        (b"- {statement_id: a, quote: '45 of them', set: [metric]}\n", "'set' must be a mapping"),
        ("- {statement_id: a, quote: x}\n".encode("utf-16"), "not UTF-8 text"),
        (bytes(range(256)), "not UTF-8 text"),
    ],
    ids=["string", "list", "number-quote", "list-value", "set-list", "utf16", "binary"],
)
def test_annotations_of_the_wrong_shape_are_one_line_errors(
    make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    corpus = make_corpus({"a.txt": TEXT}, ROW)
    (corpus / "annotations.yml").write_bytes(content)
    assert cli.main(["extract", str(corpus), "--out", str(tmp_path / "o")]) == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert "annotations.yml" in last and message in last


def test_an_oversized_annotations_file_is_refused_before_it_is_parsed(
    make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_corpus({"a.txt": TEXT}, ROW)
    with (corpus / "annotations.yml").open("w") as handle:
        handle.write("[" + "1, " * 600_000 + "1]\n")
    assert cli.main(["extract", str(corpus), "--out", str(tmp_path / "o")]) == 2
    assert "may hold at most" in capsys.readouterr().err


@pytest.mark.parametrize("statement_id", ["a/b", "<b>a</b>"])
def test_a_statement_id_that_is_not_a_plain_name_is_refused_when_the_manifest_is_read(
    make_corpus, tmp_path: Path, statement_id: str
) -> None:
    corpus = make_corpus({"a.txt": TEXT}, f"a.txt,{statement_id},2024-01-02,stated,,,,,,\n")
    result = _cli("extract", str(corpus), "--out", str(tmp_path / "o"))
    _one_line_error(result, "line 2: statement_id")


def test_out_naming_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "file.csv"
    target.write_text("kept")
    result = _cli("extract", str(SHIPPED_CORPUS), "--out", str(target))
    _one_line_error(result, "is a file; the output must be a folder")
    assert target.read_text() == "kept"


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EACCES])
def test_a_full_disk_or_read_only_folder_is_one_line_and_keeps_earlier_tables(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    error: int,
) -> None:
    out = tmp_path / "out"
    assert cli.main(["extract", str(SHIPPED_CORPUS), "--out", str(out)]) == 0
    before = (out / "claims.csv").read_bytes()
    capsys.readouterr()

    def failing_write(self: Path, *args: object, **kwargs: object) -> int:
        raise OSError(error, os.strerror(error), str(self))

    monkeypatch.setattr(Path, "write_text", failing_write)
    assert cli.main(["extract", str(SHIPPED_CORPUS), "--out", str(out), "--force"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].endswith(os.strerror(error))
    assert "Traceback" not in err
    assert (out / "claims.csv").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_a_second_run_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with storage.exclusive(out):
        result = _cli("extract", str(SHIPPED_CORPUS), "--out", str(out))
        _one_line_error(result, "another run is writing to this folder")
        with pytest.raises(OutputError), storage.exclusive(out):
            pass
    with storage.exclusive(out):  # released with its holder
        pass


def _big_corpus(tmp_path: Path, copies: int) -> Path:
    corpus = tmp_path / "big"
    shutil.copytree(SHIPPED_CORPUS, corpus)
    (corpus / "annotations.yml").unlink(missing_ok=True)
    lines = (corpus / "statements.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    out_rows = []
    for copy in range(copies):
        for row in rows:
            fields = row.split(",")
            fields[1] = f"{fields[1]}-{copy}"
            out_rows.append(",".join(fields))
    (corpus / "statements.csv").write_text("\n".join([header, *out_rows]) + "\n")
    return corpus


@pytest.mark.slow
def test_sigkill_leaves_no_orphan_and_the_next_run_no_debris(tmp_path: Path) -> None:
    corpus = _big_corpus(tmp_path, 400)
    out = tmp_path / "out"
    command = ["extract", str(corpus), "--out", str(out), "--jobs", "2"]
    process = subprocess.Popen(
        [sys.executable, "-m", "analysis.cli", *command],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    parent = psutil.Process(process.pid)
    deadline = time.monotonic() + 60
    workers: list[psutil.Process] = []
    while time.monotonic() < deadline:
        workers = parent.children(recursive=True)
        if len(workers) >= 2 and list(out.glob(".*.tmp")):
            break
        time.sleep(0.2)
    time.sleep(1)  # the workers are extracting
    workers = parent.children(recursive=True)
    assert workers, "the run started no worker"
    process.send_signal(signal.SIGKILL)
    process.wait()
    _, alive = psutil.wait_procs(workers, timeout=15)
    assert not alive, f"workers outlived their parent: {[p.pid for p in alive]}"
    assert list(out.glob(".*.tmp")), "the killed run left no temporary file to clean"
    small = tmp_path / "small"
    shutil.copytree(SHIPPED_CORPUS, small)
    assert cli.main(["extract", str(small), "--out", str(out)]) == 0
    assert not list(out.glob(".*.tmp"))


@pytest.mark.slow
def test_ctrl_c_during_a_report_is_one_line_and_no_worker_traceback(tmp_path: Path) -> None:
    command = ["report", "--out", str(tmp_path / "reports"), "--tables", str(tmp_path / "t")]
    with interruptible_children():
        process = subprocess.Popen(
            [sys.executable, "-m", "analysis.cli", *command],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches one
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (tmp_path / "t" / "claims.csv").exists():
        time.sleep(0.2)
    time.sleep(1)  # the notebooks are running
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr, stderr
    assert stderr.strip().splitlines()[-1].startswith("analysis: interrupted")
    assert not (tmp_path / "reports" / "index.html").exists()
