from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ValoaConfig(AppConfig):
    name = "valoa"
    verbose_name = _("VALOA-sivusto")

    def ready(self):
        from valoa.caching import frontend_cache
        from valoa.languages import locales, translated_references
        from valoa.security import two_factor

        frontend_cache.connect()
        locales.connect()
        translated_references.connect()
        two_factor.connect()
