from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "programme"
    verbose_name = _("Programme content")

    def ready(self):
        from django.db.models.signals import pre_save

        from programme.rich_text import normalise_text_plugin_body

        pre_save.connect(normalise_text_plugin_body, sender="djangocms_text.Text", dispatch_uid="programme-text-body")
