"""
The five IQ Fachstellen of 2019–2022 with their fields of action (seeds) and, where verified against the
programme's own publications, their organisations. Descriptions are written for this site; no contact details
are invented.
"""

# slug, name, organisation ("" where not verified), Handlungsfeld de/en, description de/en
FACHSTELLEN = [
    {
        "slug": "beratung-und-qualifizierung",
        "name": "IQ Fachstelle Beratung und Qualifizierung",
        "organisation": "Forschungsinstitut Betriebliche Bildung (f-bb), Nürnberg",
        "handlungsfeld": {"de": "Beratung und Qualifizierung", "en": "Counselling and qualification"},
        "description": {
            "de": (
                "Die Fachstelle sorgt für die Qualität der Anerkennungs- und Qualifizierungsberatung im ganzen "
                "Programm: Sie entwickelt gemeinsame Standards, bildet Beraterinnen und Berater fort und wertet "
                "die Beratungen bundesweit aus. Aus diesem Monitoring stammen die Zahlen zu den Beratungen des "
                "Programms."
            ),
            "en": (
                "This unit looks after the quality of recognition and qualification counselling across the "
                "programme: it develops shared standards, trains counsellors and evaluates the counselling "
                "nationwide. The programme's counselling figures come from this monitoring."
            ),
        },
    },
    {
        "slug": "berufsbezogenes-deutsch",
        "name": "IQ Fachstelle Berufsbezogenes Deutsch",
        "organisation": "passage gGmbH, Hamburg",
        "handlungsfeld": {"de": "Berufsbezogene Sprachförderung", "en": "Job-related German"},
        "description": {
            "de": (
                "Die Fachstelle bündelt das Wissen darüber, wie Deutsch für den Beruf gelernt und gelehrt wird. "
                "Sie unterstützt Lehrkräfte, Bildungsträger und Betriebe mit Konzepten und Materialien, damit "
                "Sprachkurse und Qualifizierungen zu den Anforderungen am Arbeitsplatz passen."
            ),
            "en": (
                "This unit gathers know-how on learning and teaching German for work. It supports teachers, "
                "training providers and employers with concepts and materials, so that language courses and "
                "training match what the workplace requires."
            ),
        },
    },
    {
        "slug": "interkulturelle-kompetenzentwicklung-und-antidiskriminierung",
        "name": "IQ Fachstelle Interkulturelle Kompetenzentwicklung und Antidiskriminierung",
        "organisation": "",
        "handlungsfeld": {
            "de": "Interkulturelle Kompetenzentwicklung und Antidiskriminierung",
            "en": "Intercultural competence and anti-discrimination",
        },
        "description": {
            "de": (
                "Die Fachstelle unterstützt Jobcenter, Arbeitsagenturen, Kommunen und Betriebe dabei, sich "
                "interkulturell zu öffnen und Benachteiligung abzubauen. Sie entwickelt Trainings und "
                "Arbeitshilfen und begleitet die Landesnetzwerke bei diesem Schwerpunkt."
            ),
            "en": (
                "This unit helps job centres, employment agencies, local authorities and employers to open up "
                "to diversity and to reduce discrimination. It develops training and practical guides and "
                "supports the regional networks in this field."
            ),
        },
    },
    {
        "slug": "migrantenoekonomie",
        "name": "IQ Fachstelle Migrantenökonomie",
        "organisation": "ism e. V., Mainz",
        "handlungsfeld": {"de": "Migrantenökonomie", "en": "Migrant entrepreneurship"},
        "description": {
            "de": (
                "Die Fachstelle befasst sich mit Gründungen und Unternehmen von Menschen mit "
                "Einwanderungsgeschichte. Sie zeigt, wie Gründungsberatung und Förderangebote besser zu dieser "
                "Zielgruppe passen, und hilft, bestehende Betriebe zu sichern."
            ),
            "en": (
                "This unit deals with start-ups and businesses founded by people with a migration background. "
                "It shows how start-up advice and funding can better suit them and helps existing businesses "
                "to last."
            ),
        },
    },
    {
        "slug": "einwanderung",
        "name": "IQ Fachstelle Einwanderung",
        "organisation": "",
        "handlungsfeld": {"de": "Einwanderung", "en": "Immigration"},
        "description": {
            "de": (
                "Die Fachstelle verbindet Migrationsforschung und Praxis. Sie bereitet Erkenntnisse zur "
                "Einwanderung von Fachkräften für die Arbeit der Landesnetzwerke auf und begleitet die Umsetzung "
                "des Fachkräfteeinwanderungsgesetzes."
            ),
            "en": (
                "This unit links migration research and practice. It prepares findings on the immigration of "
                "skilled workers for the regional networks and supports the implementation of the Skilled "
                "Immigration Act."
            ),
        },
    },
]
