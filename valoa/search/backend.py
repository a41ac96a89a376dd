"""Wagtail's PostgreSQL search backend with a text search configuration per content language.

modelsearch's backend has one `SEARCH_CONFIG` for everything it indexes and every query. Here a page (or any
translatable object) is indexed with its own language's configuration (`settings.SEARCH_CONFIGS`: finnish,
swedish, english), so "verktygen" is stored as "verktyg" and "tools" as "tool"; a query is parsed with the
configuration of the language being read (valoa/search/pages.py also keeps results to that language's pages).
Objects without a language (images, documents) use the default `SEARCH_CONFIG`.

The backend reads `config` when it builds an object's vectors and when it compiles a query: `config` is a
property that answers the configuration of the object being indexed (set around each batch, per thread) or,
otherwise, of the active language.

Why internals: modelsearch has one public knob, `SEARCH_CONFIG`, for every object and query; nothing public
chooses a configuration per object or per query. This relies on when modelsearch reads `backend.config`
(per object inside `PostgresIndex.add_items`, per query when results are evaluated), which it does not
document. tests/valoa/test_search_backend_follows_modelsearch.py fingerprints that code and fails when an
upgrade changes it; its docstring says what to check.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from contextlib import contextmanager

from django.conf import settings
from django.utils.translation import get_language
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend
from wagtail.models import TranslatableMixin

from valoa.languages.locales import language_of_locale

_indexing = threading.local()


def config_for_language(language: str | None, default: str | None) -> str | None:
    return settings.SEARCH_CONFIGS.get(language or "", default)


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        if not issubclass(model, TranslatableMixin):
            return super().add_items(model, objs)
        groups: dict[str | None, list] = defaultdict(list)
        for obj in objs:
            groups[language_of_locale(obj.locale_id)].append(obj)
        for language, group in groups.items():
            with indexing_language(language):
                super().add_items(model, group)
        return None


@contextmanager
def indexing_language(language: str | None):
    previous = getattr(_indexing, "language", None)
    _indexing.language = language
    try:
        yield
    finally:
        _indexing.language = previous


class LanguageSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex

    @property
    def config(self) -> str | None:
        language = getattr(_indexing, "language", None) or get_language()
        return config_for_language(language, self.default_config)

    @config.setter
    def config(self, value: str | None) -> None:
        # PostgresSearchBackend sets SEARCH_CONFIG here: the configuration of objects without a language.
        self.default_config = value


SearchBackend = LanguageSearchBackend
