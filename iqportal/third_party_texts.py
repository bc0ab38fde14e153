"""
Words that third-party apps show in the admin but leave untranslated in some of the site's languages (their own
catalogues lack them). Marked here so that `make messages` puts them into the project's catalogues, which Django
searches first (LOCALE_PATHS); the msgids must stay exactly the apps' own.
"""

from django.utils.translation import gettext_noop

THIRD_PARTY_TEXTS = (
    gettext_noop("Content"),  # djangocms-versioning: a column of the version list
)
