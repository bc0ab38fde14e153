"""
What a visitor sees of the publications: the list (newest first, paginated, filtered by `typ`, `thema`, `jahr`
with errors tied to their fields), a publication's page with its file facts, in the visitor's language, and never a
draft. The query count does not grow with the number of publications.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from djangocms_versioning.models import Version

from programme.page_builder import get_system_user
from programme.publications.models import Publikation, PublikationContent
from tests.factories import make_pdf_file, make_publication
from tests.html import get_tree, page_text, parse, squeeze, text_of

pytestmark = pytest.mark.django_db

LIST = "/{language}/publikationen/"
ITEMS = '//*[@id="publications"]//li[@data-publication-id]'


def listed(client, query="", language="de"):
    """The publication ids of one list page, in order."""
    tree = get_tree(client, LIST.format(language=language) + query)
    return [int(item.get("data-publication-id")) for item in tree.xpath(ITEMS)]


def all_listed(client, query="", language="de"):
    """The publication ids of every page of the list, in order."""
    ids, page = [], 1
    while True:
        separator = "&" if query else ""
        tree = get_tree(client, f"{LIST.format(language=language)}?{query}{separator}page={page}")
        ids += [int(item.get("data-publication-id")) for item in tree.xpath(ITEMS)]
        if not tree.xpath('//a[@rel="next"]'):
            return ids
        page += 1


def test_the_list_shows_every_published_publication_newest_first_ten_per_page(client):
    ids = all_listed(client)
    assert len(ids) == Publikation.objects.count() == 22
    assert len(listed(client)) == 10
    years = [Publikation.objects.get(pk=pk).jahr for pk in ids]
    assert years == sorted(years, reverse=True)
    # Within a year, the one added later comes first.
    assert ids.index(Publikation.objects.get(slug="iq-konkret-2019-2").pk) < ids.index(
        Publikation.objects.get(slug="iq-konkret-2019-1").pk
    )


def test_pagination_keeps_the_filters_and_never_fails(client):
    tree = get_tree(client, "/de/publikationen/?thema=beratung&jahr=2021")
    assert not tree.xpath('//a[@rel="next"]')  # two of them: one page
    first = get_tree(client, "/de/publikationen/?typ=")
    next_link = first.xpath('//a[@rel="next"]/@href')[0]
    assert "page=2" in next_link and "typ=" in next_link
    assert squeeze(first.xpath('//*[@aria-current="page"]')[-1]) == "Seite 1 von 3"
    # Beyond the last page: the last page; not a number: the first.
    assert listed(client, "?page=99") == listed(client, "?page=3")
    assert listed(client, "?page=abc") == listed(client, "?page=1")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "?typ=iq-konkret",
            {"iq-konkret-2019-1", "iq-konkret-2019-2", "iq-konkret-2020-1", "iq-konkret-2021-1", "iq-konkret-2022-1"},
        ),
        ("?thema=faire-integration", {"iq-konkret-2022-1", "fact-sheet-faire-integration"}),
        ("?jahr=2022&typ=good-practice", {"good-practice-fachkraeftenetzwerk-sachsen"}),
        ("?typ=themendossier&thema=qualifizierung&jahr=2020", {"themendossier-berufsbezogenes-deutsch"}),
    ],
)
def test_filters_by_type_field_of_action_and_year(client, query, expected):
    slugs = set(Publikation.objects.filter(pk__in=all_listed(client, query.lstrip("?"))).values_list("slug", flat=True))
    assert slugs == expected


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("?typ=zeitung", "typ", "Please choose a type from the list."),
        ("?thema=%3Cscript%3E", "thema", "Please choose a field of action from the list."),
        ("?jahr=1999", "jahr", "Please choose a year from the list."),
        ("?jahr=zwanzig", "jahr", "Please choose a year from the list."),
        ("?jahr=2021&typ=" + "x" * 5000, "typ", "Please choose a type from the list."),
    ],
)
def test_a_bad_filter_value_is_an_error_tied_to_its_field_never_a_500(client, query, field, message):
    with_english = query.replace("?", "?", 1)
    response = client.get("/en/publikationen/" + with_english)
    assert response.status_code == 200
    tree = parse(response)
    select = tree.xpath(f'//select[@name="{field}"]')[0]
    assert select.get("aria-invalid") == "true"
    error = tree.xpath(f'//*[@id="{select.get("aria-describedby")}"]')[0]
    assert message in squeeze(error)
    assert tree.xpath(f'//*[@id="error-summary"]//a[@href="#{select.get("id")}"]')
    # The list is still there (unfiltered by the wrong value).
    assert tree.xpath(ITEMS)


def test_the_filter_form_offers_the_years_that_have_publications(client):
    tree = get_tree(client, "/de/publikationen/")
    assert tree.xpath('//select[@name="jahr"]/option/@value') == ["", "2022", "2021", "2020", "2019"]
    assert "Faire Integration" in text_of(tree, '//select[@name="thema"]/option')


def test_a_list_item_shows_title_type_year_facts_and_languages_in_the_visitors_language(client):
    publication = Publikation.objects.get(slug="fact-sheet-beratung-2019-2020")
    content = PublikationContent.objects.get(publikation=publication, language="en")
    tree = get_tree(client, "/en/publikationen/?typ=fact-sheet&jahr=2021&thema=beratung")
    (item,) = tree.xpath(ITEMS)
    text = squeeze(item)
    assert content.title in text
    assert "Fact Sheet · 2021 · Recognition and qualification counselling" in text
    assert re.search(r"\(PDF, \d+\.\d KB, 2 pages\)", text), text
    assert "Languages of the file: German, English" in text
    assert item.xpath(".//a[@type='application/pdf']/@href") == [content.file.url]
    assert "Sample data" in text


def test_the_publications_page_shows_its_facts_and_the_file(client):
    tree = get_tree(client, "/de/publikationen/themendossier-beschleunigtes-fachkraefteverfahren/")
    assert text_of(tree, "//h1") == ["Themendossier: Das beschleunigte Fachkräfteverfahren"]
    facts = dict(zip(text_of(tree, "//dl/dt"), text_of(tree, "//dl/dd"), strict=True))
    assert facts["Typ"] == "Themendossier"
    assert facts["Jahr"] == "2022"
    assert facts["Handlungsschwerpunkt"] == "Regionale Fachkräftenetzwerke – Einwanderung"
    assert facts["Sprachen der Datei"] == "Deutsch, Englisch"
    assert re.fullmatch(r"PDF, \d+,\d KB, 4 Seiten", facts["Datei"]), facts["Datei"]
    assert facts["Herausgegeben von"] == "Die Zentralstelle des Programms IQ"
    cover = tree.xpath('//img[@class="publication-detail-cover"]')[0]
    assert cover.get("alt") == "Titelseite von „Themendossier: Das beschleunigte Fachkräfteverfahren“"
    assert "Beispieldaten" in squeeze(tree.xpath('//aside[@class="sample-notice"]')[0])
    assert tree.xpath('//meta[@name="robots"]/@content') == ["noindex"]


def test_the_page_names_the_network_or_fachstelle_that_published_it(client):
    tree = get_tree(client, "/en/publikationen/good-practice-mobile-beratung-niedersachsen/")
    facts = dict(zip(text_of(tree, "//dl/dt"), tree.xpath("//dl/dd"), strict=True))
    assert facts["Published by"].xpath(".//a/@href") == ["/en/landesnetzwerke/niedersachsen/"]
    tree = get_tree(client, "/en/publikationen/themendossier-migrantenoekonomie/")
    facts = dict(zip(text_of(tree, "//dl/dt"), tree.xpath("//dl/dd"), strict=True))
    assert facts["Published by"].xpath(".//a/@href") == ["/en/fachstellen/migrantenoekonomie/"]


@pytest.mark.parametrize(("language", "pages"), [("ar", "6 صفحات"), ("uk", "6 сторінок"), ("tr", "6 sayfa")])
def test_the_file_facts_are_in_every_language(client, language, pages):
    tree = get_tree(client, f"/{language}/publikationen/iq-konkret-2021-1/")
    assert pages in squeeze(tree.xpath('//*[@class="publication-file-facts"]')[0])
    assert tree.xpath("/html/@lang") == [language]


def test_size_and_page_count_are_read_once_and_stored(client):
    publication = make_publication(file=make_pdf_file(pages=7))
    content = PublikationContent.objects.get(publikation=publication)
    assert content.page_count == 7
    assert content.file_size == content.file.size
    # What the page shows is what was stored, not read from the file on each request.
    PublikationContent.objects.filter(pk=content.pk).update(page_count=12, file_size=2_400_000)
    tree = get_tree(client, f"/en/publikationen/{publication.slug}/".replace("/en/", "/de/"))
    assert text_of(tree, '//*[@class="publication-file-facts"]') == ["PDF, 2,3 MB, 12 Seiten"]


def test_a_replaced_file_in_the_media_library_updates_the_stored_facts():
    publication = make_publication(file=make_pdf_file(pages=2))
    content = PublikationContent.objects.get(publikation=publication)
    file = content.file
    from django.core.files.base import ContentFile

    from programme.publications.sample_files import sample_pdf

    file.file = ContentFile(sample_pdf(title="Neu", kind="Bericht", year=2022, pages=5), name="neu.pdf")
    file.save()
    assert PublikationContent.objects.get(pk=content.pk).page_count == 5


def test_drafts_are_never_public(client):
    draft_only = make_publication(publish=False, title="Nur ein Entwurf")
    assert draft_only.pk not in all_listed(client)
    assert client.get(f"/de/publikationen/{draft_only.slug}/").status_code == 404
    # A new draft of a published publication: visitors keep seeing the published version.
    published = make_publication(title="Veröffentlichter Titel")
    content = PublikationContent.objects.get(publikation=published)
    draft = Version.objects.get_for_content(content).copy(get_system_user()).content
    draft.title = "Geänderter Entwurf"
    draft.save()
    page = page_text(client.get(f"/de/publikationen/{published.slug}/"))
    assert "Veröffentlichter Titel" in page and "Geänderter Entwurf" not in page
    assert "Geänderter Entwurf" not in page_text(client.get("/de/publikationen/?jahr=2021"))


def test_publishing_and_unpublishing_reach_visitors_through_the_response_cache(client, settings):
    settings.ANONYMOUS_CACHE_SECONDS = 600
    url = "/de/publikationen/?jahr=2022"
    before = listed(client, url.removeprefix("/de/publikationen/"))
    assert listed(client, url.removeprefix("/de/publikationen/")) == before  # now served from the cache
    publication = make_publication(jahr=2022, publish=False)
    version = Version.objects.get_for_content(PublikationContent.admin_manager.get(publikation=publication))
    version.publish(get_system_user())
    assert publication.pk in listed(client, url.removeprefix("/de/publikationen/"))
    Version.objects.get(pk=version.pk).unpublish(get_system_user())
    assert publication.pk not in listed(client, url.removeprefix("/de/publikationen/"))


def test_a_publication_without_a_version_in_the_visitors_language_is_not_shown_there(client):
    german_only = make_publication(languages=("de",))
    assert german_only.pk in all_listed(client, language="de")
    assert german_only.pk not in all_listed(client, language="en")
    assert client.get(f"/en/publikationen/{german_only.slug}/").status_code == 404


def test_the_list_links_to_the_subscription(client):
    tree = get_tree(client, "/de/publikationen/")
    assert tree.xpath('//a[starts-with(@href, "/de/abonnement/")]')


def count_queries(client, url):
    client.get(url)  # warm the URL resolver and the CMS's per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/de/publikationen/", "/de/publikationen/?typ=fact-sheet&jahr=2021"])
def test_the_query_count_of_the_list_does_not_grow_with_the_number_of_publications(client, settings, url):
    settings.CMS_PAGE_CACHE = False
    before = count_queries(client, url)
    for number in range(30):
        make_publication(typ="fact-sheet", jahr=2021, languages=("de", "en"), network="berlin" if number % 2 else None)
    assert count_queries(client, url) == before


def test_the_query_count_of_a_publications_page_is_small(client):
    url = "/de/publikationen/fact-sheet-faire-integration/"
    assert count_queries(client, url) <= 12
