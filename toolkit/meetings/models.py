"""A team's meeting plans: a title, a date and a start time, the minutes available and ordered blocks.

Three kinds of version (docs/decisions/013-per-block-versions.md): the plan's `version` for its details, the
plan's `order_version` for its structure (adding, moving, removing, restoring blocks) and each block's own
`version` for its text and minutes. A change names the version it started from, so a stale edit is reported as a
conflict instead of overwriting another member's change; two members editing different blocks never conflict.

A space may keep one plan as its template (`is_template`): it is not a meeting, and new plans can start from it.
A removed block is kept with `removed_at` for a while, so that its removal can be undone.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toolkit.team.models import TeamSpace

PLAN_MAX_MINUTES = 8 * 60
BLOCK_MAX_MINUTES = 8 * 60
NOTE_MAX_LENGTH = 1000
TITLE_MAX_LENGTH = 120
MAX_BLOCKS = 40


class MeetingPlan(models.Model):
    space = models.ForeignKey(
        TeamSpace, on_delete=models.CASCADE, related_name="meeting_plans", verbose_name=_("työtila")
    )
    title = models.CharField(_("palaverin nimi"), max_length=TITLE_MAX_LENGTH)
    date = models.DateField(_("päivä"))
    start_time = models.TimeField(_("alkaa"))
    minutes_available = models.PositiveSmallIntegerField(
        _("aikaa käytettävissä (min)"),
        validators=[MinValueValidator(5), MaxValueValidator(PLAN_MAX_MINUTES)],
    )
    version = models.PositiveIntegerField(_("versio"), default=1)
    # The blocks' order and set: named by adding, moving, removing and restoring, not by a block's own edit.
    order_version = models.PositiveIntegerField(_("järjestyksen versio"), default=1)
    # The space's one template: not a meeting (not listed, never the "next meeting"); new plans copy its blocks.
    is_template = models.BooleanField(_("palaveripohja"), default=False)
    # The calendar event's UID: stable for the plan's life, and not the team's secret token.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("luotu"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("muokattu"), default=timezone.now)

    class Meta:
        verbose_name = _("palaverin suunnitelma")
        verbose_name_plural = _("palaverien suunnitelmat")
        ordering = ["date", "start_time", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["space"], condition=models.Q(is_template=True), name="one_meeting_template_per_space"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def live_blocks(self):
        """The plan's blocks that are not removed (a removed block waits for its undo)."""
        return self.blocks.filter(removed_at__isnull=True)


class MeetingBlock(models.Model):
    class Kind(models.TextChoices):
        OPENING = "avaus", _("Avaus")
        TOPIC = "aihe", _("Oma aihe")
        BREAK = "tauko", _("Tauko")
        CLOSING = "lopetus", _("Lopetus")
        TOOL = "tyokalu", _("Työkalu")

    plan = models.ForeignKey(
        MeetingPlan, on_delete=models.CASCADE, related_name="blocks", verbose_name=_("suunnitelma")
    )
    position = models.PositiveIntegerField(_("järjestys"), default=0)
    kind = models.CharField(_("tyyppi"), max_length=10, choices=Kind.choices)
    # A tool block keeps its own title and minutes: the plan still reads right if the tool is unpublished.
    tool = models.ForeignKey(
        "toolkit.ToolPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("työkalu"),
    )
    title = models.CharField(_("otsikko"), max_length=TITLE_MAX_LENGTH)
    minutes = models.PositiveSmallIntegerField(
        _("minuutteja"), validators=[MinValueValidator(1), MaxValueValidator(BLOCK_MAX_MINUTES)]
    )
    note = models.TextField(_("muistiinpano"), blank=True, max_length=NOTE_MAX_LENGTH)
    # A suggested plan's results block: the round whose slides it goes through (the plan page links them).
    assessment_round = models.ForeignKey(
        "toolkit.AssessmentRound",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("arviointikierros"),
    )
    # The block's own version: an edit names it, so editing one block never conflicts with another's edit.
    version = models.PositiveIntegerField(_("versio"), default=1)
    # Set when the block is removed: it is kept (with its place in `position`) until its undo is too old.
    removed_at = models.DateTimeField(_("poistettu"), null=True, blank=True)
    # The block it followed when removed (0: it was first): the undo puts it back after that block when it is
    # still there, which survives other members' moves; else at its old place (`position`).
    removed_after = models.PositiveIntegerField(_("poistettaessa edellinen osio"), null=True, blank=True)

    class Meta:
        verbose_name = _("palaverin osio")
        verbose_name_plural = _("palaverin osiot")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


