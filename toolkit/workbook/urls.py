"""The workbook sessions' URLs, under /tiimi/<token>/tyokirja/ (composed in toolkit/urls.py)."""

from django.urls import path

from toolkit.workbook import views

urlpatterns = [
    path("<str:token>/tyokirja/", views.session_start, name="workbook_session_start"),
    path(
        "<str:token>/tyokirja/<int:number>/",
        views.session_page,
        {"template_name": "toolkit/workbook/session.html"},
        name="workbook_session",
    ),
    path("<str:token>/tyokirja/<int:number>/vastaus/", views.answer_save, name="workbook_answer"),
    path("<str:token>/tyokirja/<int:number>/vastaukset.json", views.session_answers, name="workbook_answers"),
    path(
        "<str:token>/tyokirja/<int:number>/esitys/<int:position>/",
        views.session_present,
        name="workbook_present",
    ),
    path(
        "<str:token>/tyokirja/<int:number>/yhteenveto/",
        views.session_page,
        {"template_name": "toolkit/workbook/summary.html"},
        name="workbook_summary",
    ),
    path("<str:token>/tyokirja/<int:number>/vastaukset.csv", views.session_csv, name="workbook_csv"),
]
