"""
Drafts in the admin (iqportal.draft_access, iqportal.middleware.draft_access): the toolbar's preview, edit and
structure views of a content object and djangocms-versioning's comparison answer 404 to staff who may not see the
object (pages: django CMS's page permissions; news, publications, …: the item's network), and show it to its
editors. The admin's "View on site" answers 404 for an object without an address (iqportal.views.view_on_site).
"""

import pytest
from cms.api import add_plugin, create_page
from cms.models import ACCESS_PAGE, GlobalPagePermission, PageContent, PagePermission
from cms.toolbar.utils import get_object_edit_url, get_object_preview_url, get_object_structure_url
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from djangocms_versioning.models import Version

from landesnetzwerke.demo_data.loader import CENTRAL_GROUP
from programme.page_builder import get_system_user
from programme.publications.models import PublikationContent
from tests.factories import client_for, make_editor, make_publication
from tests.html import page_text
from tests.programme.editorial import make_news, network, new_draft

pytestmark = pytest.mark.django_db

SECRET = "Streng vertraulicher Entwurfstext"


def page_urls(content):
    return [get_object_preview_url(content), get_object_edit_url(content), get_object_structure_url(content)]


def compare_url(content, compare_to=None):
    version = Version.objects.get_for_content(content)
    proxy = version.versionable.version_model_proxy._meta.model_name
    url = reverse(f"admin:djangocms_versioning_{proxy}_compare", args=[version.pk])
    return url if compare_to is None else f"{url}?compare_to={Version.objects.get_for_content(compare_to).pk}"


def unpublished_page(title="Geheimer Entwurf"):
    """A page that was never published, with a text in its draft."""
    page = create_page(title, settings.CMS_TEMPLATES[0][0], "de", created_by=get_system_user())
    content = PageContent.admin_manager.get(page=page, language="de")
    add_plugin(content.get_placeholders().get(slot="content"), "TextPlugin", "de", body=f"<p>{SECRET}</p>")
    return content


def page_draft(reverse_id, text=SECRET):
    """A new draft of a published demo page, with `text` added (the published version stays public)."""
    published = PageContent.objects.get(page__reverse_id=reverse_id, language="de")
    draft = Version.objects.get_for_content(published).copy(get_system_user()).content
    add_plugin(draft.get_placeholders().get(slot="content"), "TextPlugin", "de", body=f"<p>{text}</p>")
    return draft


@pytest.fixture
def ni_editor(django_user_model):
    return make_editor(django_user_model, "redaktion-ni", network("NI").editor_group.name)


@pytest.fixture
def central_editor(django_user_model):
    return make_editor(django_user_model, "zentrale", CENTRAL_GROUP)


@pytest.fixture
def plain_staff(django_user_model):
    """Staff without any permission."""
    return django_user_model.objects.create_user(username="praktikum", password="x", is_staff=True)


@pytest.fixture
def page_editor(django_user_model):
    """A staff user with django CMS's permission to change every page (a global page permission)."""
    user = django_user_model.objects.create_user(username="seitenredaktion", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="cms", codename__endswith="_page"))
    GlobalPagePermission.objects.create(user=user, can_change=True, can_add=True, can_publish=True)
    return user


def test_a_never_published_page_is_shown_to_page_editors_only(ni_editor, central_editor, plain_staff, page_editor):
    content = unpublished_page()
    for user in (ni_editor, central_editor, plain_staff):
        client = client_for(user)
        for url in page_urls(content):
            response = client.get(url)
            assert response.status_code == 404, (user.username, url)
            assert SECRET not in response.content.decode()
    client = client_for(page_editor)
    for url in (get_object_preview_url(content), get_object_structure_url(content)):
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET in response.content.decode()
    assert client.get(get_object_edit_url(content)).status_code == 200


def test_a_draft_of_a_published_page_is_shown_to_page_editors_only(ni_editor, page_editor, admin_user):
    draft = page_draft("impressum")
    response = client_for(ni_editor).get(get_object_preview_url(draft))
    assert response.status_code == 404
    assert SECRET not in response.content.decode()
    # The published version stays public, without the draft's text.
    published = PageContent.objects.get(page__reverse_id="impressum", language="de")
    public = client_for(ni_editor).get(published.get_absolute_url())
    assert public.status_code == 200 and SECRET not in public.content.decode()
    for user in (page_editor, admin_user):
        response = client_for(user).get(get_object_preview_url(draft))
        assert response.status_code == 200
        assert SECRET in page_text(response)


def test_a_draft_of_an_apphook_page_is_shown_to_page_editors_only(ni_editor, page_editor, admin_user):
    # django CMS hands the preview of a page with an apphook to the apphook's view, past its own page check.
    draft = page_draft("publikationen", text="Neue Einleitung der Publikationen")
    make_publication(network=network("BY").slug, title="Veröffentlichter Bericht")
    make_publication(network=network("BY").slug, publish=False, title="Entwurf eines Berichts")
    assert client_for(ni_editor).get(get_object_preview_url(draft)).status_code == 404
    response = client_for(page_editor).get(get_object_preview_url(draft))
    assert response.status_code == 200
    assert "Neue Einleitung der Publikationen" in page_text(response)
    # The list in the preview shows the drafts of the publications the user may edit, of the others what is public.
    assert "Veröffentlichter Bericht" in page_text(response)
    assert "Entwurf eines Berichts" not in page_text(response)
    response = client_for(admin_user).get(get_object_preview_url(draft))
    assert "Entwurf eines Berichts" in page_text(response)


