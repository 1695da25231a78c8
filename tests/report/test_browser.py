"""The built reports in a real browser: headless Chromium from Debian's package.

Every page is opened over a local HTTP server; no console error, no failed request, no request
to any other host; charts are present; every link resolves (anchors included).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pandas as pd
import pytest

from analysis.report.pages import render_statement_page
from analysis.schema import Claims, columns

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
    page.set_content(render_statement_page(statement, text, claims))
    page.wait_for_load_state("load")
    assert page.evaluate("window.pwned === undefined")
    assert not dialogs
    shown = page.inner_text("pre.statement")
    assert "<script>window.pwned = 1</script>" in shown
    assert '<img src=x onerror="window.pwned = 2">' in shown
    assert page.inner_text("mark") == "266"
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
