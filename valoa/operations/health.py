"""Health endpoints for load balancers and the front cache's probe (docs/deploy.md).

- `/health/live`: the process answers; touches nothing else (a restart is the cure when this fails).
- `/health/ready`: the database, the cache and the media storage are reachable; 503 with the names of the
  failing checks otherwise. `?check=database` (repeatable) limits the answer to the named checks: Varnish's
  probe asks for the database alone, since the site keeps serving without Redis and a Redis outage must not
  make Varnish take every app server out of rotation.

Both answer `no-store` (CacheControlMiddleware makes /health/ private), never say why a check failed (the
reason goes to the log: it may name hosts or users), and are plain GET views without rate limits.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

HEALTH_DIRECTORY = "health"


def check_database() -> None:
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    # A cache that swallows its errors (treats them as misses) still fails here: the value must come back.
    key = f"valoa:health:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    found = cache.get(key)
    cache.delete(key)
    if found != "ok":
        raise ConnectionError("the cache did not keep a value")


def check_media() -> None:
    # Listing first: a missing (e.g. unmounted) media root fails instead of being created by save().
    default_storage.listdir("")
    name = default_storage.save(f"{HEALTH_DIRECTORY}/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)


CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database,
    "cache": check_cache,
    "media": check_media,
}


@require_GET
def live(request):
    return JsonResponse({"status": "ok"})


@require_GET
def ready(request):
    names = request.GET.getlist("check") or list(CHECKS)
    if any(name not in CHECKS for name in names):
        # The names are not echoed back: they are the caller's input.
        return JsonResponse({"status": "error", "known_checks": list(CHECKS)}, status=400)
    results = {}
    for name in dict.fromkeys(names):
        try:
            CHECKS[name]()
        except Exception:
            logger.warning("Health check %s failed", name, exc_info=True)
            results[name] = "failing"
        else:
            results[name] = "ok"
    failing = [name for name, result in results.items() if result != "ok"]
    return JsonResponse(
        {"status": "unavailable" if failing else "ok", "checks": results, "failing": failing},
        status=503 if failing else 200,
    )
