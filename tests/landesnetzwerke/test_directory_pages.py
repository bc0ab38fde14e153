"""The Landesnetzwerke pages (apphook list and detail) in German and English, and their query counts."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from landesnetzwerke.models import Landesnetzwerk
from tests.factories import add_offices
from tests.html import parse

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    tree = parse(response)
    assert len(tree.xpath("//h1")) == 1, url
    return tree


def text(tree, xpath="//main"):
    return " ".join(" ".join(node.text_content() for node in tree.xpath(xpath)).split())


def count_queries(client, url):
    """Queries of one request with empty caches (after a warm-up request for per-process lookups)."""
    from menus.menu_pool import menu_pool

    client.get(url)
    for cache in caches.all():
        cache.clear()
    menu_pool.clear(all=True)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("language", ["de", "en"])
def test_network_list_shows_all_16_networks(client, language):
    with translation.override(language):
        url = reverse("landesnetzwerke:list")
    assert url == f"/{language}/landesnetzwerke/"
    tree = page(client, url)
    assert tree.xpath("/html/@lang") == [language]
    cards = tree.xpath('//ul[contains(@class, "network-list")]/li')
    assert len(cards) == 16
    names = [" ".join(card.xpath("string(.//h2)").split()) for card in cards]
    assert "MigraNet – IQ Landesnetzwerk Bayern" in names
    links = tree.xpath('//ul[contains(@class, "network-list")]//h2/a/@href')
    assert f"/{language}/landesnetzwerke/niedersachsen/" in links


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("de", "Das Landesnetzwerk setzt das Förderprogramm"),
        ("en", "This network runs the “Integration through Qualification (IQ)” programme in Lower Saxony"),
    ],
)
def test_network_detail_lists_its_offices_and_links_to_the_lotse(client, language, sentence):
    network = Landesnetzwerk.objects.get(bundesland="NI")
    with translation.override(language):
        url = network.get_absolute_url()
        office_url = reverse("lotse:office", kwargs={"pk": network.beratungsstellen.first().pk})
        lotse_url = reverse("lotse:search") + "?land=NI"
    tree = page(client, url)
    assert text(tree, "//h1") == "IQ Netzwerk Niedersachsen"
    assert sentence in text(tree)
    offices = tree.xpath("//li[@data-office-id]")
    published = network.beratungsstellen.published()
    assert {int(item.get("data-office-id")) for item in offices} == set(published.values_list("pk", flat=True))
    assert len(tree.xpath('//li[@data-kind="fest"]')) == published.fixed().count() == 7
    assert len(tree.xpath('//li[@data-kind="mobil"]')) == published.mobile().count() == 10
    assert office_url in tree.xpath("//li[@data-office-id]//a/@href")
    assert lotse_url in tree.xpath("//main//a/@href")
    # Sample data is marked: a notice on the page and a tag on each sample office.
    assert tree.xpath('//*[contains(@class, "sample-notice")]')
    assert len(tree.xpath('//li[@data-office-id]//*[contains(@class, "sample-tag")]')) == len(offices)


def test_unpublished_offices_are_not_listed(client):
    network = Landesnetzwerk.objects.get(bundesland="HB")
    office = network.beratungsstellen.first()
    office.published = False
    office.save()
    tree = page(client, network.get_absolute_url())
    assert str(office.pk) not in tree.xpath("//li/@data-office-id")


def test_mobile_offices_show_service_area_and_next_consultation_day(client):
    network = Landesnetzwerk.objects.get(bundesland="SL")
    mobile = network.beratungsstellen.mobile().get()
    next_day = mobile.consultation_days.order_by("date").first()
    tree = page(client, network.get_absolute_url())
    item = text(tree, f'//li[@data-office-id="{mobile.pk}"]')
    assert f"{mobile.service_radius_km} km" in item
    assert mobile.plz_prefix_list[0] in item
    assert tree.xpath(f'//li[@data-office-id="{mobile.pk}"]//time/@datetime') == [next_day.date.isoformat()]


def test_unknown_network_is_a_404(client):
    assert client.get("/de/landesnetzwerke/gibt-es-nicht/").status_code == 404


def test_list_and_detail_queries_do_not_grow_with_the_number_of_offices(client):
    network = Landesnetzwerk.objects.get(bundesland="NI")
    list_url, detail_url = "/de/landesnetzwerke/", network.get_absolute_url()
    before = count_queries(client, list_url), count_queries(client, detail_url)
    add_offices(network)
    assert network.beratungsstellen.published().count() == 17 + 4
    after = count_queries(client, list_url), count_queries(client, detail_url)
    assert after == before
