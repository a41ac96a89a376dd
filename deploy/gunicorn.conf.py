"""gunicorn settings for VALOA app servers (docs/deploy.md). Used by `make bench` and `make scale-check` too.

    gunicorn -c deploy/gunicorn.conf.py          # binds GUNICORN_BIND, default 0.0.0.0:8000

Command-line options override these (the benchmark picks its own worker class and timeout). Every value can
also be set without editing this file through GUNICORN_CMD_ARGS, e.g. GUNICORN_CMD_ARGS="--workers 8".
"""

import multiprocessing
import os

wsgi_app = "valoa.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")

# Threaded workers: a sync worker waits out a client's idle keep-alive or slow upload, and 30 teams
# autosaving at once then queue behind it (p99 817 ms sync vs 231-315 ms gthread, docs/performance.md).
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", 4))

# A request that takes this long is stuck (the slowest page renders in tens of milliseconds): the master
# replaces the worker. Long enough for a CSV export or a worksheet PDF of a large team.
timeout = 30
# On deploy (SIGTERM/SIGHUP) running requests get this long to finish: a workbook save in flight completes.
graceful_timeout = 30
# Idle keep-alive connections are closed after a few seconds (a gthread worker holds them cheaply, but
# not for ever); a page and its assets still share one connection.
keepalive = 5
# No max_requests: workers are not recycled (the benchmark sums its workers' CPU time; no leak is known).

# The application is loaded in each worker, not in the master, so a worker that crashes reloads cleanly and
# no database connection is ever shared across a fork. Django connects lazily: servers start while
# PostgreSQL is unreachable, requests then answer 503 (valoa/operations/outage.py) and /health/ready says not ready.
preload_app = False

# Load balancers check /health/live (the process answers) and /health/ready (database, cache, media).
# Access log off unless asked for (GUNICORN_ACCESS_LOG=- for stdout): the load balancer usually keeps one.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The balancer terminates TLS and sets X-Forwarded-Proto; trust it from these addresses only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
