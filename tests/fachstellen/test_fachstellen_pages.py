"""The Fachstellen pages (apphook list and detail) in German and English."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from fachstellen.models import Fachstelle
from tests.html import parse

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    tree = parse(response)
    assert len(tree.xpath("//h1")) == 1
    return tree


def words(nodes):
    return [" ".join(node.text_content().split()) for node in nodes]


@pytest.mark.parametrize(("language", "field"), [("de", "Migrantenökonomie"), ("en", "Migrant entrepreneurship")])
def test_list_shows_the_five_fachstellen(client, language, field):
    with translation.override(language):
        url = reverse("fachstellen:list")
    assert url == f"/{language}/fachstellen/"
    tree = page(client, url)
    assert tree.xpath("/html/@lang") == [language]
    cards = tree.xpath('//ul[contains(@class, "fachstelle-list")]/li')
    assert len(cards) == 5
    assert "IQ Fachstelle Beratung und Qualifizierung" in words(
        tree.xpath('//ul[contains(@class, "fachstelle-list")]//h2')
    )
    assert field in " ".join(words(cards))


@pytest.mark.parametrize(
    ("language", "sentence"),
    [("de", "Die Fachstelle verbindet Migrationsforschung und Praxis."), ("en", "This unit links migration research")],
)
def test_detail_page(client, language, sentence):
    fachstelle = Fachstelle.objects.get(slug="einwanderung")
    with translation.override(language):
        url = fachstelle.get_absolute_url()
    tree = page(client, url)
    assert words(tree.xpath("//h1")) == ["IQ Fachstelle Einwanderung"]
    assert sentence in " ".join(words(tree.xpath("//main")))
    # Breadcrumbs: the Fachstellen page, then this Fachstelle as the current item.
    crumbs = tree.xpath('//nav[contains(@class, "breadcrumbs")]//li')
    assert words(crumbs[-1:]) == ["IQ Fachstelle Einwanderung"]
    assert crumbs[-1].xpath(".//*[@aria-current='page']")


def test_organisation_shown_where_known(client):
    tree = page(client, Fachstelle.objects.get(slug="berufsbezogenes-deutsch").get_absolute_url())
    assert "passage gGmbH, Hamburg" in " ".join(words(tree.xpath("//main")))


def test_unknown_fachstelle_is_a_404(client):
    assert client.get("/de/fachstellen/gibt-es-nicht/").status_code == 404


def test_list_queries_do_not_grow_with_more_fachstellen(client):
    def queries():
        client.get("/de/fachstellen/")
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/de/fachstellen/").status_code == 200
        return len(captured)

    before = queries()
    for index in range(3):
        extra = Fachstelle(slug=f"extra-{index}", name=f"Extra {index}", position=10 + index)
        extra.set_current_language("de")
        extra.handlungsfeld = "Test"
        extra.save()
    assert queries() == before
