"""
Imports confirmed at the same moment never lose an update: the confirmation locks the rows it changes and
compares their versions inside its transaction. Real concurrency needs PostgreSQL (row locks between
connections): each thread has its own database connection, and a barrier starts the confirmations together.

The tests are transactional (the threads must see each other's commits), so they build their own data: the
database is emptied after each of them (pytest-django runs them after all other database tests).
"""

import threading
import uuid

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import connection
from django.urls import reverse

from landesnetzwerke.demo_data.loader import CENTRAL_GROUP, load_groups_and_networks
from landesnetzwerke.models import Beratungsstelle
from tests.factories import client_for, make_editor, make_office
from tests.html import page_text, parse, squeeze

from .test_import_export import PROCESS, as_csv, exported_rows, preview

pytestmark = [pytest.mark.postgres_database, pytest.mark.django_db(transaction=True)]

UPDATED_ONE = "Import abgeschlossen: 0 neu, 1 aktualisiert, 0 gelöscht, 0 unverändert."


@pytest.fixture(name="office")
def fixture_office():
    load_groups_and_networks()
    return make_office(latitude=52.52, longitude=13.40, name="Beratung Mitte", phone="030 1000")


def editors(django_user_model, number):
    run = uuid.uuid4().hex[:8]
    return [make_editor(django_user_model, f"zentrale-{run}-{index}", CENTRAL_GROUP) for index in range(number)]


def prepared_confirmation(client, office, phone):
    """The editor's preview of the office's exported row with another phone number: the confirm form's data."""
    row = exported_rows(Beratungsstelle.objects.filter(pk=office.pk))[0]
    response = preview(client, as_csv([{**row, "phone": phone}]))
    form = response.context["confirm_form"]
    assert form is not None, page_text(response)[:2000]
    return {name: form[name].value() for name in form.fields}


def messages_in_page(response):
    """(level, text) of the messages the page shows. Read from the HTML: the test client's response.context
    collects the templates rendered by every thread at that moment."""
    return [
        (item.get("class", "").split()[0], squeeze(item))
        for item in parse(response).xpath('//ul[@class="messagelist"]/li')
    ]


def confirm_together(jobs):
    """Post every (client, data) at the same moment, each from its own thread and database connection."""
    barrier = threading.Barrier(len(jobs))
    url = reverse(PROCESS)
    results = [None] * len(jobs)
    failures = []

    def run(index, client, data):
        try:
            barrier.wait(timeout=60)
            response = client.post(url, data, follow=True)
            results[index] = messages_in_page(response)
        except Exception as error:  # noqa: BLE001 - reported to the test below
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, *job)) for index, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not failures, failures
    assert all(result is not None for result in results)
    return results


def assert_one_winner(results, office, phones, version_before, history_before):
    winners = [index for index, messages in enumerate(results) if ("success", UPDATED_ONE) in messages]
    assert len(winners) == 1, results
    [winner] = winners
    for index, messages in enumerate(results):
        if index == winner:
            continue
        assert ("success", UPDATED_ONE) not in messages
        texts = " ".join(text for level, text in messages if level == "error")
        assert "Es wurde nichts importiert: Zeile 1 enthält Fehler" in texts
        assert (
            f"Zeile 1, „{office.name}“, wurde abgelehnt: Sie beruht auf Version {version_before}, aber eine andere "
            f"Redakteurin oder ein anderer Redakteur hat seit Ihrem Export Version {version_before + 1} gespeichert."
        ) in texts
    office.refresh_from_db()
    assert office.version == version_before + 1
    assert office.phone == phones[winner]  # the number the successful editor imported
    history = LogEntry.objects.filter(object_id=str(office.pk), action_flag=CHANGE).count()
    assert history == history_before + 1


def test_twenty_editors_confirming_the_same_office_at_once_lose_no_update(django_user_model, office):
    version = office.version
    jobs = []
    phones = [f"030 2000 {index:02d}" for index in range(20)]
    for editor, phone in zip(editors(django_user_model, 20), phones, strict=True):
        client = client_for(editor)
        jobs.append((client, prepared_confirmation(client, office, phone)))

    results = confirm_together(jobs)

    assert_one_winner(results, office, phones, version, history_before=0)


def test_two_editors_confirming_at_once_lose_no_update_run_after_run(django_user_model, office):
    clients = [client_for(editor) for editor in editors(django_user_model, 2)]
    for run in range(3):
        office.refresh_from_db()
        version = office.version
        history = LogEntry.objects.filter(object_id=str(office.pk), action_flag=CHANGE).count()
        phones = [f"030 3000 {run}{index}" for index in range(2)]
        jobs = [
            (client, prepared_confirmation(client, office, phone))
            for client, phone in zip(clients, phones, strict=True)
        ]

        results = confirm_together(jobs)

        assert_one_winner(results, office, phones, version, history)


def test_a_double_click_on_confirm_imports_once(django_user_model, office):
    [editor] = editors(django_user_model, 1)
    first_tab, second_tab = client_for(editor), client_for(editor)
    data = prepared_confirmation(first_tab, office, "030 4000")
    version = office.version

    results = confirm_together([(first_tab, data), (second_tab, data)])

    assert sorted(level for messages in results for level, _text in messages if level in ("success", "error")) == [
        "error",
        "success",
    ]
    refused = next(text for messages in results for level, text in messages if level == "error")
    assert refused.startswith("Dieser Import wurde bereits bestätigt")
    office.refresh_from_db()
    assert (office.phone, office.version) == ("030 4000", version + 1)
    assert LogEntry.objects.filter(object_id=str(office.pk), action_flag=CHANGE).count() == 1
