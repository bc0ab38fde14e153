"""django CMS's URL reload after an editor changed an apphook, made cheaper for production."""

import logging
import time

from cms.utils import apphook_reload
from django.conf import settings
from django.db import DatabaseError

from iqportal.paths import WITHOUT_PAGE_URLS, is_static_or_media

logger = logging.getLogger("iqportal")


class ApphookReloadMiddleware:
    """
    django CMS's ApphookReloadMiddleware (reloads the URLs when an editor changed an apphook), with three
    changes for production: it skips static files, media, the health check and robots.txt; it asks the database
    at most every APPHOOK_RELOAD_INTERVAL seconds per process (0, the DEBUG default, means every request, as
    django CMS does); and a database outage does not stop the request (the view answers 503 if it must).

    django CMS builds the apphooks' URL patterns once per process, and builds none (silently) while the database
    is down: a process that started during an outage would serve the Lotse, the networks and the Fachstellen as
    plain pages ever after. So after a check failed for want of the database, the first one that succeeds
    reloads the URLs.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._next_check = 0.0
        self._reload_after_outage = False

    def __call__(self, request):
        path = request.path_info
        if not (is_static_or_media(path) or path in WITHOUT_PAGE_URLS):
            now = time.monotonic()
            if now >= self._next_check:
                try:
                    apphook_reload.ensure_urlconf_is_up_to_date()
                except DatabaseError:
                    logger.warning("Apphook reload check skipped: database unavailable")
                    self._reload_after_outage = True
                else:
                    if self._reload_after_outage:
                        self._reload_after_outage = False
                        apphook_reload.reload_urlconf()
                    self._next_check = now + settings.APPHOOK_RELOAD_INTERVAL
        return self.get_response(request)
