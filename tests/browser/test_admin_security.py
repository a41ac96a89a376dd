"""The admin's login defences in a real browser: lockout and unlock, and the two-factor enrolment."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

PASSWORD = "salasana-selaimeen-42"


def _sign_in(page, base_url, password, username="paatoimittaja"):
    page.goto(base_url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form.login-form button[type=submit]").click()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_lockout_after_wrong_passwords_and_unlock_by_an_administrator(
    live_server, demo_site, page, checker, settings
):
    get_user_model().objects.create_superuser("paatoimittaja", "pt@example.org", PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(page, live_server.url, "väärä-salasana")
    message = page.get_by_text("Kirjautuminen on estetty liian monen epäonnistuneen yrityksen vuoksi")
    expect(message).to_be_visible()
    expect(page.locator("#id_username")).to_have_value("paatoimittaja")  # the form kept its input
    checker.screenshot("admin-lockout", 1280)
    checker.assert_accessible("lockout on the login page")

    _sign_in(page, live_server.url, PASSWORD)  # the right password does not open a locked account
    expect(message).to_be_visible()

    call_command("axes_reset_username", "paatoimittaja")
    _sign_in(page, live_server.url, PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/$"))
    checker.assert_clean_console()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_administrator_releases_a_lockout_in_the_admin(live_server, demo_site, page, checker, settings):
    User = get_user_model()
    User.objects.create_superuser("paatoimittaja", "pt@example.org", PASSWORD)
    User.objects.create_superuser("yllapitaja", "y@example.org", PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(page, live_server.url, "väärä-salasana")
    # Another account from the same address is not locked: the administrator signs in and releases.
    _sign_in(page, live_server.url, PASSWORD, username="yllapitaja")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.get_by_role("button", name="Asetukset").click()
    page.get_by_role("link", name="Kirjautumisen lukitukset").click()
    expect(page.get_by_role("heading", name="Kirjautumisen lukitukset")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("paatoimittaja"))
    expect(row).to_be_visible()
    checker.screenshot("admin-lockouts", 1280)
    checker.assert_accessible("login lockouts in the admin")
    row.get_by_role("button", name="Vapauta").click()
    expect(page.get_by_text("Lukitus vapautettu: paatoimittaja")).to_be_visible()
    expect(page.get_by_text("Yhtään tunnusta tai osoitetta ei ole nyt lukittu.")).to_be_visible()
    checker.assert_accessible("login lockouts after the release")
    page.context.clear_cookies()
    _sign_in(page, live_server.url, PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/$"))
    checker.assert_clean_console()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_factor_enrolment_and_recovery_codes(live_server, demo_site, page, checker, settings):
    settings.TWO_FACTOR_REQUIRED = True
    user = get_user_model().objects.create_superuser("paatoimittaja", "pt@example.org", PASSWORD)
    _sign_in(page, live_server.url, PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/2fa/kayttoonotto/"))
    expect(page.get_by_role("img", name="QR-koodi todennussovellukselle")).to_be_visible()
    checker.screenshot("admin-2fa-enrol", 1280)
    checker.assert_accessible("two-factor enrolment")

    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page.get_by_label("Kuusinumeroinen koodi tai varakoodi").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Ota käyttöön").click()
    expect(page.get_by_text("Kaksivaiheinen tunnistautuminen on nyt käytössä.")).to_be_visible()
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    checker.assert_accessible("recovery codes")
    page.get_by_role("link", name=re.compile("jatka ylläpitoon")).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    checker.assert_clean_console()
