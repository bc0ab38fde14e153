"""The site search's form: validates `q` before the search service sees it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from programme.search.service import MAX_QUERY_LENGTH


class SiteSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search term"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={"max_length": _("Please enter at most %(limit_value)d characters.")},
        widget=forms.TextInput(attrs={"type": "search", "dir": "auto"}),
    )

    def query(self) -> str:
        """The query of a valid form ("" for none)."""
        return self.cleaned_data.get("q", "") if self.is_bound and self.is_valid() else ""
