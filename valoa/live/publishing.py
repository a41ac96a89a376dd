"""Publishing a change to the screens of one group, from ordinary (sync) views and services."""

from __future__ import annotations

import logging
import time
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)

# The consumer's handler for a relayed message (LiveConsumer.live_message).
MESSAGE_TYPE = "live.message"


class _Rest:
    """Until when this process leaves the channel alone after a failure: a hung Redis must not cost every
    save its socket timeout. Each process learns on its own (no shared state to lose)."""

    until = 0.0


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


def send_now(group: str, message: dict[str, Any]) -> bool:
    """Send at once (outside a transaction, or from a test); False when the channel could not take it."""
    layer = get_channel_layer()
    if layer is None or channel_resting():
        return False
    try:
        async_to_sync(layer.group_send)(group, {"type": MESSAGE_TYPE, "message": message})
    except Exception:  # Redis down or hung: the screens poll; the saved change stands.
        _Rest.until = time.monotonic() + settings.LIVE_RETRY_SECONDS
        logger.warning("Live message to %s not sent: the channel is unavailable.", group, exc_info=True)
        return False
    return True
