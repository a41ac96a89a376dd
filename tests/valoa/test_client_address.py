"""One reading of the visitor's address for every rate limit and the feedback hash (valoa/security/client_address.py)."""

import pytest
from django.test import RequestFactory, override_settings

from feedback.models import Submission
from feedback.services import client_hash_for
from tests.feedback.helpers import form_data
from valoa.security.client_address import UNKNOWN_ADDRESS, client_address

rf = RequestFactory()


def test_remote_addr_without_a_proxy_header():
    assert client_address(rf.get("/", REMOTE_ADDR="192.0.2.7")) == "192.0.2.7"


@override_settings(CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR")
def test_forwarded_for_takes_the_address_our_proxy_appended():
    # The client may send its own X-Forwarded-For; only the last entry comes from the proxy.
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4")
    assert client_address(request) == "198.51.100.4"


@override_settings(CLIENT_IP_HEADER="HTTP_X_REAL_IP")
def test_garbage_in_the_header_falls_back_to_remote_addr():
    assert client_address(rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="<script>")) == "10.0.0.1"


def test_no_address_at_all_is_a_shared_placeholder_not_an_error():
    assert client_address(rf.get("/", REMOTE_ADDR="")) == UNKNOWN_ADDRESS


@pytest.mark.django_db
def test_search_and_feedback_answer_without_remote_addr(client, demo_site):
    """A proxy on a unix socket leaves REMOTE_ADDR empty: pages still answer (django-ratelimit used to 500)."""
    assert client.get("/haku/", {"q": "tiimi"}, REMOTE_ADDR="").status_code == 200
    response = client.post("/palaute/lomake/palaute/", form_data("palaute"), REMOTE_ADDR="")
    assert response.status_code == 302


@pytest.mark.django_db
@override_settings(CLIENT_IP_HEADER="HTTP_X_REAL_IP")
def test_behind_a_proxy_limits_and_hash_follow_the_forwarded_address(client, demo_site):
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for i in range(5):
        response = client.post(
            "/palaute/lomake/palaute/",
            form_data("palaute", text=f"Viesti {i}"),
            HTTP_X_REAL_IP="192.0.2.1",
            **proxy,
        )
        assert response.status_code == 302
    assert (
        client.post(
            "/palaute/lomake/palaute/", form_data("palaute"), HTTP_X_REAL_IP="192.0.2.1", **proxy
        ).status_code
        == 429
    )
    # Another reader behind the same proxy has a limit of their own.
    assert (
        client.post(
            "/palaute/lomake/palaute/", form_data("palaute"), HTTP_X_REAL_IP="192.0.2.2", **proxy
        ).status_code
        == 302
    )
    # (The demo site's own submissions have no hash.)
    hashes = set(Submission.objects.exclude(client_hash="").values_list("client_hash", flat=True))
    assert hashes == {client_hash_for(address="192.0.2.1"), client_hash_for(address="192.0.2.2")}
