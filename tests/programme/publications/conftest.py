"""Editors of the publications' admin: real users of the groups that `load_directory` creates, logged in."""

import pytest

from landesnetzwerke.demo_data.loader import CENTRAL_GROUP
from landesnetzwerke.models import Landesnetzwerk
from tests.factories import client_for, make_editor


@pytest.fixture(name="ni_editor")
def fixture_ni_editor(django_user_model):
    """An editor of the Landesnetzwerk Niedersachsen only."""
    group = Landesnetzwerk.objects.get(slug="niedersachsen").editor_group
    return make_editor(django_user_model, "redaktion-ni", group.name)


@pytest.fixture(name="central_editor")
def fixture_central_editor(django_user_model):
    return make_editor(django_user_model, "zentrale", CENTRAL_GROUP)


@pytest.fixture(name="ni_client")
def fixture_ni_client(ni_editor):
    return client_for(ni_editor)


@pytest.fixture(name="central_client")
def fixture_central_client(central_editor):
    return client_for(central_editor)
