"""
The name of a content version in the editor's time zone, for the version comparison
(templates/djangocms_versioning/admin/compare.html).

djangocms-versioning's ``Version.verbose_name()`` formats the creation time as stored, in UTC, while the version
list shows it in the site's time zone (TIME_ZONE, Europe/Berlin). ``{{ version|version_label }}`` says the same
in local time, with djangocms-versioning's own words (and so its translations).
"""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from djangocms_versioning.constants import VERSION_STATES
from djangocms_versioning.models import Version

register = template.Library()


@register.filter
def version_label(version: Version) -> str:
    return gettext("Version #{number} ({state} {date})").format(
        number=version.number,
        state=dict(VERSION_STATES)[version.state],
        date=date_format(timezone.localtime(version.created), "DATETIME_FORMAT"),
    )
