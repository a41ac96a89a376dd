"""The team space's URLs, under /tiimi/ (composed in toolkit/urls.py)."""

from django.urls import path

from toolkit.team import views

urlpatterns = [
    path("aloita/", views.space_create, name="team_space_create"),
    path("poistettu/", views.space_deleted, name="team_space_deleted"),
    path("<str:token>/", views.space_detail, name="team_space"),
    path("<str:token>/nimi/", views.space_rename, name="team_space_rename"),
    path("<str:token>/poista/", views.space_delete, name="team_space_delete"),
    path("<str:token>/tilastot/", views.space_usage, name="team_space_usage"),
]
