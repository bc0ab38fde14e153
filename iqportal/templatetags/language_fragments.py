"""
`{% per_language "name" %}…{% endper_language %}`: template parts that depend on nothing but the language (the
footer, the Lotse's data sources) rendered once per process and language.

Only for markup whose every value is a translation or the language itself: the block's output is kept in the
process's memory under its name and the active language, and never rendered again until the process restarts (a
deployment, which is also when templates and translations change). Anything else in such a block would be frozen at
its first rendering.
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

_rendered: dict[tuple[str, str], str] = {}


class PerLanguageNode(template.Node):
    def __init__(self, name: str, nodelist: template.NodeList) -> None:
        self.name, self.nodelist = name, nodelist

    def render(self, context: template.Context) -> str:
        key = (self.name, get_language() or "")
        html = _rendered.get(key)
        if html is None:
            html = _rendered[key] = self.nodelist.render(context)
        return mark_safe(html)  # noqa: S308 - rendered by the template engine, which escaped it


@register.tag("per_language")
def per_language(parser: template.base.Parser, token: template.base.Token) -> PerLanguageNode:
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('{% per_language "name" %} takes one quoted name')
    nodelist = parser.parse(("endper_language",))
    parser.delete_first_token()
    return PerLanguageNode(bits[1][1:-1], nodelist)
