"""The text editor keeps the site's styles: classes survive a save and lists stay lists (programme/rich_text.py)."""

import json

import pytest
from django.urls import reverse

from programme.rich_text import unwrap_list_paragraphs
from tests.programme.test_editing import draft_plugins, edit_plugin, start_new_draft


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("<ul><li><p>a</p></li><li><p>b <em>c</em></p></li></ul>", "<ul><li>a</li><li>b <em>c</em></li></ul>"),
        ("<ol>\n<li>\n<p>a</p>\n</li>\n</ol>", "<ol>\n<li>a</li>\n</ol>"),
        ("<ul><li><p>a</p><ul><li><p>b</p></li></ul></li></ul>", "<ul><li>a<ul><li>b</li></ul></li></ul>"),
        # Left alone: paragraphs with attributes, several paragraphs in one item, paragraphs outside lists.
        ('<ul><li><p class="lead">a</p></li></ul>', '<ul><li><p class="lead">a</p></li></ul>'),
        ("<ul><li><p>a</p><p>b</p></li></ul>", "<ul><li><p>a</p><p>b</p></li></ul>"),
        ('<p class="lead">a</p><p>b</p>', '<p class="lead">a</p><p>b</p>'),
    ],
)
def test_list_items_lose_the_editors_paragraphs(stored, expected):
    assert unwrap_list_paragraphs(stored) == expected
    assert unwrap_list_paragraphs(expected) == expected


@pytest.mark.django_db
def test_saving_a_text_keeps_its_classes_and_its_list(editor_client):
    from djangocms_text.models import Text

    draft = start_new_draft(editor_client, "programm", "de")
    text = draft_plugins(draft, Text).first()
    body = (
        '<p class="lead">Einleitung</p><ul><li><p>erstens</p></li><li><p>zweitens</p></li></ul>'
        '<p class="sample-notice">Beispieltext</p><p><a class="button" href="/de/lotse/">Zum Lotsen</a></p>'
    )
    edit_plugin(editor_client, text, {"body": body, "json": ""})

    stored = Text.objects.get(pk=text.pk).body
    assert '<p class="lead">Einleitung</p>' in stored
    assert "<ul><li>erstens</li><li>zweitens</li></ul>" in stored
    assert '<p class="sample-notice">Beispieltext</p>' in stored
    assert '<a class="button" href="/de/lotse/">Zum Lotsen</a>' in stored


@pytest.mark.django_db
def test_the_editor_offers_the_sites_paragraph_styles(editor_client):
    """Tiptap keeps only the classes it knows as block styles: the editor's configuration names them."""
    from djangocms_text.models import Text

    draft = start_new_draft(editor_client, "programm", "de")
    text = draft_plugins(draft, Text).first()
    url = reverse("admin:cms_placeholder_edit_plugin", args=[text.pk])
    page = editor_client.get(f"{url}?cms_path={text.placeholder.source.get_absolute_url()}").content.decode()
    config = json.loads(page.split('id="cms-cfg-', 1)[1].split(">", 1)[1].split("</script>", 1)[0])
    styles = {style["attributes"]["class"]: style["name"] for style in config["options"]["blockStyles"]}
    assert styles == {"lead": "Einleitung (hervorgehoben)", "sample-notice": "Hinweis: Beispieltext"}
    assert "BlockStyles" in json.dumps(config["options"]["toolbar"])
