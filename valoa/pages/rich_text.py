"""Links to pages in rich text lead to the linked page in the language being read, in one query.

A translated page keeps its source's links (wagtail-localize copies them): a Swedish paragraph links to the
Finnish page, and Wagtail's own handler then looks each link up in the active language with `page.localized`,
a query for the active Locale and one for the translation, per link. This handler fetches the linked pages
and their live translations in the active language together, in one query whatever the number of links or
the language (valoa.languages.locales knows the locale without asking), and falls back to the linked page itself.
"""

from __future__ import annotations

from django.db.models import Model
from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from valoa.languages.locales import localized_by_pk

# What a link's address needs (Page.get_url_parts: the url_path under a site root, in the page's locale) and
# what localized_by_pk chooses by; a link builds no other column of the page.
LINK_FIELDS = ("url_path", "locale_id", "translation_key", "live")


class LocalizedPageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list[Model]:
        ids = [str(attrs.get("id", "")) for attrs in attrs_list]
        found = localized_by_pk(Page.objects.only(*LINK_FIELDS), [int(pk) for pk in ids if pk.isdigit()])
        return [found.get(int(pk)) if pk.isdigit() else None for pk in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            f'<a href="{escape(page.url)}">' if page is not None else "<a>"
            for page in cls.get_many(attrs_list)
        ]
