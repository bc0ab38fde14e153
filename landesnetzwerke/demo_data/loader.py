"""
Write the directory into the database, idempotently: reference data (topics, languages, the 16 networks,
the 5 Fachstellen, editor groups) and the sample offices, keyed by stable IDs (slug, Bundesland, source_id).

Records that exist are the editors': a second run only creates what is missing, gives the editor groups
the permissions they lack (never taking any away) and, for a sample mobile office without any upcoming
consultation day, adds new sample days, so that the demo does not run dry. Editors' changes survive every
restart. `refresh=True` (`load_directory --refresh`) deliberately writes the demo values again: topics,
networks, Fachstellen and the offices still marked as sample data; offices an editor has taken over
(is_sample switched off) are never touched.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from fachstellen.demo_data import FACHSTELLEN
from fachstellen.models import Fachstelle
from iqportal import invalidation
from landesnetzwerke.demo_data.networks import LAND_NAME_EN, NETWORKS, TOPICS, network_descriptions
from landesnetzwerke.demo_data.offices import PhoneBook, build_office_specs
from landesnetzwerke.languages import COUNSELLING_LANGUAGES
from landesnetzwerke.models import (
    Beratungsstelle,
    Bundesland,
    Landesnetzwerk,
    Oeffnungszeit,
    Sprache,
    Sprechtag,
    Thema,
)

CENTRAL_GROUP = "Zentrale Redaktion"
NETWORK_GROUP_PREFIX = "Redaktion"
DEMO_PREFIX = "demo-"

_ALL = ("view", "add", "change", "delete")
# News, events, publications (programme.news, programme.events, programme.publications) and sub-projects
# (landesnetzwerke.projects): every editor writes them (a network's editors only their network's, see
# landesnetzwerke.ownership), with the text editor for the body, images and PDFs from the media library and the
# versions lists (publish, revert) of djangocms-versioning.
EDITORIAL_PERMISSIONS = {
    "news": {"newsitem": _ALL, "newsitemcontent": _ALL, "schwerpunkt": ("view",)},
    "events": {"event": _ALL, "eventcontent": _ALL, "zielgruppe": ("view",)},
    "publications": {"publikation": _ALL, "publikationcontent": _ALL},
    "projects": {"teilprojekt": _ALL, "teilprojektcontent": _ALL},
    "djangocms_versioning": {
        "newsitemcontentversion": ("view", "change"),
        "eventcontentversion": ("view", "change"),
        "publikationcontentversion": ("view", "change"),
        "teilprojektcontentversion": ("view", "change"),
    },
    "djangocms_text": {"text": _ALL},
    # The media library: list, upload and choose files (the file fields' "choose" opens the folder listing).
    "filer": {
        "file": ("view", "add", "change"),
        "image": ("view", "add", "change"),
        "folder": ("view", "can_use_directory_listing"),
    },
}
NETWORK_EDITOR_PERMISSIONS = {
    "landesnetzwerke": {
        "beratungsstelle": _ALL,
        "oeffnungszeit": _ALL,
        "sprechtag": _ALL,
        "landesnetzwerk": ("view", "change"),
        "thema": ("view",),
        "sprache": ("view",),
    },
    **EDITORIAL_PERMISSIONS,
}
CENTRAL_EDITOR_PERMISSIONS = {
    "landesnetzwerke": {
        "beratungsstelle": (*_ALL, "edit_all_networks"),
        "oeffnungszeit": _ALL,
        "sprechtag": _ALL,
        "landesnetzwerk": _ALL,
        "thema": _ALL,
        "sprache": _ALL,
    },
    "fachstellen": {"fachstelle": _ALL},
    **EDITORIAL_PERMISSIONS,
    # E-mail subscribers: personal data, for central editors only (to look up and delete; never to add or change).
    "subscriptions": {
        "abonnent": ("view", "delete"),
        "abonnement": ("view", "delete"),
        "anmeldung": ("view", "delete"),
    },
}


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    details: dict = field(default_factory=dict)


def network_group_name(network):
    return f"{NETWORK_GROUP_PREFIX} {Bundesland(network.bundesland).label}"


def _permissions(spec):
    wanted = Q(pk__in=[])
    for app_label, models in spec.items():
        for model, actions in models.items():
            # view/add/change/delete are Django's model permissions; any other action is a codename of its own.
            codenames = [f"{action}_{model}" if action in _ALL else action for action in actions]
            wanted |= Q(content_type__app_label=app_label, content_type__model=model, codename__in=codenames)
    return list(Permission.objects.filter(wanted))


def _set_translations(obj, texts):
    """Set parler fields per language; returns True when anything differs from what is stored."""
    changed = False
    for language, fields in texts.items():
        for name, value in fields.items():
            if (obj.safe_translation_getter(name, language_code=language, any_language=False) or "") != value:
                translation = obj._get_translated_model(language, auto_create=True)
                setattr(translation, name, value)
                changed = True
    return changed


def _assign(obj, values):
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def load_topics_and_languages(*, refresh=False):
    for position, (slug, name_de, name_en) in enumerate(TOPICS):
        topic = Thema.objects.filter(slug=slug).first() or Thema(slug=slug)
        if not (topic._state.adding or refresh):
            continue
        changed = _assign(topic, {"position": position}) or topic._state.adding
        changed |= _set_translations(topic, {"de": {"name": name_de}, "en": {"name": name_en}})
        if changed:
            topic.save()
    existing = {language.code: language for language in Sprache.objects.all()}
    for code, name_en, name_local in COUNSELLING_LANGUAGES:
        language = existing.get(code)
        if language is None:
            Sprache.objects.create(code=code, name_en=name_en, name_local=name_local)
        elif refresh and _assign(language, {"name_en": name_en, "name_local": name_local}):
            language.save()


def _grant(group, permissions, *, refresh):
    """Give the group the permissions its role needs; an administrator's additions stay unless refreshing."""
    if refresh:
        group.permissions.set(permissions)
    else:
        group.permissions.add(*permissions)


