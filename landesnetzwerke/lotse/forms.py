"""
The Lotse's search form: validates every query parameter before the search service sees it. The choices of
`umkreis`, `art` and `weg` are the search's own constants (search.RADIUS_CHOICES, KINDS, COUNSELLING_WAYS).
"""

import functools
import math
import re
from collections.abc import Callable
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import BaseRenderer
from django.http import QueryDict
from django.template import Context
from django.template.base import render_value_in_context
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from iqportal.cache import cached_for_directory
from landesnetzwerke.geo import GERMANY_BOUNDS
from landesnetzwerke.lotse import search
from landesnetzwerke.lotse.places import normalize_query
from landesnetzwerke.models import Beratungsstelle, Bundesland, Sprache, Thema

Q_MAX_LENGTH = 100
COORDINATE_MAX_LENGTH = 20
MAX_PAGE = 10000
# Names of the parameters this form reads; others in the query string are ignored.
PARAMETERS = ("q", "umkreis", "thema", "sprache", "art", "weg", "land", "lat", "lon", "page")
_DIGITS = re.compile(r"[0-9]+")
# How each choice of `art` (search.KINDS) and `weg` (search.COUNSELLING_WAYS, by the field it filters on) reads.
KIND_LABELS: dict[str, Any] = {
    Beratungsstelle.Kind.FIXED: _("Offices only"),
    Beratungsstelle.Kind.MOBILE: _("Mobile counselling only"),
}
WAY_LABELS: dict[str, Any] = {
    "in_person": _("In person"),
    "by_phone": _("By phone"),
    "by_video": _("By video"),
    "by_email": _("By e-mail"),
}
Choices = list[tuple[Any, Any]]


_TEMPLATE_CONTEXT = Context()  # how the form renderer's templates print values: autoescaped, localised


def _text(value: Any) -> str:
    """`{{ value }}` in a Django template."""
    return render_value_in_context(value, _TEMPLATE_CONTEXT)


def _text_s(value: Any) -> str:
    """`{{ value|stringformat:'s' }}` in a Django template."""
    text = str(value)  # what "%s" % value gives (the filter wraps a tuple so that it prints as one)
    return _text(mark_safe(text) if isinstance(value, SafeData) else text)


