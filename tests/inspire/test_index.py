"""The Innostu index: newest first, combinable filters, result count, empty state, forgiving pagination."""

import re

import pytest
from bs4 import BeautifulSoup

from inspire.models import InspireIndexPage, Organisation, StoryKind, StoryPage
from tests import factories
from valoa.models import Theme
from valoa.pages.paginator import page_number

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".story-list .card__title a")]


def _count(response) -> int:
    text = BeautifulSoup(response.content, "html.parser").select_one(".story-count").get_text()
    return int(re.match(r"\d+", text).group())


def test_lists_every_live_story_newest_first(client, demo_site):
    response = client.get("/innostu/")
    assert response.status_code == 200
    stories = StoryPage.objects.live().values_list("title", "story_date")
    expected = [title for title, _date in sorted(stories, key=lambda s: s[1], reverse=True)]
    assert _titles(response) == expected
    assert _count(response) == len(expected) >= 8


def test_filter_by_kind(client, demo_site):
    for kind in ("tapausesimerkki", "kokeilu", "oivallus"):
        response = client.get("/innostu/", {"kind": kind})
        expected = set(StoryPage.objects.live().filter(kind=kind).values_list("title", flat=True))
        assert expected and set(_titles(response)) == expected, kind


def test_filters_combine(client, demo_site):
    theme = Theme.objects.get(slug="psykologinen-turvallisuus")
    response = client.get("/innostu/", {"kind": "kokeilu", "theme": theme.slug, "phase": "kokeileminen"})
    expected = set(
        StoryPage.objects.live()
        .filter(kind=StoryKind.EXPERIMENT, themes=theme, phases__slug="kokeileminen")
        .values_list("title", flat=True)
    )
    assert expected and set(_titles(response)) == expected
    org = Organisation.objects.get(short_name="JYT")
    response = client.get("/innostu/", {"theme": "dialogi", "organisation": org.pk})
    expected = set(
        StoryPage.objects.live()
        .filter(themes__slug="dialogi", organisation=org)
        .values_list("title", flat=True)
    )
    assert len(expected) >= 2 and set(_titles(response)) == expected
    assert _count(response) == len(expected)
    # The chosen filters stay selected, so the URL can be shared and the form read back.
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#id_theme option[selected]")["value"] == "dialogi"
    assert soup.select_one("#id_organisation option[selected]")["value"] == str(org.pk)
    assert soup.find("a", string="Tyhjennä rajaukset")["href"] == "/innostu/"


def test_empty_result_has_a_clear_empty_state(client, demo_site):
    response = client.get("/innostu/", {"kind": "oivallus", "theme": "palaute", "phase": "pysahtyminen"})
    assert response.status_code == 200
    assert _titles(response) == []
    assert _count(response) == 0
    html = response.content.decode()
    assert "Valinnoillasi ei löytynyt yhtään tarinaa" in html
    assert 'href="/innostu/">näytä kaikki tarinat' in html


@pytest.mark.parametrize(
    "params",
    [
        {"theme": "ei-ole"},
        {"kind": "uutinen"},
        {"organisation": "abc"},
        {"organisation": "999999"},
        {"phase": "\x00"},
        {"theme": "x" * 5000},
    ],
)
def test_invalid_filters_are_ignored_and_explained(client, demo_site, params):
    response = client.get("/innostu/", params)
    assert response.status_code == 200
    all_titles = _titles(client.get("/innostu/"))
    assert _titles(response) == all_titles
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".error-summary")
    field = soup.select_one("[aria-invalid=true]")
    # Django's own wiring, the one id scheme of every public form: the input names its message.
    assert field["aria-describedby"] == f"{field['id']}_error"
    assert "Valintaa ei löytynyt" in soup.find(id=field["aria-describedby"]).get_text()


