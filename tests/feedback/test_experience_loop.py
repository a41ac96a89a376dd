"""The loop closes (DESIGN §4): a finished workbook session or assessment invites the team to tell others how
it went, through the experience form prefilled with the workbook or assessment page, never with the team link."""

import re

import pytest
from django.urls import reverse

from feedback.models import Submission
from tests.feedback.helpers import form_data
from tests.toolkit.workbook.support import start_session
from toolkit.assessment.services import response_save, round_open
from toolkit.models import AssessmentPage, AssessmentRound, WorkbookPage

pytestmark = pytest.mark.django_db


def invitation_url(html: str) -> str:
    section = re.search(r'<section class="tell-experience[^>]*>(.*?)</section>', html, re.S)
    assert section, "no invitation to tell the experience"
    return re.search(r'href="([^"]+)"', section.group(1)).group(1).replace("&amp;", "&")


def assert_prefilled_form(client, url: str, page) -> None:
    assert url == f"/palaute/lomake/kokemus/?sivu={page.pk}"
    form = client.get(url).content.decode()
    assert f'<input type="hidden" name="page" value="{page.pk}"' in form, "the page is not prefilled"
    assert f"<strong>{page.title}</strong>" in form


def test_workbook_summary_invites_an_experience_of_the_workbook(client, demo_site):
    space, _session = start_session()
    workbook_page = WorkbookPage.objects.get()
    summary = client.get(reverse("toolkit:workbook_summary", kwargs={"token": space.token, "number": 1}))
    html = summary.content.decode()
    url = invitation_url(html)
    assert space.token not in url
    assert_prefilled_form(client, url, workbook_page)
    # Sent from there, the experience concerns the workbook page.
    response = client.post("/palaute/lomake/kokemus/", form_data("kokemus", page=workbook_page))
    assert response.status_code == 302
    assert Submission.objects.filter(kind="experience").latest("pk").page_id == workbook_page.pk


def test_assessment_results_invite_an_experience_of_the_assessment(client, demo_site):
    space, _ = start_session()
    page = AssessmentPage.objects.get(slug="tiimin-arviointi")
    assessment_round = round_open(space=space, page=page, mode=AssessmentRound.Mode.CONSENSUS)
    keys = [s.key for g in page.statement_groups() for s in g.statements]
    response_save(assessment_round=assessment_round, respondent="tiimi", ratings=dict.fromkeys(keys, 2))
    results = client.get(
        reverse("toolkit:assessment_results", kwargs={"token": space.token, "round_id": assessment_round.pk})
    )
    assert results.status_code == 200
    url = invitation_url(results.content.decode())
    assert space.token not in url
    assert_prefilled_form(client, url, page)


def test_self_assessment_result_invites_an_experience(client, demo_site):
    page = AssessmentPage.objects.get(slug="tyontekijan-itsearviointi")
    keys = [s.key for g in page.statement_groups() for s in g.statements]
    response = client.post(
        reverse("toolkit:self_assessment", kwargs={"page_id": page.pk}), {f"s-{key}": "2" for key in keys}
    )
    assert response.status_code == 200
    assert_prefilled_form(client, invitation_url(response.content.decode()), page)
