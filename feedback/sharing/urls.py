"""The share page, under the team path (/tiimi/…): valoa/urls.py includes it before toolkit.urls."""

from django.urls import path

from feedback.sharing import views

app_name = "feedback_sharing"

urlpatterns = [
    path("<str:token>/kokeilut/<int:experiment_id>/jaa/", views.share_experiment, name="experiment"),
]
