from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Palaute")

    def ready(self):
        from feedback import frontend_cache

        frontend_cache.connect()
