"""Innostu: stories of case examples, experiments and insights from state organisations."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from inspire.blocks import StoryBodyBlock
from valoa.blocks import BodyStreamBlock
from valoa.models import BasePage


@register_snippet
class Organisation(index.Indexed, models.Model):
    name = models.CharField(_("nimi"), max_length=200, unique=True)
    short_name = models.CharField(_("lyhenne"), max_length=40, blank=True)
    website = models.URLField(_("verkkosivusto"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisaatio")
        verbose_name_plural = _("organisaatiot")

    def __str__(self) -> str:
        return self.name


class InspireIndexPage(RoutablePageMixin, BasePage):
    """Innostu: the stories, newest first, with filters, pagination and feeds."""

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("sisältö"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["valoa.HomePage"]
    subpage_types = ["inspire.CaseStudyPage", "inspire.ExperimentPage", "inspire.InsightPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Innostu-hakemisto")

    def get_context(self, request, *args, **kwargs):
        from inspire.views import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context

    @path("syote/rss/", name="rss")
    def rss_feed(self, request):
        from inspire.feeds import StoryRssFeed

        return StoryRssFeed(self)(request)

    @path("syote/atom/", name="atom")
    def atom_feed(self, request):
        from inspire.feeds import StoryAtomFeed

        return StoryAtomFeed(self)(request)


class StoryPage(BasePage):
    """What every story has; the three kinds add their own fields."""

    story_date = models.DateField(
        _("päivämäärä"),
        default=timezone.localdate,
        help_text=_("Tarinan päivämäärä. Innostu listaa tarinat tämän mukaan uusin ensin."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisaatio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    period = models.CharField(_("ajankohta"), max_length=100, blank=True, help_text=_("Esim. kevät 2026."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("pääkuva"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("pääkuvan vaihtoehtoinen teksti"),
        max_length=250,
        blank=True,
        help_text=_("Kerro, mitä kuvassa näkyy. Jos jätät tyhjäksi, käytetään kuvan kuvausta kuvapankista."),
    )
    phases = ParentalManyToManyField("valoa.Phase", blank=True, verbose_name=_("vaiheet"), related_name="+")
    themes = ParentalManyToManyField("valoa.Theme", blank=True, verbose_name=_("teemat"), related_name="+")
    body = StreamField(StoryBodyBlock(), blank=True, verbose_name=_("sisältö"))

    background_panels = [
        MultiFieldPanel(
            [FieldPanel("story_date"), FieldPanel("organisation"), FieldPanel("period")],
            heading=_("Tausta"),
        ),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Pääkuva")),
        MultiFieldPanel([FieldPanel("phases"), FieldPanel("themes")], heading=_("Luokittelu")),
    ]
    content_panels = [
        *BasePage.content_panels,
        *background_panels,
        FieldPanel("body"),
        InlinePanel("story_tool_links", label=_("Käytetyt työkalut"), heading=_("Käytetyt työkalut")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["inspire.InspireIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt and not self.hero_image.description:
            raise ValidationError(
                {"hero_image_alt": _("Kirjoita pääkuvalle vaihtoehtoinen teksti (tai kuvaus kuvapankkiin).")}
            )

    @property
    def hero_alt(self) -> str:
        if self.hero_image_alt:
            return self.hero_image_alt
        return getattr(self.hero_image, "description", "") if self.hero_image_id else ""

    @cached_property
    def kind(self):
        from inspire.selectors import kind_for_model

        return kind_for_model(type(self))

    def get_context(self, request, *args, **kwargs):
        from inspire.views import story_context

        context = super().get_context(request, *args, **kwargs)
        context.update(story_context(self, request))
        return context


class StoryToolLink(Orderable):
    """A tool the team used, in the order the story tells it. Any story page type may have these."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="story_tool_links")
    tool = models.ForeignKey(
        "toolkit.ToolPage", verbose_name=_("työkalu"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(
        _("miten käytimme"), max_length=200, blank=True, help_text=_("Esim. kahdessa viikkopalaverissa.")
    )

    panels = [PageChooserPanel("tool", "toolkit.ToolPage"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("käytetty työkalu")
        verbose_name_plural = _("käytetyt työkalut")
        constraints = [models.UniqueConstraint(fields=["page", "tool"], name="inspire_unique_tool_per_story")]


class CaseStudyPage(StoryPage):
    class Meta:
        verbose_name = _("tapausesimerkki")
        verbose_name_plural = _("tapausesimerkit")


class ExperimentStatus(models.TextChoices):
    PLANNED = "planned", _("suunnitteilla")
    RUNNING = "running", _("käynnissä")
    ENDED = "ended", _("päättynyt")
    ADOPTED = "adopted", _("vakiintunut käytännöksi")
    STOPPED = "stopped", _("lopetettu")


class ExperimentPage(StoryPage):
    hypothesis = models.TextField(
        _("hypoteesi"),
        blank=True,
        max_length=1000,
        help_text=_("Mitä oletitte tapahtuvan? Esim. ”Jos…, niin…”."),
    )
    duration = models.CharField(_("kesto"), max_length=100, blank=True, help_text=_("Esim. 8 viikkoa."))
    status = models.CharField(
        _("tila"), max_length=20, choices=ExperimentStatus.choices, default=ExperimentStatus.PLANNED
    )
    learned = RichTextField(_("mitä opimme"), blank=True, features=["bold", "italic", "link", "ul", "ol"])

    content_panels = [
        *BasePage.content_panels,
        *StoryPage.background_panels,
        MultiFieldPanel(
            [FieldPanel("hypothesis"), FieldPanel("duration"), FieldPanel("status"), FieldPanel("learned")],
            heading=_("Kokeilu"),
        ),
        FieldPanel("body"),
        InlinePanel("story_tool_links", label=_("Käytetyt työkalut"), heading=_("Käytetyt työkalut")),
    ]
    search_fields = [
        *StoryPage.search_fields,
        index.SearchField("hypothesis"),
        index.SearchField("learned"),
    ]

    class Meta:
        verbose_name = _("kokeilukuvaus")
        verbose_name_plural = _("kokeilukuvaukset")


class InsightPage(StoryPage):
    class Meta:
        verbose_name = _("oivallus")
        verbose_name_plural = _("oivallukset")
