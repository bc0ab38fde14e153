"""
Building blocks for demo content: plain data describing plugins, with no database access.

A language module (de.py, en.py, …) describes each page as a `PageText` made of `Block`s; the page builder
(programme/page_builder.py) turns them into CMS plugins. Helpers keep the language modules short and readable.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    plugin_type: str
    data: dict
    children: tuple["Block", ...] = ()


@dataclass(frozen=True)
class PageText:
    """One page in one language: its titles, its description and its content blocks."""

    title: str
    blocks: tuple[Block, ...] = ()
    menu_title: str = ""
    page_title: str = ""
    meta_description: str = ""


def page(title, *blocks, menu_title="", page_title="", meta_description=""):
    return PageText(
        title=title, blocks=blocks, menu_title=menu_title, page_title=page_title, meta_description=meta_description
    )


def text(html: str) -> Block:
    """Free text (djangocms_text's TextPlugin). Never an <h1>: the page template renders the one h1."""
    return Block("TextPlugin", {"body": html.strip()})


def figures(title: str, period: str, *entries: Block, source: str = "") -> Block:
    return Block("FiguresPlugin", {"title": title, "period": period, "source": source}, entries)


def figure(
    value: int,
    label: str,
    *,
    approximate: bool = False,
    part: int | None = None,
    part_label: str = "",
    rest_label: str = "",
    chart: str = "bar",
) -> Block:
    data = {"value": value, "label": label, "approximate": approximate, "chart": chart}
    if part is not None:
        data.update(part_value=part, part_label=part_label, rest_label=rest_label)
    return Block("FigurePlugin", data)


def process_chain(title: str, intro: str, *steps: Block) -> Block:
    return Block("ProcessChainPlugin", {"title": title, "intro": intro}, steps)


def process_step(title: str, body: str) -> Block:
    return Block("ProcessStepPlugin", {"title": title, "text": body})


def focus_area(title: str, body: str, *, link_url: str = "", link_text: str = "", heading_level: int = 2) -> Block:
    return Block(
        "HandlungsschwerpunktPlugin",
        {"title": title, "text": body, "link_url": link_url, "link_text": link_text, "heading_level": heading_level},
    )


def employer_guide(title: str, intro: str, *steps: Block) -> Block:
    return Block("EmployerGuidePlugin", {"title": title, "intro": intro}, steps)


def employer_step(
    title: str, *, what: str, who: str = "", documents: tuple[str, ...] = (), duration: str = ""
) -> Block:
    return Block(
        "EmployerStepPlugin",
        {"title": title, "what_to_do": what, "who_helps": who, "documents": "\n".join(documents), "duration": duration},
    )


def faq(title: str, *items: Block) -> Block:
    return Block("FaqPlugin", {"title": title}, items)


def faq_item(question: str, answer: str) -> Block:
    return Block("FaqItemPlugin", {"question": question, "answer": answer})


def partner_links(title: str, intro: str, *links: Block) -> Block:
    return Block("PartnerLinksPlugin", {"title": title, "intro": intro}, links)


def partner_link(name: str, url: str, description: str) -> Block:
    return Block("PartnerLinkPlugin", {"name": name, "url": url, "description": description})


def lotse_form(
    title: str,
    *,
    intro: str = "",
    thema: str = "",
    field_label: str = "",
    field_hint: str = "",
    button_label: str = "",
    link_text: str = "",
) -> Block:
    return Block(
        "LotseSearchFormPlugin",
        {
            "title": title,
            "intro": intro,
            "thema": thema,
            "field_label": field_label,
            "field_hint": field_hint,
            "button_label": button_label,
            "link_text": link_text,
        },
    )


def ltr(value: str) -> str:
    """
    Keeps a phone number, a paragraph sign or a code left-to-right inside right-to-left plain text (plugin fields
    that are not HTML): wraps it in the Unicode isolates LRI … PDI. In HTML use <span class="ltr">…</span>.
    """
    return f"\u2066{value}\u2069"
