"""
The sample projects of the demo content: 400, spread over the 16 networks and the five Handlungsschwerpunkte as
projects.yaml says, in real places of their network's Land, with texts in every site language, marked as sample data,
published; loading again changes nothing an editor did, --refresh recreates only what is still sample data.
"""

import datetime

import pytest
from django.conf import settings
from django.core.management import call_command
from djangocms_versioning import constants
from djangocms_versioning.models import Version

from landesnetzwerke.demo_data.networks import LAND_POPULATION
from landesnetzwerke.demo_data.places import allocate
from landesnetzwerke.projects.demo_data import generator
from landesnetzwerke.projects.demo_data.loader import load_sample_projects, towns_by_land
from landesnetzwerke.projects.models import FieldOfAction, Teilprojekt, TeilprojektContent

pytestmark = pytest.mark.django_db

LANGUAGES = {code for code, _name in settings.LANGUAGES}


def samples():
    return Teilprojekt.objects.filter(source_id__startswith=generator.SOURCE_PREFIX)


def test_about_400_sample_projects_in_the_proportions_of_the_data_file():
    totals = generator.sample_data()["totals"]
    assert sum(totals.values()) == 400
    assert set(totals) == set(FieldOfAction.values)
    assert samples().count() == 400
    for value, total in totals.items():
        expected = allocate(total, LAND_POPULATION)
        for land, count in expected.items():
            actual = samples().filter(field_of_action=value, landesnetzwerk__bundesland=land).count()
            assert actual == count, (value, land)
            assert count >= 1
    # Faire Integration: one per Land; counselling: as many per Land as sample fixed offices.
    assert set(allocate(totals["faire-integration"], LAND_POPULATION).values()) == {1}
    assert allocate(totals["beratung"], LAND_POPULATION) == allocate(74, LAND_POPULATION)


def test_bigger_lands_have_more_projects():
    per_land = {land: samples().filter(landesnetzwerk__bundesland=land).count() for land in LAND_POPULATION}
    assert per_land["NW"] > per_land["NI"] > per_land["SH"] > per_land["HB"]


def test_every_sample_project_lies_in_real_places_of_its_network_and_is_marked():
    for project in samples().prefetch_related("places").select_related("landesnetzwerk"):
        places = list(project.places.all())
        assert places, project.source_id
        assert {place.bundesland for place in places} == {project.landesnetzwerk.bundesland}
        assert project.is_sample
        assert project.contact_email.endswith("@example.org")
        assert project.slug and project.search_text


def test_texts_in_every_language_published_descriptions_in_german_and_english():
    contents = TeilprojektContent.objects.filter(teilprojekt__in=samples())
    assert contents.count() == 400 * len(LANGUAGES)
    by_language = {language: contents.filter(language=language) for language in LANGUAGES}
    for language, texts in by_language.items():
        assert texts.exclude(title="").count() == 400, language
    for language in ("de", "en"):
        assert by_language[language].exclude(description="").count() == 400
        assert by_language[language].exclude(summary="").count() == 400
    assert not by_language["de"].exclude(description__contains="Beispielprojekt").exists()
    versions = Version.objects.filter(object_id__in=contents.values("pk"), content_type__model="teilprojektcontent")
    assert set(versions.values_list("state", flat=True)) == {constants.PUBLISHED}


def test_running_ended_and_planned_projects():
    today = datetime.date.today()
    running = samples().running_on(today).count()
    assert 250 < running < 360
    assert samples().filter(ends_on__lt=today).exists()
    assert samples().filter(starts_on__gt=today).exists()


def test_the_projects_are_built_deterministically():
    today = datetime.date(2026, 5, 1)
    towns = towns_by_land()
    first, second = generator.build_project_specs(towns, today), generator.build_project_specs(towns, today)
    assert [(s.source_id, s.slug, s.values, s.places, s.texts) for s in first] == [
        (s.source_id, s.slug, s.values, s.places, s.texts) for s in second
    ]
    assert len({spec.slug for spec in first}) == 400


def test_loading_again_creates_nothing_and_keeps_editors_changes():
    project = samples().order_by("pk").first()
    project.traeger = "Von der Redaktion geändert"
    project.is_sample = False
    project.save()
    deleted = samples().order_by("-pk").first()
    deleted_id = deleted.source_id
    Version.objects.filter(
        object_id__in=TeilprojektContent.admin_manager.filter(teilprojekt=deleted).values("pk"),
        content_type__model="teilprojektcontent",
    ).delete()
    deleted.delete()

    counts = load_sample_projects()
    assert (counts.created, counts.unchanged) == (1, 399)  # the deleted sample is back
    assert samples().filter(source_id=deleted_id).exists()
    assert Teilprojekt.objects.get(pk=project.pk).traeger == "Von der Redaktion geändert"
    assert load_sample_projects().created == 0


def test_refresh_recreates_only_what_is_still_sample_data():
    kept = samples().order_by("pk").first()
    kept.is_sample = False
    kept.traeger = "Übernommen"
    kept.save()
    changed_sample = samples().filter(is_sample=True).order_by("pk").first()
    changed_sample.traeger = "Wird zurückgesetzt"
    changed_sample.save()

    counts = load_sample_projects(refresh=True)
    assert counts.deleted == 399 and counts.created == 399
    assert Teilprojekt.objects.get(pk=kept.pk).traeger == "Übernommen"
    fresh = samples().get(source_id=changed_sample.source_id)
    assert fresh.traeger != "Wird zurückgesetzt"
    assert samples().count() == 400


def test_remove_samples_keeps_taken_over_projects():
    kept = samples().order_by("pk").first()
    kept.is_sample = False
    kept.save()
    call_command("load_projects", "--remove-samples", verbosity=0)
    assert list(samples().values_list("pk", flat=True)) == [kept.pk]


def test_refreshed_sample_projects_are_in_the_site_search_at_once(django_capture_on_commit_callbacks):
    from programme.search.models import Suchdokument

    old = samples().order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        load_sample_projects(refresh=True)
    fresh = samples().get(source_id=old.source_id)
    assert fresh.pk != old.pk
    assert not Suchdokument.objects.filter(type="project", key=str(old.pk)).exists()
    documents = Suchdokument.objects.filter(type="project", key=str(fresh.pk))
    assert set(documents.values_list("language", flat=True)) == LANGUAGES
    assert documents.get(language="de").url == f"/de/projekte/{fresh.slug}/"