def test_a_page_permission_lets_its_group_preview_that_page_only(ni_editor):
    group = Group.objects.get(name=network("NI").editor_group.name)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="cms", codename="change_page"))
    impressum = page_draft("impressum")
    PagePermission.objects.create(page=impressum.page, group=group, can_change=True, grant_on=ACCESS_PAGE)
    other = page_draft("datenschutz", text="Anderer Entwurf")
    client = client_for(ni_editor)
    response = client.get(get_object_preview_url(impressum))
    assert response.status_code == 200 and SECRET in page_text(response)
    response = client.get(get_object_preview_url(other))
    assert response.status_code == 404 and "Anderer Entwurf" not in response.content.decode()


def test_the_comparison_of_page_versions_is_for_page_editors_only(ni_editor, plain_staff, page_editor):
    draft = page_draft("impressum")
    published = PageContent.objects.get(page__reverse_id="impressum", language="de")
    url = compare_url(published, compare_to=draft)
    for user in (ni_editor, plain_staff):
        assert client_for(user).get(url).status_code == 404
        assert client_for(user).get(compare_url(draft)).status_code == 404
    response = client_for(page_editor).get(url)
    assert response.status_code == 200
    assert get_object_preview_url(draft).split("?")[0] in response.content.decode()


def test_another_networks_news_draft_is_not_compared_or_previewed(ni_editor, central_editor):
    own = make_news(land="NI", texts={"de": "Eigene Nachricht"})
    own_draft = new_draft(own.contents(manager="admin_manager").get(language="de"))
    other = make_news(land="BY", texts={"de": "Bayerische Nachricht"}, publish=False)
    other_draft = other.contents(manager="admin_manager").get(language="de")
    client = client_for(ni_editor)
    assert client.get(get_object_preview_url(other_draft)).status_code == 404
    assert client.get(compare_url(own_draft, compare_to=other_draft)).status_code == 404
    response = client.get(compare_url(own_draft))
    assert response.status_code == 200
    assert get_object_preview_url(own_draft).split("?")[0] in response.content.decode()
    response = client_for(central_editor).get(get_object_preview_url(other_draft))
    assert response.status_code == 200 and "Bayerische Nachricht" in page_text(response)


def test_a_publication_draft_is_previewed_by_its_networks_editors_only(ni_editor, central_editor, django_user_model):
    by_slug, ni_slug = network("BY").slug, network("NI").slug
    by_draft = PublikationContent.admin_manager.get(
        publikation=make_publication(network=by_slug, publish=False, title="Bayerischer Bericht")
    )
    ni_draft = PublikationContent.admin_manager.get(
        publikation=make_publication(network=ni_slug, publish=False, title="Niedersächsischer Bericht")
    )
    client = client_for(ni_editor)
    response = client.get(get_object_preview_url(by_draft))
    assert response.status_code == 404 and "Bayerischer Bericht" not in response.content.decode()
    response = client.get(get_object_preview_url(ni_draft))
    assert response.status_code == 200 and "Niedersächsischer Bericht" in page_text(response)
    response = client_for(central_editor).get(get_object_preview_url(by_draft))
    assert response.status_code == 200 and "Bayerischer Bericht" in page_text(response)


@pytest.mark.parametrize(
    "path",
    [
        "/de/admin/cms/placeholder/object/999999/preview/1/",
        "/de/admin/cms/placeholder/object/{ct}/preview/999999/",
        "/de/admin/cms/placeholder/object/{ct}/structure/999999/",
        "/de/admin/djangocms_versioning/pagecontentversion/999999/compare/",
        "/de/admin/djangocms_versioning/pagecontentversion/abc/compare/",
    ],
)
def test_an_id_that_names_nothing_is_not_found(admin_client, path):
    ct = ContentType.objects.get_for_model(PageContent).pk
    response = admin_client.get(path.format(ct=ct))
    assert response.status_code in (302, 404)  # versioning sends an unknown version back to the list
    assert response.status_code != 500


def test_view_on_site_of_a_page_without_an_address_is_not_found(admin_client):
    content = unpublished_page()
    ct = ContentType.objects.get_for_model(PageContent).pk
    response = admin_client.get(f"/de/admin/r/{ct}/{content.pk}/")
    assert response.status_code == 404
    assert SECRET not in response.content.decode()


def test_view_on_site_of_a_published_page_goes_to_it(admin_client):
    content = PageContent.objects.get(page__reverse_id="impressum", language="de")
    ct = ContentType.objects.get_for_model(PageContent).pk
    response = admin_client.get(f"/de/admin/r/{ct}/{content.pk}/")
    assert response.status_code == 302
    assert response["Location"].endswith(content.get_absolute_url())


@pytest.mark.parametrize("path", ["/de/admin/r/999999/1/", "/de/admin/r/{ct}/999999/", "/de/admin/r/{ct}/abc/"])
def test_view_on_site_of_nothing_is_not_found(admin_client, path):
    ct = ContentType.objects.get_for_model(PageContent).pk
    assert admin_client.get(path.format(ct=ct)).status_code == 404


def test_view_on_site_is_for_staff_only(client):
    content = PageContent.objects.get(page__reverse_id="impressum", language="de")
    ct = ContentType.objects.get_for_model(PageContent).pk
    response = client.get(f"/de/admin/r/{ct}/{content.pk}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
