"""The `--user` option of the commands that publish demo content: whom the versions they create name as author."""

from django.contrib.auth import get_user_model
from django.core.management import CommandError

from programme import page_builder


def add_author_argument(parser) -> None:
    parser.add_argument(
        "--user", help=f"Username recorded as author (default: the system user “{page_builder.SYSTEM_USERNAME}”)."
    )


def author_named(username: str | None):
    """The user named by `--user`, or the system user without one; CommandError for a name nobody has."""
    if not username:
        return page_builder.get_system_user()
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist as error:
        raise CommandError(f"No user named {username!r}.") from error
