from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from iqportal.locking import VersionedModel


class Fachstelle(VersionedModel, TranslatableModel):
    """A national expert unit of the programme (one of five in 2019–2022)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    organisation = models.CharField(_("organisation (Träger)"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_sample = models.BooleanField(_("contact details are sample data"), default=False)
    translations = TranslatedFields(
        handlungsfeld=models.CharField(_("field of action (Handlungsfeld)"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )

    class Meta:
        verbose_name = _("Fachstelle")
        verbose_name_plural = _("Fachstellen")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("fachstellen:detail", kwargs={"slug": self.slug})
