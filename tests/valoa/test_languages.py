"""Finnish at /, Swedish under /sv/, English under /en/: pages, the switcher, hreflang, cache headers, search,
team spaces and feedback across languages (docs/languages.md).

The test database holds the Finnish demo; `translated` (tests/conftest.py) builds its Swedish and English
versions with the demo's own loader (valoa/demo/translations.py: wagtail-localize from the PO catalogues), in
the test's transaction.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(translated_once, demo_site):
    """Every test here reads the translated demo: built once for the module (tests/conftest.py)."""
    return demo_site


TOOL = {"fi": "/tyokalut/check-in-ja-check-out/", "sv": "/sv/verktyg/incheckning-och-utcheckning/"}
TOOL["en"] = "/en/tools/check-in-and-check-out/"
TOOLS = {"fi": "/tyokalut/", "sv": "/sv/verktyg/", "en": "/en/tools/"}
HOMES = {"fi": "/", "sv": "/sv/", "en": "/en/"}


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switcher(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {code: href for href, code in re.findall(r'<a href="([^"]+)" lang="([a-z]+)"', nav)}


def test_each_language_has_its_pages_lang_and_reciprocal_hreflang(client, translated):
    for pages in (HOMES, TOOLS, TOOL):
        seen = []
        for code, url in pages.items():
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            assert html_lang(html) == code, url
            assert response["Content-Language"] == code
            links = alternates(html)
            # Every translation, itself included, and x-default: the Finnish page.
            assert set(links) == {"fi", "sv", "en", "x-default"}, url
            assert links[code].endswith(url)
            assert links["x-default"] == links["fi"]
            seen.append(links)
        assert seen[0] == seen[1] == seen[2], pages  # reciprocal: all three name the same set


def test_switcher_leads_to_the_translation_or_to_the_section_with_a_note(client, translated):
    html = client.get(TOOL["fi"]).content.decode()
    assert switcher(html) == TOOL  # the same page in every language
    assert switcher(client.get(TOOL["sv"]).content.decode()) == TOOL

    # A tool without a Swedish or English version: the switcher goes to the tools section, which says so.
    untranslated = Page.objects.get(url_path__endswith="/tyokalut/tilannekuva/", locale__language_code="fi")
    for translation in untranslated.get_translations():
        translation.delete()
    links = switcher(client.get("/tyokalut/tilannekuva/").content.decode())
    assert links["sv"] == "/sv/verktyg/?kaannos=puuttuu"
    assert links["en"] == "/en/tools/?kaannos=puuttuu"
    landing = client.get(links["sv"]).content.decode()
    assert html_lang(landing) == "sv" and 'class="notice notice--info translation-missing"' in landing
    assert "translation-missing" not in client.get("/sv/verktyg/").content.decode()


def test_swedish_pages_show_their_own_phases_themes_menu_and_footer(client, translated):
    html = client.get(TOOL["sv"]).content.decode()
    assert "Att stanna upp" in html and "Dialog och växelverkan" in html  # the Swedish phase and theme
    assert "Pysähtyminen" not in html
    menu = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    assert 'href="/sv/verktyg/"' in menu and 'href="/sv/kom-i-gang/"' in menu and 'href="/sv/"' in menu
    assert 'href="/tyokalut/"' not in menu
    # The Swedish tool finder lists the Swedish tool (its phases are the Swedish phases).
    finder = client.get("/sv/verktyg/", {"vaihe": "prova"}).content.decode()
    assert 'href="/sv/verktyg/incheckning-och-utcheckning/"' in finder


def test_a_translated_story_tells_how_its_tools_were_used_in_its_own_language(client, translated):
    # A story's tool links are translated with it (their note is text): no Finnish phrase in a Swedish page.
    html = client.get("/sv/inspireras/larostund-pa-fredagar/").content.decode()
    assert 'href="/sv/verktyg/forsokskort/"' in html and "för att planera försöket" in html
    assert "kokeilun suunnitteluun" not in html
    english = client.get("/en/get-inspired/learning-sessions-on-fridays/").content.decode()
    assert "to plan the experiment" in english and "kokeilun suunnitteluun" not in english
    assert "kokeilun suunnitteluun" in client.get("/innostu/oppimistuokio-perjantaisin/").content.decode()


def test_a_browser_language_never_changes_an_unprefixed_page_or_its_cache_key(client, translated):
    for url, code in (("/", "fi"), ("/sv/", "sv"), (TOOL["en"], "en")):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="sv,en;q=0.8", HTTP_COOKIE="django_language=en")
        assert html_lang(response.content.decode()) == code
        assert "Accept-Language" not in response.get("Vary", "")
        cache_control = response["Cache-Control"]
        assert "public" in cache_control and "s-maxage" in cache_control, url


def test_search_team_and_form_paths_are_private_in_every_language(client, translated):
    for prefix in ("", "/sv", "/en"):
        response = client.get(f"{prefix}/haku/", {"q": "tiimi"})
        assert response.status_code == 200
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        assert client.get(f"{prefix}/tiimi/aloita/")["Cache-Control"].startswith("max-age=0")
        assert "private" in client.get(f"{prefix}/palaute/lomake/palaute/")["Cache-Control"]


def count_queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_query_counts_do_not_depend_on_the_language_beyond_routing(client, translated):
    # Wagtail's serve view finds the home page's translation for a Swedish or English URL: one query more
    # than Finnish, and nothing else differs (docs/decisions/005-wagtail-serve-view.md).
    for pages in (HOMES, TOOLS, TOOL):
        counts = {code: count_queries(client, url) for code, url in pages.items()}
        assert counts["sv"] == counts["en"] == counts["fi"] + 1, counts


def test_sitemap_lists_every_language_with_alternates(client, translated):
    xml = client.get("/sitemap.xml").content.decode()
    for url in (*TOOL.values(), *HOMES.values()):
        assert f"{url}</loc>" in xml
    entry = re.search(r"<url><loc>[^<]*/sv/verktyg/incheckning-och-utcheckning/</loc>.*?</url>", xml, re.S)
    assert entry is not None
    langs = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry.group(0)))
    assert set(langs) == {"fi", "sv", "en", "x-default"}
    assert langs["fi"].endswith(TOOL["fi"]) and langs["x-default"] == langs["fi"]


@pytest.mark.postgres
def test_search_stems_in_each_language_and_keeps_to_it(client, translated):
    def results(prefix: str, query: str) -> str:
        html = client.get(f"{prefix}/haku/", {"q": query}).content.decode()
        found = re.search(r'<ol class="search-results".*?</ol>', html, re.S)
        return found.group(0) if found else ""

    # Swedish: "verktygen" (the tools) finds "Verktyg"; English: "meetings" finds "…meeting…".
    swedish = results("/sv", "verktygen")
    assert 'href="/sv/verktyg/"' in swedish and 'href="/tyokalut/"' not in swedish
    english = results("/en", "meetings")
    assert 'href="/en/tools/check-in-and-check-out/"' in english and "/sv/" not in english
    finnish = results("", "työkaluja")
    assert 'href="/tyokalut/"' in finnish and "/sv/" not in finnish and "/en/" not in finnish
    # Each language's stemming: the Finnish configuration would not make "verktygen" into "verktyg".
    assert results("", "verktygen") == ""


def test_a_team_space_is_the_same_space_in_every_language(client, translated):
    from wagtail_localize.models import TranslationSource

    from toolkit.models import WorkbookPage
    from toolkit.team.services import team_space_create
    from toolkit.workbook import services

    # The workbook in Swedish, its text falling back to the Finnish where untranslated: the keys are the same.
    workbook = WorkbookPage.objects.get(locale__language_code="fi")
    source, _created = TranslationSource.get_or_create_from_instance(workbook)
    source.create_or_update_translation(Locale.objects.get(language_code="sv"), fallback=True)
    swedish = WorkbookPage.objects.get(locale__language_code="sv")
    keys = [question.key for question in services.workbook_from_page(page=swedish).questions]
    assert keys == [question.key for question in services.workbook_from_page(page=workbook).questions]

    space = team_space_create(name="Tiimi Ruotsi")
    session = services.workbook_session_start(space=space)
    question = services.workbook_get().questions[0]
    services.workbook_answer_save(session=session, question=question, text="Yhteinen vastaus", base_version=0)

    finnish = client.get(f"/tiimi/{space.token}/tyokirja/1/").content.decode()
    in_swedish = client.get(f"/sv/tiimi/{space.token}/tyokirja/1/").content.decode()
    assert "Yhteinen vastaus" in finnish and "Yhteinen vastaus" in in_swedish
    assert html_lang(in_swedish) == "sv" and switcher(in_swedish)["fi"] == f"/tiimi/{space.token}/tyokirja/1/"
    # The Swedish page is the Swedish workbook's: its URL is under /sv/ and it is served in Swedish.
    assert alternates(in_swedish) == {}  # team pages are private: no hreflang naming the secret link


def test_an_experience_records_its_language_and_shows_on_every_translation_marked(client, translated):
    from feedback.models import Submission
    from tests.factories.feedback import SubmissionFactory
    from toolkit.models import ToolPage

    tool_sv = ToolPage.objects.get(locale__language_code="sv", slug="incheckning-och-utcheckning")
    SubmissionFactory(page=tool_sv, approved=True, text="Vi provade i vårt team.", language="sv")
    assert Submission.objects.get(text="Vi provade i vårt team.").language == "sv"
    swedish = client.get(TOOL["sv"]).content.decode()
    assert "<blockquote>Vi provade i vårt team.</blockquote>" in swedish  # its own language: not marked
    finnish = client.get(TOOL["fi"]).content.decode()
    assert '<blockquote lang="sv">Vi provade i vårt team.</blockquote>' in finnish
    assert "Kieli: ruotsi" in finnish


def test_a_form_sent_under_sv_records_swedish(client, translated, settings):
    from feedback.models import Submission

    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    form = client.get("/sv/palaute/lomake/palaute/").content.decode()
    assert html_lang(form) == "sv"
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    fields.update({"text": "Bra sida, tack!"})
    response = client.post("/sv/palaute/lomake/palaute/", fields)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Submission.objects.get(text="Bra sida, tack!").language == "sv"


def test_a_swedish_publish_purges_its_own_urls_and_its_translations(translated, settings):
    from valoa.caching.frontend_cache import page_targets, resolve

    settings.WAGTAILFRONTENDCACHE = {
        "v": {"BACKEND": "valoa.caching.frontend_cache.VarnishBackend", "LOCATION": "http://x"}
    }
    tool = Page.objects.get(url_path="/startsida/verktyg/incheckning-och-utcheckning/")
    urls, prefixes = resolve(page_targets(tool))
    paths = {url.split("//", 1)[1].split("/", 1)[1] for url in urls}
    assert {
        "sv/verktyg/incheckning-och-utcheckning/",
        "tyokalut/check-in-ja-check-out/",
        "sv/verktyg/",
    } <= paths
    assert "en/tools/check-in-and-check-out/" in paths
    # A Swedish section: the Swedish site (its menu), not the Finnish one at /.
    section = Page.objects.get(url_path="/startsida/verktyg/")
    urls, prefixes = resolve(page_targets(section))
    assert any(prefix.endswith("/sv/") for prefix in prefixes)
    assert all(prefix.rstrip("/").count("/") > 2 for prefix in prefixes)  # never the whole site


def test_the_experience_form_lists_the_pages_of_the_readers_language(client, translated):
    from feedback.forms import LISTED_PAGE_TYPES
    from toolkit.models import ToolPage

    for language, prefix in {"fi": "", "sv": "/sv", "en": "/en"}.items():
        html = client.get(f"{prefix}/palaute/lomake/kokemus/").content.decode()
        select = re.search(r'<select name="page".*?</select>', html, re.S).group(0)
        listed = {int(pk) for pk in re.findall(r'<option value="(\d+)"', select)}
        pages = Page.objects.live().public().type(*[apps_model(label) for label in LISTED_PAGE_TYPES])
        assert listed == set(pages.filter(locale__language_code=language).values_list("pk", flat=True))
    # The form still accepts a page of another language (a link from a page names that page).
    swedish_tool = ToolPage.objects.filter(locale__language_code="sv").first()
    html = client.get(f"/palaute/lomake/kokemus/?sivu={swedish_tool.pk}").content.decode()
    assert f'<input type="hidden" name="page" value="{swedish_tool.pk}"' in html


def apps_model(label: str):
    from django.apps import apps

    return apps.get_model(label)


@pytest.mark.parametrize("model_label", ["toolkit.ToolPage", "inspire.StoryPage"])
def test_the_admin_page_form_offers_the_phases_and_themes_of_the_pages_language(
    admin_client, translated, model_label
):
    from wagtail_localize.models import Translation

    from valoa.models import Phase, Theme

    model = apps_model(model_label)

    def checkboxes(html: str, name: str) -> set[int]:
        return {int(pk) for pk in re.findall(rf'<input type="checkbox" name="{name}" value="(\d+)"', html)}

    for language in ("fi", "sv", "en"):
        page = model.objects.filter(locale__language_code=language).first()
        rows = {
            "phases": set(Phase.objects.filter(locale=page.locale).values_list("pk", flat=True)),
            "themes": set(Theme.objects.filter(locale=page.locale).values_list("pk", flat=True)),
        }
        assert rows["phases"] and rows["themes"]
        # A synchronised translation opens in wagtail-localize's editor; stopped (its admin action), in the form.
        Translation.objects.filter(source__object_id=page.translation_key, target_locale=page.locale).update(
            enabled=False
        )
        edit = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert edit.status_code == 200
        html = edit.content.decode()
        assert {name: checkboxes(html, name) for name in rows} == rows, (model_label, language)
        # A new page takes its parent's language.
        parent = page.get_parent()
        add = admin_client.get(
            f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"
        ).content.decode()
        assert {name: checkboxes(add, name) for name in rows} == rows, (model_label, language, "add")
