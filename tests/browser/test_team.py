"""A team runs a whole workbook session in a real browser: start, autosave, reload, present, summary."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import PageChecker
from toolkit.models import TeamSpace, WorkbookAnswer
from toolkit.workbook import services


def test_a_team_runs_a_whole_session(live_server, demo_site, page, checker):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/aloita/tyokirja/")
    checker.assert_accessible("workbook page")
    page.get_by_label("Tiimin nimi (vapaaehtoinen)").fill("Asiakaspalvelun tiimi")
    page.get_by_role("button", name="Luo tiimin työtila").click()

    # The secret link, once, with the warning and a copy button.
    expect(page.get_by_role("heading", name="Tallentakaa tiiminne linkki nyt")).to_be_visible()
    space = TeamSpace.objects.get()
    expect(page.get_by_label("Tiimin salainen linkki")).to_have_value(re.compile(f"/tiimi/{space.token}/$"))
    expect(page.get_by_role("button", name="Kopioi linkki")).to_be_visible()
    expect(page.get_by_text("kuka tahansa, jolla on tämä linkki")).to_be_visible()
    checker.assert_accessible("new space")
    checker.screenshot("team-space-new", 1280)

    page.get_by_role("button", name="Aloita ensimmäinen kierros").click()
    expect(page.get_by_role("heading", level=1, name="Työkirjakierros 1")).to_be_visible()
    checker.assert_accessible("session")

    # Autosave: type, wait, see "Tallennettu" and the progress move.
    first = page.get_by_label(re.compile("Mitä työssämme on tapahtunut"))
    first.fill("Uusi asiakasjärjestelmä otettiin käyttöön\nKiirettä lomien jälkeen")
    status = page.locator("#kysymys-ilmio-havainnot .js-status")
    expect(status).to_have_text(re.compile("Tallennettu"), timeout=10_000)
    expect(page.locator(".js-progress-count")).to_have_text(re.compile("^1 / 13"))
    page.get_by_role("group", name=re.compile("Kuinka yhteinen käsityksemme")).get_by_label(
        re.compile("^4")
    ).check()
    expect(page.locator("#kysymys-ilmio-yhteinen-kuva .js-status")).to_have_text(
        re.compile("Tallennettu"), timeout=10_000
    )
    page.get_by_label("Osaamisen jakaminen").check()
    expect(page.locator(".js-progress-count")).to_have_text(re.compile("^3 / 13"), timeout=10_000)
    checker.screenshot("team-session", 1280)

    # Reload: the answers are there.
    page.reload()
    expect(first).to_have_value("Uusi asiakasjärjestelmä otettiin käyttöön\nKiirettä lomien jälkeen")
    expect(page.get_by_label("Osaamisen jakaminen")).to_be_checked()
    assert WorkbookAnswer.objects.count() == 3

    # Another member saved the same answer meanwhile: this page sees both versions and merges them.
    assert not WorkbookAnswer.objects.filter(question_key="ilmio-energia").exists()
    energy = page.get_by_label(re.compile("Mikä on antanut tiimille energiaa"))
    session = space.workbook_sessions.get()
    question = services.workbook_get().by_key["ilmio-energia"]
    # This member types first (so the page's polling cannot have shown the other text yet), the other saves.
    energy.fill("Oma tekstini")
    services.workbook_answer_save(
        session=session, question=question, text="Toisen jäsenen teksti", base_version=0
    )
    conflict = page.locator("#kysymys-ilmio-energia .js-conflict")
    expect(conflict).to_be_visible(timeout=10_000)
    expect(conflict).to_contain_text("Toisen jäsenen teksti")
    expect(conflict).to_contain_text("Oma tekstini")
    checker.assert_accessible("conflict")
    conflict.get_by_role("button", name="Yhdistä versiot").click()
    expect(energy).to_have_value("Oma tekstini\n\nToisen jäsenen teksti")
    expect(page.locator("#kysymys-ilmio-energia .js-status")).to_have_text(
        re.compile("Tallennettu"), timeout=10_000
    )
    assert (
        WorkbookAnswer.objects.get(question_key="ilmio-energia").text
        == "Oma tekstini\n\nToisen jäsenen teksti"
    )

    # Presentation view: one question at a time, large, with next/previous.
    page.get_by_role("link", name="Esitysnäkymä").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mitä työssämme on tapahtunut")
    expect(page.locator(".present__answer")).to_contain_text("Uusi asiakasjärjestelmä")
    checker.assert_accessible("presentation")
    checker.screenshot("team-present", 1280)
    page.get_by_role("link", name="Seuraava").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mitkä tilanteet toistuvat")
    # The heading is parsed before the deferred script binds the keys: wait for it, or the key goes nowhere.
    page.wait_for_load_state("load")
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mitä työssämme on tapahtunut")
    expect(page.locator(".site-header")).to_have_count(0)
    expect(page.get_by_role("search")).to_have_count(0)
    page.wait_for_load_state("load")
    page.keyboard.press("Escape")
    expect(page.get_by_role("heading", level=1, name="Työkirjakierros 1")).to_be_visible()

    # Summary: every question and answer, a print button and the CSV.
    page.goto(live_server.url + session.get_absolute_url() + "yhteenveto/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Yhteenveto")
    expect(page.get_by_text("Osaamisen jakaminen")).to_be_visible()
    expect(page.get_by_role("button", name="Tulosta")).to_be_visible()
    expect(page.get_by_role("link", name="Lataa CSV-tiedostona")).to_be_visible()
    checker.assert_accessible("summary")
    checker.screenshot("team-summary", 1280)
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    page.emulate_media(media="screen")

    # A later session shows this one's answers for comparison.
    page.goto(live_server.url + space.get_absolute_url())
    page.get_by_role("button", name="Aloita uusi kierros").click()
    expect(page.get_by_role("heading", level=1, name="Työkirjakierros 2")).to_be_visible()
    expect(page.locator("#kysymys-ilmio-havainnot")).to_contain_text("Kierroksella 1 vastasitte:")
    checker.assert_accessible("second session")
    checker.assert_clean_console()


def test_team_pages_at_phone_width(live_server, demo_site, page, checker):
    from tests.toolkit.workbook.support import start_session

    space, session = start_session()
    page.set_viewport_size({"width": 375, "height": 800})
    for url in [
        space.get_absolute_url(),
        session.get_absolute_url(),
        session.get_absolute_url() + "esitys/1/",
        session.get_absolute_url() + "yhteenveto/",
        space.get_absolute_url() + "poista/",
        "/tiimi/" + "x" * 43 + "/",
    ]:
        page.goto(live_server.url + url)
        checker.assert_accessible(f"{url} @ 375")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, url
    checker.assert_clean_console()


def test_two_members_see_each_others_answers_without_a_false_conflict(live_server, demo_site, browser):
    """X saves question 2, Y then changes it, X merely clicks into question 3: X gets Y's text, no conflict."""
    from tests.toolkit.workbook.support import start_session

    _space, session = start_session()
    url = live_server.url + session.get_absolute_url()
    member_x, member_y = browser.new_context(), browser.new_context()
    page_x, page_y = member_x.new_page(), member_y.new_page()
    checker = PageChecker(page_x)
    page_x.goto(url)
    page_y.goto(url)
    repeats = re.compile("Mitkä tilanteet toistuvat")
    energy = re.compile("Mikä on antanut tiimille energiaa")

    page_x.get_by_label(repeats).fill("X:n havainto")
    status_x = page_x.locator("#kysymys-ilmio-toistuvat .js-status")
    expect(status_x).to_have_text(re.compile("^Tallennettu"), timeout=10_000)
    # Y's page picks up X's answer by itself, then Y rewrites it.
    expect(page_y.get_by_label(repeats)).to_have_value("X:n havainto", timeout=10_000)
    page_y.get_by_label(repeats).fill("Y:n parempi muotoilu")
    expect(page_y.locator("#kysymys-ilmio-toistuvat .js-status")).to_have_text(
        re.compile("^Tallennettu"), timeout=10_000
    )

    page_x.get_by_label(energy).click()
    expect(page_x.get_by_label(repeats)).to_have_value("Y:n parempi muotoilu", timeout=10_000)
    # Shown beside the question, not announced there: the page announces others' updates together.
    expect(page_x.locator("#kysymys-ilmio-toistuvat .autosave-remote")).to_have_text(
        re.compile("^Päivitetty toisaalla")
    )
    expect(status_x).to_have_text("")
    expect(page_x.locator("#kysymys-ilmio-toistuvat .js-conflict")).to_be_hidden()
    assert WorkbookAnswer.objects.get(question_key="ilmio-toistuvat").text == "Y:n parempi muotoilu"
    checker.assert_accessible("updated elsewhere")

    # Text X is typing is never replaced by a poll: X's save then offers both versions.
    page_x.get_by_label(energy).fill("X kirjoittaa")
    services.workbook_answer_save(
        session=session,
        question=services.workbook_get().by_key["ilmio-energia"],
        text="Kolmannen jäsenen teksti",
        base_version=0,
    )
    conflict = page_x.locator("#kysymys-ilmio-energia .js-conflict")
    expect(conflict).to_be_visible(timeout=10_000)
    expect(page_x.get_by_label(energy)).to_have_value("X kirjoittaa")
    checker.assert_clean_console()
    member_x.close()
    member_y.close()


