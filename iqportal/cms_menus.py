"""
Menu modifier: pages shown in a fallback language keep the visitor in the language they chose.

django CMS builds a menu node for a page that lacks the request language from its fallback content and
links it to the fallback language's URL (/en/programm/ in the Arabic menu), which would throw an Arabic
visitor out of the Arabic site. The CMS serves every page under every language prefix (fallback
content, interface in the visitor's language), so the node's URL only needs the visitor's prefix.
Breadcrumbs rely on this too: they find the home node by the URL /<language>/.
"""

from django.urls import get_script_prefix
from menus.base import Modifier
from menus.menu_pool import menu_pool


class FallbackLanguageUrls(Modifier):
    def modify(self, request, nodes, namespace, root_id, post_cut, breadcrumb):
        if post_cut:
            return nodes
        language = self.renderer.request_language
        prefix = get_script_prefix()
        for node in nodes:
            fallback = getattr(node, "language", None)
            if not fallback or fallback == language:
                continue
            old = f"{prefix}{fallback}/"
            if node.url and node.url.startswith(old):
                node.url = f"{prefix}{language}/{node.url[len(old) :]}"
        return nodes


menu_pool.register_modifier(FallbackLanguageUrls)
