"""The Wagtail admin login is throttled (django-axes) and the password-reset form rate-limited.

Everything goes through the real login form at /admin/login/ with Django's test client, as a browser posts it.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command

pytestmark = pytest.mark.django_db

PASSWORD = "oikea-salasana-joka-on-pitka"
LOCKED = "Kirjautuminen on estetty liian monen epäonnistuneen yrityksen vuoksi"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("toimittaja", "toimittaja@example.fi", PASSWORD)


def _login(client, username, password, address="10.0.0.1"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_an_account_is_locked_from_the_address_after_five_wrong_passwords_even_with_the_right_one_then(
    client, editor, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _login(client, "toimittaja", "väärä")
        assert response.status_code == 200
        assert LOCKED not in response.content.decode()
    response = _login(client, "toimittaja", "väärä")
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED in html and "15 minuutin kuluttua" in html
    assert 'class="login-form"' in html  # Wagtail's own login page, not a bare error
    # The right password no longer gets in from this address.
    assert _login(client, "toimittaja", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_by_account_and_address_together(client, editor, settings):
    colleague = get_user_model().objects.create_superuser("moderaattori", "m@example.fi", PASSWORD)
    office, home = "10.0.0.1", "10.0.0.9"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "toimittaja", "väärä", address=office)
    assert _login(client, "toimittaja", PASSWORD, address=office).status_code == 429
    # A colleague behind the same office address still signs in …
    assert _login(client, colleague.username, PASSWORD, address=office).status_code == 302
    client.post("/admin/logout/")
    # … and so does the locked editor from another address.
    assert _login(client, "toimittaja", PASSWORD, address=home).status_code == 302


def test_one_address_failing_on_many_accounts_is_locked_at_the_much_higher_address_limit(
    client, editor, settings
):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 12
    assert settings.LOGIN_ADDRESS_FAILURE_LIMIT > 2 * settings.AXES_FAILURE_LIMIT
    # Password spraying: a few passwords on many accounts, each under the account's own limit.
    for n in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT - 1):
        _login(client, f"tunnus{n // 2}", "väärä", address="10.0.0.7")
    assert _login(client, "toimittaja", PASSWORD, address="10.0.0.7").status_code == 302
    client.post("/admin/logout/")
    _login(client, "tunnus99", "väärä", address="10.0.0.7")
    # Now the editor's right password from that address is refused; from another address it still works.
    assert _login(client, "toimittaja", PASSWORD, address="10.0.0.7").status_code == 429
    assert _login(client, "toimittaja", PASSWORD, address="10.0.0.8").status_code == 302


def test_an_administrator_unlocks_the_account_with_axes_reset_username(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "toimittaja", "väärä")
    assert _login(client, "toimittaja", PASSWORD).status_code == 429
    call_command("axes_reset_username", "toimittaja")
    response = _login(client, "toimittaja", PASSWORD)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_success_before_the_limit_clears_the_count(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "toimittaja", "väärä")
    assert _login(client, "toimittaja", PASSWORD).status_code == 302
    client.post("/admin/logout/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "toimittaja", "väärä")
    assert _login(client, "toimittaja", PASSWORD).status_code == 302


def test_the_password_reset_form_is_rate_limited_per_address(client, editor, settings):
    settings.PASSWORD_RESET_RATE = "3/h"
    statuses = [
        client.post(
            "/admin/password_reset/", {"email": f"x{n}@example.fi"}, REMOTE_ADDR="10.0.0.3"
        ).status_code
        for n in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert (
        "Liian monta pyyntöä"
        in client.post(
            "/admin/password_reset/", {"email": "y@example.fi"}, REMOTE_ADDR="10.0.0.3"
        ).content.decode()
    )


def test_the_password_reset_form_is_rate_limited_per_email(client, editor, settings):
    settings.PASSWORD_RESET_RATE = "3/h"
    statuses = [
        client.post(
            "/admin/password_reset/", {"email": "toimittaja@example.fi"}, REMOTE_ADDR=f"10.0.1.{n}"
        ).status_code
        for n in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == 3


def test_the_password_reset_page_still_shows(client, editor):
    response = client.get("/admin/password_reset/")
    assert response.status_code == 200
    assert 'name="email"' in response.content.decode()


def test_the_admin_applies_the_password_validators(admin_client, demo_site):
    response = admin_client.post(
        "/admin/users/new/",
        {
            "username": "uusi",
            "email": "uusi@example.fi",
            "first_name": "Uusi",
            "last_name": "Käyttäjä",
            "password1": "salasana",
            "password2": "salasana",
            "is_active": "on",
        },
    )
    assert response.status_code == 200  # the form again, with errors
    assert not get_user_model().objects.filter(username="uusi").exists()
    form = response.context["form"]
    assert form.errors["password2"]
