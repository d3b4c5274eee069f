"""Browser tests: Playwright for Python driving Debian's /usr/bin/chromium against live_server.

Never `playwright install`: it downloads a browser. `.ci/e2e.sh` installs Debian's chromium.
"""

import os

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (bash .ci/e2e.sh installs it)")
    # Playwright's sync API runs an event loop in the test thread; Django's async-safety check
    # would refuse the ORM calls tests make between browser steps. Only for browser tests.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def serious_axe_violations():
    """Return a function that runs axe on a page and gives the serious/critical violations."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def run(page):
        results = axe.run(page)
        return [
            violation
            for violation in results.response["violations"]
            if violation.get("impact") in ("serious", "critical")
        ]

    return run
