"""A Swedish or English page is in its language, or marks the rest with `lang` (issue 24): the whole sv and en
demo, crawled with the test client, has no Finnish text outside an element with `lang="fi"`; the probes are
the Finnish catalogue's msgids and the Finnish demo's page titles and story alt texts. Story images' alt text
and the tools' work templates (PDF) are each language's own."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import polib
import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@pytest.fixture
def translated(translated_once, demo_site):
    return demo_site


class TextInLanguage(HTMLParser):
    """The page's visible text and alt/aria-label/title texts, each with the `lang` it is read in."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = [("", language)]
        self.parts: list[tuple[str, str]] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang") or self.stack[-1][1]
        for name in ("alt", "aria-label", "title"):
            if attrs.get(name):
                self.parts.append((lang, attrs[name]))
        if tag in ("script", "style", "template"):
            self.skip += 1
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.skip = max(0, self.skip - 1)
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.parts.append((self.stack[-1][1], data))


def unmarked_text(html: str, language: str) -> str:
    parser = TextInLanguage(language)
    parser.feed(html)
    return " ".join(re.sub(r"\s+", " ", text) for lang, text in parser.parts if lang == language)


def catalogue_probes() -> set[str]:
    """Finnish msgids (longer than 12 characters, placeholders cut out) whose translations differ from them."""
    probes = set()
    for language in ("sv", "en"):
        po = polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))
        for entry in po:
            if not entry.msgstr or entry.msgstr == entry.msgid:
                continue
            for piece in re.split(r"%\(\w+\)s|%\w|<[^>]+>|\{[^}]*\}", entry.msgid):
                piece = piece.strip(" .,:;–-")
                if len(piece) > 12 and piece not in entry.msgstr:
                    probes.add(piece)
    return probes


def demo_probes() -> set[str]:
    from wagtail.models import Page

    from inspire.models import StoryPage

    titles = set(
        Page.objects.live().filter(locale__language_code="fi", depth__gt=1).values_list("title", flat=True)
    )
    alts = set(StoryPage.objects.filter(locale__language_code="fi").values_list("hero_image_alt", flat=True))
    return {text for text in titles | alts if len(text) > 12}


def test_swedish_and_english_pages_have_no_finnish_text_without_lang(translated):
    from wagtail.models import Page

    probes = catalogue_probes() | demo_probes()
    client = Client()
    found = {}
    for language in ("sv", "en"):
        pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1).specific()
        assert len(pages) > 30
        for page in pages:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            text = unmarked_text(response.content.decode(), language)
            finnish = sorted(probe for probe in probes if probe in text)
            if finnish:
                found[page.url] = finnish
    assert found == {}, "Finnish text outside an element with lang=fi"


def test_story_image_alt_text_is_the_pages_language(translated):
    from inspire.models import StoryPage

    for language in ("fi", "sv", "en"):
        stories = StoryPage.objects.live().filter(locale__language_code=language)
        assert stories.count() == 9
        for story in stories:
            assert story.hero_image_alt
            html = Client().get(story.url).content.decode()
            assert f'alt="{story.hero_image_alt}"' in html
            if language != "fi":
                assert story.hero_image_alt.startswith("Illustration:")


@pytest.mark.parametrize(
    ("language", "prefix", "label"),
    [("sv", "arbetsmall-", "Arbetsmall: "), ("en", "worksheet-", "Worksheet: ")],
)
def test_translated_tool_links_its_own_languages_worksheet(translated, language, prefix, label):
    from toolkit.models import ToolPage

    tools = ToolPage.objects.live().filter(locale__language_code=language)
    assert tools.count() == 13
    for tool in tools:
        (template,) = tool.work_templates.select_related("document")
        assert template.language == language
        assert template.document.file.name.rsplit("/", 1)[-1].startswith(prefix)
        assert template.label == f"{label}{tool.title}"
        html = Client().get(tool.url).content.decode()
        assert f">{template.label}</a>" in html
        assert template.document.url in html and "hreflang" not in html.split(template.document.url)[1][:40]


def test_a_worksheet_left_in_finnish_says_so_and_carries_its_language(translated):
    from toolkit.models import ToolPage

    tool = ToolPage.objects.live().filter(locale__language_code="sv").first()
    finnish = ToolPage.objects.get(translation_key=tool.translation_key, locale__language_code="fi")
    template = tool.work_templates.get()
    template.document = finnish.work_templates.get().document
    template.language = "fi"
    template.save()
    html = Client().get(tool.url).content.decode()
    link = re.search(
        r'<a href="[^"]+" download hreflang="fi" lang="fi">Työpohja: [^<]+</a>[^<]*<span class="meta">[^<]*',
        html,
    )
    assert link is not None
    assert "språk: finska" in link.group(0).lower()


def test_accessibility_supervisors_site_in_the_readers_language(translated):
    from valoa.models import ContactSettings

    page = ContactSettings.load().accessibility_page if hasattr(ContactSettings, "load") else None
    urls = {
        "fi": "https://www.saavutettavuusvaatimukset.fi/",
        "sv": "https://www.saavutettavuusvaatimukset.fi/sv/",
        "en": "https://www.saavutettavuusvaatimukset.fi/en/",
    }
    from django.template.loader import render_to_string
    from django.utils import translation

    for language, url in urls.items():
        with translation.override(language):
            html = render_to_string("valoa/includes/accessibility_facts.html", {"contact": page})
        assert f'href="{url}"' in html
