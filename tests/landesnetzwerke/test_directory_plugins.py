"""The directory's CMS plugins inside a published page, and the page cache seeing changed records."""

import pytest
from cms.api import add_plugin, create_page
from cms.models import PageContent
from djangocms_versioning.models import Version

from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk
from tests.html import get_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_with_plugins(django_user_model):
    """A published page showing “offices of network Saarland” (mobile only) and the Fachstellen list."""
    user = django_user_model.objects.create_superuser("plugin-author", "author@example.org", "a-long-password-1")
    page = create_page("Plugin-Test", "content.html", "de", slug="plugin-test", created_by=user)
    content = PageContent.admin_manager.get(page=page, language="de")
    placeholder = content.rescan_placeholders()["content"]
    add_plugin(placeholder, "NetworkOfficesPlugin", "de", landesnetzwerk=Landesnetzwerk.objects.get(bundesland="SL"))
    add_plugin(
        placeholder,
        "NetworkOfficesPlugin",
        "de",
        landesnetzwerk=Landesnetzwerk.objects.get(bundesland="HB"),
        kind=Beratungsstelle.Kind.MOBILE,
    )
    add_plugin(placeholder, "FachstellenListPlugin", "de")
    Version.objects.get_for_content(content).publish(user)
    return page


def test_plugins_show_the_records(client, page_with_plugins):
    tree = get_tree(client, page_with_plugins.get_absolute_url("de"))
    shown = {int(pk) for pk in tree.xpath("//li[@data-office-id]/@data-office-id")}
    saarland = set(Beratungsstelle.objects.published().filter(bundesland="SL").values_list("pk", flat=True))
    bremen_mobile = set(
        Beratungsstelle.objects.published().mobile().filter(bundesland="HB").values_list("pk", flat=True)
    )
    assert shown == saarland | bremen_mobile
    assert tree.xpath('//*[contains(@class, "sample-notice")]')  # sample offices are marked
    fachstellen = [
        " ".join(h.text_content().split()) for h in tree.xpath('//ul[contains(@class, "fachstelle-list")]//h3')
    ]
    assert "IQ Fachstelle Migrantenökonomie" in fachstellen and len(fachstellen) == 5


def test_changed_office_appears_although_the_page_is_cached(client, page_with_plugins):
    url = page_with_plugins.get_absolute_url("de")
    get_tree(client, url)  # now in the CMS page cache
    office = Beratungsstelle.objects.filter(bundesland="SL").first()
    office.name = "Umbenannte Beratung Saarbrücken"
    office.save()
    tree = get_tree(client, url)
    assert "Umbenannte Beratung Saarbrücken" in tree.text_content()
