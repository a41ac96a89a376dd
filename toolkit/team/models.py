"""Team data: a team's space behind its secret link. No accounts and no personal data."""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# 32 random bytes = 256 bits, URL-safe base64 without padding: 43 characters.
TOKEN_BYTES = 32
TOKEN_LENGTH = 43
ANSWER_MAX_LENGTH = 5000


def new_team_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


class TeamSpace(models.Model):
    """A team's own space, reached only through its secret link /tiimi/<token>/."""

    token = models.CharField(max_length=TOKEN_LENGTH, unique=True, default=new_team_token, editable=False)
    name = models.CharField(_("tiimin nimi"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("luotu"), default=timezone.now, editable=False)
    last_active_at = models.DateTimeField(_("viimeksi käytetty"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("tiimin työtila")
        verbose_name_plural = _("tiimien työtilat")

    def __str__(self) -> str:
        # Never the token: it is the team's secret.
        return self.name or str(_("Nimetön tiimi"))

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("toolkit:team_space", kwargs={"token": self.token})


class WorkbookSession(models.Model):
    """One meeting's pass through the workbook in a team space; sessions are numbered per space."""

    space = models.ForeignKey(
        TeamSpace, on_delete=models.CASCADE, related_name="workbook_sessions", verbose_name=_("työtila")
    )
    number = models.PositiveIntegerField(_("numero"))
    created_at = models.DateTimeField(_("aloitettu"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("työkirjakierros")
        verbose_name_plural = _("työkirjakierrokset")
        ordering = ["space", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["space", "number"], name="unique_workbook_session_number"),
        ]

    def __str__(self) -> str:
        return str(_("Työkirjakierros %(number)s") % {"number": self.number})

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("toolkit:workbook_session", kwargs={"token": self.space.token, "number": self.number})


class WorkbookAnswer(models.Model):
    """A team's answer to one question in one session, keyed by the question's stable key.

    `version` grows by one on every save; a save names the version it started from, so a newer answer
    saved meanwhile by another member is reported as a conflict instead of being overwritten.
    """

    session = models.ForeignKey(
        WorkbookSession, on_delete=models.CASCADE, related_name="answers", verbose_name=_("työkirjakierros")
    )
    question_key = models.CharField(_("kysymyksen tunniste"), max_length=60)
    text = models.TextField(_("vastaus"), blank=True, max_length=ANSWER_MAX_LENGTH)
    version = models.PositiveIntegerField(_("versio"), default=1)
    created_at = models.DateTimeField(_("luotu"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("muokattu"), default=timezone.now)

    class Meta:
        verbose_name = _("työkirjan vastaus")
        verbose_name_plural = _("työkirjan vastaukset")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "question_key"], name="unique_workbook_answer_per_question"
            ),
        ]

    def __str__(self) -> str:
        return self.question_key
