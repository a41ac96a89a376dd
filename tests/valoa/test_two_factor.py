"""Two-factor sign-in for the admin, through the real login form and the admin's own two-factor pages.

TOTP codes are computed in the test from the device's key (django_otp.oath.totp), as the user's phone would.
"""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "oikea-salasana-joka-on-pitka"


@pytest.fixture(autouse=True)
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


@pytest.fixture
def moderator(demo_site):
    user = get_user_model().objects.create_user("moderaattori", "m@example.fi", PASSWORD)
    user.groups.add(Group.objects.get(name="Moderators"))  # as the demo content makes the group
    return user


def code_for(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def sign_in(client, username="moderaattori"):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client.get("/admin/")


def enrol(client, user):
    enrol_page = client.get("/admin/2fa/kayttoonotto/?next=/admin/")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    return enrol_page, device, client.post("/admin/2fa/kayttoonotto/", {"otp_token": code_for(device)})


def test_first_sign_in_enrols_an_authenticator_and_shows_recovery_codes(client, moderator):
    response = sign_in(client)
    assert response.status_code == 302 and response["Location"].startswith("/admin/2fa/kayttoonotto/")
    enrol_page, device, done = enrol(client, moderator)
    html = enrol_page.content.decode()
    assert "Ota kaksivaiheinen tunnistautuminen käyttöön" in html
    assert "<svg" in html and "QR-koodi todennussovellukselle" in html  # the QR code, with a text alternative
    assert done.status_code == 200
    codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert "no-store" in done["Cache-Control"]
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200  # verified for this session


def test_a_wrong_code_at_enrolment_is_refused_in_finnish(client, moderator):
    sign_in(client)
    client.get("/admin/2fa/kayttoonotto/")
    response = client.post("/admin/2fa/kayttoonotto/", {"otp_token": "000000"})
    assert response.status_code == 200
    assert "Koodi ei kelpaa" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_later_sign_ins_ask_for_the_code(client, moderator, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the wait after a wrong code: test_wrong_codes_slow_down_guessing
    device = TOTPDevice.objects.create(user=moderator, name="Puhelin", confirmed=True)
    response = sign_in(client)
    assert response.status_code == 302 and response["Location"] == "/admin/2fa/?next=/admin/"
    # Every admin URL waits for the code, not only the dashboard.
    assert client.get("/admin/pages/").status_code == 302
    wrong = client.post("/admin/2fa/", {"otp_token": "123456", "next": "/admin/pages/"})
    assert wrong.status_code == 200 and "Koodi ei kelpaa" in wrong.content.decode()
    right = client.post("/admin/2fa/", {"otp_token": code_for(device), "next": "/admin/pages/"})
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_recovery_code_signs_in_once(client, moderator):
    _enrol_page, _device, done = enrol_after_sign_in(client, moderator)
    code = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())[0]
    client.post("/admin/logout/")

    sign_in(client)
    assert client.post("/admin/2fa/", {"otp_token": code}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")

    sign_in(client)
    again = client.post("/admin/2fa/", {"otp_token": code})
    assert again.status_code == 200 and "Koodi ei kelpaa" in again.content.decode()
    # Not verified: not even the recovery codes page opens (it would hand out fresh codes).
    assert client.get("/admin/2fa/varakoodit/")["Location"].startswith("/admin/2fa/?next=")
    assert client.post("/admin/2fa/varakoodit/").status_code == 302
    assert (
        client.get("/admin/2fa/kayttoonotto/")["Location"] == "/admin/2fa/"
    )  # no second app without the first


def enrol_after_sign_in(client, user):
    sign_in(client)
    return enrol(client, user)


def test_new_recovery_codes_replace_the_old_ones(client, moderator, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = settings.OTP_STATIC_THROTTLE_FACTOR = 0
    _enrol_page, _device, done = enrol_after_sign_in(client, moderator)
    old = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    page = client.get("/admin/2fa/varakoodit/")
    assert "Jäljellä on 10 käyttämätöntä varakoodia." in page.content.decode()
    new = re.findall(r"<li><code>(\w+)</code></li>", client.post("/admin/2fa/varakoodit/").content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    client.post("/admin/logout/")
    sign_in(client)
    assert client.post("/admin/2fa/", {"otp_token": old[0]}).status_code == 200  # refused
    assert client.post("/admin/2fa/", {"otp_token": new[0]}).status_code == 302


def test_wrong_codes_slow_down_guessing(client, moderator):
    # django-otp's throttling: after a wrong code the device refuses even the right one for a while
    # (1 s, then 2, 4, 8 … seconds), so six digits cannot be guessed at the speed of the network.
    device = TOTPDevice.objects.create(user=moderator, name="Puhelin", confirmed=True)
    sign_in(client)
    for _ in range(3):
        client.post("/admin/2fa/", {"otp_token": "000000"})
    refused = client.post("/admin/2fa/", {"otp_token": code_for(device)})
    assert refused.status_code == 200 and "Koodi ei kelpaa" in refused.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # codes sent during the wait are not even tried


def test_superusers_and_editors_are_asked_too_but_not_users_without_admin_access(client, demo_site):
    User = get_user_model()
    User.objects.create_superuser("paakayttaja", "p@example.fi", PASSWORD)
    editor = User.objects.create_user("toimittaja2", "t@example.fi", PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    User.objects.create_user("lukija", "l@example.fi", PASSWORD)
    for username in ("paakayttaja", "toimittaja2"):
        client.post("/admin/logout/")
        assert sign_in(client, username)["Location"].startswith("/admin/2fa/kayttoonotto/")
    client.post("/admin/logout/")
    client.post("/admin/login/", {"username": "lukija", "password": PASSWORD})
    assert client.get("/").status_code == 200  # the public site is never behind the second step


def test_the_setting_off_lets_a_password_sign_in_through(client, moderator, settings):
    settings.TWO_FACTOR_REQUIRED = False
    assert sign_in(client).status_code == 200


def test_an_administrator_resets_a_lost_phone(client, moderator):
    TOTPDevice.objects.create(user=moderator, name="Puhelin", confirmed=True)
    out = io.StringIO()
    call_command("reset_two_factor", "moderaattori", stdout=out)
    assert "Poistettu 1" in out.getvalue()
    assert sign_in(client)["Location"].startswith("/admin/2fa/kayttoonotto/")
