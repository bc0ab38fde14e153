"""The filters of the publications list (`typ`, `thema`, `jahr`), validated before they reach a query."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from programme.news.models import Schwerpunkt
from programme.publications.models import Publikation

PARAMETERS = ("typ", "thema", "jahr")


class PublicationFilterForm(forms.Form):
    typ = forms.ChoiceField(
        label=_("Type"),
        choices=[("", _("All types")), *Publikation.Typ.choices],
        required=False,
        error_messages={"invalid_choice": _("Please choose a type from the list.")},
    )
    thema = forms.ChoiceField(
        label=_("Field of action"),
        choices=[("", _("All fields of action")), *Schwerpunkt.Term.choices],
        required=False,
        error_messages={"invalid_choice": _("Please choose a field of action from the list.")},
    )
    jahr = forms.TypedChoiceField(
        label=_("Year"),
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": _("Please choose a year from the list.")},
    )

    def __init__(self, data: Any = None, *, years: list[int]) -> None:
        super().__init__(data)
        self.fields["jahr"].choices = [("", _("All years")), *((year, str(year)) for year in years)]  # type: ignore[attr-defined]

    def filters(self) -> dict[str, Any]:
        """The valid filters as keyword arguments of PublikationContentQuerySet.filtered(); a wrong one is left out
        (the form shows its error, the list stays unfiltered by it)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
