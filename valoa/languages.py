"""The language of a request comes from its URL alone: `/…` Finnish, `/sv/…` Swedish, `/en/…` English.

Django's LocaleMiddleware reads the language of an unprefixed URL from the `django_language` cookie and the
`Accept-Language` header (and then sends `Vary: Accept-Language`) whenever the URL does not fix it. Here the
URL always fixes it: the public site is Finnish at `/` (`i18n_patterns(prefix_default_language=False)`,
valoa/urls.py), and paths outside the language patterns (the sitemap, robots.txt, documents, health checks) do
not depend on the language. So one URL is one response for everyone, and the front cache keeps one copy per
URL: no `Vary: Accept-Language` to fragment it, no visitor's browser language mixed into a shared copy. The
admin is unaffected: Wagtail activates each editor's own language (WAGTAILADMIN_PERMITTED_LANGUAGES).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import BooleanField, Case, ExpressionWrapper, Q, Subquery, When
from django.db.models.signals import post_delete, post_save
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from valoa.page_queries import public_q

# Locale id → language code. Locales are three rows that change once in a site's life: read once per process,
# and again when an id or a language is not found (a locale added meanwhile).
_locale_languages: dict[int, str] = {}


def language_of_locale(locale_id: int | None) -> str | None:
    if locale_id is None:
        return None
    if locale_id not in _locale_languages:
        _read_locales()
    return _locale_languages.get(locale_id)


def locale_id_of_language(language: str) -> int | None:
    """The Locale's id for a language code, without a query once the locales are known."""
    for attempt in range(2):
        for pk, code in _locale_languages.items():
            if code == language:
                return pk
        if attempt == 0:
            _read_locales()
    return None


def _read_locales() -> None:
    _locale_languages.clear()
    _locale_languages.update(Locale.objects.values_list("pk", "language_code"))


def _forget_locales(**kwargs) -> None:
    _locale_languages.clear()


def connect() -> None:
    post_save.connect(_forget_locales, sender=Locale, dispatch_uid="valoa_languages_locale_saved")
    post_delete.connect(_forget_locales, sender=Locale, dispatch_uid="valoa_languages_locale_deleted")


def language_of_path(path: str) -> str:
    """The language a path is in: its prefix (`/sv/`, `/en/`), else the default (Finnish)."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


class UrlLanguageMiddleware(LocaleMiddleware):
    """LocaleMiddleware without the guessing: the URL's prefix or Finnish, never a cookie or a header."""

    def process_request(self, request):
        translation.activate(language_of_path(request.path_info))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # No redirect to a guessed language and no `Vary: Accept-Language` (see the module docstring).
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


# --- The language switcher, hreflang alternates --------------------------------------------------------

# The query parameter of a switcher link that had to land on a section or home page: that page then says
# that the page the reader came from has no translation in this language (templates/components).
MISSING_PARAM = "kaannos"
MISSING_VALUE = "puuttuu"


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


def home_root_path(request, language: str) -> str | None:
    """The `url_path` of the site's home page in `language`, from Wagtail's cached site root paths (no query)."""
    site = Site.find_for_request(request) if request is not None else None
    for root in Site.get_site_root_paths():
        if (site is None or root.site_id == site.pk) and root.language_code == language:
            return root.root_path
    return None


@dataclass(frozen=True)
class Navigation:
    """What every page's header needs: the main menu of its language and the language switcher's links."""

    menu: list[Page]
    links: list[LanguageLink]
    # The footer's pages (ContactSettings: about, accessibility, privacy) in the language being read, by the
    # translation key of the page the settings name.
    footer: dict


# The context variable a page's get_context may fill with its own page_navigation (the home page does).
NAVIGATION_CONTEXT = "valoa_navigation"


def page_navigation(request, page: Page | None, *, home_path: str | None = None) -> Navigation:
    """The menu and the switcher in one query.

    The menu is the home page's children in the language being read (found by the home page's `url_path`,
    from Wagtail's cached site root paths). For a Wagtail page the same query brings its translations and
    those of its section (the ancestor under the home page) and home page, so that a language without this
    page still gets a link to its section or home page. Any other view (search, team spaces, forms) has the
    same path in every language (valoa/urls.py): its links swap the language prefix and keep the query string.
    """
    if home_path is None:
        home_path = home_root_path(request, get_language())
    is_page = isinstance(page, Page) and page.pk is not None
    conditions = Q(pk__in=[])
    if home_path is not None:
        conditions |= Q(depth=3, url_path__startswith=home_path, show_in_menus=True)
    # The footer's statutory pages in this language: the settings name the Finnish ones (valoa.ContactSettings).
    footer_q = Q(pk__in=[])
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        settings_rows = apps.get_model("valoa", "ContactSettings").objects.filter(site=site)
        named = Page.objects.filter(
            Q(pk__in=settings_rows.values("about_page"))
            | Q(pk__in=settings_rows.values("accessibility_page"))
            | Q(pk__in=settings_rows.values("privacy_page"))
        )
        footer_q = Q(
            locale_id=locale_id_of_language(get_language()),
            translation_key__in=named.values("translation_key"),
        )
        conditions |= footer_q
    translation_q = Q(pk__in=[])
    if is_page:
        ancestor_paths = [page.path[: Page.steplen * depth] for depth in (2, 3) if depth < page.depth]
        keys = Page.objects.filter(path__in=ancestor_paths).values("translation_key")
        translation_q = Q(translation_key=page.translation_key) | Q(translation_key__in=keys)
        conditions |= translation_q
    rows = []
    if home_path is not None or is_page or site is not None:
        rows = list(
            Page.objects.live()
            .filter(public_q())
            .filter(conditions)
            .annotate(
                is_translation=ExpressionWrapper(translation_q, output_field=BooleanField()),
                in_footer=ExpressionWrapper(footer_q, output_field=BooleanField()),
            )
            .order_by("path")
        )
    menu = [
        row
        for row in rows
        if home_path is not None
        and row.depth == 3
        and row.show_in_menus
        and row.url_path.startswith(home_path)
    ]
    if is_page:
        links = _page_links(request, page, [row for row in rows if row.is_translation])
    else:
        links = _path_links(request)
    return Navigation(menu, links, {row.translation_key: row for row in rows if row.in_footer})


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


def prefer_active_language(queryset, pk: int):
    """The page `pk` and its translations in `queryset`, the one in the language being read first.

    A team space is one space in every language: its links name pages by id (an assessment round's page, a
    self-assessment), and the same link opened under /sv/ should show the Swedish page when there is one. One
    query, the same in every language; with no translation (or an unpublished one) the page itself.
    """
    key = Page.objects.filter(pk=pk).values("translation_key")[:1]
    return (
        queryset.filter(translation_key=Subquery(key))
        .annotate(
            other_language=Case(When(locale_id=locale_id_of_language(get_language()), then=0), default=1)
        )
        .order_by("other_language", "pk")
    )


def active_language_first(queryset):
    """`queryset` with the pages of the language being read first (e.g. the live workbook: one per language)."""
    return queryset.annotate(
        other_language=Case(When(locale_id=locale_id_of_language(get_language()), then=0), default=1)
    ).order_by("other_language", "path")


def translation_missing(request) -> bool:
    return request is not None and request.GET.get(MISSING_PARAM) == MISSING_VALUE


def home_url() -> str:
    """`/` in Finnish, `/sv/` in Swedish, `/en/` in English: Wagtail's serving at the language's root."""
    return reverse("wagtail_serve", args=("",))
