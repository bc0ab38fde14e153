"""
Publications and projects in the site search: published texts are found with their type, label and page; drafts,
new drafts and unpublished texts never; a deleted project leaves the index; reindexing takes no more queries for
more of them.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from djangocms_versioning.models import Version

from landesnetzwerke.projects.demo_data.loader import delete_projects
from programme.page_builder import get_system_user
from programme.publications.models import PublikationContent
from programme.search import index
from programme.search.models import Suchdokument
from programme.search.registry import get_adapter
from tests.factories import make_publication
from tests.html import parse
from tests.programme.editorial import new_draft
from tests.programme.search.conftest import results, search_url
from tests.projects.helpers import make_project, network, place

pytestmark = pytest.mark.django_db


def found(client, query, language="de"):
    response = client.get(search_url(query, language))
    assert response.status_code == 200
    return results(response)


def type_label(client, query, language, result_type):
    item = parse(client.get(search_url(query, language))).xpath(f'//li[@data-result-type="{result_type}"]')[0]
    return item.xpath('.//p[@class="search-result-type"]')[0].text_content().split(" ·")[0].strip()


def publication_url(publication, language):
    return PublikationContent.objects.get(publikation=publication, language=language).get_absolute_url()


def project_url(project, language):
    return f"/{language}/projekte/{project.slug}/"


# Publications ----------------------------------------------------------------------------------------------------


def test_a_published_publication_is_found_by_a_word_of_its_title_and_a_draft_never(client, committed):
    with committed():
        publication = make_publication(languages=("de", "en"), title="Kormoran-Leitfaden zur Anerkennung")
        draft = make_publication(title="Kormoran-Entwurf", publish=False)
    url = publication_url(publication, "de")
    assert url == f"/de/publikationen/{publication.slug}/"
    assert found(client, "Kormoran") == [("publication", "Kormoran-Leitfaden zur Anerkennung", url)]
    assert found(client, "Kormoran", "en") == [
        ("publication", "Kormoran-Leitfaden zur Anerkennung", publication_url(publication, "en"))
    ]
    assert type_label(client, "Kormoran", "en", "publication") == "Publication"
    assert type_label(client, "Kormoran", "de", "publication") == "Publikation"
    assert client.get(url).status_code == 200
    assert not Suchdokument.objects.filter(key=str(draft.pk), type="publication").exists()


def test_a_publication_is_found_by_its_teaser_and_publisher(client, committed):
    with committed():
        publication = make_publication(network="niedersachsen", teaser="Über den Säbelschnäbler am Deich.")
    hits = found(client, "Säbelschnäbler")
    assert [(hit_type, url) for hit_type, _t, url in hits] == [("publication", publication_url(publication, "de"))]
    assert ("publication", publication_url(publication, "de")) in [
        (hit_type, url) for hit_type, _t, url in found(client, "Säbelschnäbler Niedersachsen")
    ]


def test_a_new_draft_of_a_publication_changes_nothing_until_published_and_unpublishing_withdraws_it(client, committed):
    user = get_system_user()
    with committed():
        publication = make_publication(title="Löffler im Watt")
    published = PublikationContent.objects.get(publikation=publication, language="de")
    with committed():
        draft = new_draft(published)
        draft.title = "Austernfischer im Watt"
        draft.save()
    assert [title for _t, title, _u in found(client, "Watt")] == ["Löffler im Watt"]
    with committed():
        Version.objects.get_for_content(draft).publish(user)
    assert [title for _t, title, _u in found(client, "Watt")] == ["Austernfischer im Watt"]
    with committed():
        Version.objects.get_for_content(draft).unpublish(user)
    assert found(client, "Watt") == []
    assert found(client, "Watt", "en") == []  # nor as a fallback in another language


def test_a_publication_only_in_german_is_found_in_other_languages_at_its_german_page(client, committed):
    with committed():
        publication = make_publication(title="Seeadler-Bericht")
    hits = found(client, "Seeadler", "uk")
    assert hits == [("publication", "Seeadler-Bericht", publication_url(publication, "de"))]
    link = parse(client.get(search_url("Seeadler", "uk"))).xpath('//li[@data-result-type="publication"]//h3//a')[0]
    assert link.get("lang") == "de"


# Projects --------------------------------------------------------------------------------------------------------


def test_a_published_project_is_found_by_a_word_of_its_title_and_a_draft_never(client, committed):
    with committed():
        project = make_project(network("NI"), titles={"de": "Brachvogel-Lotsen", "en": "Curlew pilots"})
        draft = make_project(network("NI"), titles={"de": "Brachvogel-Entwurf"}, published=False)
    assert found(client, "Brachvogel") == [("project", "Brachvogel-Lotsen", project_url(project, "de"))]
    assert found(client, "Curlew", "en") == [("project", "Curlew pilots", project_url(project, "en"))]
    assert type_label(client, "Brachvogel", "de", "project") == "Projekt"
    assert type_label(client, "Curlew", "en", "project") == "Project"
    assert client.get(project_url(project, "de")).status_code == 200
    assert not Suchdokument.objects.filter(key=str(draft.pk), type="project").exists()


def test_a_project_is_found_by_its_traeger_and_places_and_in_other_languages_at_their_page(client, committed):
    with committed():
        project = make_project(
            network("BY"),
            titles={"de": "Sprachkurse für Pflegekräfte"},
            traeger="Rohrammer Bildung gGmbH",
            places=[place("Regensburg")],
        )
    assert found(client, "Rohrammer") == [("project", "Sprachkurse für Pflegekräfte", project_url(project, "de"))]
    assert ("project", project_url(project, "de")) in [(t, u) for t, _title, u in found(client, "Rohrammer Regensburg")]
    # Arabic visitors read the German text on the project's Arabic page.
    assert found(client, "Rohrammer", "ar") == [("project", "Sprachkurse für Pflegekräfte", project_url(project, "ar"))]
    assert client.get(project_url(project, "ar")).status_code == 200


def test_unpublishing_renaming_a_place_and_deleting_a_project_update_the_index(client, committed):
    user = get_system_user()
    with committed():
        project = make_project(network("HB"), titles={"de": "Eiderente unterwegs"}, places=[place("Bremerhaven")])
    assert [t for t, _title, _u in found(client, "Eiderente")] == ["project"]
    with committed():
        stored = project.places.get()
        stored.name = "Kiebitzhausen"
        stored.save()
    assert [t for t, _title, _u in found(client, "Kiebitzhausen")] == ["project"]
    content = project.contents(manager="admin_manager").get(language="de")
    with committed():
        Version.objects.get_for_content(content).unpublish(user)
    assert found(client, "Eiderente") == []
    assert found(client, "Eiderente", "en") == []
    with committed():
        Version.objects.get_for_content(content).copy(user).publish(user)  # a new version, published again
    assert [t for t, _title, _u in found(client, "Eiderente")] == ["project"]
    with committed():
        delete_projects([project.pk])  # with its texts and their versions, as the admin and the loader delete
    assert found(client, "Eiderente") == []
    assert not Suchdokument.objects.filter(type="project", key=str(project.pk)).exists()


# Queries ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("result_type", ["publication", "project"])
def test_reindexing_more_publications_or_projects_takes_no_more_queries(committed, result_type):
    with committed():
        if result_type == "publication":
            objects = [make_publication(languages=("de", "en"), title=f"Reiherente {n}") for n in range(8)]
        else:
            objects = [
                make_project(network("SH"), titles={"de": f"Reiherente {n}", "en": f"Tufted duck {n}"}, places=[])
                for n in range(8)
            ]
    adapter = get_adapter(result_type)

    def queries(keys):
        with CaptureQueriesContext(connection) as context:
            index.reindex(adapter, keys)
        return len(context.captured_queries)

    assert queries([obj.pk for obj in objects[:2]]) == queries([obj.pk for obj in objects])
    assert Suchdokument.objects.filter(type=result_type, title__startswith="Reiherente", language="de").count() == 8
