"""Innostu in a real browser: the index with its filters (no JavaScript needed) and one story of each kind."""

import re

import pytest
from playwright.sync_api import expect

STORIES = [
    "/innostu/asiakaspalvelutiimin-tilannekuva/",  # tapausesimerkki
    "/innostu/oppimistuokio-perjantaisin/",  # kokeilu
    "/innostu/palaveri-ei-ole-vain-tiedonjakoa/",  # oivallus
]


def test_index_and_one_story_of_each_kind_are_accessible(live_server, demo_site, page, checker):
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for url in ["/innostu/", "/innostu/?kind=oivallus&theme=palaute", "/innostu/?theme=ei-ole", *STORIES]:
            response = page.goto(live_server.url + url)
            assert response.status == 200, url
            expect(page.locator("h1")).to_be_visible()
            checker.assert_accessible(f"{url} @ {width}px")
            checker.screenshot("innostu" + url.replace("/", "-").replace("?", "-").replace("&", "-"), width)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, url
    checker.assert_clean_console()


def test_reader_filters_with_the_form_and_clears_the_filters(live_server, demo_site, page, checker):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/innostu/")
    page.get_by_label("Tyyppi").select_option("kokeilu")
    page.get_by_label("Teema").select_option("psykologinen-turvallisuus")
    page.get_by_role("button", name="Näytä tarinat").click()
    expect(page).to_have_url(
        live_server.url + "/innostu/?kind=kokeilu&theme=psykologinen-turvallisuus&phase=&organisation="
    )
    expect(page.locator(".story-count")).to_have_text("2 tarinaa")
    expect(page.get_by_role("link", name="Paripalaute etätiimissä")).to_be_visible()
    page.get_by_role("link", name="Tyhjennä rajaukset").click()
    expect(page).to_have_url(live_server.url + "/innostu/")

    # The hero image loads in a format the browser picks (WebP in Chromium) without layout shift.
    page.goto(live_server.url + STORIES[1])
    hero = page.locator(".story__hero img")
    expect(hero).to_be_visible()
    assert hero.evaluate("img => img.complete && img.naturalWidth > 0")
    assert hero.evaluate("img => img.currentSrc").endswith(".webp")
    checker.assert_clean_console()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_editor_shows_the_experiment_fields_only_for_an_experiment(live_server, demo_site, page, checker):
    from django.contrib.auth import get_user_model

    from inspire.models import InspireIndexPage

    get_user_model().objects.create_superuser("tarinoija", "t@example.org", "salasana-selaimeen-42")
    index = InspireIndexPage.objects.get()
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill("tarinoija")
    page.locator("#id_password").fill("salasana-selaimeen-42")
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto(live_server.url + f"/admin/pages/add/inspire/storypage/{index.pk}/")
    hypothesis = page.locator("#id_hypothesis")
    expect(page.locator("#id_kind")).to_have_value("tapausesimerkki")
    expect(hypothesis).to_be_hidden()
    page.locator("#id_kind").select_option("kokeilu")
    expect(hypothesis).to_be_visible()
    expect(page.locator("#id_status")).to_be_visible()
    page.locator("#id_kind").select_option("oivallus")
    expect(hypothesis).to_be_hidden()
    checker.assert_clean_console()
