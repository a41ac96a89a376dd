"""The usage beacon's URL (/kaytto/): one path in every language, outside the front cache (a POST)."""

from django.urls import path

from toolkit.tools import beacon

urlpatterns = [path("", beacon.tool_usage_beacon, name="tool_usage_beacon")]
