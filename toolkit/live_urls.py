"""The toolkit's live paths (WebSocket), listed in settings.LIVE_ROUTES; valoa/live/ serves them.

One path per secret link, in no language: a team link is one link, and the front cache pipes /live/ to the
live servers (deploy/varnish/default.vcl, valoa/private_paths.py).
"""

from django.urls import path

from toolkit.assessment.live import RespondentConsumer
from toolkit.team.live import TeamSpaceConsumer

websocket_urlpatterns = [
    path("live/tiimi/<str:token>/", TeamSpaceConsumer.as_asgi()),
    path("live/vastaa/<str:round_token>/", RespondentConsumer.as_asgi()),
]
