"""
Builders for news and event tests: items with texts in some languages, created as django CMS versioning expects
(`objects.with_user(...).create`, so that each text has its Version) and published as the system user.
"""

import datetime
from itertools import count

import pytest
from cms.api import add_plugin
from djangocms_versioning import constants
from djangocms_versioning.models import Version

from landesnetzwerke.clock import BERLIN
from landesnetzwerke.demo_data.loader import CENTRAL_GROUP
from landesnetzwerke.models import Landesnetzwerk
from programme.events.models import Attendance, Event, EventContent, Zielgruppe
from programme.news.models import NewsItem, NewsItemContent, Schwerpunkt
from programme.page_builder import get_system_user
from tests.factories import client_for, make_editor

_numbers = count(1)


def network(land):
    return Landesnetzwerk.objects.get(bundesland=land)


def add_text(item, language, *, title, teaser="Ein Teaser.", body="", publish=True, user=None):
    """A text of `item` (NewsItem or Event) in `language`, published unless publish=False (then a draft)."""
    user = user or get_system_user()
    model, field = (NewsItemContent, "news_item") if isinstance(item, NewsItem) else (EventContent, "event")
    content = model.objects.with_user(user).create(**{field: item}, language=language, title=title, teaser=teaser)
    if body:
        add_plugin(content.body, "TextPlugin", language, body=body)
    if publish:
        Version.objects.get_for_content(content).publish(user)
    return content


def make_news(*, land=None, days_ago=0, date=None, texts=None, publish=True, schwerpunkte=(), **fields):
    """A news item with texts {language: title} (default: a German one), dated `days_ago` before today."""
    number = next(_numbers)
    item = NewsItem.objects.create(
        slug=fields.pop("slug", f"testnachricht-{number}"),
        date=date or datetime.date.today() - datetime.timedelta(days=days_ago),
        landesnetzwerk=network(land) if land else None,
        **fields,
    )
    if schwerpunkte:
        item.schwerpunkte.set(Schwerpunkt.objects.filter(slug__in=schwerpunkte))
    for language, title in (texts or {"de": f"Testnachricht {number}"}).items():
        add_text(item, language, title=title, body=f"<p>Text {number} ({language})</p>", publish=publish)
    return item


def berlin(year, month, day, hour=10, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def make_event(*, starts_at, ends_at=None, land=None, texts=None, publish=True, audiences=("zugewanderte",), **fields):
    """An event (online unless a place is given) with texts {language: title} (default: a German one)."""
    number = next(_numbers)
    values = {"attendance": Attendance.ONLINE, "online_url": "https://example.org/online"}
    values.update(fields)
    event = Event(
        slug=values.pop("slug", f"testtermin-{number}"),
        starts_at=starts_at,
        ends_at=ends_at or starts_at + datetime.timedelta(hours=2),
        landesnetzwerk=network(land) if land else None,
        **values,
    )
    event.full_clean()
    event.save()
    event.zielgruppen.set(Zielgruppe.objects.filter(slug__in=audiences))
    for language, title in (texts or {"de": f"Testtermin {number}"}).items():
        add_text(event, language, title=title, publish=publish)
    return event


def new_draft(content, user=None):
    """The editor's "Edit" of a published text: a new draft copied from it (the published one stays public)."""
    version = Version.objects.get_for_content(content)
    assert version.state == constants.PUBLISHED
    return version.copy(user or get_system_user()).content


def version_of(content):
    return Version.objects.get(pk=Version.objects.get_for_content(content).pk)


# Fixtures of the admin tests (imported by tests/programme/news/conftest.py and tests/programme/events/conftest.py):
# real users in the groups that load_directory creates.


@pytest.fixture
def ni_editor(django_user_model):
    """An editor of the Landesnetzwerk Niedersachsen only."""
    return make_editor(django_user_model, "redaktion-ni", network("NI").editor_group.name)


@pytest.fixture
def central_editor(django_user_model):
    return make_editor(django_user_model, "zentrale", CENTRAL_GROUP)


@pytest.fixture
def ni_client(ni_editor):
    return client_for(ni_editor)


@pytest.fixture
def central_client(central_editor):
    return client_for(central_editor)
