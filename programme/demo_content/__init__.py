"""
Demo content of the page tree, one module per language.

`structure.PAGE_TREE` fixes the pages, slugs, templates and apphooks; each language module (named after the
language code, `de.py`, `en.py`; `zh-hans` would be `zh_hans.py`) defines `PAGES`, a dict from a page's
reverse_id to its `PageText`. To add a language, add its module with the pages it translates (pages it leaves
out fall back to the CMS's language fallbacks) and add the language to settings.LANGUAGES.
"""

from importlib import import_module

from programme.demo_content.blocks import PageText


def page_texts(language: str) -> dict[str, PageText]:
    """The demo pages written in `language`, or an empty dict when there is no module for it."""
    module_name = f"{__name__}.{language.replace('-', '_').lower()}"
    try:
        module = import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        return {}
    return module.PAGES
