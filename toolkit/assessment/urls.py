"""Assessment URLs, appended to toolkit.urls. Team links carry the team token; respondents get the round's own."""

from django.urls import path

from toolkit.assessment import presentation
from toolkit.assessment.views import consensus, respond, results, rounds, self_assessment

urlpatterns = [
    path("arviointi/aloita/<int:page_id>/", rounds.assessment_start, name="assessment_start"),
    path("itsearviointi/<int:page_id>/", self_assessment.self_assessment, name="self_assessment"),
    path(
        "itsearviointi/<int:page_id>/tallenna/",
        self_assessment.self_assessment_save,
        name="self_assessment_save",
    ),
    path("vastaa/", respond.assessment_respond_root, name="assessment_respond_root"),
    path("vastaa/<str:round_token>/", respond.assessment_respond, name="assessment_respond"),
    path(
        "vastaa/<str:round_token>/tulokset/",
        respond.assessment_respond_results,
        name="assessment_respond_results",
    ),
    path("<str:token>/arviointi/", rounds.assessment_rounds, name="assessment_rounds"),
    path("<str:token>/arviointi/<int:round_id>/", rounds.assessment_round, name="assessment_round"),
    path(
        "<str:token>/arviointi/<int:round_id>/arvio/",
        consensus.assessment_consensus_save,
        name="assessment_consensus_save",
    ),
    path("<str:token>/arviointi/<int:round_id>/tila/", rounds.assessment_state, name="assessment_state"),
    path(
        "<str:token>/arviointi/<int:round_id>/tulokset/",
        results.assessment_results,
        name="assessment_results",
    ),
    path(
        "<str:token>/arviointi/<int:round_id>/tulokset.csv",
        results.assessment_results_csv,
        name="assessment_results_csv",
    ),
    path(
        "<str:token>/arviointi/<int:round_id>/esitys/seuraa/",
        presentation.assessment_follow,
        name="assessment_follow",
    ),
    path(
        "<str:token>/arviointi/<int:round_id>/esitys/nyt/",
        presentation.assessment_presented,
        name="assessment_presented",
    ),
    path(
        "<str:token>/arviointi/<int:round_id>/esitys/<int:position>/",
        presentation.assessment_present,
        name="assessment_present",
    ),
]
