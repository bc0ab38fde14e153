"""Display values computed for the plugins' templates: locale-formatted numbers, chart geometry, JSON-LD, URLs."""

import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.urls import NoReverseMatch, reverse
from django.utils import numberformat
from django.utils.formats import get_format, number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from landesnetzwerke.lotse.links import lotse_url
from programme.models import Faq, FaqItem, Figure, LotseSearchForm

# The characters that could end a <script> element or open markup inside JSON, as Unicode escapes
# (the same set Django's json_script escapes).
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def format_number(value) -> str:
    """
    An integer grouped in threes with the active locale's separator: 185.365 in German, 185,365 in English.
    Locales that define no grouping (Django's ar and fa formats) are grouped in threes too: large figures are
    hard to read without it.
    """
    return numberformat.format(
        value,
        get_format("DECIMAL_SEPARATOR"),
        decimal_pos=0,
        grouping=get_format("NUMBER_GROUPING") or 3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


def format_percent(percent: float) -> str:
    """A share rounded half up to whole percent (one decimal near 0 and 100, so 0.4 % never shows as 0 %)."""
    exponent = Decimal("0.1") if 0 < percent < 1 or 99 < percent < 100 else Decimal("1")
    rounded = Decimal(str(percent)).quantize(exponent, rounding=ROUND_HALF_UP)
    # Translators: a percentage; German puts a space before the sign ("52 %").
    return gettext("%(percent)s%%") % {"percent": number_format(rounded)}


@dataclass(frozen=True)
class Section:
    """The markup of a block of entries (programme/plugins/section.html): the section's class, the prefix of its
    heading's id (default: the class), and the element that lists the entries."""

    css_class: str
    id_prefix: str = ""
    list_tag: str = "ul"
    list_class: str = ""

    def __post_init__(self):
        if not self.id_prefix:
            object.__setattr__(self, "id_prefix", self.css_class)


@dataclass(frozen=True)
class FigureDisplay:
    value: str
    label: str
    approximate: bool
    part: str = ""
    part_label: str = ""
    rest: str = ""
    rest_label: str = ""
    percent: str = ""
    chart: str = ""
    bar_width: str = ""  # SVG user units (0–100), always with a dot
    donut_dash: str = ""  # stroke-dasharray for a circle with circumference 100

    @property
    def has_chart(self) -> bool:
        return bool(self.chart)


def figure_display(figure: Figure) -> FigureDisplay:
    base = {"value": format_number(figure.value), "label": figure.label, "approximate": figure.approximate}
    percent = figure.part_percent
    if percent is None:
        return FigureDisplay(**base)
    return FigureDisplay(
        **base,
        part=format_number(figure.part_value),
        part_label=figure.part_label,
        rest=format_number(figure.rest_value) if figure.rest_label else "",
        rest_label=figure.rest_label,
        percent=format_percent(percent),
        chart=figure.chart,
        bar_width=f"{percent:.2f}",
        donut_dash=f"{percent:.2f} {100 - percent:.2f}",
    )


def faq_items(faq: Faq) -> list[FaqItem]:
    """The FAQ's entries in their order; uses the plugin tree the CMS built for rendering when there is one."""
    children = faq.child_plugin_instances
    if children is None:
        children = FaqItem.objects.filter(parent_id=faq.pk).order_by("position")
    return [child for child in children if isinstance(child, FaqItem)]


def faq_json_ld(items: list[FaqItem]) -> SafeString:
    """schema.org FAQPage data, serialised by json.dumps and escaped for a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": item.question,
                "acceptedAnswer": {"@type": "Answer", "text": item.answer},
            }
            for item in items
        ],
    }
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES))


def checklist_url() -> str:
    try:
        return reverse("programme:employer_checklist")
    except NoReverseMatch:
        return f"/{get_language()}/arbeitgeber/checkliste/"


@dataclass(frozen=True)
class LotseFormDisplay:
    action: str
    field_id: str
    field_label: str
    field_hint: str
    button_label: str
    thema: str
    link_text: str
    link_url: str


def lotse_form_display(form: LotseSearchForm) -> LotseFormDisplay:
    action = lotse_url() or f"/{get_language()}/lotse/"  # the contract path while no page has the apphook
    link_url = f"{action}?thema={form.thema}" if form.thema else action
    return LotseFormDisplay(
        action=action,
        field_id=f"lotse-q-{form.pk}",
        field_label=form.field_label or gettext("Postcode or place"),
        field_hint=form.field_hint,
        button_label=form.button_label or gettext("Find counselling"),
        thema=form.thema,
        link_text=form.link_text,
        link_url=link_url,
    )
