"""The `analysis` command as a user runs it: exit codes, one-line errors, intact outputs."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis import cli
from analysis.schema import Claims, columns
from conftest import ROOT, SHIPPED_CORPUS, interruptible_children


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis.cli", *args], cwd=cwd, capture_output=True, text=True
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    # Hidden files are the run's lock and cache, not its outputs.
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def test_extract_writes_every_table_and_a_datapackage(tmp_path: Path) -> None:
    assert cli.main(["extract", str(SHIPPED_CORPUS), "--out", str(tmp_path)]) == 0
    names = {p.name for p in tmp_path.iterdir()}
    assert {
        "statements.csv",
        "claims.csv",
        "claims.parquet",
        "evolution.csv",
        "findings.csv",
        "datapackage.json",
    } <= names
    claims = pd.read_csv(tmp_path / "claims.csv")
    assert list(claims.columns) == columns(Claims)
    assert pd.read_parquet(tmp_path / "claims.parquet").shape == claims.shape
    package = json.loads((tmp_path / "datapackage.json").read_text())
    described = {
        r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in package["resources"]
    }
    for name, fields in described.items():
        assert fields == list(pd.read_csv(tmp_path / f"{name}.csv", nrows=0).columns)
    assert "not verify" in package["description"]


def test_extract_is_byte_identical_across_runs(tmp_path: Path) -> None:
    cli.main(["extract", str(SHIPPED_CORPUS), "--out", str(tmp_path / "a")])
    cli.main(["extract", str(SHIPPED_CORPUS), "--out", str(tmp_path / "b")])
    assert _snapshot(tmp_path / "a") == _snapshot(tmp_path / "b")


def test_bad_corpus_is_one_line_without_traceback_and_keeps_earlier_outputs(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    assert cli.main(["extract", str(SHIPPED_CORPUS), "--out", str(out)]) == 0
    before = _snapshot(out)
    bad = tmp_path / "bad"
    shutil.copytree(SHIPPED_CORPUS, bad)
    # The line the bad row lands on: after however many statements the corpus holds.
    line = len((bad / "statements.csv").read_text(encoding="utf-8").splitlines()) + 1
    with (bad / "statements.csv").open("a") as manifest:
        manifest.write("statements/nope.txt,extra,2024-02-30,stated,,,,,,\n")
    result = _run("extract", str(bad), "--out", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("analysis: error: ")
    assert f"statements.csv, line {line}: unparseable date" in lines[-1]
    assert "Traceback" not in result.stderr
    assert _snapshot(out) == before


def test_missing_corpus_folder(tmp_path: Path) -> None:
    result = _run("extract", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o"))
    assert result.returncode == 2
    last = result.stderr.strip().splitlines()[-1]
    assert last == f"analysis: error: {tmp_path / 'nowhere'}: not a folder"


def test_interrupted_extract_leaves_no_partial_file(tmp_path: Path, make_corpus) -> None:
    # A corpus big enough that extraction is still running when the signal arrives.
    sentence = "Since the war, 266 persons became landmine victims, 45 of them died. "
    text = sentence * 200_000
    manifest = "".join(f"s{i}.txt,s{i},2024-01-0{i + 1},stated,,,,,,\n" for i in range(3))
    corpus = make_corpus({f"s{i}.txt": text for i in range(3)}, manifest)
    out = tmp_path / "out"
    with interruptible_children():
        process = subprocess.Popen(
            [sys.executable, "-m", "analysis.cli", "extract", str(corpus), "--out", str(out)],
            stderr=subprocess.PIPE,
            text=True,
        )
    # Interrupt only once the command runs (its first progress line): a Ctrl-C while the
    # interpreter still starts ends it by the signal (-2), before this package has any say.
    first = process.stderr.readline()
    assert first.startswith("extracting tables from"), first
    time.sleep(1)  # into the extraction
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    if process.returncode == 0:
        pytest.skip("extraction finished before the interrupt; machine too fast for this size")
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    leftovers = (
        [p.name for p in out.iterdir() if p.name != ".analysis.lock"] if out.exists() else []
    )
    assert not [n for n in leftovers if n.endswith(".tmp")]
    for name in leftovers:  # anything present is complete
        assert name in {"statements.csv", "claims.csv", "claims.parquet", ".extract-cache.sqlite"}


def test_an_interrupt_while_the_command_line_is_read_is_an_interrupt(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build_parser", interrupted)
    assert cli.main(["--version"]) == 130
    assert "interrupted" in capsys.readouterr().err


def test_version_and_help() -> None:
    assert "analysis" in _run("--version").stdout
    assert "extract" in _run("--help").stdout


def test_extract_in_several_processes_gives_the_same_bytes(tmp_path: Path) -> None:
    assert cli.main(["extract", str(SHIPPED_CORPUS), "--out", str(tmp_path / "one")]) == 0
    code = cli.main(["extract", str(SHIPPED_CORPUS), "--out", str(tmp_path / "two"), "--jobs", "2"])
    assert code == 0
    assert _snapshot(tmp_path / "one") == _snapshot(tmp_path / "two")


def test_jobs_must_be_a_whole_number() -> None:
    result = _run("extract", "data/raw", "--out", "/tmp/unused", "--jobs", "many")
    assert result.returncode == 2 and "--jobs: expected a whole number" in result.stderr


@pytest.mark.slow
def test_extract_on_a_local_dask_cluster_gives_the_same_bytes(tmp_path: Path) -> None:
    assert cli.main(["extract", str(SHIPPED_CORPUS), "--out", str(tmp_path / "one")]) == 0
    dask = ["--scheduler", "local", "--jobs", "2"]
    assert cli.main(["extract", str(SHIPPED_CORPUS), "--out", str(tmp_path / "dask"), *dask]) == 0
    assert _snapshot(tmp_path / "one") == _snapshot(tmp_path / "dask")


def test_unreachable_scheduler_is_one_line_and_keeps_earlier_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert cli.main(["extract", str(SHIPPED_CORPUS), "--out", str(out)]) == 0
    before = _snapshot(out)
    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", "1s")
    result = _run(
        "extract", str(SHIPPED_CORPUS), "--out", str(out), "--scheduler", "tcp://127.0.0.1:9"
    )
    assert result.returncode == 2
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("analysis: error: --scheduler tcp://127.0.0.1:9: cannot connect")
    assert _snapshot(out) == before


def test_no_analysis_writes_statements_and_claims_and_drops_stale_tables(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli.main(["extract", str(SHIPPED_CORPUS), "--out", str(out)]) == 0
    full = _snapshot(out)
    assert cli.main(["extract", str(SHIPPED_CORPUS), "--out", str(out), "--no-analysis"]) == 0
    lean = _snapshot(out)
    stage_one = ["statements.csv", "mentions.csv", "mentions.parquet"]
    stage_one += ["claims.csv", "claims.parquet"]
    assert set(lean) == {*stage_one, "datapackage.json"}
    for name in stage_one:
        assert lean[name] == full[name]
    package = json.loads(lean["datapackage.json"])
    assert [r["name"] for r in package["resources"]] == ["statements", "mentions", "claims"]


def test_an_annotation_error_in_a_worker_is_one_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, corpus)
    (corpus / "annotations.yml").write_text(
        '- statement_id: mfa-2024-01-26\n  quote: "a sentence that is not there"\n'
    )
    result = _run("extract", str(corpus), "--out", str(tmp_path / "out"), "--jobs", "2")
    assert result.returncode == 2, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"analysis: error: {corpus / 'annotations.yml'}, entry 1: quote")
    assert "no longer found" in last and "Traceback" not in result.stderr
    out = tmp_path / "out"
    assert not out.exists() or not [p for p in out.iterdir() if not p.name.startswith(".")]


def test_a_changed_statement_stops_a_parallel_run_and_keeps_earlier_outputs(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, corpus)
    out = tmp_path / "out"
    assert cli.main(["extract", str(corpus), "--out", str(out)]) == 0
    before = _snapshot(out)
    manifest = pd.read_csv(corpus / "statements.csv", dtype=str, keep_default_na=False)
    last = corpus / manifest["file"].iloc[-1]
    last.write_text(last.read_text(encoding="utf-8") + " 999 people died.", encoding="utf-8")
    result = _run("extract", str(corpus), "--out", str(out), "--jobs", "2")
    assert result.returncode == 2
    error = result.stderr.strip().splitlines()[-1]
    assert error.endswith(
        f"line {len(manifest) + 1}: {manifest['file'].iloc[-1]} does not match "
        "its sha256 (file changed?)"
    )
    assert _snapshot(out) == before


@pytest.mark.parametrize(
    ("value", "message"),
    [
        # A plain string reaches the check as one value, named whole, never as its letters.
        ("killed", "parameter 'metrics': expected a list such as ['killed'], got 'killed'"),
        ("['kiled']", "parameter 'metrics': 'kiled' is not a known metric; known: "),
    ],
)
def test_a_metric_given_as_text_is_reported_by_name(
    tmp_path: Path, value: str, message: str
) -> None:
    out, tables = tmp_path / "reports", tmp_path / "tables"
    result = _run(
        "report",
        "--notebook",
        "2.0-claims-evolution",
        "--out",
        str(out),
        "--tables",
        str(tables),
        "-p",
        f"metrics={value}",
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("analysis: error: ")
    assert message in result.stderr
    assert "'k'" not in result.stderr and "Traceback" not in result.stderr
    assert not out.exists() and not tables.exists()  # checked before anything ran
