"""`make run` serves the site as its users see it: DEBUG off, the Finnish error pages, static files.

`make run` is `make demo` (migrate, demo content) followed by `make serve`; this test runs `make serve` on
the migrated database DATABASE_URL names (as the cross-process tests do), on a free port.
"""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL"), reason="needs a migrated DATABASE_URL with the demo site (make demo)"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (our own local server)
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def served():
    port = _free_port()
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    server = subprocess.Popen(  # noqa: S603
        ["make", "--no-print-directory", "serve", f"PORT={port}"],  # noqa: S607
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # make and gunicorn in one process group, stopped together
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline and server.poll() is None:
            try:
                urllib.request.urlopen(url + "/robots.txt", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_make_serve_shows_the_site_as_users_see_it(served):
    status, html = _get(served + "/")
    assert status == 200 and "VALOA" in html

    status, html = _get(served + "/ei-tallaista-sivua/")
    assert status == 404
    assert "Sivua ei löytynyt" in html  # the site's own Finnish page ...
    assert "URLconf" not in html and "DEBUG = True" not in html  # ... not Django's debug page

    status, css = _get(served + "/static/css/valoa.css")
    assert status == 200 and "--color-primary" in css
    status, _ = _get(served + "/static/wagtailadmin/css/core.css")
    assert status == 200  # the admin's own static files too
