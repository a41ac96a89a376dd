"""The site chrome every page of a language shares: the main menu's sections and the footer (contact details and
statutory links), computed once per site, language and publish and kept with Django's cache framework
(docs/decisions/011-site-chrome-cache.md).

What is cached is plain data (titles, URLs, tree paths, the footer's texts), never model instances: a hit costs
one cache read and no query. A miss computes it in three queries (the menu, the footer settings, the footer
pages in this language) and stores it. The entries are deleted when a change to what they show is saved, and
again when its transaction commits: a page published, unpublished, moved, renamed or deleted, a snippet, a site
setting, a site or a view restriction saved (valoa/caching/frontend_cache.py, the same signals that purge the
front cache). `TIMEOUT` bounds how long an entry could outlive a deletion that failed (Redis unreachable then).

Redis being down is a miss (the project's django-redis aliases ignore errors: valoa/settings/base.py): the
chrome is then computed on every request, as it was before the cache.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from django.apps import apps
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
# The request attribute that keeps the chrome read during a request, by (language, host).
REQUEST_ATTRIBUTE = "valoa_site_chrome"
# Raise when the cached shape (the dataclasses below) changes: entries of the old shape are then never read.
VERSION = 4


@dataclass(frozen=True)
class MenuItem:
    """A section in the main menu (a live, public child of the language's home page shown in menus)."""

    title: str
    url: str
    path: str  # the tree path: a page under it shows the item as active
    search_description: str
    model: str = ""  # the section page's model, "app_label.modelname" (section_url)


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
    # The translation keys of the pages the settings name as the accessibility and privacy statements: a content
    # page shows the statutory facts only when it is one of them (valoa_tags.statement_settings).
    statement_keys: frozenset[str] = frozenset()
    # This computation's own name: what is cached beside the chrome and lives exactly as long (each page's language
    # switcher, valoa/pages/navigation.py) names it in its key, so that forgetting the chrome forgets that too.
    generation: str = field(default_factory=lambda: secrets.token_hex(8))


def cache_key(language: str) -> str:
    return f"{KEY_PREFIX}:{VERSION}:{language}"


def site_chrome(request, *, home_path: str | None = None) -> Chrome:
    """The chrome of the request's site in the language being read, from the cache or computed and stored.

    One entry per language holds the chrome of each host name the site answers to (`request.get_host()`, which
    Django has checked against ALLOWED_HOSTS): a hit needs neither Wagtail's site lookup nor any other query,
    which is what a page outside Wagtail's serve view (a team page, search) saves. Wagtail maps each host to its
    site; a change of sites forgets every entry (`invalidate`)."""
    language = get_language() or settings.LANGUAGE_CODE
    host = request.get_host() if request is not None else ""
    if request is None:
        return _site_chrome(request, language, host, home_path)
    # The menu, the language switcher and each list of cards ask for the chrome: one cache read a request.
    read = vars(request).setdefault(REQUEST_ATTRIBUTE, {})
    if (language, host) not in read:
        read[(language, host)] = _site_chrome(request, language, host, home_path)
    return read[(language, host)]


def _site_chrome(request, language: str, host: str, home_path: str | None) -> Chrome:
    key = cache_key(language)
    entry = cache.get(key)
    if not isinstance(entry, dict):
        entry = {}
    chrome = entry.get(host)
    if not isinstance(chrome, Chrome):
        site = Site.find_for_request(request) if request is not None else None
        if home_path is None:
            home_path = home_root_path(request, language)
        chrome = compute(request, site, home_path=home_path, language=language)
        cache.set(key, {**entry, host: chrome}, TIMEOUT)
    return chrome


def section_url(request, model: type[Page]) -> str | None:
    """The URL of the main menu's section of type `model` in the language being read (the tool finder, say), from
    the cached chrome: no query on a hit. None when no such section is in the menu; the caller then asks the
    database (an editor may take a section out of the menu)."""
    wanted = model._meta.label_lower
    return next((item.url for item in site_chrome(request).menu if item.model == wanted), None)


def home_root_path(request, language: str) -> str | None:
    """The `url_path` of the site's home page in `language`, from Wagtail's cached site root paths (no query
    beyond the site lookup)."""
    site = Site.find_for_request(request) if request is not None else None
    for root in Site.get_site_root_paths():
        if (site is None or root.site_id == site.pk) and root.language_code == language:
            return root.root_path
    return None


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
            MenuItem(
                page.title,
                page.get_url(request) or "/",
                page.path,
                page.search_description,
                # From the content type cache: no query.
                page.specific_class._meta.label_lower if page.specific_class else "",
            )
            for page in sections
        )
    if site is None:
        return Chrome(menu)
    # By name: valoa's rooms import none of the site's models (import contracts, pyproject.toml).
    contact = apps.get_model("valoa", "ContactSettings").for_site(site)
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
        statement_keys=frozenset(
            str(page.translation_key) for page in (contact.accessibility_page, contact.privacy_page) if page
        ),
    )


def invalidate() -> None:
    """Forget the chrome of every site and language now (what this transaction reads next is fresh) and again
    once the transaction commits (a request in between may have stored the old chrome again)."""
    forget()
    transaction.on_commit(forget)


def forget() -> None:
    cache.delete_many([cache_key(code) for code, _name in settings.LANGUAGES])
