"""Team-space URLs under /tiimi/<token>/. The token is the team's secret: never log or expose it."""

from django.urls import path  # noqa: F401

app_name = "toolkit"

urlpatterns: list = []

# Assessment tools (issue 5).
from toolkit.urls_assessment import urlpatterns as assessment_urlpatterns  # noqa: E402

urlpatterns += assessment_urlpatterns
