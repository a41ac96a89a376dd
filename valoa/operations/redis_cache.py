"""What django-redis leaves to us for keeping the site up while Redis is down (docs/deploy.md, "Redis";
docs/decisions/003-redis-helper.md).

The cache aliases are django-redis's `RedisCache` with `IGNORE_EXCEPTIONS` (`redis_caches()` in
valoa/settings/base.py): while Redis does not answer, reads are misses and writes are dropped. Two things
django-redis does not do are here, on public API only:

- `RestingRedis`, the redis-py client class (django-redis's `REDIS_CLIENT_CLASS` option): after a
  connection error or timeout the process stops asking that Redis for `RETRY_AFTER` seconds (commands fail
  at once with `redis.ConnectionError`, which django-redis ignores like any other), so a hung Redis costs
  one read timeout every few seconds, not one per cache call (dozens per page). The first command after
  the pause tries Redis again, so the site recovers on its own. It logs a warning at most once a minute per
  process and server, and once when Redis answers again; django-redis's own logging of ignored errors
  (`DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS`, a traceback per cache call) stays off.
- `RedisCounterCache`, the "ratelimit" alias (django-ratelimit's counters): with `IGNORE_EXCEPTIONS` an
  unanswered `add()` or `incr()` returns `None`, which django-ratelimit reads as a failed count and then
  limits everyone (or no one, with `RATELIMIT_FAIL_OPEN`). Here the three calls django-ratelimit makes
  answer from this process's memory (`LocMemCache`) instead, so limits keep counting per process.
"""

from __future__ import annotations

import logging
import threading
import time

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds without asking Redis after a failure
WARN_EVERY = 60.0  # seconds between two warnings of one process about one server
# Redis did not answer: connection refused, connect or read timeout. An error reply (ResponseError) is an
# answer, and redis-py wraps socket errors into these two.
UNANSWERED = (redis.ConnectionError, redis.TimeoutError)

# Per process and Redis server, shared by every alias, client and thread.
_lock = threading.Lock()
_retry_at: dict[str, float] = {}
_warned_at: dict[str, float] = {}


def server_name(pool: redis.ConnectionPool) -> str:
    """host:port/db (or the socket path) of a pool's server, never its password."""
    kwargs = pool.connection_kwargs
    if "path" in kwargs:  # unix://…/redis.sock
        return kwargs["path"]
    return f"{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}/{kwargs.get('db', 0)}"


class RestingRedis(redis.Redis):
    """redis-py's client, resting for RETRY_AFTER seconds after Redis failed to answer."""

    def execute_command(self, *args, **options):
        name = self._resting_check()
        try:
            result = super().execute_command(*args, **options)
        except UNANSWERED as error:
            failed(name, error)
            raise
        if name in _retry_at:
            recovered(name)
        return result

    def pipeline(self, transaction=True, shard_hint=None):
        self._resting_check()
        return super().pipeline(transaction, shard_hint)

    def _resting_check(self) -> str:
        name = server_name(self.connection_pool)
        if time.monotonic() < _retry_at.get(name, 0.0):
            raise redis.ConnectionError(
                f"Redis {name} failed a moment ago; not asked for {RETRY_AFTER:.0f} s"
            )
        return name


def failed(name: str, error: Exception) -> None:
    now = time.monotonic()  # after the timeout the failed command may have waited
    with _lock:
        _retry_at[name] = now + RETRY_AFTER
        warn = now - _warned_at.get(name, -WARN_EVERY) >= WARN_EVERY
        if warn:
            _warned_at[name] = now
    if warn:
        logger.warning(
            "Redis %s is unreachable (%s: %s): cache reads are misses, writes are dropped and rate limits "
            "count in this process until it answers; retrying every %.0f s, this warning at most once a "
            "minute.",
            name,
            type(error).__name__,
            error,
            RETRY_AFTER,
        )


def recovered(name: str) -> None:
    with _lock:
        was_down = _retry_at.pop(name, None) is not None
    if was_down:
        logger.warning("Redis %s answers again; the cache and rate limits use it again.", name)


class RedisCounterCache(RedisCache):
    """For django-ratelimit: add, incr and get count in this process's memory while Redis does not answer.

    `self.client` is django-redis's client, which raises `ConnectionInterrupted` whatever
    `IGNORE_EXCEPTIONS` says; every other method is django-redis's own (a miss or a no-op while Redis is
    down, as in the other aliases).
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        # The same key prefix, version and key function, so keys mean the same in both.
        self.fallback = LocMemCache(f"valoa-ratelimit-fallback-{server}", params)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return self.client.add(key, value, timeout=timeout, version=version)
        except ConnectionInterrupted:
            return self.fallback.add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        try:
            return self.client.incr(key, delta=delta, version=version)
        except ConnectionInterrupted:
            return self.fallback.incr(key, delta, version)

    def get(self, key, default=None, version=None):
        try:
            return self.client.get(key, default=default, version=version)
        except ConnectionInterrupted:
            return self.fallback.get(key, default, version)