def test_answers_are_not_polled_while_the_tab_is_hidden(live_server, demo_site, page):
    from tests.toolkit.workbook.support import start_session

    _space, session = start_session()
    polls = []
    page.on(
        "response",
        lambda response: polls.append(response.status) if "vastaukset.json" in response.url else None,
    )
    page.goto(live_server.url + session.get_absolute_url())
    page.wait_for_timeout(5_500)
    assert polls == [304]  # nothing changed since the page loaded: no body
    page.evaluate(
        "Object.defineProperty(document, 'hidden', {value: true, configurable: true});"
        "document.dispatchEvent(new Event('visibilitychange'))"
    )
    page.wait_for_timeout(9_000)
    assert len(polls) == 1


def test_workbook_autosave_is_honest_offline_and_saves_when_back(live_server, demo_site, page, checker):
    """The shared autosave never claims a save it has not made: offline it says so, then saves by itself."""
    from tests.toolkit.workbook.support import start_session

    _space, session = start_session()
    page.goto(live_server.url + session.get_absolute_url())
    field = page.get_by_label(re.compile("Mitkä tilanteet toistuvat"))
    status = page.locator("#kysymys-ilmio-toistuvat .js-status")
    page.context.set_offline(True)
    field.fill("Kirjoitettu ilman yhteyttä")
    expect(status).to_have_text(re.compile("ei ole vielä tallennettu"), timeout=10_000)
    expect(status).to_have_class(re.compile("is-error"))
    checker.assert_accessible("offline status")
    assert not WorkbookAnswer.objects.filter(question_key="ilmio-toistuvat").exists()
    page.context.set_offline(False)
    expect(status).to_have_text(re.compile(r"^Tallennettu klo \d"), timeout=15_000)
    assert WorkbookAnswer.objects.get(question_key="ilmio-toistuvat").text == "Kirjoitettu ilman yhteyttä"
    checker.assert_clean_console()
