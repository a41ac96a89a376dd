"""Links to pages in rich text lead to the linked page in the language being read, in one query.

A translated page keeps its source's links (wagtail-localize copies them): a Swedish paragraph links to the
Finnish page, and Wagtail's own handler then looks each link up in the active language with `page.localized`,
a query for the active Locale and one for the translation, per link. This handler fetches the linked pages
and their live translations in the active language together, in one query whatever the number of links or
the language (valoa.languages.locales knows the locale without asking), and falls back to the linked page itself.
"""

from __future__ import annotations

from django.db.models import Model, Q
from django.utils.html import escape
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from valoa.languages.locales import locale_id_of_language


class LocalizedPageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list[Model]:
        ids = [str(attrs.get("id", "")) for attrs in attrs_list]
        valid = [int(pk) for pk in ids if pk.isdigit()]
        locale_id = locale_id_of_language(get_language())
        # The linked pages' keys first, then the linked pages and their translations among the pages with those
        # keys: PostgreSQL looks the keys up in the (translation_key, locale) index; with the OR of both at the
        # top it filtered every page of the site (3.7 ms at 5,000 pages, docs/performance.md).
        keys = Page.objects.filter(pk__in=valid).values("translation_key")
        by_id: dict[str, Page] = {}
        localized: dict = {}
        rows = Page.objects.filter(translation_key__in=keys).filter(
            Q(pk__in=valid) | Q(locale_id=locale_id, live=True)
        )
        for page in rows.defer_streamfields().order_by():
            by_id[str(page.pk)] = page
            if page.locale_id == locale_id and page.live:
                localized[page.translation_key] = page
        found = []
        for pk in ids:
            page = by_id.get(pk)
            found.append(localized.get(page.translation_key, page) if page is not None else None)
        return found

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            f'<a href="{escape(page.url)}">' if page is not None else "<a>"
            for page in cls.get_many(attrs_list)
        ]