def load_groups_and_networks(*, refresh=False):
    central, _created = Group.objects.get_or_create(name=CENTRAL_GROUP)
    _grant(central, _permissions(CENTRAL_EDITOR_PERMISSIONS), refresh=refresh)
    network_permissions = _permissions(NETWORK_EDITOR_PERMISSIONS)
    phones = PhoneBook(start=0)
    networks = {}
    for land, slug, name, coordination in NETWORKS:
        network = Landesnetzwerk.objects.filter(bundesland=land).first() or Landesnetzwerk(bundesland=land)
        phone = phones.number(land)  # drawn for every network: keeps the numbering of the others stable
        changed = network._state.adding
        if network._state.adding or refresh:
            description_de, description_en = network_descriptions(
                Bundesland(land).label, LAND_NAME_EN[land], coordination
            )
            values = {"slug": slug, "name": name, "coordination": coordination}
            if network._state.adding or network.is_sample:
                values.update({"email": f"kontakt@{slug}.iq-netzwerk.example.org", "phone": phone, "is_sample": True})
            changed |= _assign(network, values)
            changed |= _set_translations(
                network, {"de": {"description": description_de}, "en": {"description": description_en}}
            )
        if network.editor_group_id is None:
            network.editor_group, _created = Group.objects.get_or_create(name=network_group_name(network))
            changed = True
        if changed:
            network.save()
        _grant(network.editor_group, network_permissions, refresh=refresh)
        networks[land] = network
    return networks


def load_fachstellen(*, refresh=False):
    for position, data in enumerate(FACHSTELLEN):
        fachstelle = Fachstelle.objects.filter(slug=data["slug"]).first() or Fachstelle(slug=data["slug"])
        if not (fachstelle._state.adding or refresh):
            continue
        changed = _assign(
            fachstelle, {"name": data["name"], "organisation": data["organisation"], "position": position}
        )
        changed |= fachstelle._state.adding
        changed |= _set_translations(
            fachstelle,
            {
                language: {
                    "handlungsfeld": data["handlungsfeld"][language],
                    "description": data["description"][language],
                }
                for language in ("de", "en")
            },
        )
        if changed:
            fachstelle.save()


