"""
The project search's form: validates every query parameter before search.search_projects() sees it. Bad values
are errors tied to their field; the choices of `umkreis` are the Lotse's (one list of distances on the site).
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from landesnetzwerke.lotse.places import normalize_query
from landesnetzwerke.lotse.search import DEFAULT_RADIUS_KM, RADIUS_CHOICES
from landesnetzwerke.models import Landesnetzwerk
from landesnetzwerke.projects.models import FieldOfAction

TEXT_MAX_LENGTH = 100
MAX_PAGE = 10000
# Names of the parameters this form reads (the public URL contract); others in the query string are ignored.
PARAMETERS = ("q", "netzwerk", "schwerpunkt", "ort", "umkreis", "laufend", "page")
RUNNING = {"1": True, "0": False}


def _network_choices() -> list[tuple[str, str]]:
    networks = sorted(Landesnetzwerk.objects.only("slug", "name", "bundesland"), key=lambda n: n.name.casefold())
    return [("", _("All Landesnetzwerke")), *((network.slug, network.name) for network in networks)]


class ProjectSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search words"),
        help_text=_("For example a profession, a topic or an organisation."),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "dir": "auto"}),
    )
    netzwerk = forms.ChoiceField(
        label=_("Landesnetzwerk"),
        required=False,
        error_messages={"invalid_choice": _("Please choose a Landesnetzwerk from the list.")},
    )
    schwerpunkt = forms.ChoiceField(
        label=_("Handlungsschwerpunkt"),
        choices=[("", _("All Handlungsschwerpunkte")), *FieldOfAction.choices],
        required=False,
        error_messages={"invalid_choice": _("Please choose a Handlungsschwerpunkt from the list.")},
    )
    ort = forms.CharField(
        label=_("Near a postcode or place"),
        help_text=_("For example 04109 or Leipzig."),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "postal-code", "spellcheck": "false"}),
    )
    umkreis = forms.TypedChoiceField(
        label=_("Distance"),
        choices=[(km, km) for km in RADIUS_CHOICES],  # labelled in __init__, in the visitor's language
        coerce=int,
        required=False,
        initial=DEFAULT_RADIUS_KM,
        empty_value=DEFAULT_RADIUS_KM,  # type: ignore[arg-type]  # coerced values are ints, the empty one too
        error_messages={"invalid_choice": _("Please choose a distance from the list.")},
    )
    laufend = forms.ChoiceField(
        label=_("Running time"),
        choices=[
            ("", _("All projects")),
            ("1", _("Running now")),
            ("0", _("Not running now (ended or not yet started)")),
        ],
        required=False,
        error_messages={"invalid_choice": _("Please choose from the list.")},
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["netzwerk"]).choices = _network_choices()
        cast(forms.ChoiceField, self.fields["umkreis"]).choices = [
            (km, _("up to %(km)s km") % {"km": km}) for km in RADIUS_CHOICES
        ]

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())

    def clean_ort(self) -> str:
        # Digits of any script become ASCII digits, "10 115" becomes 10115 (the Lotse's normalize_query).
        text = normalize_query(self.cleaned_data["ort"])
        compact = text.replace(" ", "")
        if compact.isdigit() and len(compact) != 5:
            raise ValidationError(_("A postcode (PLZ) has exactly five digits, for example 04109."), code="plz")
        return text

    @property
    def filters_used(self) -> bool:
        """Whether the visitor set (or mistyped) a filter beside the words: the filters are then shown open."""
        if not self.is_bound:
            return False
        names = ("netzwerk", "schwerpunkt", "ort", "laufend")
        return any(name in self.errors or self.data.get(name) not in (None, "") for name in names)

    def search_kwargs(self) -> dict[str, Any]:
        """The validated parameters as keyword arguments of search.search_projects()."""
        data = self.cleaned_data if self.is_bound else {}
        return {
            "query": data.get("q", ""),
            "netzwerk": data.get("netzwerk", ""),
            "schwerpunkt": data.get("schwerpunkt", ""),
            "ort": data.get("ort", ""),
            "radius_km": data.get("umkreis") or DEFAULT_RADIUS_KM,
            "running": RUNNING.get(data.get("laufend", "")),
            "page": data.get("page") or 1,
        }
