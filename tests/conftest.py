import pytest

from tests.factories.accounts import PASSWORD


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run on_commit callbacks (emails are sent after commit) inside a test transaction."""

    def runner():
        return django_capture_on_commit_callbacks(execute=True)

    return runner
