"""
The project page and the network page's list of projects: what a visitor sees, in their language or marked as
another language's text, with the links between them; sample projects say that they are samples.
"""

import datetime

import pytest
from django.conf import settings

from landesnetzwerke.projects.models import Teilprojekt
from tests.html import get_tree, page_text, parse, text_of
from tests.projects.helpers import TODAY, make_project, network, place

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture(name="project")
def fixture_project():
    return make_project(
        network("NI"),
        titles={
            "de": {
                "title": "Lernwerkstatt Pflege Celle",
                "summary": "Kurz auf Deutsch.",
                "description": "Lang.\n\nZwei.",
            },
            "en": {"title": "Nursing workshop Celle", "summary": "Short in English.", "contact_role": "Project lead"},
            "ar": {"title": "ورشة التمريض – Celle"},
        },
        places=[place("Celle"), place("Hannover")],
        field_of_action="qualifizierung",
        traeger="Lernwerk Celle gGmbH",
        contact_name="Erika Beispiel",
        contact_phone="+49 40 66969 999",
        target_groups=["eingewanderte", "gesundheitsberufe"],
        starts_on=datetime.date(2024, 1, 1),
        ends_on=TODAY + datetime.timedelta(days=90),
    )


def test_the_project_page_shows_the_project_and_links_to_its_network(client, project):
    tree = get_tree(client, f"/de/projekte/{project.slug}/")
    assert text_of(tree, "//h1") == ["Lernwerkstatt Pflege Celle"]
    text = page_text(client.get(f"/de/projekte/{project.slug}/"))
    for expected in (
        "Lernwerk Celle gGmbH",
        "Celle",
        "Hannover",
        "Erika Beispiel",
        "+49 40 66969 999",
        "Kurz auf Deutsch",
    ):
        assert expected in text
    assert tree.xpath('//a[@href="/de/landesnetzwerke/niedersachsen/"]')
    assert tree.xpath('//a[@href="/de/projekte/?netzwerk=niedersachsen"]')
    assert tree.xpath('//a[@href="/de/projekte/?schwerpunkt=qualifizierung"]')
    assert tree.xpath('//*[@data-laufend="laufend"]')
    assert len(tree.xpath("//p")) > 2 and "Zwei." in text_of(tree, '//div[@class="rich-text"]')[0]


def test_an_id_address_leads_to_the_project_page(client, project):
    response = client.get(f"/de/projekte/{project.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"/de/projekte/{project.slug}/"


def test_unknown_projects_are_not_found(client):
    assert client.get("/de/projekte/gibt-es-nicht/").status_code == 404
    assert client.get("/de/projekte/999999999/").status_code == 404


def test_texts_missing_in_a_language_come_from_a_fallback_language_marked_as_such(client, project):
    tree = get_tree(client, f"/ar/projekte/{project.slug}/")
    assert tree.get("lang") == "ar" and tree.get("dir") == "rtl"
    assert text_of(tree, "//h1") == ["ورشة التمريض – Celle"]
    assert tree.xpath("//h1/@lang") == []  # its own language
    summary = tree.xpath('//p[@lang="en"]')
    assert summary and "Short in English." in summary[0].text_content()
    assert tree.xpath('//p[@lang="en"]/@dir') == ["ltr"]
    # German only has the description: shown in German, marked as German.
    assert tree.xpath('//div[@class="rich-text"]/@lang') == ["de"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_project_page_and_the_search_exist_in_every_language(client, project, language):
    tree = get_tree(client, f"/{language}/projekte/{project.slug}/")
    assert tree.get("lang") == language
    assert len(tree.xpath("//h1")) == 1
    switcher = tree.xpath('//nav[@class="language-switcher"]//a/@href')
    assert f"/de/projekte/{project.slug}/" in switcher or language == "de"
    assert all(link.endswith(f"/projekte/{project.slug}/") for link in switcher)
    search = get_tree(client, f"/{language}/projekte/?q=Celle")
    assert project.pk in [int(pk) for pk in search.xpath('//*[@id="projects"]//@data-project-id')]


def test_a_network_page_lists_its_running_projects_and_links_to_all_of_them(client, project):
    tree = get_tree(client, "/de/landesnetzwerke/niedersachsen/")
    section = tree.xpath('//section[@aria-labelledby="network-projects"]')[0]
    total = Teilprojekt.objects.published().filter(landesnetzwerk__slug="niedersachsen").count()
    assert f"({total})" in section.xpath(".//h2")[0].text_content()
    items = section.xpath(".//li[@data-project-id]")
    assert 0 < len(items) <= 5
    assert {item.get("data-landesnetzwerk") for item in items} == {"niedersachsen"}
    assert section.xpath('.//a[@href="/de/projekte/?netzwerk=niedersachsen"]')
    for link in section.xpath(".//li//a/@href"):
        assert client.get(link).status_code == 200


def test_sample_projects_are_marked_and_not_offered_to_search_engines(client):
    sample = Teilprojekt.objects.published().filter(is_sample=True).first()
    response = client.get(f"/de/projekte/{sample.slug}/")
    tree = parse(response)
    assert tree.xpath('//aside[@class="sample-notice"]')
    assert tree.xpath('//meta[@name="robots"][@content="noindex"]')
    listing = get_tree(client, "/de/projekte/")
    assert listing.xpath('//*[@id="projects"]//li[@data-project-id]//*[@class="lotse-sample"]')


def test_a_real_project_is_not_marked_as_sample(client, project):
    tree = get_tree(client, f"/de/projekte/{project.slug}/")
    assert not tree.xpath('//aside[@class="sample-notice"]')
    assert not tree.xpath('//meta[@name="robots"]')


def test_the_projects_page_is_in_the_main_navigation_in_every_language(client):
    for language in LANGUAGES:
        tree = get_tree(client, f"/{language}/")
        assert tree.xpath(f'//nav[@class="main-nav"]//a[@href="/{language}/projekte/"]'), language
