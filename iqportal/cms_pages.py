"""
The django CMS page of an apphook's views, for visitors without a database query.

On every request to an apphook view, django CMS finds the page the apphook is attached to by the URL, checks that
the visitor may see it (its view restrictions) and, for the page's title, reads its contents: three queries on each
Lotse search (cms.utils.decorators.cms_perms, cms.utils.page.get_page_from_request). `apphook_page_view` does the
same for visitors without an account from the cache: the page, with its contents and URLs in every language, and
whether visitors may see it, kept until django CMS's page cache version changes (publishing, moving or deleting a
page; changing page permissions, see `register_invalidation`). Logged-in users and editors get django CMS's own
checks. An apphook whose views use it sets `permissions = False`, so that django CMS does not check them twice.
"""

from functools import wraps
from urllib.parse import quote

from cms import appresolver
from cms.cache import invalidate_cms_page_cache
from cms.page_rendering import _handle_no_page
from cms.utils import get_current_site
from cms.utils.decorators import cms_perms
from cms.utils.i18n import get_language_list
from cms.utils.page_permissions import user_can_view_page
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import NoReverseMatch, Resolver404, reverse

from iqportal.cache import cached_for_cms_pages


def apphook_page_view(view):
    """Wraps an apphook's view: the page and the visitor's permission from the cache (see the module's doc)."""
    checked_by_cms = cms_perms(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            return checked_by_cms(request, *args, **kwargs)
        found = visitor_page(request)
        if found is not None:
            page, visible = found
            request._current_page_cache = page  # what django CMS's CurrentPageMiddleware looks up
            if page.login_required:
                return redirect_to_login(quote(request.get_full_path()), settings.LOGIN_URL)
            if not visible:
                return _handle_no_page(request)
        return view(request, *args, **kwargs)

    return wrapper


def visitor_page(request):
    """(page, whether visitors may see it) for an apphook URL, from the cache; None outside any apphook."""
    site = get_current_site(request)
    page_id = apphook_page_id(request, site)
    if page_id is None:
        return None
    return cached_for_cms_pages(f"apphook-page:{site.pk}:{page_id}", lambda: _load_page(page_id, site))


def apphook_page_id(request, site):
    """The id of the page whose apphook serves the request's URL, from django CMS's URL resolvers (no query)."""
    try:
        path = request.path_info.replace(reverse("pages-root"), "", 1)
    except NoReverseMatch:
        path = request.path_info
    for language in get_language_list(site_id=site.pk):
        if path.startswith(f"{language}/"):
            path = path[len(language) + 1 :]
    for resolver in appresolver.APP_RESOLVERS:
        try:
            return resolver.resolve_page_id(path)
        except Resolver404:
            continue
    return None


def _load_page(page_id, site):
    from cms.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return None
    page.get_content_obj()  # reads the published contents of every language into page.page_content_cache
    page.urls_cache = {url.language: url for url in page.urls.all()}
    return page, user_can_view_page(AnonymousUser(), page, site)


def register_invalidation():
    """Page permissions decide what visitors may see: changing them starts a new page cache version."""
    from iqportal import invalidation

    invalidation.register(invalidate_cms_page_cache, ["cms.PagePermission", "cms.GlobalPagePermission"])
