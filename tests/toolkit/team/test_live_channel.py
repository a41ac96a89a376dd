"""The live channel (valoa/live/, toolkit/team/live.py, toolkit/assessment/live.py) through a real WebSocket
handshake on the ASGI application: who may listen, what reaches whom, and what happens when Redis is down."""

from __future__ import annotations

import os

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.db import transaction

from toolkit.assessment.live import publish_to_respondents
from toolkit.team.live import publish_to_space
from toolkit.team.services import team_space_create
from valoa.live import publishing
from valoa.live.consumers import CLOSE_NOT_FOUND, CLOSE_RATE_LIMITED, CLOSE_UNAVAILABLE
from valoa.live.routing import websocket_application
from valoa.settings.base import redis_channel_layers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

IN_MEMORY = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
REDIS_URL = os.environ.get("VALOA_TEST_REDIS_URL", "")


def redis_layer(url: str, prefix: str) -> dict:
    return redis_channel_layers(url, prefix)  # as the settings configure it from REDIS_URL


@pytest.fixture(params=["memory", "redis"])
def layer(request, settings, worker_id):
    """Each test on the in-process layer of `make run`, and on Redis as several app servers share it."""
    if request.param == "memory":
        settings.CHANNEL_LAYERS = IN_MEMORY
    else:
        if not REDIS_URL:
            pytest.skip("VALOA_TEST_REDIS_URL is not set")
        settings.CHANNEL_LAYERS = redis_layer(REDIS_URL, f"valoa-test-{worker_id}:live")
    publishing._Rest.until = 0.0
    return request.param


def screen(path: str, origin: str = "http://testserver") -> WebsocketCommunicator:
    return WebsocketCommunicator(websocket_application(), path, headers=[(b"origin", origin.encode())])


def run(scenario):
    async_to_sync(scenario)()


def test_a_message_reaches_every_screen_of_its_space_and_no_other(layer):
    space_a = team_space_create(name="Tiimi A")
    space_b = team_space_create(name="Tiimi B")

    async def scenario():
        a1, a2, b1 = (screen(f"/live/tiimi/{s.token}/") for s in (space_a, space_a, space_b))
        for communicator in (a1, a2, b1):
            connected, _code = await communicator.connect()
            assert connected
        await sync_to_async(publish_to_space)(space_a, "facilitation:1", "state", {"step": 2})
        for communicator in (a1, a2):
            assert await communicator.receive_json_from(timeout=2) == {
                "topic": "facilitation:1",
                "event": "state",
                "data": {"step": 2},
            }
        assert await b1.receive_nothing(timeout=0.3)
        for communicator in (a1, a2, b1):
            await communicator.disconnect()

    run(scenario)


def test_an_unknown_or_malformed_link_is_refused(layer):
    async def scenario():
        for path in ("/live/tiimi/" + "x" * 43 + "/", "/live/tiimi/lyhyt/", "/live/vastaa/" + "y" * 43 + "/"):
            communicator = screen(path)
            connected, code = await communicator.connect()
            assert (connected, code) == (False, CLOSE_NOT_FOUND), path

    run(scenario)


def test_guessing_links_is_limited_like_the_pages(layer, settings):
    settings.TEAM_TOKEN_MISS_RATE = "3/h"
    space = team_space_create(name="Oikea tiimi")

    async def scenario():
        codes = []
        for n in range(4):
            connected, code = await screen(f"/live/tiimi/{str(n) * 43}/").connect()
            codes.append(code)
        assert codes[-1] == CLOSE_RATE_LIMITED
        # Past the limit even the right link waits, as on the pages: links cannot be found by trying.
        connected, code = await screen(f"/live/tiimi/{space.token}/").connect()
        assert (connected, code) == (False, CLOSE_RATE_LIMITED)

    run(scenario)


def test_another_sites_page_cannot_listen(layer, settings):
    settings.ALLOWED_HOSTS = ["valoa.example"]
    space = team_space_create(name="Tiimi")

    async def scenario():
        connected, _code = await screen(
            f"/live/tiimi/{space.token}/", origin="https://evil.example"
        ).connect()
        assert not connected
        communicator = screen(f"/live/tiimi/{space.token}/", origin="https://valoa.example")
        connected, _code = await communicator.connect()
        assert connected
        await communicator.disconnect()

    run(scenario)


def test_a_message_goes_out_only_once_its_change_is_committed(layer):
    space = team_space_create(name="Tiimi")

    def change(commit: bool):
        try:
            with transaction.atomic():
                publish_to_space(space, "session:1", "answer", {"key": "k1"})
                if not commit:
                    raise RuntimeError("rolled back")
        except RuntimeError:
            pass

    async def scenario():
        communicator = screen(f"/live/tiimi/{space.token}/")
        assert (await communicator.connect())[0]
        await sync_to_async(change)(False)
        assert await communicator.receive_nothing(timeout=0.3)
        await sync_to_async(change)(True)
        assert (await communicator.receive_json_from(timeout=2))["data"] == {"key": "k1"}
        await communicator.disconnect()

    run(scenario)


def test_respondents_hear_only_their_rounds_reveal(layer, demo_site):
    from toolkit.assessment import services
    from toolkit.models import AssessmentPage

    space = team_space_create(name="Tiimi")
    page = AssessmentPage.objects.get(slug="tiimin-arviointi")
    anonymous = services.round_open(space=space, page=page, mode="anonymous")
    other = services.round_open(space=space, page=page, mode="anonymous")

    async def scenario():
        respondent = screen(f"/live/vastaa/{anonymous.token}/")
        assert (await respondent.connect())[0]
        # The team's own messages (counts, answers) never reach a respondent's group.
        await sync_to_async(publish_to_space)(space, f"round:{anonymous.pk}", "count", {"responses": 3})
        await sync_to_async(publish_to_respondents)(other, "revealed")
        assert await respondent.receive_nothing(timeout=0.3)
        await sync_to_async(publish_to_respondents)(anonymous, "revealed")
        assert await respondent.receive_json_from(timeout=2) == {
            "topic": f"round:{anonymous.pk}",
            "event": "revealed",
            "data": {},
        }
        await respondent.disconnect()

    run(scenario)


def test_with_redis_down_a_screen_is_told_to_poll_and_a_save_does_not_fail(settings):
    # A port where nothing listens: Redis stopped.
    settings.CHANNEL_LAYERS = redis_layer("redis://127.0.0.1:1/0", "valoa-test-down:live")
    publishing._Rest.until = 0.0
    space = team_space_create(name="Tiimi")

    async def scenario():
        connected, code = await screen(f"/live/tiimi/{space.token}/").connect()
        assert (connected, code) == (False, CLOSE_UNAVAILABLE)

    run(scenario)
    # The change was saved and acknowledged; its message is dropped, not raised, and the process rests.
    assert publishing.send_now("space.1", {"topic": "t", "event": "e", "data": {}}) is False
    assert publishing.channel_resting()
