import os

import pytest

from tests.factories.accounts import PASSWORD


def pytest_collection_modifyitems(config, items):
    """`postgres`-marked tests need PostgreSQL (`make test-postgres`); skip them elsewhere."""
    if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: run `make test-postgres`")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: the database is rolled back between tests, so a page
    or rate-limit counter cached by an earlier test would describe rows that no longer exist."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


# Variables a developer may set in her shell for `make run`; no test may depend on them.
CALLER_ENVIRONMENT = ("DEMO_PASSWORD", "BASE_URL")


@pytest.fixture(autouse=True)
def _no_caller_environment(monkeypatch):
    """Tests never read the caller's environment: the README invites setting DEMO_PASSWORD."""
    for name in CALLER_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: the test client's requests activate a
    language (LocaleMiddleware) that would otherwise stay active for the next test."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run on_commit callbacks (emails are sent after commit) inside a test transaction."""

    def runner():
        return django_capture_on_commit_callbacks(execute=True)

    return runner
