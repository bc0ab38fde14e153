"""
Fixtures and helpers shared by the directory's admin, import and page tests (no tests in this module).

Editors are real users in the groups that `load_directory` creates; forms are submitted as a browser would
(every successful control of the rendered form), so tests go through the same admin code as editors.
"""

import lxml.html
import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from landesnetzwerke.demo_data.loader import CENTRAL_GROUP
from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk


def make_editor(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="a-long-editor-password-1", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def form_values(response, form_id):
    """The successful controls of a rendered form, as the browser would submit them (dict of lists)."""
    tree = lxml.html.fromstring(response.content.decode())
    forms = tree.xpath(f'//form[@id="{form_id}"]')
    assert forms, f"no form #{form_id} in the page"
    data = {}
    for name, value in forms[0].form_values():
        data.setdefault(name, []).append(value)
    return data


def text_content(response):
    return " ".join(lxml.html.fromstring(response.content.decode()).text_content().split())


def change_url(office):
    return reverse("admin:landesnetzwerke_beratungsstelle_change", args=[office.pk])


@pytest.fixture(name="ni_network")
def fixture_ni_network(db):
    return Landesnetzwerk.objects.get(bundesland="NI")


@pytest.fixture(name="by_network")
def fixture_by_network(db):
    return Landesnetzwerk.objects.get(bundesland="BY")


@pytest.fixture(name="ni_office")
def fixture_ni_office(ni_network):
    return Beratungsstelle.objects.fixed().filter(landesnetzwerk=ni_network).order_by("pk").first()


@pytest.fixture(name="by_office")
def fixture_by_office(by_network):
    return Beratungsstelle.objects.fixed().filter(landesnetzwerk=by_network).order_by("pk").first()


@pytest.fixture(name="ni_editor")
def fixture_ni_editor(django_user_model, ni_network):
    """An editor of the Landesnetzwerk Niedersachsen only."""
    return make_editor(django_user_model, "redaktion-ni", ni_network.editor_group.name)


@pytest.fixture(name="central_editor")
def fixture_central_editor(django_user_model):
    return make_editor(django_user_model, "zentrale", CENTRAL_GROUP)


@pytest.fixture(name="ni_client")
def fixture_ni_client(ni_editor):
    return client_for(ni_editor)


@pytest.fixture(name="central_client")
def fixture_central_client(central_editor):
    return client_for(central_editor)
