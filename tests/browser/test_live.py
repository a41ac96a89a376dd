"""The meeting room in sync, in real browsers on the ASGI server with the live channel (asgi_live_server):
several contexts are the screens of one meeting. Live updates must arrive well before the 4-second polling
fallback could have brought them (LIVE_MS), and without a reload of the page that shows them."""

import logging
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PageChecker
from toolkit.assessment import services
from toolkit.models import AssessmentPage, AssessmentRound
from toolkit.team.services import team_space_create
from valoa.live import publishing

LIVE_MS = 2_500  # the channel's goal is 0.5 s; the polling fallback could not answer before 4 s
SAVED_AND_LIVE_MS = 1_200 + LIVE_MS  # a typed answer is saved 1.2 s after the typing stops, then sent
REPEATS = re.compile("Mitkä tilanteet toistuvat")
ENERGY = re.compile("Mikä on antanut tiimille energiaa")

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _channel_awake():
    """A test that stopped Redis must not leave the process resting (valoa.live.publishing) for the next one."""
    publishing._Rest.until = 0.0
    yield
    publishing._Rest.until = 0.0


def screen(browser, url):
    """A screen of the meeting: its own browser context (its own cookies: another person's device)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.evaluate("window.notReloaded = true")
    return page


def not_reloaded(page):
    return page.evaluate("window.notReloaded === true")


def answer_all(page, value):
    for fieldset in page.locator("fieldset.statement").all():
        fieldset.locator(f'input[value="{value}"]').check()
    page.get_by_role("button", name=re.compile("Lähetä vastaus|Tallenna muutokset")).click()
    expect(page.get_by_text("Kiitos! Vastauksesi on tallennettu.")).to_be_visible()


def test_live_counts_and_the_reveal(asgi_live_server, demo_site, browser):
    server = asgi_live_server.url
    space = team_space_create(name="Tiimi")
    page = AssessmentPage.objects.get(slug="tiimin-arviointi")
    anonymous = services.round_open(space=space, page=page, mode=AssessmentRound.Mode.ANONYMOUS, threshold=3)
    facilitator_url = f"{server}/tiimi/{space.token}/arviointi/{anonymous.pk}/"
    respond_url = f"{server}/tiimi/vastaa/{anonymous.token}/"

    facilitator = screen(browser, facilitator_url)
    member = screen(browser, facilitator_url)
    member_results = screen(browser, f"{server}/tiimi/{space.token}/arviointi/{anonymous.pk}/tulokset/")
    waiting = screen(browser, respond_url)  # a respondent who has not answered yet, page left open
    checkers = [PageChecker(p) for p in (facilitator, member, member_results, waiting)]
    expect(member_results.get_by_role("heading", name="Tulokset eivät ole vielä näkyvissä")).to_be_visible()
    expect(waiting.get_by_text("Tulokset näytetään vasta, kun vastauksia on riittävästi.")).to_be_visible()

    for n, value in enumerate(("1", "2", "3"), start=1):
        respondent = screen(browser, respond_url)
        answer_all(respondent, value)
        counted = f"{n} vastaus" if n == 1 else f"{n} vastausta"
        for screen_page in (facilitator, member):
            expect(screen_page.locator("#round-count")).to_have_text(counted, timeout=LIVE_MS)
        respondent.context.close()
        if n < 3:
            expect(facilitator.get_by_role("button", name="Avaa tulokset")).to_have_count(0)
    # The threshold is met: the reveal is offered on every team screen, still without a reload.
    for screen_page in (facilitator, member):
        expect(screen_page.get_by_role("button", name="Avaa tulokset")).to_be_visible(timeout=LIVE_MS)
        assert not_reloaded(screen_page)
    checkers[0].assert_accessible("facilitator page, count grown live")
    # Nothing of the answers reached the respondent's page before the reveal.
    expect(waiting.get_by_role("link", name="Katso tiimin tulokset")).to_have_count(0)

    facilitator.get_by_role("button", name="Avaa tulokset").click()
    expect(member_results.get_by_role("heading", name="Kokonaistulos")).to_be_visible(timeout=LIVE_MS)
    expect(member_results.locator("table.results-table")).to_have_count(4)
    expect(waiting.get_by_role("link", name="Katso tiimin tulokset")).to_be_visible(timeout=LIVE_MS)
    expect(waiting.get_by_text("Tulokset näytetään vasta, kun vastauksia on riittävästi.")).to_have_count(0)
    expect(member.get_by_role("link", name="Näytä tulokset")).to_be_visible(timeout=LIVE_MS)
    for screen_page in (member, member_results, waiting):
        assert not_reloaded(screen_page)
    checkers[2].assert_accessible("results shown live")
    checkers[3].assert_accessible("respondent page after the reveal")
    for checker in checkers:
        checker.assert_clean_console()
    for screen_page in (facilitator, member, member_results, waiting):
        screen_page.context.close()


def test_consensus_ratings_and_the_presenters_slide_reach_every_screen(asgi_live_server, demo_site, browser):
    server = asgi_live_server.url
    space = team_space_create(name="Tiimi")
    page = AssessmentPage.objects.get(slug="tiimin-arviointi")
    consensus = services.round_open(space=space, page=page, mode=AssessmentRound.Mode.CONSENSUS)
    round_url = f"{server}/tiimi/{space.token}/arviointi/{consensus.pk}/"
    one, two = screen(browser, round_url), screen(browser, round_url)
    first_two = two.locator("form.consensus-form").first
    one.locator("form.consensus-form").first.locator('input[name=value][value="3"]').check()
    expect(first_two.locator('input[name=value][value="3"]')).to_be_checked(timeout=LIVE_MS)
    expect(two.locator("#progress")).to_contain_text("Arvioitu 1 /", timeout=LIVE_MS)
    assert not_reloaded(two)
    PageChecker(two).assert_accessible("consensus rating set elsewhere")

    # The presentation: one screen presents, another follows, a late joiner lands on the current slide.
    presenter = screen(browser, f"{server}/tiimi/{space.token}/arviointi/{consensus.pk}/esitys/1/")
    presenter.get_by_role("link", name="Esitä muille").click()
    expect(presenter.get_by_text("Esität: seuraajien näytöt vaihtuvat mukana.")).to_be_visible()
    follower = screen(browser, f"{server}/tiimi/{space.token}/arviointi/{consensus.pk}/esitys/seuraa/")
    expect(follower.get_by_text("Tämä näyttö seuraa esittäjää.")).to_be_visible()
    presenter.keyboard.press("ArrowRight")
    expect(presenter).to_have_url(re.compile(r"/esitys/2/\?esita=1$"))
    expect(follower).to_have_url(re.compile(r"/esitys/2/\?seuraa=1$"), timeout=LIVE_MS)
    late = screen(browser, f"{server}/tiimi/{space.token}/arviointi/{consensus.pk}/esitys/seuraa/")
    expect(late).to_have_url(re.compile(r"/esitys/2/\?seuraa=1$"))
    PageChecker(follower).assert_accessible("follower slide")
    PageChecker(presenter).assert_accessible("presenter slide")
    for screen_page in (one, two, presenter, follower, late):
        screen_page.context.close()


def test_a_live_workbook_never_replaces_a_focused_field_and_can_be_paused(
    asgi_live_server, demo_site, browser
):
    from tests.toolkit.workbook.support import start_session

    _space, session = start_session()
    url = asgi_live_server.url + session.get_absolute_url()
    x, y = screen(browser, url), screen(browser, url)
    checker = PageChecker(x)

    # X has clicked into the first question but not typed; Y answers it: X's field stays as it is.
    x.get_by_label(REPEATS).focus()
    y.get_by_label(REPEATS).fill("Y:n havainto")
    notice = x.locator("#kysymys-ilmio-toistuvat .autosave-held")
    expect(notice).to_be_visible(timeout=SAVED_AND_LIVE_MS)
    expect(x.get_by_label(REPEATS)).to_have_value("")
    expect(x.get_by_label(REPEATS)).to_be_focused()
    checker.assert_accessible("a newer value waiting behind a notice")
    notice.get_by_role("button", name="Näytä uusi versio").click()
    expect(x.get_by_label(REPEATS)).to_have_value("Y:n havainto")
    expect(x.get_by_label(REPEATS)).to_be_focused()

    # An answer X is not in arrives at once; the update is announced once, for the group, not per question.
    y.get_by_label(ENERGY).fill("Yhteinen onnistuminen")
    expect(x.get_by_label(ENERGY)).to_have_value("Yhteinen onnistuminen", timeout=SAVED_AND_LIVE_MS)
    expect(x.locator(".js-live-announcer")).to_have_text(re.compile("päivittyi toisaalla"), timeout=5_000)
    expect(x.locator("#kysymys-ilmio-energia .js-status")).to_have_text("")

    # The presentation view follows while Y types (each autosave).
    present = x.context.new_page()
    present.goto(asgi_live_server.url + f"/tiimi/{session.space.token}/tyokirja/{session.number}/esitys/3/")
    expect(present.get_by_text("Yhteinen onnistuminen")).to_be_visible()
    y.get_by_label(ENERGY).fill("Yhteinen onnistuminen ja uusi kokeilu")
    expect(present.get_by_text("Yhteinen onnistuminen ja uusi kokeilu")).to_be_visible(
        timeout=SAVED_AND_LIVE_MS
    )
    PageChecker(present).assert_accessible("presentation updated live")
    present.close()

    # Paused: nothing of Y's comes in; released: X catches up at once.
    pause = x.get_by_role("button", name="Keskeytä live-päivitykset")
    pause.click()
    expect(pause).to_have_attribute("aria-pressed", "true")
    expect(x.get_by_text("Live-päivitykset on keskeytetty")).to_be_visible()
    checker.assert_accessible("paused")
    y.get_by_label(ENERGY).fill("Kirjoitettu tauon aikana")
    x.wait_for_timeout(SAVED_AND_LIVE_MS)  # Y's save has been sent by now
    expect(x.get_by_label(ENERGY)).to_have_value("Yhteinen onnistuminen ja uusi kokeilu")
    pause.click()
    expect(pause).to_have_attribute("aria-pressed", "false")
    expect(x.get_by_label(ENERGY)).to_have_value("Kirjoitettu tauon aikana", timeout=LIVE_MS)
    checker.assert_clean_console()
    x.context.close()
    y.context.close()


def test_two_spaces_never_see_each_others_events(asgi_live_server, demo_site, browser):
    from tests.toolkit.workbook.support import start_session

    _space_a, session_a = start_session("Tiimi A")
    _space_b, session_b = start_session("Tiimi B")
    a_writer = screen(browser, asgi_live_server.url + session_a.get_absolute_url())
    a_reader = screen(browser, asgi_live_server.url + session_a.get_absolute_url())
    frames = []
    b_context = browser.new_context()
    b_reader = b_context.new_page()
    b_reader.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(payload)))
    b_reader.goto(asgi_live_server.url + session_b.get_absolute_url())
    expect(b_reader.get_by_label(REPEATS)).to_be_visible()
    b_reader.wait_for_timeout(500)  # connected

    a_writer.get_by_label(REPEATS).fill("Vain tiimille A")
    expect(a_reader.get_by_label(REPEATS)).to_have_value("Vain tiimille A", timeout=SAVED_AND_LIVE_MS)
    b_reader.wait_for_timeout(1_000)
    assert frames == []
    expect(b_reader.get_by_label(REPEATS)).to_have_value("")
    for screen_page in (a_writer, a_reader, b_reader):
        screen_page.context.close()


def test_without_the_live_channel_the_workbook_polls_and_nothing_fails(
    asgi_live_server, demo_site, browser, settings, caplog
):
    from tests.toolkit.team.test_live_channel import redis_layer
    from tests.toolkit.workbook.support import start_session

    # Redis stopped (production's pub/sub layer on a port where nothing listens). The server thread reads the
    # same settings: one process, and Channels drops its layers when CHANNEL_LAYERS changes.
    settings.CHANNEL_LAYERS = redis_layer("redis://127.0.0.1:1/0", "valoa-test-down:live")
    _space, session = start_session()
    url = asgi_live_server.url + session.get_absolute_url()
    statuses = []
    with caplog.at_level(logging.WARNING, logger="valoa.live"):
        x, y = screen(browser, url), screen(browser, url)
        for screen_page in (x, y):
            screen_page.on("response", lambda response: statuses.append(response.status))
        y.get_by_label(REPEATS).fill("Tallennettu ilman live-kanavaa")
        expect(y.locator("#kysymys-ilmio-toistuvat .js-status")).to_have_text(
            re.compile("^Tallennettu"), timeout=10_000
        )
        # The polling fallback (every 4 s) brings it.
        expect(x.get_by_label(REPEATS)).to_have_value("Tallennettu ilman live-kanavaa", timeout=12_000)
    assert "Live channel unavailable" in caplog.text  # the server thread did try the dead Redis
    assert statuses and all(status < 500 for status in statuses), statuses
    PageChecker(x).assert_accessible("workbook polling")
    x.context.close()
    y.context.close()
