from __future__ import annotations

import codecs
import csv
import os
import re
from pathlib import Path

import pytest

from analysis.errors import CorpusError
from analysis.extract.corpus import load_corpus
from analysis.schema import Statements
from conftest import ROOT, sha256

SHARED_STATEMENTS = ROOT.parent / "shared" / "statements"
TEXT = "Since the war, 266 persons became landmine victims.\n"


SHIPPED_IDS = [
    "azernews-2022-10-25",
    "aa-hajizada-2024",
    "mfa-press-release-493-22",
    "mfa-2024-01-26",
    "un-letter-aliyev-2022-12-03",
]


def test_shipped_corpus_loads_with_pinned_checksums(shipped_corpus: Path) -> None:
    corpus = load_corpus(shipped_corpus)
    # Counted from the manifest: an analyst may have added statements (`analysis add`).
    with (shipped_corpus / "statements.csv").open(encoding="utf-8", newline="") as manifest:
        listed = [row["statement_id"] for row in csv.DictReader(manifest)]
    assert corpus.statements[Statements.statement_id].tolist() == listed
    assert listed[: len(SHIPPED_IDS)] == SHIPPED_IDS
    assert corpus.statements[Statements.sha256].notna().all()
    for row in corpus.statements.itertuples():
        assert len(corpus.text(row.statement_id)) == row.n_chars
        if row.statement_id in SHIPPED_IDS:
            assert row.date_basis in {"stated", "inferred"}
    undated = corpus.statements.set_index(Statements.statement_id).loc["aa-hajizada-2024"]
    assert undated.date_basis == "inferred"
    assert "September 2023" in undated.notes


@pytest.mark.skipif(not SHARED_STATEMENTS.is_dir(), reason="published statements not beside repo")
def test_shipped_statements_are_the_published_bytes(shipped_corpus: Path) -> None:
    published = sorted(SHARED_STATEMENTS.glob("*.txt"))
    assert published
    for original in published:
        shipped = shipped_corpus / "statements" / original.name
        assert shipped.read_bytes() == original.read_bytes()


def test_user_corpus_without_checksums_loads(make_corpus) -> None:
    folder = make_corpus({"a.txt": TEXT}, "a.txt,a,2024-01-02,stated,Outlet,Speaker,,,,\n")
    corpus = load_corpus(folder)
    assert corpus.text("a") == TEXT
    assert corpus.statements[Statements.sha256].isna().all()


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("missing.txt,a,2024-01-02,stated,,,,,,\n", "line 2: file 'missing.txt' not found"),
        (
            "a.txt,a,2024-01-02,stated,,,,,,\na.txt,a,2024-01-03,stated,,,,,,\n",
            "line 3: duplicate statement_id 'a' (first on line 2)",
        ),
        ("a.txt,a,2024-13-02,stated,,,,,,\n", "line 2: unparseable date '2024-13-02'"),
        ("a.txt,a,02/01/2024,stated,,,,,,\n", "line 2: unparseable date '02/01/2024'"),
        ("a.txt,a,2024-01-02,guessed,,,,,,\n", "line 2: unknown date_basis 'guessed'"),
        ("a.txt,a,,stated,,,,,,\n", "line 2: empty date needs date_basis 'unknown'"),
        ("a.txt,a,2024-01-02,stated,,,,," + "0" * 64 + ",\n", "does not match its sha256"),
        ('a.txt,a,2024-01-02,stated,"unclosed,,,,,\n', "line 2"),
        ("../../etc/passwd,a,2024-01-02,stated,,,,,,\n", "must be a path inside the corpus folder"),
        ("/etc/passwd,a,2024-01-02,stated,,,,,,\n", "must be a path inside the corpus folder"),
        ("a.txt,a,2024-01-02,stated,,,\n", "line 2: 7 fields, expected 10"),
    ],
)
def test_bad_manifest_is_a_one_line_error_naming_file_and_row(make_corpus, manifest, message):
    folder = make_corpus({"a.txt": TEXT}, manifest)
    with pytest.raises(CorpusError) as caught:
        load_corpus(folder)
    text = str(caught.value)
    assert message in text
    assert str(folder / "statements.csv") in text
    assert "\n" not in text


def test_missing_manifest(make_corpus) -> None:
    folder = make_corpus({"a.txt": TEXT}, None)
    with pytest.raises(CorpusError, match="no manifest"):
        load_corpus(folder)


def test_unknown_manifest_column(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "statements.csv").write_text("file,statement_id,date,date_basis,colour\n")
    with pytest.raises(CorpusError, match="line 1: unknown column"):
        load_corpus(tmp_path)


def test_symlink_outside_corpus_is_rejected(make_corpus, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(TEXT)
    folder = make_corpus({}, "link.txt,a,2024-01-02,stated,,,,,,\n")
    os.symlink(outside, folder / "link.txt")
    with pytest.raises(CorpusError, match="links outside the corpus folder"):
        load_corpus(folder)


def test_invalid_utf8_names_file_and_line(make_corpus) -> None:
    folder = make_corpus(
        {"a.txt": b"first line\nbad \xff byte\n"}, "a.txt,a,2024-01-02,stated,,,,,,\n"
    )
    with pytest.raises(CorpusError, match=r"a\.txt: not valid UTF-8 at line 2"):
        load_corpus(folder)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8-bom", "utf16-bom", "crlf"],
)
def test_encodings_and_line_endings_decode_to_the_text(make_corpus, encode) -> None:
    data = encode(TEXT)
    folder = make_corpus({"a.txt": data}, f"a.txt,a,2024-01-02,stated,,,,,{sha256(data)},\n")
    text = load_corpus(folder).text("a")
    assert text.replace("\r\n", "\n") == TEXT
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("a.txt,a,2024-02-30,stated,,,,,,\n", "line 2: unparseable date '2024-02-30'"),
        ("a.txt,a,2024-01-02,unknown,,,,,,\n", "line 2: date_basis is 'unknown' but a date"),
        ("a.txt,a/b,2024-01-02,stated,,,,,,\n", "line 2: statement_id 'a/b' may hold only"),
        ("a.txt,<b>x</b>,2024-01-02,stated,,,,,,\n", "statement_id '<b>x</b>' may hold only"),
        ("a.txt,a,2024-01-02,stated,,,,,ABC,\n", "line 2: sha256 must be 64 lower-case hex"),
        (",a,2024-01-02,stated,,,,,,\n", "line 2: empty file"),
    ],
)
def test_manifest_rows_follow_the_manifest_model(make_corpus, row: str, message: str) -> None:
    folder = make_corpus({"a.txt": TEXT}, row)
    with pytest.raises(CorpusError, match=re.escape(message)):
        load_corpus(folder)
