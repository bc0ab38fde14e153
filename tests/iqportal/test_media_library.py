"""
The media library's lists in the admin (iqportal.media_library): 403 for staff without django-filer's permissions,
shown to the editor groups, which have them (load_directory), the folder listing that a file field's "choose" opens
included.
"""

import pytest
from django.urls import reverse

from landesnetzwerke.demo_data.loader import CENTRAL_GROUP
from tests.factories import client_for, make_editor, make_pdf_file
from tests.html import page_text
from tests.programme.editorial import network

pytestmark = pytest.mark.django_db

LISTS = ("admin:filer_file_changelist", "admin:filer_image_changelist")


@pytest.fixture
def plain_staff(django_user_model):
    """Staff without any permission (e.g. an account whose group was not set yet)."""
    return django_user_model.objects.create_user(username="praktikum", password="x", is_staff=True)


@pytest.fixture
def report():
    return make_pdf_file(name="vertraulicher-bericht.pdf")


@pytest.mark.parametrize("view", LISTS)
def test_staff_without_media_permissions_get_no_list(plain_staff, report, view):
    response = client_for(plain_staff).get(reverse(view))
    assert response.status_code == 403
    assert "vertraulicher-bericht" not in response.content.decode()


def test_staff_without_media_permissions_get_no_file(plain_staff, report):
    client = client_for(plain_staff)
    assert client.get(reverse("admin:filer_file_change", args=[report.pk])).status_code in (302, 403)
    assert client.get(reverse("admin:filer-directory_listing-root")).status_code == 403
    assert client.get(reverse("admin:app_list", args=["filer"])).status_code == 404


@pytest.mark.parametrize("group", ["network", "central"])
def test_the_editor_groups_see_the_files(django_user_model, report, group):
    name = network("NI").editor_group.name if group == "network" else CENTRAL_GROUP
    client = client_for(make_editor(django_user_model, f"redaktion-{group}", name))
    response = client.get(reverse("admin:filer_file_changelist"))
    assert response.status_code == 200
    assert "vertraulicher-bericht.pdf" in page_text(response)
    assert client.get(reverse("admin:filer_image_changelist")).status_code == 200
    assert client.get(reverse("admin:filer_file_change", args=[report.pk])).status_code == 200
    # A file field's "choose" opens the folder listing as a picker.
    response = client.get(reverse("admin:filer-directory_listing-unfiled_images"), {"_pick": "file", "_popup": "1"})
    assert response.status_code == 200
    assert client.get(reverse("admin:filer-directory_listing-root")).status_code == 200


def test_superusers_see_the_files(admin_client, report):
    response = admin_client.get(reverse("admin:filer_file_changelist"))
    assert response.status_code == 200
    assert "vertraulicher-bericht.pdf" in page_text(response)
