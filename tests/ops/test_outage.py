"""While the database is unreachable, pages answer 503 with Retry-After and a Finnish outage page, never 500.

The database here is a real PostgreSQL server that is stopped (tests/ops/servers.py), served by gunicorn with
the repository's own configuration file. A database error inside a middleware (before the view: the session,
the user) takes the other path, through the 500 handler; it is checked in-process with a real failed
connection.
"""

import pytest
from django.db import connections
from django.test import Client

from tests.ops.servers import Gunicorn, ThrowawayPostgres, fetch

OUTAGE_TITLE = "Palvelu on hetken poissa käytöstä"

pytestmark = pytest.mark.skipif(not ThrowawayPostgres.available(), reason="needs PostgreSQL 15 binaries")


@pytest.fixture(scope="module")
def server_without_database(tmp_path_factory):
    with ThrowawayPostgres() as pg:
        pg.stop()
        env = {"DJANGO_SETTINGS_MODULE": "valoa.settings.test", "DATABASE_URL": pg.url, "REDIS_URL": ""}
        log = tmp_path_factory.mktemp("gunicorn") / "server.log"
        with Gunicorn(env, log=log) as server:
            yield server, log


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/"),
        ("GET", "/tyokalut/"),
        ("GET", "/tiimi/" + "a" * 22 + "/"),
        ("GET", "/admin/"),
        ("GET", "/admin/login/"),
        ("GET", "/haku/?q=tiimi"),
        ("GET", "/sitemap.xml"),
    ],
)
def test_pages_answer_503_with_retry_after_while_the_database_is_stopped(
    server_without_database, method, path
):
    server, _log = server_without_database
    status, headers, body = fetch(server.url + path, headers={"Cookie": "sessionid=abc123"})
    assert status == 503, body[:500]
    assert int(headers["Retry-After"]) > 0
    assert "no-store" in headers["Cache-Control"]
    assert OUTAGE_TITLE in body
    assert 'lang="fi"' in body
    assert "Traceback" not in body and "OperationalError" not in body


def test_the_server_started_without_the_database_and_logged_no_traceback(server_without_database):
    server, log = server_without_database
    assert fetch(server.url + "/robots.txt")[0] == 200  # a view that needs no database still answers
    assert "Traceback" not in log.read_text()


def _unreachable_postgres():
    from django.db.backends.postgresql.base import DatabaseWrapper

    from tests.ops.servers import free_port

    settings_dict = {**connections["default"].settings_dict, "ENGINE": "django.db.backends.postgresql"}
    settings_dict.update(HOST="127.0.0.1", PORT=str(free_port()), NAME="valoa", USER="postgres", OPTIONS={})
    return DatabaseWrapper(settings_dict, alias="unreachable")


class _LoadsUserFirst:
    """Stands in for any middleware that needs the database before the view (as auth does with a session)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _unreachable_postgres().ensure_connection()  # a real connection attempt; nothing listens there
        return self.get_response(request)


@pytest.mark.django_db
def test_a_database_error_before_the_view_is_answered_503_too(settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.ops.test_outage._LoadsUserFirst"]
    response = Client(raise_request_exception=False).get("/robots.txt")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert OUTAGE_TITLE in response.content.decode()