EXPERIMENT_TEXT_MAX_LENGTH = 2000


class TeamExperiment(models.Model):
    """A team's experiment (kokeilu): what the team tries and why, how it will know it worked, and when it
    follows it up. Planned → running → ended; an ended experiment keeps what was learned and the team's choice.

    It lives beside the meeting plans because experiments are agreed on in meetings and followed up in the
    next one (the suggested plan reads the running ones). Versioned as plans are: a change names the version
    it started from (docs/decisions/009-team-experiments-and-the-suggestion-rule.md).
    """

    class State(models.TextChoices):
        PLANNED = "suunniteltu", _("Suunniteltu")
        RUNNING = "kaynnissa", _("Käynnissä")
        ENDED = "paattynyt", _("Päättynyt")

    class Outcome(models.TextChoices):
        CONTINUE = "jatketaan", _("Jatketaan kokeilua")
        ADOPT = "otetaan-kayttoon", _("Otetaan pysyväksi tavaksi")
        STOP = "lopetetaan", _("Lopetetaan")

    space = models.ForeignKey(
        TeamSpace, on_delete=models.CASCADE, related_name="experiments", verbose_name=_("työtila")
    )
    title = models.CharField(_("mitä kokeilemme"), max_length=200)
    why = models.TextField(_("miksi"), blank=True, max_length=EXPERIMENT_TEXT_MAX_LENGTH)
    addresses = models.CharField(_("väittämä tai teema"), max_length=300, blank=True)
    caretaker = models.CharField(_("kuka pitää huolta"), max_length=120, blank=True)
    starts_on = models.DateField(_("alkaa"), null=True, blank=True)
    ends_on = models.DateField(_("päättyy"), null=True, blank=True)
    success = models.TextField(
        _("mistä tiedämme, että se toimi"), blank=True, max_length=EXPERIMENT_TEXT_MAX_LENGTH
    )
    follow_up_on = models.DateField(_("seurantapäivä"), null=True, blank=True)
    state = models.CharField(_("tila"), max_length=12, choices=State.choices, default=State.PLANNED)
    learned = models.TextField(_("mitä opimme"), blank=True, max_length=EXPERIMENT_TEXT_MAX_LENGTH)
    outcome = models.CharField(_("jatko"), max_length=20, choices=Outcome.choices, blank=True)
    # The meeting it was agreed on, if any (kept when the plan is deleted: the experiment is the team's).
    plan = models.ForeignKey(
        MeetingPlan,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experiments",
        verbose_name=_("palaveri"),
    )
    version = models.PositiveIntegerField(_("versio"), default=1)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("luotu"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("muokattu"), default=timezone.now)

    class Meta:
        verbose_name = _("tiimin kokeilu")
        verbose_name_plural = _("tiimin kokeilut")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.state != self.State.ENDED


class FacilitationRun(models.Model):
    """The one shared facilitation state of a plan's meeting (docs/facilitation.md): every screen that opens
    the plan's facilitation view shows this step, this remaining time and this running or paused state.

    Time is kept as server timestamps, never as ticks: a step's used time is what was banked in `used_ms` on
    pauses and moves plus (now - `started_at`) while it runs; `adjust_ms` holds each step's ±1 min. `planned_ms`
    is what each step was planned to take when the run began (a plan with other step minutes starts afresh).
    `version` grows with every change; a change names the version it started from (a stale one is a conflict).
    `controller` is the random key of the screen that holds the controls (kept in that browser's
    sessionStorage); empty until a screen first uses them."""

    plan = models.OneToOneField(
        MeetingPlan,
        on_delete=models.CASCADE,
        related_name="facilitation_run",
        verbose_name=_("suunnitelma"),
    )
    index = models.PositiveSmallIntegerField(_("työvaihe"), default=0)
    running = models.BooleanField(_("käynnissä"), default=False)
    started = models.BooleanField(_("aloitettu"), default=False)
    started_at = models.DateTimeField(_("käynnistetty"), null=True, blank=True)
    planned_ms = models.JSONField(_("suunnitellut ajat"), default=list)
    used_ms = models.JSONField(_("käytetyt ajat"), default=list)
    adjust_ms = models.JSONField(_("lisätyt ajat"), default=list)
    version = models.PositiveIntegerField(_("versio"), default=1)
    controller = models.CharField(_("ohjaava näyttö"), max_length=64, blank=True)
    updated_at = models.DateTimeField(_("muokattu"), default=timezone.now)

    class Meta:
        verbose_name = _("ohjattu palaveri")
        verbose_name_plural = _("ohjatut palaverit")

    def __str__(self) -> str:
        return str(self.plan)
