from cms.utils.i18n import get_fallback_languages
from django.http import Http404
from django.utils.translation import get_language, get_language_info
from django.views.generic import TemplateView

from programme.selectors import published_employer_checklist


class EmployerChecklistView(TemplateView):
    """One printable page with the steps of the published employer guide (edited once, in the CMS)."""

    template_name = "programme/employer_checklist.html"

    def get_context_data(self, **kwargs):
        language = get_language()
        checklist = published_employer_checklist(languages=[language, *get_fallback_languages(language)])
        if checklist is None or not checklist.steps:
            raise Http404("No published employer guide in this language.")
        page_url = checklist.page_url(language)
        return super().get_context_data(
            checklist=checklist,
            fallback=checklist.language != language,
            content_language=get_language_info(checklist.language),
            employer_page_url=page_url,
            employer_page_absolute_url=self.request.build_absolute_uri(page_url),
            **kwargs,
        )
