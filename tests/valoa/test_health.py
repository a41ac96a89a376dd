"""/health/live and /health/ready, with each dependency really unavailable."""

import json
import urllib.error
import urllib.request

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.bench.server import Gunicorn
from tests.bench.varnish import free_port
from valoa.settings.base import redis_caches

pytestmark = pytest.mark.django_db


def ready(client, **params):
    response = client.get(reverse("health_ready"), params)
    return response.status_code, response.json()


def test_live_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("health_live"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready_when_everything_is_reachable(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    status, body = ready(client)
    assert status == 200
    assert body["checks"] == {"database": "ok", "cache": "ok", "media": "ok"}
    assert list(tmp_path.rglob("*.txt")) == []  # the probe file is removed again


def test_cache_down(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    port = free_port()  # nothing listens there
    # The site's own Redis aliases, which answer misses while Redis is down: the check still notices.
    with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{port}/0", "valoa-test")):
        response = client.get(reverse("health_ready"))
    assert response.status_code == 503
    assert response.json()["failing"] == ["cache"]
    assert str(port) not in response.content.decode()  # no addresses or errors in the answer


def test_media_root_missing(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "not-mounted"
    status, body = ready(client)
    assert status == 503 and body["failing"] == ["media"]
    assert not (tmp_path / "not-mounted").exists()  # not created behind the operator's back


def test_media_root_not_writable(client, settings, tmp_path):
    # A file where the probe's folder should be: writing fails, as root too (permissions would not).
    (tmp_path / "health").write_text("")
    settings.MEDIA_ROOT = tmp_path
    status, body = ready(client)
    assert status == 503 and body["failing"] == ["media"]


def test_checks_can_be_named_and_unknown_ones_are_refused(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "missing"
    status, body = ready(client, check="database")
    assert status == 200 and body["checks"] == {"database": "ok"}
    response = client.get(reverse("health_ready"), {"check": "<script>"})
    assert response.status_code == 400
    assert "<script>" not in response.content.decode()


def test_database_down(tmp_path):
    """A real app server whose database does not answer: live says so, ready names the database."""
    import os

    closed = free_port()
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="valoa.settings.test",
        DATABASE_URL=f"postgres://postgres:secret-password@127.0.0.1:{closed}/valoa",
        REDIS_URL="",
        MEDIA_ROOT=str(tmp_path),
    )
    with Gunicorn(port=free_port(), env=env, workers=1, log=tmp_path / "gunicorn.log") as server:
        with urllib.request.urlopen(server.base_url + "/health/live", timeout=10) as response:  # noqa: S310
            assert response.status == 200
        with pytest.raises(urllib.error.HTTPError) as failed:
            urllib.request.urlopen(server.base_url + "/health/ready", timeout=30)  # noqa: S310
        assert failed.value.code == 503
        text = failed.value.read().decode()
        assert json.loads(text)["failing"] == ["database"]
        assert "secret-password" not in text and str(closed) not in text
        assert "no-store" in failed.value.headers["Cache-Control"]
