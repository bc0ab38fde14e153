from django.utils.translation import gettext_lazy as _

from programme.editorial.forms import ListFilterForm, term_field
from programme.events.models import Zielgruppe


class EventFilterForm(ListFilterForm):
    zielgruppe = term_field(
        Zielgruppe.objects.all(),
        _("For"),
        _("Everybody"),
        _("There is no audience with this name. Choose one from the list."),
    )
