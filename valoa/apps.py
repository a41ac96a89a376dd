from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ValoaConfig(AppConfig):
    name = "valoa"
    verbose_name = _("VALOA-sivusto")

    def ready(self):
        from valoa import page_cache_signals

        page_cache_signals.connect()

        from valoa import frontend_cache

        frontend_cache.connect()
