"""
The Site record (django.contrib.sites): its domain comes from the SITE_DOMAIN setting and its name is the site's,
never Django's placeholder "example.com". Written after every migrate and by load_demo_content.
"""

from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.contrib.sites.models import Site

SITE_NAME = "IQ Portal"
PLACEHOLDER_DOMAIN = "example.com"  # what django.contrib.sites creates


def configure_site() -> Site:
    """Sets the current Site's domain from SITE_DOMAIN (when set) and replaces the placeholder name; idempotent."""
    site, _created = Site.objects.get_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN or PLACEHOLDER_DOMAIN, "name": SITE_NAME}
    )
    changed = []
    if settings.SITE_DOMAIN and site.domain != settings.SITE_DOMAIN:
        site.domain = settings.SITE_DOMAIN
        changed.append("domain")
    # An editor may rename the site in the admin; only Django's placeholder (or a bare domain) is replaced.
    if site.name in {"", PLACEHOLDER_DOMAIN, site.domain} and site.name != SITE_NAME:
        site.name = SITE_NAME
        changed.append("name")
    if changed:
        site.save(update_fields=changed)
        Site.objects.clear_cache()
    return site


def configure_site_after_migrate(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """post_migrate receiver (sent once per app: this runs for the iqportal app, after the sites app's own)."""
    if using == "default":
        configure_site()
