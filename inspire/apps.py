from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspireConfig(AppConfig):
    name = "inspire"
    verbose_name = _("Innostu")
