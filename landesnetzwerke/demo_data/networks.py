"""
The 16 Landesnetzwerke of the sample content and the counselling topics.

The networks' facts (slug, name, coordinating body, the Land's English name and population) are data, one table
per Bundesland in networks.toml; this module gives the views of them that the loaders use.
"""

import tomllib
from pathlib import Path

with Path(__file__).with_name("networks.toml").open("rb") as _file:
    _LANDS = tomllib.load(_file)

# Inhabitants per Land in thousands; used only to spread the sample offices.
LAND_POPULATION = {land: facts["population_thousands"] for land, facts in _LANDS.items()}
# (Bundesland, slug, name, coordinating organisation or "" where it is not confirmed)
NETWORKS = [(land, facts["slug"], facts["name"], facts["coordination"]) for land, facts in _LANDS.items()]
# English names of the Länder for the English descriptions (German names come from Bundesland.label).
LAND_NAME_EN = {land: facts["name_en"] for land, facts in _LANDS.items()}


def network_descriptions(land_de, land_en, coordination):
    """Short descriptions in German and English, written for this site."""
    de = (
        f"Das Landesnetzwerk setzt das Förderprogramm „Integration durch Qualifizierung (IQ)“ in {land_de} um. "
        "Seine Teilprojekte beraten Menschen mit ausländischen Berufsabschlüssen zur Anerkennung und zu "
        "passenden Qualifizierungen, unterstützen Betriebe bei der Gewinnung internationaler Fachkräfte und "
        "schulen Jobcenter, Arbeitsagenturen und Verwaltungen in interkultureller Kompetenz. "
        "Die Beratung ist kostenlos und steht allen offen, unabhängig von Staatsangehörigkeit und Aufenthaltsstatus."
    )
    en = (
        f"This network runs the “Integration through Qualification (IQ)” programme in {land_en}. "
        "Its projects advise people with foreign vocational qualifications on recognition and on suitable "
        "training, help employers recruit skilled workers from abroad, and train job centres, employment "
        "agencies and public administrations in intercultural competence. "
        "Counselling is free of charge and open to everyone, whatever their nationality or residence status."
    )
    if coordination:
        de += f" Koordiniert wird das Netzwerk von: {coordination}."
        en += f" The network is coordinated by: {coordination}."
    return de, en


# Counselling topics: slug (the Lotse's `thema` value), German and English name.
TOPICS = [
    ("anerkennung", "Anerkennungsberatung", "Recognition counselling"),
    ("qualifizierung", "Qualifizierungsberatung", "Qualification counselling"),
    ("faire-integration", "Faire Integration", "Fair Integration (rights at work)"),
    ("arbeitgeber", "Arbeitgeberberatung / Fachkräfteeinwanderung", "Advice for employers / skilled immigration"),
]
