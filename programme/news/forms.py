from django.utils.translation import gettext_lazy as _

from programme.editorial.forms import ListFilterForm, term_field
from programme.news.models import Schwerpunkt


class NewsFilterForm(ListFilterForm):
    schwerpunkt = term_field(
        Schwerpunkt.objects.all(),
        _("Handlungsschwerpunkt"),
        _("All Handlungsschwerpunkte"),
        _("There is no Handlungsschwerpunkt with this name. Choose one from the list."),
    )
