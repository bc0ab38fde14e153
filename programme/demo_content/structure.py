"""
The page tree of DESIGN.md section 3 plus the counselling and Leichte Sprache pages: the same slugs in every
language. A page exists in the languages whose module (de.py, en.py, ar.py, …) has text for it.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    reverse_id: str
    slug: str
    template: str = "content.html"
    parent: str | None = None
    in_navigation: bool = False
    apphook: str = ""
    apphook_namespace: str = ""
    is_home: bool = False


LEICHTE_SPRACHE_PAGE = "leichte-sprache"

# Parents come before their children; the order is the order of the main navigation.
PAGE_TREE: tuple[PageSpec, ...] = (
    PageSpec("home", "home", template="home.html", is_home=True),
    PageSpec("programm", "programm", in_navigation=True),
    PageSpec("handlungsschwerpunkte", "handlungsschwerpunkte", parent="programm", in_navigation=True),
    PageSpec("prozesskette", "prozesskette", parent="programm", in_navigation=True),
    PageSpec(
        "landesnetzwerke",
        "landesnetzwerke",
        in_navigation=True,
        apphook="LandesnetzwerkeApphook",
        apphook_namespace="landesnetzwerke",
    ),
    PageSpec(
        "fachstellen", "fachstellen", in_navigation=True, apphook="FachstellenApphook", apphook_namespace="fachstellen"
    ),
    # What counselling is, right before the Lotse that finds it: people read what it offers, then search.
    PageSpec("beratung", "beratung", in_navigation=True),
    PageSpec("lotse", "lotse", in_navigation=True, apphook="LotseApphook", apphook_namespace="lotse"),
    PageSpec("arbeitgeber", "arbeitgeber", in_navigation=True),
    PageSpec("impressum", "impressum"),
    PageSpec("datenschutz", "datenschutz"),
    PageSpec("barrierefreiheit", "barrierefreiheit"),
    # German only (easy-read German); the header links to /de/leichte-sprache/ from every page in every language.
    PageSpec(LEICHTE_SPRACHE_PAGE, "leichte-sprache"),
)

EMPLOYER_PAGE = "arbeitgeber"
