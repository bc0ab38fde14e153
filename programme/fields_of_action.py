"""
The programme's five Handlungsschwerpunkte (fields of action), as the values that content types tag items with.

One list for every content type that is tagged with them (projects today; news and publications may use it too):
the value is the slug of the public URL parameter (`schwerpunkt=beratung`) and of the open data, the label is
translated. The CMS page /programm/handlungsschwerpunkte/ describes them in the editors' words; this list only
names them. It is a choice list, not a model, so that tagging needs no table, no migration of its own and no
join; a content type stores the value in a CharField (`choices=FieldOfAction.choices`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FieldOfAction(models.TextChoices):
    COUNSELLING = "beratung", _("Recognition and qualification counselling")
    QUALIFICATION = "qualifizierung", _("Qualification under the Recognition Act")
    INTERCULTURAL = "interkulturelle-kompetenz", _("Intercultural competence of labour market actors")
    SKILLED_IMMIGRATION = "fachkraefte-einwanderung", _("Regional skilled worker networks – immigration")
    FAIR_INTEGRATION = "faire-integration", _("Fair Integration")
