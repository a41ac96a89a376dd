"""The header's menu, the footer and the language switcher (with the hreflang alternates) of a page.

The menu and the footer are the same on every page of a language: they come from the site chrome's cache
(valoa/pages/chrome.py). The switcher's links of a Wagtail page cost one query (`page_navigation`) and are kept
beside the chrome, per page, for as long as the chrome itself (docs/decisions/011-site-chrome-cache.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.urls import reverse, translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from valoa.languages.locales import language_of_locale
from valoa.pages.chrome import Chrome, MenuItem, site_chrome
from valoa.pages.fragments import kept
from valoa.pages.queries import public_q

# The query parameter of a switcher link that had to land on a section or home page: that page then says
# that the page the reader came from has no translation in this language (templates/components).
MISSING_PARAM = "kaannos"
MISSING_VALUE = "puuttuu"
# The name a page's language links are kept under beside the chrome (valoa/pages/fragments.py).
SWITCHER = "switcher"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # the language's own name ("svenska"), as a switcher shows it
    url: str
    full_url: str  # absolute, for <link rel="alternate" hreflang>
    current: bool  # the language of this page
    translated: bool  # the same page in that language (else its section or home page, with the note)


def language_names() -> dict[str, str]:
    """Each content language in its own name: the switcher offers "svenska", not "ruotsi"."""
    return dict(settings.WAGTAIL_CONTENT_LANGUAGES)


@dataclass(frozen=True)
class Navigation:
    """What every page's header and footer need: the site chrome of its language (the main menu and the footer,
    cached: valoa/pages/chrome.py) and the language switcher's links."""

    chrome: Chrome
    links: list[LanguageLink]

    @property
    def menu(self) -> tuple[MenuItem, ...]:
        return self.chrome.menu


# The context variable a page's get_context may fill with its own page_navigation (the home page does).
NAVIGATION_CONTEXT = "valoa_navigation"


def page_navigation(request, page: Page | None, *, home_path: str | None = None) -> Navigation:
    """The chrome (no query when cached) and the switcher's links (one query for a Wagtail page, none otherwise).

    The menu is the home page's children in the language being read (found by the home page's `url_path`,
    from Wagtail's cached site root paths). For a Wagtail page one query brings its translations and those of
    its section (the ancestor under the home page) and home page, so that a language without this page still
    gets a link to its section or home page. Any other view (search, team spaces, forms) has the same path in
    every language (valoa/urls.py): its links swap the language prefix and keep the query string, also when it
    shows a page's content (`serves_page`).
    """
    chrome = site_chrome(request, home_path=home_path)
    is_page = isinstance(page, Page) and page.pk is not None and serves_page(request)
    if not is_page:
        return Navigation(chrome, _path_links(request))
    # A page's links change only with what forgets the chrome (a page published, unpublished, moved or deleted, a
    # view restriction, a site: valoa/caching/frontend_cache.py): kept beside it.
    links = kept(request, SWITCHER, (page.pk,), lambda: _page_links(request, page, _link_rows(page)))
    return Navigation(chrome, links)


def _link_rows(page: Page) -> list[Page]:
    """The page's live, public translations and those of its section and home page, in one query."""
    ancestor_paths = [page.path[: Page.steplen * depth] for depth in (2, 3) if depth < page.depth]
    # The page's own key among the subquery's, not beside it in an OR: PostgreSQL then looks the few keys up in
    # the (translation_key, locale) index instead of filtering every page (2.4 ms at 5,000 pages, docs/performance.md).
    keys = Page.objects.filter(Q(path__in=ancestor_paths) | Q(pk=page.pk)).values("translation_key")
    return list(Page.objects.live().filter(public_q()).filter(translation_key__in=keys).order_by())


def serves_page(request) -> bool:
    """Whether the request shows a Wagtail page at the page's own URL: Wagtail's serve view (a routable page's
    sub-paths included) or a preview (a request Wagtail makes itself, routed by no URL pattern).

    A view of its own that shows a page's content (an assessment's respondent form or a team's round under
    /tiimi/, which name the page) is not that page: its switcher keeps the view's path and query string in
    the other language, so a respondent switching language keeps the form, not the public assessment page.
    """
    match = getattr(request, "resolver_match", None) if request is not None else None
    return match is None or match.url_name == "wagtail_serve"


def _path_links(request) -> list[LanguageLink]:
    current = get_language()
    links = []
    for code, name in language_names().items():
        url = translate_url(request.get_full_path(), code) if request is not None else "/"
        full_url = request.build_absolute_uri(url) if request is not None else url
        links.append(LanguageLink(code, name, url, full_url, code == current, True))
    return links


def _page_links(request, page: Page, rows: list[Page]) -> list[LanguageLink]:
    current = get_language()
    best: dict[str, tuple[Page, bool]] = {}
    for row in sorted(rows, key=lambda row: -row.depth):  # the page itself, then its section, then its home
        code = language_of_locale(row.locale_id)
        translated = row.translation_key == page.translation_key
        if code is not None and (code not in best or translated):
            best[code] = (row, translated)
    links = []
    for code, name in language_names().items():
        if code == current:
            url = page.get_url(request) or "/"
            links.append(LanguageLink(code, name, url, page.get_full_url(request) or url, True, True))
            continue
        if code not in best:
            continue  # no home page in that language yet: nothing to offer
        target, translated = best[code]
        url = target.get_url(request) or "/"
        full_url = target.get_full_url(request) or url
        if not translated:
            url += f"?{MISSING_PARAM}={MISSING_VALUE}"
        links.append(LanguageLink(code, name, url, full_url, False, translated))
    return links


def translation_missing(request) -> bool:
    return request is not None and request.GET.get(MISSING_PARAM) == MISSING_VALUE


def home_url() -> str:
    """`/` in Finnish, `/sv/` in Swedish, `/en/` in English: Wagtail's serving at the language's root."""
    return reverse("wagtail_serve", args=("",))
