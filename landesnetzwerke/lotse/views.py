"""The Lotse's pages: the search (HTML and JSON) and the office page with its vCard. Thin: see lotse.py."""

import re

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.generic import DetailView, TemplateView, View

from landesnetzwerke.lotse import maps
from landesnetzwerke.lotse import office as lotse_office
from landesnetzwerke.lotse import search as lotse
from landesnetzwerke.lotse.forms import PARAMETERS, LotseForm
from landesnetzwerke.models import Beratungsstelle

OFFICE_PAGE_MAX_AGE = 60  # seconds: "open now" must not lag behind the opening hours
_LOTSE_BASE = re.compile(r"^(?P<base>.*?/)(?:stelle/\d+/(?:vcard/)?|suche\.json)?$")


def lotse_path(request, name, pk=None):
    """
    The path of a Lotse URL ("search", "office", "office-vcard") in the visitor's language. Where the Lotse's
    CMS page has no content in that language yet, django CMS still serves the search (language fallback) but
    can neither reverse nor resolve the pages below it: then the search stays on the requested path and
    office pages are linked in the site's default language.
    """
    kwargs = {"pk": pk} if pk is not None else {}
    try:
        return reverse(f"lotse:{name}", kwargs=kwargs)
    except NoReverseMatch:
        if name == "search":
            return _LOTSE_BASE.match(request.path)["base"]
    with translation.override(settings.LANGUAGE_CODE):
        try:
            return reverse(f"lotse:{name}", kwargs=kwargs)
        except NoReverseMatch:
            base = _LOTSE_BASE.match(request.path)["base"]
            return base + {"office": f"stelle/{pk}/", "office-vcard": f"stelle/{pk}/vcard/"}[name]


def url_of(obj):
    """obj.get_absolute_url(), or "" while the page that shows such objects is missing in this language."""
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:
        return ""


def bound_form(request):
    """The search form, bound when the query string has any of its parameters; 404 for a malformed page."""
    params = request.GET
    form = LotseForm(params if any(key in params for key in PARAMETERS) else None)
    if form.is_bound and not form.is_valid() and "page" in form.errors:
        raise Http404(_("There is no such page of results."))
    return form


def run_search(form):
    """The result for a valid form (None otherwise); an unknown place becomes an error on the q field."""
    if not form.is_bound or not form.is_valid():
        return None
    result = lotse.search_offices(**form.search_kwargs())
    if result.status == lotse.Status.NOT_FOUND:
        form.add_error(
            "q",
            _("We could not find the place or postcode “%(query)s” in Germany. Please check the spelling.")
            % {"query": form.cleaned_data.get("q", "")},
        )
    return result


class SearchView(TemplateView):
    template_name = "lotse/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = bound_form(self.request)
        result = run_search(form)
        context.update(
            form=form,
            result=result,
            map=maps.result_map(result),
            filters_open=form.filters_used,
            position_open=form.position_used,
        )
        return context


def _office_json(office, distance_km, request):
    return {
        "id": office.pk,
        "name": office.name,
        "kind": office.kind,
        "street": office.street,
        "plz": office.plz,
        "city": office.city,
        "bundesland": office.bundesland,
        "latitude": office.latitude,
        "longitude": office.longitude,
        "distance_km": round(distance_km, 2) if distance_km is not None else None,
        "languages": [language.code for language in office.languages.all()],
        "topics": [topic.slug for topic in office.topics.all()],
        "url": request.build_absolute_uri(lotse_path(request, "office", office.pk)),
    }


class SearchJsonView(View):
    """The same search as JSON (same parameters); invalid parameters give 400 with the errors."""

    def get(self, request, *args, **kwargs):
        form = LotseForm(request.GET)  # a malformed page is an error like any other here (400), not a 404
        result = run_search(form)
        if result is None or not form.is_valid():
            errors = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
            candidates = [c.query for c in result.candidates] if result is not None else []
            return JsonResponse({"errors": errors, "suggestions": candidates}, status=400)
        body = {
            "status": str(result.status),
            "candidates": [c.query for c in result.candidates],
        }
        if result.found:
            body.update(
                location={
                    "label": result.location.label,
                    "bundesland": result.location.bundesland,
                    "latitude": result.location.latitude,
                    "longitude": result.location.longitude,
                },
                radius_km=result.radius_km,
                widened=result.widened,
                nearest_anywhere=result.nearest_anywhere,
                fixed_total=result.fixed_total,
                mobile_total=result.mobile_total,
                page=result.page.number,
                pages=result.page.paginator.num_pages,
                fixed=[_office_json(hit.office, hit.distance_km, request) for hit in result.fixed],
                mobile=[
                    {
                        **_office_json(hit.office, hit.distance_km, request),
                        "next_days": [
                            {"date": day.date.isoformat(), "starts": f"{day.starts:%H:%M}", "ends": f"{day.ends:%H:%M}"}
                            for day in hit.next_days
                        ],
                    }
                    for hit in result.mobile
                ],
            )
        return JsonResponse(body)


class OfficeMixin:
    model = Beratungsstelle
    context_object_name = "office"

    def get_queryset(self):
        return Beratungsstelle.objects.published().for_office_page(today=lotse.berlin_now().date())


@method_decorator(cache_control(max_age=OFFICE_PAGE_MAX_AGE), name="dispatch")
class OfficeDetailView(OfficeMixin, DetailView):
    """The office page. It says whether the office is open now, so caches keep it for a minute at most."""

    template_name = "lotse/office_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        office = self.object
        now = lotse.berlin_now()
        office.upcoming_days = [day for day in office.upcoming_days if day.date > now.date() or day.ends > now.time()]
        slots = list(office.opening_hours.all())
        try:
            network_url = reverse("landesnetzwerke:detail", kwargs={"slug": office.landesnetzwerk.slug})
        except NoReverseMatch:
            network_url = ""
        context.update(
            opening=lotse_office.opening_status(slots, now),
            opening_table=lotse_office.opening_table(slots),
            json_ld=lotse_office.json_ld(
                office, self.request.build_absolute_uri(lotse_path(self.request, "office", office.pk))
            ),
            network_url=network_url,
            now=timezone.localtime(now),
        )
        return context


class OfficeVCardView(OfficeMixin, DetailView):
    def render_to_response(self, context, **response_kwargs):
        office = self.object
        url = self.request.build_absolute_uri(lotse_path(self.request, "office-vcard", office.pk))
        response = HttpResponse(lotse_office.vcard(office, url), content_type="text/vcard; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="beratungsstelle-{office.pk}.vcf"'
        return response
