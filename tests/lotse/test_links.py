"""
The one helper for the Lotse's URLs (landesnetzwerke.lotse.links.lotse_url) in several languages, and the links
that use it: office pages, a network's prefilled search, the result list, the open data.
"""

import pytest
from django.utils import translation

from landesnetzwerke.lotse.links import lotse_url
from landesnetzwerke.models import Landesnetzwerk
from tests.factories import make_office
from tests.html import get_tree

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["de", "en", "ar", "uk"])
def test_lotse_urls_in_a_language(language):
    assert lotse_url(language=language) == f"/{language}/lotse/"
    assert lotse_url("search-json", language=language) == f"/{language}/lotse/suche.json"
    assert lotse_url("office", language=language, pk=7) == f"/{language}/lotse/stelle/7/"
    assert lotse_url("office-vcard", language=language, pk=7) == f"/{language}/lotse/stelle/7/vcard/"
    with translation.override(language):  # the active language by default
        assert lotse_url("office", pk=7) == f"/{language}/lotse/stelle/7/"


def test_where_the_lotse_page_is_not_translated_the_search_stays_in_the_language():
    """django CMS serves the Lotse page there (content fallback) but not the pages below it."""
    assert lotse_url(language="xx") == "/xx/lotse/"
    assert lotse_url("office", language="xx", pk=7) == "/de/lotse/stelle/7/"
    assert lotse_url("search-json", language="xx") == "/de/lotse/suche.json"


def test_unknown_names_are_an_error():
    with pytest.raises(ValueError):
        lotse_url("stelle", pk=7)


def test_every_link_to_the_lotse_comes_from_the_helper(client):
    office = make_office(latitude=52.53, longitude=13.38, plz="10115", city="Berlin")
    with translation.override("en"):
        assert office.get_absolute_url() == lotse_url("office", pk=office.pk) == f"/en/lotse/stelle/{office.pk}/"
        assert Landesnetzwerk.objects.get(bundesland="BE").lotse_search_url() == "/en/lotse/?land=BE"
    results = get_tree(client, "/en/lotse/?q=10115")
    assert results.xpath(f'//li[@data-office-id="{office.pk}"]//h4/a/@href') == [f"/en/lotse/stelle/{office.pk}/"]
    # The form lands on the results (the phone layout): the helper's URL with the results' fragment.
    assert results.xpath('//main//form[@role="search"]/@action') == ["/en/lotse/#results"]
    page = get_tree(client, f"/en/lotse/stelle/{office.pk}/")
    assert f"/en/lotse/stelle/{office.pk}/vcard/" in page.xpath("//main//a/@href")
    # The open data links to office pages in the default language, whatever the client's.
    records = client.get("/api/beratungsstellen.json", HTTP_ACCEPT_LANGUAGE="en").json()["beratungsstellen"]
    (record,) = [record for record in records if record["id"] == office.pk]
    assert record["url"] == f"http://testserver/de/lotse/stelle/{office.pk}/"
