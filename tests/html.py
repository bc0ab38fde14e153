"""Reading what a visitor sees: the one HTML parser of the test suite and small helpers around it."""

import lxml.html


def parse(response):
    """The response's HTML as an lxml tree."""
    return lxml.html.fromstring(response.content.decode())


def get_tree(client, url):
    """GET `url` (it must answer 200) and parse the page."""
    response = client.get(url)
    assert response.status_code == 200, f"{url}: HTTP {response.status_code}"
    return parse(response)


def squeeze(element):
    """An element's text with white space folded, as a reader perceives it."""
    return " ".join(element.text_content().split())


def text_of(tree, xpath):
    """The folded text of every element `xpath` finds."""
    return [squeeze(element) for element in tree.xpath(xpath)]


def page_text(response):
    """All text of a page, white space folded."""
    return squeeze(parse(response))


def form_values(response, form_id):
    """The successful controls of a rendered form, as the browser would submit them (dict of lists)."""
    forms = parse(response).xpath(f'//form[@id="{form_id}"]')
    assert forms, f"no form #{form_id} in the page"
    data = {}
    for name, value in forms[0].form_values():
        data.setdefault(name, []).append(value)
    return data
