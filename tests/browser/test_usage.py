"""The Käyttö view in the real Wagtail admin: an editor signs in, sees the tables and their charts, gets a
message beside a wrong date, and axe finds nothing, in Finnish and in Swedish (the editor's admin language)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from tests import factories
from tests.browser.test_admin_walkthrough import _admin_accessible, _sign_in
from toolkit.assessment.services import CONSENSUS_RESPONDENT
from toolkit.models import (
    AssessmentPage,
    AssessmentRating,
    AssessmentResponse,
    AssessmentRound,
    TeamSpace,
    ToolPage,
)
from toolkit.tools.usage import tool_usage_count


def _twelve_spaces_with_rounds():
    page = AssessmentPage.objects.get(slug="tiimin-arviointi")
    keys = [s.key for g in page.statement_groups() for s in g.statements]
    for i in range(12):
        space = TeamSpace.objects.create(name=f"Selaintiimi {i}")
        assessment_round = AssessmentRound.objects.create(
            space=space, page=page, mode=AssessmentRound.Mode.CONSENSUS, created_at=timezone.now()
        )
        response = AssessmentResponse.objects.create(round=assessment_round, respondent=CONSENSUS_RESPONDENT)
        AssessmentRating.objects.bulk_create(
            AssessmentRating(response=response, round=assessment_round, statement_key=key, value=1 + i % 3)
            for key in keys
        )
    tool_usage_count(tool_ids=ToolPage.objects.live().values_list("pk", flat=True)[:5], event="view")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_editor_reads_the_usage_figures_and_axe_finds_nothing(live_server, demo_site, page):
    from wagtail.users.models import UserProfile

    editor = factories.UserFactory(username="toimittaja", first_name="Eeva", last_name="Editori")
    editor.groups.add(Group.objects.get(name="Editors"))
    _twelve_spaces_with_rounds()

    _sign_in(page, live_server.url, "toimittaja")
    page.get_by_role("link", name="Käyttö").click()
    expect(page).to_have_url(re.compile(r"/admin/kaytto/$"))
    expect(page.get_by_role("heading", name="Käyttö", level=1)).to_be_visible()
    expect(page.get_by_role("img", name="Arviointikierrokset kuukausittain")).to_be_visible()
    expect(page.locator("#table-rounds tbody th")).to_have_count(1)
    _admin_accessible(page, "usage")

    page.locator("#id_start").fill("2026-06-01")
    page.locator("#id_end").fill("2026-01-01")
    page.get_by_role("button", name="Näytä").click()
    expect(page.get_by_text("Päättymispäivä ei voi olla ennen alkamispäivää.")).to_be_visible()
    _admin_accessible(page, "usage: a wrong date")

    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "sv"})
    page.goto(live_server.url + "/admin/kaytto/")
    expect(page.get_by_role("heading", name="Användning", level=1)).to_be_visible()
    expect(page.get_by_role("img", name="Bedömningsomgångar per månad")).to_be_visible()
    _admin_accessible(page, "usage in Swedish")
