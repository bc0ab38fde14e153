"""
The subscription by e-mail, as a person goes through it: the form → a mail with a signed link → the confirmation
(once, within 48 hours) → the consent stored with its time, text and language → the unsubscribe link of every mail,
which works without login, also much later. The answer never reveals whether an address is known; the form is
throttled, protected against cross-site requests and never answers 500.
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programme.subscriptions.models import Abonnement, Abonnent, Anmeldung
from programme.subscriptions.services import cleanup
from tests.html import parse, squeeze, text_of

pytestmark = pytest.mark.django_db

FORM = "/{language}/abonnement/"
ADDRESS = "lena.schmidt@example.org"
LINK = re.compile(r"https?://testserver(/\S+/abonnement/(bestaetigen|abmelden)/\S+/)")


def subscribe(client, email=ADDRESS, listen=("iq-konkret",), language="de", consent="on", **extra):
    data = {"email": email, "listen": list(listen), **extra}
    if consent:
        data["consent"] = consent
    return client.post(FORM.format(language=language), data)


def links(message):
    """The site's links in a mail, by kind: {"bestaetigen": path, "abmelden": path}."""
    return {kind: path for path, kind in LINK.findall(message.body)}


def heading(response):
    return text_of(parse(response), "//h1")[0]


def confirm(client, path):
    page = client.get(path)
    assert page.status_code == 200
    assert parse(page).xpath("//main//form[@method='post']//button")
    return client.post(path)


def test_the_whole_flow_from_the_form_to_unsubscribing(client):
    response = subscribe(client, listen=["iq-konkret", "aktuelles"])
    assert response.status_code == 302
    assert response["Location"] == "/de/abonnement/gesendet/"
    assert heading(client.get(response["Location"])) == "Bitte sehen Sie in Ihrem Postfach nach"
    assert not Abonnement.objects.exists()  # nothing before the confirmation

    (message,) = mail.outbox
    assert message.to == [ADDRESS]
    assert "48" in message.body
    found = links(message)
    assert set(found) == {"bestaetigen", "abmelden"}
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{found['abmelden']}>"

    before = timezone.now()
    response = confirm(client, found["bestaetigen"])
    assert response.status_code == 200
    assert heading(response) == "Danke: Ihr Abonnement ist bestätigt"
    subscriptions = {s.liste: s for s in Abonnement.objects.filter(abonnent__email=ADDRESS)}
    assert set(subscriptions) == {"iq-konkret", "aktuelles"}
    stored = subscriptions["iq-konkret"]
    assert stored.language == "de"
    assert stored.consent_text.startswith("Ich bin einverstanden, dass das Programm IQ meine E-Mail-Adresse speichert")
    assert stored.consented_at <= before <= stored.confirmed_at <= timezone.now()

    welcome = mail.outbox[1]
    assert links(welcome)["abmelden"] == found["abmelden"]  # the same link in every mail to this address
    assert "List-Unsubscribe" in welcome.extra_headers

    page = client.get(found["abmelden"])
    assert page.status_code == 200
    assert ADDRESS not in page.content.decode()  # the page shows the address only masked
    assert "l…@example.org" in squeeze(parse(page))
    response = client.post(found["abmelden"], {"listen": ["iq-konkret"]})
    assert heading(response) == "Sie haben sich abgemeldet"
    assert list(Abonnement.objects.filter(abonnent__email=ADDRESS).values_list("liste", flat=True)) == ["aktuelles"]
    # The page offers what is still received.
    assert parse(response).xpath("//input[@name='listen']/@value") == ["aktuelles"]
    response = client.post(found["abmelden"], {"listen": ["aktuelles"]})
    assert not Abonnent.objects.filter(email=ADDRESS).exists()  # nothing kept that is no longer needed
    assert "Wir haben Ihre E-Mail-Adresse gelöscht." in squeeze(parse(response))


