"""Login lockouts in the admin: administrators list the current ones and release them; wrong two-factor codes
count like wrong passwords. Through the real login form, the admin screen and the two-factor step."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "oikea-salasana-joka-on-pitka"
LOCKED = "Kirjautuminen on estetty liian monen epäonnistuneen yrityksen vuoksi"
SCREEN = "/admin/lukitukset/"
OFFICE = "10.0.0.1"


def _login(client, username, password, address=OFFICE):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def _lock(username, settings, address=OFFICE):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, username, "väärä", address=address)
    assert _login(client, username, PASSWORD, address=address).status_code == 429


@pytest.fixture
def editor(demo_site):
    user = get_user_model().objects.create_user("toimittaja", "t@example.fi", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def administrator(db):
    return get_user_model().objects.create_superuser("paakayttaja", "p@example.fi", PASSWORD)


@pytest.fixture
def admin_session(administrator):
    client = Client()
    assert _login(client, "paakayttaja", PASSWORD, address="10.0.9.9").status_code == 302
    return client


def test_the_screen_lists_the_lockout_and_releasing_it_lets_the_user_in_at_once(
    admin_session, editor, settings
):
    _lock("toimittaja", settings)
    page = admin_session.get(SCREEN)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Kirjautumisen lukitukset" in html
    assert "toimittaja" in html and OFFICE in html and "Vapauta" in html
    assert [
        (lockout.username, lockout.address, lockout.failures) for lockout in page.context["lockouts"]
    ] == [
        ("toimittaja", OFFICE, settings.AXES_FAILURE_LIMIT + 1)  # the right password during the lockout too
    ]
    lockout = page.context["lockouts"][0]
    assert lockout.expires_at == lockout.last_failure + settings.AXES_COOLOFF_TIME

    released = admin_session.post(SCREEN, {"address": OFFICE, "username": "toimittaja"}, follow=True)
    assert released.status_code == 200
    html = released.content.decode()
    assert "Lukitus vapautettu: toimittaja osoitteesta 10.0.0.1." in html
    assert "Yhtään tunnusta tai osoitetta ei ole nyt lukittu." in html
    assert _login(Client(), "toimittaja", PASSWORD).status_code == 302


def test_releasing_one_account_leaves_the_others_locked(admin_session, editor, settings):
    get_user_model().objects.create_superuser("moderaattori", "m@example.fi", PASSWORD)
    _lock("toimittaja", settings)
    _lock("moderaattori", settings)
    admin_session.post(SCREEN, {"address": OFFICE, "username": "toimittaja"})
    assert [lockout.username for lockout in admin_session.get(SCREEN).context["lockouts"]] == ["moderaattori"]
    assert _login(Client(), "moderaattori", PASSWORD).status_code == 429


def test_a_locked_address_is_listed_and_released_as_a_whole(admin_session, editor, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 12
    client = Client()
    for n in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT):
        _login(client, f"tunnus{n // 3}", "väärä", address="10.0.0.7")
    assert _login(client, "toimittaja", PASSWORD, address="10.0.0.7").status_code == 429
    lockouts = admin_session.get(SCREEN).context["lockouts"]
    assert [(lockout.username, lockout.address) for lockout in lockouts] == [(None, "10.0.0.7")]
    assert "kaikki tunnukset" in admin_session.get(SCREEN).content.decode()
    response = admin_session.post(SCREEN, {"address": "10.0.0.7", "username": ""}, follow=True)
    assert "Lukitus vapautettu: kaikki tunnukset osoitteesta 10.0.0.7." in response.content.decode()
    assert not AccessAttempt.objects.filter(ip_address="10.0.0.7").exists()
    assert _login(client, "toimittaja", PASSWORD, address="10.0.0.7").status_code == 302


def test_failures_under_the_limit_are_not_listed(admin_session, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(Client(), "toimittaja", "väärä")
    assert admin_session.get(SCREEN).context["lockouts"] == []


def test_a_release_needs_a_valid_address_and_csrf(administrator, editor, settings):
    _lock("toimittaja", settings)
    strict = Client(enforce_csrf_checks=True)
    assert _login(strict, "paakayttaja", PASSWORD, address="10.0.9.9").status_code == 403  # no token at all
    strict.force_login(administrator)
    assert strict.post(SCREEN, {"address": OFFICE, "username": "toimittaja"}).status_code == 403
    client = Client()
    client.force_login(administrator)
    response = client.post(SCREEN, {"address": "ei-osoite", "username": "toimittaja"}, follow=True)
    assert "Lukitusta ei voitu vapauttaa" in response.content.decode()
    assert AccessAttempt.objects.filter(username="toimittaja").exists()


def test_only_superusers_see_and_use_the_screen(client, editor, settings):
    moderator = get_user_model().objects.create_user("moderaattori", "m@example.fi", PASSWORD)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    _lock("toimittaja", settings)
    for user in (editor, moderator):
        client.force_login(user)
        response = client.get(SCREEN)
        assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "no permission"
        assert client.post(SCREEN, {"address": OFFICE, "username": "toimittaja"}).status_code == 302
        assert "Kirjautumisen lukitukset" not in client.get("/admin/").content.decode()  # not in the menu
    assert AccessAttempt.objects.filter(username="toimittaja").exists()
    client.logout()
    assert client.get(SCREEN)["Location"].startswith("/admin/login/")


def test_the_screen_is_in_the_settings_menu_for_administrators(admin_session):
    html = admin_session.get("/admin/").content.decode()
    assert "Kirjautumisen lukitukset" in html and SCREEN in html


# --- Two-factor codes ------------------------------------------------------------------------------------
def _code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


@pytest.fixture
def two_factor(settings, editor):
    settings.TWO_FACTOR_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's own wait after a wrong code: test_two_factor.py
    return TOTPDevice.objects.create(user=editor, name="Puhelin", confirmed=True)


def _wrong_code(client, device, address=OFFICE):
    wrong = f"{(int(_code(device)) + 1) % 1_000_000:06d}"
    return client.post("/admin/2fa/", {"otp_token": wrong}, REMOTE_ADDR=address)


def test_wrong_two_factor_codes_count_and_lock(client, two_factor, settings):
    assert _login(client, "toimittaja", PASSWORD).status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _wrong_code(client, two_factor)
        assert response.status_code == 200 and "Koodi ei kelpaa" in response.content.decode()
    assert (
        AccessAttempt.objects.get(username="toimittaja").failures_since_start
        == settings.AXES_FAILURE_LIMIT - 1
    )

    locked = _wrong_code(client, two_factor)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert LOCKED in html and "Koodi ei kelpaa" not in html
    assert 'name="otp_token"' not in html and "Takaisin kirjautumissivulle" in html
    assert "_auth_user_id" not in client.session  # signed out
    # The password step is locked for this account from this address, the right password too.
    assert LOCKED in _login(client, "toimittaja", PASSWORD).content.decode()


def test_a_session_already_past_the_password_cannot_go_on_guessing_once_locked(client, two_factor, settings):
    assert _login(client, "toimittaja", PASSWORD).status_code == 302
    guesser = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(guesser, "toimittaja", "väärä")
    # Even the right code is not tried: the account is locked from this address.
    response = client.post("/admin/2fa/", {"otp_token": _code(two_factor)}, REMOTE_ADDR=OFFICE)
    assert response.status_code == 429 and LOCKED in response.content.decode()
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_the_right_password_does_not_clear_wrong_codes_but_the_right_code_does(client, two_factor, settings):
    # Otherwise signing in again with a known password would allow four more guesses each time.
    assert _login(client, "toimittaja", PASSWORD).status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _wrong_code(client, two_factor)
    client.post("/admin/logout/")
    assert _login(client, "toimittaja", PASSWORD).status_code == 302
    assert _wrong_code(client, two_factor).status_code == 429

    other = Client()  # from home, where nothing was counted: the right code clears that address's count
    assert _login(other, "toimittaja", PASSWORD, address="10.0.5.5").status_code == 302
    _wrong_code(other, two_factor, address="10.0.5.5")
    assert (
        other.post("/admin/2fa/", {"otp_token": _code(two_factor)}, REMOTE_ADDR="10.0.5.5").status_code == 302
    )
    assert not AccessAttempt.objects.filter(ip_address="10.0.5.5").exists()
    assert AccessAttempt.objects.filter(ip_address=OFFICE).exists()
