"""Innostu's pages cost the same number of SQL queries with 10 stories as with 500."""

import itertools

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from inspire.models import CaseStudyPage, ExperimentPage, InsightPage, InspireIndexPage, Organisation
from valoa.models import Phase, Theme

pytestmark = pytest.mark.django_db

STORY_MODELS = (CaseStudyPage, ExperimentPage, InsightPage)
# url: queries for an anonymous visitor (base template, navigation and footer included).
PINNED = {
    "/innostu/": 12,
    "/innostu/?kind=kokeilu&theme=dialogi": 12,
    "/innostu/?theme=psykologinen-turvallisuus&phase=kokeileminen&page=999": 12,  # the last page, still 1 query
    "/innostu/paripalaute-etatiimissa/": 14,  # +1 experiences (feedback); the hero's renditions come with the cards'
    "/innostu/asiakaspalvelutiimin-tilannekuva/": 14,
    "/innostu/palaveri-ei-ole-vain-tiedonjakoa/": 14,
    "/innostu/syote/rss/": 8,
    "/tyokalut/kokeilukortti/": 11,  # the toolkit card + stories + experiences
}
URLS = list(PINNED)


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
        model = STORY_MODELS[i % 3]
        page = model(
            title=f"Lisätarina {start + i}",
            slug=f"lisatarina-{start + i}",
            path=Page._get_path(index.path, index.depth + 1, start + i),
            depth=index.depth + 1,
            numchild=0,
            url_path=f"{index.url_path}lisatarina-{start + i}/",
            locale_id=index.locale_id,
            content_type=ContentType.objects.get_for_model(model),
            live=True,
            first_published_at=now,
            last_published_at=now,
            intro="Lyhyt kuvaus tarinasta.",
            story_date=timezone.localdate(),
            organisation=next(organisations),
            hero_image=next(images),
        )
        page.save_base()  # skips Page.save(): no revision, no clean, no url_path recomputation
        model.themes.through.objects.bulk_create(
            [
                model.themes.through(**{f"{model._meta.model_name}_id": page.pk, "theme_id": t.pk})
                for t in (themes[i % len(themes)], themes[(i + 1) % len(themes)])
            ]
        )
        model.phases.through.objects.create(
            **{f"{model._meta.model_name}_id": page.pk, "phase_id": phases[i % len(phases)].pk}
        )
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + n)


def count_queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches and generate renditions
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def test_story_counts_do_not_grow_from_10_to_500(client, demo_site):
    index = InspireIndexPage.objects.get()
    live = sum(m.objects.child_of(index).live().count() for m in STORY_MODELS)
    add_stories(index, 10 - live)
    assert sum(m.objects.child_of(index).live().count() for m in STORY_MODELS) == 10
    with_10 = {url: count_queries(client, url) for url in URLS}

    add_stories(index, 490)
    assert sum(m.objects.child_of(index).live().count() for m in STORY_MODELS) == 500
    with_500 = {url: count_queries(client, url) for url in URLS}
    assert with_500 == with_10
    # Pinned, so a change that adds queries is a deliberate one.
    assert with_10 == PINNED, with_10
