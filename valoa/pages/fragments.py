"""Parts of pages that show the site's published content the same way on many pages (the tools recommended per
phase, a story's card), rendered once per publish and kept beside the site chrome
(docs/decisions/011-site-chrome-cache.md).

A fragment's key names the chrome's `generation`, the random name each computed chrome gets: whatever forgets
the chrome (a publish, an unpublish, a move, a snippet, a setting, a view restriction: the same signals that
purge the front cache) makes every fragment unreachable at once, with no list of fragments to delete. Entries
expire after the chrome's `TIMEOUT`. A preview (`request.is_preview`) shows a draft and keeps nothing; Redis
down is a miss, and the fragment is rendered as before.

Only what is the same for every reader of a language may be a fragment: no form, no CSRF token, nothing of the
request but its host (absolute links) and language.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from valoa.pages import chrome

KEY_PREFIX = "valoa:fragment"
# Raise when a fragment's markup changes in a way a release must show before the next publish.
VERSION = 1

T = TypeVar("T")


def _key_of(request, name: str) -> Callable[[Iterable[Hashable]], str]:
    """Keys of the fragment `name` in this request's chrome generation, host and language (one cache read)."""
    prefix = f"{KEY_PREFIX}:{VERSION}:{chrome.site_chrome(request).generation}:{name}"
    where = (request.get_host(), get_language() or settings.LANGUAGE_CODE)

    def key(parts: Iterable[Hashable]) -> str:
        return f"{prefix}:{hashlib.sha256(repr((where, tuple(parts))).encode()).hexdigest()[:32]}"

    return key


def fragment_key(request, name: str, parts: Iterable[Hashable] = ()) -> str:
    return _key_of(request, name)(parts)


def _keeps(request) -> bool:
    return request is not None and not getattr(request, "is_preview", False)


def cached_fragment(request, name: str, parts: Iterable[Hashable], render: Callable[[], str]) -> SafeString:
    """`render()`'s markup for (`name`, `parts`, host, language), rendered once per publish."""
    if not _keeps(request):
        return mark_safe(render())  # noqa: S308 - render() returns a template's autoescaped output
    key = fragment_key(request, name, parts)
    html = cache.get(key)
    if not isinstance(html, str):
        html = str(render())
        cache.set(key, html, chrome.TIMEOUT)
    return mark_safe(html)  # noqa: S308 - stored from render(), a template's autoescaped output


def cached_fragments(
    request,
    name: str,
    items: Sequence[T],
    parts_of: Callable[[T], Iterable[Hashable]],
    render: Callable[[T], str],
    prepare: Callable[[list[T]], None] | None = None,
) -> list[SafeString]:
    """One fragment per item (a card per story), all read in one round trip to the cache; the missing ones
    rendered and stored in one more. `prepare(items)` fetches what rendering needs (renditions, say) for the
    items about to be rendered only: a page of cards found in the cache costs none of those queries."""
    if not _keeps(request) or not items:
        items = list(items)
        if prepare is not None and items:
            prepare(items)
        return [mark_safe(render(item)) for item in items]  # noqa: S308 - autoescaped template output
    key_of = _key_of(request, name)
    keys = [key_of(parts_of(item)) for item in items]
    found = {key: html for key, html in cache.get_many(keys).items() if isinstance(html, str)}
    missing = [item for key, item in zip(keys, items, strict=True) if key not in found]
    if missing:
        if prepare is not None:
            prepare(missing)
        rendered = {key: str(render(item)) for key, item in zip(keys, items, strict=True) if key not in found}
        cache.set_many(rendered, chrome.TIMEOUT)
        found.update(rendered)
    return [mark_safe(found[key]) for key in keys]  # noqa: S308 - autoescaped template output
