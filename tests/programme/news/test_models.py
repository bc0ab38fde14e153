"""The rules of a news item and its texts."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from fachstellen.models import Fachstelle
from landesnetzwerke.models import Landesnetzwerk
from programme.news.models import NewsItem, NewsItemContent, Schwerpunkt

pytestmark = pytest.mark.django_db


def test_the_five_handlungsschwerpunkte_exist_with_translated_labels():
    from django.utils import translation

    assert list(Schwerpunkt.objects.values_list("slug", flat=True)) == [
        "beratung",
        "qualifizierung",
        "interkulturelle-kompetenz",
        "einwanderung",
        "faire-integration",
    ]
    with translation.override("en"):
        assert str(Schwerpunkt.objects.get(slug="faire-integration")) == "Fair integration"
    with translation.override("de"):
        assert str(Schwerpunkt.objects.get(slug="faire-integration")) == "Faire Integration"


def test_a_network_or_a_fachstelle_not_both():
    item = NewsItem(slug="beides", landesnetzwerk=Landesnetzwerk.objects.first(), fachstelle=Fachstelle.objects.first())
    with pytest.raises(ValidationError):
        item.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()


def test_the_feed_slug_is_reserved():
    with pytest.raises(ValidationError) as caught:
        NewsItem(slug="feed").full_clean()
    assert "slug" in caught.value.message_dict


def test_an_image_needs_its_alternative_text():
    content = NewsItemContent(language="de", title="Bild", teaser="Mit Bild", image_id=1)
    with pytest.raises(ValidationError) as caught:
        content.clean()
    assert "image_alt" in caught.value.message_dict
    content.image_alt = "Eine Beraterin im Gespräch"
    content.clean()
