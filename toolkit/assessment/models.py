"""Assessment data: scales (snippets), phase bands on an assessment page, rounds, responses and ratings.

Ratings are stored one row per statement so that the database computes the results (GROUP BY), and the
number of queries of a results page does not depend on the number of responses.
"""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin

from toolkit.assessment.admin_forms import AssessmentPageForm, AssessmentScaleForm
from toolkit.assessment.blocks import StatementGroup, StatementsStreamBlock, statement_groups
from toolkit.team.models import TeamSpace
from toolkit.tools.models import SectionPage

ROUND_TOKEN_BYTES = 32
ROUND_TOKEN_LENGTH = 43
MIN_THRESHOLD = 3


def new_round_token() -> str:
    return secrets.token_urlsafe(ROUND_TOKEN_BYTES)


class AssessmentScale(TranslatableMixin, ClusterableModel):
    """A rating scale, e.g. the owner's growing plant: 1 ei vielä, 2 osittain, 3 hyvin. Translatable: a Swedish
    assessment page uses the Swedish scale (its levels' labels); the values are the same in every language."""

    class Style(models.TextChoices):
        PLANT = "plant", _("kasvava kasvi")
        NUMBERS = "numbers", _("numerot")

    name = models.CharField(_("nimi"), max_length=80)
    style = models.CharField(_("ulkoasu"), max_length=10, choices=Style.choices, default=Style.PLANT)

    panels = [
        FieldPanel("name"),
        FieldPanel("style"),
        InlinePanel("levels", heading=_("Tasot"), label=_("taso"), min_num=2, max_num=10),
    ]
    base_form_class = AssessmentScaleForm

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("arviointiasteikko")
        verbose_name_plural = _("arviointiasteikot")

    def __str__(self) -> str:
        return self.name

    def level_list(self) -> list[AssessmentScaleLevel]:
        """The levels from the lowest value up (uses prefetched levels when present)."""
        return sorted(self.levels.all(), key=lambda level: level.value)

    @property
    def low(self) -> int:
        return min(level.value for level in self.levels.all())

    @property
    def high(self) -> int:
        return max(level.value for level in self.levels.all())


