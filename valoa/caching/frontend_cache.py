"""Purge from the front cache exactly the URLs that show a change (docs/deploy.md, "Front cache").

An explicit map, not tags: each change names the pages and paths that show it.

- A page published, unpublished (deleted pages are unpublished first) or moved: the page (its old and its new
  URL on a move), its translations (their language switchers and hreflang links name it: a Swedish page's
  publish purges its /sv/… URL and the Finnish and English pages of the same translation key), its parent
  (the section that lists it), the sitemap, and whatever the apps add through the
  `frontend_cache_page_targets` hook (a tool: the home and Aloita pages that recommend tools, the tools that
  link to it, the stories that used it; a story: the whole Innostu section, its feeds included).
  The home page and the sections of the main menu (children of a site root) show on every page of their
  language: a change to a Finnish one bans the whole site (Finnish is at /), to a Swedish or English one
  that language's home (/sv/, /en/) and the translations' subtrees. A page with children bans its subtree (their breadcrumbs show it).
- A snippet, a site setting, an image or a document changed: the whole site is banned, since the journey
  phases, themes, footer and pictures show everywhere and change rarely. An app may map one of its own
  models to narrower targets, or say that it purges the model itself, through the
  `register_frontend_cache_models` hook (inspire: organisations; feedback: submissions, where only an
  experience that is or was public purges, and only the page it is shown on).

Targets are pages, URLs or paths (`str`), `Subtree(url)` and `EVERYTHING`. The VCL (deploy/varnish/) treats a
PURGE of a path as "this path with any query string" (the Innostu pages `?page=2`, the finder's filters
`?vaihe=…`), and a BAN of a path as "everything under it".

The same receivers forget the cached site chrome (the menu and the footer, valoa/pages/chrome.py, and with it
the fragments kept beside it, valoa/pages/fragments.py) on every page publish, unpublish, move, slug change and
deletion and on every change of a model with purge targets (snippets, settings, sites, view restrictions, images,
documents, an app's own models), also when no front cache is configured.

Purges are sent when the transaction commits (a request in between would otherwise store the old content
again for `s-maxage`), which is why Wagtail's own frontend-cache signal handlers are not installed: they
purge at once, inside the publish transaction, and only the page itself. Its backends and
`purge_urls_from_cache()` are used as they are.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.encoding import iri_to_uri
from wagtail import hooks
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache
from wagtail.models import Page, get_page_models
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from valoa.languages.locales import language_of_locale
from valoa.pages import chrome

logger = logging.getLogger(__name__)

PAGE_HOOK = "frontend_cache_page_targets"
MODELS_HOOK = "register_frontend_cache_models"


@dataclass(frozen=True)
class Subtree:
    """Everything under this URL (a page's URL or a path), banned in one request."""

    url: str


class _Everything:
    def __repr__(self) -> str:
        return "EVERYTHING"


EVERYTHING = _Everything()
Target = Page | str | Subtree | _Everything


class BanRequest(PurgeRequest):
    def get_method(self):
        return "BAN"


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP backend (PURGE of one URL) plus BAN of a path prefix, which our VCL understands."""

    def ban_subtree(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = BanRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path or "/", "", ""]),
            headers={"Host": host, "User-Agent": "valoa-frontendcache"},
        )
        try:
            urlopen(request, timeout=10)  # noqa: S310 - the scheme comes from FRONTEND_CACHE_URL
        except OSError as exc:
            logger.error("Could not ban %s from the front cache: %s", url, exc)


# --- Resolving targets to URLs ------------------------------------------------------------------------


def page_urls(page: Page) -> list[str]:
    """The page's full URL with each of its cached paths (`Page.get_cached_paths`: a feed, a sub-route)."""
    url = page.get_full_url()
    if url is None:
        return []
    return [iri_to_uri(url + path.lstrip("/")) for path in page.specific_deferred.get_cached_paths()]


def site_root_urls() -> list[str]:
    from wagtail.models import Site

    return sorted({site.root_url for site in Site.objects.all()})


def resolve(targets: Iterable[Target], *, root_url: str | None = None) -> tuple[set[str], set[str]]:
    """(URLs to purge, URL prefixes to ban). A path is joined to `root_url` (else to every site's)."""
    urls: set[str] = set()
    prefixes: set[str] = set()
    for target in targets:
        if target is EVERYTHING:
            prefixes.update(f"{root}/" for root in site_root_urls())
        elif isinstance(target, Subtree):
            prefixes.update(_absolute(target.url, root_url))
        elif isinstance(target, Page):
            urls.update(page_urls(target))
        else:
            urls.update(_absolute(target, root_url))
    return urls, prefixes


def _absolute(url: str, root_url: str | None) -> list[str]:
    if "://" in url:
        return [iri_to_uri(url)]
    roots = [root_url] if root_url else site_root_urls()
    return [iri_to_uri(root.rstrip("/") + url) for root in roots]


# --- Sending ------------------------------------------------------------------------------------------


def enabled() -> bool:
    """A front cache is configured (FRONTEND_CACHE_URL): else no purge map is even computed."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(targets: Iterable[Target], *, root_url: str | None = None) -> None:
    """Purge the targets once the current transaction commits (at once outside a transaction)."""
    if not enabled():
        return
    urls, prefixes = resolve(targets, root_url=root_url)
    if urls or prefixes:
        transaction.on_commit(lambda: send(urls, prefixes))


def send(urls: set[str], prefixes: set[str]) -> None:
    # A URL under a banned prefix needs no purge of its own.
    urls = {url for url in urls if not any(url.startswith(prefix) for prefix in prefixes)}
    if urls:
        purge_urls_from_cache(sorted(urls))
    if prefixes:
        for name, backend in get_backends().items():
            for prefix in sorted(prefixes):
                if hasattr(backend, "ban_subtree"):
                    backend.ban_subtree(prefix)
                else:  # e.g. a CDN backend without bans: the prefix's own page at least
                    logger.warning("Front cache %s cannot ban %s; purging that URL alone", name, prefix)
                    backend.purge(prefix)


# --- What a change shows on ------------------------------------------------------------------------------


def page_targets(page: Page) -> list[Target]:
    """Everything that shows this page: see the module docstring."""
    page = page.specific_deferred
    # Its translations' language switchers and hreflang links name it (or, while it is missing, their section
    # or home page): they change with it.
    translations = [translation.specific_deferred for translation in page.get_translations()]
    if page.depth <= 3:
        # A site root (depth 2) or a section in its main menu: the menu and breadcrumbs are on every page of its
        # language. Finnish is at / (so everything); Swedish and English under their own home page's URL.
        if language_of_locale(page.locale_id) == settings.LANGUAGE_CODE:
            return [EVERYTHING]
        home = page if page.depth == 2 else page.get_parent()
        return [Subtree(url) for other in (home, *translations) if (url := other.get_full_url())]
    targets: list[Target] = [page, "/sitemap.xml", *translations]
    parent = page.get_parent()
    if parent is not None:
        targets.append(parent.specific_deferred)
    if not page.is_leaf() and (url := page.get_full_url()):
        targets.append(Subtree(url))
    for hook in hooks.get_hooks(PAGE_HOOK):
        targets.extend(hook(page) or ())
    return targets


def purge_page(page: Page) -> None:
    if not enabled():
        return
    parts = page.get_url_parts()
    purge(page_targets(page), root_url=parts[1] if parts else None)


def _on_publish_or_unpublish(sender, instance, **kwargs) -> None:
    chrome.invalidate()
    purge_page(instance)


def _on_move(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs) -> None:
    chrome.invalidate()
    purge_page(instance)
    if url_path_before != url_path_after:
        purge_old_place(instance, parent_page_before, instance.slug)


def _on_slug_change(sender, instance, instance_before, **kwargs) -> None:
    # A new slug published (the editor's "Lyhytnimi"): the page answers at its new URL, and its copy at the
    # old one must not outlive it in the front cache. Publishing purges the new URL.
    chrome.invalidate()
    purge_old_place(instance, instance.get_parent(), instance_before.slug)


def _on_page_delete(sender, instance, **kwargs) -> None:
    # A deleted section leaves the menu (its unpublish came first when it was live; a draft's deletion is cheap).
    chrome.invalidate()


def purge_old_place(page: Page, parent_before: Page, slug_before: str) -> None:
    """The page's URL (and its sub-URLs or subtree) where it was: under `parent_before`, named `slug_before`."""
    if not enabled():
        return
    # The old URL, built from the old parent's (Wagtail's URL of the page now points to the new place).
    old_parent_parts = parent_before.get_url_parts()
    if old_parent_parts is None:
        return
    _site_id, root_url, parent_path = old_parent_parts
    old_url = root_url + parent_path + slug_before + "/"
    if page.is_leaf():
        # Its own sub-URLs at the old place too (a tool's …/ohjaa/), not only the page itself.
        olds: list[Target] = [old_url + sub for sub in _own_sub_urls(page.specific_deferred)]
    else:
        olds = [Subtree(old_url)]
    targets: list[Target] = [*olds, parent_before]
    purge(targets, root_url=root_url)


def _own_sub_urls(page: Page) -> list[str]:
    """The page's URL ("") and its sub-URLs that the apps' hooks name (a tool's "ohjaa/"), relative to it.

    The hooks build them from the page's current URL, so on a move they name the new place only."""
    subs = [""]
    for path in page.get_cached_paths():
        subs.append(path.lstrip("/"))
    url = page.get_url()
    if url:
        for hook in hooks.get_hooks(PAGE_HOOK):
            subs.extend(t[len(url) :] for t in hook(page) or () if isinstance(t, str) and t.startswith(url))
    return list(dict.fromkeys(subs))


def _default_model_targets(instance) -> list[Target]:
    return [EVERYTHING]


def _restriction_targets(restriction) -> list[Target]:
    # A page made private (or public again) leaves the cache; its restriction may go with a deleted page.
    page = Page.objects.filter(pk=restriction.page_id).first()
    return page_targets(page) if page is not None else []


_model_targets: dict[type, Callable | None] | None = None


def model_targets_registry() -> dict[type, Callable | None]:
    """Model → its targets function (None: its app purges it itself). Built once, when the receivers are
    connected (`connect`)."""
    global _model_targets
    if _model_targets is None:
        from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import PageViewRestriction, Site
        from wagtail.snippets.models import get_snippet_models

        registry: dict[type, Callable | None] = dict.fromkeys(
            (*get_snippet_models(), get_image_model(), get_document_model(), Site), _default_model_targets
        )
        registry[PageViewRestriction] = _restriction_targets

        for model in apps.get_models():
            if issubclass(model, BaseSiteSetting | BaseGenericSetting):
                registry[model] = _default_model_targets
        for hook in hooks.get_hooks(MODELS_HOOK):
            registry.update(hook())
        _model_targets = registry
    return _model_targets


def _on_model_change(sender, instance, created: bool = False, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # loaddata
    targets_for = model_targets_registry().get(sender)
    if targets_for is None:
        return
    # What the front cache has to forget for a model (a snippet, a site setting, a site, a view restriction, an
    # app's own model such as an organisation) the menu, the footer or a fragment kept beside them (a story card's
    # organisation: valoa/pages/fragments.py) may show too.
    chrome.invalidate()
    if not enabled():
        return  # no front cache
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    if created and sender in (get_image_model(), get_document_model()):
        return  # a new upload shows nowhere yet
    purge(targets_for(instance))


def connect() -> None:
    """Every receiver names its senders: the page models, and the models of the registry that have targets (a
    model its app purges itself has none). A save of any other model runs none of them.

    Called once every app is ready (valoa/caching/apps.py, last in INSTALLED_APPS): the registry needs the
    snippets, which Wagtail registers in its snippets app's `ready()`, and the apps' hooks."""
    for model in get_page_models():
        for signal in (page_published, page_unpublished):
            signal.connect(
                _on_publish_or_unpublish, sender=model, dispatch_uid=f"valoa_frontend_cache_{id(signal)}"
            )
        post_page_move.connect(_on_move, sender=model, dispatch_uid="valoa_frontend_cache_move")
        page_slug_changed.connect(_on_slug_change, sender=model, dispatch_uid="valoa_frontend_cache_slug")
        post_delete.connect(_on_page_delete, sender=model, dispatch_uid="valoa_chrome_page_delete")
    for model, targets_for in model_targets_registry().items():
        if targets_for is not None:
            post_save.connect(_on_model_change, sender=model, dispatch_uid="valoa_frontend_cache_save")
            post_delete.connect(_on_model_change, sender=model, dispatch_uid="valoa_frontend_cache_delete")
