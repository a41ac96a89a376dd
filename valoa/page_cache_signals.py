"""Connect the page cache's invalidation to every change a cached page can show.

A new generation is set at once and again when the transaction commits: the first makes the change visible
to the rest of the request and to tests; the second covers another app server that rendered and stored the
old content between the first bump and the commit.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from valoa.page_cache import bump_generation

_registered = False


def _invalidating_models() -> tuple[type, ...]:
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    # A page made private (its restriction saved on its own, not with the page) must leave the cache at once.
    return (
        Page,
        PageViewRestriction,
        Site,
        BaseSiteSetting,
        BaseGenericSetting,
        get_image_model(),
        *get_snippet_models(),
    )


def invalidate(**kwargs) -> None:
    bump_generation()
    transaction.on_commit(bump_generation)


def _on_model_change(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # loaddata
    if isinstance(instance, _invalidating_models()):
        invalidate()


def connect() -> None:
    global _registered
    if _registered:
        return
    _registered = True
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"valoa_page_cache_{signal}")
    # Any saved or deleted page (drafts of live pages included: harmless), snippet, image, setting or site.
    post_save.connect(_on_model_change, dispatch_uid="valoa_page_cache_save")
    post_delete.connect(_on_model_change, dispatch_uid="valoa_page_cache_delete")
