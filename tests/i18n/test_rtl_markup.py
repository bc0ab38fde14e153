"""
Right-to-left markup (README, "Languages"): on office pages, Lotse results, network and Fachstelle pages, data
of unknown direction (names, "PLZ Ort") sits in one <bdi> per line, phone numbers and e-mail addresses carry
dir="ltr", numbers in a sentence <span class="ltr">; text in a fallback language carries that language's lang
and dir; lists use the visitor's list separator (Arabic and Persian "،").
"""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from fachstellen.models import Fachstelle
from iqportal.templatetags.bidi_tags import list_separator_for
from landesnetzwerke.models import Landesnetzwerk, Sprache, Thema
from tests.factories import make_consultation_day, make_office
from tests.html import get_tree, squeeze

pytestmark = pytest.mark.django_db

ARABIC_COMMA = "، "


def outside_bdi(element):
    """The element's text without the data isolated in <bdi> (which keeps its own punctuation)."""
    return " ".join("".join(element.xpath(".//text()[not(ancestor::bdi)]")).split())


def in_language(url, language):
    return f"/{language}/" + url.split("/", 2)[2]


@pytest.fixture
def office():
    """A fixed office near Potsdam whose texts exist in German only (no English, no Arabic)."""
    languages = [
        Sprache.objects.get_or_create(code=code, defaults={"name_en": name})[0]
        for code, name in (("de", "German"), ("en", "English"), ("ar", "Arabic"))
    ]
    office = make_office(
        latitude=52.3989,
        longitude=13.0657,
        bundesland="BB",
        name="Beratungsstelle Potsdam-Mitte",
        traeger="Musterträger Bildung Potsdam e. V.",
        street="Musterstraße 59",
        plz="14467",
        city="Potsdam",
        phone="0331 123456",
        email="potsdam@example.org",
        languages=languages,
        topics=[Thema.objects.get(slug="anerkennung")],
        in_person=True,
        by_phone=True,
        by_video=False,
        by_email=False,
    )
    office.set_current_language("de")
    office.description = "Beratung zur Anerkennung."
    office.directions = "Straßenbahn bis Platz der Einheit."
    office.accessibility = "Aufzug im Hof."
    office.save()
    office.opening_hours.create(weekday=1, opens=datetime.time(9), closes=datetime.time(12))
    office.opening_hours.create(weekday=1, opens=datetime.time(13), closes=datetime.time(16))
    return office


def test_office_page_isolates_names_and_address_lines(client, office):
    tree = get_tree(client, in_language(office.get_absolute_url(), "ar"))
    assert [squeeze(node) for node in tree.xpath("//h1/bdi")] == ["Beratungsstelle Potsdam-Mitte"]
    assert tree.xpath('//p[contains(@class, "lotse-kind")]/bdi/text()') == ["Musterträger Bildung Potsdam e. V."]
    # One <bdi> per address line: the postcode stays before the city, the period after "e. V.".
    assert tree.xpath("//address/bdi/text()") == [
        "Musterträger Bildung Potsdam e. V.",
        "Musterstraße 59",
        "14467 Potsdam",
    ]
    assert not [text for text in tree.xpath("//address/text()") if text.strip()], "address text outside a <bdi>"
    assert tree.xpath('//a[starts-with(@href, "tel:")]/@dir') == ["ltr"]
    assert tree.xpath('//a[starts-with(@href, "mailto:")]/@dir') == ["ltr"]
    assert tree.xpath('//section[@aria-labelledby="office-network"]//bdi/text()') == [office.landesnetzwerk.name]


def test_office_page_marks_text_in_a_fallback_language(client, office):
    tree = get_tree(client, in_language(office.get_absolute_url(), "ar"))
    for css_class, text in (
        ("lotse-description", "Beratung zur Anerkennung."),
        ("lotse-directions", "Straßenbahn bis Platz der Einheit."),
        ("lotse-accessibility", "Aufzug im Hof."),
    ):
        (block,) = tree.xpath(f'//div[contains(@class, "{css_class}")]')
        assert (block.get("lang"), block.get("dir")) == ("de", "ltr"), css_class
        assert squeeze(block) == text
    # In German nothing is a fallback: no lang of its own.
    tree = get_tree(client, in_language(office.get_absolute_url(), "de"))
    assert tree.xpath('//div[contains(@class, "lotse-description")]/@lang') == []


def test_office_page_marks_a_topic_name_in_a_fallback_language(client, office):
    topic = Thema.objects.get(slug="anerkennung")
    if "ar" in topic.get_available_languages():
        topic.delete_translation("ar")
    tree = get_tree(client, in_language(office.get_absolute_url(), "ar"))
    topics = tree.xpath('//section[@aria-labelledby="office-counselling"]/h3[1]/following-sibling::ul[1]/li')
    assert len(topics) == 1
    (fallback,) = topics[0].xpath("./span")
    assert fallback.get("lang") in {"en", "de"} and fallback.get("dir") == "ltr"
    assert fallback.text == topic.safe_translation_getter("name", language_code=fallback.get("lang"))


def test_office_page_lists_use_the_visitors_separator(client, office):
    hours = get_tree(client, in_language(office.get_absolute_url(), "ar")).xpath(
        '//table[contains(@class, "lotse-table")]//td'
    )
    assert ARABIC_COMMA in squeeze(hours[0])
    hours = get_tree(client, in_language(office.get_absolute_url(), "en")).xpath(
        '//table[contains(@class, "lotse-table")]//td'
    )
    assert ARABIC_COMMA not in squeeze(hours[0]) and ", " in squeeze(hours[0])