def test_the_consent_is_stored_in_the_visitors_language_with_the_text_shown(client):
    form = parse(client.get(FORM.format(language="uk")))
    shown = squeeze(form.xpath("//label[@for='id_consent']")[0])
    subscribe(client, language="uk")
    (message,) = mail.outbox
    assert "/uk/abonnement/bestaetigen/" in links(message)["bestaetigen"]
    confirm(Client(), links(message)["bestaetigen"])
    stored = Abonnement.objects.get(abonnent__email=ADDRESS)
    assert stored.language == "uk"
    assert stored.consent_text == shown


def test_the_unsubscribe_link_works_much_later_without_login(client):
    subscribe(client)
    confirm(client, links(mail.outbox[0])["bestaetigen"])
    unsubscribe = links(mail.outbox[1])["abmelden"]
    # Years later, after every cleanup, in another browser (a forwarded mail).
    cleanup(now=timezone.now() + timedelta(days=3 * 365))
    stranger = Client()
    assert stranger.get(unsubscribe).status_code == 200
    stranger.post(unsubscribe, {"listen": ["iq-konkret"]})
    assert not Abonnement.objects.exists()
    # The link once more: a clear answer, no error.
    response = stranger.get(unsubscribe)
    assert response.status_code == 200
    assert heading(response) == "Kein Abonnement gefunden"


def test_an_expired_link_is_refused_with_a_clear_message(client):
    subscribe(client)
    Anmeldung.objects.update(created=timezone.now() - timedelta(hours=49))
    path = links(mail.outbox[0])["bestaetigen"]
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 410
        assert heading(response) == "Dieser Link ist abgelaufen"
        assert "48 Stunden" in squeeze(parse(response))
    assert not Abonnement.objects.exists()


def test_a_link_within_48_hours_still_works(client):
    subscribe(client)
    Anmeldung.objects.update(created=timezone.now() - timedelta(hours=47))
    confirm(client, links(mail.outbox[0])["bestaetigen"])
    assert Abonnement.objects.count() == 1


def test_a_link_works_once(client):
    subscribe(client)
    path = links(mail.outbox[0])["bestaetigen"]
    confirm(client, path)
    first = Abonnement.objects.get()
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 200
        assert heading(response) == "Ihr Abonnement ist bereits bestätigt"
    assert Abonnement.objects.get().confirmed_at == first.confirmed_at
    assert len(mail.outbox) == 2  # one welcome mail, not two


