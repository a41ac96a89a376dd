"""A story: lead, background, sections, experiment facts, tools used (and back), related stories, hero image."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError

from inspire.blocks import StorySectionBlock
from inspire.models import ExperimentStatus, InspireIndexPage, StoryPage
from tests import factories
from tests.factories.inspire import StoryToolLinkFactory
from tests.factories.toolkit import ToolPageRelatedToolFactory
from toolkit.models import ToolPage

pytestmark = pytest.mark.django_db


def _soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_a_case_study_shows_its_background_and_headed_sections(client, demo_site):
    soup = _soup(client, "/innostu/asiakaspalvelutiimin-tilannekuva/")
    assert soup.select_one(".card__kind").get_text(strip=True) == "Tapausesimerkki"
    assert soup.h1.get_text(strip=True) == "Asiakaspalvelutiimi teki tilannekuvan ja löysi yhteisen suunnan"
    assert "Kiireinen neuvontatiimi" in soup.select_one(".lead").get_text()
    meta = soup.select_one(".page-header .meta").get_text(" ", strip=True)
    assert "Rannikkokaupungin lupa- ja neuvontatiimi" in meta and "Syksy 2026" in meta and "15.9.2026" in meta
    headings = [h.get_text(strip=True) for h in soup.select(".story-section h2")]
    assert headings == ["Haaste", "Mitä teimme", "Tulokset", "Opit"]
    taxonomy = soup.select_one(".story-taxonomy").get_text(" ", strip=True)
    assert "Pysähtyminen" in taxonomy and "Dialogi ja vuorovaikutus" in taxonomy


def test_an_experiment_shows_hypothesis_duration_status_and_learning(client, demo_site):
    soup = _soup(client, "/innostu/oppimistuokio-perjantaisin/")
    facts = soup.select_one(".experiment-facts").get_text(" ", strip=True)
    assert "Vakiintunut käytännöksi" in facts
    assert "8 viikkoa" in facts
    assert "Jos jokainen opettaa" in facts
    assert "Lyhyt ja säännöllinen tuokio toimi" in soup.select_one(".experiment-learned").get_text()


def test_experiment_statuses_are_the_five_of_the_design():
    assert [value for value, _label in ExperimentStatus.choices] == [
        "planned",
        "running",
        "ended",
        "adopted",
        "stopped",
    ]


def test_tools_used_link_to_tool_pages_and_back(client, demo_site):
    soup = _soup(client, "/innostu/oppimistuokio-perjantaisin/")
    links = [(a.get_text(strip=True), a["href"]) for a in soup.select(".story-tools a")]
    assert links[0] == ("Oppimispalaveri", "/tyokalut/oppimispalaveri/")
    assert ("Kokeilukortti", "/tyokalut/kokeilukortti/") in links

    tool = _soup(client, "/tyokalut/kokeilukortti/")
    back = {a["href"] for a in tool.select(".tool-stories a")}
    assert "/innostu/oppimistuokio-perjantaisin/" in back
    assert "/innostu/paripalaute-etatiimissa/" in back


def test_a_tool_page_never_links_to_draft_stories(client, demo_site):
    tool = ToolPage.objects.get(slug="miksi-nyt")
    draft = factories.InsightPageFactory(parent=InspireIndexPage.objects.get(), title="Luonnos työkalusta")
    StoryToolLinkFactory(page=draft, tool=tool)
    draft.unpublish()
    assert "Luonnos työkalusta" not in client.get(tool.url).content.decode()


def test_related_stories_share_a_theme(client, demo_site):
    page = StoryPage.objects.get(slug="hankintatiimin-yhteiset-pelisaannot")
    themes = set(page.themes.values_list("pk", flat=True))
    soup = _soup(client, page.url)
    related = [a["href"] for a in soup.select(".related-stories .card__title a")]
    assert 1 <= len(related) <= 3
    assert page.url not in related
    for url in related:
        other = StoryPage.objects.get(url_path__endswith=url.removeprefix("/innostu/").rstrip("/") + "/")
        assert themes & set(other.themes.values_list("pk", flat=True)), url


def test_hero_image_is_a_responsive_picture_with_webp_and_jpeg(client, demo_site):
    page = StoryPage.objects.get(slug="palaveri-ei-ole-vain-tiedonjakoa")
    soup = _soup(client, page.url)
    picture = soup.select_one(".story__hero picture")
    source = picture.find("source")
    assert source["type"] == "image/webp"
    webp = [item.split()[0] for item in source["srcset"].split(",")]
    assert len(webp) >= 2 and all(url.endswith(".webp") for url in webp)
    img = picture.find("img")
    assert img["src"].endswith(".jpg")
    assert all(item.split()[0].endswith(".jpg") for item in img["srcset"].split(","))
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    assert img["sizes"]
    assert img["alt"] == page.hero_image.description
    assert "puhekupla" in img["alt"]


def test_story_cards_use_responsive_images_too(client, demo_site):
    soup = _soup(client, "/innostu/")
    for card in soup.select(".story-card"):
        picture = card.find("picture")
        assert picture.find("source", type="image/webp")
        img = picture.find("img")
        assert img["width"] == "400" and img["height"] == "225"
        assert img["alt"] == ""  # the card's title says it all; the image is decoration there


def test_hero_alt_text_is_required_with_a_hero_image(demo_site):
    image = factories.wagtail_factories.ImageFactory(description="")
    page = StoryPage(kind="oivallus", title="Kuvallinen", slug="kuvallinen", hero_image=image)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "hero_image_alt" in error.value.message_dict
    page.hero_image_alt = "Kuvitus: sininen ympyrä."
    page.clean()
    assert page.hero_alt == "Kuvitus: sininen ympyrä."


def test_section_block_needs_a_heading_for_other_sections():
    block = StorySectionBlock()
    content = [{"type": "paragraph", "value": "<p>Teksti.</p>"}]
    value = block.to_python({"kind": "other", "custom_heading": "", "content": content})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "custom_heading" in error.value.block_errors
    value = block.to_python({"kind": "other", "custom_heading": "Jatko", "content": content})
    assert block.clean(value).heading_text() == "Jatko"
    assert block.to_python({"kind": "lessons", "custom_heading": "", "content": []}).heading_text() == "Opit"


def test_section_block_preview_renders():
    block = StorySectionBlock()
    html = block.render(block.to_python(block.meta.preview_value))
    assert "<h2" in html and "Mitä teimme" in html


def test_story_body_accepts_the_shared_blocks(demo_site):
    page = StoryPage.objects.get(slug="palaveri-ei-ole-vain-tiedonjakoa")
    assert isinstance(page.body, StreamValue)
    assert {block.block_type for block in page.body} == {"paragraph"}


def test_a_tool_page_kept_between_publishes_shows_the_next_publish_at_once(client, demo_site):
    """The tool's phases, related tools and stories are read once per publish (valoa.pages.fragments): each
    publish, unpublish or snippet edit is on the next view."""
    tool = ToolPage.objects.get(slug="kokeilukortti")
    related = ToolPage.objects.get(slug="oppimispalaveri")
    ToolPageRelatedToolFactory(page=tool, tool=related)
    tool.save_revision().publish()
    soup = _soup(client, tool.url)
    assert related.url in {a["href"] for a in soup.select(".tool__related a")}
    assert "Uusi tarina kokeilukortista" not in soup.get_text()

    story = factories.InsightPageFactory(
        parent=InspireIndexPage.objects.get(), title="Uusi tarina kokeilukortista"
    )
    StoryToolLinkFactory(page=story, tool=tool)
    story.save_revision().publish()
    assert "Uusi tarina kokeilukortista" in _soup(client, tool.url).select_one(".tool-stories").get_text()

    related.unpublish()
    soup = _soup(client, tool.url)
    assert related.url not in {a["href"] for a in soup.select(".tool__related a")}
    phase = tool.phases.first()
    phase.name = "Uudelleen nimetty vaihe"
    phase.save()
    assert (
        "Uudelleen nimetty vaihe".lower()
        in _soup(client, tool.url).select_one(".tool__facts").get_text().lower()
    )
    tool.refresh_from_db()
    tool.intro = "Uusi johdanto kortille."
    tool.save_revision().publish()
    assert _soup(client, tool.url).select_one(".lead").get_text() == "Uusi johdanto kortille."


def test_a_story_kept_between_publishes_shows_the_next_publish_at_once(client, demo_site):
    """A story's tools, phases and themes and related stories are read once per publish (valoa.pages.fragments)."""
    url = "/innostu/oppimistuokio-perjantaisin/"
    assert "/tyokalut/kokeilukortti/" in {a["href"] for a in _soup(client, url).select(".story-tools a")}
    ToolPage.objects.get(slug="kokeilukortti").unpublish()
    assert "/tyokalut/kokeilukortti/" not in {a["href"] for a in _soup(client, url).select(".story-tools a")}

    story = StoryPage.objects.get(url_path__endswith="/oppimistuokio-perjantaisin/")
    theme = story.themes.first()
    theme.name = "Uusi teeman nimi"
    theme.save()
    assert "Uusi teeman nimi" in _soup(client, url).select_one(".story-taxonomy").get_text()

    # The published story itself is kept (fragment_tags' {% kept %}): an editor's next publish is on the next view,
    # and a draft is not.
    story.intro = "Juuri julkaistu johdanto."
    story.save_revision().publish()
    assert _soup(client, url).select_one(".lead").get_text() == "Juuri julkaistu johdanto."
    story.intro = "Luonnoksen johdanto."
    story.save_revision()
    assert _soup(client, url).select_one(".lead").get_text() == "Juuri julkaistu johdanto."
