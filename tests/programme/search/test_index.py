"""
The index follows the content: publishing, unpublishing and new drafts of pages, saving and deleting offices,
networks and Fachstellen. Drafts, unpublished offices and withdrawn pages are never found.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from djangocms_versioning.models import Version

from fachstellen.models import Fachstelle
from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk, Thema
from programme.page_builder import get_system_user
from programme.search import index
from programme.search.models import Suchdokument, Suchwort
from programme.search.registry import get_adapter
from tests.factories import make_office
from tests.programme.search.conftest import make_page, results, search_url, titles

pytestmark = pytest.mark.django_db


def found(client, query, language="de"):
    response = client.get(search_url(query, language))
    assert response.status_code == 200
    return results(response)


def test_a_draft_page_is_never_found(client, committed):
    with committed():
        make_page("Quastenflosser im Aquarium", "<p>Ein Fisch aus der Tiefsee.</p>", publish=False)
    assert found(client, "Quastenflosser") == []
    assert not Suchdokument.objects.filter(title__contains="Quastenflosser").exists()


def test_publishing_a_page_makes_it_findable_in_its_language_and_as_fallback_elsewhere(client, committed):
    with committed():
        page, _content = make_page("Quastenflosser im Aquarium", "<p>Ein Fisch aus der Tiefsee.</p>")
    hits = found(client, "Tiefsee")
    assert hits == [("page", "Quastenflosser im Aquarium", page.get_absolute_url("de"))]
    # In Ukrainian the page has no version: it is found in German, under the Ukrainian prefix, marked as German.
    response = client.get(search_url("Tiefsee", "uk"))
    item = parse_hits(response)[0]
    assert item.get("data-result-type") == "page"
    link = item.xpath(".//h3//a")[0]
    assert link.get("href") == page.get_absolute_url("uk", fallback=True)
    assert link.get("href").startswith("/uk/")
    assert link.get("lang") == "de" and link.get("hreflang") == "de"
    assert "Deutsch" in item.xpath('.//p[@class="search-result-type"]')[0].text_content()


def parse_hits(response):
    from tests.html import parse

    return parse(response).xpath('//*[@id="search-results"]//li[@data-result-type]')


def test_a_new_draft_changes_nothing_until_it_is_published(client, committed):
    user = get_system_user()
    with committed():
        _page, content = make_page("Seeanemone", "<p>Ein Tier im Riff.</p>")
    with committed():
        draft = Version.objects.get_for_content(content).copy(user).content
        draft.title = "Seegurke"
        draft.save()
    assert titles(client.get(search_url("Seeanemone"))) == ["Seeanemone"]
    assert titles(client.get(search_url("Seegurke"))) == []
    with committed():
        Version.objects.get_for_content(draft).publish(user)
    assert titles(client.get(search_url("Seegurke"))) == ["Seegurke"]
    assert titles(client.get(search_url("Seeanemone"))) == []


def test_an_unpublished_page_is_no_longer_found(client, committed):
    user = get_system_user()
    with committed():
        _page, content = make_page("Seeanemone", "<p>Ein Tier im Riff.</p>")
    assert titles(client.get(search_url("Riff"))) == ["Seeanemone"]
    with committed():
        Version.objects.get_for_content(content).unpublish(user)
    assert titles(client.get(search_url("Riff"))) == []
    assert titles(client.get(search_url("Riff", "en"))) == []  # nor its fallback in other languages


def test_saving_unpublishing_and_deleting_an_office_updates_the_index(client, committed):
    with committed():
        office = make_office(latitude=52.52, longitude=13.40, name="Beratungsstelle Zaunkönig", city="Berlin")
    assert found(client, "Zaunkönig") == [("office", "Beratungsstelle Zaunkönig", office.get_absolute_url())]

    with committed():
        office.name = "Beratungsstelle Eisvogel"
        office.save()
    assert found(client, "Zaunkönig") == []
    assert [title for _t, title, _u in found(client, "Eisvogel")] == ["Beratungsstelle Eisvogel"]

    with committed():
        office.published = False
        office.save()
    assert found(client, "Eisvogel") == []
    assert not Suchdokument.objects.filter(type="office", key=str(office.pk)).exists()

    with committed():
        office.published = True
        office.save()
    assert len(found(client, "Eisvogel")) == 1
    with committed():
        office.delete()
    assert found(client, "Eisvogel") == []
    assert not Suchdokument.objects.filter(type="office", key=str(office.pk)).exists()


def test_an_office_description_is_found_in_its_language(client, committed):
    with committed():
        office = make_office(latitude=52.52, longitude=13.40, name="Teststelle Wiedehopf")
        office.set_current_language("uk")
        office.description = "Консультації українською мовою щодня"
        office.save()
    assert [t for t, _title, _u in found(client, "щодня", "uk")] == ["office"]
    assert found(client, "щодня", "de") == []


def test_renaming_a_topic_or_a_network_reindexes_their_offices(client, committed):
    with committed():
        office = make_office(latitude=53.55, longitude=10.0, bundesland="HH", name="Teststelle Kranich")
        topic = Thema.objects.language("de").create(slug="testthema", name="Testthema")
        office.topics.set([topic])
    with committed():
        topic.set_current_language("de")
        topic.name = "Beratung Sonnentau"
        topic.save()
    assert found(client, "Sonnentau") == [("office", "Teststelle Kranich", office.get_absolute_url())]
    with committed():
        network = Landesnetzwerk.objects.get(bundesland="HH")
        network.name = "IQ Netzwerk Hafenkante"
        network.save()
    hits = found(client, "Hafenkante")
    assert ("office", "Teststelle Kranich", office.get_absolute_url()) in hits
    assert ("network", "IQ Netzwerk Hafenkante", network.get_absolute_url()) in hits


def test_saving_a_fachstelle_updates_the_index(client, committed):
    fachstelle = Fachstelle.objects.order_by("pk").first()
    with committed():
        fachstelle.set_current_language("de")
        fachstelle.description = "Die Fachstelle berät zum Thema Mauersegler."
        fachstelle.save()
    assert found(client, "Mauersegler") == [("fachstelle", fachstelle.name, fachstelle.get_absolute_url())]


def test_rebuild_is_idempotent_and_restores_a_lost_index(client):
    call_command("rebuild_search_index", verbosity=0)
    first = sorted(Suchdokument.objects.values_list("type", "key", "language", "title", "url", "keys"))
    words = Suchwort.objects.count()
    call_command("rebuild_search_index", verbosity=0)
    assert sorted(Suchdokument.objects.values_list("type", "key", "language", "title", "url", "keys")) == first
    assert Suchwort.objects.count() == words
    Suchdokument.objects.all().delete()
    assert found(client, "Anerkennung") == []
    call_command("rebuild_search_index", verbosity=0)
    assert {hit_type for hit_type, _t, _u in found(client, "Anerkennung")} >= {"page", "office"}
    # Every type of today's content is indexed, in every site language.
    types = {"page", "office", "network", "fachstelle", "news", "event", "publication", "project"}
    assert set(Suchdokument.objects.values_list("type", flat=True)) == types
    assert set(Suchdokument.objects.values_list("language", flat=True)) == {"de", "en", "ar", "fa", "uk", "tr"}
    published = Beratungsstelle.objects.published().count()
    assert Suchdokument.objects.filter(type="office", language="de").count() == published


def test_reindexing_more_objects_takes_no_more_queries(committed):
    with committed():
        offices = [make_office(latitude=52.5, longitude=13.4, name=f"Teststelle Reiher {n}") for n in range(12)]
    adapter = get_adapter("office")

    def queries(keys):
        with CaptureQueriesContext(connection) as context:
            index.reindex(adapter, keys)
        return len(context.captured_queries)

    assert queries([office.pk for office in offices[:3]]) == queries([office.pk for office in offices])


@override_settings(ANONYMOUS_CACHE_SECONDS=300)
def test_cached_search_pages_show_the_changed_index(client, committed):
    assert found(client, "Uferschnepfe") == []  # now in the visitors' response cache
    with committed():
        make_office(latitude=52.5, longitude=13.4, name="Beratungsstelle Uferschnepfe")
    assert [title for _t, title, _u in found(client, "Uferschnepfe")] == ["Beratungsstelle Uferschnepfe"]
    assert found(client, "Sandregenpfeifer") == []
    with committed():
        make_page("Sandregenpfeifer", "<p>Ein Vogel.</p>")
    assert titles(client.get(search_url("Sandregenpfeifer"))) == ["Sandregenpfeifer"]
