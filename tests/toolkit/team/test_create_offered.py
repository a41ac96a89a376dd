"""Creating a team space is offered on Aloita, on the team assessment's page and on the workbook's page."""

import pytest

from toolkit.models import AssessmentPage, StartPage, WorkbookPage
from toolkit.team.models import TeamSpace

pytestmark = pytest.mark.django_db


def test_the_create_form_is_on_aloita_the_team_assessment_and_the_workbook(client, demo_site):
    pages = [
        StartPage.objects.live().get(locale__language_code="fi"),
        AssessmentPage.objects.live().get(locale__language_code="fi", slug="tiimin-arviointi"),
        WorkbookPage.objects.live().filter(locale__language_code="fi").first(),
    ]
    for page in pages:
        html = client.get(page.url).content.decode()
        assert 'action="/tiimi/aloita/"' in html, page.title
        assert "Luo tiimin työtila" in html and "Tiimin nimi (vapaaehtoinen)" in html, page.title
    response = client.post("/tiimi/aloita/", {"name": "Aloitussivun tiimi"})
    assert response.status_code == 302
    assert TeamSpace.objects.filter(name="Aloitussivun tiimi").exists()
