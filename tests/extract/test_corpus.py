from __future__ import annotations

import codecs
import csv
import os
import re
import tracemalloc
from pathlib import Path

import pytest

from analysis.errors import CorpusError
from analysis.extract.corpus import CHECK_ROWS, load_corpus, read_manifest
from analysis.schema import Statements
from conftest import MANIFEST_HEADER, ROOT, sha256

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


def _manifest_of(folder: Path, rows: int, extra: str = "") -> Path:
    """A corpus folder whose manifest lists ``rows`` statements, all of them one file."""
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    lines = (f"a.txt,s{i},2024-01-02,stated\n" for i in range(rows))
    with (folder / "statements.csv").open("w", encoding="utf-8") as manifest:
        manifest.write("file,statement_id,date,date_basis\n")
        manifest.writelines(lines)
        manifest.write(extra)
    return folder


def _peak_bytes(folder: Path) -> int:
    tracemalloc.start()
    try:
        sources = read_manifest(folder)
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(sources) == int(sources[-1].statement_id[1:]) + 1
    print(f"{len(sources)} rows: {current / len(sources):.0f} bytes a row kept, peak {peak:,}")
    return peak


def test_a_large_manifest_is_read_in_little_memory_per_row(tmp_path: Path) -> None:
    # The first read pays for what is allocated once (pandera's backends, compiled checks).
    _peak_bytes(_manifest_of(tmp_path / "warm", 1_000))
    # Both read whole chunks, so the difference is what the extra rows keep.
    small = _peak_bytes(_manifest_of(tmp_path / "small", CHECK_ROWS))
    large = _peak_bytes(_manifest_of(tmp_path / "large", 4 * CHECK_ROWS))
    # Rows are streamed and checked in chunks, and each kept as a small tuple: under 400
    # bytes a row at the peak here. Reading the whole file into one table took over 900.
    assert (large - small) / (3 * CHECK_ROWS) < 500


def test_rules_hold_across_the_chunks_a_manifest_is_checked_in(tmp_path: Path) -> None:
    rows = CHECK_ROWS + 10
    last = rows + 1  # the header is line 1
    duplicate = _manifest_of(tmp_path / "duplicate", rows, "a.txt,s3,2024-01-03,stated\n")
    with pytest.raises(CorpusError, match=rf"line {last + 1}: duplicate statement_id 's3' "):
        read_manifest(duplicate)
    with pytest.raises(CorpusError, match=r"\(first on line 5\)"):
        read_manifest(duplicate)
    bad_date = _manifest_of(tmp_path / "date", rows, "a.txt,x,2024-02-30,stated\n")
    with pytest.raises(CorpusError, match=rf"line {last + 1}: unparseable date '2024-02-30'"):
        read_manifest(bad_date)


def test_the_first_broken_row_in_file_order_is_reported(make_corpus) -> None:
    folder = make_corpus(
        {"a.txt": TEXT},
        "missing.txt,a,2024-01-02,stated,,,,,,\na.txt,b,2024-13-01,stated,,,,,,\n",
    )
    with pytest.raises(CorpusError, match=r"line 2: file 'missing\.txt' not found"):
        read_manifest(folder)


def test_a_source_keeps_its_row(make_corpus) -> None:
    folder = make_corpus({"a.txt": TEXT}, "a.txt,a,2024-01-02,stated,Outlet,,T,,,\n")
    (source,) = read_manifest(folder)
    assert source.row == {
        "file": "a.txt",
        "statement_id": "a",
        "date": "2024-01-02",
        "date_basis": "stated",
        "outlet": "Outlet",
        "speaker": "",
        "title": "T",
        "url": "",
        "sha256": "",
        "notes": "",
    }
    assert source.path == folder / "a.txt"
    assert source.date == "2024-01-02"
    assert source.where == f"{folder / 'statements.csv'}, line 2"


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf8-bom", "utf16-bom", "crlf", "cr"],
)
def test_manifest_encodings_and_line_endings(tmp_path: Path, encode) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    manifest = MANIFEST_HEADER + 'a.txt,a,2024-01-02,stated,"Outlet, Baku",,,,,\n'
    (tmp_path / "statements.csv").write_bytes(encode(manifest + manifest.splitlines()[1]))
    with pytest.raises(CorpusError, match=r"line 3: duplicate statement_id 'a'"):
        read_manifest(tmp_path)
    (tmp_path / "statements.csv").write_bytes(encode(manifest))
    assert [s.row["outlet"] for s in read_manifest(tmp_path)] == ["Outlet, Baku"]


def test_a_manifest_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    row = b"a.txt,a,2024-01-02,stated,,,,,,\n"
    data = MANIFEST_HEADER.encode() + row + b"a.txt,b,2024-01-02,stated,Caf\xe9,,,,,\n"
    byte = data.index(b"\xe9")
    (tmp_path / "statements.csv").write_bytes(data)
    with pytest.raises(CorpusError) as caught:
        read_manifest(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'statements.csv'}: not valid UTF-8 at line 3 (byte {byte}); "
        "save the manifest as UTF-8"
    )


def test_a_folder_linked_from_outside_is_refused(make_corpus, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.txt").write_text(TEXT, encoding="utf-8")
    folder = make_corpus({}, "sub/a.txt,a,2024-01-02,stated,,,,,,\n")
    os.symlink(outside, folder / "sub")
    with pytest.raises(CorpusError, match=r"line 2: file 'sub/a\.txt' links outside"):
        read_manifest(folder)


def test_links_inside_the_corpus_folder_are_followed(make_corpus) -> None:
    folder = make_corpus(
        {}, "sub/a.txt,a,2024-01-02,stated,,,,,,\nb.txt,b,2024-01-03,stated,,,,,,\n"
    )
    (folder / "texts").mkdir()
    (folder / "texts" / "a.txt").write_text(TEXT, encoding="utf-8")
    os.symlink(folder / "texts", folder / "sub")
    os.symlink(folder / "texts" / "a.txt", folder / "b.txt")
    corpus = load_corpus(folder)
    assert corpus.text("a") == corpus.text("b") == TEXT
