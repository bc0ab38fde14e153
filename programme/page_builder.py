"""
Service: build the published demo page tree from programme.demo_content (structure.yaml and the text files),
idempotently.

Pages are found by their reverse_id; a page missing from the database is created (and put in its place in the
page tree among pages built earlier), a language missing from a page is added. A language version that exists already is
left alone (editors' changes survive a second run), unless `refresh=True`: then a new draft is made from the
current version, its plugins are replaced with the demo content, and it is published (the previous version stays
in the version history).
"""

from dataclasses import dataclass, field

from cms.api import add_plugin, create_page, create_page_content
from cms.models import Page, PageContent
from cms.utils.apphook_reload import mark_urlconf_as_changed
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.db import transaction
from djangocms_versioning import constants as versioning
from djangocms_versioning.models import Version

from programme.demo_content import Block, PageSpec, PageText, page_texts, page_tree

SYSTEM_USERNAME = "demo-content"
PLACEHOLDER_SLOT = "content"


@dataclass
class BuildReport:
    created: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def get_system_user():
    """The author of generated content: a superuser (publishing needs the permission) who cannot log in."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=SYSTEM_USERNAME, defaults={"is_superuser": True, "is_staff": False, "is_active": True}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def content_languages() -> list[str]:
    """The site's languages (settings.LANGUAGES, default language first) that have demo content."""
    codes = [code for code, _name in settings.LANGUAGES]
    codes.sort(key=lambda code: code != settings.LANGUAGE_CODE)
    return [code for code in codes if page_texts(code)]


@transaction.atomic
def build_page_tree(*, user, languages=None, refresh=False) -> BuildReport:
    languages = languages or content_languages()
    texts = {language: page_texts(language) for language in languages}
    site = Site.objects.get_current()
    report = BuildReport()
    pages: dict[str, Page] = {}
    apphook_pages_changed = False

    for spec in page_tree():
        page = Page.objects.filter(reverse_id=spec.reverse_id, site=site).first()
        for language in languages:
            text = texts[language].get(spec.reverse_id)
            if text is None:
                continue
            label = f"{spec.reverse_id} [{language}]"
            if page is None:
                page = _create_page(spec, text, language, user, parent=pages.get(spec.parent), site=site)
                _move_before_next_sibling(page, spec, site)
                draft, done = PageContent.admin_manager.get(page=page, language=language), report.created
            elif not PageContent.admin_manager.filter(page=page, language=language).exists():
                draft, done = _create_translation(spec, text, language, user, page), report.created
            elif refresh:
                draft, done = _draft_for_refresh(page, language, user), report.refreshed
                _update_draft_fields(draft, spec, text)
            else:
                report.unchanged.append(label)
                continue
            _replace_plugins(draft, language, text.blocks)
            Version.objects.get_for_content(draft).publish(user)
            done.append(label)
            apphook_pages_changed = apphook_pages_changed or bool(spec.apphook)
            if spec.is_home and not page.is_home:
                page.set_as_homepage(user)
                page.refresh_from_db()
        if page is not None:
            pages[spec.reverse_id] = page

    if apphook_pages_changed:
        mark_urlconf_as_changed()
    return report


def _content_fields(spec: PageSpec, text: PageText) -> dict:
    """The fields of a page content (one language version) that the demo content sets."""
    return {
        "title": text.title,
        "menu_title": text.menu_title or None,
        "page_title": text.page_title or None,
        "meta_description": text.meta_description or None,
        "in_navigation": spec.in_navigation,
        "template": spec.template,
    }


def _create_page(spec: PageSpec, text: PageText, language: str, user, *, parent, site) -> Page:
    return create_page(
        language=language,
        slug=spec.slug,
        apphook=spec.apphook or None,
        apphook_namespace=spec.apphook_namespace or None,
        created_by=user,
        parent=parent,
        reverse_id=spec.reverse_id,
        site=site,
        **_content_fields(spec, text),
    )


def _move_before_next_sibling(page: Page, spec: PageSpec, site) -> None:
    """
    A page added to a tree built earlier (e.g. "beratung" in a database that has the older tree) goes where the
    page tree puts it: before the next of its siblings there that exists. In a fresh build none exists yet.
    """
    tree = page_tree()
    later = tree[tree.index(spec) + 1 :]
    sibling_ids = [other.reverse_id for other in later if other.parent == spec.parent]
    siblings = {sibling.reverse_id: sibling for sibling in Page.objects.filter(reverse_id__in=sibling_ids, site=site)}
    following = next((siblings[reverse_id] for reverse_id in sibling_ids if reverse_id in siblings), None)
    if following is not None:
        page.move_page(following, position="left")
        page.refresh_from_db()


def _create_translation(spec: PageSpec, text: PageText, language: str, user, page: Page) -> PageContent:
    return create_page_content(
        language=language, page=page, slug=spec.slug, created_by=user, **_content_fields(spec, text)
    )


def _draft_for_refresh(page: Page, language: str, user) -> PageContent:
    """The language's current draft, or a new draft copied from its latest version."""
    contents = PageContent.admin_manager.filter(page=page, language=language)
    draft = contents.filter(versions__state=versioning.DRAFT).first()
    if draft is not None:
        return draft
    latest = Version.objects.filter_by_content_grouping_values(contents.latest("pk")).latest("pk")
    return latest.copy(user).content


def _update_draft_fields(draft: PageContent, spec: PageSpec, text: PageText) -> None:
    for name, value in _content_fields(spec, text).items():
        setattr(draft, name, value)
    draft.save()


def _replace_plugins(draft: PageContent, language: str, blocks: tuple[Block, ...]) -> None:
    # An apphooked page renders its app's template: it has a "content" slot only if that template declares one
    # (e.g. an intro above the Lotse). Without the slot there is nowhere to show the blocks, so none are added.
    placeholder = draft.rescan_placeholders().get(PLACEHOLDER_SLOT)
    if placeholder is None:
        return
    existing = list(placeholder.get_plugins(language).filter(parent__isnull=True))
    if existing:
        placeholder.delete_plugins(existing)
    _add_blocks(placeholder, language, blocks)


def _add_blocks(placeholder, language: str, blocks, target=None) -> None:
    for block in blocks:
        plugin = add_plugin(placeholder, block.plugin_type, language, target=target, **block.data)
        _add_blocks(placeholder, language, block.children, target=plugin)
