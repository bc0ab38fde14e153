"""
The Lotse's pages: the search (HTML and JSON) and the office page with its vCard. Thin: the search is
search.search_offices(), the records serializers', the sentences presenters', the links links.lotse_url().
"""

from typing import Any

from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.generic import DetailView, TemplateView, View
from menus.utils import set_language_changer

from landesnetzwerke.clock import german_time
from landesnetzwerke.lotse import maps, presenters, serializers
from landesnetzwerke.lotse import office as office_page
from landesnetzwerke.lotse.forms import PARAMETERS, LotseForm
from landesnetzwerke.lotse.links import absolute_lotse_url, lotse_url, page_url
from landesnetzwerke.lotse.places import Status
from landesnetzwerke.lotse.search import LotseResult, search_offices
from landesnetzwerke.models import Beratungsstelle, BeratungsstelleQuerySet

OFFICE_PAGE_MAX_AGE = 60  # seconds: "open now" must not lag behind the opening hours


def bound_form(request: HttpRequest) -> LotseForm:
    """The search form, bound when the query string has any of its parameters; 404 for a malformed page."""
    params = request.GET
    form = LotseForm(params if any(key in params for key in PARAMETERS) else None)
    if form.is_bound and not form.is_valid() and "page" in form.errors:
        raise Http404(_("There is no such page of results."))
    return form


def run_search(form: LotseForm) -> LotseResult | None:
    """The result for a valid form (None otherwise); an unknown place becomes an error on the q field."""
    if not form.is_bound or not form.is_valid():
        return None
    result = search_offices(**form.search_kwargs())
    if result.status == Status.NOT_FOUND:
        form.add_error(
            "q",
            _("We could not find the place or postcode “%(query)s” in Germany. Please check the spelling.")
            % {"query": form.cleaned_data.get("q", "")},
        )
    return result


class SearchView(TemplateView):
    template_name = "lotse/search.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # The language switcher's links: the search in each language (the query string is added to them).
        set_language_changer(self.request, lambda language: lotse_url("search", language=language))
        form = bound_form(self.request)
        result = run_search(form)
        context.update(
            form=form,
            result=result,
            map=maps.result_map(result),
            not_found=result is not None and result.status == Status.NOT_FOUND,
            # After a search the form folds into a one-line summary over the results; without one, or with an
            # error, it stays open.
            search_summary=presenters.search_summary(result, form.filter_count) if not form.errors else "",
            search_open=result is None or bool(form.errors),
            filters_open=form.filters_used,
            position_open=form.position_used,
            kinds=Beratungsstelle.Kind,  # the values of `art`
        )
        return context


class SearchJsonView(View):
    """The same search as JSON (same parameters); invalid parameters give 400 with the errors."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
        form = LotseForm(request.GET)  # a malformed page is an error like any other here (400), not a 404
        result = run_search(form)
        if result is None or not form.is_valid():
            errors = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
            candidates = [c.query for c in result.candidates] if result is not None else []
            return JsonResponse({"errors": errors, "suggestions": candidates}, status=400)
        # The offices, with what their records list besides their own fields (the HTML page needs none of it).
        prefetch_related_objects(result.load_offices(), "landesnetzwerk", "topics", "languages")
        body = serializers.search_record(result, lambda office: absolute_lotse_url(request, "office", pk=office.pk))
        return JsonResponse(body)


class OfficeMixin:
    model = Beratungsstelle
    context_object_name: str | None = "office"

    def get_queryset(self) -> BeratungsstelleQuerySet:
        return Beratungsstelle.objects.published().with_details(now=german_time())


@method_decorator(cache_control(max_age=OFFICE_PAGE_MAX_AGE), name="dispatch")
class OfficeDetailView(OfficeMixin, DetailView):
    """The office page. It says whether the office is open now, so caches keep it for a minute at most."""

    template_name = "lotse/office_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        office = self.object
        set_language_changer(self.request, lambda language: lotse_url("office", language=language, pk=office.pk))
        now = german_time()
        slots = list(office.opening_hours.all())
        context.update(
            opening=office_page.office_opening_status(office, slots, now, get_language()),
            opening_table=office_page.opening_table(slots),
            json_ld=office_page.json_ld(office, absolute_lotse_url(self.request, "office", pk=office.pk) or ""),
            network_url=page_url(office.landesnetzwerk),
            now=now,
        )
        return context


class OfficeVCardView(OfficeMixin, DetailView):
    def render_to_response(self, context: dict[str, Any], **response_kwargs: Any) -> HttpResponse:
        office = self.object
        url = absolute_lotse_url(self.request, "office-vcard", pk=office.pk) or ""
        response = HttpResponse(office_page.vcard(office, url), content_type="text/vcard; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="beratungsstelle-{office.pk}.vcf"'
        return response
