"""Addresses of the partner portals, shared by the language modules (the link texts are translated there)."""

ANERKENNUNG_URL = "https://www.anerkennung-in-deutschland.de/"
MAKE_IT_IN_GERMANY_URL = "https://www.make-it-in-germany.com/"
ZSBA_URL = "https://www.arbeitsagentur.de/vor-ort/zav/working-living-in-germany/zsba"
FAIRE_INTEGRATION_URL = "https://www.faire-integration.de/"
INQA_URL = "https://www.inqa.de/"
CHARTA_URL = "https://www.charta-der-vielfalt.de/"

# The hotline "Arbeiten und Leben in Deutschland" of the Federal Government; no-break spaces keep it on one line.
HOTLINE = "+49\u00a030\u00a01815-1111"
