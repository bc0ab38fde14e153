import pytest

from tests.factories import EDITOR_PASSWORD


@pytest.fixture
def editor(django_user_model):
    """A central editor: staff superuser, as the CMS's editors are set up."""
    return django_user_model.objects.create_superuser(
        username="editor", email="editor@example.org", password=EDITOR_PASSWORD
    )


@pytest.fixture
def editor_client(client, editor):
    """A test client logged in through the admin's login form, as an editor would log in."""
    response = client.post(
        "/de/admin/login/?next=/de/admin/",
        {"username": editor.username, "password": EDITOR_PASSWORD, "next": "/de/admin/"},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert response["Location"] == "/de/admin/"
    return client
