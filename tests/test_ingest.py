"""`analysis add`: a real PDF, web page or text file becomes a statement of a corpus."""

from __future__ import annotations

import codecs
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import cli, ingest
from analysis.errors import CorpusError, ParameterError
from analysis.extract.corpus import load_corpus, read_manifest
from analysis.pipeline import build_tables
from analysis.schema import Claims
from conftest import MANIFEST_HEADER, NOTEBOOKS, ROOT, SHIPPED_CORPUS

PARAGRAPHS = [
    "Since the end of the war, 350 citizens have become landmine victims, the ministry said.",
    "Of them, 68 were killed, including 52 civilians.",
    "The maps provided so far were only 25% accurate, the spokesman added.",
]
# Wider than a PDF page: the PDF breaks it into lines, which the stored text joins again.
LONG = (
    "In the liberated territories, where reconstruction goes on and where the displaced hope "
    "to return, anti-personnel mines have injured 219 civilians since the end of the war."
)
BOILERPLATE = ["Home", "Contact us", "Subscribe to our newsletter", "All rights reserved"]


def make_pdf(path: Path, lines: list[str], title: str | None = "Press release 17/24") -> Path:
    """A real PDF with a text layer, as a word processor would export it."""
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))
    return path


def make_html(path: Path, dateline: str = "Published 12 March 2024") -> Path:
    """A news page: navigation, a cookie banner, the article, related links and a footer."""
    article = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    path.write_text(
        f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Landmine victims | Ministry</title></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/contact">Contact us</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies. <a href="/privacy">Privacy policy</a></div>
<main><article>
<h1>Press release on landmine victims</h1>
<p class="date">{dateline}</p>
{article}
</article>
<aside><h2>Related</h2><ul><li><a href="/a">Subscribe to our newsletter</a></li></ul></aside>
</main>
<footer><p>&copy; 2024 Ministry of Foreign Affairs. All rights reserved.</p></footer>
</body></html>
""",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def corpus(make_corpus) -> Path:
    """A corpus of one statement, to add to."""
    text = "Press release 25 October 2022\nIn general, 3345 persons became landmine victims.\n"
    data = text.encode("utf-8")
    row = f"a.txt,mfa-2022-10-25,2022-10-25,stated,MFA,,,,{hashlib.sha256(data).hexdigest()},\n"
    return make_corpus({"a.txt": data}, row)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_pdf_is_added_with_its_text_date_title_and_checksum(corpus: Path, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "release.pdf", ["Baku, 26 January 2024", *PARAGRAPHS, LONG])
    added = ingest.add_statement(pdf, corpus, outlet="MFA", speaker="Aykhan Hajizada")

    assert added.statement_id == "mfa-2024-01-26-press-release-17-24"
    assert added.path == corpus / "statements" / f"{added.statement_id}.txt"
    stored = added.path.read_text(encoding="utf-8")
    for paragraph in [*PARAGRAPHS, LONG]:
        assert f"\n{paragraph}\n" in stored
    sources = read_manifest(corpus)
    assert [s.statement_id for s in sources] == ["mfa-2022-10-25", added.statement_id]
    row = sources[-1].row
    assert (row["date"], row["date_basis"], row["title"]) == (
        "2024-01-26",
        "stated",
        "Press release 17/24",
    )
    assert row["sha256"] == hashlib.sha256(added.path.read_bytes()).hexdigest()
    assert row["notes"] == "Text: text layer of the PDF release.pdf."
    # The stored text is what extraction reads: its figures become claims of the statement.
    claims = build_tables(corpus).claims
    mine = claims[claims[Claims.statement_id] == added.statement_id]
    assert {"350", "68", "52", "only 25%", "219"} <= set(mine[Claims.surface])
    assert mine.set_index(Claims.surface).loc["219", Claims.quote] == LONG  # the whole sentence


def test_pdf_line_breaks_inside_a_sentence_are_joined() -> None:
    wrapped = "Mines, anti-\npersonnel ones, hurt 12 people\n(three of them\nchildren).\n4 died.\n"
    joined = "Mines, anti-personnel ones, hurt 12 people (three of them children).\n4 died.\n"
    assert ingest._unwrap(wrapped) == joined
    dateline = "Title\nBaku, 26 January 2024\nText."  # no lower-case continuation: kept
    assert ingest._unwrap(dateline) == dateline


def test_an_html_page_keeps_the_article_and_drops_navigation_and_footer(
    corpus: Path, tmp_path: Path
) -> None:
    page = make_html(tmp_path / "page.html")
    added = ingest.add_statement(page, corpus, outlet="MFA", url="https://example.org/1")

    stored = added.path.read_text(encoding="utf-8")
    assert stored.startswith("Press release on landmine victims\nPublished 12 March 2024\n")
    for paragraph in PARAGRAPHS:
        assert paragraph in stored
    for noise in [*BOILERPLATE, "cookies", "Privacy policy"]:
        assert noise not in stored
    row = read_manifest(corpus)[-1].row
    assert (row["date"], row["date_basis"]) == ("2024-03-12", "stated")
    assert row["url"] == "https://example.org/1"
    assert row["title"] == "Press release on landmine victims"  # the <h1>, not <title>
    assert row["notes"] == "Text: main content of the web page page.html."


def test_a_utf8_text_file_is_stored_byte_for_byte(corpus: Path, tmp_path: Path) -> None:
    data = b"26 Jan. 2024\r\nSince the war, 342 citizens fell victim to landmines.\r\n"
    (tmp_path / "s.txt").write_bytes(data)
    added = ingest.add_statement(tmp_path / "s.txt", corpus, statement_id="s-1")
    assert added.path.read_bytes() == data  # CRLF kept: claim offsets index the file as is
    assert read_manifest(corpus)[-1].row["date"] == "2024-01-26"


def test_a_utf16_text_file_is_stored_as_utf8(corpus: Path, tmp_path: Path) -> None:
    text = "2024-01-26\nSince the war, 342 citizens fell victim to landmines.\n"
    (tmp_path / "s.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    added = ingest.add_statement(tmp_path / "s.txt", corpus)
    assert added.path.read_bytes() == text.encode("utf-8")
    assert load_corpus(corpus).text(added.statement_id) == text


@pytest.mark.parametrize(
    ("top", "date"),
    [
        ("Baku, 26 January 2024 - The ministry said", "2024-01-26"),
        ("Posted on January 26, 2024 by the press service", "2024-01-26"),
        ("Jan. 26th 2024", "2024-01-26"),
        (" date 2024-01-26 26 Jan. 11:35 (UTC+3 MSK)", "2024-01-26"),
        ("Title\n\nPress release\n3 December 2022\nOn 10 November 2020 a war ended.", "2022-12-03"),
        ("No. 2024-02-30 is not a day; 1 March 2024 is", "2024-03-01"),
        ("Document 12-2024-01-26-7 has no date", None),
        ("A title\nNo dateline here\n", None),
        ("\n".join(["a line"] * ingest.DATE_LINES + ["26 January 2024"]), None),
        ("x" * ingest.DATE_CHARS + " 26 January 2024", None),
    ],
)
def test_the_date_is_the_first_full_date_at_the_top(top: str, date: str | None) -> None:
    assert ingest.stated_date(top) == date


def test_the_shipped_datelines_are_found_and_the_undated_piece_is_not() -> None:
    # The shipped manifest records how each date is known: `stated` means printed in the text.
    by_id = {s.statement_id: s for s in read_manifest(SHIPPED_CORPUS)}
    for statement_id in ("azernews-2022-10-25", "mfa-press-release-493-22", "mfa-2024-01-26"):
        source = by_id[statement_id]
        text = source.path.read_text(encoding="utf-8")
        assert ingest.stated_date(text) == source.row["date"]
    # Its first date, "November 10, 2020" in the sixth line, is an event it refers to.
    undated = by_id["aa-hajizada-2024"].path.read_text(encoding="utf-8")
    assert ingest.stated_date(undated) is None


def test_without_a_printed_date_the_user_is_asked_for_one(corpus: Path, tmp_path: Path, capsys):
    (tmp_path / "s.txt").write_text("The ministry said 45 people died.\n", encoding="utf-8")
    before = snapshot(corpus)
    code = cli.main(["add", str(tmp_path / "s.txt"), "--corpus", str(corpus)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("analysis: error: ") and err.count("\n") == 1
    assert "pass --date YYYY-MM-DD" in err and "s.txt" in err
    assert snapshot(corpus) == before

    args = ["add", str(tmp_path / "s.txt"), "--corpus", str(corpus), "--date", "unknown"]
    assert cli.main(args) == 0
    row = read_manifest(corpus)[-1].row
    assert (row["date"], row["date_basis"], row["statement_id"]) == ("", "unknown", "s")


def test_a_given_date_is_known_from_the_manifest_unless_said_otherwise(
    corpus: Path, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("Printed 1 May 2024: 12 people died.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Undated: 13 people died.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Undated: 14 people died.\n", encoding="utf-8")
    ingest.add_statement(tmp_path / "a.txt", corpus, date="2024-05-02")
    ingest.add_statement(
        tmp_path / "b.txt", corpus, date="2024-05-03", date_basis="inferred", notes="from the URL"
    )
    rows = [s.row for s in read_manifest(corpus)[-2:]]
    assert [(r["date"], r["date_basis"], r["notes"]) for r in rows] == [
        ("2024-05-02", "manifest", ""),
        ("2024-05-03", "inferred", "from the URL"),
    ]
    with pytest.raises(ParameterError, match=r"--date '26/01/2024': expected YYYY-MM-DD"):
        ingest.add_statement(tmp_path / "c.txt", corpus, date="26/01/2024")
    with pytest.raises(ParameterError, match="inferred: give the reasoning in --notes"):
        ingest.add_statement(tmp_path / "c.txt", corpus, date="2024-05-04", date_basis="inferred")


def test_a_text_already_in_the_corpus_is_refused_and_nothing_changes(
    corpus_copy: Path, tmp_path: Path
) -> None:
    before = snapshot(corpus_copy)
    shipped = read_manifest(corpus_copy)[0]
    with pytest.raises(CorpusError, match=f"already in .* as statement '{shipped.statement_id}'"):
        ingest.add_statement(shipped.path, corpus_copy)
    page = make_html(tmp_path / "page.html")
    ingest.add_statement(page, corpus_copy, outlet="MFA")
    added = snapshot(corpus_copy)
    # The same page saved again (another file, same main text) is the same statement.
    shutil.copy(page, tmp_path / "again.html")
    with pytest.raises(CorpusError, match="already in"):
        ingest.add_statement(tmp_path / "again.html", corpus_copy, outlet="Other")
    assert snapshot(corpus_copy) == added
    assert len(added) == len(before) + 1


def test_statement_ids_are_checked_and_derived_ids_made_unique(
    corpus: Path, tmp_path: Path
) -> None:
    for n in (1, 2):
        (tmp_path / f"{n}.txt").write_text(f"1 May 2024\n{n} people died.\n", encoding="utf-8")
        ingest.add_statement(tmp_path / f"{n}.txt", corpus, outlet="Azernews", title="Mines!")
    ids = [s.statement_id for s in read_manifest(corpus)]
    assert ids[1:] == ["azernews-2024-05-01-mines", "azernews-2024-05-01-mines-2"]

    (tmp_path / "3.txt").write_text("1 May 2024\n3 people died.\n", encoding="utf-8")
    before = snapshot(corpus)
    before["statements/stray.txt"] = b"keep me"
    with pytest.raises(CorpusError, match="--statement-id 'MFA-2022-10-25': already used"):
        ingest.add_statement(tmp_path / "3.txt", corpus, statement_id="MFA-2022-10-25")
    with pytest.raises(ParameterError, match=r"--statement-id '\.\./x': use letters, digits"):
        ingest.add_statement(tmp_path / "3.txt", corpus, statement_id="../x")
    # A stray file of that name is not named by the manifest, but is never overwritten.
    (corpus / "statements" / "stray.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"stray\.txt: exists already"):
        ingest.add_statement(tmp_path / "3.txt", corpus, statement_id="stray")
    assert (corpus / "statements" / "stray.txt").read_text(encoding="utf-8") == "keep me"
    assert snapshot(corpus) == before


def test_a_failed_manifest_write_leaves_the_corpus_as_it_was(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace = os.replace

    def full_disk(source: str, target: str | os.PathLike[str]) -> None:
        if Path(target).name == "statements.csv":
            raise OSError(28, "No space left on device")
        replace(source, target)

    monkeypatch.setattr(os, "replace", full_disk)
    before = snapshot(corpus)
    page = make_html(tmp_path / "page.html")
    with pytest.raises(CorpusError, match=r"statements\.csv: cannot write \(No space left"):
        ingest.add_statement(page, corpus)
    assert snapshot(corpus) == before


def test_the_manifest_keeps_its_line_ends_and_encoding(make_corpus, tmp_path: Path) -> None:
    data = b"2024-01-02\n2 died.\n"
    manifest = (MANIFEST_HEADER + "a.txt,a,2024-01-02,stated,,,,,,").replace("\n", "\r\n")
    folder = make_corpus({"a.txt": data}, None)
    raw = codecs.BOM_UTF8 + manifest.encode("utf-8")  # no final line end, as Excel may save it
    (folder / "statements.csv").write_bytes(raw)
    (tmp_path / "b.txt").write_text("2024-01-03\n3 died.\n", encoding="utf-8")
    added = ingest.add_statement(tmp_path / "b.txt", folder, outlet='The "Daily", Baku')
    assert added.statement_id == "the-daily-baku-2024-01-03"
    digest = hashlib.sha256(added.path.read_bytes()).hexdigest()
    line = f'{added.row["file"]},{added.statement_id},2024-01-03,stated,"The ""Daily"", Baku",,,,'
    written = (folder / "statements.csv").read_bytes()
    assert written == raw + f"\r\n{line}{digest},\r\n".encode()
    assert [s.row["outlet"] for s in read_manifest(folder)] == ["", 'The "Daily", Baku']


def test_a_manifest_without_a_needed_column_is_refused(make_corpus, tmp_path: Path) -> None:
    folder = make_corpus({"a.txt": "1 died.\n"}, None)
    (folder / "statements.csv").write_text(
        "file,statement_id,date,date_basis\na.txt,a,,unknown\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("2024-01-03\n3 died.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 1: no column\(s\) sha256; add them"):
        ingest.add_statement(tmp_path / "b.txt", folder)
    assert not (folder / "statements").exists()


def test_a_new_corpus_folder_gets_a_manifest(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "r.pdf", ["3 December 2022", *PARAGRAPHS], title=None)
    added = ingest.add_statement(pdf, tmp_path / "new")
    assert added.statement_id == "2022-12-03"
    assert load_corpus(tmp_path / "new").statements["statement_id"].tolist() == ["2022-12-03"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("scan.pdf", None, "no text layer .scanned.*OCR it first"),
        ("broken.pdf", b"%PDF-1.4\nnot really", "not a readable PDF"),
        (
            "menu.html",
            b"<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/n'>News</a>"
            b"</li></ul></nav><footer>All rights reserved</footer></body></html>",
            "no main text",
        ),
        ("empty.txt", b"  \n", "the file is empty"),
        ("latin1.txt", "1 May 2024: caf\xe9".encode("latin-1"), "not valid UTF-8 at line 1"),
        ("notes.docx", b"PK", r"cannot read \.docx; expected \.txt"),
    ],
)
def test_unusable_files_are_one_line_errors_naming_them(
    corpus: Path, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is None:  # a page with an image only, as a scanner makes it
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.rect(20, 20, 100, 100, style="F")
        pdf.output(str(path))
    else:
        path.write_bytes(content)
    before = snapshot(corpus)
    with pytest.raises(CorpusError, match=message) as raised:
        ingest.add_statement(path, corpus, date="unknown")
    assert str(raised.value).startswith(str(path)) and "\n" not in str(raised.value)
    assert snapshot(corpus) == before


def test_an_encrypted_pdf_is_refused(corpus: Path, tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="user")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(text="26 January 2024: 12 people died.")
    pdf.output(str(tmp_path / "locked.pdf"))
    with pytest.raises(CorpusError, match=r"locked\.pdf: the PDF is encrypted"):
        ingest.add_statement(tmp_path / "locked.pdf", corpus)


def test_the_command_prints_the_new_id_and_the_default_corpus_is_the_shipped_one(
    tmp_path: Path,
) -> None:
    # Run where a copy of data/raw is the default corpus folder (config.RAW is relative).
    shutil.copytree(SHIPPED_CORPUS, tmp_path / "data" / "raw")
    page = make_html(tmp_path / "page.html")
    result = subprocess.run(
        [sys.executable, "-m", "analysis.cli", "add", str(page), "--outlet", "MFA"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "mfa-2024-03-12-press-release-on-landmine-victims\n"
    assert (
        "added mfa-2024-03-12-press-release-on-landmine-victims, 2024-03-12 (stated)"
        in result.stderr
    )
    ids = [s.statement_id for s in read_manifest(tmp_path / "data" / "raw")]
    assert ids[-1] == "mfa-2024-03-12-press-release-on-landmine-victims"
    assert ids[:-1] == [s.statement_id for s in read_manifest(SHIPPED_CORPUS)]


@pytest.mark.slow
def test_after_adding_a_statement_refreshed_notebooks_pass_nbval(tmp_path: Path) -> None:
    """The README's workflow in a copy of the repository: add, extract, refresh, nbval."""
    repo = tmp_path / "repo"
    shutil.copytree(SHIPPED_CORPUS, repo / "data" / "raw")
    shutil.copytree(NOTEBOOKS, repo / "notebooks", ignore=shutil.ignore_patterns(".*"))
    (repo / "tests").mkdir()
    shutil.copy(ROOT / "tests" / "nbval_sanitize.cfg", repo / "tests")
    shutil.copy(ROOT / "pyproject.toml", repo)  # the pytest settings nbval runs under
    page = make_html(tmp_path / "page.html")
    env = {**os.environ, "PYTHONHASHSEED": "0", "MPLBACKEND": "Agg"}

    def run(*args: str) -> str:
        result = subprocess.run(args, cwd=repo, capture_output=True, text=True, env=env)
        assert result.returncode == 0, f"{args}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        return result.stdout

    analysis = [sys.executable, "-m", "analysis.cli"]
    added = run(*analysis, "add", str(page), "--outlet", "MFA", "--speaker", "Spokesman").strip()
    run(*analysis, "extract", "data/raw", "--out", "data/processed")
    run(*analysis, "refresh-notebooks")
    executed = "".join(p.read_text(encoding="utf-8") for p in (repo / "notebooks").glob("*.ipynb"))
    assert added in executed  # the new statement reached the notebooks' outputs
    run(
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--nbval",
        "notebooks/",
        "--nbval-sanitize-with",
        "tests/nbval_sanitize.cfg",
        "--nbval-current-env",
    )
