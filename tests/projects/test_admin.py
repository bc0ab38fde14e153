"""
Editing projects in the admin with real editor accounts of the groups load_directory creates: a network's editors
see, add, change and publish only their network's projects, central editors everything; a save based on an
outdated form is refused; the history names old and new values; sample projects are marked.
"""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from djangocms_versioning import constants
from djangocms_versioning.exceptions import ConditionFailed
from djangocms_versioning.models import Version

from landesnetzwerke.demo_data.loader import CENTRAL_GROUP
from landesnetzwerke.projects.admin import SAMPLE_NOTICE, TeilprojektAdminForm
from landesnetzwerke.projects.models import Teilprojekt, TeilprojektContent
from tests.factories import client_for, make_editor
from tests.html import page_text, parse
from tests.projects.helpers import make_project, network, place

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:projects_teilprojekt_changelist"
ADD = "admin:projects_teilprojekt_add"
CHANGE = "admin:projects_teilprojekt_change"
VERSIONS = "admin:djangocms_versioning_teilprojektcontentversion_changelist"
PUBLISH = "admin:djangocms_versioning_teilprojektcontentversion_publish"


@pytest.fixture(name="ni_editor")
def fixture_ni_editor(django_user_model):
    return make_editor(django_user_model, "projekte-ni", network("NI").editor_group.name)


@pytest.fixture(name="central_editor")
def fixture_central_editor(django_user_model):
    return make_editor(django_user_model, "projekte-zentral", CENTRAL_GROUP)


@pytest.fixture(name="ni_project")
def fixture_ni_project():
    return make_project(
        network("NI"), titles={"de": "Admin-Test Hannover"}, published=False, places=[place("Hannover")]
    )


@pytest.fixture(name="by_project")
def fixture_by_project():
    return make_project(network("BY"), titles={"de": "Admin-Test München"}, published=False, places=[place("München")])


def version_of(project, language="de"):
    content = TeilprojektContent.admin_manager.filter(teilprojekt=project, language=language).latest_content().first()
    return Version.objects.get_for_content(content)


def form_data(project, **changes):
    """The change form as the admin renders it for the project, with changes."""
    data = {
        "content__language": "de",
        "content__title": "Admin-Test",
        "content__summary": "",
        "content__description": "",
        "content__contact_role": "",
        "landesnetzwerk": project.landesnetzwerk_id if project else "",
        "field_of_action": "beratung",
        "traeger": "Testträger",
        "place_list": "30159 Hannover",
        "starts_on": "2025-01-01",
        "ends_on": "2027-12-31",
        "target_groups": ["eingewanderte"],
        "funding": "bund",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "website": "",
        "slug": project.slug if project else "",
        "source_id": "",
        "expected_version": project.version if project else "",
    }
    data.update(changes)
    return data


def test_a_network_editor_lists_only_the_networks_projects(ni_editor, ni_project, by_project):
    response = client_for(ni_editor).get(reverse(CHANGELIST), {"language": "de"})
    assert response.status_code == 200
    listed = {obj.pk for obj in response.context["cl"].result_list}
    assert ni_project.pk in listed and by_project.pk not in listed
    assert not Teilprojekt.objects.filter(pk__in=listed).exclude(landesnetzwerk__bundesland="NI").exists()


def test_a_network_editor_cannot_open_or_change_another_networks_project(ni_editor, by_project):
    client = client_for(ni_editor)
    url = reverse(CHANGE, args=[by_project.pk]) + "?language=de"
    assert client.get(url).status_code in (302, 403, 404)
    client.post(url, form_data(by_project, traeger="Übernommen"))
    assert Teilprojekt.objects.get(pk=by_project.pk).traeger != "Übernommen"


def test_a_network_editor_cannot_publish_another_networks_project(ni_editor, by_project):
    version = version_of(by_project)
    response = client_for(ni_editor).post(reverse(PUBLISH, args=[version.pk]))
    assert response.status_code in (302, 403, 404)
    assert Version.objects.get(pk=version.pk).state == constants.DRAFT
    with pytest.raises(ConditionFailed):
        version.check_publish(ni_editor)


def test_a_network_editor_publishes_their_own_project(ni_editor, ni_project):
    version = version_of(ni_project)
    response = client_for(ni_editor).post(reverse(PUBLISH, args=[version.pk]))
    assert response.status_code == 302
    assert Version.objects.get(pk=version.pk).state == constants.PUBLISHED


def test_the_versions_list_shows_only_the_editors_projects(ni_editor, ni_project, by_project):
    response = client_for(ni_editor).get(reverse(VERSIONS), {"teilprojekt": ni_project.pk, "language": "de"})
    assert response.status_code == 200
    assert {v.object_id for v in response.context["cl"].result_list} == {version_of(ni_project).object_id}
    other = client_for(ni_editor).get(reverse(VERSIONS), {"teilprojekt": by_project.pk, "language": "de"})
    assert other.status_code in (200, 302)
    if other.status_code == 200:
        assert list(other.context["cl"].result_list) == []


def test_a_central_editor_publishes_any_project(central_editor, by_project):
    version = version_of(by_project)
    assert client_for(central_editor).post(reverse(PUBLISH, args=[version.pk])).status_code == 302
    assert Version.objects.get(pk=version.pk).state == constants.PUBLISHED


