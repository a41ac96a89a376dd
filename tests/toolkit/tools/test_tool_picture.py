"""Issue 29: a tool's optional picture, its alt text in the page's language, the finder's cards, og:image."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail_localize.segments.extract import extract_segments

from tests import factories
from toolkit.models import ToolPage

pytestmark = pytest.mark.django_db


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def tool(demo_site):
    tool = ToolPage.objects.get(slug="tilannekuva")
    tool.image = factories.wagtail_factories.ImageFactory(description="Kuvapankin kuvaus")
    tool.image_alt = "Tiimi piirtää tilannekuvaa fläppitaululle."
    tool.save_revision().publish()
    return ToolPage.objects.get(pk=tool.pk)


def test_the_edit_form_has_the_picture_fields(admin_client, tool):
    html = admin_client.get(f"/admin/pages/{tool.pk}/edit/").content.decode()
    assert 'name="image"' in html and 'name="image_alt"' in html
    assert "Kuvan tekstivastine" in html


def test_the_tool_page_shows_the_picture_with_its_alt_text(client, tool):
    soup = _soup(client.get(tool.url))
    img = soup.select_one(".tool__picture picture img")
    assert img["alt"] == "Tiimi piirtää tilannekuvaa fläppitaululle."
    sources = soup.select(".tool__picture picture source")
    assert {s["type"] for s in sources} == {"image/webp"}


def test_alt_text_falls_back_to_the_image_description(client, tool):
    tool.image_alt = ""
    tool.save_revision().publish()
    img = _soup(client.get(tool.url)).select_one(".tool__picture img")
    assert img["alt"] == "Kuvapankin kuvaus"


def test_the_finder_card_shows_the_picture_with_its_alt_text(client, tool):
    soup = _soup(client.get("/tyokalut/", {"q": "", "time": ""}))
    imgs = soup.select(".tool-card__image img")
    assert [img["alt"] for img in imgs] == ["Tiimi piirtää tilannekuvaa fläppitaululle."]


def test_the_alt_text_is_translated_with_the_page(tool):
    # wagtail-localize translates the field with the tool: the Swedish page has its own alt text.
    segments = {s.path: s for s in extract_segments(tool) if s.path == "image_alt"}
    assert "Tiimi piirtää tilannekuvaa" in segments["image_alt"].render_text()


def test_alt_text_is_required_with_a_picture_without_description(tool):
    tool.image.description = ""
    tool.image.save()
    tool.image_alt = ""
    with pytest.raises(ValidationError) as error:
        tool.full_clean()
    assert "image_alt" in error.value.message_dict


def test_og_image_falls_back_to_the_picture(client, tool):
    meta = _soup(client.get(tool.url)).find("meta", property="og:image")
    assert meta is not None and "fill-1200x630" in meta["content"]
    tool.image = None
    tool.save_revision().publish()
    assert _soup(client.get(tool.url)).find("meta", property="og:image") is None
    share = factories.wagtail_factories.ImageFactory()
    tool.social_image = share
    tool.save_revision().publish()
    assert _soup(client.get(tool.url)).find("meta", property="og:image") is not None
