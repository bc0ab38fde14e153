"""
Plugin models for the programme's editorial content.

Every block an editor may change (a figure, a step of the Prozesskette, a step of the employer guide, an FAQ
entry, a partner portal) is its own plugin with its own fields. Containers (figures block, process chain,
employer guide, FAQ, partner list) are parent plugins; their entries are child plugins, so editors add,
reorder and change entries in the structure board.
"""

from cms.models import CMSPlugin
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

HEADING_LEVELS = [(2, _("Level 2 (section)")), (3, _("Level 3 (subsection)"))]

# A link target: an absolute http(s) URL or a path on this site ("/de/lotse/").
link_validator = RegexValidator(
    regex=r"^(https?://[^\s]+|/[^\s]*)$",
    message=_("Enter a full web address (https://…) or a path on this site starting with “/”."),
)


class Section(CMSPlugin):
    """A block with an optional heading (an h2)."""

    title = models.CharField(_("heading"), max_length=200, blank=True)
    untitled = ""  # what the structure board calls the block when it has no heading

    class Meta:
        abstract = True

    def __str__(self):
        return self.title or str(self.untitled)


class IntroducedSection(Section):
    """A block with an optional heading and introduction."""

    intro = models.TextField(_("introduction"), blank=True)

    class Meta:
        abstract = True


class TitledEntry(CMSPlugin):
    """An entry of a block (a phase, a field of action, a step) with a title of its own."""

    title = models.CharField(_("title"), max_length=200)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title


class Figures(Section):
    """A “Kennzahlen” block: a heading, the period the figures cover, a source note; figures are children."""

    untitled = _("Figures")
    period = models.CharField(
        _("period"), max_length=100, blank=True, help_text=_("For example “Januar 2019 – Dezember 2020”.")
    )
    source = models.TextField(_("source note"), blank=True)


class Figure(CMSPlugin):
    """One figure: a value with its label, optionally a part of it drawn as a small bar or donut chart."""

    class Chart(models.TextChoices):
        BAR = "bar", _("Bar")
        DONUT = "donut", _("Donut")

    value = models.PositiveBigIntegerField(_("value"))
    label = models.CharField(_("label"), max_length=200, help_text=_("What the number counts, e.g. “Beratungen”."))
    approximate = models.BooleanField(_("approximate value"), default=False, help_text=_("Shows “about” before it."))
    part_value = models.PositiveBigIntegerField(
        _("part of the value"), null=True, blank=True, help_text=_("Optional: a part of the value, drawn as a chart.")
    )
    part_label = models.CharField(_("label of the part"), max_length=200, blank=True)
    rest_label = models.CharField(
        _("label of the rest"), max_length=200, blank=True, help_text=_("Optional: what the rest of the value counts.")
    )
    chart = models.CharField(_("chart"), max_length=10, choices=Chart.choices, default=Chart.BAR)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(part_value__isnull=True) | models.Q(part_value__lte=models.F("value")),
                name="programme_figure_part_not_above_value",
            )
        ]

    def __str__(self):
        return f"{self.value} {self.label}"

    def clean(self):
        super().clean()
        if self.part_value is not None:
            if self.value is not None and self.part_value > self.value:
                raise ValidationError({"part_value": _("The part cannot be larger than the value.")})
            if not self.part_label:
                raise ValidationError({"part_label": _("Name the part when you give one.")})

    @property
    def rest_value(self):
        if self.part_value is None:
            return None
        return self.value - self.part_value

    @property
    def part_percent(self):
        """Share of the part in percent (0–100, unrounded), or None without a part."""
        if self.part_value is None or not self.value:
            return None
        return 100 * self.part_value / self.value


class ProcessChain(IntroducedSection):
    """The Prozesskette: an ordered list of phases (children)."""

    untitled = _("Process chain")


class ProcessStep(TitledEntry):
    text = models.TextField(_("text"))


class Handlungsschwerpunkt(TitledEntry):
    """One of the programme's fields of action, with an optional link to read or act on."""

    text = models.TextField(_("text"))
    link_url = models.CharField(_("link"), max_length=500, blank=True, validators=[link_validator])
    link_text = models.CharField(_("link text"), max_length=200, blank=True)
    heading_level = models.PositiveSmallIntegerField(_("heading level"), choices=HEADING_LEVELS, default=2)

    def clean(self):
        super().clean()
        if self.link_url and not self.link_text:
            raise ValidationError({"link_text": _("A link needs a text that says where it leads.")})


class EmployerGuide(IntroducedSection):
    """The employer's step-by-step guide; steps are children. The printable checklist reads the same steps."""

    untitled = _("Employer guide")
    show_checklist_link = models.BooleanField(_("link to the printable checklist"), default=True)


class EmployerStep(TitledEntry):
    what_to_do = models.TextField(_("what to do"))
    who_helps = models.TextField(_("who helps"), blank=True)
    documents = models.TextField(_("documents"), blank=True, help_text=_("One document per line."))
    duration = models.CharField(_("typical duration"), max_length=200, blank=True)

    @property
    def document_list(self):
        return [line.strip(" -•\t") for line in self.documents.splitlines() if line.strip(" -•\t")]


class Faq(Section):
    """Questions and answers (children), also published as schema.org FAQPage data."""

    untitled = _("FAQ")


class FaqItem(CMSPlugin):
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"))

    def __str__(self):
        return self.question


class PartnerLinks(IntroducedSection):
    """Links to other portals (children)."""

    untitled = _("Partner portals")


class PartnerLink(CMSPlugin):
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("web address"), max_length=500)
    description = models.TextField(_("description"), blank=True)

    def __str__(self):
        return self.name


class LotseSearchForm(IntroducedSection):
    """A small search form that leads to the Lotse (GET /<lang>/lotse/?q=…&thema=…)."""

    thema = models.SlugField(
        _("topic"),
        max_length=50,
        blank=True,
        help_text=_("Optional Lotse topic sent with the search, e.g. “arbeitgeber”."),
    )
    field_label = models.CharField(_("label of the search field"), max_length=200, blank=True)
    field_hint = models.CharField(_("hint below the label"), max_length=300, blank=True)
    button_label = models.CharField(_("button text"), max_length=100, blank=True)
    link_text = models.CharField(
        _("text of a link to the Lotse"),
        max_length=200,
        blank=True,
        help_text=_("Optional link to all search options."),
    )

    def __str__(self):
        return self.title or Truncator(self.intro).words(5) or str(_("Lotse search form"))
