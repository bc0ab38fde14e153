"""The editor's journey through the CMS and its versioning, and what an anonymous visitor sees afterwards."""

import pytest
from cms.models import CMSPlugin
from django.test import Client
from django.urls import reverse
from djangocms_versioning import constants
from djangocms_versioning.models import Version

from programme.models import EmployerStep, Figure
from tests.factories import published_content
from tests.html import parse, text_of

pytestmark = pytest.mark.django_db


def start_new_draft(client, reverse_id, language):
    """The admin's “Edit” action on the published version: versioning copies it into a new draft."""
    published = Version.objects.get_for_content(published_content(reverse_id, language))
    url = reverse("admin:djangocms_versioning_pagecontentversion_edit_redirect", args=[published.pk])
    response = client.post(url)
    assert response.status_code == 302
    draft = Version.objects.filter_by_content_grouping_values(published.content).get(state=constants.DRAFT)
    assert draft.source_id == published.pk
    return draft


def edit_plugin(client, plugin, data):
    # cms_path names the page the editor works on, as the CMS frontend editor sends it.
    url = reverse("admin:cms_placeholder_edit_plugin", args=[plugin.pk])
    response = client.post(f"{url}?cms_path={plugin.placeholder.source.get_absolute_url()}", data)
    assert response.status_code == 200
    assert b"errorlist" not in response.content, response.content.decode()[:2000]


def publish(client, version):
    response = client.post(reverse("admin:djangocms_versioning_pagecontentversion_publish", args=[version.pk]))
    assert response.status_code == 302
    assert Version.objects.get(pk=version.pk).state == constants.PUBLISHED


def draft_plugins(version, model):
    return model.objects.filter(
        placeholder__object_id=version.object_id,
        placeholder__content_type=version.content_type,
    ).order_by("position")


def test_editor_changes_text_and_visitor_sees_it_after_publishing(editor_client):
    from djangocms_text.models import Text

    new_sentence = "Seit 2005 begleitet IQ Menschen mit ausländischen Abschlüssen – neu formuliert."
    anonymous = Client()
    assert new_sentence not in anonymous.get("/de/programm/").content.decode()

    draft = start_new_draft(editor_client, "programm", "de")
    text = draft_plugins(draft, Text).first()
    edit_plugin(editor_client, text, {"body": f"<p>{new_sentence}</p>", "json": ""})

    # Not visible before publishing: visitors see the published version.
    assert new_sentence not in anonymous.get("/de/programm/").content.decode()

    publish(editor_client, draft)
    page = anonymous.get("/de/programm/")
    assert page.status_code == 200
    assert new_sentence in text_of(parse(page), "//main//p")
    # The other language is untouched.
    assert new_sentence not in anonymous.get("/en/programm/").content.decode()


@pytest.mark.parametrize("language", ["de", "en"])
def test_editing_a_step_changes_the_page_and_the_checklist(editor_client, language):
    new_title = {"de": "Passende Bewerberin finden", "en": "Find the right candidate"}[language]
    draft = start_new_draft(editor_client, "arbeitgeber", language)
    first_step = draft_plugins(draft, EmployerStep).first()
    edit_plugin(
        editor_client,
        first_step,
        {
            "title": new_title,
            "what_to_do": first_step.what_to_do,
            "who_helps": first_step.who_helps,
            "documents": "Lebenslauf\nZeugnisse",
            "duration": first_step.duration,
        },
    )
    publish(editor_client, draft)

    anonymous = Client()
    page = parse(anonymous.get(f"/{language}/arbeitgeber/"))
    assert text_of(page, "//ol[contains(@class, 'employer-steps')]/li/h3")[0] == new_title
    checklist = parse(anonymous.get(f"/{language}/arbeitgeber/checkliste/"))
    assert text_of(checklist, "//ol[contains(@class, 'checklist-steps')]/li/h2")[0] == new_title
    assert "Lebenslauf; Zeugnisse" in checklist.text_content()


def test_anonymous_visitors_cannot_use_the_edit_endpoints(client):
    plugin = CMSPlugin.objects.filter(plugin_type="EmployerStepPlugin").first()
    response = client.post(reverse("admin:cms_placeholder_edit_plugin", args=[plugin.pk]), {"title": "x"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    "plugin_type",
    [
        "FiguresPlugin",
        "FigurePlugin",
        "ProcessChainPlugin",
        "ProcessStepPlugin",
        "HandlungsschwerpunktPlugin",
        "EmployerGuidePlugin",
        "EmployerStepPlugin",
        "FaqPlugin",
        "FaqItemPlugin",
        "PartnerLinksPlugin",
        "PartnerLinkPlugin",
        "LotseSearchFormPlugin",
    ],
)
def test_editor_can_open_each_programme_plugins_form_in_a_draft_only(editor_client, plugin_type):
    published = CMSPlugin.objects.filter(plugin_type=plugin_type, language="de").first()
    page_content = published.placeholder.source
    # A published version is read-only ...
    response = editor_client.get(reverse("admin:cms_placeholder_edit_plugin", args=[published.pk]))
    assert response.status_code == 403
    # ... its new draft is editable.
    draft = start_new_draft(editor_client, page_content.page.reverse_id, "de")
    plugin = draft_plugins(draft, CMSPlugin).filter(plugin_type=plugin_type).first()
    response = editor_client.get(reverse("admin:cms_placeholder_edit_plugin", args=[plugin.pk]))
    assert response.status_code == 200
    assert b"<form" in response.content


def test_editor_gets_a_field_error_for_an_impossible_figure(editor_client):
    draft = start_new_draft(editor_client, "programm", "de")
    figure = draft_plugins(draft, Figure).exclude(part_value=None).first()
    url = reverse("admin:cms_placeholder_edit_plugin", args=[figure.pk])
    response = editor_client.post(
        url, {"value": 10, "label": "Beratungen", "part_value": 11, "part_label": "Erstberatungen", "chart": "bar"}
    )
    assert response.status_code == 200
    assert b"errorlist" in response.content
    assert Figure.objects.get(pk=figure.pk).value == figure.value
