"""
Every Lotse parameter's invalid values give a form error tied to its field (or a 404 for a malformed page
number), never a 500, and whatever the visitor typed comes back escaped.
"""

from urllib.parse import quote

import pytest
from django.urls import reverse

from tests.html import parse
from tests.lotse.helpers import results

pytestmark = pytest.mark.django_db

MARKUP = "<script>alert('x')</script>"
SQL = "' OR 1=1; DROP TABLE landesnetzwerke_beratungsstelle; --"
LONG = "a" * 5000

# (parameter, value, field with the error); q is added where the parameter alone is not a search.
INVALID = [
    ("q", LONG, "q"),
    ("q", "1234", "q"),
    ("q", "123456", "q"),
    ("q", "a\x00b", "q"),
    ("umkreis", "33", "umkreis"),
    ("umkreis", "abc", "umkreis"),
    ("umkreis", MARKUP, "umkreis"),
    ("umkreis", "9" * 400, "umkreis"),
    ("thema", "nicht-da", "thema"),
    ("thema", MARKUP, "thema"),
    ("thema", SQL, "thema"),
    ("thema", LONG, "thema"),
    ("sprache", "xx", "sprache"),
    ("sprache", SQL, "sprache"),
    ("sprache", "de\x00", "sprache"),
    ("art", "boot", "art"),
    ("art", MARKUP, "art"),
    ("weg", "brieftaube", "weg"),
    ("weg", "", None),
    ("land", "XX", "land"),
    ("land", SQL, "land"),
    ("lat", "abc", "lat"),
    ("lat", "40.0", "lat"),
    ("lat", "nan", "lat"),
    ("lat", "inf", "lat"),
    ("lat", "1e400", "lat"),
    ("lat", "52.5" + "0" * 100, "lat"),
    ("lat", MARKUP, "lat"),
    ("lon", "200", "lon"),
    ("lon", "-13.4", "lon"),
]


def get(client, params):
    query = "&".join(f"{key}={quote(value)}" for key, value in params.items())
    return client.get(f"{reverse('lotse:search')}?{query}")


@pytest.mark.parametrize(("name", "value", "field"), INVALID)
def test_invalid_values_give_an_error_on_their_field(client, name, value, field):
    params = {"q": "10115"} if name not in ("q", "lat", "lon") else {}
    params[name] = value
    if name == "lat":
        params.setdefault("lon", "13.4")
    if name == "lon":
        params.setdefault("lat", "52.5")
    response = get(client, params)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "DROP TABLE landesnetzwerke_beratungsstelle; --</" not in body or "&#x27;" in body
    tree = parse(response)
    if field is None:
        assert not tree.xpath('//*[@class="error-summary"]')
        return
    control = tree.xpath(f'//main//*[@name="{field}"]')[0]
    assert control.get("aria-invalid") == "true"
    assert f"id_{field}_error" in control.get("aria-describedby").split()
    assert tree.xpath(f'//*[@id="id_{field}_error"]')
    summary_links = tree.xpath('//*[@id="error-summary"]//a/@href')
    assert f"#id_{field}" in summary_links
    assert tree.findtext(".//title").strip().startswith(("Fehler", "Error"))
    assert not tree.xpath("//*[@data-office-id]")


@pytest.mark.parametrize("value", [MARKUP, SQL, "\u202eevil", "%00", "Zzyzxqvwk"])
def test_unknown_places_come_back_escaped(client, value):
    response = get(client, {"q": value})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert" not in body
    if value == MARKUP:
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    tree = parse(response)
    assert tree.xpath('//input[@name="q"]/@aria-invalid') == ["true"]


def test_half_a_position_is_an_error(client):
    response = get(client, {"lat": "52.5"})
    control = parse(response).xpath('//*[@name="lon"]')[0]
    assert control.get("aria-invalid") == "true"


