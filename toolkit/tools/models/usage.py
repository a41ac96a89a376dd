"""Counters of tool use per day, with nothing about who: no space, no address, no cookie (docs/usage-figures.md).

One row per tool, day and event; recording is one UPDATE … SET count = count + 1 (toolkit/tools/usage.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ToolUsageDay(models.Model):
    class Event(models.TextChoices):
        VIEW = "view", _("katseltu")
        FACILITATE = "facilitate", _("ohjattu")
        PLAN = "plan", _("lisätty palaveriin")
        RECOMMEND = "recommend", _("suositeltu tuloksissa")
        CHOSEN = "chosen", _("valittu suosituksesta")

    tool = models.ForeignKey(
        "toolkit.ToolPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("työkalu")
    )
    day = models.DateField(_("päivä"))
    event = models.CharField(_("tapahtuma"), max_length=12, choices=Event.choices)
    count = models.PositiveIntegerField(_("määrä"), default=0)

    class Meta:
        verbose_name = _("työkalun käyttö päivässä")
        verbose_name_plural = _("työkalujen käyttö päivittäin")
        constraints = [
            models.UniqueConstraint(fields=["tool", "day", "event"], name="tool_usage_one_row_per_day")
        ]
        indexes = [models.Index(fields=["day", "event"], name="tool_usage_day_event")]
        # Who may read the usage figures in the admin (feedback/usage/): Editors get it from the migration,
        # superusers have every permission, and an administrator can give it to any group in the group editor.
        permissions = [("view_usage_figures", _("Voi katsella käyttötilastoja"))]

    def __str__(self) -> str:
        return f"{self.tool_id} {self.day} {self.event}"
