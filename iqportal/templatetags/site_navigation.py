"""
django CMS's menu and breadcrumb for visitors, rendered once per language and page until the page tree changes.

django CMS keeps the menu's nodes in its cache, but on every request asks the database whether that cache may be used
(menus.models.CacheKey), marks the selected node and renders the menu's template again. For visitors without an
account (no toolbar, no drafts) the HTML of `{% show_menu 0 0 0 0 template %}` and `{% show_breadcrumb 0 template %}`
depends only on the language and the page, so `{% site_menu template %}` and `{% site_breadcrumb template %}`
keep it in the cache until django CMS's page cache version changes (iqportal.cache.cached_for_cms_pages: publishing,
moving or deleting a page, changing its permissions, saving an office). Logged-in users get django CMS's tags.
"""

from functools import cache

from django import template
from django.template import engines
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from menus.menu_pool import menu_pool

from iqportal.cache import cached_for_cms_pages

register = template.Library()

_TAGS = {
    "menu": "{% load menu_tags %}{% show_menu 0 0 0 0 navigation_template %}",
    "breadcrumb": "{% load menu_tags %}{% show_breadcrumb 0 navigation_template %}",
}


@cache
def _compiled(kind):
    return engines["django"].engine.from_string(_TAGS[kind])


def _render(context, kind, template_name):
    with context.push(navigation_template=template_name):
        return _compiled(kind).render(context)


def _only_page_menus():
    """Whether the menus are django CMS's pages only: their selected node follows the current page, not the URL (a
    menu an apphook attaches may select by URL, which the cache key does not hold)."""
    return set(menu_pool.get_registered_menus(for_rendering=True)) == {"CMSMenu"}


def _navigation(context, kind, template_name):
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or user is None or user.is_authenticated or not _only_page_menus():
        return _render(context, kind, template_name)
    page = getattr(request, "current_page", None)
    language = getattr(request, "LANGUAGE_CODE", None) or get_language()
    key = f"navigation:{kind}:{template_name}:{language}:{get_language()}:{page.pk if page else '-'}"
    html = cached_for_cms_pages(key, lambda: str(_render(context, kind, template_name)))
    return mark_safe(html)  # noqa: S308 - django CMS's menu as its templates rendered it


@register.simple_tag(takes_context=True)
def site_menu(context, template_name):
    """`{% show_menu 0 0 0 0 template_name %}`, for visitors from the cache (see the module's doc)."""
    return _navigation(context, "menu", template_name)


@register.simple_tag(takes_context=True)
def site_breadcrumb(context, template_name):
    """`{% show_breadcrumb 0 template_name %}`, for visitors from the cache (see the module's doc)."""
    return _navigation(context, "breadcrumb", template_name)
