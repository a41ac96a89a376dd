"""Reading stories across the three page types in a fixed number of queries.

Stories are three concrete page types with their own tables. Listing, filtering and ordering happen on a
single `Page` queryset: each filter becomes one `pk IN (subquery)` per page type, and the fields a card
needs (date, lead, organisation, hero image) are pulled from whichever type's table matches with
`Coalesce` over the reverse one-to-one joins (the organisation's name too). A page of cards then costs
one query, plus one for the images with their renditions, whatever the number or mix of stories.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page

from inspire.models import CaseStudyPage, ExperimentPage, InsightPage, Organisation, StoryToolLink
from valoa.labels import Label
from valoa.page_queries import public_q
from valoa.page_urls import page_urls
from valoa.pictures import picture

# URL value, model, label for one story, label for the filter (plural).
KINDS = [
    ("tapausesimerkki", CaseStudyPage, _("Tapausesimerkki"), _("Tapausesimerkit")),
    ("kokeilu", ExperimentPage, _("Kokeilu"), _("Kokeilut")),
    ("oivallus", InsightPage, _("Oivallus"), _("Oivallukset")),
]
STORY_MODELS = [model for _slug, model, _label, _plural in KINDS]
KIND_MODELS = {slug: model for slug, model, _label, _plural in KINDS}

# The pictures of story cards and of the story page's hero (valoa.pictures.picture(), what the
# {% picture %} tag would render); their renditions are prefetched with the images.
CARD_PICTURE = "format-{webp,jpeg}|fill-{400x225,800x450}"
CARD_PICTURE_ATTRS = {"sizes": "(max-width: 640px) 100vw, 400px", "alt": "", "loading": "lazy"}
CARD_IMAGE_SPECS = Filter.expand_spec(CARD_PICTURE)
HERO_PICTURE = "format-{webp,jpeg}|width-{480,800,1200}"
HERO_IMAGE_SPECS = Filter.expand_spec(HERO_PICTURE)


@dataclass(frozen=True)
class Kind:
    slug: str
    label: str


def kind_for_model(model: type) -> Kind | None:
    for slug, kind_model, label, _plural in KINDS:
        if issubclass(model, kind_model):
            return Kind(slug, str(label))
    return None


def _kind_by_content_type_id() -> dict[int, Kind]:
    # ContentType.objects caches per process: no query after the first request.
    return {
        ContentType.objects.get_for_model(model).pk: Kind(slug, str(label))
        for slug, model, label, _plural in KINDS
    }


def _coalesce(field: str):
    return Coalesce(*[F(f"{model._meta.model_name}__{field}") for model in STORY_MODELS])


def _pk(value):
    return getattr(value, "pk", value)


def story_queryset(
    *,
    index: Page | None,
    siblings_of: Page | None = None,
    kind: str | None = None,
    theme=None,
    phase=None,
    organisation=None,
    any_themes: Iterable | None = None,
) -> QuerySet:
    """Live, public stories under `index` (or beside `siblings_of`), newest first, annotated for cards."""
    models = [KIND_MODELS[kind]] if kind else STORY_MODELS
    # sibling_of() needs no query for the parent: it filters on the page's own tree path.
    base = Page.objects.sibling_of(siblings_of) if siblings_of is not None else Page.objects.child_of(index)
    queryset = base.live().filter(
        public_q(), content_type__in=[ContentType.objects.get_for_model(m) for m in models]
    )
    any_themes = list(any_themes) if any_themes is not None else None
    if theme is not None or phase is not None or organisation is not None or any_themes is not None:
        matches = Q()
        for model in models:
            sub = model.objects.all()
            if theme is not None:
                sub = sub.filter(themes=_pk(theme))
            if phase is not None:
                sub = sub.filter(phases=_pk(phase))
            if organisation is not None:
                sub = sub.filter(organisation=_pk(organisation))
            if any_themes is not None:
                sub = sub.filter(themes__in=any_themes)
            matches |= Q(pk__in=sub.values("pk"))
        queryset = queryset.filter(matches)
    return queryset.annotate(
        story_date=_coalesce("story_date"),
        story_intro=_coalesce("intro"),
        story_organisation_id=_coalesce("organisation_id"),
        story_organisation_name=_coalesce("organisation__name"),
        story_hero_image_id=_coalesce("hero_image_id"),
    ).order_by("-story_date", "-first_published_at", "-pk")


@dataclass
class StoryCard:
    page: Page
    kind: Kind | None
    date: Any
    intro: str
    organisation: Label | None
    image: Any
    url: str | None = None
    picture: str = ""


def _any_story(story_ids: list[int], field: str) -> Q:
    """`<field>` of any of these stories, as an always-executed subquery per story type (never an empty IN)."""
    return reduce(
        or_,
        (Q(pk__in=model.objects.filter(pk__in=story_ids).values(field)) for model in STORY_MODELS),
    )


def card_images(pages: list[Page], *, also: tuple[int | None, list[str]] | None = None) -> dict[int, Any]:
    """The cards' hero images with their card renditions, in one query (renditions joined to images).

    `also=(image_id, specs)` adds one more image with its own renditions to the same query (the story
    page's hero picture). The query runs even when no card has an image, so the count is the same for
    any mix of content; only an image shown for the very first time, before its renditions exist,
    costs one extra query.
    """
    Image = get_image_model()
    Rendition = Image.get_rendition_model()
    story_ids = [p.pk for p in pages]
    wanted = Q(image__in=Image.objects.filter(_any_story(story_ids, "hero_image_id")).values("pk")) & Q(
        filter_spec__in=CARD_IMAGE_SPECS
    )
    also_id, also_specs = also if also else (None, [])
    if also_id:
        wanted |= Q(image_id=also_id, filter_spec__in=also_specs)
    images: dict[int, Any] = {}
    for rendition in Rendition.objects.filter(wanted).select_related("image"):
        image = images.setdefault(rendition.image_id, rendition.image)
        if not hasattr(image, "prefetched_renditions"):
            image.prefetched_renditions = []
        image.prefetched_renditions.append(rendition)
    missing = {p.story_hero_image_id for p in pages if p.story_hero_image_id} | (
        {also_id} if also_id else set()
    )
    missing -= set(images)
    if missing:
        images.update(Image.objects.in_bulk(missing))
    return images


def story_cards(
    pages: Iterable[Page], *, request=None, images: dict[int, Any] | None = None
) -> list[StoryCard]:
    """Cards for annotated story pages: one more query (the images), whatever the number of pages.

    The organisation's name comes with the page (story_queryset's annotation); the URL is made here,
    once per card, without a reverse() (valoa.page_urls).
    """
    pages = list(pages)
    if not pages:
        return []
    kinds = _kind_by_content_type_id()
    if images is None:
        images = card_images(pages)
    urls = page_urls(request)
    cards = [
        StoryCard(
            page=p,
            kind=kinds.get(p.content_type_id),
            date=p.story_date,
            intro=p.story_intro or p.search_description,
            organisation=Label(p.story_organisation_id, "", p.story_organisation_name)
            if p.story_organisation_id
            else None,
            image=images.get(p.story_hero_image_id),
            url=urls.url(p),
        )
        for p in pages
    ]
    for card in cards:
        if card.image is not None:
            card.picture = picture(card.image, CARD_PICTURE, **CARD_PICTURE_ATTRS)
    return cards


def organisations_with_stories(*, index: Page) -> QuerySet:
    """Organisations that have at least one live story under `index`: the only ones worth offering."""
    matches = Q()
    for model in STORY_MODELS:
        matches |= Q(pk__in=model.objects.child_of(index).live().values("organisation"))
    return Organisation.objects.filter(matches).order_by("name")


def tool_links_for_story(page: Page) -> QuerySet:
    return (
        StoryToolLink.objects.filter(page=page, tool__live=True)
        .select_related("tool")
        .only("note", "sort_order", "page_id", "tool__title", "tool__url_path", "tool__intro")
        .order_by("sort_order")
    )


def story_links_for_tool(tool: Page, *, limit: int = 6) -> list[tuple[Page, Kind | None]]:
    """The live, public stories that name `tool` as used, newest first: one query."""
    story_ids = StoryToolLink.objects.filter(tool=tool).values("page_id")
    pages = (
        Page.objects.live()
        .filter(public_q(), pk__in=story_ids)
        .only("title", "url_path", "content_type_id", "path", "depth")
        .order_by("-first_published_at")[:limit]
    )
    kinds = _kind_by_content_type_id()
    return [(page, kinds.get(page.content_type_id)) for page in pages]
