"""The three languages in a real browser (issue 14): every demo page in Finnish, Swedish and English answers,
is accessible and has the switcher, hreflang is reciprocal over the whole crawl, and a team keeps its answers
and its autosave when a member switches from Finnish to Swedish (docs/languages.md)."""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

from toolkit.models import TeamSpace, WorkbookAnswer

LANGUAGES = ("fi", "sv", "en")


def _language_of(url: str) -> str:
    match = re.match(r"^/(sv|en)/", url)
    return match.group(1) if match else "fi"


@pytest.mark.slow
def test_every_demo_page_in_every_language_answers_is_accessible_and_links_its_translations(
    live_server, translated_committed, page, checker
):
    pages = list(Page.objects.live().filter(depth__gte=2).order_by("path"))
    urls = [p.url for p in pages]
    # The languages each page exists in (live), by its translation key: what its hreflang links must name.
    languages_of_key: dict = {}
    for p in pages:
        languages_of_key.setdefault(p.translation_key, set()).add(_language_of(p.url))
    expected = {p.url: languages_of_key[p.translation_key] for p in pages}
    by_language = {code: [url for url in urls if _language_of(url) == code] for code in LANGUAGES}
    # The catalogues grow while translators work: at least the home page, Aloita, Työkalut and a tool.
    assert len(by_language["fi"]) >= 20 and len(by_language["sv"]) >= 4 and len(by_language["en"]) >= 4

    page.set_viewport_size({"width": 1280, "height": 900})
    alternates: dict[str, dict[str, str]] = {}
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        code = _language_of(url)
        assert page.locator("html").get_attribute("lang") == code, url
        switcher = page.locator("nav.language-switcher")
        expect(switcher).to_be_visible()
        # The switcher offers the other two languages, each in its own name and language.
        for other in LANGUAGES:
            if other != code:
                expect(switcher.locator(f'a[lang="{other}"]')).to_have_count(1)
        checker.assert_accessible(f"{url} @ 1280px")
        links = page.eval_on_selector_all(
            'link[rel="alternate"][hreflang]', "els => els.map(e => [e.hreflang, e.getAttribute('href')])"
        )
        alternates[url] = {lang: href.removeprefix(live_server.url) for lang, href in links}
    checker.assert_clean_console()

    # hreflang over the whole crawl: each page names itself, x-default is the Finnish page, and every page it
    # names is one the crawl saw, naming exactly the same set back.
    for url, links in alternates.items():
        code = _language_of(url)
        if len(expected[url]) == 1:
            assert links == {}, url  # no translation: no alternates to name
            continue
        assert set(links) == expected[url] | {"x-default"}, (url, links)
        assert links[code].endswith(url), (url, links)
        assert links["x-default"] == links["fi"], url
        for lang, href in links.items():
            target = re.sub(r"^https?://[^/]+", "", href)
            assert target in alternates, (url, lang, href)
            assert alternates[target] == links, (url, target)
    assert (
        len([url for url, links in alternates.items() if len(links) == 4]) >= 12
    )  # four pages in fi, sv, en


@pytest.mark.slow
def test_a_team_page_switched_to_swedish_keeps_the_answers_and_autosaves(
    live_server, translated_committed, page, checker
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/aloita/tyokirja/")
    page.get_by_role("button", name="Luo tiimin työtila").click()
    space = TeamSpace.objects.get()
    page.get_by_role("button", name="Aloita ensimmäinen kierros").click()
    page.wait_for_load_state("load")  # the autosave script bound before typing
    first = page.locator("#kysymys-ilmio-havainnot textarea")
    first.fill("Uusi asiakasjärjestelmä otettiin käyttöön")
    expect(page.locator("#kysymys-ilmio-havainnot .js-status")).to_have_text(
        re.compile("Tallennettu"), timeout=20_000
    )

    # The member switches to Swedish: the same space, the same round, the same answer.
    page.locator('nav.language-switcher a[lang="sv"]').click()
    expect(page).to_have_url(re.compile(f"/sv/tiimi/{space.token}/"))
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(first).to_have_value("Uusi asiakasjärjestelmä otettiin käyttöön")
    checker.assert_accessible("team session in Swedish")

    # Autosave works in Swedish: the answer is saved and is there after a reload, in either language.
    energy = page.locator("#kysymys-ilmio-energia textarea")
    energy.fill("Vi har fått energi av våra kunder")
    status = page.locator("#kysymys-ilmio-energia .js-status")
    deadline = time.monotonic() + 20
    saved = WorkbookAnswer.objects.filter(
        question_key="ilmio-energia", text="Vi har fått energi av våra kunder"
    )
    while not saved.exists():
        assert time.monotonic() < deadline, "the Swedish page's answer was not saved"
        page.wait_for_timeout(200)
    assert (
        WorkbookAnswer.objects.get(question_key="ilmio-havainnot").text
        == "Uusi asiakasjärjestelmä otettiin käyttöön"
    )
    # The status says so in Swedish once the Swedish JavaScript catalogue has the message (branch catalogues).
    catalogue = page.request.get(live_server.url + "/sv/jsi18n/").text()
    found = re.search(r"const newcatalog = (\{.*?\});", catalogue, re.S)
    swedish = json.loads(found.group(1)).get("Tallennettu") if found else None
    # "Tallennettu" or "Tallennettu klo 14.05": the word that starts both, in Swedish when translated.
    word = swedish.split()[0] if swedish else "Tallennettu"
    expect(status).to_have_text(re.compile(f"^{re.escape(word)}"), timeout=20_000)
    checker.assert_clean_console()

    page.reload()
    expect(energy).to_have_value("Vi har fått energi av våra kunder")
    page.goto(live_server.url + f"/tiimi/{space.token}/tyokirja/1/")
    expect(page.locator("#kysymys-ilmio-energia textarea")).to_have_value("Vi har fått energi av våra kunder")
