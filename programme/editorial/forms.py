"""
The filters of the news and event lists: plain GET forms (they work without JavaScript). A value that names nothing
(`netzwerk=atlantis`) is an error shown at its field, and the list is shown without that filter: never a 500.
"""

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from landesnetzwerke.models import Landesnetzwerk


def term_field(queryset: models.QuerySet, label: str, empty_label: str, unknown: str) -> forms.ModelChoiceField:
    """A choice of one term (or network) by its slug, optional."""
    return forms.ModelChoiceField(
        queryset=queryset,
        to_field_name="slug",
        required=False,
        label=label,
        empty_label=empty_label,
        error_messages={"invalid_choice": unknown},
    )


class ListFilterForm(forms.Form):
    netzwerk = term_field(
        Landesnetzwerk.objects.order_by("name"),
        _("Landesnetzwerk"),
        _("All Landesnetzwerke"),
        _("There is no Landesnetzwerk with this name. Choose one from the list."),
    )

    def filters(self) -> dict[str, Any]:
        """The valid filters, by field name (an invalid field is left out, so the rest still filter the list)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    @property
    def is_filtered(self) -> bool:
        return bool(self.filters())
