"""Stub views; the Lotse work replaces them."""

from django.views.generic import DetailView, TemplateView

from landesnetzwerke.models import Beratungsstelle


class SearchView(TemplateView):
    template_name = "landesnetzwerke/lotse/search.html"


class OfficeDetailView(DetailView):
    model = Beratungsstelle
    template_name = "landesnetzwerke/lotse/office_detail.html"
