"""WCAG 2.1 1.4.10 Reflow and 1.4.12 Text spacing: at 320 CSS px nothing on the demo site scrolls sideways
(data tables and charts scroll only inside their own focusable boxes), also with the text-spacing styles."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

WIDTH = 320

# The bookmarklet styles of WCAG 2.1 Understanding 1.4.12 (line height 1.5, paragraph spacing 2, letter
# spacing 0.12, word spacing 0.16 times the font size), injected after the page loads.
TEXT_SPACING = """
(() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
                         word-spacing: 0.16em !important; }
                     p { margin-bottom: 2em !important; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
})()
"""

OVERFLOW = """
(() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
    .filter((el) => !el.closest('.visually-hidden, [role=region][tabindex="0"]'))
    .slice(0, 5)
    .map((el) => el.tagName.toLowerCase() + '.' + el.className + ' → ' + Math.round(el.getBoundingClientRect().right));
  return {scroll: root.scrollWidth, client: root.clientWidth, wide};
})()
"""


def _demo_urls() -> list[str]:
    urls = [p.url for p in Page.objects.live().filter(depth__gte=2).order_by("path")]
    urls += [
        "/haku/?q=tiimi",
        "/tyokalut/?phase=pysahtyminen&time=30",
        "/innostu/?kind=kokeilu",
        "/ei-ole-olemassa/",
    ]
    urls += ["/palaute/lomake/kokemus/", "/palaute/lomake/vinkki/", "/palaute/lomake/palaute/"]
    return urls


def _assert_reflows(page, label: str) -> None:
    measured = page.evaluate(OVERFLOW)
    assert measured["scroll"] == measured["client"] == WIDTH, f"{label}: {measured}"


def _self_assessment_result(page, base_url: str) -> None:
    page.goto(base_url + "/aloita/esihenkilon-itsearviointi/")
    for fieldset in page.locator("fieldset.statement").all():
        fieldset.locator('input[value="2"]').check()
    page.get_by_role("button", name="Näytä tulos").click()
    expect(page.get_by_role("heading", name="Kokonaistulos")).to_be_visible()


@pytest.mark.slow
@pytest.mark.parametrize("spacing", [False, True], ids=["plain", "text-spacing"])
def test_every_demo_page_reflows_at_320_px(live_server, demo_site, page, checker, spacing):
    page.set_viewport_size({"width": WIDTH, "height": 800})
    urls = _demo_urls()
    assert len(urls) >= 25
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response.status == (404 if url == "/ei-ole-olemassa/" else 200), url
        if spacing:
            page.evaluate(TEXT_SPACING)
        _assert_reflows(page, url)
        if url in ("/", "/tyokalut/tilannekuva/"):
            checker.screenshot(
                "reflow" + url.replace("/", "-").rstrip("-") + ("-spacing" if spacing else ""), WIDTH
            )
    # The header's search button stays whole inside the viewport.
    button = page.locator(".site-search button").bounding_box()
    assert button["x"] + button["width"] <= WIDTH
    # The search field's label is visible to sighted users too, not only to screen readers.
    label = page.locator(".site-search label")
    expect(label).to_have_text("Hae sivustolta")
    assert label.bounding_box()["width"] > 50

    # The results page: its chart and tables scroll inside their own labelled, focusable boxes.
    _self_assessment_result(page, live_server.url)
    if spacing:
        page.evaluate(TEXT_SPACING)
    _assert_reflows(page, "self-assessment result")
    chart_box = page.locator(".chart-wrap")
    expect(chart_box).to_have_attribute("role", "region")
    expect(chart_box).to_have_attribute("tabindex", "0")
    expect(chart_box).to_have_attribute("aria-label", "Kaavio: Arvioiden jakauma väittämittäin")
    # The chart keeps a readable size instead of shrinking its text to a few pixels.
    assert chart_box.evaluate("box => box.scrollWidth > box.clientWidth")
    checker.screenshot("reflow-results" + ("-spacing" if spacing else ""), WIDTH)
    checker.assert_accessible(f"self-assessment result @ {WIDTH}px")
    checker.assert_clean_console()


def test_team_pages_reflow_at_320_px(live_server, demo_site, page, checker):
    """The secret-link pages too: a team space, a workbook session, its summary and presentation view, and
    a consensus round with its results."""
    from django.urls import reverse

    from toolkit.assessment import services as assessment_services
    from toolkit.models import AssessmentPage
    from toolkit.team import services as team_services
    from toolkit.workbook import services

    space = team_services.team_space_create(name="Asiakaspalvelun tiimi, jolla on melko pitkä nimi")
    session = services.workbook_session_start(space=space)
    team_page = AssessmentPage.objects.get(slug="tiimin-arviointi")
    consensus = assessment_services.round_open(space=space, page=team_page, mode="consensus")
    keys = [s.key for group in team_page.statement_groups() for s in group.statements]
    assessment_services.response_save(
        assessment_round=consensus,
        respondent=assessment_services.CONSENSUS_RESPONDENT,
        ratings={key: index % 3 + 1 for index, key in enumerate(keys)},
    )
    token = {"token": space.token}
    session_kwargs = {**token, "number": session.number}
    round_kwargs = {**token, "round_id": consensus.pk}
    urls = [
        reverse("toolkit:team_space", kwargs=token),
        reverse("toolkit:team_space_delete", kwargs=token),
        reverse("toolkit:workbook_session", kwargs=session_kwargs),
        reverse("toolkit:workbook_summary", kwargs=session_kwargs),
        reverse("toolkit:workbook_present", kwargs={**session_kwargs, "position": 1}),
        reverse("toolkit:assessment_rounds", kwargs=token),
        reverse("toolkit:assessment_round", kwargs=round_kwargs),
        reverse("toolkit:assessment_results", kwargs=round_kwargs),
    ]
    page.set_viewport_size({"width": WIDTH, "height": 800})
    for spacing in (False, True):
        for url in urls:
            response = page.goto(live_server.url + url)
            assert response.status == 200, url
            if spacing:
                page.evaluate(TEXT_SPACING)
            _assert_reflows(page, f"{url} {'with' if spacing else 'without'} text spacing")
    checker.assert_clean_console()
