"""WCAG 2.1 AA beyond what axe sees: the results chart under forced colours and without colour, errors that
take focus on every form that can fail, progress that stays true after autosave, and result counts after
filtering that reach screen-reader users although they arrive with a full page load."""

import re
import time

import pytest
from playwright.sync_api import expect

# A probe for a system colour as this browser resolves it (CSSOM, so the page's CSP allows it).
SYSTEM_COLOUR = """(name) => {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}"""


def _rate_all(page, value: str = "2") -> None:
    for fieldset in page.locator("fieldset.statement").all():
        fieldset.locator(f'input[value="{value}"]').check()


def _self_result(page, base_url: str):
    page.goto(base_url + "/aloita/esihenkilon-itsearviointi/")
    _rate_all(page)
    page.get_by_role("button", name="Näytä tulos").click()
    expect(page.get_by_role("heading", name="Kokonaistulos")).to_be_visible()
    # The chart's text is measured below: with its stylesheet applied, not the browser's defaults (a loaded
    # machine could answer the measurement before assessment.css had arrived).
    page.wait_for_load_state("load")


def _legend_overlaps(page) -> dict:
    return page.evaluate(
        """() => {
          const svg = document.querySelector('svg.chart');
          const width = svg.viewBox.baseVal.width, height = svg.viewBox.baseVal.height;
          const boxes = [...svg.querySelectorAll('.chart__legend, .chart__key')].map((el) => el.getBBox());
          const outside = boxes.filter((b) => b.x < 0 || b.x + b.width > width || b.y + b.height > height).length;
          let overlaps = 0;
          boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
            if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) {
              overlaps += 1;
            }
          }));
          return {outside, overlaps, items: boxes.length};
        }"""
    )


