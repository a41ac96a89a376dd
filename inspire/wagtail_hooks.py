"""Wagtail hooks of Innostu: its part of the front-cache purge map."""

from wagtail import hooks

from inspire import frontend_cache

hooks.register("frontend_cache_page_targets", frontend_cache.page_targets)
hooks.register("register_frontend_cache_models", frontend_cache.models)
