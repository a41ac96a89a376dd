"""The per-client limit holds across app servers: two gunicorn processes share one Redis.

Runs when VALOA_TEST_REDIS_URL names a Redis database (e.g. redis://127.0.0.1:6379/15) and DATABASE_URL
names a migrated PostgreSQL database (`make demo`): the two servers use that database, not the test
database, and the test deletes the rows it made. Both processes listen on the same port with
SO_REUSEPORT, so the kernel spreads the requests between them; their access logs show which process
answered which request. Port: VALOA_TEST_RATELIMIT_PORT, by default a free one (test runs side by side, and
pytest-xdist's workers, never meet on a fixed port).
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import psycopg
import pytest

REDIS_URL = os.environ.get("VALOA_TEST_REDIS_URL", "")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


PORT = int(os.environ.get("VALOA_TEST_RATELIMIT_PORT") or _free_port())
ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not REDIS_URL, reason="set VALOA_TEST_REDIS_URL=redis://127.0.0.1:6379/15 to run"),
]
RUN = f"rltest-{uuid.uuid4().hex[:8]}"


def _start_servers(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "valoa.settings.test",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": RUN,
        "FEEDBACK_MIN_FILL_SECONDS": "0",
    }
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    servers = []
    for n in (1, 2):
        log = tmp_path / f"access-{n}.log"
        servers.append(
            (
                subprocess.Popen(  # noqa: S603
                    [
                        gunicorn,
                        "valoa.wsgi:application",
                        "--bind",
                        f"127.0.0.1:{PORT}",
                        "--reuse-port",
                        "--workers",
                        "1",
                        "--access-logfile",
                        str(log),
                        "--access-logformat",
                        "%(p)s %(m)s %(s)s",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                ),
                log,
            )
        )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/robots.txt", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    time.sleep(2)  # the second process may start a moment later
    return servers


def _post_once(n):
    """One reader's browser: fetch the form (CSRF cookie and token), then send it."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    url = f"http://127.0.0.1:{PORT}/palaute/lomake/palaute/"
    html = opener.open(url, timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    stamp = re.search(r'name="started" value="([^"]+)"', html).group(1)
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "started": stamp, "text": f"{RUN} palaute {n}", "kotisivu": ""}
    ).encode()
    no_redirect = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
    try:
        return no_redirect.open(urllib.request.Request(url, data=body), timeout=10).status
    except urllib.error.HTTPError as error:
        return error.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_limit_is_shared_by_two_processes(tmp_path):
    servers = _start_servers(tmp_path)
    try:
        codes = [_post_once(n) for n in range(12)]
    finally:
        for process, _log in servers:
            process.terminate()
            process.wait(timeout=20)
    assert codes[:5] == [302] * 5, codes
    assert codes[5:] == [429] * 7, codes
    with psycopg.connect(os.environ["DATABASE_URL"]) as db:
        stored = db.execute("DELETE FROM feedback_submission WHERE text LIKE %s", [f"{RUN}%"]).rowcount
    assert stored == 5
    # Both processes answered POSTs: the count lives in Redis, not in either process.
    posting_pids = [
        {line.split()[0] for line in log.read_text().splitlines() if " POST " in f" {line} "}
        for _process, log in servers
    ]
    assert all(posting_pids), posting_pids
    print(f"status codes {codes}; POSTs answered by pids {posting_pids}")
