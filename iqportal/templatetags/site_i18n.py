"""
Template tags for the site's languages: the language switcher, hreflang alternates, and the
language of fallback content.

Every language in settings.LANGUAGES gets a link to the same page in that language (CMS pages
and apphook pages alike, via django CMS's language changer), with the visitor's query string
(e.g. the Lotse search) kept.
"""

from dataclasses import dataclass

from cms.models import PageContent
from cms.utils.i18n import get_fallback_languages
from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from menus.utils import DefaultLanguageChanger

register = template.Library()

# How each language names itself where the common spelling differs from Django's LANG_INFO
# (Django writes Arabic with a shadda: "العربيّة").
NATIVE_NAMES = {"ar": "العربية"}


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name_local: str
    bidi: bool
    url: str
    is_current: bool
    is_default: bool
    has_content: bool = True  # False: the page has no version in this language (it shows a fallback)

    @property
    def dir(self):
        return "rtl" if self.bidi else "ltr"


def native_name(code):
    return NATIVE_NAMES.get(code) or get_language_info(code)["name_local"]


def cms_page_paths(request):
    """For a CMS page (not an apphook view): its path per language and the languages it has content in, fetched
    in one query; else (None, None)."""
    toolbar = getattr(request, "toolbar", None)
    content = getattr(toolbar, "obj", None)
    if not isinstance(content, PageContent) or toolbar.edit_mode_active or toolbar.preview_mode_active:
        return None, None
    page = content.page
    own = {url.language: url.path for url in page.urls.all() if url.path is not None}
    if page.is_home:
        return {code: "" for code, _name in settings.LANGUAGES}, set(own)
    paths = {}
    for code, _name in settings.LANGUAGES:
        candidates = [code, *get_fallback_languages(code, site_id=page.site_id)]
        paths[code] = next((own[language] for language in candidates if language in own), None)
    return paths, set(own)


def cms_page_url(path, code):
    with translation.override(code):
        if path == "":
            return reverse("pages-root")
        return reverse("pages-details-by-slug", kwargs={"slug": path})


def page_url_in(request, code):
    """The URL of the page the visitor is on, in language `code` (as django CMS's page_language_url)."""
    changer = getattr(request, "_language_changer", None)
    if changer is not None:
        try:
            return changer(code)
        except NoReverseMatch:
            pass
    return DefaultLanguageChanger(request)(code)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One LanguageLink per site language, for the page being shown (query string kept)."""
    request = context.get("request")
    current = getattr(request, "LANGUAGE_CODE", None) or get_language()
    query = request.GET.urlencode() if request is not None else ""
    paths, own_languages = cms_page_paths(request) if request is not None else (None, None)
    links = []
    for code, _name in settings.LANGUAGES:
        if paths is not None and paths.get(code) is not None:
            url = cms_page_url(paths[code], code)
        elif request is not None:
            url = page_url_in(request, code)
        else:
            url = f"/{code}/"
        if not url:
            url = f"/{code}/"
        if query:
            url = f"{url}?{query}"
        links.append(
            LanguageLink(
                code=code,
                name_local=native_name(code),
                bidi=get_language_info(code)["bidi"],
                url=url,
                is_current=code == current,
                is_default=code == settings.LANGUAGE_CODE,
                has_content=own_languages is None or code in own_languages,
            )
        )
    return links


@register.simple_tag(takes_context=True)
def switch_to_request_language(context):
    """
    Activates the visitor's language (the URL's) and returns the language active before.

    django CMS renders a page that lacks the requested language with a fallback language activated
    for the whole template. base.html calls this first, so the interface, <html lang> and dir follow
    the URL; the returned content language lets page templates render and mark the fallback content
    (`{% language CONTENT_LANGUAGE %}<div lang=…>`).
    """
    content_language = get_language()
    request = context.get("request")
    requested = getattr(request, "LANGUAGE_CODE", None)
    if requested and requested != content_language:
        translation.activate(requested)
    return content_language


@register.filter
def language_dir(code):
    """'rtl' or 'ltr' for a language code (e.g. to mark fallback content)."""
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


@register.filter
def language_attrs(code):
    """' lang="…" dir="…"' for an element whose content is in the language ``code``; nothing without a code."""
    if not code:
        return ""
    return format_html(' lang="{}" dir="{}"', code, language_dir(code))


@register.filter
def language_name_local(code):
    """The language's name in that language (Deutsch, English, العربية, …)."""
    try:
        return native_name(code)
    except KeyError:
        return code
