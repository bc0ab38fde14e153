"""Issue 7: the employer contact finder is the Lotse with thema=arbeitgeber, reached from the employer page."""

import pytest
from lxml import html

from landesnetzwerke.models import Beratungsstelle, Postleitzahl
from tests.factories import haversine

pytestmark = pytest.mark.django_db


def nearest_employer_contact(plz):
    """The nearest published fixed office with the employer topic, computed here without the app's code."""
    origin = Postleitzahl.objects.get(code=plz)
    offices = Beratungsstelle.objects.filter(published=True, kind="fest", topics__slug="arbeitgeber").distinct()
    assert offices.exists(), "the demo data must have employer contacts"
    return min(offices, key=lambda o: haversine(origin.latitude, origin.longitude, o.latitude, o.longitude))


@pytest.mark.parametrize("plz", ["10115", "80331", "20095", "01067", "66111", "24103"])
def test_contact_finder_returns_the_nearest_employer_contact(client, plz):
    response = client.get("/de/lotse/", {"thema": "arbeitgeber", "q": plz})
    assert response.status_code == 200
    doc = html.fromstring(response.content)
    hits = doc.xpath('//*[@id="results"]//*[@data-kind="fest"][@data-office-id]')
    assert hits, "no employer contact listed"
    expected = nearest_employer_contact(plz)
    assert hits[0].get("data-office-id") == str(expected.pk)
    shown_ids = {int(hit.get("data-office-id")) for hit in hits}
    employer_ids = set(
        Beratungsstelle.objects.filter(pk__in=shown_ids, topics__slug="arbeitgeber").values_list("pk", flat=True)
    )
    assert shown_ids == employer_ids, "the topic filter let through offices without employer counselling"


@pytest.mark.parametrize("language", ["de", "en"])
def test_employer_page_offers_a_form_that_leads_to_the_contact_finder(client, language):
    doc = html.fromstring(client.get(f"/{language}/arbeitgeber/").content)
    forms = [f for f in doc.xpath("//form") if f.xpath('.//input[@name="thema"][@value="arbeitgeber"]')]
    assert forms, "the employer page has no form with thema=arbeitgeber"
    form = forms[0]
    assert form.get("action") == f"/{language}/lotse/"
    assert (form.get("method") or "get").lower() == "get"
    assert form.xpath('.//input[@name="q"]'), "the form has no field for the postcode"
    label_for = form.xpath('.//input[@name="q"]/@id')[0]
    assert form.xpath(f'.//label[@for="{label_for}"]'), "the postcode field has no label"
