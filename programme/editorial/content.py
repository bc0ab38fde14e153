"""
The models and queries news and events share.

Each type is a *grouper* (``NewsItem``, ``Event``: a ``landesnetzwerke.ownership.NetworkOwned`` holding the facts
that are the same in every language, such as its slug, dates and place) and a *content* model versioned by
djangocms-versioning with a ``language`` field (``NewsItemContent``, ``EventContent``: title, teaser, image and a
body edited with the pages' text editor), one draft/published series per language. Visitors only ever see
published content (the content model's default manager); this module gives the pieces both types build on:

- ``EditorialItem``, the abstract grouper (network or Fachstelle, created/changed, its name in the admin);
- ``EditorialContent``, the abstract content model (language, title, teaser, body placeholder, toolbar hooks and
  placeholder permissions that follow the grouper's network);
- ``Vocabulary``, the abstract model of a fixed list of terms (Handlungsschwerpunkte, audiences) whose labels are
  translated with gettext;
- ``in_language()`` and ``detail_content()`` for the public views;
- ``connect_cache_invalidation()``: publishing, unpublishing or saving an item drops the cached pages that show it
  (the home page, the networks' pages, the lists);
- ``versionable()`` and ``set_up()``: the registration with djangocms-versioning (cms_config.py) and what each
  app's ready() installs.
"""

from __future__ import annotations

from typing import Any

from cms.cache import invalidate_cms_page_cache
from cms.models import PlaceholderRelationField
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from fachstellen.models import Fachstelle
from landesnetzwerke.ownership import NetworkOwned, NetworkOwnedQuerySet

BODY_SLOT = "body"


@deconstructible
class reserved_slugs:  # noqa: N801 - a validator, used like Django's
    """A validator refusing slugs that the app's own pages use ("feed", "archiv")."""

    def __init__(self, *slugs: str):
        self.slugs = slugs

    def __call__(self, value: str) -> None:
        if value in self.slugs:
            message = _("“%(slug)s” is the address of another page. Choose another slug.")
            raise ValidationError(message, params={"slug": value})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, reserved_slugs) and other.slugs == self.slugs


class Vocabulary(models.Model):
    """
    A term of a fixed list (subclasses set ``Term``, a TextChoices with gettext labels): the slug is the public
    value (URL parameters, import files), the label is shown in the visitor's language. The rows are created by a
    data migration of the subclass's app.
    """

    Term: type[models.TextChoices]

    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self) -> str:
        return self.Term(self.slug).label if self.slug in self.Term.values else self.slug


class EditorialItem(NetworkOwned):
    """
    The grouper of an editorial content type: owned by a Landesnetzwerk (landesnetzwerke.ownership) or from a
    Fachstelle or, with neither, from the programme's central office. Subclasses add their `slug` (unique, the same
    in every language) and their facts; their content model points here with `related_name="contents"`.
    """

    fachstelle = models.ForeignKey(
        Fachstelle,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)s_set",
        verbose_name=_("Fachstelle"),
        help_text=_("Instead of a Landesnetzwerk: the Fachstelle it comes from."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = NetworkOwnedQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(landesnetzwerk__isnull=True) | Q(fachstelle__isnull=True),
                name="%(app_label)s_%(class)s_network_or_fachstelle",
            )
        ]

    def __str__(self) -> str:
        """The title in the active language, else in German, else in any (drafts too: the admin names it)."""
        contents = {content.language: content for content in self.contents(manager="admin_manager").latest_content()}
        for code in (get_language(), settings.LANGUAGE_CODE, *sorted(contents)):
            if code in contents:
                return contents[code].title
        return self.slug

    def clean(self) -> None:
        if self.landesnetzwerk_id and self.fachstelle_id:
            raise ValidationError({"fachstelle": _("Choose a Landesnetzwerk or a Fachstelle, not both.")})

    @property
    def publisher_name(self) -> str:
        """Whom the item is from: its Landesnetzwerk, its Fachstelle, or the programme itself."""
        owner = self.landesnetzwerk or self.fachstelle
        return owner.name if owner is not None else str(_("IQ programme"))


