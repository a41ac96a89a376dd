from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ValoaConfig(AppConfig):
    name = "valoa"
    verbose_name = _("VALOA-sivusto")

    def ready(self):
        from valoa.languages import locales, translated_references, translating
        from valoa.security import two_factor

        # The front cache's receivers are connected by valoa/caching/apps.py, once every app is ready.
        locales.connect()
        translated_references.connect()
        translating.connect()
        two_factor.connect()
