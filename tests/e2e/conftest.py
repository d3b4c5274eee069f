"""Browser tests: Playwright for Python driving Debian's /usr/bin/chromium against live_server.

Never `playwright install`: it downloads a browser. `.ci/e2e.sh` installs Debian's chromium.
"""

import os
from pathlib import Path

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


def pytest_collection_modifyitems(config, items):
    """Browser tests commit for real, so the database is flushed after each one; that would
    also wipe what migrations put there (Wagtail's root page and site, locales, our groups).
    Serialized rollback restores it for the next test, whatever order tests run in.

    pytest-django decides at database set-up whether to serialize from the `django_db` marker,
    so the marker itself is set here, on every browser test, overriding the module's."""
    e2e_dir = Path(__file__).parent
    for item in items:
        if e2e_dir in Path(item.path).parents:
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture
def page(browser, live_server):
    # Reduced motion: axe must not measure colours halfway through a fade-in.
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}, reduced_motion="reduce"
    )
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
        # Measure what a person sees once things settle, not a colour halfway through a
        # transition (Wagtail's messages fade in even with reduced motion).
        page.wait_for_function(
            "() => document.getAnimations().every(a => a.playState !== 'running')",
            timeout=10_000,
        )
        results = axe.run(page)
        return [
            violation
            for violation in results.response["violations"]
            if violation.get("impact") in ("serious", "critical")
        ]

    return run
