"""Team links: entropy, non-enumerability, garbage tokens, rate limits on guessing, privacy headers."""

import logging
import math
import urllib.parse
from collections import Counter
from itertools import pairwise

import pytest
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import TeamSpaceFactory
from tests.toolkit.workbook.support import start_session
from toolkit.models import AssessmentPage, TeamSpace
from toolkit.team.models import TOKEN_LENGTH, new_team_token
from valoa.operations.logging import RedactTeamTokensFilter

pytestmark = pytest.mark.django_db


def test_tokens_have_at_least_128_bits_and_are_not_sequential():
    tokens = [new_team_token() for _ in range(2000)]
    assert len(set(tokens)) == len(tokens)
    assert all(len(token) == TOKEN_LENGTH for token in tokens)
    # URL-safe base64 of 32 random bytes: 6 bits per character, 43 characters = 256 bits (>= 128).
    alphabet = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert set("".join(tokens)) <= alphabet
    # Characters are spread evenly over the 64-letter alphabet (Shannon entropy close to 6 bits each).
    counts = Counter("".join(token[:42] for token in tokens))
    total = sum(counts.values())
    entropy = -sum(c / total * math.log2(c / total) for c in counts.values())
    assert entropy > 5.9
    assert 42 * entropy >= 128
    # Consecutive tokens share no prefix beyond chance.
    assert max(len(_common_prefix(a, b)) for a, b in pairwise(tokens)) < 5


def _common_prefix(a: str, b: str) -> str:
    prefix = ""
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        prefix += x
    return prefix


def test_spaces_are_not_reachable_by_id_or_neighbouring_tokens(client, demo_site):
    space, _ = start_session()
    assert client.get(f"/tiimi/{space.pk}/").status_code == 404
    neighbour = space.token[:-1] + ("A" if space.token[-1] != "A" else "B")
    assert client.get(f"/tiimi/{neighbour}/").status_code == 404
    assert client.get(f"/tiimi/{space.token.swapcase()}/").status_code == 404
    assert str(space) == "Testitiimi" and space.token not in repr(space)


@pytest.mark.parametrize(
    "path",
    [
        "/tiimi/x/",
        "/tiimi/%00/",
        "/tiimi/" + "a" * 43 + "/",
        "/tiimi/" + "a" * 5000 + "/",
        "/tiimi/';DROP TABLE toolkit_teamspace;--/",
        "/tiimi/%E2%82%AC%F0%9F%98%80/",
        "/tiimi/" + "a" * 43 + "/tyokirja/1/",
        "/tiimi/" + "a" * 43 + "/tyokirja/1/vastaukset.csv",
        "/tiimi/" + "a" * 43 + "/poista/",
        "/tiimi/x/y/z/",
    ],
)
def test_garbage_tokens_give_the_friendly_404(client, demo_site, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(token=st.text(min_size=1, max_size=80).filter(lambda t: "/" not in t))
def test_any_text_as_token_never_500s(client, demo_site, token):
    from django.core.cache import cache

    cache.clear()
    response = client.get(f"/tiimi/{token}/", follow=False)
    assert response.status_code in {301, 302, 404, 429}, token
    response = client.post(
        f"/tiimi/{token}/tyokirja/1/vastaus/", {"key": token, "version": "0", "answer": token}
    )
    assert response.status_code in {301, 302, 404, 429}, token


@override_settings(TEAM_TOKEN_MISS_RATE="5/h")
def test_guessing_is_rate_limited_per_client(client, demo_site):
    space, _ = start_session()
    for i in range(5):
        assert client.get(f"/tiimi/{'g' * 42}{i}/").status_code == 404
    blocked = client.get(f"/tiimi/{'g' * 42}x/")
    assert blocked.status_code == 429
    assert blocked["Referrer-Policy"] == "same-origin"
    # Past the limit even a right guess answers 429 to this client...
    assert client.get(space.get_absolute_url()).status_code == 429
    # ...while another client is not affected.
    assert client.get(space.get_absolute_url(), REMOTE_ADDR="10.0.0.2").status_code == 200


@override_settings(TEAM_TOKEN_MISS_RATE="5/h")
def test_assessment_links_count_against_the_same_guessing_limit(client, demo_site):
    """Every lookup by a secret link under /tiimi/ shares the limit: team spaces' assessment pages, respondent
    links and team links pasted into a form."""
    space, _ = start_session()
    for i in range(2):
        assert client.get(f"/tiimi/{'g' * 42}{i}/arviointi/").status_code == 404
    for i in range(2):
        assert client.get(f"/tiimi/vastaa/{'r' * 42}{i}/").status_code == 404
    page = AssessmentPage.objects.get(slug="tiimin-arviointi")
    pasted = client.post(
        reverse("toolkit:assessment_start", kwargs={"page_id": page.pk}),
        {"mode": "consensus", "threshold": "3", "team_link": f"/tiimi/{'p' * 43}/"},
    )
    assert pasted.status_code == 400  # the fifth miss: still answered, with the error on the field
    assert client.get(f"/tiimi/{'g' * 42}x/arviointi/").status_code == 429
    assert client.get(f"/tiimi/{space.token}/arviointi/").status_code == 429
    assert client.get(f"/tiimi/{space.token}/arviointi/", REMOTE_ADDR="10.0.0.2").status_code == 200


@override_settings(TEAM_SPACE_CREATE_RATE="2/h")
def test_creating_spaces_is_rate_limited(client, demo_site):
    url = reverse("toolkit:team_space_create")
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 429
    assert TeamSpace.objects.count() == 2


def assert_team_privacy_headers(response):
    assert response["X-Robots-Tag"].startswith("noindex")
    assert response["Referrer-Policy"] == "same-origin"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control, cache_control


@pytest.mark.parametrize("language", ["", "/sv", "/en"])
def test_team_pages_are_private_in_every_language(client, demo_site, language):
    """The team privacy middleware knows the team spaces under every language's prefix (valoa/private_paths.py),
    the Swedish and English ones as well as the Finnish /tiimi/."""
    space = TeamSpaceFactory()
    response = client.get(f"{language}/tiimi/{space.token}/")
    assert response.status_code == 200
    assert_team_privacy_headers(response)
    unknown = client.get(f"{language}/tiimi/{'u' * 43}/")
    assert unknown.status_code == 404
    assert_team_privacy_headers(unknown)


def test_robots_txt_disallows_team_spaces(client, demo_site):
    robots = client.get("/robots.txt").content.decode()
    for prefix in ("/tiimi/", "/sv/tiimi/", "/en/tiimi/"):
        assert f"Disallow: {prefix}\n" in robots


def test_tokens_are_redacted_from_logs():
    record = logging.LogRecord(
        "django.request", logging.WARNING, "", 0, "Not Found: %s", ("/tiimi/abcDEF_-1/x/",), None
    )
    RedactTeamTokensFilter().filter(record)
    assert record.getMessage() == "Not Found: /tiimi/<tunnus>/x/"
    record = logging.LogRecord("x", logging.WARNING, "", 0, "GET /tiimi/aloita/ /tiimi/secret123", None, None)
    RedactTeamTokensFilter().filter(record)
    assert record.getMessage() == "GET /tiimi/aloita/ /tiimi/<tunnus>"
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        "",
        0,
        "Not Found: %s %s",
        ("/sv/tiimi/abc1/", "/en/tiimi/d_2/x"),
        None,
    )
    RedactTeamTokensFilter().filter(record)
    assert record.getMessage() == "Not Found: /sv/tiimi/<tunnus>/ /en/tiimi/<tunnus>/x"