class AssessmentScaleLevel(TranslatableMixin, Orderable):
    scale = ParentalKey(AssessmentScale, on_delete=models.CASCADE, related_name="levels")
    value = models.PositiveSmallIntegerField(_("arvo"), validators=[MaxValueValidator(10)])
    label = models.CharField(_("nimi"), max_length=60)
    description = models.CharField(_("kuvaus"), max_length=200, blank=True)

    panels = [FieldPanel("value"), FieldPanel("label"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        # A level's label is translated with its scale (wagtail-localize translates translatable child objects).
        unique_together = [("translation_key", "locale")]
        verbose_name = _("asteikon taso")
        verbose_name_plural = _("asteikon tasot")

    def __str__(self) -> str:
        return f"{self.value} {self.label}"


class AssessmentPhaseBand(Orderable):
    """A score range of an assessment page mapped to a journey phase."""

    page = ParentalKey("toolkit.AssessmentPage", on_delete=models.CASCADE, related_name="phase_bands")
    phase = models.ForeignKey(
        "valoa.Phase", on_delete=models.PROTECT, related_name="+", verbose_name=_("vaihe")
    )
    min_score = models.DecimalField(_("alaraja"), max_digits=4, decimal_places=2)
    max_score = models.DecimalField(
        _("yläraja"),
        max_digits=4,
        decimal_places=2,
        help_text=_(
            "Alaraja kuuluu vaiheeseen, yläraja seuraavaan (ylin yläraja kuuluu ylimpään vaiheeseen)."
        ),
    )

    panels = [FieldPanel("phase"), FieldPanel("min_score"), FieldPanel("max_score")]

    class Meta(Orderable.Meta):
        verbose_name = _("vaiheen pisteraja")
        verbose_name_plural = _("vaiheiden pisterajat")

    def contains(self, score: Decimal, *, is_top: bool) -> bool:
        return self.min_score <= score < self.max_score or (is_top and score == self.max_score)


class AssessmentRound(models.Model):
    """One assessment a team does in its space: consensus, anonymous, or a saved self-assessment."""

    class Mode(models.TextChoices):
        CONSENSUS = "consensus", _("yhdessä sopien")
        ANONYMOUS = "anonymous", _("nimettömästi")
        SELF = "self", _("itsearviointi")

    class State(models.TextChoices):
        OPEN = "open", _("avoinna")
        REVEALED = "revealed", _("tulokset näytetty")
        CLOSED = "closed", _("suljettu")

    space = models.ForeignKey(TeamSpace, on_delete=models.CASCADE, related_name="assessment_rounds")
    page = models.ForeignKey("toolkit.AssessmentPage", on_delete=models.CASCADE, related_name="rounds")
    token = models.CharField(
        max_length=ROUND_TOKEN_LENGTH, unique=True, default=new_round_token, editable=False
    )
    mode = models.CharField(_("tapa"), max_length=10, choices=Mode.choices, default=Mode.ANONYMOUS)
    state = models.CharField(_("tila"), max_length=10, choices=State.choices, default=State.OPEN)
    threshold = models.PositiveSmallIntegerField(
        _("vähimmäismäärä vastauksia"),
        default=MIN_THRESHOLD,
        validators=[MinValueValidator(MIN_THRESHOLD), MaxValueValidator(100)],
    )
    created_at = models.DateTimeField(_("aloitettu"), default=timezone.now, db_index=True)
    revealed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The results presentation's slide the presenter shows now, for follower screens and late joiners
    # (last write wins: whoever presents sets it; toolkit/assessment/presentation.py).
    presented_position = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("arviointikierros")
        verbose_name_plural = _("arviointikierrokset")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(threshold__gte=MIN_THRESHOLD), name="assessment_round_threshold_min"
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_id} {self.created_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    @property
    def is_anonymous(self) -> bool:
        return self.mode == self.Mode.ANONYMOUS


class AssessmentResponse(models.Model):
    """One browser's answers in a round. `respondent` is a hash, never an identity or the cookie itself."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="responses")
    respondent = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("arviointivastaus")
        verbose_name_plural = _("arviointivastaukset")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "respondent"], name="assessment_response_one_per_browser"
            )
        ]

    def __str__(self) -> str:
        return str(_("Vastaus"))


class AssessmentRating(models.Model):
    """One rating of one statement (by its stable key). `round` is repeated here for aggregation."""

    response = models.ForeignKey(AssessmentResponse, on_delete=models.CASCADE, related_name="ratings")
    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="ratings")
    statement_key = models.CharField(max_length=40)
    value = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("arvio")
        verbose_name_plural = _("arviot")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "statement_key"], name="assessment_rating_one_per_statement"
            )
        ]
        indexes = [models.Index(fields=["round", "statement_key", "value"], name="assessment_rating_agg")]

    def __str__(self) -> str:
        return self.statement_key


class AssessmentPage(SectionPage):
    """An assessment tool: the team's joint assessment or an employee's or supervisor's self-assessment."""

    class Kind(models.TextChoices):
        TEAM = "team", _("tiimin yhteinen arviointi")
        EMPLOYEE = "employee", _("työntekijän itsearviointi")
        SUPERVISOR = "supervisor", _("esihenkilön itsearviointi")

    kind = models.CharField(_("arvioinnin tyyppi"), max_length=12, choices=Kind.choices, default=Kind.TEAM)
    scale = models.ForeignKey(
        "toolkit.AssessmentScale",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("asteikko"),
    )
    statements = StreamField(
        StatementsStreamBlock(), blank=True, verbose_name=_("väittämät"), use_json_field=True
    )

    content_panels = [
        *SectionPage.content_panels,
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("scale")], heading=_("Arviointi")),
        FieldPanel("statements"),
        InlinePanel("phase_bands", heading=_("Vaiheiden pisterajat"), label=_("vaiheen pisteraja")),
    ]
    base_form_class = AssessmentPageForm

    template = "toolkit/assessment/assessment_page.html"
    parent_page_types = ["toolkit.StartPage"]
    subpage_types = []

    @property
    def is_team(self) -> bool:
        return self.kind == self.Kind.TEAM

    def statement_groups(self) -> list[StatementGroup]:
        return statement_groups(self.statements)

    def scale_context(self) -> dict:
        """The statements and the scale's levels the page and the assessment views show."""
        levels = self.scale.level_list() if self.scale else []
        groups = self.statement_groups()
        return {
            "groups": groups,
            "levels": levels,
            "level_count": len(levels),
            "statement_count": sum(len(group.statements) for group in groups),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The team's start form is a view concern: the template gets it from {% start_round_form %}.
        context.update(
            self.scale_context() if self.scale_id else {"groups": self.statement_groups(), "levels": []}
        )
        return context

    class Meta:
        verbose_name = _("arviointityökalu")
        verbose_name_plural = _("arviointityökalut")
