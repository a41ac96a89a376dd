"""The tools' vocabulary: how a tool can be run (a ToolPage field group and the finder's `?format=` values)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Format(models.TextChoices):
    """How a tool can be run; stored as one boolean per format on ToolPage so the finder filters in SQL."""

    IN_PERSON = "lahi", _("Lähitapaaminen")
    REMOTE = "eta", _("Etätapaaminen")
    HYBRID = "hybridi", _("Hybriditapaaminen")

    @property
    def field_name(self) -> str:
        return {"lahi": "format_in_person", "eta": "format_remote", "hybridi": "format_hybrid"}[self.value]
