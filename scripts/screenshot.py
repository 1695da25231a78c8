"""`make screenshot`: refresh docs/index.png, the README's picture of reports/index.html.

Uses Debian's chromium (`apt-get install chromium`) through Playwright; never a downloaded
browser build.
"""

from __future__ import annotations

import sys
from pathlib import Path

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


def main(index: str = "reports/index.html", target: str = "docs/index.png") -> int:
    page_path = Path(index).resolve()
    if not page_path.is_file():
        print(f"screenshot: {index} not found; run `make report` first", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).exists():
        print(f"screenshot: {CHROMIUM} not found; apt-get install chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(page_path.as_uri())
        page.screenshot(path=target)
        browser.close()
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
