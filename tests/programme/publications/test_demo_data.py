"""
The sample publications that load_demo_content brings: at least 20, of every type, in German and English with a
title and teaser in every other site language, each with a small generated PDF that says it is sample data, marked
as sample data, loaded idempotently (a second run changes nothing; --refresh renews only the samples).
"""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from pypdf import PdfReader

from programme.publications.demo_data import load_publications, sample_specs, sample_texts
from programme.publications.models import Publikation, PublikationContent

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def test_at_least_twenty_sample_publications_of_every_type():
    samples = Publikation.objects.filter(is_sample=True)
    assert samples.count() >= 20
    assert set(samples.values_list("typ", flat=True)) == set(Publikation.Typ.values)
    assert samples.filter(landesnetzwerk__isnull=False).exists() and samples.filter(fachstelle__isnull=False).exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_sample_is_published_in_every_language_with_title_and_teaser(language):
    contents = PublikationContent.objects.filter(language=language, publikation__is_sample=True)
    assert contents.count() == len(sample_specs())
    assert all(content.title and content.teaser for content in contents)
    if language in ("de", "en"):
        assert all(content.description for content in contents)


def test_the_other_languages_have_their_own_titles():
    for language in LANGUAGES:
        if language != "de":
            own = {
                slug
                for slug, texts in sample_texts(language).items()
                if texts["title"] != sample_texts("de")[slug]["title"]
            }
            assert len(own) >= len(sample_specs()) - 2, language  # only titles that are names stay as they are


def test_each_sample_pdf_is_small_says_it_is_sample_data_and_has_its_pages():
    for content in PublikationContent.objects.filter(language="de", publikation__is_sample=True).select_related("file"):
        with content.file.file.open("rb") as stream:
            data = stream.read()
        assert len(data) < 20_000
        reader = PdfReader(io.BytesIO(data))
        assert len(reader.pages) == content.page_count >= 2
        assert "Beispieldaten / sample data" in reader.pages[0].extract_text()
        assert content.file_size == len(data)


def test_the_versions_of_one_publication_share_its_file():
    files = set(
        PublikationContent.objects.filter(publikation__slug="iq-konkret-2019-1").values_list("file_id", flat=True)
    )
    assert len(files) == 1


def test_loading_again_creates_nothing_and_keeps_editors_changes():
    content = PublikationContent.objects.get(publikation__slug="bericht-netzwerkforum-2022", language="de")
    PublikationContent.objects.filter(pk=content.pk).update(title="Von der Redaktion geändert")
    Publikation.objects.filter(slug="iq-konkret-2019-1").update(is_sample=False)  # an editor took it over
    PublikationContent.admin_manager.filter(publikation__slug="iq-konkret-2019-1", language="tr").delete()
    before = PublikationContent.admin_manager.count()
    report = load_publications()
    assert report.created == []
    assert PublikationContent.admin_manager.count() == before
    assert PublikationContent.objects.get(pk=content.pk).title == "Von der Redaktion geändert"


def test_refresh_renews_only_the_publications_still_marked_as_sample_data():
    Publikation.objects.filter(slug="iq-konkret-2019-1").update(is_sample=False)
    PublikationContent.objects.filter(publikation__slug="bericht-netzwerkforum-2022", language="de").update(title="x")
    kept = Publikation.objects.get(slug="iq-konkret-2019-1")
    call_command("load_publications", "--refresh", verbosity=0)
    assert Publikation.objects.get(slug="iq-konkret-2019-1").pk == kept.pk
    renewed = PublikationContent.objects.get(publikation__slug="bericht-netzwerkforum-2022", language="de")
    assert renewed.title == sample_texts("de")["bericht-netzwerkforum-2022"]["title"]
    assert Publikation.objects.count() == len(sample_specs())


def test_remove_samples_deletes_them_with_their_files():
    from filer.models import File

    sample_files = set(
        PublikationContent.admin_manager.filter(publikation__is_sample=True).values_list("file_id", flat=True)
    )
    call_command("load_publications", "--remove-samples", verbosity=0)
    assert not Publikation.objects.filter(is_sample=True).exists()
    assert not File.objects.filter(pk__in=sample_files).exists()
