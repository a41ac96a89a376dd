"""A saved workbook answer tells the space's screens which answer changed, and nothing to another space."""

import pytest
from django.urls import reverse

from toolkit.workbook import services
from valoa.live import publishing

from .support import question, set_workbook, start_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def workbook(demo_site):
    set_workbook(
        [("Ilmiöhahmotus", [question("open", "ilmio", "Mitä tapahtui?"), question("scale", "asteikko")])]
    )
    return services.workbook_get()


def test_a_saved_answer_names_the_question_and_version_to_its_space_only(
    client, workbook, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr(publishing, "send_now", lambda group, message: sent.append((group, message)))
    space, session = start_session("Tiimi A")
    other_space, _other = start_session("Tiimi B")
    url = reverse("toolkit:workbook_answer", kwargs={"token": space.token, "number": session.number})
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(
            url, {"key": "ilmio", "answer": "Salainen teksti", "version": "0"}, HTTP_ACCEPT="application/json"
        )
    assert saved.status_code == 200
    assert sent == [
        (
            f"space.{space.pk}",
            {"topic": f"session:{session.pk}", "event": "answer", "data": {"key": "ilmio", "version": 1}},
        )
    ]
    assert f"space.{other_space.pk}" not in {group for group, _message in sent}
    # A conflict or an invalid answer is not announced.
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            client.post(
                url, {"key": "ilmio", "answer": "Toinen", "version": "0"}, HTTP_ACCEPT="application/json"
            ).status_code
            == 409
        )
        assert (
            client.post(
                url, {"key": "asteikko", "answer": "9", "version": "0"}, HTTP_ACCEPT="application/json"
            ).status_code
            == 400
        )
    assert len(sent) == 1


def test_the_workbook_pages_name_their_live_channel(client, workbook):
    space, session = start_session()
    page = client.get(session.get_absolute_url()).content.decode()
    assert f'data-live-url="/live/tiimi/{space.token}/"' in page
    assert f'data-live-topic="session:{session.pk}"' in page
    assert 'class="button button--secondary js-live-pause" aria-pressed="false" hidden' in page
