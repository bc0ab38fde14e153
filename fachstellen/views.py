"""The Fachstellen apphook: the list of the five Fachstellen and one page for each."""

from django.views.generic import DetailView, ListView

from fachstellen.models import Fachstelle


class FachstelleListView(ListView):
    template_name = "fachstellen/fachstelle_list.html"
    context_object_name = "fachstellen"

    def get_queryset(self):
        return Fachstelle.objects.prefetch_related("translations")


class FachstelleDetailView(DetailView):
    template_name = "fachstellen/fachstelle_detail.html"
    context_object_name = "fachstelle"

    def get_queryset(self):
        return Fachstelle.objects.prefetch_related("translations")
