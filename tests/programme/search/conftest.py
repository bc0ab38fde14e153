"""
Helpers of the site search's tests: pages, offices and searches as a visitor makes them.

Changes reach the index after their transaction commits (programme.search.registry): tests run inside a transaction,
so they commit through `django_capture_on_commit_callbacks(execute=True)`, as a request or a shell would.
"""

from urllib.parse import urlencode

import pytest
from cms.api import add_plugin, create_page
from cms.models import PageContent
from djangocms_versioning.models import Version

from programme.page_builder import get_system_user
from tests.html import parse


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): …` runs what the commit of the block's changes would run (the index update)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def make_page(title, body="", *, language="de", publish=True, slug=None):
    """A root CMS page with one text plugin, published by the system user unless publish=False (a draft)."""
    user = get_system_user()
    page = create_page(title, "content.html", language, created_by=user, slug=slug)
    content = PageContent.admin_manager.get(page=page, language=language)
    if body:
        placeholder = content.rescan_placeholders()["content"]
        add_plugin(placeholder, "TextPlugin", language, body=body)
    if publish:
        Version.objects.get_for_content(content).publish(user)
    return page, content


def search_url(q, language="de", **params):
    return f"/{language}/suche/?{urlencode({'q': q, **params})}"


def results(response):
    """(data-result-type, title text, link) of each result on a results page, in order."""
    tree = parse(response)
    return [
        (
            item.get("data-result-type"),
            " ".join(item.xpath(".//h3")[0].text_content().split()),
            item.xpath(".//h3//a/@href")[0],
        )
        for item in tree.xpath('//*[@id="search-results"]//li[@data-result-type]')
    ]


def titles(response):
    return [title for _type, title, _url in results(response)]
