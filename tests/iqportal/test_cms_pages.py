"""
The django CMS page of an apphook for visitors from the cache (iqportal.cms_pages), and the menu and breadcrumb
rendered once per language and page (iqportal.templatetags.site_navigation): visitors see what django CMS's own
checks and tags give, and a change of the page tree or of a page's permissions shows at once.
"""

import pytest
from cms.models import ACCESS_PAGE_AND_DESCENDANTS, Page, PagePermission
from django.contrib.auth.models import Group
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.factories import EDITOR_PASSWORD, published_content
from tests.html import parse

pytestmark = pytest.mark.django_db


def lotse_page():
    return Page.objects.get(reverse_id="lotse")


def test_visitors_reach_the_lotse_without_a_query_for_its_page(client, settings):
    settings.APPHOOK_RELOAD_INTERVAL = 3600  # django CMS's check for changed apphooks: every 2 s in production
    client.get("/de/lotse/?q=10115")  # the page and the menus are cached now
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/de/lotse/?q=10117")
    assert response.status_code == 200
    cms = [
        query["sql"] for query in queries.captured_queries if '"cms_page' in query["sql"] or "menus_" in query["sql"]
    ]
    assert cms == []
    assert parse(response).xpath("string(//h1)") == published_content("lotse", "de").title


def test_a_view_restriction_on_the_lotse_page_applies_to_visitors_at_once(client):
    assert client.get("/de/lotse/?q=10115").status_code == 200
    PagePermission.objects.create(
        page=lotse_page(),
        group=Group.objects.create(name="Nur intern"),
        can_view=True,
        grant_on=ACCESS_PAGE_AND_DESCENDANTS,
    )
    assert client.get("/de/lotse/?q=10115").status_code == 404
    assert client.get("/de/lotse/suche.json?q=10115").status_code == 404


def test_a_page_that_needs_a_login_sends_visitors_to_it(client):
    page = lotse_page()
    page.login_required = True
    page.save()
    page.clear_cache(menu=True)  # what django CMS does when a page's settings change
    response = client.get("/de/lotse/?q=10115")
    assert response.status_code == 302 and "login" in response["Location"]


def test_logged_in_users_get_django_cms_s_own_checks(client, django_user_model):
    django_user_model.objects.create_user(username="leserin", password=EDITOR_PASSWORD)
    client.login(username="leserin", password=EDITOR_PASSWORD)
    assert client.get("/de/lotse/?q=10115").status_code == 200


def render_navigation(source, path="/de/lotse/"):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    request.LANGUAGE_CODE = "de"
    request.current_page = lotse_page()
    return engines["django"].from_string(source).render({}, request)


@pytest.mark.parametrize(
    ("cached", "by_cms"),
    [
        (
            '{% load site_navigation %}{% site_menu "includes/menu.html" %}',
            '{% load menu_tags %}{% show_menu 0 0 0 0 "includes/menu.html" %}',
        ),
        (
            '{% load site_navigation %}{% site_breadcrumb "includes/breadcrumb_items.html" %}',
            '{% load menu_tags %}{% show_breadcrumb 0 "includes/breadcrumb_items.html" %}',
        ),
    ],
)
def test_menu_and_breadcrumb_are_django_cms_s(cached, by_cms):
    expected = render_navigation(by_cms)
    assert "<li>" in expected
    assert render_navigation(cached) == expected  # rendered and kept
    assert render_navigation(cached) == expected  # from the cache


def test_a_renamed_page_shows_in_the_menu_at_once(client):
    client.get("/de/lotse/?q=10115")  # the menu is cached now
    content = published_content("programm", "de")
    type(content).admin_manager.filter(pk=content.pk).update(menu_title="Das Programm im Überblick")
    content.page.clear_cache(menu=True)  # what publishing a page does
    menu = parse(client.get("/de/lotse/?q=10115")).xpath('string(//nav[contains(@class, "main-nav")])')
    assert "Das Programm im Überblick" in menu
