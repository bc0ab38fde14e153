"""
Editing news in the admin with real users of the editor groups: a network's editors see, change and publish only
their network's items (changelist, change view, the versions' publish URL, Version.publish), central editors all;
the editor's journey through versioning (draft, preview, publish, new version, revert); the forms in German.
"""

import pytest
from cms.toolbar.utils import get_object_preview_url
from django.test import Client
from django.urls import reverse
from djangocms_versioning import constants
from djangocms_versioning.exceptions import ConditionFailed
from djangocms_versioning.models import Version

from programme.news.models import NewsItem, NewsItemContent, Schwerpunkt
from tests.html import parse, text_of
from tests.programme.editorial import make_news, network, version_of

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:news_newsitem_changelist"


def admin_url(name, *args, language="de"):
    return reverse(name, args=args) + f"?language={language}"


def publish_url(content):
    return reverse("admin:djangocms_versioning_newsitemcontentversion_publish", args=[version_of(content).pk])


@pytest.fixture
def ni_item():
    return make_news(land="NI", publish=False, texts={"de": "Entwurf aus Niedersachsen"})


@pytest.fixture
def by_item():
    return make_news(land="BY", publish=False, texts={"de": "Entwurf aus Bayern"})


def draft_of(item, language="de"):
    return NewsItemContent.admin_manager.filter(news_item=item, language=language).latest_content().get()


def test_a_network_editor_lists_only_their_networks_news(ni_client, ni_item, by_item):
    response = ni_client.get(admin_url(CHANGELIST))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Entwurf aus Niedersachsen" in page and "Entwurf aus Bayern" not in page


def test_a_central_editor_lists_every_networks_news(central_client, ni_item, by_item):
    page = central_client.get(admin_url(CHANGELIST)).content.decode()
    assert "Entwurf aus Niedersachsen" in page and "Entwurf aus Bayern" in page


def test_a_network_editor_cannot_open_or_change_another_networks_item(ni_client, by_item):
    response = ni_client.get(admin_url("admin:news_newsitem_change", by_item.pk))
    assert response.status_code == 302  # "does not exist": the admin sends the editor back
    assert "Entwurf aus Bayern" not in ni_client.get(response["Location"]).content.decode()
    response = ni_client.post(
        admin_url("admin:news_newsitem_change", by_item.pk), {"content__title": "Übernommen", "slug": by_item.slug}
    )
    assert response.status_code in (302, 403)
    assert draft_of(by_item).title == "Entwurf aus Bayern"


def test_a_network_editor_cannot_publish_another_networks_draft(ni_client, ni_editor, by_item):
    content = draft_of(by_item)
    ni_client.post(publish_url(content))
    assert version_of(content).state == constants.DRAFT
    with pytest.raises(ConditionFailed):
        version_of(content).check_publish(ni_editor)
    assert Client().get(f"/de/aktuelles/{by_item.slug}/").status_code == 404
    # Nor preview it.
    assert ni_client.get(get_object_preview_url(content)).status_code == 404


def test_a_network_editor_publishes_their_own_draft(ni_client, ni_item):
    content = draft_of(ni_item)
    response = ni_client.post(publish_url(content))
    assert response.status_code == 302
    assert version_of(content).state == constants.PUBLISHED
    assert Client().get(f"/de/aktuelles/{ni_item.slug}/").status_code == 200


def add_form_data(**fields):
    data = {
        "content__language": "de",
        "content__title": "Neue Sprechzeiten in Oldenburg",
        "content__teaser": "Die Beratung in Oldenburg hat neue Sprechzeiten.",
        "content__image_alt": "",
        "slug": "neue-sprechzeiten-oldenburg",
        "date": "2031-05-04",
        "landesnetzwerk": str(network("NI").pk),
        "schwerpunkte": [str(Schwerpunkt.objects.get(slug="beratung").pk)],
        "_save": "1",
    }
    data.update(fields)
    return data


def test_a_network_editor_creates_a_draft_for_their_network(ni_client, ni_editor):
    response = ni_client.post(admin_url("admin:news_newsitem_add"), add_form_data())
    assert response.status_code == 302, text_of(parse(response), '//*[contains(@class, "errorlist")]')
    item = NewsItem.objects.get(slug="neue-sprechzeiten-oldenburg")
    assert item.landesnetzwerk == network("NI") and not item.is_sample
    assert list(item.schwerpunkte.values_list("slug", flat=True)) == ["beratung"]
    content = draft_of(item)
    assert content.title == "Neue Sprechzeiten in Oldenburg"
    assert version_of(content).state == constants.DRAFT and version_of(content).created_by == ni_editor
    assert Client().get(f"/de/aktuelles/{item.slug}/").status_code == 404  # a draft until published


