"""The ASGI application: Django's pages and the meeting room's live channel (valoa/live/).

`make run` serves everything from it in one process. Production serves the pages from the WSGI application
(valoa/wsgi.py, gunicorn's threaded workers) and only the live path from this one (docs/deploy.md).
"""

import os

from channels.routing import ProtocolTypeRouter
from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "valoa.settings.production")
# No persistent database connections under ASGI (Django's deployment docs say so): Django runs each request's
# sync code in a thread of that request's own, so a connection kept for reuse stays open in a finished thread.
# Measured: `wrk -c16` on the home page took PostgreSQL to "too many clients" (100) within five seconds, and
# the site answered 503. Forced, not defaulted: an environment shared with the WSGI app servers may set it.
os.environ["DATABASE_CONN_MAX_AGE"] = "0"
# Django first: it sets up the apps that the live routes import.
django_application = get_asgi_application()

from valoa.live.routing import websocket_application  # noqa: E402 - after Django's setup
from valoa.operations.warmup import warm_up  # noqa: E402

warm_up()  # before the first request, not during it (valoa/operations/warmup.py)

application = ProtocolTypeRouter({"http": django_application, "websocket": websocket_application()})
