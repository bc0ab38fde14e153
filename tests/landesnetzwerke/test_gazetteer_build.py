"""
The gazetteer build's steps on small hand-made sources: how postcodes become places, how GeoNames places merge
with them, which place names a shared postcode, and which names and keys a place gets. No database: the steps
take and return plain data (test_gazetteer.py checks the loaded tables).
"""

import math
from collections.abc import Sequence

import pytest

from landesnetzwerke.gazetteer_build import (
    CLUSTER_KM,
    MERGE_KM,
    Candidate,
    GeoNamesCity,
    MergedPlace,
    PlaceName,
    Postcode,
    PostcodePlace,
    PostcodeRecord,
    Sources,
    build,
    finish_places,
    group_postcode_places,
    locate_postcodes,
    main_place,
    merge_places,
    place_names,
    single_linkage,
)

KM_PER_DEGREE = 6371.0088 * math.pi / 180
ORIGIN = (52.0, 10.0)


def at(north_km: float, east_km: float = 0.0) -> tuple[float, float]:
    """The point `north_km` north and `east_km` east of ORIGIN."""
    lat = ORIGIN[0] + north_km / KM_PER_DEGREE
    return lat, ORIGIN[1] + east_km / (KM_PER_DEGREE * math.cos(math.radians(lat)))


def city(
    geonameid: int,
    name: str,
    point: tuple[float, float],
    population: int,
    land: str = "NI",
    alternate_names: Sequence[str] = (),
) -> GeoNamesCity:
    return GeoNamesCity(
        geonameid=geonameid,
        name=name,
        land=land,
        latitude=point[0],
        longitude=point[1],
        population=population,
        alternate_names=tuple(alternate_names),
    )


def postcode_place(
    name: str, codes: Sequence[str], point: tuple[float, float] | None, land: str = "NI"
) -> PostcodePlace:
    lat, lon = point if point else (None, None)
    return PostcodePlace(name=name, land=land, codes=tuple(codes), latitude=lat, longitude=lon)


# Postcode places --------------------------------------------------------------------------------------------


def test_two_postcode_areas_of_one_name_30_km_apart_are_two_places():
    coordinates = {"31000": at(0), "31001": at(30)}
    records = [PostcodeRecord("31000", "Neustadt", "NI"), PostcodeRecord("31001", "Neustadt", "NI")]

    places = group_postcode_places(records, coordinates)

    assert places == [
        PostcodePlace("Neustadt", "NI", ("31000",), *coordinates["31000"]),
        PostcodePlace("Neustadt", "NI", ("31001",), *coordinates["31001"]),
    ]


def test_postcodes_of_one_name_in_a_chain_of_short_gaps_are_one_place_at_their_mean():
    # 31000-31001 and 31001-31002 are within CLUSTER_KM; 31000 and 31002 are not, but the chain joins them.
    step = CLUSTER_KM - 2
    coordinates = {"31002": at(2 * step), "31000": at(0), "31001": at(step)}
    records = [PostcodeRecord(code, "Neustadt", "NI") for code in ("31002", "31000", "31001")]

    (place,) = group_postcode_places(records, coordinates)

    assert place.codes == ("31000", "31001", "31002")
    assert (place.latitude, place.longitude) == pytest.approx(at(step))
    assert single_linkage(["31000", "31002"], coordinates) == [["31000"], ["31002"]]


def test_one_name_in_two_lands_is_two_places_however_close():
    coordinates = {"31000": at(0), "31001": at(1)}
    records = [PostcodeRecord("31000", "Grenzdorf", "NI"), PostcodeRecord("31001", "Grenzdorf", "ST")]

    assert [(p.land, p.codes) for p in group_postcode_places(records, coordinates)] == [
        ("NI", ("31000",)),
        ("ST", ("31001",)),
    ]


def test_postcodes_without_coordinates_join_the_names_first_place_or_make_one_without_coordinates():
    coordinates = {"31000": at(0), "31001": at(30)}
    records = [PostcodeRecord(code, "Neustadt", "NI") for code in ("31000", "31001", "31009")]
    records.append(PostcodeRecord("39999", "Einsam", "ST"))

    places = group_postcode_places(records, coordinates)

    assert [(p.name, p.codes, p.latitude is None) for p in places] == [
        ("Einsam", ("39999",), True),
        ("Neustadt", ("31000", "31009"), False),
        ("Neustadt", ("31001",), False),
    ]
    assert (places[1].latitude, places[1].longitude) == pytest.approx(coordinates["31000"])


