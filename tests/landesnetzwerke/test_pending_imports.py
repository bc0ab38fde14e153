"""
Pending imports: the uploaded file waits for its confirmation in the database, so a full export imports again
with local memory (which evicts after 300 entries), with Redis, and with Redis refusing connections; it is
confirmed exactly once, only by the editor who uploaded it, and not after it expired.
"""

import datetime
import io
import socket
import uuid

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from landesnetzwerke.import_storage import PendingImportStorage, resource_key
from landesnetzwerke.models import Beratungsstelle, PendingImport
from landesnetzwerke.models.imports import ClaimRefusal, ClaimRefused
from landesnetzwerke.resources import BeratungsstelleResource
from tests.html import page_text

from .test_import_export import EXPORT, IMPORT, PROCESS, as_csv, exported_rows, new_office_row

pytestmark = pytest.mark.django_db

RESOURCE = resource_key(BeratungsstelleResource)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_available():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def redis_cache(port):
    return {
        "default": {
            "BACKEND": "iqportal.cache_backends.FailFastRedisCache",  # as in production: Redis down means misses
            "LOCATION": f"redis://127.0.0.1:{port}/13",
            "KEY_PREFIX": f"test-imports-{uuid.uuid4().hex}",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }


@pytest.fixture(params=["local memory", "redis", "redis refusing connections"])
def any_cache(request, settings):
    """The caches an app host may run with: the default (local memory, 300 entries), Redis, and Redis down."""
    if request.param == "local memory":
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "x"}}
    elif request.param == "redis":
        if not redis_available():
            pytest.skip("Redis is not reachable on 127.0.0.1:6379")
        settings.CACHES = redis_cache(6379)
    else:
        settings.CACHES = redis_cache(free_port())  # nothing listens there: every connection is refused
    return request.param


def exported_csv(client):
    page = client.get(reverse(EXPORT))
    data = {"format": "0", "resource": "0"}
    data.update({name: "on" for name in page.context["form"].fields if name.startswith("beratungsstelleresource_")})
    response = client.post(reverse(EXPORT), data)
    assert response.status_code == 200
    return response.content.decode("utf-8-sig")


def upload(text, name="offices.csv"):
    file = io.BytesIO(text.encode("utf-8"))
    file.name = name
    return file


def preview(client, text):
    response = client.post(reverse(IMPORT), {"format": "0", "resource": "0", "import_file": upload(text)})
    assert response.status_code == 200
    return response


def confirm_data(preview_response):
    form = preview_response.context.get("confirm_form")
    assert form is not None, page_text(preview_response)[:3000]
    return {name: form[name].value() for name in form.fields}


def messages_of(response):
    return [(message.level_tag, str(message)) for message in response.context["messages"]]


def new_office_csv(office, source_id):
    template = exported_rows(Beratungsstelle.objects.filter(pk=office.pk))[0]
    return as_csv([new_office_row(template, source_id=source_id)]).getvalue().decode()


@pytest.mark.parametrize("change", ["unchanged", "one e-mail changed"])
def test_the_full_export_imports_again_once_whatever_the_cache(central_client, any_cache, change):
    text = exported_csv(central_client)
    office = Beratungsstelle.objects.order_by("pk").first()
    versions = dict(Beratungsstelle.objects.values_list("pk", "version"))
    if change == "one e-mail changed":
        assert office.email and text.count(office.email) == 1
        text = text.replace(office.email, "neu.importiert@example.org")
    updated = 1 if change == "one e-mail changed" else 0

    response = preview(central_client, text)
    assert "TypeError" not in page_text(response)
    data = confirm_data(response)
    done = central_client.post(reverse(PROCESS), data, follow=True)
    again = central_client.post(reverse(PROCESS), data, follow=True)  # the back button, or a double click

    assert done.status_code == again.status_code == 200
    assert (
        "success",
        f"Import abgeschlossen: 0 neu, {updated} aktualisiert, 0 gelöscht, {174 - updated} unverändert.",
    ) in (messages_of(done))
    [(level, message)] = messages_of(again)
    assert level == "error" and message.startswith("Dieser Import wurde bereits bestätigt (um ")
    office.refresh_from_db()
    assert (office.email == "neu.importiert@example.org") == bool(updated)
    versions[office.pk] += updated
    assert dict(Beratungsstelle.objects.values_list("pk", "version")) == versions  # imported once


def test_a_file_of_ten_thousand_rows_waits_intact_whatever_the_cache(any_cache, ni_editor, ni_office):
    template = exported_rows(Beratungsstelle.objects.filter(pk=ni_office.pk))[0]
    rows = [new_office_row(template, source_id=f"gross-{number}", name=f"Stelle {number}") for number in range(10_000)]
    data = as_csv(rows).getvalue()
    assert len(data) > 5_000_000

    storage = PendingImportStorage(encoding="utf-8-sig", read_mode="r")
    storage.save(data)
    assert PendingImport.objects.hand_to(storage.name, ni_editor, RESOURCE, "gross.csv", "csv")
    claimed = PendingImport.objects.claim(storage.name, owner=ni_editor, resource=RESOURCE, file_format="csv")

    assert bytes(claimed.data) == data
    with pytest.raises(ClaimRefused) as refused:
        PendingImport.objects.claim(storage.name, owner=ni_editor, resource=RESOURCE, file_format="csv")
    assert refused.value.reason is ClaimRefusal.CONFIRMED


