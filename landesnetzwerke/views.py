"""The Landesnetzwerke apphook: the list of the 16 networks and one page per network with its offices."""

from django.views.generic import DetailView, ListView

from landesnetzwerke.clock import german_time
from landesnetzwerke.lotse.links import lotse_url
from landesnetzwerke.models import Landesnetzwerk


def lotse_is_available():
    """False while no published page carries the Lotse apphook (office links would not resolve)."""
    return lotse_url() is not None


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
        offices = self.object.beratungsstellen.published().for_lists(now=german_time()).order_by("city", "name")
        offices = list(offices)
        context.update(
            fixed_offices=[office for office in offices if not office.is_mobile],
            mobile_offices=[office for office in offices if office.is_mobile],
            has_sample_data=self.object.is_sample or any(office.is_sample for office in offices),
            lotse_available=lotse_is_available(),
        )
        return context
