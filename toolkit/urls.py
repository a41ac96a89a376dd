"""Team-space URLs under /tiimi/<token>/. The token is the team's secret: never log or expose it."""

from django.urls import path

from toolkit.assessment.urls import urlpatterns as assessment_urlpatterns
from toolkit.team import views as team

app_name = "toolkit"

urlpatterns: list = [
    # Assessment tools first: their literal prefixes (vastaa/, arviointi/, itsearviointi/) must win over <token>/.
    *assessment_urlpatterns,
    # Team space and workbook (toolkit/views/team.py)
    path("aloita/", team.space_create, name="team_space_create"),
    path("poistettu/", team.space_deleted, name="team_space_deleted"),
    path("<str:token>/", team.space_detail, name="team_space"),
    path("<str:token>/nimi/", team.space_rename, name="team_space_rename"),
    path("<str:token>/poista/", team.space_delete, name="team_space_delete"),
    path("<str:token>/tyokirja/", team.session_start, name="workbook_session_start"),
    path("<str:token>/tyokirja/<int:number>/", team.session_detail, name="workbook_session"),
    path("<str:token>/tyokirja/<int:number>/vastaus/", team.answer_save, name="workbook_answer"),
    path("<str:token>/tyokirja/<int:number>/vastaukset.json", team.session_answers, name="workbook_answers"),
    path(
        "<str:token>/tyokirja/<int:number>/esitys/<int:position>/",
        team.session_present,
        name="workbook_present",
    ),
    path("<str:token>/tyokirja/<int:number>/yhteenveto/", team.session_summary, name="workbook_summary"),
    path("<str:token>/tyokirja/<int:number>/vastaukset.csv", team.session_csv, name="workbook_csv"),
]
