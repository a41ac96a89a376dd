"""The tool card: model rules, the editor's admin form, the page a team reads and prints."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests import factories
from tests.factories.toolkit import ToolPageRelatedToolFactory, ToolPageWorkTemplateFactory
from toolkit.demo.tools import TOOLS
from toolkit.models import ToolIndexPage, ToolPage
from toolkit.tools.values import duration_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(demo_site):
    return ToolIndexPage.objects.get()


def test_group_size_minimum_above_maximum_is_an_error_on_the_field(index):
    tool = factories.ToolPageFactory.build(group_size_min=10, group_size_max=4)
    with pytest.raises(ValidationError) as error:
        tool.clean()
    assert "group_size_max" in error.value.message_dict


def test_group_size_without_maximum_and_equal_bounds_are_valid(index):
    factories.ToolPageFactory.build(group_size_min=10, group_size_max=None).clean()
    factories.ToolPageFactory.build(group_size_min=2, group_size_max=2).clean()


def test_duration_is_required(index):
    tool = factories.ToolPageFactory(parent=index, title="Kestoton")
    tool.duration_minutes = None
    with pytest.raises(ValidationError) as error:
        tool.full_clean()
    assert "duration_minutes" in error.value.message_dict


def _edit_form_data(tool, **overrides):
    data = {
        "title": tool.title,
        "slug": tool.slug,
        "intro": tool.intro,
        "duration_minutes": 10,  # the one step's minutes
        "preparation_minutes": 10,
        "group_size_min": 3,
        "group_size_max": 12,
        "format_in_person": "on",
        "what": rich_text("<p>Mikä se on.</p>"),
        "when": rich_text("<p>Milloin.</p>"),
        "when_not": rich_text(""),
        "tip": rich_text(""),
        "materials": "Tarralappuja\nKyniä",
        "steps": streamfield(
            [
                (
                    "step",
                    {"title": "", "text": rich_text("<p>Kirjoita.</p>"), "minutes": 10, "grouping": "alone"},
                )
            ]
        ),
        "strengths": "",
        "weaknesses": "",
        "work_templates": inline_formset([]),
        "related_tools": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_admin_refuses_to_publish_min_above_max_with_the_error_on_the_field(admin_client, index):
    tool = ToolPage.objects.get(slug="kokeilukortti")
    url = f"/admin/pages/{tool.pk}/edit/"
    response = admin_client.post(url, _edit_form_data(tool, group_size_min=20, group_size_max=5))
    assert response.status_code == 200
    form = response.context["form"]
    assert "group_size_max" in form.errors
    assert "Ryhmän enimmäiskoko ei voi olla pienempi" in response.content.decode()
    tool.refresh_from_db()
    assert tool.group_size_min == 2


def test_admin_refuses_to_publish_without_duration(admin_client, index):
    tool = ToolPage.objects.get(slug="kokeilukortti")
    response = admin_client.post(f"/admin/pages/{tool.pk}/edit/", _edit_form_data(tool, duration_minutes=""))
    assert response.status_code == 200
    assert "duration_minutes" in response.context["form"].errors


def test_admin_publishes_a_valid_tool(admin_client, index):
    tool = ToolPage.objects.get(slug="kokeilukortti")
    response = admin_client.post(
        f"/admin/pages/{tool.pk}/edit/", _edit_form_data(tool, group_size_max=12, duration_minutes=10)
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    tool.refresh_from_db()
    assert (tool.group_size_min, tool.group_size_max, tool.steps_total_minutes) == (3, 12, 10)
    assert tool.material_items == ["Tarralappuja", "Kyniä"]


def test_admin_edit_form_has_the_tabs(admin_client, index):
    tool = ToolPage.objects.get(slug="kokeilukortti")
    html = admin_client.get(f"/admin/pages/{tool.pk}/edit/").content.decode()
    for tab in ("Perustiedot", "Työvaiheet", "Materiaalit", "Yhteydet"):
        assert tab in html
    # The preview renders the tool card.
    assert admin_client.get(f"/admin/pages/{tool.pk}/edit/preview/").status_code in (200, 405)


def test_tool_page_reads_in_the_owners_order(client, index):
    html = client.get("/tyokalut/tilannekuva/").content.decode()
    order = ["Mikä tämä on?</h2", "Milloin kannattaa käyttää?</h2", "Milloin ei kannata käyttää?</h3"]
    order += ["Mitä tarvitaan?</h2", "Miten edetään?</h2", "Vinkki</h2"]
    order += ["Vahvuudet</h2", "Heikkoudet</h2", "Tutustu myös näihin</h2", "Työpohjat</h2"]
    positions = [html.index(">Kesto</dt>")] + [html.index(f">{label}>") for label in order]
    assert positions == sorted(positions)
    # The editor's duration check stays in the admin: the public card shows the duration only.
    assert "yhteensä" not in html and "ilmoitettu kesto" not in html
    assert ">45 min</dd>" in html
    assert '<ol class="tool-steps">' in html
    assert "Pareittain" in html


def test_short_lists_are_one_text_area_each_with_one_item_per_line(admin_client, index):
    tool = ToolPage.objects.get(slug="tilannekuva")
    html = admin_client.get(f"/admin/pages/{tool.pk}/edit/").content.decode()
    for field in ("materials", "strengths", "weaknesses"):
        assert f'<textarea name="{field}"' in html
    assert html.count("Yksi kohta riville.") == 3


def test_tool_page_lists_each_line_as_an_item(client, index):
    html = client.get("/tyokalut/tilannekuva/").content.decode()
    items = "".join(f"<li>{item}</li>" for item in TOOLS[0]["materials"])
    assert f'<ul class="tool-list">{items}</ul>' in html
    assert f'<ul class="tool-list"><li>{TOOLS[0]["strengths"]}</li></ul>' in html
    # Blank lines and stray spaces are no items; a list left empty hides its heading.
    tool = ToolPage.objects.get(slug="tilannekuva")
    tool.materials, tool.weaknesses = "  Tarralappuja \r\n\r\nKyniä\n", ""
    tool.save_revision().publish()
    html = client.get("/tyokalut/tilannekuva/").content.decode()
    assert '<ul class="tool-list"><li>Tarralappuja</li><li>Kyniä</li></ul>' in html
    assert "Heikkoudet</h2" not in html and "Vahvuudet</h2" in html


def test_materials_are_searchable(index):
    assert ToolPage.objects.get(slug="tilannekuva") in ToolPage.objects.live().search("tarralappuja")


def test_print_stylesheet_is_linked_on_tool_pages(client, index):
    html = client.get("/tyokalut/tilannekuva/").content.decode()
    assert 'toolkit-print.css" media="print"' in html
    css = client.get("/static/css/toolkit-print.css")
    assert css.status_code == 200


def test_related_tools_and_back_links(client, index):
    first = factories.ToolPageFactory(parent=index, title="Ensimmäinen")
    second = factories.ToolPageFactory(parent=index, title="Toinen")
    draft = factories.ToolPageFactory(parent=index, title="Luonnos", live=False)
    ToolPageRelatedToolFactory(page=first, tool=second)
    ToolPageRelatedToolFactory(page=first, tool=draft)
    assert first.related_tool_ids() == [second.pk]
    # The second tool links back to the first even though only the first names it.
    assert second.related_tool_ids() == [first.pk]
    html = client.get(second.url).content.decode()
    assert f'href="{first.url}"' in html


def test_a_tool_cannot_relate_to_itself(index):
    tool = factories.ToolPageFactory(parent=index)
    with pytest.raises(ValidationError):
        ToolPageRelatedToolFactory.build(page=tool, tool=tool).full_clean()


def test_work_templates_are_downloadable(client, index):
    tool = factories.ToolPageFactory(parent=index, title="Pohjallinen")
    ToolPageWorkTemplateFactory(page=tool, title="Kokeilukortin pohja")
    html = client.get(tool.url).content.decode()
    assert "Kokeilukortin pohja" in html
    assert "/dokumentit/" in html


def test_demo_tools_cover_every_phase_and_duration_range(index):
    tools = ToolPage.objects.live().child_of(index)
    assert tools.count() >= 12
    assert len(TOOLS) >= 12
    durations = {t.duration_minutes for t in tools}
    assert min(durations) <= 10 and max(durations) >= 240
    phases = {p.slug for t in tools for p in t.phases.all()}
    assert phases >= {"pysahtyminen", "suunta", "kokeileminen", "vakiinnuttaminen"}
    for tool in tools:
        assert tool.steps and tool.materials, tool.title
        template = tool.work_templates.select_related("document").first()
        assert template is not None, tool.title
        with template.document.file.open("rb") as f:
            assert f.read(5) == b"%PDF-"


def test_demo_tools_are_idempotent(index):
    before = Page.objects.count()
    call_command("load_demo_content", "--no-admin", stdout=io.StringIO())
    assert Page.objects.count() == before


def test_tool_page_query_count_is_constant(client, index):
    tool = ToolPage.objects.get(slug="tilannekuva")
    client.get(tool.url)
    with CaptureQueriesContext(connection) as before:
        client.get(tool.url)
    for i in range(5):
        other = factories.ToolPageFactory(parent=index, title=f"Lisä {i}")
        ToolPageRelatedToolFactory(page=tool, tool=other, sort_order=10 + i)
        ToolPageRelatedToolFactory(page=other, tool=tool)
        ToolPageWorkTemplateFactory(page=tool)
    client.get(tool.url)  # the new pages' saves forgot the cached site chrome (valoa/pages/chrome.py)
    with CaptureQueriesContext(connection) as after:
        client.get(tool.url)
    assert len(after.captured_queries) == len(before.captured_queries)


def test_admin_refuses_steps_that_do_not_add_up_to_the_duration(admin_client, index):
    tool = ToolPage.objects.get(slug="kokeilukortti")
    response = admin_client.post(f"/admin/pages/{tool.pk}/edit/", _edit_form_data(tool, duration_minutes=45))
    assert response.status_code == 200
    assert "duration_minutes" in response.context["form"].errors
    assert "Työvaiheiden minuutit ovat yhteensä 10, mutta kestoksi on merkitty 45 min." in (
        response.content.decode()
    )


def test_demo_durations_add_up():
    for tool in TOOLS:
        assert sum(minutes for _text, minutes, _grouping in tool["steps"]) == tool["duration"], tool["slug"]


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(10, "10 min"), (60, "1 tunti"), (90, "1,5 tuntia"), (135, "2 h 15 min"), (240, "4 tuntia")],
)
def test_durations_read_in_the_unit_people_use(minutes, text):
    assert duration_text(minutes) == text


def test_long_tool_shows_hours_on_its_page_and_card(client, index):
    assert ">4 tuntia</dd>" in client.get("/tyokalut/kehittamispaiva/").content.decode()
    assert "Kesto 4 tuntia" in client.get("/tyokalut/").content.decode()