def test_mobile_office_page_isolates_places_and_numbers(client):
    mobile = make_office(
        kind="mobil",
        latitude=52.1,
        longitude=13.2,
        bundesland="BB",
        city="Luckenwalde",
        service_radius_km=35,
        service_plz_prefixes="14, 15",
    )
    make_consultation_day(mobile, datetime.date.today() + datetime.timedelta(days=3), place="Rathaus Jüterbog")
    tree = get_tree(client, in_language(mobile.get_absolute_url(), "ar"))
    section = tree.xpath('//section[@aria-labelledby="office-address"]')[0]
    assert section.xpath(".//p//bdi/text()") == ["Luckenwalde"]
    assert section.xpath('.//p//span[@class="ltr"]/text()') == ["35", "14", "15"]
    assert ARABIC_COMMA.strip() in squeeze(section.xpath(".//p")[0])
    assert section.xpath(".//td/bdi/text()") == ["Rathaus Jüterbog", "Markt 1"]


def test_result_items_isolate_names_and_addresses(client, office):
    tree = get_tree(client, "/ar/lotse/?q=14467")
    (item,) = tree.xpath(f'//*[@id="results"]//li[@data-office-id="{office.pk}"]')
    assert item.xpath(".//h4//a/bdi/text()") == ["Beratungsstelle Potsdam-Mitte"]
    assert item.xpath('.//p[contains(@class, "lotse-address")]/bdi/text()') == ["Musterstraße 59, 14467 Potsdam"]
    assert item.xpath('.//p[contains(@class, "lotse-distance")]/span[@class="ltr"]')
    assert item.xpath('.//a[starts-with(@href, "tel:")]/@dir') == ["ltr"]
    assert item.xpath('.//a[starts-with(@href, "mailto:")]/@dir') == ["ltr"]
    languages = squeeze(item.xpath('.//p[contains(@class, "lotse-languages")]')[0])
    ways = squeeze(item.xpath('.//p[contains(@class, "lotse-ways")]')[0])
    assert languages.count("،") == 2 and "," not in languages
    assert ways.count("،") == 1 and "," not in ways


def test_result_items_in_english_keep_the_comma(client, office):
    tree = get_tree(client, "/en/lotse/?q=14467")
    (item,) = tree.xpath(f'//*[@id="results"]//li[@data-office-id="{office.pk}"]')
    assert squeeze(item.xpath('.//p[contains(@class, "lotse-languages")]')[0]) == "Languages: Arabic, English, German"
    assert squeeze(item.xpath('.//p[contains(@class, "lotse-ways")]')[0]) == "Counselling: in person, by phone"


def test_network_page_isolates_names_and_address(client):
    network = Landesnetzwerk.objects.get(bundesland="BB")
    tree = get_tree(client, in_language(network.get_absolute_url(), "ar"))
    assert [squeeze(node) for node in tree.xpath("//h1/bdi")] == [network.name]
    assert tree.xpath('//nav[contains(@class, "breadcrumbs")]//*[@aria-current="page"]/bdi/text()') == [network.name]
    if network.street or network.city:
        address = tree.xpath('//dl[contains(@class, "facts")]/dd[bdi[contains(., "' + network.city + '")]]')
        assert address, "the network's address is not in a <bdi>"
    for link in tree.xpath(
        '//dl[contains(@class, "facts")]//a[starts-with(@href, "tel:") or starts-with(@href, "mailto:")]'
    ):
        assert link.get("dir") == "ltr"
    items = tree.xpath('//li[contains(@class, "office-item")]')
    assert items
    for item in items:
        assert item.xpath('.//*[contains(@class, "office-name")]//bdi')
        latin = [outside_bdi(p) for p in item.xpath("./p") if "," in outside_bdi(p)]
        assert not latin, f"Latin comma in an Arabic list: {latin}"
    network_list = get_tree(client, "/ar/landesnetzwerke/")
    assert network_list.xpath('//li[@data-network="BB"]//h2/a/bdi/text()') == [network.name]


def test_fachstelle_pages_isolate_names(client):
    fachstelle = Fachstelle.objects.exclude(organisation="").first() or Fachstelle.objects.first()
    tree = get_tree(client, in_language(fachstelle.get_absolute_url(), "fa"))
    assert [squeeze(node) for node in tree.xpath("//h1/bdi")] == [fachstelle.name]
    if fachstelle.organisation:
        assert tree.xpath('//dl[contains(@class, "facts")]/dd/bdi/text()')[0] == fachstelle.organisation
    for link in tree.xpath('//a[starts-with(@href, "tel:") or starts-with(@href, "mailto:")]'):
        assert link.get("dir") == "ltr"
    listing = get_tree(client, "/fa/fachstellen/")
    assert fachstelle.name in listing.xpath('//ul[contains(@class, "fachstelle-list")]//a/bdi/text()')


@pytest.mark.parametrize(("language", "separator"), [("ar", "، "), ("fa", "، "), ("de", ", "), ("en", ", ")])
def test_list_separator_follows_the_language(language, separator):
    assert list_separator_for(language) == separator
    template = Template('{% load bidi_tags %}{{ items|join_list }}|{{ items|join_list:"bdi" }}|{{ n|ltr }}')
    with translation.override(language):
        rendered = template.render(Context({"items": ["<a>", "b"], "n": 12}))
    assert rendered == f'&lt;a&gt;{separator}b|<bdi>&lt;a&gt;</bdi>{separator}<bdi>b</bdi>|<span class="ltr">12</span>'
