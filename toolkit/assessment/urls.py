"""Assessment URLs, appended to toolkit.urls. Team links carry the team token; respondents get the round's own."""

from django.urls import path

from toolkit.assessment import views

urlpatterns = [
    path("arviointi/aloita/<int:page_id>/", views.assessment_start, name="assessment_start"),
    path("itsearviointi/<int:page_id>/", views.self_assessment, name="self_assessment"),
    path("itsearviointi/<int:page_id>/tallenna/", views.self_assessment_save, name="self_assessment_save"),
    path("vastaa/", views.assessment_respond_root, name="assessment_respond_root"),
    path("vastaa/<str:round_token>/", views.assessment_respond, name="assessment_respond"),
    path(
        "vastaa/<str:round_token>/tulokset/",
        views.assessment_respond_results,
        name="assessment_respond_results",
    ),
    path("<str:token>/arviointi/", views.assessment_rounds, name="assessment_rounds"),
    path("<str:token>/arviointi/<int:round_id>/", views.assessment_round, name="assessment_round"),
    path(
        "<str:token>/arviointi/<int:round_id>/arvio/",
        views.assessment_consensus_save,
        name="assessment_consensus_save",
    ),
    path("<str:token>/arviointi/<int:round_id>/tila/", views.assessment_state, name="assessment_state"),
    path(
        "<str:token>/arviointi/<int:round_id>/tulokset/", views.assessment_results, name="assessment_results"
    ),
    path(
        "<str:token>/arviointi/<int:round_id>/tulokset.csv",
        views.assessment_results_csv,
        name="assessment_results_csv",
    ),
]
