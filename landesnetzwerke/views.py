"""Stub views; the directory work replaces them."""

from django.views.generic import DetailView, ListView

from landesnetzwerke.models import Landesnetzwerk


class LandesnetzwerkListView(ListView):
    model = Landesnetzwerk
    template_name = "landesnetzwerke/landesnetzwerk_list.html"


class LandesnetzwerkDetailView(DetailView):
    model = Landesnetzwerk
    template_name = "landesnetzwerke/landesnetzwerk_detail.html"