class EditorialContent(models.Model):
    """
    The texts of an item in one language, versioned. Subclasses add the foreign key to their grouper, named by
    ``grouper_field``, and ``template_name`` (the detail template, also rendered by the toolbar's preview).
    """

    grouper_field = ""
    template_name = ""

    language = models.CharField(
        _("language"), max_length=15, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE, db_index=True
    )
    title = models.CharField(_("title"), max_length=200)
    teaser = models.TextField(
        _("teaser"), max_length=400, help_text=_("One or two sentences shown in lists, on the home page and in feeds.")
    )
    placeholders = PlaceholderRelationField()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    @property
    def item(self) -> Any:
        return getattr(self, self.grouper_field)

    def get_template(self) -> str:
        return self.template_name

    def get_absolute_url(self) -> str:
        return self.item.get_absolute_url(self.language)

    @cached_property
    def body(self) -> Any:
        """The body's placeholder, created when missing (editors need it to add text)."""
        return self.placeholders.get_or_create(slot=BODY_SLOT)[0]

    def existing_body(self) -> Any:
        """The body's placeholder if it has been created, else None (visitors' pages never write)."""
        return self.placeholders.filter(slot=BODY_SLOT).first()

    # django CMS asks these before anyone may see or change the body in the structure board and the plugin editor:
    # only editors who may edit the item (its network's editors, central editors).
    def has_placeholder_change_permission(self, user: Any) -> bool:
        opts = self._meta
        return user.has_perm(f"{opts.app_label}.change_{opts.model_name}") and self.item.can_be_edited_by(user)

    def has_placeholder_view_permission(self, user: Any) -> bool:
        opts = self._meta
        allowed = user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
            f"{opts.app_label}.change_{opts.model_name}"
        )
        return allowed and self.item.can_be_edited_by(user)


def item_url(view_name: str, language: str | None = None, **kwargs: Any) -> str | None:
    """An item's page in `language` (default: the active one), or None while no published page has the apphook."""
    with translation.override(language or get_language()):
        try:
            return reverse(view_name, kwargs=kwargs)
        except NoReverseMatch:
            return None


def in_language(model: type[EditorialContent], language: str | None = None) -> models.QuerySet:
    """The published contents in `language` (default: the active one). Never drafts: `objects` is published-only."""
    return model.objects.filter(language=language or get_language())


def content_languages(language: str) -> list[str]:
    """The language and its fallbacks (settings.CONTENT_FALLBACKS), in the order a detail page tries them."""
    return [language, *(code for code in settings.CONTENT_FALLBACKS if code != language)]


def detail_content(model: type[EditorialContent], language: str, **item_filter: Any) -> EditorialContent | None:
    """
    The published content of one item for a detail page: in `language`, else in the first fallback language that
    has it (the page then says so), else None (404).
    """
    order = content_languages(language)
    published = model.objects.filter(language__in=order, **item_filter).select_related(model.grouper_field)
    contents = {content.language: content for content in published}
    return next((contents[code] for code in order if code in contents), None)


# Cache invalidation -----------------------------------------------------------------------------------------------


def invalidate_pages() -> None:
    """Drops the CMS page cache and, with it, the anonymous response cache (its keys hold the page-cache version)."""
    invalidate_cms_page_cache()


def _on_version_operation(sender: Any, **kwargs: Any) -> None:
    invalidate_pages()
    if connection.in_atomic_block:
        # Again after commit: another request may have cached the old state before the change was visible.
        transaction.on_commit(invalidate_pages)


def connect_cache_invalidation(content_model: type[models.Model], grouper_model: type[models.Model]) -> None:
    """
    Publishing, unpublishing, reverting (any version operation on a text) and saving or deleting an item (its date,
    place, tags: through the project's invalidation registry) drop the cached pages that show it.
    """
    from djangocms_versioning.signals import post_version_operation

    from iqportal.invalidation import register

    register(invalidate_pages, [grouper_model._meta.label])
    post_version_operation.connect(
        _on_version_operation, sender=content_model, dispatch_uid=f"editorial-{content_model._meta.label_lower}"
    )


# Registration -----------------------------------------------------------------------------------------------------


def versionable(content_model: type[EditorialContent]) -> Any:
    """The djangocms-versioning registration of a content type (for the app's cms_config.py)."""
    from cms.utils.i18n import get_language_tuple
    from djangocms_versioning.datastructures import VersionableItem, default_copy

    return VersionableItem(
        content_model=content_model,
        grouper_field_name=content_model.grouper_field,
        extra_grouping_fields=["language"],
        version_list_filter_lookups={"language": get_language_tuple},
        copy_function=default_copy,  # copies the fields and the body's plugins into a new draft
        grouper_selector_option_label=lambda obj, language: str(obj),
        grouper_admin_mixin="__default__",
    )


def set_up(content_model: type[EditorialContent], grouper_model: type[models.Model]) -> None:
    """From the app's ready(): the network rules on versions, cache invalidation, the guarded versions list."""
    from landesnetzwerke.ownership import install_version_conditions
    from programme.editorial.admin_base import guard_versions_list

    install_version_conditions()
    connect_cache_invalidation(content_model, grouper_model)
    guard_versions_list(content_model)
