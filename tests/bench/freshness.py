"""Freshness through the front cache: after a publish, how long until every cached page that showed the old
title shows the new one (target: within 1 s). Used by `make bench`; `make scale-check` publishes through an app
server's admin instead and reuses `wait_visible`.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.test import override_settings
from django.utils.html import escape

TARGET_SECONDS = 1.0
SUFFIX = " (päivitetty)"


@dataclass
class Freshness:
    name: str
    url: str
    pages: dict[str, float | None]  # page showing it → seconds until the new title showed (None: never)
    publish_seconds: float = 0.0  # Wagtail's publish itself, purges included

    @property
    def worst(self) -> float | None:
        values = list(self.pages.values())
        return None if not values or None in values else max(values)

    @property
    def ok(self) -> bool:
        return self.worst is not None and self.worst <= TARGET_SECONDS


def get(base_url: str, path: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(base_url + path, timeout=60) as response:  # noqa: S310 - loopback
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def wait_visible(
    base_url: str, paths: list[str], text: str, *, since: float, timeout: float = 5.0
) -> dict[str, float | None]:
    """Seconds from `since` (time.monotonic()) until each path's body contains `text`; the paths are polled
    side by side, as visitors would ask for them, so one slow page does not delay another's figure."""

    def poll(path: str) -> float | None:
        while time.monotonic() - since < timeout:
            if text in get(base_url, path)[2]:
                return time.monotonic() - since
            time.sleep(0.02)
        return None

    if not paths:
        return {}
    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        return dict(zip(paths, pool.map(poll, paths), strict=True))


def page_for_path(path: str):
    from wagtail.models import Page, Site

    root = Site.objects.get(is_default_site=True).root_page
    return Page.objects.get(url_path=root.url_path + path.lstrip("/")).specific


def publish_and_time(front_url: str, name: str, path: str, pages: list[str]) -> Freshness:
    """Rename the page at `path` and publish it (this process purges `front_url`); time every page of `pages`
    (and the page itself) that showed the old title, through the front cache."""
    page = page_for_path(path)
    old = page.title
    new = old.removesuffix(SUFFIX) if old.endswith(SUFFIX) else old + SUFFIX
    showing = []
    for candidate in dict.fromkeys([path, *pages]):
        get(front_url, candidate)  # cached by now
        status, headers, body = get(front_url, candidate)
        if status == 200 and headers.get("X-Cache") == "HIT" and escape(old) in body:
            showing.append(candidate)
    backend = {"bench": {"BACKEND": "valoa.caching.frontend_cache.VarnishBackend", "LOCATION": front_url}}
    with override_settings(WAGTAILFRONTENDCACHE=backend):
        page.title = new
        if getattr(page, "hero_image_id", None) and not getattr(page, "hero_image_alt", "-"):
            page.hero_image_alt = "Kuva"  # the generator leaves it empty; a publish requires it
        started = time.monotonic()
        page.save_revision().publish()
        # The purges went out when the publish committed, inside publish(): from here on, as for an editor
        # whose publish has answered, no page may show the old title for more than the target.
        since = time.monotonic()
    return Freshness(
        name,
        path,
        wait_visible(front_url, showing, escape(new), since=since),
        publish_seconds=since - started,
    )
