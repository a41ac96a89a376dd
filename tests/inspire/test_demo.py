"""Innostu's demo content: enough stories of every kind, with drawn, described images."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from PIL import Image as PILImage

from inspire.demo_images import MOTIFS, draw_png
from inspire.demo_stories import STORIES
from inspire.models import StoryKind, StoryPage
from inspire.moderation import DEMO_USERS

pytestmark = pytest.mark.django_db


def test_at_least_eight_stories_of_every_kind_from_several_organisations(demo_site):
    stories = list(StoryPage.objects.live())
    assert len(stories) >= 8
    for kind in StoryKind:
        assert StoryPage.objects.live().filter(kind=kind).count() >= 2, kind
    assert len({s.organisation_id for s in stories}) >= 4
    for story in stories:
        assert story.hero_image is not None, story
        assert len(story.hero_alt) > 20, story
        assert story.intro, story


def test_experiments_use_several_statuses(demo_site):
    experiments = StoryPage.objects.filter(kind=StoryKind.EXPERIMENT)
    assert experiments.values("status").distinct().count() >= 3


def test_drawn_images_are_small_and_deterministic():
    for motif in MOTIFS:
        data = draw_png(motif, "sama")
        assert data == draw_png(motif, "sama")
        assert len(data) < 50_000
        assert PILImage.open(io.BytesIO(data)).size == (1200, 675)


def test_second_run_adds_nothing_and_prints_no_passwords(demo_site):
    from wagtail.images import get_image_model

    before = (
        get_image_model().objects.count(),
        StoryPage.objects.count(),
    )
    out = io.StringIO()
    call_command("load_demo_content", "--no-admin", stdout=out)
    after = (
        get_image_model().objects.count(),
        StoryPage.objects.count(),
    )
    assert after == before
    assert "Salasana" not in out.getvalue()
    assert get_user_model().objects.filter(username__in=[u[0] for u in DEMO_USERS]).count() == 2


def test_story_data_is_consistent():
    slugs = [s["slug"] for s in STORIES]
    assert len(slugs) == len(set(slugs))
    assert {s["kind"] for s in STORIES} == {"case", "experiment", "insight"}
