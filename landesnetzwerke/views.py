"""The Landesnetzwerke apphook: the list of the 16 networks and one page per network with its offices."""

from django.urls import NoReverseMatch, reverse
from django.views.generic import DetailView, ListView

from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk


def lotse_is_available():
    """False while no published page carries the Lotse apphook (office links would not resolve)."""
    try:
        reverse("lotse:search")
    except NoReverseMatch:
        return False
    return True


class LandesnetzwerkListView(ListView):
    template_name = "landesnetzwerke/landesnetzwerk_list.html"
    context_object_name = "networks"

    def get_queryset(self):
        networks = Landesnetzwerk.objects.with_office_counts().prefetch_related("translations")
        return sorted(networks, key=lambda network: network.get_bundesland_display())  # by Land, as people look


class LandesnetzwerkDetailView(DetailView):
    template_name = "landesnetzwerke/landesnetzwerk_detail.html"
    context_object_name = "network"

    def get_queryset(self):
        return Landesnetzwerk.objects.prefetch_related("translations")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        offices = list(self.object.beratungsstellen.published().for_listing().order_by("city", "name"))
        context.update(
            fixed_offices=[office for office in offices if office.kind == Beratungsstelle.Kind.FIXED],
            mobile_offices=[office for office in offices if office.kind == Beratungsstelle.Kind.MOBILE],
            has_sample_data=self.object.is_sample or any(office.is_sample for office in offices),
            lotse_available=lotse_is_available(),
        )
        return context
