"""Every team-space view with valid and invalid input. The views are thin: the rules are tested in services."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.toolkit.workbook.support import question, set_workbook, start_session
from toolkit.models import TeamSpace, WorkbookAnswer, WorkbookSession
from toolkit.team.views import CREATED_SESSION_KEY
from toolkit.workbook import services

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def workbook(demo_site):
    set_workbook(
        [
            ("Ilmiöhahmotus", [question("open", "ilmio", "Mitä tapahtui?"), question("list", "lista")]),
            ("Muutoshahmotus", [question("scale", "asteikko"), question("choice", "valinta")]),
        ]
    )
    return services.workbook_get()


@pytest.fixture
def team(workbook):
    space, session = start_session()
    return space, session


def session_url(session, name="workbook_session", **extra):
    return reverse(
        f"toolkit:{name}", kwargs={"token": session.space.token, "number": session.number, **extra}
    )


def test_workbook_page_offers_to_start(client, workbook):
    response = client.get("/aloita/tyokirja/")
    assert response.status_code == 200
    content = response.content.decode()
    assert reverse("toolkit:team_space_create") in content
    assert "Ilmiöhahmotus" in content


def test_create_space_with_csrf_and_show_link_once(workbook):
    client = Client(enforce_csrf_checks=True)
    client.get("/aloita/tyokirja/")
    token = client.cookies["csrftoken"].value
    assert client.post(reverse("toolkit:team_space_create"), {"name": "Asiakaspalvelu"}).status_code == 403
    response = client.post(
        reverse("toolkit:team_space_create"), {"name": "Asiakaspalvelu", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    space = TeamSpace.objects.get()
    assert response["Location"] == space.get_absolute_url()
    assert space.name == "Asiakaspalvelu"
    first = client.get(space.get_absolute_url())
    content = first.content.decode()
    assert "Tallentakaa tiiminne linkki nyt" in content
    assert f"http://testserver/tiimi/{space.token}/" in content
    assert "henkilötietoja" in content
    assert CREATED_SESSION_KEY not in client.session
    second = client.get(space.get_absolute_url())
    assert "Tallentakaa tiiminne linkki nyt" not in second.content.decode()


def test_create_space_rejects_get_and_overlong_names(client, workbook):
    assert client.get(reverse("toolkit:team_space_create")).status_code == 405
    response = client.post(reverse("toolkit:team_space_create"), {"name": "x" * 500})
    assert response.status_code == 302
    assert TeamSpace.objects.get().name == ""


def test_space_page_headers_and_sessions_list(client, team):
    space, _session = team
    services.workbook_session_start(space=space)
    response = client.get(space.get_absolute_url())
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "same-origin"
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-store" in response["Cache-Control"]
    content = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in content
    assert "Työkirjakierros 1" in content and "Työkirjakierros 2" in content
    assert 'id="arvioinnit"' in content


def test_rename_valid_and_invalid(client, team):
    space, _ = team
    url = reverse("toolkit:team_space_rename", kwargs={"token": space.token})
    assert client.post(url, {"name": "  Uusi nimi "}).status_code == 302
    space.refresh_from_db()
    assert space.name == "Uusi nimi"
    response = client.post(url, {"name": "x" * 101})
    assert response.status_code == 400
    assert "enintään 100 merkkiä" in response.content.decode()
    assert client.get(url).status_code == 405


def test_start_session_redirects_to_it(client, team):
    space, _ = team
    response = client.post(reverse("toolkit:workbook_session_start", kwargs={"token": space.token}))
    assert response.status_code == 302
    session = WorkbookSession.objects.get(space=space, number=2)
    assert response["Location"] == session.get_absolute_url()
    assert (
        client.get(reverse("toolkit:workbook_session_start", kwargs={"token": space.token})).status_code
        == 405
    )


def test_session_page_shows_questions_progress_and_previous_answers(client, team, workbook):
    space, first = team
    services.workbook_answer_save(
        session=first, question=workbook.by_key["ilmio"], text="Viime kerran havainto", base_version=0
    )
    second = services.workbook_session_start(space=space)
    services.workbook_answer_save(
        session=second, question=workbook.by_key["lista"], text="uusi", base_version=0
    )
    response = client.get(session_url(second))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Mitä tapahtui?" in content
    assert "1 / 4 kysymystä" in content
    assert "Kierroksella 1 vastasitte:" in content and "Viime kerran havainto" in content
    assert 'aria-live="polite"' in content


def test_session_page_says_when_an_answer_was_last_saved(client, team, workbook):
    # On load the time is the last save, not an autosave that just happened.
    _, session = team
    services.workbook_answer_save(
        session=session, question=workbook.by_key["ilmio"], text="A", base_version=0
    )
    content = client.get(session_url(session)).content.decode()
    assert "Viimeksi tallennettu <time" in content
    assert "Tallennettu <time" not in content.replace("Viimeksi tallennettu <time", "")


def test_answers_json_polls_cheaply_with_an_etag(client, team, workbook):
    space, session = team
    url = session_url(session, "workbook_answers")
    assert session_url(session, "workbook_answers") in client.get(session_url(session)).content.decode()

    empty = client.get(url, **JSON)
    assert empty.status_code == 200
    assert empty.json() == {"revision": 0, "answers": {}, "answered": 0, "total": 4}
    assert client.get(url, HTTP_IF_NONE_MATCH=empty["ETag"]).status_code == 304

    services.workbook_answer_save(
        session=session, question=workbook.by_key["ilmio"], text="A", base_version=0
    )
    services.workbook_answer_save(
        session=session, question=workbook.by_key["ilmio"], text="B", base_version=1
    )
    changed = client.get(url, HTTP_IF_NONE_MATCH=empty["ETag"])
    assert changed.status_code == 200
    data = changed.json()
    assert data["answers"]["ilmio"]["text"] == "B" and data["answers"]["ilmio"]["version"] == 2
    assert data["answered"] == 1 and data["revision"] == 2
    assert changed["ETag"] != empty["ETag"]
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=changed["ETag"])
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert "no-store" in changed["Cache-Control"]

    assert client.get(url.replace(space.token, "x" * len(space.token))).status_code == 404
    assert client.get(session_url(session, "workbook_answers").replace("/1/", "/9/")).status_code == 404
    assert client.post(url).status_code == 405


def test_answer_plain_post_redirects_to_the_question(client, team):
    _, session = team
    response = client.post(
        session_url(session, "workbook_answer"), {"key": "ilmio", "version": "0", "answer": "Kiire"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#kysymys-ilmio")
    assert WorkbookAnswer.objects.get().text == "Kiire"


def test_answer_json_saved_conflict_and_invalid(client, team):
    _, session = team
    url = session_url(session, "workbook_answer")
    saved = client.post(url, {"key": "ilmio", "version": "0", "answer": "Anna"}, **JSON)
    assert saved.status_code == 200
    assert saved.json() | {"saved_at": ""} == {
        "status": "saved",
        "version": 1,
        "value": "Anna",
        "progress": {"done": 1, "total": 4},
        "saved_at": "",
    }
    conflict = client.post(url, {"key": "ilmio", "version": "0", "answer": "Bertta"}, **JSON)
    assert conflict.status_code == 409
    assert conflict.json() == {"status": "conflict", "version": 1, "value": "Anna", "mine": "Bertta"}
    invalid = client.post(url, {"key": "asteikko", "version": "0", "answer": "99"}, **JSON)
    assert invalid.status_code == 400
    assert invalid.json()["status"] == "invalid"
    assert WorkbookAnswer.objects.get().text == "Anna"


def test_answer_conflict_page_without_js_shows_both_versions(client, team):
    _, session = team
    url = session_url(session, "workbook_answer")
    client.post(url, {"key": "ilmio", "version": "0", "answer": "Annan teksti"})
    response = client.post(url, {"key": "ilmio", "version": "0", "answer": "Bertan teksti"})
    assert response.status_code == 409
    content = response.content.decode()
    assert "Annan teksti" in content and "Bertan teksti" in content
    assert "Käytä tallennettua versiota" in content and "Käytä omaa versiota" in content
    assert 'name="version" value="1"' in content
    # Keeping one's own version from the conflict page saves it as version 2.
    assert client.post(url, {"key": "ilmio", "version": "1", "answer": "Bertan teksti"}).status_code == 302
    assert WorkbookAnswer.objects.get().text == "Bertan teksti"


@pytest.mark.parametrize(
    "data",
    [
        {"key": "asteikko", "version": "0", "answer": "12"},
        {"key": "valinta", "version": "0", "answer": "Ei vaihtoehto"},
        {"key": "ilmio", "version": "-1", "answer": "a"},
        {"key": "ilmio", "version": "abc", "answer": "a"},
        {"key": "ilmio", "answer": "a"},
        {"key": "ilmio", "version": "99999999999999", "answer": "a"},
    ],
)
def test_answer_invalid_input_is_400_in_finnish(client, team, data):
    _, session = team
    response = client.post(session_url(session, "workbook_answer"), data)
    assert response.status_code == 400
    assert "Vastausta ei tallennettu" in response.content.decode()
    assert not WorkbookAnswer.objects.exists()


def test_answer_unknown_question_is_404(client, team):
    _, session = team
    url = session_url(session, "workbook_answer")
    assert client.post(url, {"key": "ei-ole", "version": "0", "answer": "a"}).status_code == 404
    assert client.post(url, {}).status_code == 404
    assert client.get(url).status_code == 405


def test_presentation_view_one_question_at_a_time(client, team, workbook):
    _, session = team
    services.workbook_answer_save(
        session=session, question=workbook.by_key["lista"], text="eka\ntoka", base_version=0
    )
    response = client.get(session_url(session, "workbook_present", position=2))
    assert response.status_code == 200
    content = response.content.decode()
    assert "kysymys 2/4" in content and "<li>eka</li>" in content
    assert session_url(session, "workbook_present", position=1) in content
    assert session_url(session, "workbook_present", position=3) in content
    # The meeting room's screen: the question alone, with a way back, none of the site's chrome.
    assert 'class="site-header' not in content and 'role="search"' not in content
    assert 'class="main-nav' not in content and 'class="site-footer' not in content
    assert f'href="{session_url(session)}#kysymys-lista"' in content and "Takaisin työkirjaan" in content
    for position in (0, 5, 10**12):
        assert client.get(session_url(session, "workbook_present", position=position)).status_code == 404


def test_summary_lists_all_questions_and_answers(client, team, workbook):
    _, session = team
    services.workbook_answer_save(
        session=session, question=workbook.by_key["valinta"], text="Palaute", base_version=0
    )
    response = client.get(session_url(session, "workbook_summary"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Vastattu 1 / 4 kysymykseen" in content
    assert "Palaute" in content and "Ei vastausta" in content
    assert session_url(session, "workbook_csv") in content


def test_csv_download(client, team, workbook):
    _, session = team
    services.workbook_answer_save(
        session=session, question=workbook.by_key["ilmio"], text="Äänekäs kiire", base_version=0
    )
    response = client.get(session_url(session, "workbook_csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="valoa-tyokirjakierros-1.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert "Äänekäs kiire" in response.content.decode("utf-8-sig")
    assert "no-store" in response["Cache-Control"]


def test_unknown_session_numbers_are_404(client, team):
    space, _session = team
    for number in (2, 0, 2**31, 10**20):
        url = reverse("toolkit:workbook_session", kwargs={"token": space.token, "number": number})
        assert client.get(url).status_code == 404


def test_delete_needs_confirmation_then_link_is_gone(client, team, workbook):
    space, session = team
    services.workbook_answer_save(
        session=session, question=workbook.by_key["ilmio"], text="a", base_version=0
    )
    url = reverse("toolkit:team_space_delete", kwargs={"token": space.token})
    assert client.get(url).status_code == 200
    refused = client.post(url, {})
    assert refused.status_code == 400
    assert "Vahvistakaa poisto" in refused.content.decode()
    assert TeamSpace.objects.exists()
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302 and response["Location"] == reverse("toolkit:team_space_deleted")
    assert client.get(response["Location"]).status_code == 200
    assert not TeamSpace.objects.exists() and not WorkbookAnswer.objects.exists()
    gone = client.get(space.get_absolute_url())
    assert gone.status_code == 404
    assert "Tällä linkillä ei ole tiimin työtilaa" in gone.content.decode()


def test_time_elements_carry_a_w3c_valid_datetime_without_microseconds(client, team, workbook):
    space, session = team
    services.workbook_answer_save(
        session=session, question=workbook.by_key["ilmio"], text="Havainto", base_version=0
    )
    html = client.get(session_url(session)).content.decode()
    html += client.get(reverse("toolkit:team_space", kwargs={"token": space.token})).content.decode()
    stamps = re.findall(r'<time datetime="([^"]+)"', html)
    assert stamps
    # A valid global date and time string: seconds at most, never the six digits of microseconds.
    for stamp in stamps:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", stamp), stamp
