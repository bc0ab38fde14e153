"""The programme's plugins as visitors see them: figures with charts, steps, FAQ data, partner links, Lotse form."""

import json

import pytest
from cms.api import add_plugin
from cms.models import PageContent
from cms.utils.i18n import get_fallback_languages
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from djangocms_versioning.models import Version

from programme.models import EmployerStep, FaqItem, Figure
from tests.factories import published_content
from tests.html import parse, text_of

pytestmark = pytest.mark.django_db


def add_to_new_version(reverse_id, language, user, build):
    """Copy the published version into a draft, let `build(placeholder)` add plugins, publish it."""
    draft = Version.objects.get_for_content(published_content(reverse_id, language)).copy(user)
    placeholder = draft.content.get_placeholders().get(slot="content")
    build(placeholder)
    draft.publish(user)


@pytest.mark.parametrize(
    "language, value, part, percent", [("de", "123.456", "30.864", "25"), ("en", "123,456", "30,864", "25")]
)
def test_figures_plugin_renders_its_figures_as_text_and_chart(client, editor, language, value, part, percent):
    def build(placeholder):
        block = add_plugin(placeholder, "FiguresPlugin", language, title="Testzahlen", period="2021")
        add_plugin(
            placeholder,
            "FigurePlugin",
            language,
            target=block,
            value=123456,
            label="Testberatungen",
            part_value=30864,
            part_label="Testerstberatungen",
            rest_label="andere",
        )
        add_plugin(placeholder, "FigurePlugin", language, target=block, value=7, label="Teststellen", chart="donut")

    add_to_new_version("programm", language, editor, build)

    tree = parse(client.get(f"/{language}/programm/"))
    section = tree.xpath("//section[h2='Testzahlen']")[0]
    figures = section.xpath(".//ul[@class='figures']/li")
    assert [" ".join(li.xpath(".//*[@class='figure-value']")[0].text_content().split()) for li in figures] == [
        value,
        "7",
    ]
    first = figures[0]
    assert part in first.xpath(".//*[@class='figure-part']")[0].text_content()
    chart = first.xpath(".//*[local-name()='svg']")[0]
    assert chart.get("role") == "img"
    title = chart.xpath("./*[local-name()='title']")[0]
    assert chart.get("aria-labelledby") == title.get("id")
    assert value in title.text and part in title.text and percent in title.text
    assert chart.xpath(".//*[@class='bar-fill']/@width") == ["25.00"]
    assert not figures[1].xpath(".//*[local-name()='svg']")  # no part, no chart


@pytest.mark.parametrize(
    "language, shown",
    [
        ("de", ["185.365", "95.690", "3.762", "9.286", "3.569", "1.457"]),
        ("en", ["185,365", "95,690", "3,762", "9,286", "3,569", "1,457"]),
    ],
)
def test_programme_page_shows_the_programme_figures_in_the_visitors_number_format(client, language, shown):
    tree = parse(client.get(f"/{language}/programm/"))
    figures_text = " ".join(text_of(tree, "//section[contains(@class, 'figures-block')]"))
    for number in shown + ["74", "100", "400", "16", "5"]:
        assert number in figures_text
    assert len(tree.xpath("//section[contains(@class, 'figures-block')]//*[local-name()='svg'][@role='img']")) == 3


def test_a_part_larger_than_the_value_is_refused():
    with pytest.raises(ValidationError):
        Figure(value=10, label="x", part_value=11, part_label="y").clean()
    with pytest.raises(ValidationError):
        Figure(value=10, label="x", part_value=5).clean()  # a part needs a name
    with pytest.raises(IntegrityError), transaction.atomic():
        Figure.objects.filter(pk=Figure.objects.first().pk).update(part_value=10**9)


@pytest.mark.parametrize("language", ["de", "en"])
def test_employer_steps_render_in_order_from_their_plugins(client, language):
    content = published_content("arbeitgeber", language)
    stored = list(
        EmployerStep.objects.filter(placeholder__object_id=content.pk, language=language).order_by("position")
    )
    assert len(stored) == 7

    tree = parse(client.get(f"/{language}/arbeitgeber/"))
    steps = tree.xpath("//ol[contains(@class, 'employer-steps')]/li")
    assert text_of(tree, "//ol[contains(@class, 'employer-steps')]/li/h3") == [step.title for step in stored]
    first = steps[0]
    assert stored[0].duration in first.text_content()
    assert first.xpath(".//dd/ul/li")  # documents as a list

    checklist = parse(client.get(f"/{language}/arbeitgeber/checkliste/"))
    assert text_of(checklist, "//ol[contains(@class, 'checklist-steps')]/li/h2") == [step.title for step in stored]
    assert len(checklist.xpath("//h1")) == 1
    link = tree.xpath("//a[contains(@href, '/arbeitgeber/checkliste/')]/@href")
    assert link == [f"/{language}/arbeitgeber/checkliste/"]


