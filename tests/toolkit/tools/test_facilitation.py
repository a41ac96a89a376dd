"""The facilitation mode of a tool (…/ohjaa/): the route, the page without JavaScript, its data island, its
cache and purge, and the builder on fixed inputs (docs/facilitation.md)."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from tests.factories import site_published
from toolkit.models import ToolIndexPage, ToolPage
from toolkit.tools.facilitation import facilitation_context, rich_text_to_plain, tool_blocks
from toolkit.tools.frontend_cache import tool_page_targets

pytestmark = pytest.mark.django_db

TOOL = "/tyokalut/dialogin-pelisaannot/"


def island(html: str) -> dict:
    match = re.search(r'<script id="facilitation-data" type="application/json">(.*?)</script>', html, re.S)
    assert match, "no data island"
    return json.loads(match.group(1))


def test_every_tool_card_links_to_its_facilitation_mode(client, demo_site):
    for tool in ToolPage.objects.live():
        html = client.get(tool.url).content.decode()
        assert f'href="{tool.url}ohjaa/"' in html, tool.title
        assert "Ohjaa tätä työkalua" in html


def test_facilitation_view_lists_all_steps_without_javascript(client, demo_site):
    response = client.get(TOOL + "ohjaa/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Ohjaa: Dialogin pelisäännöt | VALOA</title>" in html
    assert "Kesto yhteensä 30 min." in html
    # Each step with its minutes, group setting, times from the start and instruction, in order.
    steps = re.findall(r'<p class="facilitate-list__step">(.*?)</p>', html, re.S)
    assert [" ".join(re.sub(r"<[^>]+>", " ", step).split()) for step in steps] == [
        "Työvaihe 1 · 5 min · Yksin (0:00–0:05)",
        "Työvaihe 2 · 10 min · Pareittain (0:05–0:15)",
        "Työvaihe 3 · 10 min · Koko ryhmä (0:15–0:25)",
        "Työvaihe 4 · 5 min · Koko ryhmä (0:25–0:30)",
    ]
    assert "Parit kokoavat kolme asiaa, jotka tekevät keskustelusta hyvän." in html
    # The timer stage is there for the script, hidden until it runs.
    assert re.search(r'<section class="facilitate js-facilitate" hidden', html)
    assert 'src="/static/js/facilitate.js" defer' in html
    assert 'href="/tyokalut/dialogin-pelisaannot/">← Takaisin työkalukorttiin' in html


def test_data_island_is_the_builders_output(client, demo_site):
    tool = ToolPage.objects.get(slug="dialogin-pelisaannot")
    data = island(client.get(TOOL + "ohjaa/").content.decode())
    assert data == json.loads(json.dumps(tool_blocks(tool)))
    assert data["key"] == f"tool-{tool.pk}"
    assert [s["minutes"] for s in data["blocks"][0]["steps"]] == [5, 10, 10, 5]
    assert [s["group"] for s in data["blocks"][0]["steps"]] == [
        "Yksin",
        "Pareittain",
        "Koko ryhmä",
        "Koko ryhmä",
    ]


def test_facilitation_view_is_public_and_cached_like_the_tool(client, demo_site):
    tool = client.get(TOOL)
    response = client.get(TOOL + "ohjaa/")
    assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]
    assert response["Cache-Control"] == tool["Cache-Control"]
    assert not response.cookies


def test_unknown_routes_and_unpublished_tools_are_404(client, demo_site):
    assert client.get(TOOL + "ohjaa/x/").status_code == 404
    assert client.get(TOOL + "ohjaaa/").status_code == 404
    tool = ToolPage.objects.get(slug="dialogin-pelisaannot")
    tool.unpublish()
    assert client.get(TOOL + "ohjaa/").status_code == 404


def test_publishing_a_tool_purges_its_facilitation_view(demo_site):
    tool = ToolPage.objects.get(slug="dialogin-pelisaannot")
    assert TOOL + "ohjaa/" in tool_page_targets(tool)


def test_print_css_shows_the_list_and_hides_the_timer(client, demo_site):
    html = client.get(TOOL + "ohjaa/").content.decode()
    assert 'href="/static/css/facilitate.css"' in html
    css = client.get("/static/css/facilitate.css")
    assert css.status_code == 200
    text = b"".join(css.streaming_content).decode() if css.streaming else css.content.decode()
    print_rules = text[text.index("@media print") :]
    assert ".js-facilitate { display: none !important; }" in print_rules.replace(
        ".facilitate-bar__back, ", ""
    )
    assert ".facilitate-list.is-print-only { display: block; }" in print_rules
    assert (
        "prefers-reduced-motion: no-preference" in text
    )  # the end-of-step pulse only for those who allow it


def test_facilitation_queries_are_pinned_and_below_the_cards(client, demo_site):
    def count(url, *, published=False):
        client.get(url)
        if published:
            site_published()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    # Wagtail's serving alone (the site, the locale, routing, view restrictions), also after a publish: the
    # screen reads none of the card's own rows. The card viewed again reads its own from the site's fragments
    # (9 too); rendered after a publish it reads them.
    assert count(TOOL + "ohjaa/") == count(TOOL + "ohjaa/", published=True) == 9
    assert count(TOOL) == 9
    assert count(TOOL + "ohjaa/", published=True) < count(TOOL, published=True)


# The builder on fixed inputs -------------------------------------------------------------------------------


def _tool(**fields):
    index = ToolIndexPage.objects.get()
    duration = fields.pop("duration_minutes", 15)
    tool = ToolPage(
        title="Koe",
        slug="koe",
        what="<p>Mikä</p>",
        when="<p>Milloin</p>",
        duration_minutes=duration,
        **fields,
    )
    index.add_child(instance=tool)
    return tool


def test_tool_blocks_on_fixed_steps(demo_site):
    tool = _tool(
        intro="Lyhyt kuvaus.",
        steps=[
            (
                "step",
                {
                    "title": "Aloitus",
                    "text": RichText(
                        "<p>Kerro <b>yksi</b> asia.</p><ul><li>Mikä?</li><li>Miksi &amp; miten?</li></ul>"
                    ),
                    "minutes": 5,
                    "grouping": "pairs",
                },
            ),
            ("step", {"title": "", "text": RichText("<p>Sopikaa.</p>"), "minutes": 10, "grouping": "all"}),
        ],
    )
    assert tool_blocks(tool) == {
        "title": "Koe",
        "key": f"tool-{tool.pk}",
        "blocks": [
            {
                "title": "Koe",
                "minutes": 15,
                "note": "",
                "steps": [
                    {
                        "title": "Aloitus",
                        "minutes": 5,
                        "group": "Pareittain",
                        "instruction": "Kerro yksi asia.\n• Mikä?\n• Miksi & miten?",
                    },
                    {"title": "Työvaihe 2", "minutes": 10, "group": "Koko ryhmä", "instruction": "Sopikaa."},
                ],
            }
        ],
    }


def test_a_tool_without_steps_is_one_step_of_its_duration(demo_site):
    tool = _tool(intro="Koko työkalu kerralla.", duration_minutes=20)
    assert tool_blocks(tool)["blocks"] == [
        {"title": "Koe", "minutes": 20, "note": "Koko työkalu kerralla.", "steps": []}
    ]


def test_rich_text_to_plain_keeps_lines_and_drops_markup():
    assert rich_text_to_plain('<p>A <a href="/x">linkki</a></p><p>B<br>C</p>') == "A linkki\nB\nC"
    # Plain text, unescaped: the template and the script escape it again when they show it.
    assert rich_text_to_plain("<p>&lt;b&gt; &amp; x</p>") == "<b> & x"
    assert rich_text_to_plain("") == ""


def test_context_times_for_a_plan_with_own_blocks_and_a_start_time():
    data = {
        "title": "Palaveri",
        "key": "plan-1",
        "blocks": [
            {"title": "Avaus", "minutes": 5, "note": "Tervetuloa", "steps": []},
            {
                "title": "Työkalu",
                "minutes": 15,
                "note": "",
                "steps": [
                    {"title": "A", "minutes": 5, "group": "Yksin", "instruction": ""},
                    {"title": "B", "minutes": 10, "group": "Koko ryhmä", "instruction": ""},
                ],
            },
            {"title": "Tauko", "minutes": 10, "note": "", "steps": []},
        ],
    }
    context = facilitation_context(
        data, back_url="/x/", back_label="Takaisin", start=datetime.datetime(2026, 12, 1, 14, 0)
    )
    assert context["total_minutes"] == 30 and context["total_text"] == "30 min"
    assert [(r["title"], r["start"], r["end"]) for r in context["rows"]] == [
        ("Avaus", "14.00", "14.05"),
        ("Työkalu", "14.05", "14.20"),
        ("Tauko", "14.20", "14.30"),
    ]
    assert [(s["start"], s["end"]) for s in context["rows"][1]["steps"]] == [
        ("14.05", "14.10"),
        ("14.10", "14.20"),
    ]
    assert context["facilitation"] is data
    assert facilitation_context(data, back_url="/", back_label="")["rows"][2]["start"] == "0:20"
