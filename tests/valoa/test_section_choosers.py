"""Issue 29: page choosers that open at the section of the edited page's language, not at the root."""

import json
import re

import pytest
from django.urls import reverse

from inspire.models import StoryPage
from toolkit.models import ToolIndexPage, ToolPage

pytestmark = pytest.mark.django_db


def chooser_urls(html: str, prefix: str) -> set[str]:
    return set(re.findall(rf'id="id_{prefix}-[^"]*-tool-chooser"[^>]*data-chooser-url="([^"]+)"', html))


def test_the_related_tool_chooser_opens_at_the_toolkit_of_the_page_language(admin_client, demo_site):
    tool = ToolPage.objects.get(slug="tilannekuva")
    index = ToolIndexPage.objects.get(locale=tool.locale)
    html = admin_client.get(f"/admin/pages/{tool.pk}/edit/").content.decode()
    urls = chooser_urls(html, "related_tools")
    assert 'id="id_related_tools-__prefix__-tool-chooser"' in html
    start = reverse("valoa_choose_page_from", args=[index.pk])
    # The empty form (Wagtail's "add" button) and any rows: all at the toolkit.
    assert urls == {start}

    response = admin_client.get(start, {"page_type": "toolkit.toolpage"}, follow=True)
    assert response.redirect_chain[0][0].startswith(
        reverse("wagtailadmin_choose_page_child", args=[index.pk])
    )
    listing = json.loads(response.content)["html"]
    assert "Kokeilukortti" in listing and "Tilannekuva" in listing


def test_a_chosen_page_reopens_at_its_parent(admin_client, demo_site):
    index = ToolIndexPage.objects.get()
    response = admin_client.get(reverse("valoa_choose_page_from", args=[index.pk, index.get_parent().pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_choose_page_child", args=[index.get_parent().pk])


def test_a_new_tool_and_a_story_choose_tools_in_the_toolkit(admin_client, demo_site):
    index = ToolIndexPage.objects.get()
    start = reverse("valoa_choose_page_from", args=[index.pk])
    html = admin_client.get(f"/admin/pages/add/toolkit/toolpage/{index.pk}/").content.decode()
    assert chooser_urls(html, "related_tools") == {start}
    story = StoryPage.objects.filter(locale=index.locale).first()
    html = admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert chooser_urls(html, "story_tool_links") == {start}


def test_the_chooser_paths_are_for_the_admin_only(client, demo_site):
    index = ToolIndexPage.objects.get()
    response = client.get(reverse("valoa_choose_page_from", args=[index.pk]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.slow
def test_in_swedish_the_chooser_opens_at_the_swedish_toolkit_and_the_picture_speaks_swedish(
    admin_user, client, translated
):
    from bs4 import BeautifulSoup
    from wagtail.models import Locale

    from tests import factories

    sv = Locale.objects.get(language_code="sv")
    tool = ToolPage.objects.get(slug="tilannekuva")
    sv_tool = tool.get_translation(sv)
    sv_index = ToolIndexPage.objects.get(locale=sv)
    # A synchronised translation is edited in wagtail-localize's editor (its links come from the source); the
    # page's own form, as for a Swedish page written in Swedish, starts its choosers in the Swedish toolkit.
    form_class = ToolPage.get_edit_handler().get_form_class()
    form = form_class(instance=sv_tool, parent_page=sv_index, for_user=admin_user)
    widget = form.formsets["related_tools"].empty_form.fields["tool"].widget
    assert widget.get_chooser_modal_url() == reverse("valoa_choose_page_from", args=[sv_index.pk])

    image = factories.wagtail_factories.ImageFactory(description="Kuvapankin kuvaus")
    for page, alt in ((tool, "Tiimi piirtää tilannekuvaa."), (sv_tool, "Teamet ritar en lägesbild.")):
        page.image, page.image_alt = image, alt
        page.save_revision().publish()
    for page, index, alt in (
        (tool, ToolIndexPage.objects.get(locale=tool.locale), "Tiimi piirtää tilannekuvaa."),
        (sv_tool, sv_index, "Teamet ritar en lägesbild."),
    ):
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        assert soup.select_one(".tool__picture img")["alt"] == alt
        soup = BeautifulSoup(client.get(index.url).content, "html.parser")
        assert alt in [img["alt"] for img in soup.select(".tool-card__image img")]
