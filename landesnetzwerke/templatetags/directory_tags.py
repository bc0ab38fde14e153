"""Template helpers for directory pages (Landesnetzwerke, Fachstellen, office lists)."""

from dataclasses import dataclass

from django import template
from django.utils.translation import get_language

from iqportal.templatetags.site_i18n import language_attrs, language_dir

register = template.Library()


@dataclass
class TranslatedText:
    text: str
    language: str
    is_fallback: bool

    @property
    def direction(self):
        return language_dir(self.language)

    @property
    def lang_attrs(self):
        """' lang="…" dir="…"' for the element holding fallback text; nothing for text in the visitor's language."""
        return language_attrs(self.language) if self.is_fallback else ""


@register.simple_tag
def translated(obj, field_name):
    """
    A django-parler field in the visitor's language, or in the first fallback language that has it. The result
    says which language the text is in, so the template can mark fallback text with lang/dir.
    """
    current = get_language()
    available = set(obj.get_available_languages())  # uses prefetched translations
    for code in [current, *obj.get_fallback_languages()]:
        if code in available:
            text = obj.safe_translation_getter(field_name, language_code=code, any_language=False) or ""
            if text:
                return TranslatedText(text=text, language=code, is_fallback=code != current)
    return TranslatedText(text="", language=current, is_fallback=False)
