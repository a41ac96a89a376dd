import io
import re

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/ei-ole/", "/tyokalut/ei-ole/", "/%00/", "/tiimi/abc/", "/dokumentit/999/x.pdf", "/" + "a" * 300 + "/"],
)
def test_unknown_urls_answer_a_finnish_404(client, demo_site, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Sivua ei löytynyt" in response.content.decode()


def test_500_page_is_finnish_and_standalone(demo_site, settings):
    from django.urls import path

    def broken(request):
        raise RuntimeError("rikki")

    import valoa.urls

    settings.ROOT_URLCONF = type(
        "urls",
        (),
        {
            "urlpatterns": [path("rikki/", broken), *valoa.urls.urlpatterns],
            "handler500": "valoa.views.server_error",
            "handler404": "valoa.views.page_not_found",
        },
    )
    response = Client(raise_request_exception=False).get("/rikki/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Palvelussa tapahtui virhe" in html and 'lang="fi"' in html


def test_search_finds_pages_and_escapes_the_query(client, demo_site):
    response = client.get("/haku/", {"q": "kokeilu"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "/tyokalut/kokeilukortti/" in html
    evil = client.get("/haku/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in evil
    assert "&lt;script&gt;" in evil


def test_a_query_with_many_matches_ranks_the_newest_and_says_so(client, demo_site, monkeypatch):
    from valoa.search import pages

    everything = client.get("/haku/", {"q": "tiimi"}).content.decode()
    found = int(re.search(r"(\d+) tulosta haulle", everything).group(1))
    assert found > 3 and "Tarkenna hakua" not in everything
    monkeypatch.setattr(pages, "RANKED_MAX", 3)
    limited = client.get("/haku/", {"q": "tiimi"}).content.decode()
    assert "3 tulosta haulle" in limited
    assert "Haulla löytyi enemmän sivuja kuin 3, ja näytämme niistä vain 3." in limited
    assert limited.count('<li>\n            <h3><a href="') == 3


@pytest.mark.parametrize("query", ["tiimi", "kokeilu", "palaute", "ei-mitään-tällaista"])
def test_the_matches_as_ids_are_the_matching_pages(demo_site, query):
    """valoa/search/pages.py searches a values_list queryset for the unranked matches' ids (no page objects):
    the same pages, in the same order, as searching the pages themselves."""
    from wagtail.models import Page

    pages = Page.objects.live().public().exclude(depth__lte=1)
    objects = [page.pk for page in pages.only("pk").search(query, order_by_relevance=False)[:50]]
    ids = list(pages.values_list("pk", flat=True).search(query, order_by_relevance=False)[:50])
    assert ids == objects
    assert all(isinstance(pk, int) for pk in ids)


@pytest.mark.parametrize(
    "params", [{"q": "x", "page": "abc"}, {"q": "x", "page": "99999"}, {"q": "\x00"}, {"q": "a" * 5000}, {}]
)
def test_search_never_fails_on_odd_input(client, demo_site, params):
    assert client.get("/haku/", params).status_code == 200


def test_search_is_noindex(client, demo_site):
    assert 'name="robots" content="noindex' in client.get("/haku/", {"q": "tiimi"}).content.decode()


@pytest.mark.postgres
def test_search_understands_finnish_inflection(client, demo_site):
    # "Työkaluja tiimipalavereihin" on the toolkit page: stemming finds it by the base forms.
    for query in ("työkalu", "tiimipalaveri", "palaverissa"):
        html = client.get("/haku/", {"q": query}).content.decode()
        assert "/tyokalut/" in html, query


def test_sitemap_and_robots(client, demo_site):
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert b"/tyokalut/kokeilukortti/" in sitemap.content
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Disallow: /tiimi/" in robots and "Sitemap: http" in robots
    assert "Disallow: /sv/tiimi/" in robots and "Disallow: /en/haku/" in robots


def test_canonical_and_open_graph(client, demo_site):
    html = client.get("/tyokalut/kokeilukortti/").content.decode()
    # The Site record carries the address `make run` serves (SITE_HOSTNAME/SITE_PORT's defaults).
    assert '<link rel="canonical" href="http://127.0.0.1:8000/tyokalut/kokeilukortti/">' in html
    assert '<meta property="og:title" content="Kokeilukortti">' in html
    assert '<meta property="og:locale" content="fi_FI">' in html


def test_canonical_og_url_and_sitemap_use_the_configured_address(client, demo_site, settings):
    settings.SITE_HOSTNAME, settings.SITE_PORT = "valoa.example.fi", 443
    call_command("load_demo_content", "--no-admin", stdout=io.StringIO())
    # Whatever host the request came in on, the page names its public address.
    html = client.get("/tyokalut/kokeilukortti/").content.decode()
    assert '<link rel="canonical" href="https://valoa.example.fi/tyokalut/kokeilukortti/">' in html
    assert '<meta property="og:url" content="https://valoa.example.fi/tyokalut/kokeilukortti/">' in html
    sitemap = client.get("/sitemap.xml").content.decode()
    locs = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert len(locs) >= 20
    assert all(loc.startswith("https://valoa.example.fi/") for loc in locs), locs[:3]
    assert "https://valoa.example.fi/tyokalut/kokeilukortti/" in locs
