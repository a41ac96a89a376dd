"""The language of a request comes from its URL alone: `/…` Finnish, `/sv/…` Swedish, `/en/…` English.

The public site is Finnish at `/` (`i18n_patterns(prefix_default_language=False)`, valoa/urls.py). With that
URL configuration, Django's LocaleMiddleware already activates Finnish for an unprefixed URL (after reading
the `django_language` cookie and the `Accept-Language` header, whose answer it then discards), but its
`process_response` adds `Vary: Accept-Language` to every response whose URL has no language prefix: every
Finnish page, the sitemap, robots.txt, documents and the health checks. That would split the front cache's copy
of each of them per browser language. `UrlLanguageMiddleware` subclasses LocaleMiddleware and replaces both
methods: `process_request` activates the URL prefix's language, else Finnish, reading no cookie or header;
`process_response` only sets `Content-Language` (no `Vary`, none of Django's 404 redirect to a prefixed URL).
So one URL is one response for everyone, and the front cache keeps one copy per URL. The admin is
unaffected: Wagtail activates each editor's own language (WAGTAILADMIN_PERMITTED_LANGUAGES).

Also here: the map between locale ids and language codes, read once per process and again after a Locale is
saved or deleted (`language_of_locale`, `locale_id_of_language`), and querysets ordered to put the pages of the
language being read first (`prefer_active_language`, `active_language_first`) or keeping one page of each
translation group (`one_per_translation`).
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Case, Q, Subquery, When
from django.db.models.signals import post_delete, post_save
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation import get_language
from wagtail.models import Locale, Page

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


def forget_locales(**kwargs) -> None:
    """Read the locales again on the next lookup: a Locale was saved or deleted (or, in the tests, the database was
    put back from a snapshot, which sends no signals)."""
    _locale_languages.clear()


def connect() -> None:
    post_save.connect(forget_locales, sender=Locale, dispatch_uid="valoa_languages_locale_saved")
    post_delete.connect(forget_locales, sender=Locale, dispatch_uid="valoa_languages_locale_deleted")


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
            other_language=Case(
                When(locale_id=locale_id_of_language(get_language()), then=0),
                When(pk=pk, then=1),
                default=2,
            )
        )
        .order_by("other_language", "pk")
    )


def localized_by_pk(queryset, pks) -> dict:
    """Each page of `pks` found in `queryset`, as its live translation in the language being read when it has one,
    else itself: {pk: page}, in one query whatever the number of pages or the language.

    For pages named by id in content of another language (a Swedish paragraph keeps its Finnish source's links, a
    statement names the tools of its source language). The keys come first, then the pages with those keys: PostgreSQL
    looks them up in the (translation_key, locale) index, where an OR of the ids and their translations filtered
    every page of the site (docs/performance.md). A `.only()` queryset must load `locale_id`, `translation_key` and
    `live`.
    """
    pks = set(pks)
    locale_id = locale_id_of_language(get_language())
    keys = queryset.filter(pk__in=pks).values("translation_key")
    originals, localized = {}, {}
    rows = queryset.filter(translation_key__in=keys).filter(Q(pk__in=pks) | Q(locale_id=locale_id, live=True))
    for page in rows.order_by():
        if page.pk in pks:
            originals[page.pk] = page
        if page.locale_id == locale_id and page.live:
            localized[page.translation_key] = page
    return {pk: localized.get(page.translation_key, page) for pk, page in originals.items()}


def active_language_first(queryset):
    """`queryset` with the pages of the language being read first (e.g. the live workbook: one per language)."""
    return queryset.annotate(
        other_language=Case(When(locale_id=locale_id_of_language(get_language()), then=0), default=1)
    ).order_by("other_language", "path")


def one_per_translation(queryset) -> list:
    """One page of each translation group in `queryset`: the one in the language being read, else the one in
    the default language (Finnish), else any other; the language being read first, then in tree order.

    For lists that offer a choice of pages, such as a team space's assessments: a team reading in Finnish is
    offered the Finnish assessment, not its Swedish and English translations beside it, and a page that has
    no translation in this language yet is still offered in the language it has. One query.
    """
    chosen: dict = {}
    rows = queryset.annotate(
        language_rank=Case(
            When(locale_id=locale_id_of_language(get_language()), then=0),
            When(locale_id=locale_id_of_language(settings.LANGUAGE_CODE), then=1),
            default=2,
        )
    ).order_by("language_rank", "path")
    for row in rows:
        chosen.setdefault(row.translation_key, row)
    return list(chosen.values())
