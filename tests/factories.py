"""
Factories for the records tests need: offices and consultation days, editors and their clients, and a
distance written independently of the app. Tests that need only a few offices build them here instead of
relying on the demo content.
"""

import datetime
import math
from itertools import count

from cms.models import PageContent
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk, Sprache, Sprechtag, Thema

EDITOR_PASSWORD = "a-long-editor-password-1"

_numbers = count(1)


def haversine(lat1, lon1, lat2, lon2):
    """Great-circle distance in km, written independently of the app (atan2 form, mean earth radius)."""
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.atan2(math.sqrt(h), math.sqrt(1 - h))


def make_office(*, latitude, longitude, bundesland="BE", kind="fest", topics=(), languages=(), **fields):
    """A published office of the given Land's network; topics and languages as Thema/Sprache objects."""
    number = next(_numbers)
    values = {
        "name": f"Teststelle {number}",
        "plz": "10115",
        "city": "Teststadt",
        "street": f"Testweg {number}",
        "phone": "030 1234567",
        "email": f"test{number}@example.org",
        "published": True,
    }
    values.update(fields)
    office = Beratungsstelle.objects.create(
        kind=kind,
        landesnetzwerk=Landesnetzwerk.objects.get(bundesland=bundesland),
        bundesland=bundesland,
        latitude=latitude,
        longitude=longitude,
        **values,
    )
    if topics:
        office.topics.set(topics)
    if languages:
        office.languages.set(languages)
    return office


def make_consultation_day(office, date, starts=datetime.time(10), ends=datetime.time(14), place="Rathaus"):
    return Sprechtag.objects.create(
        beratungsstelle=office, date=date, starts=starts, ends=ends, place=place, address="Markt 1"
    )


def add_offices(network, number=4):
    """More published offices (fixed and mobile, with topics, languages, hours and consultation days)."""
    topic = Thema.objects.get(slug="anerkennung")
    languages = list(Sprache.objects.filter(code__in=["de", "ar", "uk"]))
    for index in range(number):
        office = Beratungsstelle.objects.create(
            kind="mobil" if index % 2 else "fest",
            landesnetzwerk=network,
            name=f"Zusätzliche Beratungsstelle {index}",
            street="Teststraße 1",
            plz="30159",
            city="Hannover",
            bundesland=network.bundesland,
            latitude=52.37,
            longitude=9.73,
            service_radius_km=30 if index % 2 else None,
            service_plz_prefixes="301, 302" if index % 2 else "",
        )
        office.topics.add(topic)
        office.languages.add(*languages)
        office.opening_hours.create(weekday=0, opens=datetime.time(9), closes=datetime.time(12))
        office.consultation_days.create(
            date=datetime.date.today() + datetime.timedelta(days=3),
            starts=datetime.time(9),
            ends=datetime.time(12),
            place="Hannover",
        )


def make_editor(django_user_model, username, group_name):
    """A staff user in one of the editor groups that load_directory creates."""
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password=EDITOR_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def change_url(office):
    return reverse("admin:landesnetzwerke_beratungsstelle_change", args=[office.pk])


def published_content(reverse_id, language):
    return PageContent.objects.get(page__reverse_id=reverse_id, language=language)


def make_pdf_file(*, pages=3, name="publikation.pdf", title="Testpublikation"):
    """A django-filer File holding a generated PDF of `pages` pages."""
    from django.core.files.base import ContentFile
    from filer.models import File

    from programme.publications.sample_files import sample_pdf

    data = sample_pdf(title=title, kind="Fact Sheet", year=2021, pages=pages)
    return File.objects.create(file=ContentFile(data, name=name), original_filename=name, is_public=True)


def make_publication(
    *, slug=None, typ="fact-sheet", jahr=2021, network=None, languages=("de",), publish=True, **fields
):
    """A publication with a version in each of `languages` (published unless publish=False), authored by the system
    user; `network` is a Landesnetzwerk slug. Returns the Publikation."""
    from djangocms_versioning.models import Version

    from programme.page_builder import get_system_user
    from programme.publications.models import Publikation, PublikationContent

    number = next(_numbers)
    slug = slug or f"testpublikation-{number}"
    publication = Publikation.objects.create(
        slug=slug,
        typ=typ,
        jahr=jahr,
        landesnetzwerk=Landesnetzwerk.objects.get(slug=network) if network else None,
        schwerpunkt=fields.pop("schwerpunkt", ""),
    )
    user = get_system_user()
    file = fields.pop("file", None) or make_pdf_file(name=f"{slug}.pdf")
    for language in languages:
        content = PublikationContent.objects.with_user(user).create(
            publikation=publication,
            language=language,
            title=fields.get("title", f"Testpublikation {number} [{language}]"),
            teaser=fields.get("teaser", "Ein kurzer Anreißer."),
            file=file,
            file_languages=fields.get("file_languages", ["de"]),
        )
        if publish:
            Version.objects.get_for_content(content).publish(user)
    return publication
