import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def german_urls():
    """URLs are reversed in German (/de/…) whatever language an earlier test's request left active."""
    with translation.override("de"):
        yield
