"""
Helpers for the browser tests: axe-core checks, screenshots, and what every page must get right.

    from tests.browser.helpers import check_axe, save_screenshot
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
SERVER_LOG = None  # set by the site_url fixture: the log of the site under test (tracebacks of 500s)


def check_axe(page, tags=AXE_TAGS):
    """
    Runs axe-core (bundled by axe-playwright-python) on the page with the WCAG 2.0/2.1/2.2 A and AA rules.
    Returns one readable line per violation: rule, impact, what to fix, up to three offending elements.
    An empty list means no violation.
    """
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return [_summary(violation) for violation in results.response["violations"]]


def _summary(violation):
    nodes = violation["nodes"]
    shown = []
    for node in nodes[:3]:
        target = " ".join(str(part) for part in node["target"])
        reason = (node.get("failureSummary") or "").strip().splitlines()
        shown.append(f"{target} → {reason[-1].strip()}" if reason else target)
    more = f" (+{len(nodes) - 3} more)" if len(nodes) > 3 else ""
    return (
        f"{violation['id']} [{violation['impact']}] {violation['help']} ({len(nodes)} element(s)): "
        f"{' | '.join(shown)}{more}"
    )


def screenshot_path(language, name, width):
    return SCREENSHOTS / language / f"{name}-{width}.png"


def save_screenshot(page, language, name, *, full_page=True):
    """Saves artifacts/screenshots/<language>/<name>-<width>.png (artifacts/ is not committed)."""
    path = screenshot_path(language, name, page.viewport_size["width"])
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=full_page, animations="disabled")
    return path


PAGE_FACTS_JS = """() => {
  const root = document.documentElement;
  return {
    lang: root.getAttribute('lang'),
    dir: root.getAttribute('dir'),
    h1: document.querySelectorAll('h1').length,
    scrollWidth: root.scrollWidth,
    clientWidth: root.clientWidth,
    title: document.title,
  };
}"""


def page_facts(page):
    """lang, dir, number of h1, scrollWidth/clientWidth of the document, title."""
    return page.evaluate(PAGE_FACTS_JS)


FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    name: el.getAttribute('name'),
    cls: el.className && el.className.baseVal === undefined ? el.className : '',
    text: (el.innerText || el.value || '').trim().slice(0, 40),
    indicator: outline || shadow,
    visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < window.innerHeight && box.left < window.innerWidth,
  };
}"""


def focused(page):
    """What has keyboard focus: tag, id, name, class, text, whether a focus indicator is drawn and it is on screen."""
    return page.evaluate(FOCUS_JS)


# WCAG 2.1 SC 1.4.12 (text spacing): what a user's style sheet may set without content being lost. Added as a
# constructed style sheet, which the site's strict CSP (style-src 'self', no inline <style>) allows.
TEXT_SPACING_CSS = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }"
    " p { margin-block-end: 2em !important; }"
)
# A visitor's fonts are not the test machine's: every text in a monospace font, wider than any proportional
# fallback (listed twice, or Chromium shrinks "monospace" alone to 13 px).
WIDE_FONT_CSS = "* { font-family: monospace, monospace !important; }"
ADD_STYLE_SHEET_JS = """([css, property]) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return getComputedStyle(document.body)[property];
}"""


def apply_text_spacing(page):
    """Applies the WCAG 1.4.12 text spacing to the page; returns the body's letter-spacing (to check it applied)."""
    return page.evaluate(ADD_STYLE_SHEET_JS, [TEXT_SPACING_CSS, "letterSpacing"])


def apply_wide_font(page):
    """Sets every text in a monospace font; returns the body's font-family (to check it applied)."""
    return page.evaluate(ADD_STYLE_SHEET_JS, [WIDE_FONT_CSS, "fontFamily"])


OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width && (box.right > width + 0.5 || box.left < -0.5)) {
      const names = typeof el.className === 'string' ? el.className.trim() : '';
      const cls = names ? '.' + names.split(/\\s+/).join('.') : '';
      found.push(`${el.tagName.toLowerCase()}${cls} (${Math.round(box.left)}…${Math.round(box.right)} px)`);
    }
  }
  return found.slice(-3);
}"""


def sideways_scrolling(page):
    """None if the page fits its window's width; else a description with the innermost elements that stick out."""
    facts = page_facts(page)
    if facts["scrollWidth"] <= facts["clientWidth"]:
        return None
    culprits = ", ".join(page.evaluate(OVERFLOW_JS)) or "no element box outside (overflowing text or a pseudo-element)"
    return f"scrolls sideways (content {facts['scrollWidth']} px wide, window {facts['clientWidth']} px): {culprits}"
