"""The workbook room's data: the workbook page editors write, and a team's sessions and answers in its space."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from toolkit.team.models import TeamSpace
from toolkit.tools.models import SectionPage
from toolkit.workbook.blocks import WorkbookStreamBlock

ANSWER_MAX_LENGTH = 5000


class WorkbookPage(SectionPage):
    """The VALOA workbook (työkirja) a team works through in its meetings.

    Editors define its sections and questions here; teams answer them in their own space under /tiimi/.
    """

    sections = StreamField(
        WorkbookStreamBlock(),
        blank=True,
        verbose_name=_("työkirjan osat ja kysymykset"),
        help_text=_(
            "Tiimien vastaukset kiinnittyvät kysymysten tunnisteisiin, eivät sanamuotoon tai järjestykseen."
        ),
    )

    content_panels = [*SectionPage.content_panels, FieldPanel("sections")]

    template = "toolkit/workbook/workbook_page.html"
    parent_page_types = ["toolkit.StartPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("työkirja")


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
