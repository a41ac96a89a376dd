"""Honest answers while the database is unreachable: 503 with Retry-After, never a 500 with a traceback.

A database outage surfaces as `django.db.OperationalError` (cannot connect, connection lost mid-query) or
`InterfaceError` (a connection already closed). It can happen in the view (caught by the middleware's
`process_exception`) or before and after it: loading the session or the user, saving the session, the
redirects middleware looking up a 404. Those reach Django's 500 handler, which asks `outage_response()`
first (valoa/views.py `server_error`). Either way the answer is the same standalone page, rendered without
the request so that no context processor touches the database again.
"""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# Seconds a client (or the front cache) should wait before trying again; PostgreSQL restarts take seconds.
RETRY_AFTER_SECONDS = 30
DATABASE_ERRORS = (OperationalError, InterfaceError)


def is_database_outage(exception: BaseException | None) -> bool:
    return isinstance(exception, DATABASE_ERRORS)


def outage_response() -> HttpResponse:
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Never kept by a cache: the front cache should serve its last good copy (grace) instead.
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_outage(exception):
            return None
        # One line, no traceback: an outage is an operational event, not a bug.
        logger.warning("Tietokanta ei vastaa (%s): %s 503", type(exception).__name__, request.path)
        return outage_response()
