"""
Names in the admin that third-party apps leave untranslated, in the editor's language.

djangocms-versioning names its version models after their classes ("Page content versions") and its list's content
column after the field ("Content"); django-otp gives plain strings ("TOTP device", app "Otp_Totp"). None of these
passes through gettext, so no catalogue entry can translate them. They get translated names here, once, when the
apps are ready (names only: the migrations read the models' original Meta, which this leaves alone).
"""

from django.apps import apps
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


def translate_third_party_labels() -> None:
    versioning = apps.get_app_config("djangocms_versioning").cms_extension  # type: ignore[attr-defined]
    for versionable in versioning.versionables:
        proxy_meta = versionable.version_model_proxy._meta
        grouper_meta = versionable.grouper_model._meta
        # "Pages – versions": the list of every version of the pages.
        proxy_meta.verbose_name = format_lazy(_("{name} – version"), name=grouper_meta.verbose_name)
        proxy_meta.verbose_name_plural = format_lazy(_("{name} – versions"), name=grouper_meta.verbose_name_plural)
        # The version list's column header: the admin takes the short_description of the generic relation, if any
        # (each proxy model has its own copy of it).
        versionable.version_model_proxy.content.short_description = _("Content")

    totp_device = apps.get_model("otp_totp", "TOTPDevice")
    totp_device._meta.verbose_name = _("TOTP device")
    totp_device._meta.verbose_name_plural = _("TOTP devices")
    apps.get_app_config("otp_totp").verbose_name = _("Two-factor login")
    apps.get_app_config("axes").verbose_name = _("Login throttling")
