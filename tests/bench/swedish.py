"""A Swedish page of each public page type (issue 14): the generator copies the pages the Finnish scenarios
measure into Swedish, and the Swedish scenarios measure them with the same targets.

The copies are made with Wagtail's own `Page.copy_for_translation` (the parents first, `copy_parents`) and
published: what a translator starts from in wagtail-localize, with the Finnish text. That is enough for the
bench, which measures the page types' code and queries in another language, not the Swedish words.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search import index

from tests.bench.scenarios import Scenario

LANGUAGE = "sv"


def finnish(queryset):
    """The Finnish pages of `queryset`: the Finnish scenarios choose among them, whatever else exists."""
    return queryset.filter(locale__language_code=settings.LANGUAGE_CODE)


def measured_pages() -> dict[str, Page]:
    """The Finnish page behind each public page type's scenario, by scenario name."""
    from inspire.models import InspireIndexPage, StoryPage
    from toolkit.models import ToolIndexPage, ToolPage
    from valoa.models import ContentPage, HomePage

    home = finnish(HomePage.objects).get()
    tools = finnish(ToolPage.objects.live()).order_by("path")
    stories = finnish(StoryPage.objects.live().filter(hero_image__isnull=False)).order_by("path")
    return {
        "Etusivu": home,
        "Sisältösivu": finnish(ContentPage.objects).get(url_path=f"{home.url_path}tietoa/"),
        "Aloita": Page.objects.get(url_path=f"{home.url_path}aloita/"),
        "Työkalut (hakemisto)": finnish(ToolIndexPage.objects).get(),
        "Työkalu": tools[tools.count() // 2],
        "Innostu (sivu 1)": finnish(InspireIndexPage.objects).get(),
        "Tarina": stories[stories.count() // 2],
    }


def translate(log) -> None:
    """Swedish copies of the measured pages (and their parents), published, parents first."""
    locale, _created = Locale.objects.get_or_create(language_code=LANGUAGE)
    for page in measured_pages().values():
        if not page.has_translation(locale):
            copy = page.copy_for_translation(locale, copy_parents=True)
            # A title of its own: the freshness check follows the Finnish title to the pages that show it,
            # and a Swedish copy is not one of them (nothing updates it when the Finnish page is renamed).
            title = f"På svenska: {page.slug}"
            Page.objects.filter(pk=copy.pk).update(title=title, draft_title=title)
    # Published as the generator publishes its pages: in bulk, without a revision or the editor's checks (the
    # generated stories' hero images have no alternative text, and the copies carry that over), then indexed.
    now = timezone.now()
    drafts = Page.objects.filter(locale=locale, live=False)
    count = drafts.update(
        live=True, has_unpublished_changes=False, first_published_at=now, last_published_at=now
    )
    for page in Page.objects.filter(locale=locale).specific():
        index.insert_or_update_object(page)
    log(f"  {LANGUAGE}: {count} sivua julkaistu")


def _swedish_url(name: str, suffix: str = "") -> str:
    page = measured_pages()[name].get_translation(Locale.objects.get(language_code=LANGUAGE))
    return page.get_url() + suffix


SCENARIOS = [
    Scenario(f"{name} ({LANGUAGE})", lambda ctx, name=name: _swedish_url(name))
    for name in (
        "Etusivu",
        "Sisältösivu",
        "Aloita",
        "Työkalut (hakemisto)",
        "Työkalu",
        "Innostu (sivu 1)",
        "Tarina",
    )
] + [Scenario(f"Haku ({LANGUAGE})", lambda ctx: f"/{LANGUAGE}/haku/?q=palaute", cacheable=False)]