def test_a_network_editor_adds_a_project_for_their_network_only(ni_editor):
    client = client_for(ni_editor)
    url = reverse(ADD) + "?language=de"
    page = client.get(url)
    assert page.status_code == 200
    choices = [value for value, _label in page.context["adminform"].form.fields["landesnetzwerk"].choices if value]
    assert [str(value) for value in choices] == [str(network("NI").pk)]

    refused = client.post(url, form_data(None, landesnetzwerk=network("BY").pk, **{"content__title": "Fremd"}))
    assert refused.status_code == 200 and "landesnetzwerk" in refused.context["adminform"].form.errors
    response = client.post(url, form_data(None, landesnetzwerk=network("NI").pk, **{"content__title": "Neu in Celle"}))
    assert response.status_code == 302, page_text(response)[:1500]
    project = Teilprojekt.objects.get(contents__title="Neu in Celle")
    assert project.landesnetzwerk.bundesland == "NI"
    assert project.slug == "neu-in-celle"
    assert [p.name for p in project.places.all()] == ["Hannover"]
    assert version_of(project).state == constants.DRAFT  # nothing is public before it is published


def test_an_unknown_place_is_an_error_of_the_places_field(central_editor, ni_project):
    client = client_for(central_editor)
    url = reverse(CHANGE, args=[ni_project.pk]) + "?language=de"
    response = client.post(url, form_data(ni_project, place_list="30159 Hannover\nNeustadt\nAtlantis"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["place_list"]
    assert any("Neustadt" in error for error in errors) and any("Atlantis" in error for error in errors)
    assert [p.name for p in Teilprojekt.objects.get(pk=ni_project.pk).places.all()] == ["Hannover"]


def test_a_save_based_on_an_outdated_form_is_refused(central_editor, ni_project):
    client = client_for(central_editor)
    url = reverse(CHANGE, args=[ni_project.pk]) + "?language=de"
    outdated = form_data(ni_project, traeger="Erste Änderung")
    assert client.post(url, outdated).status_code == 302
    response = client.post(url, {**outdated, "traeger": "Zweite Änderung"})  # still the old expected_version
    assert response.status_code == 200
    with translation.override("de"):
        stale = str(TeilprojektAdminForm.stale_message).split("%(when)s")[0]
    assert response.context["adminform"].form.non_field_errors()[0].startswith(stale)
    assert Teilprojekt.objects.get(pk=ni_project.pk).traeger == "Erste Änderung"


def test_the_history_names_old_and_new_values(central_editor, ni_project):
    client = client_for(central_editor)
    url = reverse(CHANGE, args=[ni_project.pk]) + "?language=de"
    before = ni_project.traeger
    client.post(url, form_data(ni_project, traeger="Neuer Träger gGmbH"))
    entry = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Teilprojekt), object_id=str(ni_project.pk)
    ).latest("action_time")
    assert f"„{before}“ → „Neuer Träger gGmbH“" in entry.get_change_message()


def test_publishing_counts_the_projects_version_up(ni_editor, ni_project):
    before = Teilprojekt.objects.get(pk=ni_project.pk).version
    client_for(ni_editor).post(reverse(PUBLISH, args=[version_of(ni_project).pk]))
    assert Teilprojekt.objects.get(pk=ni_project.pk).version == before + 1


def test_sample_projects_are_marked_in_the_admin(central_editor):
    sample = Teilprojekt.objects.filter(is_sample=True).first()
    client = client_for(central_editor)
    listing = client.get(reverse(CHANGELIST), {"language": "de", "is_sample__exact": "1"})
    assert listing.status_code == 200
    with translation.override("de"):
        notice, column = str(SAMPLE_NOTICE), str(Teilprojekt._meta.get_field("is_sample").verbose_name)
    assert column in page_text(listing)
    change = client.get(reverse(CHANGE, args=[sample.pk]) + "?language=de")
    assert change.status_code == 200
    assert " ".join(notice.split()) in page_text(change)
    assert parse(change).xpath('//input[@name="is_sample"][@checked]')


def test_deleting_a_project_without_history_deletes_its_versions(central_editor, ni_project):
    version = version_of(ni_project)
    url = reverse("admin:projects_teilprojekt_delete", args=[ni_project.pk]) + "?language=de"
    response = client_for(central_editor).post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not Teilprojekt.objects.filter(pk=ni_project.pk).exists()
    assert not Version.objects.filter(pk=version.pk).exists()


def test_a_project_with_earlier_versions_is_kept(central_editor, ni_project):
    Version.objects.get_for_content(version_of(ni_project).content).publish(central_editor)
    version_of(ni_project).copy(central_editor)  # a second version, copied from the first
    url = reverse("admin:projects_teilprojekt_delete", args=[ni_project.pk]) + "?language=de"
    client = client_for(central_editor)
    page = client.get(url)
    assert page.status_code == 200
    client.post(url, {"post": "yes"})
    assert Teilprojekt.objects.filter(pk=ni_project.pk).exists()


def test_the_toolbar_preview_shows_a_draft_to_its_editors_only(ni_editor, central_editor, by_project):
    from cms.toolbar.utils import get_object_preview_url

    url = get_object_preview_url(version_of(by_project).content)
    preview = client_for(central_editor).get(url)
    assert preview.status_code == 200
    assert "Admin-Test München" in page_text(preview)
    assert parse(preview).xpath('//meta[@name="robots"][@content="noindex"]')
    assert client_for(ni_editor).get(url).status_code == 404
