"""News and events in the site search: published texts are found with their type, drafts and withdrawn texts never."""

import datetime

import pytest
from djangocms_versioning.models import Version

from programme.events.models import Attendance
from programme.page_builder import get_system_user
from programme.search.models import Suchdokument
from tests.html import parse
from tests.programme.editorial import add_text, make_event, make_news, new_draft
from tests.programme.search.conftest import results, search_url

pytestmark = pytest.mark.django_db


def found(client, query, language="de"):
    response = client.get(search_url(query, language))
    assert response.status_code == 200
    return results(response)


def test_a_published_news_item_is_found_by_its_body_and_a_draft_never(client, committed):
    with committed():
        item = make_news(texts={})
        add_text(item, "de", title="Neues vom Eisvogel", body="<p>Der Eisvogel brütet am Fluss.</p>")
        draft_only = make_news(texts={})
        add_text(draft_only, "de", title="Entwurf Eisvogel", body="<p>Eisvogel im Entwurf.</p>", publish=False)
    assert found(client, "brütet") == [("news", "Neues vom Eisvogel", item.get_absolute_url("de"))]
    assert [title for _t, title, _u in found(client, "Eisvogel")] == ["Neues vom Eisvogel"]
    assert not Suchdokument.objects.filter(type="news", title__contains="Entwurf").exists()
    assert draft_only.contents(manager="admin_manager").filter(title="Entwurf Eisvogel").exists()


def test_a_new_draft_of_a_news_item_is_not_found_until_published_and_unpublishing_withdraws_it(client, committed):
    user = get_system_user()
    with committed():
        item = make_news(texts={})
        published = add_text(item, "de", title="Bachstelze im Garten")
    with committed():
        draft = new_draft(published)
        draft.title = "Wiedehopf im Garten"
        draft.save()
    assert [title for _t, title, _u in found(client, "Garten")] == ["Bachstelze im Garten"]
    with committed():
        Version.objects.get_for_content(draft).publish(user)
    assert [title for _t, title, _u in found(client, "Garten")] == ["Wiedehopf im Garten"]
    with committed():
        Version.objects.get_for_content(draft).unpublish(user)
    assert found(client, "Garten") == []
    assert found(client, "Garten", "en") == []  # nor as a fallback in another language


def test_news_only_in_german_is_found_in_other_languages_marked_as_german(client, committed):
    with committed():
        item = make_news(texts={"de": "Rotkehlchen-Sprechstunde"})
    response = client.get(search_url("Rotkehlchen", "uk"))
    item_element = parse(response).xpath('//*[@id="search-results"]//li[@data-result-type="news"]')[0]
    link = item_element.xpath(".//h3//a")[0]
    assert link.get("lang") == "de"
    assert link.get("href") in {item.get_absolute_url("uk"), item.get_absolute_url("de")}


def test_an_event_is_found_by_its_place_and_named_as_an_event(client, committed):
    start = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=10)
    with committed():
        event = make_event(
            starts_at=start,
            attendance=Attendance.ON_SITE,
            venue="Rathaus Kranichstein",
            city="Darmstadt",
            plz="64289",
            online_url="",
            texts={"en": "Information evening"},
        )
    hits = found(client, "Kranichstein", "en")
    assert hits == [("event", "Information evening", event.get_absolute_url("en"))]
    item = parse(client.get(search_url("Kranichstein", "en"))).xpath('//li[@data-result-type="event"]')[0]
    assert item.xpath('.//p[@class="search-result-type"]')[0].text_content().strip() == "Event"
