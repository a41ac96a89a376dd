"""The listings' page-URL helper gives exactly what Page.get_url() (and so {% pageurl %}) gives."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from valoa.models import ContentPage
from valoa.page_queries import public_q
from valoa.page_urls import PageUrls, page_urls

pytestmark = pytest.mark.django_db


def _request():
    return RequestFactory().get("/", HTTP_HOST="localhost")


@pytest.fixture
def pages(demo_site):
    home = Site.objects.get(is_default_site=True).root_page
    ascii_page = home.add_child(instance=ContentPage(title="Tietoa palvelusta", slug="tietoa-palvelusta-x"))
    child = ascii_page.add_child(instance=ContentPage(title="Äänestys", slug="äänestys-ja-öljy"))
    # A page outside every site: under the tree root, beside the home page.
    outside = Page.get_first_root_node().add_child(
        instance=ContentPage(title="Irrallinen", slug="irrallinen")
    )
    return home, ascii_page, child, outside


def test_same_urls_as_get_url_for_ascii_non_ascii_home_and_outside_pages(pages):
    request = _request()
    urls = PageUrls(request)
    for page in pages:
        assert urls.url(page) == page.get_url(request=request), page.slug
    home, ascii_page, child, outside = pages
    assert urls.url(home) == "/"
    assert urls.url(ascii_page) == "/tietoa-palvelusta-x/"
    # Percent-encoded like reverse() does it.
    assert urls.url(child) == "/tietoa-palvelusta-x/%C3%A4%C3%A4nestys-ja-%C3%B6ljy/"
    assert urls.url(outside) is None


def test_without_a_request_and_without_append_slash(pages, monkeypatch):
    _home, ascii_page, child, _outside = pages
    assert PageUrls(None).url(child) == child.get_url()
    # Wagtail reads WAGTAIL_APPEND_SLASH once at import, so the setting is patched where it was read.
    monkeypatch.setattr("wagtail.models.pages.WAGTAIL_APPEND_SLASH", False)
    urls = PageUrls(_request())
    assert urls.url(ascii_page) == ascii_page.get_url() == "/tietoa-palvelusta-x"
    assert urls.url(pages[0]) == pages[0].get_url() == "/"


def test_several_sites_fall_back_to_wagtail(pages):
    _home, ascii_page, _child, outside = pages
    Site.objects.create(hostname="toinen.example", port=443, root_page=outside, site_name="Toinen")
    request = _request()
    urls = PageUrls(request)
    assert not urls.fast
    assert urls.url(ascii_page) == ascii_page.get_url(request=request)
    assert urls.url(outside) == outside.get_url(request=request) == "https://toinen.example/"


def test_one_resolver_per_request_and_the_template_tag(pages):
    _home, _ascii_page, child, _outside = pages
    request = _request()
    assert page_urls(request) is page_urls(request)
    html = Template("{% load page_url_tags %}<a href='{% page_url page %}'>").render(
        Context({"request": request, "page": child})
    )
    assert html == "<a href='/tietoa-palvelusta-x/%C3%A4%C3%A4nestys-ja-%C3%B6ljy/'>"


def test_public_q_matches_wagtails_public(pages):
    _home, ascii_page, child, _outside = pages
    sibling = ascii_page.get_parent().add_child(instance=ContentPage(title="Toinen", slug="toinen-x"))
    PageViewRestriction.objects.create(page=ascii_page, restriction_type="password", password="salainen")
    ours = set(Page.objects.filter(public_q()).values_list("pk", flat=True))
    assert ours == set(Page.objects.public().values_list("pk", flat=True))
    assert ascii_page.pk not in ours and child.pk not in ours
    assert sibling.pk in ours
