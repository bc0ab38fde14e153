"""
Subscribers are personal data: central editors see them in the admin and can export a list; network editors get
no access at all, whatever model permissions a group might have; the commands export and clean up.
"""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from landesnetzwerke.demo_data.loader import CENTRAL_GROUP
from landesnetzwerke.models import Landesnetzwerk
from programme.subscriptions.models import Abonnement, Abonnent, Anmeldung
from tests.factories import client_for, make_editor

pytestmark = pytest.mark.django_db

ADDRESS = "geheim@example.org"
ADMIN_PAGES = [
    "admin:subscriptions_abonnent_changelist",
    "admin:subscriptions_abonnement_changelist",
    "admin:subscriptions_anmeldung_changelist",
]


@pytest.fixture(name="subscription")
def fixture_subscription():
    abonnent = Abonnent.objects.create(email=ADDRESS)
    now = timezone.now()
    return Abonnement.objects.create(
        abonnent=abonnent, liste="iq-konkret", language="ar", consent_text="…", consented_at=now, confirmed_at=now
    )


@pytest.fixture(name="network_editor")
def fixture_network_editor(django_user_model):
    group = Landesnetzwerk.objects.get(slug="berlin").editor_group
    return make_editor(django_user_model, "redaktion-be", group.name)


@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_network_editors_have_no_access_to_subscribers(network_editor, subscription, page):
    client = client_for(network_editor)
    response = client.get(reverse(page))
    assert response.status_code == 403
    assert ADDRESS not in response.content.decode()
    change = client.get(reverse("admin:subscriptions_abonnent_change", args=[subscription.abonnent_id]))
    assert change.status_code in (302, 403) and ADDRESS not in change.content.decode()
    assert "subscriptions" not in client.get(reverse("admin:index")).content.decode()


def test_network_editors_have_no_access_even_with_the_model_permissions(network_editor, subscription):
    network_editor.user_permissions.add(*Permission.objects.filter(content_type__app_label="subscriptions"))
    response = client_for(network_editor).get(reverse("admin:subscriptions_abonnement_changelist"))
    assert response.status_code == 403


@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_central_editors_see_subscribers(django_user_model, subscription, page):
    client = client_for(make_editor(django_user_model, "zentrale", CENTRAL_GROUP))
    response = client.get(reverse(page))
    assert response.status_code == 200
    if page != "admin:subscriptions_anmeldung_changelist":
        assert ADDRESS in response.content.decode()
    # Nothing is added by hand: subscriptions come only from the double opt-in.
    assert client.get(reverse(page.replace("changelist", "add"))).status_code == 403


def test_central_editors_export_the_selected_subscriptions(django_user_model, subscription):
    client = client_for(make_editor(django_user_model, "zentrale", CENTRAL_GROUP))
    response = client.post(
        reverse("admin:subscriptions_abonnement_changelist"),
        {"action": "export_csv", "_selected_action": [subscription.pk]},
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(row["list"], row["email"], row["language"]) for row in rows] == [("iq-konkret", ADDRESS, "ar")]
    assert rows[0]["unsubscribe_url"] == f"http://testserver/ar/abonnement/abmelden/{subscription.abonnent.key}/"


def test_the_export_command_lists_the_confirmed_subscribers_of_one_list(subscription):
    now = timezone.now()
    other = Abonnent.objects.create(email="=HYPERLINK(1)@example.org")
    Abonnement.objects.create(
        abonnent=other, liste="aktuelles", language="de", consent_text="…", consented_at=now, confirmed_at=now
    )
    Anmeldung.objects.create(
        abonnent=Abonnent.objects.create(email="offen@example.org"),
        listen=["iq-konkret"],
        language="de",
        consent_text="…",
    )
    out = io.StringIO()
    call_command(
        "export_subscribers",
        "--liste",
        "iq-konkret",
        "--base-url",
        "https://iq.example.org",
        stdout=out,
        stderr=io.StringIO(),
    )
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [row["email"] for row in rows] == [ADDRESS]  # not the other list, not the unconfirmed request
    assert rows[0]["unsubscribe_url"].startswith("https://iq.example.org/ar/abonnement/abmelden/")
    out = io.StringIO()
    call_command("export_subscribers", "--liste", "aktuelles", stdout=out, stderr=io.StringIO())
    assert "'=HYPERLINK(1)@example.org" in out.getvalue()  # never run as a formula by a spreadsheet


def test_the_cleanup_command_deletes_expired_requests_and_keeps_subscriptions(subscription):
    pending = Abonnent.objects.create(email="alt@example.org")
    Anmeldung.objects.create(
        abonnent=pending,
        listen=["aktuelles"],
        language="de",
        consent_text="…",
        created=timezone.now() - timedelta(hours=49),
    )
    out = io.StringIO()
    call_command("cleanup_subscriptions", stdout=out)
    assert "1 expired request" in out.getvalue()
    assert list(Abonnent.objects.values_list("email", flat=True)) == [ADDRESS]
