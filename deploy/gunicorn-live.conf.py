"""gunicorn settings for VALOA's live servers: the meeting room's WebSockets on /live/ (docs/deploy.md,
docs/decisions/008-live-channel.md). The pages stay on deploy/gunicorn.conf.py's threaded WSGI workers.

    gunicorn -c deploy/gunicorn-live.conf.py     # binds GUNICORN_LIVE_BIND, default 0.0.0.0:8001

Varnish pipes the WebSocket upgrade on /live/ here (the `live` director: manage.py varnish_backends
--live-backend). Every live server and every app server must share REDIS_URL: the groups live there.
"""

import multiprocessing
import os

wsgi_app = "valoa.asgi:application"
bind = os.environ.get("GUNICORN_LIVE_BIND", "0.0.0.0:8001")

# uvicorn's worker runs the ASGI application on an event loop: one worker holds thousands of idle sockets
# (a meeting's screens mostly wait), so one per core is plenty.
worker_class = "uvicorn_worker.UvicornWorker"
workers = int(os.environ.get("GUNICORN_LIVE_WORKERS", multiprocessing.cpu_count()))

# A WebSocket stays open for the whole meeting: the timeout is only the worker's heartbeat to the master.
timeout = 30
# On deploy the screens are dropped and reconnect to the other workers/servers at once (static/js/live.js),
# then fetch their state: nothing is lost, so a long grace period buys nothing.
graceful_timeout = 5
preload_app = False
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
