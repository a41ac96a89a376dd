"""Publishing a change to the screens of one group, from ordinary (sync) views and services.

Why a loop of our own: `async_to_sync` from a WSGI thread starts a new thread and a new event loop on every call,
and channels_redis opens a new Redis connection per event loop, so every save paid a connect (about 15 % of an
answer save's CPU). Each process instead keeps one event loop in a daemon thread, started on first use (again
after a fork: gunicorn forks its workers after import), and publishes on it over one reused connection
(docs/decisions/015-live-publish-loop.md).
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)

# The consumer's handler for a relayed message (LiveConsumer.live_message).
MESSAGE_TYPE = "live.message"
# How long a save waits for its message: above the layer's own socket timeouts (0.5 s connect, 1 s read in
# valoa/settings/base.py), so a Redis that is down or hung fails on those, and this only bounds the rest.
SEND_TIMEOUT = 2.0


class _Rest:
    """Until when this process leaves the channel alone after a failure: a hung Redis must not cost every
    save its socket timeout. Each process learns on its own (no shared state to lose)."""

    until = 0.0


class _Loop:
    """This process's publishing loop, its thread, and the process that started them."""

    lock = threading.Lock()
    loop: asyncio.AbstractEventLoop | None = None
    thread: threading.Thread | None = None
    pid = 0


def publishing_loop() -> asyncio.AbstractEventLoop:
    """The process's publishing event loop, running in its daemon thread; started on first use, and again
    in a forked child (the parent's thread does not exist there; its loop and connection are left alone)."""
    loop = _Loop.loop
    if loop is not None and _Loop.pid == os.getpid():
        return loop
    with _Loop.lock:
        if _Loop.loop is None or _Loop.pid != os.getpid():
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="valoa-live-publish", daemon=True)
            thread.start()
            _Loop.loop, _Loop.thread, _Loop.pid = loop, thread, os.getpid()
        return _Loop.loop


def channel_resting() -> bool:
    return time.monotonic() < _Rest.until


def publish(group: str, topic: str, event: str, data: dict[str, Any] | None = None) -> None:
    """Tell every screen in `group` that `event` happened to `topic`, once the current transaction commits.

    After the commit, so that a screen which fetches on the message reads what was saved, and a rolled-back
    change is never announced. Best effort: the save has been acknowledged by then, so a channel that cannot
    be reached is logged and the screens catch up by polling; the request never fails because of it.
    `data` must hold only what every screen of the group may show.
    """
    message = {"topic": topic, "event": event, "data": data or {}}
    transaction.on_commit(lambda: send_now(group, message))


def _loop_running_here() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def send_now(group: str, message: dict[str, Any]) -> bool:
    """Send at once (outside a transaction, or from a test); False when the channel could not take it."""
    layer = get_channel_layer()
    if layer is None or channel_resting():
        return False
    event = {"type": MESSAGE_TYPE, "message": message}
    try:
        if isinstance(layer, InMemoryChannelLayer) or _loop_running_here():
            # The in-process layer hands a message to its receivers through asyncio queues of their own loop,
            # which a put from another loop's thread does not wake: it is sent as before (on the caller's ASGI
            # loop when this thread runs for one). Under a running loop the old path stays too (no caller is
            # async today; async_to_sync refuses there and the send fails as before): a loop never waits on ours.
            async_to_sync(layer.group_send)(group, event)
        else:
            future = asyncio.run_coroutine_threadsafe(layer.group_send(group, event), publishing_loop())
            try:
                future.result(timeout=SEND_TIMEOUT)
            finally:
                future.cancel()  # a send still waiting past the timeout is given up (no-op once done)
    except Exception:  # Redis down or hung: the screens poll; the saved change stands.
        _Rest.until = time.monotonic() + settings.LIVE_RETRY_SECONDS
        logger.warning("Live message to %s not sent: the channel is unavailable.", group, exc_info=True)
        return False
    return True
