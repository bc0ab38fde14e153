"""The demo content commands' `--user`: the versions they publish name that user, and an unknown name is an error."""

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("command", ["build_pages", "load_news_events"])
def test_an_unknown_author_is_refused_before_anything_is_written(command):
    from cms.models import PageContent

    before = PageContent.admin_manager.count()
    with pytest.raises(CommandError, match="No user named 'nobody-here'"):
        call_command(command, user="nobody-here", verbosity=0)
    assert PageContent.admin_manager.count() == before


def test_the_named_user_is_the_author_of_what_is_published(django_user_model):
    from djangocms_versioning.models import Version

    editor = django_user_model.objects.create_user("redaktion-test", password="x" * 20)
    call_command("build_pages", user="redaktion-test", refresh=True, verbosity=0)
    assert Version.objects.filter(created_by=editor).exists()
