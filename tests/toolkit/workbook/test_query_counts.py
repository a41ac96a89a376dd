"""The session page (and its summary) run the same number of queries for 10 and 60 questions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.team import team_pages_changed
from tests.toolkit.workbook.support import start_session, workbook_of_size
from toolkit.workbook import services

pytestmark = pytest.mark.django_db

# Session page: space, the session with the one before it (1), workbook page, both sessions' answers (1),
# plus the site chrome of base.html (site, navigation, footer settings). The space page also records activity,
# and lists the team's plans and open experiments (toolkit/meetings/slots.py: 2).
# The answers JSON the workbook polls: the session with its space (one query), the revision aggregate; 304 stops
# there, a change adds the answers and the workbook's questions (for the progress).
# The site chrome (menu, footer) comes from the cache (valoa/pages/chrome.py, decision 011).
PINNED = {"session": 4, "summary": 4, "space": 5, "answers_json": 4, "answers_json_unchanged": 2}


def count(client, url, status=200, **headers):
    client.get(url, **headers)
    team_pages_changed()  # a page rendered after a change, not read from the cache (test_page_cache.py)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **headers)
    assert response.status_code == status
    return len(ctx.captured_queries)


def answer_all(session, workbook):
    for q in workbook.questions:
        text = q.scale_values[0] if q.kind == "scale" else q.choices[0] if q.kind == "choice" else "Vastaus"
        services.workbook_answer_save(session=session, question=q, text=text, base_version=0)


def measure(client, n):
    workbook_of_size(n)
    workbook = services.workbook_get()
    space, first = start_session()
    answer_all(first, workbook)
    second = services.workbook_session_start(space=space)
    answer_all(second, workbook)
    second.space = space
    answers_url = second.get_absolute_url() + "vastaukset.json"
    etag = client.get(answers_url)["ETag"]
    return {
        "answers_json": count(client, answers_url),
        "answers_json_unchanged": count(client, answers_url, status=304, HTTP_IF_NONE_MATCH=etag),
        "session": count(client, second.get_absolute_url()),
        "summary": count(client, second.get_absolute_url() + "yhteenveto/"),
        "space": count(client, space.get_absolute_url()),
    }


def test_session_page_queries_do_not_grow_with_questions(client, demo_site):
    small = measure(client, 10)
    large = measure(client, 60)
    assert small == large
    assert small == PINNED
