"""The WebSocket consumer every live path uses: find the groups a secret link opens, then relay their messages.

Browsers only listen here. Changes travel as ordinary requests (the existing forms, autosave and controls, with
CSRF and validation), so a screen without the channel loses nothing but speed.
"""

from __future__ import annotations

import io
import logging

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.handlers.asgi import ASGIRequest
from django.http import Http404, HttpRequest
from django_ratelimit.exceptions import Ratelimited

logger = logging.getLogger(__name__)

# WebSocket close codes in the application range (4000–4999), read by static/js/live.js.
CLOSE_NOT_FOUND = 4404  # unknown or expired link: the page says so on its next load; no reconnecting
CLOSE_RATE_LIMITED = 4429  # too many unknown links from this client: retry much later
CLOSE_UNAVAILABLE = 4503  # the channel's backend (Redis) cannot be reached: poll, retry later


def request_for(scope) -> HttpRequest:
    """An HttpRequest for the handshake, so that the secret-link rules and rate limits of the pages apply as
    they are (they read the client's address and headers from a request)."""
    return ASGIRequest({**scope, "method": "GET"}, io.BytesIO())


class LiveConsumer(AsyncJsonWebsocketConsumer):
    """Joins the groups `groups_for()` names for this path, or refuses the connection; relays their messages.

    A subclass implements `groups_for(request, **url_kwargs)` as ordinary sync code (it runs in a thread with
    database access): it returns the group names, raises Http404 for an unknown link, or Ratelimited.
    """

    joined: list[str]

    def groups_for(self, request: HttpRequest, **kwargs) -> list[str]:
        raise NotImplementedError

    async def __call__(self, scope, receive, send):
        try:
            await super().__call__(scope, receive, send)
        except Exception:
            if hasattr(self, "channel_name"):
                raise
            # The layer could not even give this screen its channel (Redis down, with the pub/sub layer): the
            # browser is told to poll, as when joining the group fails (connect()).
            logger.warning("Live channel unavailable: a screen falls back to polling.", exc_info=True)
            await receive()  # the handshake's websocket.connect
            await send({"type": "websocket.close", "code": CLOSE_UNAVAILABLE})

    async def connect(self):
        self.joined = []
        kwargs = self.scope["url_route"]["kwargs"]
        try:
            names = await database_sync_to_async(self.groups_for)(request_for(self.scope), **kwargs)
        except Http404:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        except Ratelimited:
            await self.close(code=CLOSE_RATE_LIMITED)
            return
        try:
            for name in names:
                await self.channel_layer.group_add(name, self.channel_name)
                self.joined.append(name)
        except Exception:  # Redis down: the page polls instead.
            logger.warning("Live channel unavailable: a screen falls back to polling.", exc_info=True)
            await self.close(code=CLOSE_UNAVAILABLE)
            return
        await self.accept()

    async def disconnect(self, code):
        for name in getattr(self, "joined", []):
            try:
                await self.channel_layer.group_discard(name, self.channel_name)
            except Exception:  # the group entry expires by itself (channels-redis group_expiry)
                logger.info("Could not leave live group %s.", name)

    async def receive_json(self, content, **kwargs):
        """Screens do not speak on this channel: changes go as ordinary requests (CSRF, validation)."""

    async def live_message(self, event):
        await self.send_json(event["message"])
