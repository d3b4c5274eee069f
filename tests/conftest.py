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


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's default language: a test that activated another one and
    did not undo it would otherwise change what `reverse()` returns for every later test."""
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
