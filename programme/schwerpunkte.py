"""
The programme's five Handlungsschwerpunkte (fields of action) as choices, for content tagged with one: publications
(and news, events or projects that want the same tag). The values are the public URL values (`thema=…`) and what
the database stores; the labels are the titles the Handlungsschwerpunkte page (/programm/handlungsschwerpunkte/)
gives them, translated by gettext.

Plain choices, not a model: the five are fixed for the programme round the site describes, and a tag needs no
table of its own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Schwerpunkt(models.TextChoices):
    BERATUNG = "beratung", _("Recognition and qualification counselling")
    QUALIFIZIERUNG = "qualifizierung", _("Qualification under the Recognition Act")
    INTERKULTURELL = "interkulturelle-kompetenz", _("Intercultural competence of labour market actors")
    EINWANDERUNG = "fachkraefte-einwanderung", _("Regional skilled worker networks – immigration")
    FAIRE_INTEGRATION = "faire-integration", _("Fair integration")
