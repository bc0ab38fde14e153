"""
Languages commonly offered in IQ counselling: ISO 639 code, English name, name in the language itself.

The English names are marked with gettext_noop so that `makemessages` puts them into the catalogues;
`Sprache.name` translates them at display time into the visitor's language. `load_directory` creates a
`Sprache` row for each entry (codes are ISO 639-1, or ISO 639-3 where no two-letter code exists).
"""

from django.utils.translation import gettext_noop

COUNSELLING_LANGUAGES = [
    ("de", gettext_noop("German"), "Deutsch"),
    ("en", gettext_noop("English"), "English"),
    ("ar", gettext_noop("Arabic"), "العربية"),
    ("fa", gettext_noop("Persian"), "فارسی"),
    ("prs", gettext_noop("Dari"), "دری"),
    ("ps", gettext_noop("Pashto"), "پښتو"),
    ("ku", gettext_noop("Kurdish"), "Kurdî"),
    ("tr", gettext_noop("Turkish"), "Türkçe"),
    ("uk", gettext_noop("Ukrainian"), "Українська"),
    ("ru", gettext_noop("Russian"), "Русский"),
    ("pl", gettext_noop("Polish"), "Polski"),
    ("ro", gettext_noop("Romanian"), "Română"),
    ("bg", gettext_noop("Bulgarian"), "Български"),
    ("hu", gettext_noop("Hungarian"), "Magyar"),
    ("es", gettext_noop("Spanish"), "Español"),
    ("fr", gettext_noop("French"), "Français"),
    ("it", gettext_noop("Italian"), "Italiano"),
    ("pt", gettext_noop("Portuguese"), "Português"),
    ("el", gettext_noop("Greek"), "Ελληνικά"),
    ("sr", gettext_noop("Serbian"), "Српски"),
    ("hr", gettext_noop("Croatian"), "Hrvatski"),
    ("bs", gettext_noop("Bosnian"), "Bosanski"),
    ("sq", gettext_noop("Albanian"), "Shqip"),
    ("vi", gettext_noop("Vietnamese"), "Tiếng Việt"),
    ("zh", gettext_noop("Chinese"), "中文"),
    ("ti", gettext_noop("Tigrinya"), "ትግርኛ"),
    ("so", gettext_noop("Somali"), "Soomaali"),
    ("hi", gettext_noop("Hindi"), "हिन्दी"),
    ("ur", gettext_noop("Urdu"), "اردو"),
]
