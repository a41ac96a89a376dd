"""Innostu's vocabulary: the story kinds and an experiment's states (the models' choices, the filter's values)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class StoryKind(models.TextChoices):
    """What kind of story a page tells. The values are the Innostu filter's URL values (`?kind=kokeilu`)."""

    CASE_STUDY = "tapausesimerkki", _("Tapausesimerkki")
    EXPERIMENT = "kokeilu", _("Kokeilu")
    INSIGHT = "oivallus", _("Oivallus")


# The filter lists kinds in the plural ("Kokeilut"); a story names its own in the singular.
KIND_PLURALS = {
    StoryKind.CASE_STUDY: _("Tapausesimerkit"),
    StoryKind.EXPERIMENT: _("Kokeilut"),
    StoryKind.INSIGHT: _("Oivallukset"),
}


class ExperimentStatus(models.TextChoices):
    PLANNED = "planned", _("suunnitteilla")
    RUNNING = "running", _("käynnissä")
    ENDED = "ended", _("päättynyt")
    ADOPTED = "adopted", _("vakiintunut käytännöksi")
    STOPPED = "stopped", _("lopetettu")
