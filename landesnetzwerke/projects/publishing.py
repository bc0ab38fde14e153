"""
Writing a project's texts through djangocms-versioning, as the import does (and code may): the texts of a language
go into its draft (created from the latest version when there is none), and a language is made public or taken
offline; every step is a version operation with its checks (landesnetzwerke.ownership: only the project's network's
editors and central editors pass), so the history lists what the import did.

`ProjectTexts` holds the latest texts and the public languages of many projects, loaded in two queries, for the
import's comparison and preview and for the export.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from djangocms_versioning import constants
from djangocms_versioning.exceptions import ConditionFailed
from djangocms_versioning.models import Version

from landesnetzwerke.projects.models import Teilprojekt, TeilprojektContent
from landesnetzwerke.projects.texts import TEXT_FIELDS


@dataclass
class LanguageState:
    """A project's latest texts in one language and whether that language is public (has a published version)."""

    content: TeilprojektContent
    public: bool

    def texts(self) -> dict[str, str]:
        return {name: getattr(self.content, name) for name in TEXT_FIELDS}


@dataclass
class ProjectTexts:
    """{project id: {language: LanguageState}} for the projects loaded."""

    states: dict[int, dict[str, LanguageState]] = field(default_factory=lambda: defaultdict(dict))

    @classmethod
    def load(cls, project_ids: Iterable[int]) -> ProjectTexts:
        ids = list(project_ids)
        store = cls()
        public = set(TeilprojektContent.objects.filter(teilprojekt__in=ids).values_list("teilprojekt_id", "language"))
        for content in TeilprojektContent.admin_manager.filter(teilprojekt__in=ids).latest_content():
            key = (content.teilprojekt_id, content.language)
            store.states[content.teilprojekt_id][content.language] = LanguageState(content, key in public)
        return store

    def of(self, project_id: int | None) -> dict[str, LanguageState]:
        return self.states.get(project_id, {}) if project_id is not None else {}


class PublishingError(ValueError):
    """A version operation was refused (no permission, another network's project); the message says why."""


def _version(content: TeilprojektContent) -> Version:
    return Version.objects.get_for_content(content)


def write_texts(
    project: Teilprojekt, language: str, texts: Mapping[str, str], user: Any, current: LanguageState | None
) -> LanguageState:
    """The texts as the latest version of `language`: the draft changed, or a new draft (from the latest version, or
    a first one). Returns the language's new state; `current` is its state before (None: no texts yet)."""
    if current is None:
        content = TeilprojektContent.objects.with_user(user).create(teilprojekt=project, language=language, **texts)
        return LanguageState(content, public=False)
    content = current.content
    if _version(content).state != constants.DRAFT:
        content = _version(content).copy(user).content
    for name, value in texts.items():
        setattr(content, name, value)
    content.save()
    return LanguageState(content, current.public)


def set_public(project: Teilprojekt, language: str, public: bool, user: Any, state: LanguageState) -> LanguageState:
    """Publish the latest version of `language` (public) or unpublish its published version (not public)."""
    try:
        if public:
            version = _version(state.content)
            if version.state != constants.DRAFT:
                if state.public and version.state == constants.PUBLISHED:
                    return state  # the latest version is the published one
                version = version.copy(user)
            version.publish(user)
            return LanguageState(version.content, public=True)
        published = TeilprojektContent.objects.filter(teilprojekt=project, language=language).first()
        if published is not None:
            _version(published).unpublish(user)
        return LanguageState(state.content, public=False)
    except ConditionFailed as error:
        raise PublishingError(_("%(language)s: %(reason)s") % {"language": language, "reason": error}) from error
