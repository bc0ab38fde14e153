"""
News ("Aktuelles"): a `NewsItem` (its slug, date, owner and Handlungsschwerpunkte, the same in every language) and
its versioned texts per language, `NewsItemContent` (title, teaser, image with alternative text, and a body edited
with the pages' text editor). Visitors see published texts in their language only (see programme.editorial).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from filer.fields.image import FilerImageField

from programme.editorial.content import EditorialContent, EditorialItem, Vocabulary, item_url, reserved_slugs


class Schwerpunkt(Vocabulary):
    """One of the programme's five Handlungsschwerpunkte, as a tag of news items (`schwerpunkt=<slug>`)."""

    class Term(models.TextChoices):
        BERATUNG = "beratung", _("Recognition and qualification counselling")
        QUALIFIZIERUNG = "qualifizierung", _("Qualification measures")
        INTERKULTURELL = "interkulturelle-kompetenz", _("Intercultural competence and anti-discrimination")
        EINWANDERUNG = "einwanderung", _("Regional skilled-worker networks – immigration")
        FAIRE_INTEGRATION = "faire-integration", _("Fair integration")

    class Meta(Vocabulary.Meta):
        verbose_name = _("Handlungsschwerpunkt")
        verbose_name_plural = _("Handlungsschwerpunkte")


class NewsItem(EditorialItem):
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        validators=[reserved_slugs("feed")],
        help_text=_("The item's address in every language: /aktuelles/<slug>/. Lower-case letters, digits, hyphens."),
    )
    date = models.DateField(_("date"), default=timezone.localdate, help_text=_("Lists show the newest first."))
    schwerpunkte = models.ManyToManyField(
        Schwerpunkt, blank=True, related_name="news_items", verbose_name=_("Handlungsschwerpunkte")
    )

    class Meta(EditorialItem.Meta):
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-date", "-pk"]

    def get_absolute_url(self, language=None):
        return item_url("news:detail", language, slug=self.slug)


class NewsItemContentQuerySet(models.QuerySet):
    def for_lists(self):
        return self.select_related("news_item__landesnetzwerk", "news_item__fachstelle", "image").prefetch_related(
            "news_item__schwerpunkte"
        )

    def newest_first(self):
        return self.order_by("-news_item__date", "-news_item_id")

    def of_network(self, network):
        return self.filter(news_item__landesnetzwerk=network)

    def with_schwerpunkt(self, schwerpunkt):
        return self.filter(news_item__schwerpunkte=schwerpunkt)


class NewsItemContent(EditorialContent):
    """A news item's texts in one language; one draft/published series per language (djangocms-versioning)."""

    grouper_field = "news_item"
    template_name = "news/detail.html"

    news_item = models.ForeignKey(
        NewsItem, on_delete=models.CASCADE, related_name="contents", verbose_name=_("news item")
    )
    image = FilerImageField(on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("image"))
    image_alt = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )

    objects = NewsItemContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("news text")
        verbose_name_plural = _("news texts")

    def clean(self):
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Describe the image for people who cannot see it.")})
