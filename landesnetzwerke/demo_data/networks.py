"""The 16 Landesnetzwerke of 2019–2022 (names, and coordinating bodies where verified in the programme's own
publications) and topics."""

# Inhabitants per Land in thousands (Destatis, 31 Dec 2021, rounded); used only to spread the sample offices.
LAND_POPULATION = {
    "BW": 11125,
    "BY": 13177,
    "BE": 3677,
    "BB": 2537,
    "HB": 677,
    "HH": 1854,
    "HE": 6295,
    "MV": 1611,
    "NI": 8027,
    "NW": 17925,
    "RP": 4106,
    "SL": 983,
    "SN": 4043,
    "ST": 2169,
    "SH": 2922,
    "TH": 2109,
}


# (Bundesland, slug, name, coordinating organisation or "" where it could not be verified)
NETWORKS = [
    ("BW", "baden-wuerttemberg", "IQ Netzwerk Baden-Württemberg", ""),
    ("BY", "bayern", "MigraNet – IQ Landesnetzwerk Bayern", "Tür an Tür Integrationsprojekte gGmbH, Augsburg"),
    ("BE", "berlin", "IQ Landesnetzwerk Berlin", "Beauftragte des Berliner Senats für Integration und Migration"),
    (
        "BB",
        "brandenburg",
        "IQ Netzwerk Brandenburg",
        "Ministerium für Wirtschaft, Arbeit und Energie des Landes Brandenburg",
    ),
    ("HB", "bremen", "IQ Netzwerk Bremen", ""),
    ("HH", "hamburg", "IQ Netzwerk Hamburg", "Behörde für Arbeit, Soziales, Familie und Integration (BASFI), Hamburg"),
    ("HE", "hessen", "IQ Netzwerk Hessen", ""),
    ("MV", "mecklenburg-vorpommern", "IQ Netzwerk Mecklenburg-Vorpommern", "migra e.V., Rostock"),
    ("NI", "niedersachsen", "IQ Netzwerk Niedersachsen", "RKW Nord"),
    ("NW", "nordrhein-westfalen", "IQ Netzwerk NRW", ""),
    ("RP", "rheinland-pfalz", "IQ Netzwerk Rheinland-Pfalz", ""),
    ("SL", "saarland", "IQ Netzwerk Saarland", "FITT gGmbH"),
    ("SN", "sachsen", "IQ Netzwerk Sachsen", ""),
    ("ST", "sachsen-anhalt", "IQ Netzwerk Sachsen-Anhalt", ""),
    ("SH", "schleswig-holstein", "IQ Netzwerk Schleswig-Holstein", ""),
    ("TH", "thueringen", "IQ Netzwerk Thüringen", ""),
]

# English names of the Länder for the English descriptions (German names come from Bundesland.label).
LAND_NAME_EN = {
    "BW": "Baden-Württemberg",
    "BY": "Bavaria",
    "BE": "Berlin",
    "BB": "Brandenburg",
    "HB": "Bremen",
    "HH": "Hamburg",
    "HE": "Hesse",
    "MV": "Mecklenburg-Western Pomerania",
    "NI": "Lower Saxony",
    "NW": "North Rhine-Westphalia",
    "RP": "Rhineland-Palatinate",
    "SL": "Saarland",
    "SN": "Saxony",
    "ST": "Saxony-Anhalt",
    "SH": "Schleswig-Holstein",
    "TH": "Thuringia",
}


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
