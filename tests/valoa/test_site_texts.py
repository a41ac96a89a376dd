"""The site settings' free text (organisation, the statements' facts) in the language being read: a translatable
snippet the settings name, fetched with the settings in one query (valoa/models/site_texts.py)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(translated_once, demo_site):
    """Every test here reads the translated demo: built once for the module (tests/conftest.py)."""
    return demo_site


def footer(html: str) -> str:
    return re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)


def test_footer_names_the_organisation_in_the_language_being_read(client, translated):
    assert "Sivuston ylläpitäjä (esimerkki)" in footer(client.get("/").content.decode())
    sv = footer(client.get("/sv/").content.decode())
    assert "Webbplatsens upprätthållare (exempel)" in sv and "ylläpitäjä" not in sv
    en = footer(client.get("/en/").content.decode())
    assert "Site maintainer (example)" in en and "ylläpitäjä" not in en


def test_statement_facts_follow_the_language_and_fall_back_to_finnish(client, translated):
    from valoa.models import ContactSettings, SiteTexts

    contact = ContactSettings.objects.get(site=Site.objects.get(is_default_site=True))
    swedish = SiteTexts.objects.get(translation_key=contact.texts.translation_key, locale__language_code="sv")
    swedish.accessibility_issues = "Videorna saknar textning"
    swedish.save()
    from django.utils import translation

    with translation.override("sv"):
        assert ContactSettings.for_site(contact.site).accessibility_issue_lines == [
            "Videorna saknar textning"
        ]
    with translation.override("fi"):
        assert (
            ContactSettings.for_site(contact.site).accessibility_issue_lines[0].startswith("Ladattavat PDF")
        )

    # A language without a translation of the texts shows the Finnish ones rather than nothing.
    SiteTexts.objects.filter(
        translation_key=contact.texts.translation_key, locale__language_code="en"
    ).delete()
    assert "Sivuston ylläpitäjä (esimerkki)" in footer(client.get("/en/").content.decode())


def test_the_texts_cost_no_query_more_in_any_language(client, translated):
    counts = {}
    for code, url in (("fi", "/"), ("sv", "/sv/"), ("en", "/en/")):
        client.get(url)  # warm the per-process maps (locales, site root paths)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[code] = len(queries)
    # Swedish and English cost Wagtail's routing one query more (the home page's translation), nothing else.
    assert counts["sv"] == counts["en"] == counts["fi"] + 1, counts
    assert Locale.objects.filter(language_code="sv").exists()


def test_an_administrator_edits_the_texts_as_a_snippet_and_the_footer_follows(client, demo_site):
    from tests import factories
    from valoa.models import ContactSettings

    admin = factories.UserFactory(username="paakayttaja", is_superuser=True, is_staff=True)
    client.force_login(admin)
    site = Site.objects.get(is_default_site=True)
    settings_form = client.get(f"/admin/settings/valoa/contactsettings/{site.pk}/")
    assert settings_form.status_code == 200
    assert 'name="texts"' in settings_form.content.decode()

    texts = ContactSettings.objects.get(site=site).texts
    edit_url = f"/admin/snippets/valoa/sitetexts/edit/{texts.pk}/"
    assert client.get("/admin/snippets/valoa/sitetexts/").status_code == 200
    assert client.get(edit_url).status_code == 200
    data = {field: getattr(texts, field) for field in ("address", "accessibility_issues", "privacy_contact")}
    data |= {
        "organisation": "Valtion kehittämiskeskus",
        "accessibility_assessment": texts.accessibility_assessment,
        "accessibility_response_time": texts.accessibility_response_time,
        "privacy_controller": texts.privacy_controller,
        "privacy_legal_basis": texts.privacy_legal_basis,
    }
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    assert "Valtion kehittämiskeskus" in footer(client.get("/").content.decode())
