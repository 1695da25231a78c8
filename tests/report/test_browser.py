"""The built reports in a real browser: headless Chromium from Debian's package.

Every page is opened over a local HTTP server; no console error, no failed request, no request
to any other host; charts are present; every link resolves (anchors included).
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pandas as pd
import pytest

from analysis.report.pages import render_statement_page
from analysis.schema import Claims, Mentions, columns, mentions_table

pytestmark = pytest.mark.slow
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _ensure_chromium() -> None:
    """Install Debian's chromium when missing (never a downloaded browser build)."""
    if Path(CHROMIUM).exists():
        return
    if shutil.which("apt-get") is None:
        pytest.fail("chromium is missing and apt-get is not available to install it")
    env = {"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server(built_reports: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_reports / "reports"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    _ensure_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _pages(built_reports: Path) -> list[str]:
    root = built_reports / "reports"
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.html"))


def test_every_page_loads_cleanly_and_every_link_resolves(
    built_reports: Path, server: str, browser, tmp_path: Path
) -> None:
    pages = _pages(built_reports)
    assert "index.html" in pages and any(p.startswith("statements/") for p in pages)
    context = browser.new_context(viewport={"width": 390, "height": 844})  # phone width
    problems: list[str] = []
    links: set[tuple[str, str]] = set()
    for name in pages:
        page = context.new_page()
        page.on(
            "console", lambda m, n=name: m.type == "error" and problems.append(f"{n}: {m.text}")
        )
        page.on("requestfailed", lambda r, n=name: problems.append(f"{n}: failed {r.url}"))
        page.on(
            "request",
            lambda r, n=name: (
                urlparse(r.url).scheme in ("http", "https")
                and not r.url.startswith(server)
                and problems.append(f"{n}: outside request {r.url}")
            ),
        )
        response = page.goto(urljoin(server, name))
        assert response is not None and response.ok, name
        page.wait_for_load_state("load")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390 + 2, f"{name} is {width}px wide at phone width"
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            links.add((name, href))
        if not name.startswith("statements/") and name != "index.html":
            images = page.eval_on_selector_all("img", "els => els.map(e => e.naturalWidth)")
            if name.startswith("2.0"):
                assert images and all(w > 0 for w in images), f"{name}: charts missing"
        page.close()
    assert not problems, "\n".join(problems)

    page = context.new_page()
    for source, href in sorted(links):
        url, fragment = urldefrag(href)
        assert url.startswith(server), f"{source} links outside the report: {href}"
        if not url.endswith(".html"):  # the tables (CSV, JSON): a download, not a page
            response = context.request.get(url)
            assert response.ok, f"{source}: broken link {href}"
            continue
        response = page.goto(url)
        assert response is not None and response.ok, f"{source}: broken link {href}"
        if fragment:
            assert page.query_selector(f"[id='{fragment}']"), f"{source}: no anchor #{fragment}"
    page.close()
    context.close()


def test_statement_markup_shows_as_text_and_runs_nothing(browser) -> None:
    text = (
        "Officials said <script>window.pwned = 1</script> that 266 persons became victims "
        '<img src=x onerror="window.pwned = 2"> and 45 of them died.'
    )
    start = text.index("266")
    claims = pd.DataFrame(
        [
            {
                **dict.fromkeys(columns(Claims)),
                Claims.claim_id: f"s:{start}-{start + 3}",
                Claims.statement_id: "s",
                Claims.metric: "casualties",
                Claims.value_low: 266.0,
                Claims.value_best: 266.0,
                Claims.value_high: 266.0,
                Claims.bound: "exact",
                Claims.unit: "people",
                Claims.period: "unspecified",
                Claims.surface: "266",
                Claims.quote: text,
                Claims.char_start: start,
                Claims.char_end: start + 3,
                Claims.method: "rule",
            }
        ]
    )
    statement = pd.Series(
        {
            "statement_id": "s",
            "date": None,
            "date_basis": "unknown",
            "outlet": "<b>x</b>",
            "speaker": None,
            "title": None,
            "notes": None,
            "sha256": None,
        }
    )
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    mentions = mentions_table(
        [
            {
                Mentions.statement_id: "s",
                Mentions.char_start: start,
                Mentions.char_end: start + 3,
                Mentions.surface: "266",
                Mentions.status: "claim",
                Mentions.claim_id: f"s:{start}-{start + 3}",
            }
        ]
    )
    page.set_content(render_statement_page(statement, text, mentions, claims))
    page.wait_for_load_state("load")
    assert page.evaluate("window.pwned === undefined")
    assert not dialogs
    shown = page.inner_text("pre.statement")
    assert "<script>window.pwned = 1</script>" in shown
    assert '<img src=x onerror="window.pwned = 2">' in shown
    assert page.inner_text("pre.statement mark") == "266"
    assert page.query_selector("img") is None
    page.close()


def test_number_to_sentence_in_two_clicks(built_reports: Path, server: str, browser) -> None:
    """From a figure in a report's claims table to the highlighted figure in its statement."""
    page = browser.new_page()
    page.goto(urljoin(server, "1.0-extract-claims.reader.html"))
    link = page.query_selector("table.claims a")
    assert link is not None, "the claims table has no linked figures"
    surface = link.inner_text()
    link.click()
    page.wait_for_load_state("load")
    fragment = urldefrag(page.url)[1]
    mark = page.query_selector(f"mark[id='{fragment}']")
    assert mark is not None and mark.inner_text() == surface
    assert mark.get_attribute("title")
    page.close()


# --- the reports at a glance (#14): desktop and phone width, two corpora --------------------

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
OTHER_TEXTS = {
    "mar.txt": "Since the end of the war, 80 people have died, including 60 civilians.",
    "mar-b.txt": "Since the end of the war, 82 people have died, including 61 civilians.",
    "sep.txt": "Since the end of the war, more than 95 people have died, including 70 civilians.",
}
OTHER_MANIFEST = (
    "file,statement_id,date,date_basis,outlet,speaker,title,url,sha256,notes\n"
    "sep.txt,ngo-sep,2025-09-30,manifest,Outlet A,Speaker A,,,,\n"
    "mar.txt,ngo-mar,2025-03-01,manifest,Outlet A,Speaker A,,,,\n"
    "mar-b.txt,gov-mar,2025-03-01,manifest,Outlet B,Speaker B,,,,\n"
)


@pytest.fixture(scope="module")
def other_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`analysis report` on a corpus with another set of dates: two statements on one day
    and an open bound ("more than 95") on the last."""
    from analysis import cli
    from conftest import NOTEBOOKS

    root = tmp_path_factory.mktemp("other")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in OTHER_TEXTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "statements.csv").write_text(OTHER_MANIFEST, encoding="utf-8")
    code = cli.main(
        ["report", "--corpus", str(corpus), "--out", str(root / "reports"),
         "--notebooks", str(NOTEBOOKS)]
    )  # fmt: skip
    assert code == 0
    return root


@pytest.fixture(scope="module", params=["shipped", "other"])
def corpus_site(request, built_reports: Path) -> Iterator[tuple[Path, str]]:
    """(reports folder, its URL) for the shipped corpus and for the other one."""
    root = built_reports if request.param == "shipped" else request.getfixturevalue("other_reports")
    reports = root / "reports"
    handler = functools.partial(_QuietHandler, directory=str(reports))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield reports, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


OWN_PAGES = ("index.html", "2.0-claims-evolution.reader.html", "3.0-source-consistency.reader.html")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_pages_have_titles_back_links_and_fit_the_screen(corpus_site, browser, viewport) -> None:
    reports, url = corpus_site
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    titles = set()
    for name in sorted(str(p.relative_to(reports)) for p in reports.rglob("*.html")):
        page.goto(urljoin(url, name))
        title = page.title()
        assert title and title not in titles, f"{name}: title {title!r} missing or repeated"
        titles.add(title)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"] + 2, f"{name} is {width}px wide"
        if name != "index.html":
            back = page.query_selector("a[href$='index.html']")
            assert back is not None and back.is_visible(), f"{name}: no link back to the index"
        if name in OWN_PAGES:
            shown = page.inner_text("body")
            assert not re.search(r"\bNaN\b", shown), f"{name} shows NaN"
            # pandas' default tables (an index column, NaN) are not used in these pages.
            assert page.query_selector("table.dataframe") is None, name
    context.close()


def test_wide_tables_scroll_inside_their_own_box_at_phone_width(corpus_site, browser) -> None:
    _, url = corpus_site
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(urljoin(url, "index.html"))
    box = page.query_selector("div.table-scroll:has(table.headline)")
    assert box is not None
    sizes = box.evaluate("b => [b.scrollWidth, b.clientWidth, getComputedStyle(b).overflowX]")
    assert sizes[2] == "auto" and sizes[1] <= PHONE["width"]
    context.close()


def _headline(page) -> tuple[list[str], list[str]]:
    headings = page.eval_on_selector_all(
        "table.headline thead th", "els => els.map(e => e.dataset.date || e.innerText)"
    )
    quantities = page.eval_on_selector_all(
        "table.headline tbody th[scope=row]", "els => els.map(e => e.innerText)"
    )
    return headings, quantities


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_index_headline_one_row_per_quantity_one_column_per_date(
    corpus_site, browser, viewport
) -> None:
    reports, url = corpus_site
    evolution = pd.read_csv(reports / "data" / "evolution.csv")
    statements = pd.read_csv(reports / "data" / "statements.csv")
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(urljoin(url, "index.html"))
    headings, quantities = _headline(page)
    assert headings == ["quantity", *sorted(statements["date"].dropna().unique()), "what changed"]
    assert len(quantities) == evolution["series"].nunique()
    assert not any("/" in q or "_" in q for q in quantities), quantities  # words, not keys
    changes = page.eval_on_selector_all(
        "table.headline td.change", "els => els.map(e => e.innerText)"
    )
    assert all(changes), "every quantity says what changed"
    # Each figure in a cell links to its highlight on a statement page.
    figure = page.query_selector("table.headline td a")
    surface = figure.inner_text()
    figure.click()
    page.wait_for_load_state("load")
    fragment = urldefrag(page.url)[1]
    assert page.inner_text(f"mark[id='{fragment}']") == surface
    context.close()


def test_other_dates_are_columns_and_open_bounds_are_not_subtracted(other_reports, browser):
    page = browser.new_page()
    page.goto((other_reports / "reports" / "index.html").as_uri())
    headings, _ = _headline(page)
    assert headings == ["quantity", "2025-03-01", "2025-09-30", "what changed"]
    killed = page.inner_text("table.headline tbody tr:first-child")
    # Two statements of 1 March side by side, both shown; "more than 95" is open above.
    assert "80" in killed and "82" in killed and "more than 95" in killed
    assert "no difference" in killed or "not comparable" in killed
    page.close()


def test_statements_are_listed_in_date_order(corpus_site, browser) -> None:
    _, url = corpus_site
    page = browser.new_page()
    page.goto(urljoin(url, "index.html"))
    dates = page.eval_on_selector_all(
        "table.statements tbody tr td:nth-child(2)", "els => els.map(e => e.innerText)"
    )
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates[: len(dated)] == dated
    page.close()


def test_claims_table_searches_and_sorts_offline(corpus_site, browser) -> None:
    reports, url = corpus_site
    claims = pd.read_csv(reports / "data" / "claims.csv")
    page = browser.new_page()
    outside: list[str] = []
    page.on("request", lambda r: r.url.startswith(url) or outside.append(r.url))
    page.goto(urljoin(url, "index.html"))
    rows = "#claims-table tbody tr"
    assert len(page.query_selector_all(rows)) == len(claims)
    word = str(claims.sort_values("char_start").iloc[0]["surface"])
    page.fill("#claims-search", word)
    visible = page.eval_on_selector_all(
        rows, "rs => rs.filter(r => !r.hidden).map(r => r.innerText)"
    )
    assert visible and all(word.lower() in text.lower() for text in visible)
    assert len(visible) < len(claims) or claims["surface"].str.contains(word, regex=False).all()
    page.fill("#claims-search", "")
    page.click("#claims-table th:nth-child(7) button")  # "best"
    best = page.eval_on_selector_all(rows + " td:nth-child(7)", "cs => cs.map(c => c.dataset.sort)")
    numbers = [float(b) for b in best if b]
    assert numbers == sorted(numbers) and best[: len(numbers)] == [b for b in best if b]
    page.click("#claims-table th:nth-child(7) button")
    again = page.eval_on_selector_all(
        rows + " td:nth-child(7)", "cs => cs.map(c => c.dataset.sort)"
    )
    assert [float(b) for b in again if b] == sorted(numbers, reverse=True)
    assert not outside, outside
    page.close()


def test_charts_have_alt_text_and_parameters_are_shown(corpus_site, browser) -> None:
    reports, url = corpus_site
    evolution = pd.read_csv(reports / "data" / "evolution.csv")
    page = browser.new_page(viewport=PHONE)
    page.goto(urljoin(url, "2.0-claims-evolution.reader.html"))
    images = page.eval_on_selector_all(
        ".small-multiples img", "els => els.map(e => [e.alt, e.naturalWidth, e.clientWidth])"
    )
    assert len(images) == evolution.dropna(subset=["date"])["series"].nunique()
    for alt, natural, shown in images:
        assert alt.startswith("Chart of ") and "No description" not in alt
        assert natural > 0 and shown <= PHONE["width"]
    assert "This report ran with" in page.inner_text("body")
    page.close()
