"""Non-CMS routes of the programme app; included inside i18n_patterns before the CMS's catch-all URLs."""

from django.urls import path

from programme import views

app_name = "programme"

urlpatterns = [
    path("arbeitgeber/checkliste/", views.EmployerChecklistView.as_view(), name="employer_checklist"),
]