def test_a_network_editor_cannot_create_an_item_for_another_network(ni_client):
    response = ni_client.post(admin_url("admin:news_newsitem_add"), add_form_data(landesnetzwerk=str(network("BY").pk)))
    assert response.status_code == 200
    assert parse(response).xpath('//*[contains(@class, "errorlist")]')
    assert not NewsItem.objects.filter(slug="neue-sprechzeiten-oldenburg").exists()
    response = ni_client.post(admin_url("admin:news_newsitem_add"), add_form_data(landesnetzwerk=""))
    assert response.status_code == 200  # a network editor must name their network
    assert not NewsItem.objects.filter(slug="neue-sprechzeiten-oldenburg").exists()


def test_an_image_needs_its_alternative_text_in_the_form(central_client):
    from filer.models import Image

    image = Image.objects.create(original_filename="foto.png", file="foto.png")
    response = central_client.post(
        admin_url("admin:news_newsitem_add"), add_form_data(landesnetzwerk="", **{"content__image": str(image.pk)})
    )
    assert response.status_code == 200
    assert parse(response).xpath(
        '//div[contains(@class, "field-content__image_alt")]//*[contains(@class, "errorlist")]'
    )


def test_the_editors_journey_draft_preview_publish_new_version_revert(central_client, central_editor):
    item = make_news(land="NI", publish=False, texts={"de": "Erste Fassung"})
    first = draft_of(item)
    preview = central_client.get(get_object_preview_url(first))
    assert preview.status_code == 200 and "Erste Fassung" in preview.content.decode()
    central_client.post(publish_url(first))
    assert "Erste Fassung" in Client().get(f"/de/aktuelles/{item.slug}/").content.decode()

    # "Edit" makes a new draft; visitors keep the published text until it is published.
    edit = reverse("admin:djangocms_versioning_newsitemcontentversion_edit_redirect", args=[version_of(first).pk])
    assert central_client.post(edit).status_code == 302
    second = draft_of(item)
    assert second.pk != first.pk and version_of(second).state == constants.DRAFT
    second.title = "Zweite Fassung"
    second.save()
    assert "Erste Fassung" in Client().get(f"/de/aktuelles/{item.slug}/").content.decode()
    central_client.post(publish_url(second))
    assert "Zweite Fassung" in Client().get(f"/de/aktuelles/{item.slug}/").content.decode()
    assert version_of(first).state == constants.UNPUBLISHED

    # The versions list shows both; reverting the first makes a draft with its text.
    versions = reverse("admin:djangocms_versioning_newsitemcontentversion_changelist")
    listing = central_client.get(f"{versions}?news_item={item.pk}&language=de")
    assert listing.status_code == 200
    revert = reverse("admin:djangocms_versioning_newsitemcontentversion_revert", args=[version_of(first).pk])
    assert central_client.post(revert).status_code == 302
    reverted = draft_of(item)
    assert reverted.title == "Erste Fassung" and version_of(reverted).state == constants.DRAFT
    assert Version.objects.filter_by_content_grouping_values(reverted).count() == 3


def test_a_network_editors_versions_list_shows_only_their_items(ni_client, ni_item, by_item):
    versions = reverse("admin:djangocms_versioning_newsitemcontentversion_changelist")
    assert ni_client.get(f"{versions}?news_item={ni_item.pk}&language=de").status_code == 200
    other = ni_client.get(f"{versions}?news_item={by_item.pk}&language=de")
    assert other.status_code == 404 and "Entwurf aus Bayern" not in other.content.decode()
    assert ni_client.get(f"{versions}?news_item=abc&language=de").status_code == 404


def test_the_admin_speaks_german_to_german_editors(ni_client):
    page = parse(ni_client.get(admin_url("admin:news_newsitem_add")))
    labels = text_of(page, "//label")
    assert any(label.startswith("Titel") for label in labels)
    assert any(label.startswith("Handlungsschwerpunkte") for label in labels)
    assert any(label.startswith("Datum") for label in labels)
    headings = text_of(page, "//fieldset//h2")
    assert "Gleich in jeder Sprache" in " ".join(headings)
    changelist = parse(ni_client.get(admin_url(CHANGELIST)))
    assert "Nachricht" in " ".join(text_of(changelist, "//h1 | //title"))
    assert "Beispieldaten" in changelist.text_content()  # the sample data column and filter


def test_sample_items_are_marked_in_the_admin(central_client):
    sample = make_news(is_sample=True, publish=False, texts={"de": "Beispielnachricht im Admin"})
    page = parse(central_client.get(admin_url(CHANGELIST) + "&is_sample__exact=1"))
    assert "Beispielnachricht im Admin" in page.text_content()
    assert sample.is_sample


def test_only_the_networks_editors_may_edit_the_body_of_its_items(ni_editor, central_editor, ni_item, by_item):
    ni_text, by_text = draft_of(ni_item), draft_of(by_item)
    assert ni_text.body.has_change_permission(ni_editor)
    assert not by_text.body.has_change_permission(ni_editor)  # the plugin editor and the structure board ask this
    assert not by_text.has_placeholder_view_permission(ni_editor)
    assert by_text.body.has_change_permission(central_editor)
