"""Editors of the publications' admin: the directory tests' real users of the groups that `load_directory` creates
(an editor of Niedersachsen only, a central editor), logged in."""

from tests.landesnetzwerke.conftest import (  # noqa: F401 - fixtures
    fixture_central_client,
    fixture_central_editor,
    fixture_ni_client,
    fixture_ni_editor,
    fixture_ni_network,
)
