"""Queries per page type stay the same when the benchmark's generator adds ten times more content.

The generator itself is exercised too: its bulk-built pages form a valid Wagtail tree and are served.
"""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.bench.context import BenchContext
from tests.bench.scenarios import all_scenarios, app_modules
from tests.factories import site_published
from tests.factories.team import team_pages_changed

pytestmark = pytest.mark.django_db

# Scenario name → pinned queries for an anonymous visitor, front cache bypassed. The benchmark prints these too.
# Every Wagtail page: the site, the active Locale (Wagtail's serve view), Wagtail's routing (2 queries a tree level
# below the home page, 1 for it) and its view-restriction check (2). A page view with the site chrome (menu,
# footer, the page's language switcher) in the cache, as nearly every view is (valoa/pages/chrome.py): the first
# view of a language after a publish pays 3 more (the menu, the footer settings and pages), each page's first
# view after a publish 1 more (its switcher's translations), and a view outside Wagtail's serve view 1 more (the
# site lookup); tests/valoa/test_site_chrome.py pins that. The tools recommended per phase and the story and
# tool cards come from the site's fragments the same way (valoa/pages/fragments.py): RENDERED_AFTER_PUBLISH
# below is what rendering them adds on a page's first view after a publish.
PINNED = {
    "Etusivu": 6,
    "Sisältösivu": 7,  # not a statement page: no contact settings (valoa_tags.statement_settings)
    "Haku": 3,  # the results link with `Page.url` (the cached site root paths): no site lookup of their own
    "Aloita": 8,  # + its children
    "Työkalut (hakemisto)": 7,  # the finder's facets, count and page of tool ids: fragments (valoa/pages)
    "Työkalu": 9,  # Wagtail's serving; the card, its stories and experiences come from the fragments
    "Työkalun ohjaus": 9,  # routing as for the tool (its steps are a field of the page); no menu, footer or card extras
    "Innostu (sivu 1)": 7,  # the intro (its link), filter choices, the count, a page of story ids: fragments
    "Tarina": 9,  # Wagtail's serving; the story, its experiences, tools and related come from the fragments
    "Työkirja (sivu)": 9,
    "Arviointityökalu": 11,  # the team assessment page: scale and levels, phase bands
    # A team's results: space, round, page and levels, bands, the space's rounds, one GROUP BY, tools;
    # one query more when a weakest statement has no tools of its own (its theme's tools): it depends on
    # the round's ratings, so the generator's ratings are the same whatever the database's sequences,
    # and the scenario picks the same round at both volumes. The tools' links come from `Page.url` (no site lookup).
    "Arvioinnin tulokset (tiimi)": 8,
    "Arvioinnin esitys (tiimi)": 7,  # as the results, without the site menu, footer, experience form and tools
    # the space, its sessions, its rounds with response counts (one query), its plans, its open experiments;
    # touched hourly. The generated space has a completed round: the phase it placed the team in costs 2 more
    # (its assessment's phase bands with their page and phase, one GROUP BY of its ratings; issue 26), fixed
    # whatever the number of rounds (tests/toolkit/assessment/test_trend.py); a space without one stays at 5.
    "Tiimin työtila": 7,
    "Palaute": 7,
    "Palautelomake (kokemus)": 8,  # the page the reader came from is named (no list of every page)
}


# The first view after a publish (tests.factories.site_published), beyond the pins above: the chrome (3) and the
# page's switcher (1) on a Wagtail page, the site lookup (1) and the chrome on another view, and what each fragment
# reads to be rendered: recommended tools (1; Aloita 2, its phases), the finder's facets, count and page of ids (3)
# and its cards' tools and phases (2; their pictures' renditions 1 more when a listed tool has one), the story
# cards' stories and renditions (2: Innostu, a story's related stories), Innostu's filter rows, count, page of ids
# and intro's link (5), a tool's phases and themes, related tools' ids and cards, work templates, the stories that
# used it and its experiences (6), a story's phases and themes, tools and related stories' ids (3), its hero's
# renditions (1) and its experiences (1). A team page is rendered after its space's change in both measurements; the
# tool's facilitation screen shows no chrome.
RENDERED_AFTER_PUBLISH = {
    "Etusivu": 5,
    "Sisältösivu": 4,
    "Haku": 4,
    "Aloita": 6,
    "Työkalut (hakemisto)": 9,
    "Työkalu": 10,
    "Työkalun ohjaus": 0,
    "Työkirja (sivu)": 4,
    "Arviointityökalu": 4,
    "Tiimin työtila": 4,
    "Arvioinnin tulokset (tiimi)": 4,
    "Arvioinnin esitys (tiimi)": 4,
    "Innostu (sivu 1)": 11,
    "Tarina": 11,
    "Palaute": 4,
    "Palautelomake (kokemus)": 3,
}


def generate(scale, seed):
    from valoa.models import HomePage, Phase, Theme

    ctx = BenchContext(
        home=HomePage.objects.get(),
        phases=list(Phase.objects.all()),
        themes=list(Theme.objects.all()),
        rng=random.Random(seed),
        log=lambda msg: None,
    )
    for module in app_modules():
        if hasattr(module, "generate"):
            module.generate(ctx, scale)


def count_queries(client, url, *, published=False):
    client.get(url)  # warm per-process caches (content types, site root paths, renditions)
    # A team page as rendered after a change: until the next one it comes from the cache at one query
    # (tests/toolkit/team/test_page_cache.py).
    team_pages_changed()
    if published:
        site_published()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def measure(client, *, published=False):
    return {
        s.name: count_queries(client, s.url(None), published=published)
        for s in all_scenarios()
        if s.name in PINNED
    }


def test_generated_content_is_a_valid_tree_and_is_served(client, demo_site):
    from inspire.models import StoryPage
    from toolkit.models import ToolPage

    tools, stories = ToolPage.objects.count(), StoryPage.objects.count()
    generate(0.01, seed=1)
    assert ToolPage.objects.count() == tools + 3
    assert StoryPage.objects.count() > stories
    assert all(not problems for problems in Page.find_problems())
    tool = ToolPage.objects.order_by("-pk").first()
    assert tool.live and tool.phases.exists()
    assert client.get(tool.url).status_code == 200
    assert tool.title in client.get(tool.url).content.decode()
    assert tool.title in client.get("/tyokalut/", {"q": tool.title}).content.decode()


def test_queries_per_page_type_are_pinned_and_do_not_grow_with_content(client, demo_site):
    generate(0.002, seed=1)
    small = measure(client)
    assert small == PINNED, repr(small)
    small_rendered = measure(client, published=True)
    delta = {name: n - PINNED[name] for name, n in small_rendered.items()}
    assert delta == RENDERED_AFTER_PUBLISH, repr(delta)
    generate(0.02, seed=2)
    assert measure(client, published=True) == small_rendered
    assert measure(client) == small
