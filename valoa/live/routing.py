"""The ASGI application's WebSocket side: the live paths the apps list in settings.LIVE_ROUTES.

Named by dotted path, like urls.py's include("toolkit.urls"), so that valoa (the lowest layer) does not import
the toolkit that builds on it.
"""

from __future__ import annotations

from channels.routing import URLRouter
from channels.security.websocket import AllowedHostsOriginValidator
from django.conf import settings
from django.utils.module_loading import import_string


def websocket_application():
    """Every app's live routes; a browser on another site (an Origin not in ALLOWED_HOSTS) is refused."""
    routes = [route for dotted in settings.LIVE_ROUTES for route in import_string(dotted)]
    return AllowedHostsOriginValidator(URLRouter(routes))
