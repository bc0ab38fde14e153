"""
The sample news and events of the demo content: enough of them, in every language, with past and upcoming events,
marked as sample data, and loaded idempotently (a second run changes nothing; editors' changes survive).
"""

import datetime

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from djangocms_versioning.models import Version

from programme.editorial.demo import load_samples
from programme.events.demo_content import SAMPLES as EVENT_SAMPLES
from programme.events.demo_content import event_samples, redate_samples
from programme.events.models import Event, EventContent
from programme.news.demo_content import SAMPLES as NEWS_SAMPLES
from programme.news.demo_content import news_samples
from programme.news.models import NewsItem, NewsItemContent
from programme.page_builder import get_system_user
from tests.programme.editorial import new_draft

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def test_there_are_at_least_20_news_items_and_12_events_spread_over_networks():
    news = NewsItem.objects.filter(is_sample=True)
    events = Event.objects.filter(is_sample=True)
    assert news.count() >= 20 and events.count() >= 12
    assert news.values("landesnetzwerk").distinct().count() >= 12
    assert events.values("landesnetzwerk").distinct().count() >= 5
    now = timezone.now()
    assert events.filter(ends_at__gt=now).count() >= 5 and events.filter(ends_at__lte=now).count() >= 3
    assert events.filter(attendance="online").exists() and events.filter(attendance="vor-ort").exists()
    assert (
        events.filter(latitude__isnull=False, attendance="vor-ort").count()
        == events.filter(attendance="vor-ort").count()
    )


@pytest.mark.parametrize("samples", [NEWS_SAMPLES, EVENT_SAMPLES], ids=["news", "events"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_sample_has_a_title_and_teaser_in_every_site_language(samples, language):
    assert language in samples.languages(), f"no text file for {language}"
    assert samples.missing_texts(language) == []


@pytest.mark.parametrize("samples", [NEWS_SAMPLES, EVENT_SAMPLES], ids=["news", "events"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_every_sample_has_a_body_in_german_and_english(samples, language):
    assert all(text.body for text in samples.texts(language).values())


@pytest.mark.parametrize("model", [NewsItemContent, EventContent])
def test_the_samples_are_published_in_every_language(model):
    for language in LANGUAGES:
        assert model.objects.filter(language=language).count() >= (20 if model is NewsItemContent else 12)


def test_loading_again_changes_nothing_and_keeps_editors_changes():
    content = NewsItemContent.objects.filter(language="de", news_item__is_sample=True).first()
    item = content.news_item
    taken_over = Event.objects.filter(is_sample=True).first()
    taken_over.is_sample = False
    taken_over.venue = "Vom Team geändert"
    taken_over.save()
    # An editor changes a sample's published text (through versioning, as in the admin).
    draft = new_draft(content)
    draft.title = "Von der Redaktion geändert"
    draft.save()
    Version.objects.get_for_content(draft).publish(get_system_user())
    counts = (NewsItemContent.admin_manager.count(), EventContent.admin_manager.count(), Event.objects.count())
    call_command("load_news_events", verbosity=0)
    assert (NewsItemContent.admin_manager.count(), EventContent.admin_manager.count(), Event.objects.count()) == counts
    assert NewsItemContent.objects.get(news_item=item, language="de").title == "Von der Redaktion geändert"
    taken_over.refresh_from_db()
    assert taken_over.venue == "Vom Team geändert"


def test_refresh_resets_the_samples_only():
    item = NewsItem.objects.filter(is_sample=True).first()
    NewsItem.objects.filter(pk=item.pk).update(date=datetime.date(2000, 1, 1))
    own = NewsItem.objects.exclude(pk=item.pk).filter(is_sample=True).first()
    NewsItem.objects.filter(pk=own.pk).update(is_sample=False, date=datetime.date(2001, 1, 1))
    report = load_samples(news_samples(timezone.localdate()), user=get_system_user(), refresh=True)
    assert report.refreshed
    item.refresh_from_db()
    own.refresh_from_db()
    assert item.date != datetime.date(2000, 1, 1)
    assert own.date == datetime.date(2001, 1, 1)  # taken over by editors: never touched


def test_a_missing_language_version_is_added():
    item = NewsItem.objects.filter(is_sample=True).first()
    NewsItemContent._base_manager.filter(news_item=item, language="tr").delete()
    report = load_samples(news_samples(timezone.localdate()), user=get_system_user())
    assert f"{item.slug} [tr]" in report.created
    assert NewsItemContent.objects.filter(news_item=item, language="tr").exists()


def test_sample_events_are_dated_again_when_none_lies_ahead():
    assert redate_samples(timezone.localdate()) == 0  # upcoming samples exist: nothing moves
    Event.objects.filter(is_sample=True).update(
        starts_at=timezone.now() - datetime.timedelta(days=30), ends_at=timezone.now() - datetime.timedelta(days=29)
    )
    assert redate_samples(timezone.localdate()) == Event.objects.filter(is_sample=True).count()
    assert Event.objects.filter(is_sample=True, ends_at__gt=timezone.now()).count() >= 5


def test_event_samples_load_with_their_places():
    report = load_samples(event_samples(timezone.localdate()), user=get_system_user())
    assert not report.created  # loaded with the demo content already
