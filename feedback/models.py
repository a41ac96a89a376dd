"""Palaute: the page readers send from, and what they send (`Submission`) with its moderation state."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib import admin
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from inspire.choices import ExperimentStatus
from valoa.blocks import BodyStreamBlock
from valoa.models import BasePage

# Limits shared by the model (full_clean) and the form (maxlength attributes, messages).
TEXT_MAX_LENGTH = 5000
TITLE_MAX_LENGTH = 200
NAME_MAX_LENGTH = 100
ORGANISATION_MAX_LENGTH = 150
EMAIL_MAX_LENGTH = 254
# An experiment shared from a team space: the limits of the story fields it becomes (inspire.StoryPage).
HYPOTHESIS_MAX_LENGTH = 1000
DURATION_MAX_LENGTH = 100
LEARNED_MAX_LENGTH = 2000
TOOLS_MAX_LENGTH = 1000

# Reference codes: no 0/O, 1/I/L, so that a reader can read one out on the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 8


def new_reference() -> str:
    raw = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


class FeedbackPage(BasePage):
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("sisältö"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["valoa.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("palautesivu")


class SubmissionQuerySet(models.QuerySet):
    def approved(self) -> SubmissionQuerySet:
        return self.filter(state=Submission.State.APPROVED)

    def public(self) -> SubmissionQuerySet:
        """What a public template may ever show: approved experiences whose sender allowed publishing."""
        return self.approved().filter(kind=Submission.Kind.EXPERIENCE, publish_permission=True)

    def pending(self) -> SubmissionQuerySet:
        return self.filter(state=Submission.State.PENDING)


class Submission(models.Model):
    """Feedback, an experience or a tip sent by a reader. State changes go through feedback.services."""

    class Kind(models.TextChoices):
        FEEDBACK = "feedback", _("palaute sivustosta")
        EXPERIENCE = "experience", _("kokemus")
        TIP = "tip", _("vinkki")

    class State(models.TextChoices):
        PENDING = "pending", _("odottaa")
        APPROVED = "approved", _("hyväksytty")
        REJECTED = "rejected", _("hylätty")
        SPAM = "spam", _("roskaposti")

    kind = models.CharField(_("laji"), max_length=20, choices=Kind.choices)
    state = models.CharField(
        _("tila"), max_length=20, choices=State.choices, default=State.PENDING, db_index=True
    )
    reference = models.CharField(
        _("viitekoodi"), max_length=12, unique=True, default=new_reference, editable=False
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sivu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_submissions",
    )
    title = models.CharField(_("otsikko"), max_length=TITLE_MAX_LENGTH, blank=True)
    text = models.TextField(_("teksti"), validators=[MaxLengthValidator(TEXT_MAX_LENGTH)])
    name = models.CharField(_("nimi tai nimimerkki"), max_length=NAME_MAX_LENGTH, blank=True)
    organisation = models.CharField(_("organisaatio"), max_length=ORGANISATION_MAX_LENGTH, blank=True)
    email = models.EmailField(_("sähköposti"), max_length=EMAIL_MAX_LENGTH, blank=True)
    publish_permission = models.BooleanField(_("lupa julkaista"), default=False)
    # The language the sender wrote in (the form's URL: /, /sv/, /en/): the moderator reads it, and a published
    # experience is marked with it on the page's translations in other languages (docs/languages.md).
    language = models.CharField(
        _("kieli"), max_length=7, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE, editable=False
    )
    # A keyed hash of the client address: enough to see that many submissions came from one place,
    # not enough to recover the address. Erased by the retention command.
    client_hash = models.CharField(_("tekninen tunniste"), max_length=64, blank=True, editable=False)

    created_at = models.DateTimeField(_("lähetetty"), auto_now_add=True, db_index=True)
    handled_at = models.DateTimeField(_("käsitelty"), null=True, blank=True, editable=False)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("käsittelijä"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    personal_data_erased_at = models.DateTimeField(
        _("henkilötiedot poistettu"), null=True, blank=True, editable=False
    )
    story_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tarinaluonnos"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    # A tip that a team shared from its space's ended experiment ("Jaa Innostuun"): its structured fields, so that
    # the editor's story draft is an experiment prefilled from them (docs/decisions/012-shared-experiments.md).
    # Nothing links it back to the team space: no token, no space, no experiment id.
    shared_experiment = models.BooleanField(_("jaettu kokeilu"), default=False, editable=False)
    experiment_hypothesis = models.TextField(
        _("hypoteesi"), blank=True, validators=[MaxLengthValidator(HYPOTHESIS_MAX_LENGTH)]
    )
    experiment_duration = models.CharField(_("kesto"), max_length=DURATION_MAX_LENGTH, blank=True)
    experiment_status = models.CharField(
        _("kokeilun tila"), max_length=20, choices=ExperimentStatus.choices, blank=True
    )
    experiment_learned = models.TextField(
        _("mitä opimme"), blank=True, validators=[MaxLengthValidator(LEARNED_MAX_LENGTH)]
    )
    experiment_tools = models.TextField(
        _("käytetyt työkalut"), blank=True, validators=[MaxLengthValidator(TOOLS_MAX_LENGTH)]
    )
    # The site's tool pages among them (ids of toolkit.ToolPage): the draft links them as its used tools.
    experiment_tool_ids = models.JSONField(_("työkalusivut"), default=list, blank=True, editable=False)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("lähetetty viesti")
        verbose_name_plural = _("lähetetyt viestit")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["page", "state", "kind"], name="feedback_sub_page_state")]

    def __str__(self) -> str:
        return f"{self.get_kind_display().capitalize()} {self.reference}"

    @property
    def public_name(self) -> str:
        return self.name or str(_("Nimetön"))

    @property
    @admin.display(description=_("viesti"))  # the moderation queue's column header
    def excerpt(self) -> str:
        text = self.title or self.text
        return text if len(text) <= 80 else text[:79] + "…"
