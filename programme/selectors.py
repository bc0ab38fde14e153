"""Read-side queries of the programme app."""

from dataclasses import dataclass

from cms.models import PageContent
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site

from programme.models import EmployerStep
from programme.pages import EMPLOYER_PAGE


@dataclass(frozen=True)
class EmployerChecklist:
    page_content: PageContent
    steps: list[EmployerStep]

    @property
    def language(self) -> str:
        return self.page_content.language

    def page_url(self, language: str) -> str:
        """The employer page in `language` (the CMS shows it in a fallback language if it is not translated)."""
        return self.page_content.page.get_absolute_url(language, fallback=True)


def published_employer_checklist(*, languages: list[str]) -> EmployerChecklist | None:
    """
    The employer guide steps of the published employer page (reverse_id "arbeitgeber"), in order, in the first
    of `languages` (the visitor's language, then its fallbacks) that the page is published in.
    """
    contents = {
        content.language: content
        for content in PageContent.objects.filter(
            page__reverse_id=EMPLOYER_PAGE, page__site=Site.objects.get_current(), language__in=languages
        ).select_related("page")
    }
    content = next((contents[language] for language in languages if language in contents), None)
    if content is None:
        return None
    steps = EmployerStep.objects.filter(
        placeholder__content_type=ContentType.objects.get_for_model(PageContent),
        placeholder__object_id=content.pk,
        language=content.language,
    ).order_by("placeholder_id", "position")
    return EmployerChecklist(page_content=content, steps=list(steps))
