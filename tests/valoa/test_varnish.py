"""End to end through a real Varnish (deploy/varnish/default.vcl) in front of gunicorn on the test database.

Skipped only where varnishd is not installed (CI installs it: .ci/run).
"""

from __future__ import annotations

import http.cookiejar
import http.server
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.conf import settings

from feedback.models import Submission
from tests.bench.server import Gunicorn
from tests.bench.varnish import Varnish, free_port, varnishd_path
from tests.factories import TeamSpaceFactory
from toolkit.models import ToolPage

pytestmark = pytest.mark.skipif(
    varnishd_path() is None, reason="varnishd is missing: apt-get install varnish"
)
# The tests with an app server are marked postgres: gunicorn, a process of its own, serves the test database.


def app_env(**extra: str) -> dict[str, str]:
    import os

    db = settings.DATABASES["default"]
    user = urllib.parse.quote(db["USER"] or "postgres")
    if db.get("PASSWORD"):
        user += ":" + urllib.parse.quote(db["PASSWORD"])
    url = f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="valoa.settings.test",
        DATABASE_URL=url,
        REDIS_URL="",
        FRONTEND_CACHE_URL="",
        FEEDBACK_MIN_FILL_SECONDS="0",
        **extra,
    )
    return env


def fetch(url: str, *, method: str = "GET", opener=None, data: bytes | None = None):
    request = urllib.request.Request(url, method=method, data=data)  # noqa: S310 - loopback only
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def app_server(tmp_path, settings):
    # The server's workers and this test share one cache (valoa/settings/test.py), as app servers share Redis:
    # a publish here forgets the chrome and the cards the workers keep (valoa/pages/fragments.py).
    shared = str(tmp_path / "cache")
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": shared},
    }
    env = app_env(VALOA_TEST_CACHE_DIR=shared)
    with Gunicorn(port=free_port(), env=env, workers=2, log=tmp_path / "gunicorn.log") as server:
        yield server


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_pages_are_cached_purged_on_publish_and_private_ones_pass(demo_site, app_server, settings):
    with Varnish(backends=[("127.0.0.1", app_server.port)]) as varnish:
        varnish.wait_healthy()
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "valoa.caching.frontend_cache.VarnishBackend",
                "LOCATION": varnish.base_url,
            }
        }
        base = varnish.base_url
        tool = ToolPage.objects.live().order_by("title").first()
        shows_tool = [tool.url, "/tyokalut/", "/"]

        # A public page: a miss, then a hit.
        for url in shows_tool:
            status, headers, body = fetch(base + url)
            assert status == 200 and headers["X-Cache"] == "MISS", (url, headers["X-Cache"])
            assert tool.title in body, url
            status, headers, _body = fetch(base + url)
            assert headers["X-Cache"] == "HIT", url

        # A publish is visible within 1 s on every page that shows the tool.
        tool.title = "Aivan uusi nimi työkalulle"
        tool.save_revision().publish()
        published = time.monotonic()
        for url in shows_tool:
            while True:
                _status, _headers, body = fetch(base + url)
                if tool.title in body:
                    break
                assert time.monotonic() - published < 1.0, f"{url} still stale"
                time.sleep(0.05)
        assert time.monotonic() - published < 1.0

        # A team page passes through, every time.
        space = TeamSpaceFactory()
        for _ in range(2):
            status, headers, _body = fetch(base + space.get_absolute_url())
            assert status == 200 and headers["X-Cache"] == "PASS"
            assert "no-store" in headers["Cache-Control"]
        # …and so do the team page and search under the Swedish and English prefixes (docs/languages.md).
        for url in (f"/sv{space.get_absolute_url()}", f"/en{space.get_absolute_url()}", "/sv/haku/?q=tiimi"):
            for _ in range(2):
                status, headers, _body = fetch(base + url)
                assert status == 200 and headers["X-Cache"] == "PASS", url

        # A feedback form and its POST pass through and reach the app (the submission is saved).
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        form_url = f"{base}/palaute/lomake/kokemus/?sivu={tool.pk}"
        status, headers, body = fetch(form_url, opener=opener)
        assert status == 200 and headers["X-Cache"] == "PASS"
        fields = dict(re.findall(r'name="(csrfmiddlewaretoken|started)" value="([^"]+)"', body))
        data = urllib.parse.urlencode(
            {
                **fields,
                "text": "Kokeilimme tätä viikkopalaverissa, ja keskustelu avartui.",
                "publish_permission": "on",
                "page": str(tool.pk),
            }
        ).encode()
        status, headers, _body = fetch(form_url, method="POST", opener=opener, data=data)
        assert status == 200 and headers["X-Cache"] == "PASS"  # the redirect to the thanks page, followed
        assert Submission.objects.filter(page=tool, state=Submission.State.PENDING).exists()