def test_only_the_editor_who_uploaded_the_file_can_confirm_it(ni_client, central_client, ni_office):
    response = preview(ni_client, new_office_csv(ni_office, "fremd-1"))
    data = confirm_data(response)

    foreign = central_client.post(reverse(PROCESS), data, follow=True)
    assert foreign.redirect_chain[-1][0] == reverse(IMPORT)
    assert messages_of(foreign) == [
        (
            "error",
            "Dieser Import kann nicht bestätigt werden: Für Sie wartet keine Vorschau dieses Imports. Es wurde "
            "nichts importiert. Bitte laden Sie die Datei erneut hoch.",
        )
    ]
    assert not Beratungsstelle.objects.filter(source_id="fremd-1").exists()

    own = ni_client.post(reverse(PROCESS), data, follow=True)  # the foreign attempt did not use it up
    assert ("success", "Import abgeschlossen: 1 neu, 0 aktualisiert, 0 gelöscht, 0 unverändert.") in messages_of(own)
    assert Beratungsstelle.objects.filter(source_id="fremd-1").count() == 1


@pytest.mark.parametrize(
    "changes",
    [{"format": "1"}, {"resource": "7"}, {"resource": "-1"}, {"format": ""}, {"import_file_name": "x" * 500}],
)
def test_a_confirmation_with_forged_fields_explains_and_saves_nothing(ni_client, ni_office, changes):
    response = preview(ni_client, new_office_csv(ni_office, "gefaelscht-1"))
    data = {**confirm_data(response), **changes}

    refused = ni_client.post(reverse(PROCESS), data, follow=True)

    assert refused.status_code == 200 and refused.redirect_chain[-1][0] == reverse(IMPORT)
    assert "Dieser Import kann nicht bestätigt werden" in page_text(refused)
    assert not Beratungsstelle.objects.filter(source_id="gefaelscht-1").exists()


def test_an_expired_preview_is_refused_and_deleted(ni_client, ni_office):
    response = preview(ni_client, new_office_csv(ni_office, "abgelaufen-1"))
    data = confirm_data(response)
    PendingImport.objects.update(expires=timezone.now() - datetime.timedelta(seconds=1))

    refused = ni_client.post(reverse(PROCESS), data, follow=True)

    assert messages_of(refused) == [
        (
            "error",
            "Die Vorschau dieses Imports ist abgelaufen: Eine Vorschau wartet 6 Stunden auf ihre Bestätigung. Es "
            "wurde nichts importiert. Bitte laden Sie die Datei erneut hoch.",
        )
    ]
    assert not Beratungsstelle.objects.filter(source_id="abgelaufen-1").exists()
    assert not PendingImport.objects.exists()


def test_a_preview_waits_six_hours_and_only_a_confirmable_one_is_kept(ni_client, ni_office):
    before = timezone.now()
    preview(ni_client, new_office_csv(ni_office, "wartet-1"))
    [pending] = PendingImport.objects.all()
    assert pending.owner.username == "redaktion-ni" and pending.original_name == "offices.csv"
    assert pending.resource == RESOURCE and pending.file_format == "csv" and pending.claimed_at is None
    assert before + datetime.timedelta(hours=6) <= pending.expires <= timezone.now() + datetime.timedelta(hours=6)

    broken = new_office_csv(ni_office, "kaputt-1").replace("29221", "2922X")
    response = preview(ni_client, broken)
    assert response.context.get("confirm_form") is None
    assert list(PendingImport.objects.values_list("pk", flat=True)) == [pending.pk]  # the broken file is not kept


def test_expired_files_are_cleaned_up_by_the_command_and_by_the_next_upload(ni_client, ni_editor, ni_office):
    old = PendingImport.objects.stage(b"id\n1\n", datetime.timedelta(hours=6))
    fresh = PendingImport.objects.stage(b"id\n2\n", datetime.timedelta(hours=6))
    PendingImport.objects.filter(pk=old.pk).update(expires=timezone.now() - datetime.timedelta(minutes=1))

    out = io.StringIO()
    call_command("clear_pending_imports", stdout=out)

    assert "1 expired import file(s) deleted." in out.getvalue()
    assert list(PendingImport.objects.values_list("pk", flat=True)) == [fresh.pk]

    PendingImport.objects.filter(pk=fresh.pk).update(expires=timezone.now() - datetime.timedelta(minutes=1))
    preview(ni_client, new_office_csv(ni_office, "neu-1"))
    assert not PendingImport.objects.filter(pk=fresh.pk).exists()


def test_two_app_hosts_confirming_the_same_preview_import_it_once(ni_editor, ni_office):
    """Two sessions of the same editor (e.g. two tabs behind a load balancer): one import, one message."""
    from tests.factories import client_for

    first_host, second_host = client_for(ni_editor), client_for(ni_editor)
    data = confirm_data(preview(first_host, new_office_csv(ni_office, "zwei-hosts-1")))

    responses = [host.post(reverse(PROCESS), data, follow=True) for host in (second_host, first_host)]

    assert ("success", "Import abgeschlossen: 1 neu, 0 aktualisiert, 0 gelöscht, 0 unverändert.") in messages_of(
        responses[0]
    )
    assert "Dieser Import wurde bereits bestätigt" in page_text(responses[1])
    assert Beratungsstelle.objects.filter(source_id="zwei-hosts-1").count() == 1
