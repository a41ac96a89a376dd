"""The plan page's link to the tool finder: the Työkalut section of the cached main menu, in the reader's
language, and still there when an editor takes the section out of the menu (toolkit/meetings/services/plans.py)."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.toolkit.meetings.support import make_plan, plan_url
from toolkit.meetings import services
from toolkit.tools.models import ToolIndexPage
from valoa.pages.chrome import section_url

pytestmark = pytest.mark.django_db


def _finder(language: str) -> ToolIndexPage:
    return ToolIndexPage.objects.live().get(locale__language_code=language)


def test_the_plan_page_links_to_the_finder(client, demo_site):
    # In Swedish: tests/toolkit/meetings/test_languages.py.
    space, plan = make_plan()
    html = client.get(plan_url(space, plan)).content.decode()
    assert f'<a href="{_finder("fi").url}">Etsi työkaluja työkaluhausta</a>' in html


def test_the_finders_address_costs_no_query_once_the_chrome_is_cached(demo_site):
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    with translation.override("fi"):
        first = services.finder_url(request=request)
        with CaptureQueriesContext(connection) as queries:
            again = services.finder_url(request=RequestFactory().get("/", HTTP_HOST="localhost"))
    assert first == again == _finder("fi").url
    assert len(queries) == 0


def test_a_finder_out_of_the_menu_is_still_linked(client, demo_site, django_capture_on_commit_callbacks):
    finder = _finder("fi")
    with django_capture_on_commit_callbacks(execute=True):
        finder.show_in_menus = False
        finder.save_revision().publish()
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    with translation.override("fi"):
        assert section_url(request, ToolIndexPage) is None
        assert services.finder_url(request=request) == finder.url
    space, plan = make_plan()
    assert f'<a href="{finder.url}">' in client.get(plan_url(space, plan)).content.decode()
