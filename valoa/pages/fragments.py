"""What many pages show the same way and only a publish changes (a page's language links, the tools recommended
per phase, a story's card), computed once per publish and kept beside the site chrome
(docs/decisions/011-site-chrome-cache.md).

A fragment's key names the chrome's `generation`, the random name each computed chrome gets: whatever forgets
the chrome (a publish, an unpublish, a move, a snippet, a setting, a view restriction: the same signals that
purge the front cache) makes every fragment unreachable at once, with no list of fragments to delete. Entries
expire after the chrome's `TIMEOUT`. A preview (`request.is_preview`) shows a draft and keeps nothing; Redis
down is a miss, and the fragment is rendered as before.

The generation is that of the chrome of the request's host and language, so it names them too. Only what is the
same for every reader there may be kept: no form, no CSRF token, nothing else of the request.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from valoa.pages import chrome

KEY_PREFIX = "valoa:fragment"
# Raise when what is kept changes shape or markup in a way a release must show before the next publish.
VERSION = 2

T = TypeVar("T")
MISSING = object()


def fragment_key(generation: str, name: str, parts: Iterable[Hashable] = ()) -> str:
    digest = hashlib.sha256(repr(tuple(parts)).encode()).hexdigest()[:32]
    return f"{KEY_PREFIX}:{VERSION}:{generation}:{name}:{digest}"


def _keeps(request) -> bool:
    """A preview shows a draft: nothing of it is kept."""
    return request is not None and not getattr(request, "is_preview", False)


def kept(request, name: str, parts: Iterable[Hashable], compute: Callable[[], T]) -> T:
    """`compute()`'s value for (`name`, `parts`), computed once per publish."""
    if not _keeps(request):
        return compute()
    key = fragment_key(chrome.site_chrome(request).generation, name, parts)
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = compute()
        cache.set(key, value, chrome.TIMEOUT)
    return value


def cached_fragment(request, name: str, parts: Iterable[Hashable], render: Callable[[], str]) -> SafeString:
    """`render()`'s markup (a template's autoescaped output) for (`name`, `parts`), rendered once per publish."""
    return mark_safe(kept(request, name, parts, lambda: str(render())))  # noqa: S308 - autoescaped template output


def cards(
    request,
    template_name: str,
    items: Sequence[Any],
    *,
    as_name: str,
    options: Mapping[str, Hashable],
    prepare: Callable[[list[Any]], None] | None = None,
    load: Callable[[list[Any]], Mapping[Any, Any]] | None = None,
) -> SafeString:
    """Each item's card (`template_name` with the item as `as_name`, and `options`), joined, every card rendered once
    per publish and shared by every list it is in: a page of cards is one cache read, and `prepare(items)` fetches
    what rendering needs (renditions, say) for the cards not found only.

    With `load`, `items` are primary keys and `load(pks)` gives {pk: item} for the cards not found: a listing then
    reads ids only, and builds no object for a card that is kept (Innostu's page of 12 stories, each with its
    organisation and image, was a sixth of the page's Python calls). An id that `load` does not give back (a page
    unpublished since) has no card."""
    items = list(items)

    def render(item) -> str:
        return str(render_to_string(template_name, {as_name: item, **options}, request=request))

    def objects(wanted: list[Any]) -> list[Any]:
        if load is None:
            return wanted
        loaded = load(wanted)
        return [loaded[pk] for pk in wanted if pk in loaded]

    if not _keeps(request) or not items:
        shown = objects(items) if items else []
        if prepare is not None and shown:
            prepare(shown)
        return mark_safe("".join(render(item) for item in shown))  # noqa: S308 - autoescaped template output
    generation = chrome.site_chrome(request).generation
    pks = items if load is not None else [item.pk for item in items]
    keys = [fragment_key(generation, template_name, (pk, *sorted(options.items()))) for pk in pks]
    found = {key: html for key, html in cache.get_many(keys).items() if isinstance(html, str)}
    missing = {key: item for key, item in zip(keys, items, strict=True) if key not in found}
    if missing:
        shown = objects(list(missing.values()))
        if prepare is not None and shown:
            prepare(shown)
        key_of = {pk: key for key, pk in zip(keys, pks, strict=True)}
        rendered = {key_of[item.pk]: render(item) for item in shown}
        cache.set_many(rendered, chrome.TIMEOUT)
        found.update(rendered)
    return mark_safe("".join(found.get(key, "") for key in keys))  # noqa: S308 - autoescaped template output