def test_admin_shows_counts_only(admin_client, demo_site):
    from toolkit.workbook import services

    space, session = start_session("Salainen tiimi")
    question = services.workbook_get().questions[0]
    services.workbook_answer_save(
        session=session, question=question, text="Luottamuksellinen vastaus", base_version=0
    )
    response = admin_client.get(reverse("toolkit_team_statistics"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "1 työtila" in content and "1 vastaus" in content
    assert "Luottamuksellinen vastaus" not in content
    assert space.token not in content and "Salainen tiimi" not in content


@override_settings(TEAM_TOKEN_MISS_RATE="3/h")
def test_an_answer_save_or_poll_counts_only_unknown_links_as_guesses(client, demo_site):
    """The save and the answers' poll find the session and its space in one query (toolkit/workbook/views.py):
    an unknown link is a guess, a right link with a session number that does not exist is only a 404."""
    space, session = start_session()
    for number in (7, 8, 9, 10):
        assert client.get(f"/tiimi/{space.token}/tyokirja/{number}/vastaukset.json").status_code == 404
    assert client.get(session.get_absolute_url() + "vastaukset.json").status_code == 200  # not limited
    for i in range(3):
        assert client.post(f"/tiimi/{'g' * 42}{i}/tyokirja/1/vastaus/", {"key": "x"}).status_code == 404
    assert client.post(f"/tiimi/{'g' * 42}x/tyokirja/1/vastaus/", {"key": "x"}).status_code == 429
    assert client.get(session.get_absolute_url() + "vastaukset.json").status_code == 429


@pytest.mark.parametrize("token", ["\x00" * 43, "a" * 42 + "\x00", "a" * 42 + "é", "a" * 42 + "."])
def test_a_token_of_the_right_length_but_not_a_tokens_letters_is_a_plain_404(client, demo_site, token):
    """Only what secrets.token_urlsafe() writes is looked up (PostgreSQL errs on a NUL byte instead of finding
    nothing): the space page, the answer save and the poll each answer 404."""
    quoted = urllib.parse.quote(token)
    assert client.get(f"/tiimi/{quoted}/").status_code == 404
    assert client.post(f"/tiimi/{quoted}/tyokirja/1/vastaus/", {"key": "x"}).status_code == 404
    assert client.get(f"/tiimi/{quoted}/tyokirja/1/vastaukset.json").status_code == 404
    assert client.get(f"/tiimi/vastaa/{quoted}/").status_code == 404  # a respondent's link
