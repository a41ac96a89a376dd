"""Team data: a team's space behind its secret link. No accounts and no personal data."""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# 32 random bytes = 256 bits, URL-safe base64 without padding: 43 characters.
TOKEN_BYTES = 32
TOKEN_LENGTH = 43


def new_team_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


class TeamSpace(models.Model):
    """A team's own space, reached only through its secret link /tiimi/<token>/."""

    token = models.CharField(max_length=TOKEN_LENGTH, unique=True, default=new_team_token, editable=False)
    name = models.CharField(_("tiimin nimi"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("luotu"), default=timezone.now, editable=False)
    last_active_at = models.DateTimeField(_("viimeksi käytetty"), default=timezone.now, db_index=True)
    # The team's choice in its space: its data is left out of every usage figure (docs/usage-figures.md).
    usage_opt_out = models.BooleanField(_("ei mukana käyttötilastoissa"), default=False)
    # Raised after every request that may have changed what the space's pages show: the team's rendered pages
    # are cached under it (toolkit/team/page_cache.py, docs/decisions/017-team-pages-by-revision.md).
    revision = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("tiimin työtila")
        verbose_name_plural = _("tiimien työtilat")

    def __str__(self) -> str:
        # Never the token: it is the team's secret.
        return self.name or str(_("Nimetön tiimi"))

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("toolkit:team_space", kwargs={"token": self.token})
