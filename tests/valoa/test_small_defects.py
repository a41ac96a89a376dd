"""Small defects found from outside: odd media paths, the Django admin, Permissions-Policy, security.txt."""

import importlib
import re

import pytest
from django.urls import clear_url_caches

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_served(settings, tmp_path):
    """valoa.urls as built with SERVE_MEDIA=1 (production's single-host option), and one real file."""
    import valoa.urls

    settings.SERVE_MEDIA = True
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "kuva.txt").write_text("sisältö")
    importlib.reload(valoa.urls)
    clear_url_caches()
    yield tmp_path
    settings.SERVE_MEDIA = False
    importlib.reload(valoa.urls)
    clear_url_caches()


def test_media_serves_a_real_file(client, media_served):
    response = client.get("/media/kuva.txt")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode() == "sisältö"


@pytest.mark.parametrize(
    "path",
    [
        "/media/" + "a" * 3000,  # longer than any file name: OSError ENAMETOOLONG
        "/media/" + "/".join(["b" * 200] * 30),  # a path longer than PATH_MAX
        "/media/x%00y.jpg",  # NUL
        "/media/../valoa/settings/base.py",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media/ei-ole.jpg",
    ],
)
def test_media_paths_no_file_can_have_answer_404(media_served, path):
    from django.test import Client

    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == 404, path[:80]


def test_django_admin_is_not_mounted(admin_client, demo_site):
    # Wagtail's admin is the one admin; /django-admin/ is an ordinary unknown page.
    assert admin_client.get("/admin/").status_code == 200
    response = admin_client.get("/django-admin/")
    assert response.status_code == 404
    assert admin_client.get("/django-admin/auth/user/").status_code == 404


@pytest.mark.parametrize("path", ["/", "/haku/?q=tiimi", "/robots.txt", "/admin/login/", "/ei-ole/"])
def test_every_response_carries_a_permissions_policy(client, demo_site, path):
    policy = client.get(path)["Permissions-Policy"]
    features = dict(re.findall(r"([a-z-]+)=\(([^)]*)\)", policy))
    assert features["camera"] == "" and features["microphone"] == "" and features["geolocation"] == ""
    # The facilitation timer keeps the meeting-room screen awake: allowed for our own origin only.
    assert features["screen-wake-lock"] == "self"


def test_security_txt_names_the_sites_contact_and_expires(client, demo_site):
    from datetime import UTC, datetime, timedelta

    from wagtail.models import Site

    from valoa.models import ContactSettings

    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.email = "tietoturva@valtiokonttori.fi"
    contact.save()
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:tietoturva@valtiokonttori.fi"
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    # RFC 9116: in the future, and less than a year away.
    assert datetime.now(UTC) < expires < datetime.now(UTC) + timedelta(days=365)
    assert fields["Canonical"].endswith("/.well-known/security.txt")


def test_security_txt_is_absent_without_a_contact(client, demo_site):
    from wagtail.models import Site

    from valoa.models import ContactSettings

    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.email = ""
    contact.save()
    assert client.get("/.well-known/security.txt").status_code == 404
