import pytest

from toolkit.models import AssessmentPage, AssessmentRound
from toolkit.team.services import team_space_create


@pytest.fixture
def team_page(demo_site):
    return AssessmentPage.objects.get(slug="tiimin-arviointi")


@pytest.fixture
def employee_page(demo_site):
    return AssessmentPage.objects.get(slug="tyontekijan-itsearviointi")


@pytest.fixture
def keys(team_page):
    return [s.key for g in team_page.statement_groups() for s in g.statements]


@pytest.fixture
def space(db):
    return team_space_create(name="Testitiimi")


@pytest.fixture
def anonymous_round(space, team_page):
    from toolkit.assessment.services import round_open

    return round_open(space=space, page=team_page, mode=AssessmentRound.Mode.ANONYMOUS)


def all_ratings(keys, value):
    return dict.fromkeys(keys, value)
