"""Editors in the real Wagtail admin."""

import pytest
from django.contrib.auth.models import Group

from tests import factories
from toolkit.models import ToolIndexPage, ToolPage
from valoa.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, demo_site):
    editor = factories.UserFactory(username="toimittaja")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client


def test_editor_sees_the_page_tree(editor_client, demo_site):
    response = editor_client.get(f"/admin/pages/{demo_site.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for title in ("Aloita", "Työkalut", "Innostu", "Palaute", "Saavutettavuusseloste"):
        assert title in html


def test_editor_can_only_add_allowed_page_types(editor_client, demo_site):
    index = ToolIndexPage.objects.get()
    choices = editor_client.get(f"/admin/pages/{index.pk}/add_subpage/")
    # A single allowed type takes the editor straight to its form.
    assert choices.status_code == 302
    assert "/admin/pages/add/toolkit/toolpage/" in choices["Location"]
    assert editor_client.get(f"/admin/pages/add/toolkit/toolpage/{index.pk}/").status_code == 200
    # A tool cannot live under the home page, a story not under the toolkit, and there is one toolkit:
    # Wagtail refuses the form and sends the editor back to the dashboard.
    for url in (
        f"/admin/pages/add/toolkit/toolpage/{demo_site.pk}/",
        f"/admin/pages/add/inspire/storypage/{index.pk}/",
        f"/admin/pages/add/toolkit/toolindexpage/{demo_site.pk}/",
    ):
        refused = editor_client.get(url)
        assert refused.status_code in (302, 403), url
        assert refused.status_code == 403 or refused["Location"] == "/admin/"


def test_editor_opens_the_page_editor(editor_client):
    tool = ToolPage.objects.get(slug="kokeilukortti")
    response = editor_client.get(f"/admin/pages/{tool.pk}/edit/")
    assert response.status_code == 200
    assert "Kesto (min)" in response.content.decode()


def test_taxonomy_snippets_are_editable(admin_client, demo_site):
    assert admin_client.get("/admin/snippets/valoa/phase/").status_code == 200
    assert admin_client.get("/admin/snippets/valoa/theme/").status_code == 200
    assert HomePage.objects.count() == 1


def test_the_menu_checkbox_says_which_pages_the_menu_shows_and_per_language(editor_client, demo_site):
    # A section page under the home page, a tool deeper down (its own promote tab): the same help text.
    from html import unescape

    from valoa.models import ContentPage

    section = ContentPage.objects.child_of(demo_site).first()
    for page in (section, ToolPage.objects.get(slug="kokeilukortti")):
        html = unescape(editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
        assert "Valikossa näkyvät etusivun suorat alasivut" in html, page
        assert "suomenkielisen sivun valinta ei muuta ruotsin- eikä englanninkielistä valikkoa" in html