def test_purge_from_an_address_outside_the_acl_is_refused(tmp_path):
    with Varnish(backends=[("127.0.0.1", free_port())], purgers=("192.0.2.10",)) as varnish:
        for method in ("PURGE", "BAN"):
            status, _headers, _body = fetch(varnish.base_url + "/", method=method)
            assert status == 405


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_grace_serves_the_last_good_copy_while_the_app_is_down(demo_site, tmp_path):
    # One-second s-maxage: the copy is out of date long before the app comes back.
    server = Gunicorn(
        port=free_port(), env=app_env(HTTP_CACHE_S_MAXAGE="1"), workers=1, log=tmp_path / "gunicorn.log"
    ).start()
    try:
        with Varnish(backends=[("127.0.0.1", server.port)], probe_interval=0.5) as varnish:
            varnish.wait_healthy()
            status, _headers, body = fetch(varnish.base_url + "/")
            assert status == 200
            server.stop()
            # Past the TTL and past the 15 s a healthy backend's stale copies are limited to.
            time.sleep(17)
            status, headers, stale = fetch(varnish.base_url + "/")
            assert status == 200 and headers["X-Cache"] == "HIT"
            assert stale == body
            # What is never cached has nothing to fall back on: Varnish says so itself.
            status, _headers, _body = fetch(varnish.base_url + "/haku/?q=palaute")
            assert status == 503
    finally:
        server.stop()


class _CountingBackend(http.server.BaseHTTPRequestHandler):
    """Answers every GET with a public page whose body counts the backend's answers."""

    answered = 0

    def do_GET(self):
        _CountingBackend.answered += 1
        body = f"{_CountingBackend.answered} {self.path}".encode()
        self.send_response(200)
        self.send_header("Cache-Control", "public, max-age=60, s-maxage=3600")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_purge_drops_every_query_string_of_a_path_and_ban_drops_the_subtree():
    backend = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), _CountingBackend)
    thread = threading.Thread(target=backend.serve_forever, daemon=True)
    thread.start()
    try:
        with Varnish(backends=[("127.0.0.1", backend.server_address[1])]) as varnish:
            varnish.wait_healthy()
            paths = [
                "/innostu/",
                "/innostu/?page=2",
                "/innostu/tarina/",
                "/tyokalut/?vaihe=1",
                "/a.b/",
                "/axb/",
            ]
            first = {path: fetch(varnish.base_url + path)[2] for path in paths}
            assert {path: fetch(varnish.base_url + path)[2] for path in paths} == first  # all cached

            def changed():
                return {path for path in paths if fetch(varnish.base_url + path)[2] != first[path]}

            assert fetch(varnish.base_url + "/innostu/", method="PURGE")[0] == 200
            assert changed() == {"/innostu/", "/innostu/?page=2"}
            first = {path: fetch(varnish.base_url + path)[2] for path in paths}
            assert fetch(varnish.base_url + "/tyokalut/", method="PURGE")[0] == 200
            assert changed() == {"/tyokalut/?vaihe=1"}
            first = {path: fetch(varnish.base_url + path)[2] for path in paths}
            assert fetch(varnish.base_url + "/innostu/", method="BAN")[0] == 200
            assert changed() == {"/innostu/", "/innostu/?page=2", "/innostu/tarina/"}
            first = {path: fetch(varnish.base_url + path)[2] for path in paths}
            assert fetch(varnish.base_url + "/a.b/", method="BAN")[0] == 200  # "." is no wildcard
            assert changed() == {"/a.b/"}
    finally:
        backend.shutdown()
