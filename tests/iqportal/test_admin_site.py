"""The admin in the editor's language and with the site's name (iqportal/admin.py, admin_labels.py, sites.py)."""

import re
from datetime import UTC, datetime

import lxml.html
import pytest
from django.contrib.sites.models import Site
from django.contrib.staticfiles import finders
from django.test import Client, override_settings
from django.urls import reverse
from djangocms_versioning.models import Version

from iqportal.sites import PLACEHOLDER_DOMAIN, SITE_NAME, configure_site
from tests.factories import EDITOR_PASSWORD, published_content
from tests.html import parse

parse_html = lxml.html.fromstring

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(username="chief", email="c@example.org", password=EDITOR_PASSWORD)
    client.force_login(user)
    client.user = user
    return client


def test_the_admin_carries_the_sites_name_in_the_editors_language(admin_client):
    page = admin_client.get("/de/admin/").content.decode()
    assert "IQ Portal – Verwaltung" in page
    assert "<title>Website-Verwaltung | IQ Portal</title>" in page
    assert "Django" not in page  # neither "Django-Verwaltung" nor "Django-Systemverwaltung"
    assert "IQ Portal administration" in admin_client.get("/en/admin/").content.decode()


def test_third_party_names_are_german_in_the_german_admin(admin_client):
    response = admin_client.get("/de/admin/")
    page = response.content.decode()
    rows = parse(response).xpath("//*[@id='content-main']//th[@scope='row']")
    models = {" ".join(row.text_content().split()) for row in rows}
    assert {"Seiten – Versionen", "Termine – Versionen", "TOTP-Geräte (Authenticator-Apps)"} <= models
    for english in ("Page content versions", "content versions", "TOTP devices", "Otp_Totp", "Login throttling"):
        assert english not in page
    assert "Anmeldeversuche begrenzen" in page  # django-axes' app


def test_the_admin_index_loads_nothing_from_other_hosts(admin_client):
    """django CMS's update check fetched pypi.org from the admin index (blocked by the CSP): switched off."""
    page = admin_client.get("/de/admin/").content.decode()
    assert "update-notification" not in page
    sources = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert sources
    assert [source for source in sources if source.startswith(("http:", "https:", "//"))] == []
    assert "pypi.org" not in page and "django-cms.org" not in page


def test_the_admin_has_the_sites_icon_and_stylesheet(admin_client):
    tree = parse(admin_client.get("/de/admin/"))
    icon = tree.xpath("//head/link[@rel='icon']/@href")
    stylesheets = tree.xpath("//head/link[@rel='stylesheet']/@href")
    assert icon == ["/static/img/favicon.svg"]
    assert "/static/css/admin.css" in stylesheets
    for url in (icon[0], "/static/css/admin.css"):
        assert finders.find(url.removeprefix("/static/")), url  # what the static files server answers with 200
    # Served by whitenoise, as in production (here from the apps' static folders: the tests run without collectstatic).
    with override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True):
        response = Client().get(icon[0])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"


def test_the_site_record_has_the_sites_name_and_the_configured_domain():
    assert Site.objects.get_current().name == SITE_NAME  # set after migrate: the test database has it too
    Site.objects.filter(pk=1).update(domain=PLACEHOLDER_DOMAIN, name=PLACEHOLDER_DOMAIN)
    with override_settings(SITE_DOMAIN="iq-portal.example.test"):
        configure_site()
    site = Site.objects.get(pk=1)
    assert (site.domain, site.name) == ("iq-portal.example.test", SITE_NAME)
    # A name an editor chose stays; without SITE_DOMAIN the domain stays too.
    Site.objects.filter(pk=1).update(name="IQ Netzwerk")
    with override_settings(SITE_DOMAIN=""):
        configure_site()
    site = Site.objects.get(pk=1)
    assert (site.domain, site.name) == ("iq-portal.example.test", "IQ Netzwerk")


def test_the_cms_toolbar_names_the_site(admin_client):
    response = admin_client.get("/de/?edit")
    page = response.content.decode()
    site_menu = parse(response).xpath("//ul[contains(@class, 'cms-toolbar-item-navigation')]/li[1]/a/span/text()")
    assert [text.strip() for text in site_menu] == [SITE_NAME]
    assert PLACEHOLDER_DOMAIN not in page


def test_the_version_comparison_shows_local_time_like_the_version_list(admin_client):
    published = Version.objects.get_for_content(published_content("programm", "de"))
    Version.objects.filter(pk=published.pk).update(created=datetime(2026, 7, 1, 10, 5, tzinfo=UTC))
    draft = published.copy(admin_client.user)
    Version.objects.filter(pk=draft.pk).update(created=datetime(2026, 12, 6, 23, 30, tzinfo=UTC))
    url = reverse("admin:djangocms_versioning_pagecontentversion_compare", args=[published.pk])
    page = admin_client.get(f"{url}?compare_to={draft.pk}").content.decode()
    # Berlin: summer time (UTC+2) in July, winter time (UTC+1) in December, which is past midnight here.
    assert f"Version #{published.number} (Veröffentlicht 1. Juli 2026 12:05)" in page
    assert f"Version #{draft.number} (Entwurf 7. Dezember 2026 00:30)" in page
    assert "10:05" not in page and "23:30" not in page
    assert '<html lang="de" dir="ltr">' in page
    title = parse_html(page).findtext(".//title").split()
    assert title[:3] == ["Vergleiche", "Version", f"#{published.number}"] and "mit" in title


def test_the_version_list_gets_the_stylesheet_that_fits_it_to_the_screen(admin_client):
    """static/css/admin.css lays out djangocms-versioning's lists (checked at 1,280 px in a browser when written)."""
    page = published_content("programm", "de").page
    response = admin_client.get(f"{reverse('admin:djangocms_versioning_pagecontentversion_changelist')}?page={page.pk}")
    tree = parse(response)
    body_classes = tree.xpath("//body/@class")[0].split()
    assert {"app-djangocms_versioning", "change-list"} <= set(body_classes)
    assert "/static/css/admin.css" in tree.xpath("//head/link[@rel='stylesheet']/@href")
    stylesheet = open(finders.find("css/admin.css"), encoding="utf-8").read()
    assert ".app-djangocms_versioning.change-list #changelist-filter" in stylesheet
    headers = [" ".join(th.text_content().split()) for th in tree.xpath("//table[@id='result_list']/thead/tr/th")]
    assert headers[-3:] == ["Autor", "Status", "Aktionen"]
    assert "Inhalt" in headers  # djangocms-versioning's "Content", translated by the project's catalogue
