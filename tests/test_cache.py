"""analysis.cache: an unchanged statement is not extracted again, and nothing else changes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from analysis import pipeline
from analysis.cache import CACHE_NAME, StatementCache, job_key
from analysis.extract import claims as claims_module
from analysis.extract.corpus import load_corpus
from conftest import SHIPPED_CORPUS


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != CACHE_NAME}


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The statement_ids the rules extract (not those reused from the cache)."""
    seen: list[str] = []
    original = claims_module.statement_claims

    def counting(job: claims_module.StatementJob) -> claims_module.StatementClaims:
        seen.append(job.statement_id)
        return original(job)

    monkeypatch.setattr(pipeline, "statement_claims", counting)
    return seen


def test_a_rerun_reuses_every_statement_and_writes_the_same_bytes(
    corpus_copy: Path, tmp_path: Path, extracted: list[str]
) -> None:
    out = tmp_path / "tables"
    pipeline.extract(corpus_copy, out, progress=lambda _: None)
    first = _outputs(out)
    count = len(extracted)
    pipeline.extract(corpus_copy, out, progress=lambda _: None)
    assert len(extracted) == count  # nothing extracted again
    assert _outputs(out) == first


def test_after_a_statement_is_added_only_it_is_extracted(
    corpus_copy: Path, tmp_path: Path, extracted: list[str]
) -> None:
    out = tmp_path / "tables"
    pipeline.extract(corpus_copy, out, progress=lambda _: None)
    extracted.clear()
    new = corpus_copy / "statements" / "new.txt"
    new.write_text("Since the end of the war, 12 people were injured by mines.", encoding="utf-8")
    with (corpus_copy / "statements.csv").open("a", encoding="utf-8") as manifest:
        manifest.write("statements/new.txt,new-2025,2025-01-02,manifest,Outlet,,,,,\n")
    pipeline.extract(corpus_copy, out, progress=lambda _: None)
    assert extracted == ["new-2025"]
    fresh = tmp_path / "fresh"
    pipeline.extract(corpus_copy, fresh, progress=lambda _: None)
    incremental, full = _outputs(out), _outputs(fresh)
    assert incremental.keys() == full.keys()
    for name in full:  # the datapackage names its own folder's path to the corpus
        if name != "datapackage.json":
            assert incremental[name] == full[name], name


def test_force_extracts_everything_again(
    corpus_copy: Path, tmp_path: Path, extracted: list[str]
) -> None:
    out = tmp_path / "tables"
    pipeline.extract(corpus_copy, out, progress=lambda _: None)
    count = len(extracted)
    pipeline.extract(corpus_copy, out, progress=lambda _: None, force=True)
    assert len(extracted) == 2 * count


def test_a_statement_whose_annotations_change_is_extracted_again(
    corpus_copy: Path, tmp_path: Path, extracted: list[str]
) -> None:
    out = tmp_path / "tables"
    tables = pipeline.extract(corpus_copy, out, progress=lambda _: None)
    assert tables is not None
    claim = tables.claims.iloc[0]
    extracted.clear()
    entry = {
        "statement_id": claim["statement_id"],
        "quote": claim["quote"],
        "surface": claim["surface"],
        "action": "drop",
    }
    (corpus_copy / "annotations.yml").write_text(yaml.safe_dump([entry]), encoding="utf-8")
    again = pipeline.extract(corpus_copy, out, progress=lambda _: None)
    assert extracted == [claim["statement_id"]]
    assert again is not None and claim["claim_id"] not in set(again.claims["claim_id"])


@pytest.mark.slow
def test_a_report_with_nothing_changed_is_not_built_again(
    corpus_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from analysis import cli
    from conftest import NOTEBOOKS

    out = tmp_path / "reports"
    command = ["report", "--corpus", str(corpus_copy), "--out", str(out)]
    command += ["--notebooks", str(NOTEBOOKS), "--notebook", "1.0-extract-claims"]
    assert cli.main(command) == 0
    index = out / "index.html"
    built = index.stat().st_mtime_ns, index.read_bytes()
    assert cli.main(command) == 0
    assert "the reports are up to date" in capsys.readouterr().err
    assert (index.stat().st_mtime_ns, index.read_bytes()) == built
    statement = sorted((corpus_copy / "statements").iterdir())[0]
    pinned = _pinned_sha256(statement)
    statement.write_bytes(statement.read_bytes() + b"\nSince the war, 7 people died.\n")
    (corpus_copy / "statements.csv").write_text(
        (corpus_copy / "statements.csv").read_text(encoding="utf-8").replace(pinned, ""),
        encoding="utf-8",
    )
    assert cli.main(command) == 0
    assert "up to date" not in capsys.readouterr().err
    assert index.stat().st_mtime_ns != built[0]


def _pinned_sha256(path: Path) -> str:
    """The sha256 the manifest pins for ``path``."""
    import csv

    manifest = path.parents[1] / "statements.csv"
    with manifest.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if Path(row["file"]).name == path.name:
                return row["sha256"]
    raise AssertionError(f"{path.name} is not in {manifest}")


def test_a_cached_result_is_the_result_it_stored(tmp_path: Path) -> None:
    corpus = load_corpus(SHIPPED_CORPUS)
    jobs = [
        claims_module.StatementJob(row.statement_id, corpus.text(row.statement_id), row.date)
        for row in corpus.statements.itertuples()
    ]
    results = [claims_module.statement_claims(job) for job in jobs]
    cache = StatementCache(tmp_path)
    for job, result in zip(jobs, results, strict=True):
        cache.put(job_key(job), result)
    cache.close()
    reopened = StatementCache(tmp_path)
    assert [reopened.get(job_key(job)) for job in jobs] == results
    assert reopened.hits == len(jobs)
    # Empty cells and numbers of every kind make the trip.
    rows = [row for result in results for row in result.rows]
    assert any(row["value_high"] is None for row in rows)
    assert {type(row["char_start"]) for row in rows} == {int}
