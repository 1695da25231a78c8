"""Hostile corpora built by the tests: each is handled correctly or rejected with one line
naming the file and row; never a traceback, never a partial output, earlier outputs intact."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from analysis import cli
from analysis.extract.corpus import load_corpus
from analysis.extract.sentences import MAX_QUOTE_CHARS
from analysis.pipeline import build_tables
from analysis.schema import Claims
from conftest import SHIPPED_CORPUS

SENTENCE = "Since the end of the war, 266 persons became victims, 45 of them died."
ROW = "a.txt,a,2024-01-02,stated,,,,,,\n"


def _extract(corpus: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["extract", str(corpus), "--out", str(out)])
    return code, capsys.readouterr().err


@pytest.fixture
def earlier_outputs(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "out"
    assert cli.main(["extract", str(SHIPPED_CORPUS), "--out", str(out)]) == 0
    return out, _tables(out)


def _tables(out: Path) -> dict[str, bytes]:
    """The outputs of a run (hidden files are its lock and cache, not outputs)."""
    return {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}


@pytest.mark.parametrize(
    ("files", "manifest", "message"),
    [
        ({"a.txt": SENTENCE}, None, "no manifest"),
        ({}, ROW, "line 2: file 'a.txt' not found"),
        ({"a.txt": SENTENCE}, ROW + ROW, "line 3: duplicate statement_id 'a'"),
        ({"a.txt": b"\xc3\x28 invalid"}, ROW, "a.txt: not valid UTF-8 at line 1"),
        ({"a.txt": SENTENCE}, 'a.txt,a,2024-01-02,"stated,,,,,,\n', "line 2"),
        ({"a.txt": SENTENCE}, "../../etc/passwd,a,2024-01-02,stated,,,,,,\n", "inside the corpus"),
    ],
    ids=["no-manifest", "missing-file", "duplicate-id", "invalid-utf8", "broken-quoting", "escape"],
)
def test_rejected_with_one_line_and_earlier_outputs_intact(
    make_corpus, earlier_outputs, capsys, files, manifest, message
) -> None:
    out, before = earlier_outputs
    corpus = make_corpus(files, manifest)
    code, err = _extract(corpus, out, capsys)
    last = err.strip().splitlines()[-1]
    assert code == 2
    assert last.startswith("analysis: error: ") and message in last
    assert "Traceback" not in err
    assert _tables(out) == before


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode(),
        lambda t: t.encode("utf-16"),
        lambda t: t.replace(".", ".\r\n").encode(),
    ],
    ids=["utf8-bom", "utf16", "crlf"],
)
def test_encodings_give_the_same_claims_with_exact_offsets(make_corpus, encode) -> None:
    folder = make_corpus({"a.txt": encode(SENTENCE)}, ROW)
    corpus = load_corpus(folder)
    claims = build_tables(folder).claims
    assert claims[Claims.surface].tolist() == ["266", "45"]
    text = corpus.text("a")
    for row in claims.itertuples():
        assert text[row.char_start : row.char_end] == row.surface


def test_empty_statement_has_no_claims(make_corpus, tmp_path, capsys) -> None:
    corpus = make_corpus(
        {"a.txt": "", "b.txt": SENTENCE}, ROW + "b.txt,b,2024-01-03,stated,,,,,,\n"
    )
    code, _ = _extract(corpus, tmp_path / "out", capsys)
    assert code == 0
    claims = build_tables(corpus).claims
    assert set(claims[Claims.statement_id]) == {"b"}


def test_twenty_megabyte_single_line(make_corpus) -> None:
    filler = "the ministry said that landmines remain a threat to the region and its people "
    half = filler * (10_000_000 // len(filler))
    corpus = make_corpus({"a.txt": half + SENTENCE.rstrip(".") + " " + half}, ROW)
    claims = build_tables(corpus).claims
    assert claims[Claims.surface].tolist() == ["266", "45"]
    assert claims[Claims.quote].str.len().max() <= MAX_QUOTE_CHARS


def test_numbers_beyond_float_range_and_european_separators(make_corpus) -> None:
    text = (
        f"Since the war, {'9' * 400} people died. "
        "Since the war, 1.400 people died. Since 1991, 3 345 persons became victims."
    )
    claims = build_tables(make_corpus({"a.txt": text}, ROW)).claims
    assert claims[Claims.surface].tolist() == ["1.400", "3 345"]
    assert claims[Claims.value_best].tolist() == [1400.0, 3345.0]
