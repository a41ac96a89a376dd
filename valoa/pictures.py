"""`{% picture %}` markup from renditions fetched with the listing, for story cards and the story hero.

The `{% picture %}` tag parses its filter specs again for every image it renders (Wagtail's Filter
objects are made per call) and, when the renditions were prefetched from the database, writes them back
to the renditions cache on every render. For a page of cards that was most of the cards' rendering time.
`picture()` makes the same `<picture>` element with Wagtail's own `Picture` class from the renditions
the listing fetched (`image.prefetched_renditions`), with filters parsed once per process; when one is
missing (an image shown for the first time) it asks Wagtail (`get_renditions`), which makes it.
"""

from __future__ import annotations

from functools import cache

from django.utils.safestring import SafeString, mark_safe
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found


@cache
def _filters(spec: str) -> tuple[Filter, ...]:
    """The filters of a picture tag's spec, e.g. "format-{webp,jpeg}|fill-{400x225,800x450}", in its order."""
    return tuple(Filter(spec=expanded) for expanded in Filter.expand_spec(spec))


def picture(image, spec: str, **attrs) -> SafeString:
    """What `{% picture image <spec parts> key=value… %}` renders, e.g. spec "format-{webp,jpeg}|width-{480,800}"."""
    if image is None:
        return mark_safe("")
    filters = _filters(spec)
    prefetched = {
        (rendition.filter_spec, rendition.focal_point_key): rendition
        for rendition in getattr(image, "prefetched_renditions", ())
    }
    renditions = {}
    for filter_ in filters:
        rendition = prefetched.get((filter_.spec, filter_.get_cache_key(image)))
        if rendition is None:
            renditions = get_renditions_or_not_found(image, filters)
            break
        renditions[filter_.spec] = rendition
    return mark_safe(Picture(renditions, attrs).__html__())  # noqa: S308 - Wagtail's own escaped markup
