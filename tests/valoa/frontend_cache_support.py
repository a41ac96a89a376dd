"""A front-cache backend for tests: it records what would have been purged and banned."""

from urllib.parse import urlsplit

from wagtail.contrib.frontend_cache.backends import BaseBackend


class RecordingBackend(BaseBackend):
    purged: list[str] = []
    banned: list[str] = []

    def purge(self, url):
        RecordingBackend.purged.append(url)

    def ban_subtree(self, url):
        RecordingBackend.banned.append(url)

    @classmethod
    def reset(cls):
        cls.purged.clear()
        cls.banned.clear()

    @classmethod
    def purged_paths(cls) -> set[str]:
        return {urlsplit(url).path for url in cls.purged}

    @classmethod
    def banned_paths(cls) -> set[str]:
        return {urlsplit(url).path for url in cls.banned}


SETTINGS = {"recording": {"BACKEND": "tests.valoa.frontend_cache_support.RecordingBackend"}}
