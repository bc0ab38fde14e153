"""
Highlighting: the matched words of a plain text in <mark>, in a short snippet around the best match.

Built from the stored plain text, never from HTML: every piece of text is escaped, and the only markup added is
<mark>…</mark> (and an ellipsis where the snippet cuts the text).
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from programme.search.text import word_key, words

SNIPPET_LENGTH = 220  # characters of text in a snippet
CONTEXT_BEFORE = 60  # characters before the first match shown in the snippet
ELLIPSIS = "…"
MIN_STEM_LENGTH = 4


def _matches(word: str, keys: list[str]) -> str | None:
    """The query key a word matches: the word begins with it, or (a shorter inflected form) it begins with the word."""
    key = word_key(word)
    if not key:
        return None
    for term in keys:
        if key.startswith(term):
            return term
        if len(key) >= MIN_STEM_LENGTH and term.startswith(key) and len(term) - len(key) <= 2:
            return term
    return None


def _matched_spans(text: str, keys: list[str]) -> list[tuple[int, int, str]]:
    spans = []
    for match in words(text):
        term = _matches(match.group(), keys)
        if term is not None:
            spans.append((match.start(), match.end(), term))
    return spans


def _marked(text: str, spans: list[tuple[int, int, str]], start: int, end: int) -> str:
    parts: list[str] = []
    position = start
    for span_start, span_end, _term in spans:
        if span_start < start or span_end > end:
            continue
        parts.append(str(escape(text[position:span_start])))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(str(escape(text[position:end])))
    return "".join(parts)


def highlight(text: str, keys: list[str]) -> SafeString:
    """The whole (short) text with its matched words marked: for titles."""
    return mark_safe(_marked(text, _matched_spans(text, keys), 0, len(text)))  # noqa: S308 - every piece escaped


def _window_start(text: str, spans: list[tuple[int, int, str]]) -> int:
    """Where the snippet starts: before the match that has the most different query words after it."""
    best_start, best_count = 0, 0
    for span_start, _end, _term in spans[:50]:
        window_start = max(0, span_start - CONTEXT_BEFORE)
        terms = {term for start, end, term in spans if start >= window_start and end <= window_start + SNIPPET_LENGTH}
        if len(terms) > best_count:
            best_start, best_count = window_start, len(terms)
    return best_start


def _word_boundary(text: str, position: int, *, forward: bool) -> int:
    """The position moved to the nearest space (forward or back), so that the snippet does not cut a word."""
    if position <= 0 or position >= len(text):
        return max(0, min(position, len(text)))
    if forward:
        found = text.find(" ", position)
        return len(text) if found == -1 or found - position > 20 else found
    found = text.rfind(" ", 0, position)
    return position if found == -1 or position - found > 20 else found + 1


def snippet(text: str, keys: list[str], *, length: int = SNIPPET_LENGTH) -> SafeString:
    """A short part of the text around its best match, matched words marked (the beginning without a match)."""
    if not text:
        return mark_safe("")
    spans = _matched_spans(text, keys)
    start = _word_boundary(text, _window_start(text, spans), forward=False)
    end = _word_boundary(text, start + length, forward=True)
    marked = _marked(text, spans, start, end).strip()
    prefix = f"{ELLIPSIS} " if start > 0 else ""
    suffix = f" {ELLIPSIS}" if end < len(text) else ""
    return mark_safe(f"{prefix}{marked}{suffix}")  # noqa: S308 - every piece escaped in _marked
