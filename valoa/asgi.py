"""The ASGI application: Django's pages and the meeting room's live channel (valoa/live/).

`make run` serves everything from it in one process. Production serves the pages from the WSGI application
(valoa/wsgi.py, gunicorn's threaded workers) and only the live path from this one (docs/deploy.md): Django
runs a sync view under ASGI in one thread per process, which would cost the pages their concurrency.
"""

import os

from channels.routing import ProtocolTypeRouter
from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "valoa.settings.production")
# Django first: it sets up the apps that the live routes import.
django_application = get_asgi_application()

from valoa.live.routing import websocket_application  # noqa: E402 - after Django's setup

application = ProtocolTypeRouter({"http": django_application, "websocket": websocket_application()})
