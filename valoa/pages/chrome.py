"""The site chrome every page of a language shares: the main menu's sections and the footer (contact details and
statutory links), computed once per site, language and publish and kept with Django's cache framework
(docs/decisions/011-site-chrome-cache.md).

What is cached is plain data (titles, URLs, tree paths, the footer's texts), never model instances: a hit costs
one cache read and no query. A miss computes it in three queries (the menu, the footer settings, the footer
pages in this language) and stores it. The entries are deleted when a transaction that changes what they show
commits: a page published, unpublished, moved, renamed or deleted, a snippet, a site setting, a site or a view
restriction saved (valoa/caching/frontend_cache.py, the same signals that purge the front cache). `TIMEOUT`
bounds how long an entry could outlive a deletion that failed (Redis unreachable at that moment).

Redis being down is a miss (the project's django-redis aliases ignore errors: valoa/settings/base.py): the
chrome is then computed on every request, as it was before the cache.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language
from wagtail.models import Page, Site

from valoa.languages.locales import locale_id_of_language
from valoa.pages.queries import public_q

# An entry is recomputed at the latest this many seconds after it was stored, should an invalidation be lost.
TIMEOUT = 600
KEY_PREFIX = "valoa:chrome"
# Raise when the cached shape (the dataclasses below) changes: entries of the old shape are then never read.
VERSION = 1


@dataclass(frozen=True)
class MenuItem:
    """A section in the main menu (a live, public child of the language's home page shown in menus)."""

    title: str
    url: str
    path: str  # the tree path: a page under it shows the item as active
    search_description: str


@dataclass(frozen=True)
class FooterLink:
    title: str
    url: str


@dataclass(frozen=True)
class Chrome:
    menu: tuple[MenuItem, ...]
    organisation: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""
    footer_links: tuple[FooterLink, ...] = ()


def cache_key(site_id: int | None, language: str) -> str:
    return f"{KEY_PREFIX}:{VERSION}:{site_id}:{language}"


def site_chrome(request, *, home_path: str | None) -> Chrome:
    """The chrome of the request's site in the language being read, from the cache or computed and stored."""
    site = Site.find_for_request(request) if request is not None else None
    language = get_language() or settings.LANGUAGE_CODE
    key = cache_key(site.pk if site is not None else None, language)
    chrome = cache.get(key)
    if not isinstance(chrome, Chrome):
        chrome = compute(request, site, home_path=home_path, language=language)
        cache.set(key, chrome, TIMEOUT)
    return chrome


def compute(request, site: Site | None, *, home_path: str | None, language: str) -> Chrome:
    menu: tuple[MenuItem, ...] = ()
    if home_path is not None:
        sections = (
            Page.objects.live()
            .filter(public_q())
            .filter(depth=3, url_path__startswith=home_path, show_in_menus=True)
            .order_by("path")
        )
        menu = tuple(
            MenuItem(page.title, page.get_url(request) or "/", page.path, page.search_description)
            for page in sections
        )
    if site is None:
        return Chrome(menu)
    from valoa.models import ContactSettings

    contact = ContactSettings.for_site(site)
    named = [contact.about_page, contact.accessibility_page, contact.privacy_page]
    # The footer's statutory pages in this language: the settings name the Finnish ones.
    translated = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(public_q())
        .filter(
            locale_id=locale_id_of_language(language),
            translation_key__in=[page.translation_key for page in named if page is not None],
        )
    }
    links = []
    for page in named:
        if page is None:
            continue
        shown = translated.get(page.translation_key, page)
        if shown.live:
            links.append(FooterLink(shown.title, shown.get_url(request) or "/"))
    return Chrome(
        menu,
        organisation=contact.organisation,
        address=contact.address,
        email=contact.email,
        phone=contact.phone,
        footer_links=tuple(links),
    )


def invalidate() -> None:
    """Forget the chrome of every site and language, once the current transaction commits (a request in
    between would otherwise store the old chrome again)."""
    transaction.on_commit(forget)


def forget() -> None:
    site_ids = [*Site.objects.values_list("pk", flat=True), None]
    languages = [code for code, _name in settings.LANGUAGES]
    cache.delete_many([cache_key(site_id, language) for site_id in site_ids for language in languages])
