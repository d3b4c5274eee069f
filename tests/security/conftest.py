import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _dutch_by_default():
    # URLs are reversed outside requests: in Dutch (no prefix), whatever an earlier test left
    # active. The fuzz tests check Dutch error messages on the Dutch pages.
    with translation.override("nl"):
        yield
