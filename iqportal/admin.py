"""The admin's name: the site's, in the editor's language (Django's default says "Django administration")."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("IQ Portal administration")
admin.site.site_title = "IQ Portal"  # the name, the same in every language
