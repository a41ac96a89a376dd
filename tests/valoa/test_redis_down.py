"""Redis is a helper: the site keeps working while it is stopped or hung, and uses it again when it is back.

Each test starts its own `redis-server` on a free port and points the settings' own Redis cache aliases
(`redis_caches()` in valoa/settings/base.py, what `REDIS_URL` configures) at it; Django's `override_settings`
resets `django.core.cache.caches` itself. With Django's plain `RedisCache` every request below answers 500;
with django-redis's `IGNORE_EXCEPTIONS` alone (no `RestingRedis`, no `RedisCounterCache`) searches answer 429
while Redis is stopped, and ten page views took 45 s while it was hung (docs/decisions/003-redis-helper.md).
"""

import logging
import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from feedback.models import Submission
from tests.feedback.helpers import form_data
from tests.toolkit.workbook.support import question, set_workbook
from toolkit.models import TeamSpace, WorkbookAnswer
from valoa.settings.base import redis_caches

REDIS_SERVER = shutil.which("redis-server")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not REDIS_SERVER, reason="redis-server is not installed (Debian package redis-server)"
    ),
]
PUBLIC_PAGES = ["/", "/tyokalut/", "/innostu/", "/haku/?q=tiimi", "/palaute/"]
LOGGER = "valoa.operations.redis_cache"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    def __init__(self):
        self.port = _free_port()
        self.client = redis.Redis(port=self.port, socket_timeout=2)
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                if self.client.ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def settings(self):
        return override_settings(
            CACHES=redis_caches(f"redis://127.0.0.1:{self.port}/0", "valoa-test"),
            RATELIMIT_USE_CACHE="ratelimit",
        )


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGCONT)
        server.stop()


@pytest.fixture
def workbook(demo_site):
    set_workbook([("Ilmiöhahmotus", [question("open", "ilmio", "Mitä tapahtui?")])])


def _warnings(caplog, text):
    return [
        r for r in caplog.records if r.name == LOGGER and r.levelno == logging.WARNING and text in r.message
    ]


def _status(response):
    return response.status_code


@override_settings(TEAM_TOKEN_MISS_RATE="3/h")
def test_site_works_while_redis_is_stopped_and_uses_it_again(redis_server, workbook, caplog):
    caplog.set_level(logging.WARNING, logger=LOGGER)
    with redis_server.settings():
        client = Client(enforce_csrf_checks=True)
        assert [_status(client.get(url)) for url in PUBLIC_PAGES] == [200] * 5
        assert redis_server.client.dbsize() > 0  # the cache and the search limit were in Redis

        redis_server.stop()

        assert [_status(client.get(url)) for url in PUBLIC_PAGES] == [200] * 5
        # A new team space: the page hands out the CSRF cookie, the space is created and shown.
        assert _status(client.get("/aloita/tyokirja/")) == 200
        created = client.post(
            reverse("toolkit:team_space_create"),
            {"name": "Redis-tauko", "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
        )
        assert _status(created) == 302
        space = TeamSpace.objects.get(name="Redis-tauko")
        assert _status(client.get(created["Location"])) == 200
        csrf = {"csrfmiddlewaretoken": client.cookies["csrftoken"].value}
        started = client.post(reverse("toolkit:workbook_session_start", kwargs={"token": space.token}), csrf)
        assert _status(started) == 302
        session = space.workbook_sessions.get()
        answer_url = reverse(
            "toolkit:workbook_answer", kwargs={"token": space.token, "number": session.number}
        )
        saved = client.post(
            answer_url, {**csrf, "key": "ilmio", "version": "0", "answer": "Redis oli poissa"}
        )
        assert _status(saved) == 302
        assert WorkbookAnswer.objects.get(session=session).text == "Redis oli poissa"
        # A feedback form: shown and sent, the submission stored.
        assert _status(client.get("/palaute/lomake/palaute/")) == 200
        sent = client.post(
            "/palaute/lomake/palaute/", {**form_data("palaute", text="Redis oli poissa"), **csrf}
        )
        assert _status(sent) == 302
        assert Submission.objects.filter(text="Redis oli poissa").exists()
        # The guessing limit still holds, counted in this process: 3 unknown links, then 429.
        assert [_status(client.get("/tiimi/ei-tallainen-linkki/")) for _ in range(5)] == [404] * 3 + [429] * 2

        unreachable = _warnings(caplog, "unreachable")
        assert len(unreachable) == 1, [r.message for r in caplog.records]
        assert "rate limits count in this process" in unreachable[0].message

        redis_server.start()  # the same port, an empty Redis; no restart of Django

        default = caches["default"]
        key = default.make_key("paluu")
        deadline = time.monotonic() + 15  # the process waits a few seconds before asking again
        while redis_server.client.get(key) is None and time.monotonic() < deadline:
            default.set("paluu", "takaisin", 60)
            time.sleep(0.2)
        assert redis_server.client.get(key) is not None
        assert default.get("paluu") == "takaisin"
        assert _status(client.get("/haku/?q=tiimi")) == 200
        assert redis_server.client.keys("*rl:*"), "the search limit counts in Redis again"
        assert len(_warnings(caplog, "answers again")) == 1


def test_a_hung_redis_costs_one_timeout_not_one_per_request(redis_server, demo_site, caplog):
    caplog.set_level(logging.WARNING, logger=LOGGER)
    with redis_server.settings():
        client = Client()
        began = time.monotonic()
        assert [_status(client.get(url)) for url in PUBLIC_PAGES * 2] == [200] * 10
        with_redis = time.monotonic() - began
        redis_server.process.send_signal(signal.SIGSTOP)  # accepts connections, never answers
        began = time.monotonic()
        statuses = [_status(client.get(url)) for url in PUBLIC_PAGES * 2]
        hung = time.monotonic() - began
        redis_server.process.send_signal(signal.SIGCONT)
    assert statuses == [200] * 10
    # One read timeout (1 s), then the back-off: not a timeout for each of the dozens of cache calls.
    assert hung < with_redis + 2.5, (hung, with_redis)
    assert len(_warnings(caplog, "unreachable")) == 1


def test_nothing_listens_no_password_in_the_log_and_counters_stay_local(caplog):
    caplog.set_level(logging.WARNING, logger=LOGGER)
    location = "redis://:salasana@127.0.0.1:1/3"  # port 1: connection refused at once
    with override_settings(CACHES=redis_caches(location, "t")):
        helper, counter = caches["default"], caches["ratelimit"]
        helper.set("avain", "arvo")
        assert helper.get("avain", "puuttuu") == "puuttuu"
        assert helper.get_many(["avain"]) == {}
        assert counter.add("laskuri", 0, 60) is True
        assert [counter.incr("laskuri") for _ in range(3)] == [1, 2, 3]
        assert counter.get("laskuri") == 3
    (warning,) = _warnings(caplog, "unreachable")
    assert "127.0.0.1:1/3" in warning.message
    assert "salasana" not in warning.message
