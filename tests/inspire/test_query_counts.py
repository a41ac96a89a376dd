"""Innostu's pages cost the same number of SQL queries with 10 stories as with 500."""

import itertools

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from inspire.models import InspireIndexPage, Organisation, StoryKind, StoryPage
from tests import factories
from valoa.models import Phase, Theme

pytestmark = pytest.mark.django_db

KINDS = list(StoryKind)
# url: queries for an anonymous visitor (base template, navigation and footer included).
PINNED = {
    # Every page: the site, the active Locale, Wagtail's routing (2 queries a level), its view-restriction check
    # (2); the menu, footer and switcher come from the chrome cache. The index: its header and body (the intro's
    # page link, valoa/pages/rich_text.py), its filters' phases and themes (one UNION) and organisations, the count,
    # the page of story ids and the cards come from the site's fragments (valoa/pages/fragments.py), read only on
    # the first view after a publish (RENDERED_AFTER_PUBLISH).
    "/innostu/": 7,
    "/innostu/?kind=kokeilu&theme=dialogi": 7,
    "/innostu/?theme=psykologinen-turvallisuus&phase=kokeileminen&page=999": 7,  # the last page
    # A story: Wagtail's serving alone; the published story (its hero's renditions and its approved experiences
    # included), its phases and themes, tools and related stories' ids are fragments, read on the first view after
    # a publish or a moderator's change of a public experience.
    "/innostu/paripalaute-etatiimissa/": 9,
    "/innostu/asiakaspalvelutiimin-tilannekuva/": 9,
    "/innostu/palaveri-ei-ole-vain-tiedonjakoa/": 9,
    "/innostu/syote/rss/": 9,
    # The tool card: Wagtail's serving alone; the published card (its phases and themes, related tools and work
    # templates), the stories that used it and its approved experiences are fragments.
    "/tyokalut/kokeilukortti/": 9,
}
URLS = list(PINNED)


# The first view after a publish (tests.factories.site_published), beyond PINNED: the chrome (3) and the page's
# switcher (1), and where there are story cards (Innostu's pages, a story's related stories) the cards' stories (1)
# and their renditions (1), each one query whatever the number of cards; on Innostu its filters' rows (2), the count
# (1), the page of ids (1) and the intro's link (1); on a tool's card its phases and themes (1), its related tools'
# ids (1) and cards (1), its work templates (1), the stories that used it (1) and its experiences (1); on a story
# its phases and themes, tools and related stories' ids (3), its hero's renditions (1) and its experiences (1). The
# feed shows no chrome.
def rendered_after_publish(url: str) -> int:
    """What the first view after a publish reads beyond PINNED: Innostu's pages and a story 11, a tool page 10."""
    if "/syote/" in url:
        return 0
    return 10 if url.startswith("/tyokalut/") else 11


RENDERED_AFTER_PUBLISH = {url: rendered_after_publish(url) for url in URLS}


def add_stories(index: Page, n: int) -> None:
    """Add n live stories under `index` quickly: no revisions, two INSERTs per page, tree paths computed.

    Each page gets an organisation, a hero image, two themes and a phase, like real content.
    """
    index.refresh_from_db()
    last = index.get_last_child()
    start = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    organisations = itertools.cycle(Organisation.objects.all())
    images = itertools.cycle(get_image_model().objects.all())
    themes, phases = list(Theme.objects.all()), list(Phase.objects.all())
    now = timezone.now()
    for i in range(n):
        page = StoryPage(
            kind=KINDS[i % len(KINDS)],
            title=f"Lisätarina {start + i}",
            slug=f"lisatarina-{start + i}",
            path=Page._get_path(index.path, index.depth + 1, start + i),
            depth=index.depth + 1,
            numchild=0,
            url_path=f"{index.url_path}lisatarina-{start + i}/",
            locale_id=index.locale_id,
            content_type=ContentType.objects.get_for_model(StoryPage),
            live=True,
            first_published_at=now,
            last_published_at=now,
            intro="Lyhyt kuvaus tarinasta.",
            story_date=timezone.localdate(),
            organisation=next(organisations),
            hero_image=next(images),
        )
        page.save_base()  # skips Page.save(): no revision, no clean, no url_path recomputation
        StoryPage.themes.through.objects.bulk_create(
            [
                StoryPage.themes.through(storypage_id=page.pk, theme_id=t.pk)
                for t in (themes[i % len(themes)], themes[(i + 1) % len(themes)])
            ]
        )
        StoryPage.phases.through.objects.create(storypage_id=page.pk, phase_id=phases[i % len(phases)].pk)
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + n)


def count_queries(client, url: str, *, published: bool = False) -> int:
    client.get(url)  # warm per-process caches and generate renditions
    if published:
        factories.site_published()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.slow
def test_story_counts_do_not_grow_from_10_to_500(client, demo_site):
    index = InspireIndexPage.objects.get()
    live = StoryPage.objects.child_of(index).live().count()
    add_stories(index, 10 - live)
    assert StoryPage.objects.child_of(index).live().count() == 10
    with_10 = {url: count_queries(client, url) for url in URLS}
    rendered_10 = {url: count_queries(client, url, published=True) for url in URLS}

    add_stories(index, 490)
    assert StoryPage.objects.child_of(index).live().count() == 500
    assert {url: count_queries(client, url, published=True) for url in URLS} == rendered_10
    assert {url: count_queries(client, url) for url in URLS} == with_10
    # Pinned, so a change that adds queries is a deliberate one.
    assert with_10 == PINNED, repr(with_10)
    rendered = {url: n - PINNED[url] for url, n in rendered_10.items()}
    assert rendered == RENDERED_AFTER_PUBLISH, repr(rendered)
