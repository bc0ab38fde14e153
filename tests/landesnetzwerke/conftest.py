"""
Fixtures of the directory's admin, import and page tests: the Niedersachsen and Bayern networks with one office
each, an editor of Niedersachsen only and a central editor, with logged-in clients. Editors are real users in
the groups that `load_directory` creates.
"""

import pytest

from landesnetzwerke.demo_data.loader import CENTRAL_GROUP
from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk
from tests.factories import client_for, make_editor


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