def test_results_chart_under_forced_colours(live_server, demo_site, browser):
    context = browser.new_context(
        forced_colors="active", color_scheme="dark", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    _self_result(page, live_server.url)
    canvas_text = page.evaluate(SYSTEM_COLOUR, "CanvasText")
    canvas = page.evaluate(SYSTEM_COLOUR, "Canvas")
    assert canvas_text != canvas
    fills = page.eval_on_selector_all(
        "svg.chart .chart__label, svg.chart .chart__value, svg.chart .chart__legend",
        "els => els.map((el) => getComputedStyle(el).fill)",
    )
    rows = page.locator(".results-table tbody tr").count()
    assert rows >= 8 and len(fills) == rows * 2 + 3
    assert set(fills) == {canvas_text}, fills
    frames = page.eval_on_selector_all(
        "svg.chart .chart__frame", "els => els.map((el) => getComputedStyle(el).stroke)"
    )
    assert set(frames) == {canvas_text}
    # The levels are drawn in system colours and told apart by their patterns: hatched or dotted on Canvas,
    # the top level solid CanvasText.
    swatches = page.eval_on_selector_all(
        "svg.chart pattern .chart__swatch", "els => els.map((el) => getComputedStyle(el).fill)"
    )
    assert swatches == [canvas, canvas, canvas_text]
    page.screenshot(path="var/screenshots/chart-forced-colours.png", full_page=True)
    context.close()


def test_chart_segments_differ_without_colour_and_its_key_names_the_statements(
    live_server, demo_site, page, checker
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/aloita/esihenkilon-itsearviointi/")
    # Mixed ratings, so that bars have adjacent segments.
    statements = page.locator("fieldset.statement").all()
    for index, fieldset in enumerate(statements):
        fieldset.locator(f'input[value="{index % 3 + 1}"]').check()
    page.get_by_role("button", name="Näytä tulos").click()
    expect(page.get_by_role("heading", name="Kokonaistulos")).to_be_visible()
    # The chart's text is measured below: with its stylesheet applied, not the browser's defaults (a loaded
    # machine could answer the measurement before assessment.css had arrived).
    page.wait_for_load_state("load")
    # Every segment is filled with its level's pattern, each level a different one.
    fills = page.eval_on_selector_all(
        "svg.chart g rect[fill]", "els => els.map((el) => el.getAttribute('fill'))"
    )
    assert fills and all(re.fullmatch(r"url\(#results-chart-p\d\)", fill) for fill in fills), fills
    marks = page.eval_on_selector_all(
        "svg.chart pattern", "els => els.map((el) => el.querySelector('.chart__mark')?.outerHTML || 'solid')"
    )
    assert len(set(marks)) == len(marks) == 3
    # The key beside the chart names each numbered row.
    key = page.locator(".chart-figure figcaption li")
    expect(key).to_have_count(len(statements))
    first_statement = page.locator(".results-table tbody th").first.inner_text()
    assert first_statement.startswith("1. ")
    expect(key.first).to_have_text(first_statement.removeprefix("1. ").split(" keskustelkaa")[0])
    assert _legend_overlaps(page) == {"outside": 0, "overlaps": 0, "items": 6}
    checker.screenshot("chart-patterns", 1280)
    checker.assert_accessible("chart with its key")
    checker.assert_clean_console()


def test_chart_legend_fits_a_five_level_scale(live_server, demo_site, page):
    from toolkit.models import AssessmentPage, AssessmentScaleLevel

    scale = AssessmentPage.objects.get(slug="esihenkilon-itsearviointi").scale
    labels = ["ei lainkaan", "vähän", "osittain", "suurelta osin", "täysin ja pysyvästi"]
    scale.levels.all().delete()
    AssessmentScaleLevel.objects.bulk_create(
        AssessmentScaleLevel(
            scale=scale, value=value, label=label, sort_order=value, locale_id=scale.locale_id
        )
        for value, label in enumerate(labels, start=1)
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    _self_result(page, live_server.url)
    assert _legend_overlaps(page) == {"outside": 0, "overlaps": 0, "items": 10}
    marks = page.eval_on_selector_all(
        "svg.chart pattern", "els => els.map((el) => el.querySelector('.chart__mark')?.outerHTML || 'solid')"
    )
    assert len(set(marks)) == len(marks) == 5


def _expect_error_focus(page, summary_text: str) -> None:
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(summary_text)
    expect(page).to_have_title(re.compile(r"^Virhe: "))


@pytest.mark.parametrize(
    "case",
    [
        "self-nothing-rated",
        "team-threshold-1",
        "save-bad-link",
        "finder",
        "innostu",
        "team-delete-unconfirmed",
        "feedback-too-fast",
    ],
)
def test_error_summary_takes_focus_on_every_form_that_can_fail(live_server, demo_site, page, checker, case):
    page.set_viewport_size({"width": 1280, "height": 900})
    base = live_server.url
    if case == "self-nothing-rated":
        page.goto(base + "/aloita/esihenkilon-itsearviointi/")
        page.get_by_role("button", name="Näytä tulos").click()
        _expect_error_focus(page, "Tarkista vastaukset")
    elif case == "team-threshold-1":
        page.goto(base + "/aloita/tiimin-arviointi/")
        page.get_by_label("Nimettömästi: kukin vastaa omalla laitteellaan").check()
        page.get_by_label("Tulokset näytetään, kun vastauksia on vähintään").fill("1")
        page.get_by_role("button", name="Aloita arviointi").click()
        _expect_error_focus(page, "Vähimmäismäärä on 3 vastausta.")
        expect(page.get_by_label("Tulokset näytetään, kun vastauksia on vähintään")).to_have_value("1")
    elif case == "save-bad-link":
        _self_result(page, base)
        page.get_by_label("Tiimin linkki").fill("https://example.org/ei-tiimin-linkki/")
        page.get_by_role("button", name="Tallenna").click()
        _expect_error_focus(page, "Tarkista lomake")
        expect(page.get_by_label("Tiimin linkki")).to_have_value("https://example.org/ei-tiimin-linkki/")
    elif case == "finder":
        page.goto(base + "/tyokalut/?time=240&format=eta&group=abc")
        _expect_error_focus(page, "Osa rajauksista ohitettiin")
    elif case == "innostu":
        page.goto(base + "/innostu/?theme=ei-ole")
        _expect_error_focus(page, "Osa rajauksista ei kelpaa")
    elif case == "team-delete-unconfirmed":
        from toolkit.team import services

        space = services.team_space_create(name="Tiimi")
        page.goto(f"{base}/tiimi/{space.token}/poista/")
        page.get_by_role("button", name="Poista työtila pysyvästi").click()
        _expect_error_focus(page, "Vahvistakaa poisto valitsemalla ruutu.")
    else:
        # The minimum fill time (3 s, against bots) trips: a clear message, focus on it, the input kept.
        page.goto(base + "/palaute/lomake/palaute/")
        page.locator("#id_text").fill("Sivusto toimii hyvin puhelimella.")
        page.get_by_role("button", name="Lähetä").click()
        _expect_error_focus(
            page, "Lomake lähetettiin hyvin nopeasti. Tarkista tiedot ja lähetä lomake uudelleen."
        )
        expect(page.locator("#id_text")).to_have_value("Sivusto toimii hyvin puhelimella.")
        time.sleep(3)  # FEEDBACK_MIN_FILL_SECONDS: a person who sends again simply succeeds
        page.get_by_role("button", name="Lähetä").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Kiitos viestistäsi")
    checker.assert_accessible(case)
    checker.assert_clean_console()


def test_consensus_progress_counts_each_autosaved_statement(live_server, demo_site, page, checker):
    page.goto(live_server.url + "/aloita/tiimin-arviointi/")
    page.get_by_role("button", name="Aloita arviointi").click()  # consensus is the default
    progress = page.locator("#progress")
    expect(progress).to_have_text("Arvioitu 0 / 12 väittämää.")
    forms = page.locator("form.consensus-form")
    for done, index in enumerate((0, 4, 11), start=1):
        forms.nth(index).locator('input[name=value][value="2"]').check()
        expect(forms.nth(index).locator(".js-status")).to_have_text(re.compile("^Tallennettu klo"))
        expect(progress).to_have_text(f"Arvioitu {done} / 12 väittämää.")
    # Changing a rating already given does not count it twice.
    forms.nth(4).locator('input[name=value][value="3"]').check()
    expect(progress).to_have_text("Arvioitu 3 / 12 väittämää.")
    page.reload()
    expect(progress).to_have_text("Arvioitu 3 / 12 väittämää.")
    checker.assert_clean_console()


def test_filtered_results_put_the_count_in_the_title_and_take_focus(live_server, demo_site, page, checker):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/tyokalut/")
    expect(page).to_have_title("Työkalut | VALOA")
    expect(page.locator("#results-title")).not_to_be_focused()
    page.locator("#id_time").select_option("30")
    page.get_by_role("button", name="Näytä työkalut").click()
    page.wait_for_url("**/tyokalut/?*")
    count = page.locator(".finder__count").inner_text()
    assert re.fullmatch(r"\d+ työkalua?", count)
    expect(page).to_have_title(f"Työkalut – {count} | VALOA")
    heading = page.locator("#results-title")
    expect(heading).to_be_focused()
    # The count is the heading's description, read with it when focus lands there.
    expect(heading).to_have_accessible_description(count)
    page.reload()
    expect(heading).to_be_focused()
    checker.screenshot("finder-filtered-focus", 1280)
    checker.assert_accessible("filtered finder")

    page.goto(live_server.url + "/innostu/")
    page.get_by_label("Tyyppi").select_option("kokeilu")
    page.get_by_role("button", name="Näytä tarinat").click()
    count = page.locator(".story-count").inner_text()
    assert re.fullmatch(r"\d+ tarinaa?", count)
    expect(page).to_have_title(re.compile(f"^Innostu – {count} \\| VALOA$"))
    stories = page.locator("#stories-title")
    expect(stories).to_be_focused()
    expect(stories).to_have_accessible_description(count)
    checker.assert_accessible("filtered Innostu")
    checker.assert_clean_console()
