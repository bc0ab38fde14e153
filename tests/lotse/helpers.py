"""Reading the Lotse's result markup (the contract in docs/architecture.md) and building search URLs."""

from urllib.parse import urlencode

from django.urls import reverse

from tests.html import parse


def search_url(**params):
    return f"{reverse('lotse:search')}?{urlencode(params)}"


def results(response):
    """[{'id', 'kind', 'distance'}] of the result items, in page order (distance None for mobile ones)."""
    tree = parse(response)
    containers = tree.xpath('//*[@id="results"]')
    assert len(containers) == 1, "exactly one element with id=results"
    items = []
    for element in containers[0].xpath(".//*[@data-office-id]"):
        distance = element.get("data-distance-km")
        items.append(
            {
                "id": int(element.get("data-office-id")),
                "kind": element.get("data-kind"),
                "distance": float(distance) if distance is not None else None,
            }
        )
    return items
