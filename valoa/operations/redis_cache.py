"""Redis cache backends that keep the site up while Redis is down (docs/deploy.md, "Redis").

Django's `RedisCache` raises `redis.exceptions.ConnectionError` from every cache call when Redis is
unreachable, and each of those calls is part of a page view, a search, a form or a rate limit: one stopped
Redis would answer 500 everywhere. These subclasses catch Redis's own errors in every public method of the
cache API and answer from a stand-in backend instead:

- `RedisHelperCache` (the "default" and "renditions" aliases): a `DummyCache`, so reads are misses and
  writes are dropped. Values stay correct: nothing written during the outage can be read back stale later.
- `RedisCounterCache` (the "ratelimit" alias, django-ratelimit's counters): a `LocMemCache`, so limits keep
  counting, per process, instead of blocking everyone or no one.

After a failure the process stops asking Redis for `RETRY_AFTER` seconds, so a dead or unreachable Redis
costs one connect timeout every few seconds, not one per request; the first call after that tries Redis
again, so the site recovers on its own. The warning is logged at most once a minute per process and server.
"""

from __future__ import annotations

import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds without asking Redis after a failure
WARN_EVERY = 60.0  # seconds between two warnings of one process about one server

# Per process and Redis server, shared by every alias and thread (Django makes one backend per thread).
_lock = threading.Lock()
_retry_at: dict[str, float] = {}
_warned_at: dict[str, float] = {}


def _server_name(location) -> str:
    """host:port/db of the first server, never the password of a redis://user:password@host URL."""
    first = location if isinstance(location, str) else location[0]
    parts = urlsplit(first.split(",")[0].split(";")[0])
    if not parts.hostname:  # unix://…/redis.sock
        return parts.path
    return f"{parts.hostname}:{parts.port or 6379}{parts.path}"


class RedisHelperCache(RedisCache):
    """Redis while it answers; misses (a DummyCache) while it does not."""

    fallback_class = DummyCache

    def __init__(self, server, params):
        super().__init__(server, params)
        self.server_name = _server_name(server)
        # The same key prefix, version and key function, so keys mean the same in both backends.
        self.fallback = self.fallback_class(f"valoa-redis-fallback-{self.server_name}", params)

    def _call(self, name, *args, **kwargs):
        now = time.monotonic()
        if now < _retry_at.get(self.server_name, 0.0):
            return getattr(self.fallback, name)(*args, **kwargs)
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except RedisError as error:
            self._failed(error)
            return getattr(self.fallback, name)(*args, **kwargs)
        if self.server_name in _retry_at:
            self._recovered()
        return result

    def _failed(self, error):
        now = time.monotonic()  # after the timeout the failed call may have waited
        with _lock:
            _retry_at[self.server_name] = now + RETRY_AFTER
            warn = now - _warned_at.get(self.server_name, -WARN_EVERY) >= WARN_EVERY
            if warn:
                _warned_at[self.server_name] = now
        if warn:
            logger.warning(
                "Redis %s is unreachable (%s: %s): cache reads are misses, writes are dropped and rate "
                "limits count in this process until it answers; retrying every %.0f s, this warning at most "
                "once a minute.",
                self.server_name,
                type(error).__name__,
                error,
                RETRY_AFTER,
            )

    def _recovered(self):
        with _lock:
            was_down = _retry_at.pop(self.server_name, None) is not None
        if was_down:
            logger.warning(
                "Redis %s answers again; the cache and rate limits use it again.", self.server_name
            )

    # Every public method of Django's cache API that RedisCache implements; the rest of BaseCache
    # (get_or_set, decr, incr_version, the async methods) is built on these.
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", key, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version=version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version=version)

    def clear(self):
        return self._call("clear")


class RedisCounterCache(RedisHelperCache):
    """For django-ratelimit: counts in this process's memory while Redis does not answer."""

    fallback_class = LocMemCache