def test_only_organisations_with_published_stories_are_offered(client, demo_site):
    index = InspireIndexPage.objects.get()
    lonely = factories.OrganisationFactory(name="Virasto ilman tarinoita")
    drafted = factories.OrganisationFactory(name="Virasto, jolla on vain luonnos")
    draft = factories.InsightPageFactory(parent=index, organisation=drafted)
    draft.unpublish()
    soup = BeautifulSoup(client.get("/innostu/").content, "html.parser")
    offered = {o.get_text(strip=True) for o in soup.select("#id_organisation option") if o["value"]}
    assert lonely.name not in offered
    assert drafted.name not in offered
    assert "Järvikylän ympäristötiimi" in offered


def test_unpublished_and_private_stories_are_not_listed(client, demo_site):
    from wagtail.models import PageViewRestriction

    index = InspireIndexPage.objects.get()
    draft = factories.InsightPageFactory(parent=index, title="Luonnostarina")
    draft.unpublish()
    private = factories.CaseStudyPageFactory(parent=index, title="Salainen tarina")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="salasana")
    titles = _titles(client.get("/innostu/"))
    assert "Luonnostarina" not in titles and "Salainen tarina" not in titles


@pytest.fixture
def many_stories(demo_site, monkeypatch):
    # Four to a page makes the demo's nine stories three pages (4, 4, 1) without creating any.
    monkeypatch.setattr(InspireIndexPage, "stories_per_page", 4)
    return InspireIndexPage.objects.get()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("0", 1), ("-1", 1), ("abc", 1), ("", 1), ("999", 3), ("2", 2), ("3", 3), ("1.5", 1), ("9" * 5000, 1)],
)
def test_pagination_lands_on_the_nearest_valid_page(client, many_stories, raw, expected):
    response = client.get("/innostu/", {"page": raw})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    current = soup.select_one(".pagination [aria-current=page]").get_text()
    assert current.startswith(f"Sivu {expected} /"), current
    assert len(_titles(response)) == (4 if expected < 3 else 1)


def test_pages_do_not_overlap_and_keep_the_filters(client, many_stories):
    index = many_stories
    for i in range(3):
        factories.InsightPageFactory(parent=index, title=f"Lisäoivallus {i}")
    first = client.get("/innostu/", {"kind": "oivallus"})
    second = client.get("/innostu/", {"kind": "oivallus", "page": 2})
    assert len(_titles(first)) == 4
    assert _titles(second) and not set(_titles(first)) & set(_titles(second))
    soup = BeautifulSoup(first.content, "html.parser")
    assert soup.select_one(".pagination a[rel=next]")["href"] == "?kind=oivallus&page=2"


def test_page_number_helper():
    assert [page_number(raw, 5) for raw in (None, "", "0", "-3", "2", "5", "6", "x")] == [
        1,
        1,
        1,
        1,
        2,
        5,
        5,
        1,
    ]
    assert page_number("4", 1) == 1


def test_index_links_the_feeds_in_its_head(client, demo_site):
    soup = BeautifulSoup(client.get("/innostu/").content, "html.parser")
    links = {link["type"]: link["href"] for link in soup.head.select("link[rel=alternate]")}
    assert links == {
        "application/rss+xml": "/innostu/syote/rss/",
        "application/atom+xml": "/innostu/syote/atom/",
    }


def test_the_listing_kept_between_publishes_shows_the_next_publish_at_once(client, demo_site):
    """Innostu's filter choices, count and pages of ids are read once per publish (valoa.pages.fragments)."""
    index = InspireIndexPage.objects.get()
    before = _count(client.get("/innostu/"))
    assert _count(client.get("/innostu/", {"kind": "oivallus"})) >= 1
    agency = factories.OrganisationFactory(name="Uusi virasto")
    story = factories.InsightPageFactory(parent=index, title="Juuri julkaistu", organisation=agency)
    story.save_revision().publish()

    response = client.get("/innostu/")
    assert _count(response) == before + 1
    assert "Juuri julkaistu" in _titles(response)
    offered = {
        o.get_text(strip=True)
        for o in BeautifulSoup(response.content, "html.parser").select("#id_organisation option")
    }
    assert "Uusi virasto" in offered
    assert _titles(client.get("/innostu/", {"organisation": agency.pk})) == ["Juuri julkaistu"]

    story.unpublish()
    response = client.get("/innostu/")
    assert _count(response) == before and "Juuri julkaistu" not in _titles(response)
