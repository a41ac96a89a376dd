"""Small values of the tools room that its pages, blocks and the finder share: the meeting formats, durations
as people say them, and one-item-per-line texts."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


def lines(text: str) -> list[str]:
    """The items of a one-item-per-line text area; blank lines and stray spaces are not items."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class Format(models.TextChoices):
    """How a tool can be run; stored as one boolean per format on ToolPage so the finder filters in SQL."""

    IN_PERSON = "lahi", _("Lähitapaaminen")
    REMOTE = "eta", _("Etätapaaminen")
    HYBRID = "hybridi", _("Hybriditapaaminen")

    @property
    def field_name(self) -> str:
        return {"lahi": "format_in_person", "eta": "format_remote", "hybridi": "format_hybrid"}[self.value]


def duration_text(minutes: int) -> str:
    """A duration in the unit people use: "45 min", "1,5 tuntia", "4 tuntia", "2 h 15 min"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("%(m)s min") % {"m": minutes}
    if not rest:
        return ngettext("%(h)s tunti", "%(h)s tuntia", hours) % {"h": hours}
    if rest == 30:
        return _("%(h)s,5 tuntia") % {"h": hours}
    return _("%(h)s h %(m)s min") % {"h": hours, "m": rest}
