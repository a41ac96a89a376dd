"""The feedback form's URLs, under /palaute/lomake/ (FeedbackPage itself is /palaute/)."""

from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    path("kiitos/", views.thanks, name="thanks"),
    path("<slug:kind_slug>/", views.submission_form, name="form"),
]
