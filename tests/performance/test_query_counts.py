"""Queries per page type stay the same when the benchmark's generator adds ten times more content.

The generator itself is exercised too: its bulk-built pages form a valid Wagtail tree and are served.
"""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from valoa.bench.context import BenchContext
from valoa.bench.scenarios import all_scenarios, app_modules

pytestmark = pytest.mark.django_db

# Scenario name → pinned queries for an anonymous visitor, page cache off. The benchmark prints these too.
# Every page: the route in two queries (the chain of pages by url_path, the specific page), view
# restrictions in one, then the site, menu and footer settings (3; with Redis the per-process chrome cache
# answers those three, so production pages run three fewer).
PINNED = {
    "Etusivu": 8,  # + recommended tools per phase (1: the phases the page lists are reused)
    "Sisältösivu": 6,
    "Haku": 6,
    "Aloita": 9,  # + recommended tools per phase (2)
    "Työkalut (hakemisto)": 10,  # the finder: phases and themes (1), a page of tool ids with the total, the tools (2), their phases
    "Työkalu": 11,  # the tool's labels (1), related tools (1), work templates, stories that used it, experiences
    "Innostu (sivu 1)": 12,  # filter choices (1), a page of story ids with the total, then those stories (2), images
    # The hero picture's renditions come with the cards' ones: the same in production and in the tests.
    "Tarina": 14,
    "Työkirja (sivu)": 6,
    "Arviointityökalu": 8,  # the team assessment page: scale and levels, phase bands
    # A team's results: space, round, page and levels, bands, the space's rounds, one GROUP BY, tools;
    # one query more when a weakest statement has no tools of its own (its theme's tools): it depends on
    # the round's ratings, so the generator's ratings are the same whatever the database's sequences,
    # and the scenario picks the same round at both volumes.
    "Arvioinnin tulokset (tiimi)": 11,
    "Tiimin työtila": 7,  # the space, its sessions, its rounds with response counts (one query), a touch
    "Palaute": 6,
    "Palautelomake (kokemus)": 10,  # the page the reader came from is named (no list of every page)
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


def count_queries(client, url):
    client.get(url)  # warm per-process caches (content types, site root paths, renditions)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def measure(client):
    return {s.name: count_queries(client, s.url(None)) for s in all_scenarios() if s.name in PINNED}


def test_generated_content_is_a_valid_tree_and_is_served(client, demo_site):
    from inspire.models import CaseStudyPage
    from toolkit.models import ToolPage

    tools, stories = ToolPage.objects.count(), CaseStudyPage.objects.count()
    generate(0.01, seed=1)
    assert ToolPage.objects.count() == tools + 3
    assert CaseStudyPage.objects.count() > stories
    assert all(not problems for problems in Page.find_problems())
    tool = ToolPage.objects.order_by("-pk").first()
    assert tool.live and tool.phases.exists()
    assert client.get(tool.url).status_code == 200
    assert tool.title in client.get(tool.url).content.decode()
    assert tool.title in client.get("/tyokalut/", {"q": tool.title}).content.decode()


def test_queries_per_page_type_are_pinned_and_do_not_grow_with_content(client, demo_site):
    generate(0.002, seed=1)
    small = measure(client)
    assert small == PINNED, small
    generate(0.02, seed=2)
    assert measure(client) == small
