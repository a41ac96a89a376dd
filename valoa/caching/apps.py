from django.apps import AppConfig


class FrontendCacheConfig(AppConfig):
    """Connects the front cache's receivers (valoa/caching/frontend_cache.py) to the models they are for.

    Last in INSTALLED_APPS, so that its `ready()` runs after every other app's: the models whose changes purge
    include the snippets, which Wagtail registers only in its snippets app's `ready()` (valoa's own `ready()`
    runs first of all, valoa being first in INSTALLED_APPS for its templates). No models of its own."""

    name = "valoa.caching"
    label = "valoa_caching"

    def ready(self):
        from valoa.caching import frontend_cache

        frontend_cache.connect()
