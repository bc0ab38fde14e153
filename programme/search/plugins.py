"""
The text visitors read in django CMS plugins, for the search index: every text field of every plugin (the text
editor's body as plain text, the programme plugins' titles, texts, questions and answers, …), settings left out.
Used by the adapters of CMS pages and of content with a body of plugins (news, events).
"""

from collections import defaultdict
from typing import Any

from cms.models import CMSPlugin, Placeholder
from cms.utils.plugins import downcast_plugins
from django.contrib.contenttypes.models import ContentType
from django.db import models

from programme.search.text import html_to_text, sentence

# Text fields of plugins that are settings, not text a visitor reads.
_SETTING_FIELD_TYPES = (models.SlugField, models.URLField, models.EmailField, models.FilePathField)
_SETTING_FIELD_NAMES = {"rte", "template", "css_class", "attributes", "tag_type", "anchor"}
_BASE_FIELD_NAMES = {field.name for field in CMSPlugin._meta.get_fields()}


def _text_fields(model: type[models.Model]) -> list[str]:
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, _SETTING_FIELD_TYPES)
        and not field.choices
        and field.name not in _BASE_FIELD_NAMES
        and field.name not in _SETTING_FIELD_NAMES
        and not field.name.endswith("url")
    ]


def plugin_text(plugin: CMSPlugin) -> str:
    """The text a visitor reads in a plugin: its text fields, HTML as plain text."""
    return sentence(*(html_to_text(str(getattr(plugin, name) or "")) for name in _text_fields(type(plugin))))


def plugin_texts(contents: list[Any]) -> dict[int, str]:
    """
    The plugins' text of each content object (a PageContent, a NewsItemContent, …: one model, with a `language`), by
    its pk, in reading order; in a few queries for all of them (the placeholders, the plugins, one per plugin type).
    """
    if not contents:
        return {}
    content_type = ContentType.objects.get_for_model(type(contents[0]))
    placeholders = Placeholder.objects.filter(
        content_type=content_type, object_id__in=[content.pk for content in contents]
    ).values_list("pk", "object_id")
    content_of = dict(placeholders)
    language_of = {content.pk: content.language for content in contents}
    plugins = CMSPlugin.objects.filter(placeholder_id__in=content_of).order_by("placeholder_id", "position")
    texts: dict[int, list[str]] = defaultdict(list)
    for plugin in downcast_plugins(list(plugins)):
        content_id = content_of[plugin.placeholder_id]
        if plugin.language == language_of[content_id]:
            texts[content_id].append(plugin_text(plugin))
    return {content_id: sentence(*parts) for content_id, parts in texts.items()}
