from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ValoaConfig(AppConfig):
    name = "valoa"
    verbose_name = _("VALOA-sivusto")

    def ready(self):
        from valoa import frontend_cache, languages, translated_references

        frontend_cache.connect()
        languages.connect()
        translated_references.connect()
