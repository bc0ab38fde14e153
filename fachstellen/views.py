"""Stub views; the directory work replaces them."""

from django.views.generic import DetailView, ListView

from fachstellen.models import Fachstelle


class FachstelleListView(ListView):
    model = Fachstelle
    template_name = "fachstellen/fachstelle_list.html"


class FachstelleDetailView(DetailView):
    model = Fachstelle
    template_name = "fachstellen/fachstelle_detail.html"
