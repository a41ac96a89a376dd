"""valoa.pictures.picture() renders what the {% picture %} tag renders, from prefetched renditions."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from inspire.selectors import CARD_IMAGE_SPECS, CARD_PICTURE, HERO_IMAGE_SPECS, HERO_PICTURE
from valoa.pictures import picture

pytestmark = pytest.mark.django_db

TAG = (
    "{% load wagtailimages_tags %}"
    '{% picture image format-{webp,jpeg} fill-{400x225,800x450} sizes="(max-width: 640px) 100vw, 400px"'
    ' alt="" loading="lazy" %}'
)


def test_same_markup_as_the_picture_tag_and_no_query_with_prefetched_renditions(demo_site):
    image = get_image_model().objects.first()
    expected = Template(TAG).render(Context({"image": image}))  # makes the renditions
    fresh = get_image_model().objects.get(pk=image.pk)
    fresh.prefetched_renditions = list(fresh.renditions.filter(filter_spec__in=CARD_IMAGE_SPECS))
    with CaptureQueriesContext(connection) as queries:
        ours = picture(fresh, CARD_PICTURE, sizes="(max-width: 640px) 100vw, 400px", alt="", loading="lazy")
    assert ours == expected
    assert len(queries) == 0


def test_missing_renditions_are_made_like_the_tag_makes_them(demo_site):
    image = get_image_model().objects.first()
    image.renditions.all().delete()
    ours = picture(image, HERO_PICTURE, sizes="(max-width: 860px) 100vw, 800px", alt="Kuva")
    assert set(image.renditions.values_list("filter_spec", flat=True)) == set(HERO_IMAGE_SPECS)
    assert ours.startswith("<picture>") and 'alt="Kuva"' in ours and ".webp" in ours
    assert picture(None, HERO_PICTURE) == ""