def _attrs(attrs: dict[str, Any]) -> str:
    """django/forms/widgets/attrs.html"""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{_text_s(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class LotseSelect(forms.Select):
    """
    A select with exactly the markup of Django's select.html and select_option.html, written in Python: the
    Lotse's filters have about 70 options, and rendering each through two templates took a few milliseconds
    of every search.
    """

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: BaseRenderer | None = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{_text(group_name)}">')
            for option in group_choices:
                parts.append(
                    f'\n  <option value="{_text_s(option["value"])}"{_attrs(option["attrs"])}>'
                    f"{_text(option['label'])}</option>\n"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))


class LotseTextInput(forms.TextInput):
    """A text input with exactly the markup of Django's input.html and attrs.html, written in Python (see
    LotseSelect): rendering the form's three text fields through the form templates took a tenth of a search."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: BaseRenderer | None = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        shown = f' value="{_text_s(widget["value"])}"' if widget["value"] is not None else ""
        return mark_safe(  # noqa: S308 - every value escaped by _text and _attrs
            f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{shown}{_attrs(widget["attrs"])}>'
        )


class CoordinateField(forms.CharField):
    """A decimal degree (dot or comma), finite and within bounds; the raw text is short."""

    widget = LotseTextInput

    def __init__(self, *, min_value: float, max_value: float, example: str, **kwargs: Any) -> None:
        self.min_value, self.max_value, self.example = min_value, max_value, example
        kwargs.setdefault("max_length", COORDINATE_MAX_LENGTH)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false"})
        return attrs

    def clean(self, value: Any) -> float | None:
        text = super().clean(value)
        if text in self.empty_values:
            return None
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            raise ValidationError(
                _("Enter a number in decimal degrees, for example %(example)s."),
                code="invalid",
                params={"example": self.example},
            ) from None
        if not math.isfinite(number) or not self.min_value <= number <= self.max_value:
            raise ValidationError(
                _("This position is not in Germany. The Lotse only finds counselling in Germany."),
                code="outside",
            )
        return number


def _radius_choices() -> Choices:
    return [(km, _("up to %(km)s km") % {"km": km}) for km in search.RADIUS_CHOICES]


def _kind_choices() -> Choices:
    return [("", _("Offices and mobile counselling")), *((kind, KIND_LABELS[kind]) for kind in search.KINDS)]


def _way_choices() -> Choices:
    return [("", _("Any way")), *((way, WAY_LABELS[mode]) for way, mode in search.COUNSELLING_WAYS.items())]


def _land_choices() -> Choices:
    return [("", _("All federal states")), *Bundesland.choices]


def _topic_choices() -> Choices:
    topics = Thema.objects.prefetch_related("translations")
    return [(t.slug, t.safe_translation_getter("name", any_language=True) or t.slug) for t in topics]


def _language_choices() -> Choices:
    languages = [(language.code, language.name) for language in Sprache.objects.all()]
    return sorted(languages, key=lambda item: item[1].casefold())


def directory_choices() -> dict[str, Choices]:
    """The choices of `thema` and `sprache` in the active language, kept in the cache until the directory changes."""

    def build() -> dict[str, Choices]:
        return {"thema": _topic_choices(), "sprache": _language_choices()}

    return cached_for_directory(f"lotse:choices:{get_language()}", build)


class LotseForm(forms.Form):
    q = forms.CharField(
        label=_("Postcode or place"),
        help_text=_("For example 04109 or Leipzig."),
        max_length=Q_MAX_LENGTH,
        required=False,
        widget=LotseTextInput(attrs={"type": "search", "autocomplete": "postal-code", "spellcheck": "false"}),
    )
    umkreis = forms.TypedChoiceField(
        widget=LotseSelect,
        label=_("Distance"),
        choices=_radius_choices,
        coerce=int,
        required=False,
        initial=search.DEFAULT_RADIUS_KM,
        empty_value=search.DEFAULT_RADIUS_KM,  # type: ignore[arg-type]  # coerced values are ints, the empty one too
        error_messages={"invalid_choice": _("Please choose a distance from the list.")},
    )
    thema = forms.ChoiceField(
        widget=LotseSelect,
        label=_("Topic"),
        required=False,
        error_messages={"invalid_choice": _("Please choose a topic from the list.")},
    )
    sprache = forms.ChoiceField(
        widget=LotseSelect,
        label=_("Language of the counselling"),
        required=False,
        error_messages={"invalid_choice": _("Please choose a language from the list.")},
    )
    art = forms.ChoiceField(
        widget=LotseSelect,
        label=_("Kind of counselling"),
        choices=_kind_choices,
        required=False,
        error_messages={"invalid_choice": _("Please choose a kind of counselling from the list.")},
    )
    weg = forms.ChoiceField(
        widget=LotseSelect,
        label=_("Way of counselling"),
        choices=_way_choices,
        required=False,
        error_messages={"invalid_choice": _("Please choose a way of counselling from the list.")},
    )
    land = forms.ChoiceField(
        widget=LotseSelect,
        label=_("Federal state"),
        choices=_land_choices,
        required=False,
        error_messages={"invalid_choice": _("Please choose a federal state from the list.")},
    )
    lat = CoordinateField(
        label=pgettext_lazy("position", "Latitude"),
        min_value=GERMANY_BOUNDS[0],
        max_value=GERMANY_BOUNDS[2],
        example="52.52",
    )
    lon = CoordinateField(
        label=pgettext_lazy("position", "Longitude"),
        min_value=GERMANY_BOUNDS[1],
        max_value=GERMANY_BOUNDS[3],
        example="13.40",
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.is_bound and not self.data.get("umkreis"):
            # The distance select shows the default, not its first choice, when the URL does not say.
            self._change_data(umkreis=str(search.DEFAULT_RADIUS_KM))
        if self.is_bound and (self.data.get("q") or "").strip() and ("lat" in self.data or "lon" in self.data):
            # A place typed wins over a position: after a search from a position the form still holds its
            # coordinates, and the visitor who then types a place means that place ("Use my location" empties
            # the place field). The coordinates are dropped, so the form shows what was searched.
            self._change_data(lat=None, lon=None)
        # The choices are functions, evaluated when a field is validated or rendered (in the visitor's language):
        # so they are not copied for every form, and fields that come from the cache (lotse_fields) cost nothing.
        choices = functools.cache(directory_choices)
        self._choose("thema", lambda: [("", _("All topics")), *choices()["thema"]])
        self._choose("sprache", lambda: [("", _("All languages")), *choices()["sprache"]])

    def _change_data(self, **changes: str | None) -> None:
        """The bound data (an immutable QueryDict) replaced by a copy with these values; None removes one."""
        data = cast(QueryDict, self.data).copy()
        for key, value in changes.items():
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        self.data = data

    def _choose(self, name: str, choices: Callable[[], Choices]) -> None:
        cast(forms.ChoiceField, self.fields[name]).choices = choices

    def clean_q(self) -> str:
        # Digits of any script become ASCII digits, "10 115" becomes 10115 (places.normalize_query).
        text = normalize_query(self.cleaned_data["q"])
        compact = text.replace(" ", "")
        if _DIGITS.fullmatch(compact) and len(compact) != 5:
            raise ValidationError(_("A postcode (PLZ) has exactly five digits, for example 04109."), code="plz")
        return text

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        lat, lon = cleaned.get("lat"), cleaned.get("lon")
        if "lat" in self.errors or "lon" in self.errors:
            return cleaned
        if (lat is None) != (lon is None):
            field = "lon" if lon is None else "lat"
            self.add_error(field, ValidationError(_("Enter both latitude and longitude."), code="pair"))
            return cleaned
        if "q" not in self.errors and not (cleaned.get("q") or lat is not None or cleaned.get("land")):
            self.add_error("q", ValidationError(_("Enter a postcode or a place."), code="required"))
        return cleaned

    def _used(self, names: tuple[str, ...], default: str | None = None) -> bool:
        if not self.is_bound:
            return False
        return any(name in self.errors or self.data.get(name) not in (None, "", default) for name in names)

    @property
    def filters_used(self) -> bool:
        """Whether the visitor set (or mistyped) a filter: the filters are then shown open."""
        return self._used(("thema", "sprache", "art", "weg", "land")) or self._used(
            ("umkreis",), default=str(search.DEFAULT_RADIUS_KM)
        )

    @property
    def filter_count(self) -> int:
        """How many filters narrow the search (the distance is no filter here: the summary says it)."""
        if not self.is_bound:
            return 0
        return sum(1 for name in ("thema", "sprache", "art", "weg", "land") if self.data.get(name))

    @property
    def position_used(self) -> bool:
        return self._used(("lat", "lon"))

    def search_kwargs(self) -> dict[str, Any]:
        """The validated parameters as keyword arguments of search.search_offices()."""
        data = self.cleaned_data
        query = data.get("q", "")
        position = not query and data.get("lat") is not None  # a place typed wins over a position
        return {
            "query": query,
            "latitude": data.get("lat") if position else None,
            "longitude": data.get("lon") if position else None,
            "land": data.get("land", ""),
            "radius_km": data.get("umkreis") or search.DEFAULT_RADIUS_KM,
            "thema": data.get("thema", ""),
            "sprache": data.get("sprache", ""),
            "art": data.get("art", ""),
            "weg": data.get("weg", ""),
            "page": data.get("page") or 1,
        }