@pytest.mark.parametrize("change", ["x", "cut", "other-id"])
def test_a_tampered_link_is_refused(client, change):
    subscribe(client)
    path = links(mail.outbox[0])["bestaetigen"]
    token = path.rstrip("/").rsplit("/", 1)[1]
    if change == "x":
        tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    elif change == "cut":
        tampered = token[: len(token) // 2]
    else:
        # Another request's id with this request's signature.
        value, _colon, signature = token.partition(":")
        tampered = "MTIzNDU2Nzg:" + signature
    response = client.post(path.replace(token, tampered))
    assert response.status_code == 400
    assert heading(response) == "Dieser Link ist ungültig"
    assert not Abonnement.objects.exists()


def test_the_answer_is_the_same_whether_the_address_is_known_or_not(client):
    subscribe(client)
    confirm(client, links(mail.outbox[0])["bestaetigen"])
    known = subscribe(Client(), email=ADDRESS)
    unknown = subscribe(Client(), email="neu@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    page_known, page_unknown = Client().get(known["Location"]), Client().get(unknown["Location"])
    assert page_known.content == page_unknown.content
    # Both get a confirmation mail; the known address's subscription is unchanged until confirmed again.
    assert [m.to for m in mail.outbox[2:]] == [[ADDRESS], ["neu@example.org"]]


def test_the_form_is_throttled_per_client_address(client, settings):
    settings.SUBSCRIPTION_REQUESTS_PER_IP = 3
    for number in range(3):
        assert subscribe(client, email=f"person{number}@example.org").status_code == 302
    response = subscribe(client, email="person9@example.org")
    assert response.status_code == 429
    assert "zu viele Anfragen" in squeeze(parse(response))
    assert len(mail.outbox) == 3
    # Another client address is not affected.
    assert subscribe(Client(REMOTE_ADDR="192.0.2.7"), email="person9@example.org").status_code == 302


def test_the_form_sends_an_address_only_a_few_mails_an_hour_but_answers_the_same(client, settings):
    settings.SUBSCRIPTION_REQUESTS_PER_ADDRESS = 2
    responses = [subscribe(Client(REMOTE_ADDR=f"192.0.2.{n}"), email="Ziel@Example.org") for n in range(1, 5)]
    assert {response.status_code for response in responses} == {302}
    assert {response["Location"] for response in responses} == {"/de/abonnement/gesendet/"}
    assert len(mail.outbox) == 2


def test_the_form_needs_a_csrf_token():
    csrf_client = Client(enforce_csrf_checks=True)
    response = subscribe(csrf_client)
    assert response.status_code == 403
    assert not Anmeldung.objects.exists()
    page = csrf_client.get(FORM.format(language="de"))
    token = parse(page).xpath("//input[@name='csrfmiddlewaretoken']/@value")[0]
    assert subscribe(csrf_client, csrfmiddlewaretoken=token).status_code == 302


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "", "listen": ["aktuelles"], "consent": "on"}, "email", "Bitte geben Sie Ihre E-Mail-Adresse ein."),
        ({"email": "nicht-gueltig", "listen": ["aktuelles"], "consent": "on"}, "email", "name@example.org"),
        ({"email": ADDRESS, "consent": "on"}, "listen", "Bitte wählen Sie mindestens eine"),
        ({"email": ADDRESS, "listen": ["zeitung"], "consent": "on"}, "listen", "Bitte wählen Sie aus"),
        ({"email": ADDRESS, "listen": ["aktuelles"]}, "consent", "Bitte stimmen Sie zu"),
    ],
)
def test_errors_are_tied_to_their_fields(client, data, field, message):
    response = client.post(FORM.format(language="de"), data)
    assert response.status_code == 400
    tree = parse(response)
    error = tree.xpath(f"//*[@id='id_{field}_error']")
    assert error and message in squeeze(error[0])
    described = tree.xpath(f"//*[contains(concat(' ', @aria-describedby, ' '), ' id_{field}_error ')]")
    assert described, "the field (or its fieldset) names its error"
    assert tree.xpath("//*[@id='error-summary']//a/@href")
    assert not mail.outbox


def test_a_mail_server_that_fails_gives_a_friendly_answer(client, settings):
    settings.EMAIL_BACKEND = "tests.programme.subscriptions.failing_mail.FailingBackend"
    response = subscribe(client)
    assert response.status_code == 503
    assert "konnten die E-Mail gerade nicht senden" in squeeze(parse(response))


def test_the_form_preselects_the_list_of_the_link_that_led_to_it(client):
    tree = parse(client.get("/de/abonnement/?liste=iq-konkret&liste=unbekannt"))
    assert tree.xpath("//input[@name='listen'][@checked]/@value") == ["iq-konkret"]


def test_the_cleanup_deletes_unconfirmed_requests_after_48_hours(client):
    subscribe(client, email="alt@example.org")
    subscribe(client, email="neu@example.org")
    Anmeldung.objects.filter(abonnent__email="alt@example.org").update(created=timezone.now() - timedelta(hours=49))
    assert cleanup() == (1, 1)
    assert list(Abonnent.objects.values_list("email", flat=True)) == ["neu@example.org"]


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    email=st.text(max_size=300),
    listen=st.lists(st.text(max_size=30), max_size=4),
    consent=st.sampled_from(["", "on", "0", "\x00", "ja"]),
    token=st.text(min_size=1, max_size=200).filter(lambda text: "/" not in text and "\x00" not in text),
)
def test_no_input_gives_a_server_error(client, email, listen, consent, token):
    for language in ("de", "ar"):
        assert subscribe(client, email=email, listen=listen, language=language, consent=consent).status_code < 500
    from urllib.parse import quote

    for kind in ("bestaetigen", "abmelden"):
        path = f"/de/abonnement/{kind}/{quote(token, safe='')}/"
        assert client.get(path).status_code < 500
        assert client.post(path, {"listen": listen}).status_code < 500
