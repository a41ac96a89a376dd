"""The way in (Aloita), the toolkit (Työkalut) and the team tools' pages."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from toolkit.assessment_blocks import StatementGroup, StatementsStreamBlock, statement_groups
from toolkit.assessment_forms import AssessmentPageForm
from toolkit.workbook_blocks import WorkbookStreamBlock
from valoa.blocks import BodyStreamBlock
from valoa.models import BasePage


class SectionPage(BasePage):
    """A page with a lead and a free body: the shape every section page starts from."""

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("sisältö"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True


class StartPage(SectionPage):
    """Aloita: the journey overview and the way into the workbook and the assessments."""

    parent_page_types = ["valoa.HomePage"]
    subpage_types = ["toolkit.WorkbookPage", "toolkit.AssessmentPage", "valoa.ContentPage"]
    max_count = 1

    class Meta:
        verbose_name = _("aloitussivu")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = (
            self.get_children().live().public().only("title", "url_path", "search_description")
        )
        return context


class ToolIndexPage(SectionPage):
    """Työkalut: the toolkit and its tool finder."""

    parent_page_types = ["valoa.HomePage"]
    subpage_types = ["toolkit.ToolPage"]
    max_count = 1

    class Meta:
        verbose_name = _("työkalujen hakemisto")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tools"] = (
            ToolPage.objects.child_of(self)
            .live()
            .public()
            .order_by("title")
            .only("title", "url_path", "intro", "duration_minutes", "path", "depth")
        )
        return context


class ToolPage(BasePage):
    """A method a team can run in a meeting it already has."""

    duration_minutes = models.PositiveSmallIntegerField(
        _("kesto (min)"),
        validators=[MinValueValidator(1), MaxValueValidator(60 * 24)],
        help_text=_("Kuinka kauan työkalun käyttö kestää tapaamisessa."),
    )
    phases = ParentalManyToManyField(
        "valoa.Phase", blank=True, verbose_name=_("vaiheet"), related_name="tools"
    )
    themes = ParentalManyToManyField(
        "valoa.Theme", blank=True, verbose_name=_("teemat"), related_name="tools"
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("sisältö"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("duration_minutes"),
        MultiFieldPanel([FieldPanel("phases"), FieldPanel("themes")], heading=_("Luokittelu")),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["toolkit.ToolIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("työkalu")
        verbose_name_plural = _("työkalut")


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

    parent_page_types = ["toolkit.StartPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("työkirja")


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
        InlinePanel("phase_bands", label=_("Vaiheiden pisterajat")),
    ]
    base_form_class = AssessmentPageForm

    parent_page_types = ["toolkit.StartPage"]
    subpage_types = []

    @property
    def is_team(self) -> bool:
        return self.kind == self.Kind.TEAM

    def statement_groups(self) -> list[StatementGroup]:
        return statement_groups(self.statements)

    def get_context(self, request, *args, **kwargs):
        from toolkit.views.assessment import assessment_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(assessment_page_context(self, request))
        return context

    class Meta:
        verbose_name = _("arviointityökalu")
        verbose_name_plural = _("arviointityökalut")