# Merging with GeoNames --------------------------------------------------------------------------------------


def test_a_geonames_city_merges_with_the_postcode_place_of_its_name_within_merge_km():
    frankfurt = postcode_place("Frankfurt (Oder)", ["15230", "15232"], at(0), land="BB")
    geonames = city(2925629, "Frankfurt an der Oder", at(5), 57000, land="BB", alternate_names=["Frankfurt (Oder)"])

    (place,) = merge_places([frankfurt], [geonames])

    assert place == MergedPlace(
        name="Frankfurt (Oder)",
        land="BB",
        latitude=geonames.latitude,
        longitude=geonames.longitude,
        population=57000,
        geonameid=2925629,
        names=["Frankfurt (Oder)", "Frankfurt an der Oder", "Frankfurt (Oder)"],
        codes=("15230", "15232"),
        postcode_place=frankfurt,
    )


@pytest.mark.parametrize(
    ("city_point", "city_land"), [(at(MERGE_KM + 5), "NI"), (at(5), "ST")], ids=["farther than MERGE_KM", "other Land"]
)
def test_a_geonames_city_far_away_or_in_another_land_is_a_place_of_its_own(city_point, city_land):
    neustadt = postcode_place("Neustadt", ["31000"], at(0))
    geonames = city(1, "Neustadt", city_point, 9000, land=city_land)

    places = merge_places([neustadt], [geonames])

    assert [(p.name, p.land, p.population, p.geonameid, p.codes) for p in places] == [
        ("Neustadt", city_land, 9000, 1, ()),
        ("Neustadt", "NI", 0, None, ("31000",)),
    ]
    assert (places[1].latitude, places[1].longitude) == pytest.approx(at(0))


def test_a_second_geonames_record_of_a_place_adds_only_its_names():
    neustadt = postcode_place("Neustadt", ["31000"], at(0))
    big = city(1, "Neustadt", at(2), 9000)
    small = city(2, "Neustadt am Rübenberge", at(1), 800, alternate_names=["Neustadt"])

    (place,) = merge_places([neustadt], [small, big])

    assert (place.geonameid, place.population) == (1, 9000)
    assert place.names == ["Neustadt", "Neustadt", "Neustadt am Rübenberge", "Neustadt"]


def test_a_geonames_city_merges_with_the_nearest_namesake_and_of_two_equally_near_the_one_of_its_own_name():
    short = postcode_place("Königslutter", ["38154"], at(0))
    full = postcode_place("Königslutter am Elm", ["38154"], at(0))
    far = postcode_place("Königslutter am Elm", ["38999"], at(15))
    geonames = city(2885800, "Königslutter am Elm", at(3), 16419, alternate_names=["Königslutter"])

    places = merge_places([short, far, full], [geonames])

    assert [(p.name, p.codes, p.geonameid) for p in places] == [
        ("Königslutter am Elm", ("38154",), 2885800),
        ("Königslutter", ("38154",), None),
        ("Königslutter am Elm", ("38999",), None),
    ]


def test_a_postcode_place_without_coordinates_lies_where_a_place_of_its_name_in_its_land_lies():
    lost = postcode_place("Neustadt", ["31009"], None)
    nowhere = postcode_place("Nirgendwo", ["31008"], None)
    geonames = city(1, "Neustadt", at(5), 9000)
    elsewhere = city(2, "Nirgendwo", at(5), 700, land="ST")

    places = merge_places([lost, nowhere], [geonames, elsewhere])

    assert [(p.name, p.land, p.codes) for p in places] == [
        ("Neustadt", "NI", ()),
        ("Nirgendwo", "ST", ()),
        ("Neustadt", "NI", ("31009",)),
    ]
    assert (places[2].latitude, places[2].longitude) == (geonames.latitude, geonames.longitude)


# A postcode's place -----------------------------------------------------------------------------------------


def test_a_postcode_shared_by_a_city_and_a_village_is_named_after_the_city_and_its_land():
    centre = at(0)
    candidates = [
        Candidate("Braak", "SH", *at(1), population=800),
        Candidate("Hamburg", "HH", *at(0, 12), population=1_850_000),
        Candidate("Unbekannt", "SH", None, None, 0),
    ]
    assert main_place(*centre, candidates) == ("Hamburg", "HH")


