"""A team space is one space in every language: a plan made in Finnish reads in Swedish with the Swedish tools,
and what the plan page offers (the tool list, the finder link, a suggested plan) is in the reader's language."""

import re

import pytest
from django.utils import translation

from tests.toolkit.meetings.support import make_plan, revealed_round, url
from toolkit.assessment import services as assessment_services
from toolkit.meetings import services
from toolkit.meetings.models import MeetingPlan
from toolkit.models import ToolPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(translated_once, demo_site):
    """Every test here reads the translated demo: built once for the module (tests/conftest.py)."""
    return demo_site


def in_language(language, name, space, **kwargs):
    with translation.override(language):
        return url(name, space, **kwargs)


def tool_options(html: str) -> list[str]:
    select = re.search(r'<select name="tyokalu-tool".*?</select>', html, re.S).group(0)
    return [title for value, title in re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', select)]


def test_a_finnish_plan_reads_in_swedish_with_the_swedish_tools(client, translated):
    finnish = ToolPage.objects.get(locale__language_code="fi", slug="check-in-ja-check-out")
    swedish = ToolPage.objects.get(locale__language_code="sv", translation_key=finnish.translation_key)
    other = ToolPage.objects.live().filter(locale__language_code="fi").exclude(pk=finnish.pk).first()
    space, plan = make_plan()
    services.block_add(plan=plan, kind="tyokalu", tool=finnish, minutes=15)
    services.block_add(plan=plan, kind="tyokalu", tool=other, title="Oma nimi", minutes=15)

    html = client.get(in_language("sv", "meeting_plan", space, plan_id=plan.pk)).content.decode()
    assert swedish.title in html and f'href="{swedish.url}"' in html
    assert f">{finnish.title}<" not in html
    assert "Oma nimi" in html  # a block the team named keeps its name
    options = tool_options(html)
    swedish_titles = set(
        ToolPage.objects.live().filter(locale__language_code="sv").values_list("title", flat=True)
    )
    assert options and all(option.rsplit(" (", 1)[0] in swedish_titles for option in options)
    assert '<a href="/sv/verktyg/">' in html  # the finder in Swedish

    facilitation = client.get(
        in_language("sv", "meeting_facilitate", space, plan_id=plan.pk)
    ).content.decode()
    assert swedish.title in facilitation and swedish.steps[0].value["title"] in facilitation
    # Nothing was written: the stored blocks are as the team made them.
    assert list(plan.blocks.values_list("tool_id", flat=True)) == [finnish.pk, other.pk]

    finnish_html = client.get(in_language("fi", "meeting_plan", space, plan_id=plan.pk)).content.decode()
    assert finnish.title in finnish_html and swedish.title not in finnish_html
    assert all(o.rsplit(" (", 1)[0] not in swedish_titles for o in tool_options(finnish_html))


def test_a_plan_suggested_in_swedish_is_made_of_swedish_tools(client, translated):
    space, assessment_round = revealed_round(rating=2)

    response = client.post(
        in_language("sv", "meeting_suggest", space, round_id=assessment_round.pk),
        {"length": "90", "group_size": "6", "date": "2026-12-10", "start_time": "09:00"},
    )
    assert response.status_code == 303 and response["Location"].startswith("/sv/")
    plan = MeetingPlan.objects.filter(space=space).latest("pk")
    languages = {
        block.tool.locale.language_code for block in plan.blocks.select_related("tool__locale") if block.tool
    }
    assert languages == {"sv"}
    # The rule's inputs, read in Swedish: the weakest statements' tools and the phase's tools are Swedish ones.
    with translation.override("sv"):
        results = assessment_services.round_results(assessment_round=assessment_round)
        weak, phase = services.suggestion_inputs(results=results)
    assert weak and phase
    ids = [option.id for statement in weak for option in statement.tools] + [option.id for option in phase]
    assert set(ToolPage.objects.filter(pk__in=ids).values_list("locale__language_code", flat=True)) == {"sv"}


def test_add_to_a_meeting_under_another_language_adds_the_tools_translation(client, translated):
    finnish = ToolPage.objects.get(locale__language_code="fi", slug="check-in-ja-check-out")
    swedish = ToolPage.objects.get(locale__language_code="sv", translation_key=finnish.translation_key)
    space, plan = make_plan()

    # The card's link names the Finnish tool; the switcher took the reader to the same path under /sv/.
    card = client.get(f"/sv/tiimi/palaveriin/{finnish.pk}/")
    html = card.content.decode()
    assert swedish.title in html and finnish.title not in html
    assert f'href="{swedish.url}"' in html
    sent = client.post(f"/sv/tiimi/palaveriin/{finnish.pk}/", {"link": space.token})
    assert sent.status_code == 303
    assert sent["Location"] == f"/sv/tiimi/{space.token}/palaverit/lisaa/{swedish.pk}/"

    chooser = client.get(f"/sv/tiimi/{space.token}/palaverit/lisaa/{finnish.pk}/").content.decode()
    assert swedish.title in chooser and finnish.title not in chooser
    client.post(f"/sv/tiimi/{space.token}/palaverit/lisaa/{finnish.pk}/", {"plan": str(plan.pk)})
    assert list(plan.blocks.values_list("tool_id", flat=True)) == [swedish.pk]

    # A tool without a translation in the language read is added as it is.
    untranslated = ToolPage.objects.live().filter(locale__language_code="fi").exclude(pk=finnish.pk).first()
    ToolPage.objects.filter(translation_key=untranslated.translation_key, locale__language_code="en").delete()
    client.post(f"/en/tiimi/{space.token}/palaverit/lisaa/{untranslated.pk}/", {"plan": str(plan.pk)})
    assert list(plan.blocks.values_list("tool_id", flat=True)) == [swedish.pk, untranslated.pk]
