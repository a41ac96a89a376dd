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
def translated(demo_site):
    from valoa.demo.translations import translate

    translate()
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
    assert counts["fi"] == counts["sv"] == counts["en"], counts
    assert Locale.objects.filter(language_code="sv").exists()