def test_submitting_without_a_place_asks_for_one(client):
    response = get(client, {"q": "", "thema": "anerkennung"})
    tree = parse(response)
    assert tree.xpath('//input[@name="q"]/@aria-invalid') == ["true"]
    # The start page (no parameters) shows no error.
    start = parse(client.get(reverse("lotse:search")))
    assert not start.xpath('//*[@id="error-summary"]') and not start.xpath('//*[@id="results"]')


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", "99999999999999999999", MARKUP, "\x00"])
def test_malformed_page_numbers_are_404(client, page):
    response = get(client, {"q": "10115", "page": page})
    assert response.status_code == 404


def test_page_beyond_the_last_is_the_last_page(client):
    response = get(client, {"q": "10115", "page": "500"})
    assert response.status_code == 200
    assert results(response)


@pytest.mark.parametrize(
    "query_string",
    [
        "q=10115&q=Berlin",
        "q[]=x",
        "q=%ff%fe",
        "q=" + "%C3" * 50,
        "lat=52.5&lon=13.4&q=" + quote(MARKUP),
        "umkreis=&thema=&sprache=&art=&weg=&land=&q=10115",
        "land=BE&page=2",
    ],
)
def test_odd_query_strings_never_fail(client, query_string):
    response = client.get(f"{reverse('lotse:search')}?{query_string}")
    assert response.status_code in (200, 404)


def test_office_page_for_missing_or_huge_ids_is_404(client):
    assert client.get("/de/lotse/stelle/999999999/").status_code == 404
    assert client.get("/de/lotse/stelle/99999999999999999999999/").status_code == 404
    assert client.get("/de/lotse/stelle/99999999999999999999999/vcard/").status_code == 404


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", "99999999999999999999", "\x00"])
def test_malformed_page_numbers_in_the_json_search_are_400_with_the_errors(client, page):
    response = client.get(reverse("lotse:search-json"), {"q": "10115", "page": page})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "page" in response.json()["errors"]


@pytest.mark.parametrize(("language", "label"), [("en", "up to 50 km"), ("de", "bis 50 km"), ("tr", "en fazla 50 km")])
def test_the_distance_choices_are_in_the_visitors_language(client, language, label):
    from lxml import html

    response = client.get(f"/{language}/lotse/?q=10115")
    doc = html.fromstring(response.content.decode())
    selected = doc.xpath("//select[@name='umkreis']/option[@selected]/text()")
    assert len(selected) == 1 and label in selected[0]
    if language == "en":
        assert "bis" not in " ".join(doc.xpath("//select[@name='umkreis']/option/text()"))


def test_the_topic_choices_follow_an_editors_rename(client):
    """The filter choices are cached per language until the directory changes."""
    from lxml import html

    from landesnetzwerke.models import Thema

    def topic_labels():
        doc = html.fromstring(client.get("/en/lotse/?q=10115").content.decode())
        return doc.xpath("//select[@name='thema']/option/text()")

    before = topic_labels()
    topic = Thema.objects.get(slug="anerkennung")
    topic.set_current_language("en")
    topic.name = "Recognition of qualifications (renamed)"
    topic.save()
    after = topic_labels()
    assert "Recognition of qualifications (renamed)" not in before
    assert "Recognition of qualifications (renamed)" in after


@pytest.mark.parametrize("value", [None, "", "10115", "Köln \"<b>\" & 'x'", 52.5])
@pytest.mark.parametrize(
    "attrs",
    [{"type": "search", "autocomplete": "postal-code"}, {"inputmode": "decimal", "required": True, "hidden": False}],
)
def test_the_text_inputs_have_the_markup_of_django_s_templates(value, attrs):
    from django import forms

    from landesnetzwerke.lotse.forms import LotseTextInput

    expected = forms.TextInput(attrs=dict(attrs)).render("q", value, attrs={"id": "id_q"})
    assert LotseTextInput(attrs=dict(attrs)).render("q", value, attrs={"id": "id_q"}) == expected
