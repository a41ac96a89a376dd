"""`make run` serves the site as its users see it: DEBUG off, the Finnish error pages, static files, and
scheduled pages going live on time (Wagtail's `publish_scheduled` runs beside the server every minute).

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


# Made in the served database through Wagtail's own API, as the editor's "schedule" does: a new page under the
# home page saved as a revision with a go-live time in the future and published, which only schedules it
# (`approved_go_live_at`). Printed: the page's id and URL path.
SCHEDULE = """
import datetime
from django.utils import timezone
from valoa.models import ContentPage, HomePage

home = HomePage.objects.filter(locale__language_code="fi").first()
page = ContentPage(title="Ajastettu testisivu", slug="ajastettu-testisivu-{suffix}", live=False)
home.add_child(instance=page)
page.go_live_at = timezone.now() + datetime.timedelta(seconds={seconds})
page.save_revision().publish()
page.refresh_from_db()
assert not page.live and page.get_latest_revision().approved_go_live_at is not None
print("SCHEDULED", page.pk, page.url_path)
"""


def _manage(*args: str) -> str:
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    result = subprocess.run(  # noqa: S603
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


@pytest.mark.slow
def test_a_scheduled_page_goes_live_under_make_serve_within_two_minutes(served):
    # Due 20 seconds after the server has started: the run at the server's start is too early for it, and
    # the next one, a minute later, publishes it.
    suffix = str(time.time_ns())
    out = _manage("shell", "-c", SCHEDULE.replace("{suffix}", suffix).replace("{seconds}", "20"))
    _marker, pk, url_path = next(line for line in out.splitlines() if line.startswith("SCHEDULED")).split()
    url = served + "/" + url_path.split("/", 2)[2]  # the path under the home page
    try:
        assert _get(url)[0] == 404
        deadline = time.time() + 120
        status = 404
        while time.time() < deadline and status != 200:
            time.sleep(5)
            status, _ = _get(url)
        assert status == 200, "the scheduled page did not go live within two minutes"
    finally:
        _manage("shell", "-c", f"from wagtail.models import Page; Page.objects.filter(pk={pk}).delete()")