def test_checklist_links_the_print_stylesheet_and_falls_back_like_the_cms_without_a_translation(client):
    def published(language):
        return PageContent.objects.filter(page__reverse_id="arbeitgeber", language=language).exists()

    def step_titles(tree):
        return text_of(tree, "//ol[contains(@class, 'checklist-steps')]/li/h2")

    assert parse(client.get("/de/arbeitgeber/checkliste/")).xpath("//link[@rel='stylesheet'][@media='print']")
    for language, _name in settings.LANGUAGES:
        response = client.get(f"/{language}/arbeitgeber/checkliste/")
        assert response.status_code == 200
        tree = parse(response)
        steps = tree.xpath("//ol[contains(@class, 'checklist-steps')]")[0]
        if published(language):
            assert steps.get("lang") is None  # in the page's language
        else:
            fallback = next(code for code in get_fallback_languages(language) if published(code))
            assert steps.get("lang") == fallback
            assert step_titles(tree) == step_titles(parse(client.get(f"/{fallback}/arbeitgeber/checkliste/")))


@pytest.mark.parametrize("language", ["de", "en"])
def test_faq_json_ld_is_valid_and_matches_the_questions_on_the_page(client, language):
    tree = parse(client.get(f"/{language}/arbeitgeber/"))
    scripts = tree.xpath("//script[@type='application/ld+json']")
    assert len(scripts) == 1
    data = json.loads(scripts[0].text)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    shown = text_of(tree, "//details[contains(@class, 'faq-item')]/summary")
    assert len(shown) == 6
    assert [entry["name"] for entry in data["mainEntity"]] == shown
    assert all(entry["acceptedAnswer"]["text"] for entry in data["mainEntity"])


def test_faq_json_ld_cannot_be_broken_out_of_by_an_answer(client, editor):
    content = published_content("arbeitgeber", "de")
    item = FaqItem.objects.filter(placeholder__object_id=content.pk).first()
    evil = '</script><script>alert("x")</script> & <b>'

    def build(placeholder):
        faq = add_plugin(placeholder, "FaqPlugin", "de", title="Testfragen")
        add_plugin(placeholder, "FaqItemPlugin", "de", target=faq, question="Frage?", answer=evil)

    add_to_new_version("arbeitgeber", "de", editor, build)
    html = client.get("/de/arbeitgeber/").content.decode()
    assert "</script><script>" not in html
    tree = parse(client.get("/de/arbeitgeber/"))
    data = [json.loads(script.text) for script in tree.xpath("//script[@type='application/ld+json']")]
    assert data[-1]["mainEntity"][0]["acceptedAnswer"]["text"] == evil
    assert item.question in [entry["name"] for entry in data[0]["mainEntity"]]


@pytest.mark.parametrize("language", ["de", "en"])
def test_employer_page_offers_the_contact_finder_form_and_partner_links(client, language):
    tree = parse(client.get(f"/{language}/arbeitgeber/"))
    form = tree.xpath("//main//form[@role='search']")[0]
    assert form.get("action") == f"/{language}/lotse/"
    assert form.xpath(".//input[@type='hidden'][@name='thema']/@value") == ["arbeitgeber"]
    assert form.xpath(".//input[@name='q']")
    partners = tree.xpath("//section[contains(@class, 'partner-links')]//a/@href")
    for url in [
        "https://www.anerkennung-in-deutschland.de/",
        "https://www.make-it-in-germany.com/",
        "https://www.faire-integration.de/",
        "https://www.inqa.de/",
        "https://www.charta-der-vielfalt.de/",
    ]:
        assert url in partners


def test_process_chain_is_an_ordered_list_of_five_phases(client):
    tree = parse(client.get("/de/programm/prozesskette/"))
    assert text_of(tree, "//section[contains(@class, 'process-chain')]/ol/li/h3") == [
        "Zugang, Ansprache und Information",
        "Berufliche Orientierung und Planung",
        "Umsetzung und Qualifizierung",
        "Einstieg in die Erwerbstätigkeit",
        "Erwerbstätigkeit sichern und entwickeln",
    ]


def test_handlungsschwerpunkte_page_shows_the_five_fields_of_action(client):
    tree = parse(client.get("/de/programm/handlungsschwerpunkte/"))
    assert text_of(tree, "//section[contains(@class, 'focus-area')]/h2") == [
        "Anerkennungs- und Qualifizierungsberatung",
        "Qualifizierungsmaßnahmen im Kontext des Anerkennungsgesetzes",
        "Interkulturelle Kompetenzentwicklung der zentralen Arbeitsmarktakteure",
        "Regionale Fachkräftenetzwerke – Einwanderung",
        "Faire Integration",
    ]


@pytest.mark.parametrize("path", ["", "programm/", "arbeitgeber/", "arbeitgeber/checkliste/"])
def test_programme_markup_has_no_inline_styles_or_scripts(client, path):
    tree = parse(client.get(f"/de/{path}"))
    main = tree.xpath("//main")[0]
    assert not main.xpath(".//*[@style]")
    assert all(script.get("type") == "application/ld+json" for script in main.xpath(".//script"))


@pytest.mark.parametrize(
    "language, shown", [("ar", "185.365"), ("fa", "185,365"), ("uk", "185\xa0365"), ("tr", "185.365")]
)
def test_home_figures_are_grouped_in_every_language(client, language, shown):
    """Django's ar and fa formats define no grouping; the figures are grouped in threes there too."""
    tree = parse(client.get(f"/{language}/"))
    figures_text = " ".join(tree.xpath("//section[contains(@class, 'figures-block')]//text()"))
    assert shown in figures_text
