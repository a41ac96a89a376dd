"""Innostu's part of the benchmark content: organisations and thousands of stories (docs/performance.md)."""

from __future__ import annotations

import datetime
import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale

from inspire.models import InspireIndexPage, Organisation, StoryKind, StoryPage
from tests.bench import text
from tests.bench.context import BenchContext
from tests.bench.scenarios import Scenario
from tests.bench.swedish import finnish
from tests.bench.tree import bulk_add_children, index_pages

STORIES = 5000
ORGANISATIONS = 50
IMAGES = 12
KINDS = list(StoryKind)


def _images(ctx: BenchContext, count: int) -> list[int]:
    Image = get_image_model()
    ids = []
    for i in range(count):
        buffer = io.BytesIO()
        colour = (ctx.rng.randrange(256), ctx.rng.randrange(256), ctx.rng.randrange(256))
        PILImage.new("RGB", (1600, 900), colour).save(buffer, "JPEG", quality=80)
        image = Image(title=f"Testikuva {i}")
        image.file = ImageFile(buffer, name=f"testikuva-{i}.jpg")
        image.save()
        ids.append(image.pk)
    return ids


def generate(ctx: BenchContext, scale: float) -> None:
    rng = ctx.rng
    index = InspireIndexPage.objects.get()
    first = Organisation.objects.count()  # a second run adds more, under new names
    locale = Locale.get_default()  # bulk_create skips the pre_save signal that would set it
    orgs = Organisation.objects.bulk_create(
        [
            Organisation(name=f"Testivirasto {i}", short_name=f"TV{i}", locale=locale)
            for i in range(first, first + max(1, round(ORGANISATIONS * scale)))
        ]
    )
    images = _images(ctx, max(1, round(IMAGES * min(scale, 1))))
    stories = max(1, round(STORIES * scale))
    rows = []
    start = datetime.datetime(2023, 1, 1, tzinfo=datetime.UTC)
    first = index.numchild
    for i in range(first, first + stories):
        published = start + datetime.timedelta(hours=i * 5)
        rows.append(
            {
                "kind": KINDS[i % len(KINDS)],
                "title": text.story_title(rng, i),
                "intro": text.paragraph_text(rng, 2),
                "search_description": text.sentence(rng),
                "story_date": published.date(),
                "first_published_at": published,
                "organisation_id": rng.choice(orgs).pk,
                "period": rng.choice(["kevät 2025", "syksy 2025", "kevät 2026", ""]),
                "hero_image_id": images[i % len(images)] if i % 2 == 0 else None,
                "body": text.body(rng, sections=4),
                "phases": [p.pk for p in rng.sample(ctx.phases, k=rng.randint(1, 2))],
                "themes": [t.pk for t in rng.sample(ctx.themes, k=rng.randint(1, 2))],
            }
        )
    ids = bulk_add_children(index, StoryPage, rows, m2m={"phases": "phases", "themes": "themes"})
    index_pages(StoryPage, ids)
    ctx.log(f"  tarinat: {stories}, organisaatiot: {len(orgs)}, kuvat: {len(images)}")


def _story_url(ctx) -> str:
    # A story with a hero image, from the middle of the list: the picture tag's renditions are exercised.
    story = finnish(StoryPage.objects.live().filter(hero_image__isnull=False)).order_by("path")
    return story[story.count() // 2].get_url()


SCENARIOS = [
    Scenario("Innostu (sivu 1)", lambda ctx: finnish(InspireIndexPage.objects).get().get_url()),
    Scenario(
        "Innostu (syvä sivu)", lambda ctx: f"{finnish(InspireIndexPage.objects).get().get_url()}?page=400"
    ),
    Scenario("Tarina", _story_url),
]
