"""
Drafts are never public: a project whose texts were never published, and the new draft of a published project,
are absent from the search, the project page (404), the network page and the open data; visitors keep reading the
published version until the draft is published. Unpublishing takes a project off every page.
"""

import json

import pytest
from djangocms_versioning.models import Version

from landesnetzwerke.projects.models import TeilprojektContent
from programme.page_builder import get_system_user
from tests.html import get_tree, page_text
from tests.projects.helpers import make_project, network, place, result_ids

pytestmark = pytest.mark.django_db

SEARCH = "/de/projekte/"


def open_data_ids(client):
    return {record["id"] for record in json.loads(client.get("/api/projekte.json").content)["projekte"]}


def network_page_project_ids(client, slug):
    tree = get_tree(client, f"/de/landesnetzwerke/{slug}/")
    return {
        int(pk) for pk in tree.xpath('//*[@aria-labelledby="network-projects"]//*[@data-project-id]/@data-project-id')
    }


@pytest.fixture(name="draft")
def fixture_draft():
    return make_project(
        network("HB"), titles={"de": "Quokka Entwurf Bremen"}, published=False, places=[place("Bremen")]
    )


@pytest.fixture(name="published")
def fixture_published():
    return make_project(network("HB"), titles={"de": "Quokka veröffentlicht"}, places=[place("Bremen")])


def test_a_project_never_published_is_nowhere(client, draft, published):
    assert result_ids(client.get(SEARCH, {"q": "Quokka"})) == [published.pk]
    assert result_ids(client.get(SEARCH, {"ort": "Bremen", "umkreis": "10", "q": "Quokka"})) == [published.pk]
    assert client.get(f"/de/projekte/{draft.slug}/").status_code == 404
    assert client.get(f"/de/projekte/{draft.pk}/").status_code == 404
    assert draft.pk not in network_page_project_ids(client, "bremen")
    assert published.pk in network_page_project_ids(client, "bremen")
    ids = open_data_ids(client)
    assert published.pk in ids and draft.pk not in ids


def test_a_new_draft_of_a_published_project_stays_hidden_until_published(client, published):
    user = get_system_user()
    content = TeilprojektContent.objects.get(teilprojekt=published, language="de")
    draft = Version.objects.get_for_content(content).copy(user).content
    draft.title = "Quokka geheimer Entwurfstitel"
    draft.save()

    page = client.get(f"/de/projekte/{published.slug}/")
    assert "Quokka veröffentlicht" in page_text(page)
    assert "geheimer" not in page_text(page)
    assert result_ids(client.get(SEARCH, {"q": "geheimer Entwurfstitel"})) == []
    assert result_ids(client.get(SEARCH, {"q": "Quokka"})) == [published.pk]
    record = next(
        r for r in json.loads(client.get("/api/projekte.json").content)["projekte"] if r["id"] == published.pk
    )
    assert record["texts"]["de"]["title"] == "Quokka veröffentlicht"

    Version.objects.get_for_content(draft).publish(user)
    assert "geheimer Entwurfstitel" in page_text(client.get(f"/de/projekte/{published.slug}/"))
    assert result_ids(client.get(SEARCH, {"q": "geheimer Entwurfstitel"})) == [published.pk]


def test_unpublishing_takes_the_project_off_every_page(client, published):
    content = TeilprojektContent.objects.get(teilprojekt=published, language="de")
    Version.objects.get_for_content(content).unpublish(get_system_user())
    assert result_ids(client.get(SEARCH, {"q": "Quokka"})) == []
    assert client.get(f"/de/projekte/{published.slug}/").status_code == 404
    assert published.pk not in network_page_project_ids(client, "bremen")
    assert published.pk not in open_data_ids(client)


def test_a_draft_in_one_language_does_not_show_there(client):
    project = make_project(network("HB"), titles={"de": "Quokka deutsch"})
    TeilprojektContent.objects.with_user(get_system_user()).create(
        teilprojekt=project, language="en", title="Quokka English draft"
    )
    english = client.get(f"/en/projekte/{project.slug}/")
    assert english.status_code == 200
    assert "Quokka deutsch" in page_text(english)  # the German published text, marked as such
    assert "English draft" not in page_text(english)
    assert result_ids(client.get(SEARCH, {"q": "English draft"})) == []
