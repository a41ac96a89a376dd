"""Publishing from sync code (valoa/live/publishing.py): one event loop per process in a thread of its own, started
on first use and again after a fork, so that every send reuses one connection to Redis instead of opening one
(docs/decisions/015-live-publish-loop.md). The screens' side is in tests/toolkit/team/test_live_channel.py."""

from __future__ import annotations

import asyncio
import os
import socket
import threading
import time

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import get_channel_layer

from tests.valoa.test_redis_down import REDIS_SERVER, RedisServer
from valoa.live import publishing
from valoa.settings.base import redis_channel_layers

REDIS_URL = os.environ.get("VALOA_TEST_REDIS_URL", "")


def message(n: int) -> dict:
    return {"topic": "t", "event": "e", "data": {"n": n}}


@pytest.fixture
def redis_layer(settings, worker_id):
    if not REDIS_URL:
        pytest.skip("VALOA_TEST_REDIS_URL is not set")
    settings.CHANNEL_LAYERS = redis_channel_layers(REDIS_URL, f"valoa-test-{worker_id}:publish")
    publishing._Rest.until = 0.0
    yield get_channel_layer()
    publishing._Rest.until = 0.0


@pytest.fixture
def sends_seen(redis_layer, monkeypatch):
    """The event loop and thread that each group_send of the layer ran on."""
    seen = []
    group_send = redis_layer.group_send

    async def recording(group, event):
        seen.append((asyncio.get_running_loop(), threading.current_thread()))
        await group_send(group, event)

    monkeypatch.setattr(redis_layer, "group_send", recording)
    return seen


def wsgi_thread(function):
    """Run `function` in a plain thread, as a WSGI worker's thread is: no event loop, no asgiref context. (Also
    what keeps these tests apart from the test process's main thread, where a browser test run before them in
    the same worker leaves Playwright's event loop.) Its exception is raised here."""
    result, error = [], []

    def run():
        try:
            result.append(function())
        except BaseException as exc:  # re-raised in the test's thread below
            error.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    if error:
        raise error[0]
    return result[0]


def send(group: str, event: dict) -> bool:
    """publishing.send_now() from a WSGI worker's thread."""
    return wsgi_thread(lambda: publishing.send_now(group, event))


def test_sends_from_a_wsgi_thread_reuse_one_loop_and_arrive(redis_layer, sends_seen):
    # Before, each send from a thread without a loop ran on a new loop, over a new connection to Redis.
    async def scenario():
        channel = await redis_layer.new_channel()
        await redis_layer.group_add("screens", channel)
        sent = await asyncio.to_thread(
            wsgi_thread, lambda: [publishing.send_now("screens", message(n)) for n in (1, 2)]
        )
        received = [await asyncio.wait_for(redis_layer.receive(channel), 2) for _ in range(2)]
        await redis_layer.group_discard("screens", channel)
        return sent, received

    sent, received = wsgi_thread(async_to_sync(scenario))
    assert sent == [True, True]
    assert [event["message"] for event in received] == [message(1), message(2)]
    (loop1, thread1), (loop2, thread2) = sends_seen
    assert loop1 is loop2
    assert thread1 is thread2
    assert loop1 is publishing.publishing_loop() and thread1.daemon


def test_a_forked_process_starts_its_own_loop(redis_layer, sends_seen, monkeypatch):
    assert send("screens", message(1))
    parent_loop, parent_thread = sends_seen[0]
    # Put the parent's loop back afterwards, so that later tests do not start a third one.
    for name in ("loop", "thread", "pid"):
        monkeypatch.setattr(publishing._Loop, name, getattr(publishing._Loop, name))

    # gunicorn forks its workers after import: in a child the parent's thread is gone, and so is its loop.
    real_pid = os.getpid()
    monkeypatch.setattr(os, "getpid", lambda: real_pid + 1)
    assert send("screens", message(2))
    assert send("screens", message(3))
    child_loop, child_thread = sends_seen[1]
    try:
        assert child_loop is not parent_loop and child_thread is not parent_thread
        assert sends_seen[2] == (child_loop, child_thread)  # and the child keeps its own
    finally:
        child_loop.call_soon_threadsafe(child_loop.stop)


def test_a_hung_redis_costs_one_timeout_then_rests_and_the_loop_keeps_working(settings, redis_layer):
    with socket.socket() as hung:  # accepts connections (the kernel's backlog) and never answers
        hung.bind(("127.0.0.1", 0))
        hung.listen()
        port = hung.getsockname()[1]
        settings.CHANNEL_LAYERS = redis_channel_layers(f"redis://127.0.0.1:{port}/0", "valoa-test-hung:live")
        started = time.monotonic()
        assert send("screens", message(1)) is False
        assert time.monotonic() - started < publishing.SEND_TIMEOUT + 0.5
        assert publishing.channel_resting()
        assert send("screens", message(2)) is False  # resting: not even tried

    settings.CHANNEL_LAYERS = redis_channel_layers(REDIS_URL, "valoa-test-back:live")
    publishing._Rest.until = 0.0
    assert send("screens", message(3)) is True


def test_the_in_process_layer_is_sent_to_on_the_servers_loop(settings):
    # Its queues belong to the receivers' loop: a put from another thread (the publishing loop's) would not wake
    # that loop, and the message would wait until something else did (here the end of the request).
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    layer = get_channel_layer()
    sent_at = []

    def save_and_go_on():  # a sync view under `make run`: in asgiref's thread, for the server's loop
        assert publishing.send_now("screens", message(1))
        sent_at.append(time.monotonic())
        time.sleep(1)

    async def scenario():
        channel = await layer.new_channel()
        await layer.group_add("screens", channel)
        request = asyncio.ensure_future(sync_to_async(save_and_go_on)())
        event = await asyncio.wait_for(layer.receive(channel), 3)
        received_at = time.monotonic()
        await request
        return event["message"], received_at - sent_at[0]

    received, delay = wsgi_thread(async_to_sync(scenario))
    assert received == message(1)
    assert delay < 0.5


@pytest.mark.skipif(not REDIS_SERVER, reason="redis-server is not installed (Debian package redis-server)")
def test_a_restarted_redis_is_used_again_at_once(settings):
    server = RedisServer()
    server.start()
    try:
        settings.CHANNEL_LAYERS = redis_channel_layers(
            f"redis://127.0.0.1:{server.port}/0", "valoa-test:live"
        )
        publishing._Rest.until = 0.0
        assert send("screens", message(1))
        server.stop()
        server.start()
        # The restart closed the connection the loop keeps: the send goes again on a new one (retry_on_error),
        # instead of failing and resting while Redis is up.
        assert send("screens", message(2))
        assert not publishing.channel_resting()
    finally:
        server.stop()
        publishing._Rest.until = 0.0