def load_sample_offices(networks, today, *, refresh=False):
    """
    Create the missing sample offices (of the 174); returns Counts. Existing ones are left as they are, but
    a sample mobile office with no consultation day from today on gets the new sample days. With refresh,
    the offices still marked as sample data get the demo values again and stale demo offices are deleted.
    """
    counts = Counts()
    specs = build_office_specs(today)
    topics = {topic.slug: topic for topic in Thema.objects.all()}
    languages = {language.code: language for language in Sprache.objects.all()}
    existing = {
        office.source_id: office
        for office in Beratungsstelle.objects.filter(source_id__startswith=DEMO_PREFIX).with_details()
    }
    if refresh:
        wanted_ids = {spec.source_id for spec in specs}
        stale = [o.pk for sid, o in existing.items() if sid not in wanted_ids and o.is_sample]
        if stale:
            counts.deleted, _details = Beratungsstelle.objects.filter(pk__in=stale).delete()

    new_hours, new_days = [], []
    for spec in specs:
        office = existing.get(spec.source_id)
        if office is not None and not (office.is_sample and refresh):
            upcoming = any(day.date >= today for day in office.consultation_days.all())
            if office.is_sample and spec.consultation_days and not upcoming:
                new_days += [Sprechtag(beratungsstelle=office, **day) for day in spec.consultation_days]
                counts.updated += 1
            else:
                counts.unchanged += 1  # the editors' record now (or taken over): leave it alone
            continue
        is_new = office is None
        if is_new:
            office = Beratungsstelle(source_id=spec.source_id)
        values = {**spec.values, "kind": spec.kind, "landesnetzwerk_id": networks[spec.land].pk, "is_sample": True}
        values.setdefault("published", True)
        changed = _assign(office, values)
        changed |= _set_translations(office, spec.translations)
        if is_new or changed:
            office.save()
        topic_ids = {topics[slug].pk for slug in spec.topics}
        language_ids = set(spec.languages)
        if is_new or {t.pk for t in office.topics.all()} != topic_ids:
            office.topics.set(topic_ids)
            changed = True
        if is_new or {lang.pk for lang in office.languages.all()} != language_ids:
            office.languages.set([languages[code] for code in spec.languages])
            changed = True
        hours = [(h.weekday, h.opens, h.closes) for h in (() if is_new else office.opening_hours.all())]
        if hours != spec.opening_hours:
            if not is_new:
                office.opening_hours.all().delete()
            new_hours += [
                Oeffnungszeit(beratungsstelle=office, weekday=d, opens=o, closes=c) for d, o, c in spec.opening_hours
            ]
            changed = True
        days = [
            {"date": d.date, "starts": d.starts, "ends": d.ends, "place": d.place, "address": d.address}
            for d in (() if is_new else office.consultation_days.all())
        ]
        if days != spec.consultation_days:
            if not is_new:
                office.consultation_days.all().delete()
            new_days += [Sprechtag(beratungsstelle=office, **day) for day in spec.consultation_days]
            changed = True
        if is_new:
            counts.created += 1
        elif changed:
            counts.updated += 1
        else:
            counts.unchanged += 1
    Oeffnungszeit.objects.bulk_create(new_hours)
    Sprechtag.objects.bulk_create(new_days)
    return counts


def load_directory(*, with_samples=True, refresh=False, today=None):
    """
    The whole directory in one transaction: creates what is missing (refresh=True: writes the demo values
    again, see the module's docstring). Returns the Counts of the sample offices (or None).
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        load_topics_and_languages(refresh=refresh)
        networks = load_groups_and_networks(refresh=refresh)
        load_fachstellen(refresh=refresh)
        counts = load_sample_offices(networks, today, refresh=refresh) if with_samples else None
    invalidation.invalidate_all()  # bulk-created hours and consultation days send no signals
    return counts


def remove_sample_offices():
    """Delete the demo offices still marked as sample data; returns how many offices were deleted."""
    with transaction.atomic():
        offices = Beratungsstelle.objects.samples().filter(source_id__startswith=DEMO_PREFIX)
        count = offices.count()
        offices.delete()
    invalidation.invalidate_all()
    return count
