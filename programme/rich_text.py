"""
The HTML of text plugins as the site's styles expect it.

djangocms-text's editor (Tiptap) puts every list item's text into a paragraph (``<li><p>…</p></li>``), which gives
lists the spacing of paragraphs. When a text plugin is saved, a plain paragraph that is a list item's only text is
unwrapped again (``<li>…</li>``); paragraphs with attributes (a class, a language) stay.
"""

import re
from typing import Any

_PLAIN_PARAGRAPH = r"<p>\s*((?:(?!</?p[\s>]|</?li[\s>]|</?[uo]l[\s>]).)*?)\s*</p>"
# A list item whose only content is one plain paragraph, or whose paragraph is followed by a nested list.
_ONLY_CHILD = re.compile(rf"(<li(?:\s[^>]*)?>)\s*{_PLAIN_PARAGRAPH}\s*(</li>)", re.DOTALL | re.IGNORECASE)
_BEFORE_SUBLIST = re.compile(rf"(<li(?:\s[^>]*)?>)\s*{_PLAIN_PARAGRAPH}\s*(<[uo]l[\s>])", re.DOTALL | re.IGNORECASE)


def unwrap_list_paragraphs(html: str) -> str:
    """``<li><p>text</p></li>`` becomes ``<li>text</li>``; everything else is left as it is."""
    html = _ONLY_CHILD.sub(r"\1\2\3", html)
    return _BEFORE_SUBLIST.sub(r"\1\2\3", html)


def normalise_text_plugin_body(sender: type, instance: Any, **kwargs: Any) -> None:
    """pre_save receiver for djangocms-text's Text plugin."""
    if instance.body:
        instance.body = unwrap_list_paragraphs(instance.body)