def test_a_postcode_is_named_after_the_nearer_place_when_the_bigger_one_does_not_reach_it():
    candidates = [Candidate("Großdorf", "NI", *at(25), 5000), Candidate("Kleindorf", "ST", *at(3), 600)]
    assert main_place(*at(0), candidates) == ("Kleindorf", "ST")
    # Where no place reaches the centre: the first by name.
    far = [Candidate("Zeven", "NI", *at(60), 600), Candidate("Achim", "NI", *at(80), 600)]
    assert main_place(*at(0), far) == ("Achim", "NI")


def test_shared_postcodes_are_named_after_the_geonames_place_merged_with_their_records():
    coordinates = {"22145": at(0), "22000": at(8)}
    # 22145 is shared by the village Braak (SH) and Hamburg; 22000 is Hamburg's alone.
    records = [PostcodeRecord("22145", "Braak", "SH")] + [
        PostcodeRecord(c, "Hamburg", "HH") for c in ("22145", "22000")
    ]
    postcode_places = group_postcode_places(records, coordinates)
    cities = [city(1, "Hamburg", at(10), 1_850_000, land="HH"), city(2, "Braak", at(0.5), 800, land="SH")]
    places = merge_places(postcode_places, cities)

    postcodes = locate_postcodes(records, coordinates, postcode_places, places)

    assert [(p.code, p.place_name, p.land) for p in postcodes] == [
        ("22000", "Hamburg", "HH"),
        ("22145", "Hamburg", "HH"),
    ]


# Names and the whole build ----------------------------------------------------------------------------------


def test_names_in_arabic_and_cyrillic_get_keys_and_repeats_and_codes_are_left_out():
    names = place_names(["Berlin", "Берлин", "بَرْلِين", "BER", "berlin", "", "  Berlin-Mitte "])

    assert names == (
        PlaceName("Berlin", "berlin", "1756", is_main=True),
        PlaceName("Берлин", "берлин", "", is_main=False),
        PlaceName("بَرْلِين", "برلين", "", is_main=False),
        PlaceName("Berlin-Mitte", "berlin mitte", "17562", is_main=False),
    )
    assert place_names(["BER"]) == (PlaceName("BER", "ber", "17", is_main=True),)


def test_a_place_gets_its_own_postcode_nearest_its_centre_else_the_nearest_of_all():
    postcodes = [
        Postcode("31000", "Neustadt", "NI", *at(0)),
        Postcode("31001", "Neustadt", "NI", *at(6)),
        Postcode("31500", "Anderswo", "NI", *at(9)),
    ]
    own = MergedPlace(
        "Neustadt", "NI", *at(8), population=9000, geonameid=1, names=["Neustadt"], codes=("31000", "31001")
    )
    district = MergedPlace("Nordviertel", "NI", *at(10), population=700, geonameid=2, names=["Nordviertel"])

    finished = finish_places([own, district], postcodes)

    assert [(p.name, p.plz) for p in finished] == [("Neustadt", "31001"), ("Nordviertel", "31500")]


def test_the_build_names_a_postcode_without_records_after_its_nearest_neighbour():
    coordinates = {"31000": at(0), "31001": at(4), "31002": at(40), "31099": at(5)}
    records = [
        PostcodeRecord("31000", "Neustadt", "NI"),
        PostcodeRecord("31001", "Neustadt", "NI"),
        PostcodeRecord("31002", "Weitweg", "NI"),
        PostcodeRecord("31098", "Neustadt", "NI"),  # no coordinates: lies at its place's centre
    ]
    cities = [city(1, "Neustadt", at(0.5), 9000, alternate_names=["Нойштадт"])]

    gazetteer = build(Sources(coordinates=coordinates, records=records, cities=cities))

    assert [(p.code, p.place_name) for p in gazetteer.postcodes] == [
        ("31000", "Neustadt"),
        ("31001", "Neustadt"),
        ("31002", "Weitweg"),
        ("31098", "Neustadt"),
        ("31099", "Neustadt"),
    ]
    neustadt_centre = at(2)
    assert (gazetteer.postcodes[3].latitude, gazetteer.postcodes[3].longitude) == pytest.approx(neustadt_centre)
    assert [(p.name, p.population, p.plz, [n.key for n in p.names]) for p in gazetteer.places] == [
        ("Neustadt", 9000, "31000", ["neustadt", "ноиштадт"]),  # й: its breve is a combining mark
        ("Weitweg", 0, "31002", ["weitweg"]),
    ]
    assert (gazetteer.places[0].latitude, gazetteer.places[0].longitude) == at(0.5)  # GeoNames' centre
