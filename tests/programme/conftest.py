import lxml.html
import pytest
from cms.models import PageContent

EDITOR_PASSWORD = "a-long-editor-password-1"


def parse(response):
    """The response's HTML as an lxml tree."""
    return lxml.html.fromstring(response.content.decode())


def text_of(tree, xpath):
    return [" ".join(element.text_content().split()) for element in tree.xpath(xpath)]


def published_content(reverse_id, language):
    return PageContent.objects.get(page__reverse_id=reverse_id, language=language)


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
