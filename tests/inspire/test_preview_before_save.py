"""The editor's preview panel works on a page that has never been saved (issue 18: a new story's preview was a 500)."""

import pytest
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.models import Page

from inspire.models import InspireIndexPage, StoryKind, StoryPage
from toolkit.models import AssessmentPage, StartPage, ToolIndexPage, ToolPage
from valoa.models import ContentPage, HomePage, Phase, Theme

pytestmark = pytest.mark.django_db


def _empty_form_data(model) -> dict:
    """The add form as an editor leaves it untouched: empty StreamFields and inline panels."""
    data = {f"{f.name}-count": "0" for f in model._meta.get_fields() if isinstance(f, StreamField)}
    for relation in get_all_child_relations(model):
        prefix = relation.get_accessor_name()
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
        data.update({f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    return data


def _preview_new(admin_client, model, parent: Page, data: dict):
    url = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/preview/"
    posted = admin_client.post(url, {**_empty_form_data(model), **data})
    assert posted.status_code == 200, posted.content[:500]
    assert posted.json()["is_valid"] is True, posted.json()
    return admin_client.get(url)


def test_new_story_previews_with_its_tools_phases_and_themes(admin_client, demo_site):
    tool = ToolPage.objects.live().first()
    phase, theme = Phase.objects.first(), Theme.objects.first()
    data = {
        "title": "Uusi tarina esikatselussa",
        "slug": "uusi-tarina-esikatselussa",
        "kind": StoryKind.EXPERIMENT,
        "status": "running",
        "story_date": "2026-11-20",
        "phases": [phase.pk],
        "themes": [theme.pk],
        "story_tool_links-TOTAL_FORMS": "1",
        "story_tool_links-0-tool": tool.pk,
        "story_tool_links-0-note": "kokeilun alussa",
        "story_tool_links-0-ORDER": "1",
        "story_tool_links-0-id": "",
        "story_tool_links-0-DELETE": "",
    }
    response = _preview_new(admin_client, StoryPage, InspireIndexPage.objects.get(), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Uusi tarina esikatselussa" in html
    assert f">{tool.title}</a> – kokeilun alussa" in html
    assert phase.name in html and theme.name in html
    assert not StoryPage.objects.filter(slug="uusi-tarina-esikatselussa").exists()


REQUIRED = {
    ToolPage: {"duration_minutes": "30", "group_size_min": "2", "group_size_max": "10"},
    AssessmentPage: {"kind": "team"},
    ContentPage: {},
    StoryPage: {"kind": StoryKind.CASE_STUDY, "story_date": "2026-11-20"},
}
PARENTS = {
    ToolPage: ToolIndexPage,
    AssessmentPage: StartPage,
    ContentPage: HomePage,
    StoryPage: InspireIndexPage,
}


@pytest.mark.parametrize(
    "model", [ContentPage, ToolPage, AssessmentPage, StoryPage], ids=lambda m: m.__name__
)
def test_every_addable_page_type_previews_before_its_first_save(admin_client, demo_site, model):
    # Page types with max_count 1 (home, indexes, workbook, feedback) exist in the demo and cannot be added.
    data = {"title": "Esikatselu ennen tallennusta", "slug": "esikatselu-ennen-tallennusta"}
    data.update(REQUIRED.get(model, {}))
    response = _preview_new(admin_client, model, PARENTS[model].objects.first(), data)
    assert response.status_code == 200
    assert "Esikatselu ennen tallennusta" in response.content.decode()
