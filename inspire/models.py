"""Innostu: stories of case examples, experiments and insights from state organisations, in one page type."""

from __future__ import annotations

import json
from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

from inspire.blocks import StoryBodyBlock
from inspire.choices import ExperimentStatus, StoryKind
from inspire.feeds import StoryAtomFeed, StoryRssFeed
from inspire.filters import StoryFilter
from inspire.selectors import card_ids, related_stories, tool_links_for_story
from valoa.blocks import BodyStreamBlock
from valoa.editing.choosers import SectionPageChooserPanel
from valoa.editing.page_forms import LocaleChoicesPageForm
from valoa.models import BasePage, Phase, Theme, page_phases_and_themes, phases_and_themes
from valoa.pages.fragments import kept
from valoa.pages.paginator import kept_page
from valoa.pages.queries import public_q


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """An organisation named in stories; translatable (its Swedish and English names), one per locale."""

    name = models.CharField(_("nimi"), max_length=200)
    short_name = models.CharField(_("lyhenne"), max_length=40, blank=True)
    website = models.URLField(_("verkkosivusto"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("name", "locale")]
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
    subpage_types = ["inspire.StoryPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Innostu-hakemisto")

    stories_per_page = 12

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The filters' choices, the count and each page's story ids change only with a publish: read once per
        # publish (valoa.pages.fragments), for each set of valid filter values.
        phases, themes, organisations = kept(request, "story-filter-rows", (self.pk,), self.filter_rows)
        stories = StoryFilter.when_filtering(
            request.GET,
            queryset=self.stories().filter(public_q()),
            themes=themes,
            phases=phases,
            organisations=organisations,
        )
        listing = (self.pk, *sorted(stories.values.items()))
        page_obj = kept_page(
            request, "stories", listing, card_ids(stories.qs), self.stories_per_page, request.GET.get("page")
        )
        context.update(
            filter_form=stories.form,
            active_filters=stories.active,
            paginator=page_obj.paginator,
            page_obj=page_obj,
            stories=page_obj.object_list,
        )
        return context

    def filter_rows(self) -> tuple[list[Phase], list[Theme], list[Organisation]]:
        """The phases, themes and organisations the filters offer."""
        phases, themes = phases_and_themes(
            Phase.objects.filter(locale_id=self.locale_id), Theme.objects.filter(locale_id=self.locale_id)
        )
        return phases, themes, list(self.organisations())

    def stories(self) -> PageQuerySet:
        return StoryPage.objects.child_of(self).live()

    def organisations(self) -> models.QuerySet:
        """Organisations that have at least one live story here: the only ones worth offering as a filter."""
        return Organisation.objects.filter(pk__in=self.stories().values("organisation")).order_by("name")

    @path("syote/rss/", name="rss")
    def rss_feed(self, request):
        return StoryRssFeed(self, self.stories().public())(request)

    @path("syote/atom/", name="atom")
    def atom_feed(self, request):
        return StoryAtomFeed(self, self.stories().public())(request)


class StoryPageQuerySet(PageQuerySet):
    def only(self, *fields):
        # A caller that narrows the columns (treebeard's delete() reads only path, depth and numchild) cannot
        # also join the organisation and image: Django refuses a deferred field traversed by select_related.
        return super().only(*fields).select_related(None)


class StoryPageManager(PageManager.from_queryset(StoryPageQuerySet)):
    def get_queryset(self):
        # Every story shows its organisation and hero image: they come with the page, also when Wagtail's
        # routing fetches the served story (its `specific` uses the default manager).
        return super().get_queryset().select_related("organisation", "hero_image")


class StoryPage(BasePage):
    """A story of any kind, in one table: Innostu's listing, filters, feeds and related stories read it directly.

    An experiment adds its own facts (hypothesis, duration, status, what was learned); the editor shows those
    fields only while the kind is "kokeilu" (docs/inspire.md says why this is one page type, not three).
    """

    kind = models.CharField(
        _("tyyppi"), max_length=20, choices=StoryKind.choices, default=StoryKind.CASE_STUDY
    )
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
        related_name="stories",
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
        help_text=_("Kerro, mitä kuvassa näkyy. Jos jätät tyhjäksi, käytetään kuvan kuvausta Kuvat-osiosta."),
    )
    phases = ParentalManyToManyField(
        "valoa.Phase", blank=True, verbose_name=_("matkan vaiheet"), related_name="stories"
    )
    themes = ParentalManyToManyField(
        "valoa.Theme", blank=True, verbose_name=_("teemat"), related_name="stories"
    )
    body = StreamField(StoryBodyBlock(), blank=True, verbose_name=_("sisältö"))
    # Per story, not a site-wide notice: the demo's invented stories say so on their page, an editor's real one
    # written beside them does not.
    is_example = models.BooleanField(
        _("kuvitteellinen esimerkki"),
        default=False,
        help_text=_("Sivulla näytetään huomautus: ”Tämä tarina on kuvitteellinen esimerkki.”"),
    )

    # An experiment's own facts.
    hypothesis = models.TextField(
        _("hypoteesi"),
        blank=True,
        max_length=1000,
        help_text=_("Mitä oletitte tapahtuvan? Esim. ”Jos…, niin…”."),
    )
    duration = models.CharField(_("kesto"), max_length=100, blank=True, help_text=_("Esim. 8 viikkoa."))
    status = models.CharField(
        _("kokeilun tila"),
        max_length=20,
        choices=ExperimentStatus.choices,
        blank=True,
        default=ExperimentStatus.PLANNED,
    )
    learned = RichTextField(_("mitä opimme"), blank=True, features=["bold", "italic", "link", "ul", "ol"])

    # Wagtail's own rules controller (the one its privacy dialog uses) shows the experiment panel only while
    # the kind select says "kokeilu"; the fields stay in the form, so switching kinds loses nothing.
    kind_panels = [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                MultiFieldPanel(
                    [
                        FieldPanel("hypothesis"),
                        FieldPanel("duration"),
                        FieldPanel("status"),
                        FieldPanel("learned"),
                    ],
                    heading=_("Kokeilu"),
                    attrs={
                        "data-w-rules-target": "show",
                        "data-w-rules": json.dumps({"kind": [StoryKind.EXPERIMENT.value]}),
                    },
                ),
            ],
            heading=_("Tarinan tyyppi"),
            attrs={"data-controller": "w-rules", "data-action": "change->w-rules#resolve"},
        )
    ]
    background_panels = [
        MultiFieldPanel(
            [
                FieldPanel("story_date"),
                FieldPanel("organisation"),
                FieldPanel("period"),
                FieldPanel("is_example"),
            ],
            heading=_("Tausta"),
        ),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Pääkuva")),
        MultiFieldPanel(
            [
                FieldPanel("phases", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Luokittelu"),
        ),
    ]
    content_panels = [
        *BasePage.content_panels,
        *kind_panels,
        *background_panels,
        FieldPanel("body"),
        # Wagtail's add button reads "Lisää <label>": the label names one item.
        InlinePanel("story_tool_links", label=_("käytetty työkalu"), heading=_("Käytetyt työkalut")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("hypothesis"),
        index.SearchField("learned"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["inspire.InspireIndexPage"]
    base_form_class = LocaleChoicesPageForm  # the phases and themes of the page's language only
    subpage_types = []

    objects = StoryPageManager()
    related_stories_shown = 3

    class Meta:
        verbose_name = _("tarina")
        verbose_name_plural = _("tarinat")
        # Innostu's order (newest first, then the newest page): one index scan for a page of cards.
        indexes = [models.Index(fields=["-story_date", "-page_ptr"], name="inspire_story_newest_idx")]

    def clean(self):
        super().clean()
        errors = {}
        if self.hero_image_id and not self.hero_image_alt and not self.hero_image.description:
            errors["hero_image_alt"] = _(
                "Kirjoita pääkuvalle vaihtoehtoinen teksti (tai kuvaus kuvalle Kuvat-osiossa)."
            )
        if self.is_experiment and not self.status:
            errors["status"] = _("Valitse kokeilun tila.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_experiment(self) -> bool:
        return self.kind == StoryKind.EXPERIMENT

    @property
    def hero_alt(self) -> str:
        if self.hero_image_alt:
            return self.hero_image_alt
        return getattr(self.hero_image, "description", "") if self.hero_image_id else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template when it renders the story, which it keeps once per publish ({% kept %}): a story
        # viewed again reads none of it. (A preview renders it each time; a story not saved yet has the form's
        # links, in memory: tool_links_for_story.)
        context["story_details"] = partial(self.story_details, request)
        return context

    def story_details(self, request) -> dict:
        """The story's phase and theme names, the tools it used ({url, title, note} each) and its related
        stories' ids: what it shows besides its own fields."""
        phases, themes = page_phases_and_themes(self, related_name="stories")
        return {
            "story_phases": [phase.name for phase in phases],
            "story_themes": [theme.name for theme in themes],
            "tool_links": [
                {"url": link.tool.get_url(request), "title": link.tool.title, "note": link.note}
                for link in tool_links_for_story(self)
            ],
            "related_stories": related_stories(self, themes=themes, limit=self.related_stories_shown),
        }


class StoryToolLink(TranslatableMixin, Orderable):
    """A tool the team used, in the order the story tells it. Translatable with its story (wagtail-localize
    translates translatable child objects): the note is text in the story's language."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_tool_links")
    tool = models.ForeignKey(
        "toolkit.ToolPage", verbose_name=_("työkalu"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(
        _("miten käytimme"), max_length=200, blank=True, help_text=_("Esim. kahdessa viikkopalaverissa.")
    )

    panels = [SectionPageChooserPanel("tool", "toolkit.ToolPage"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        unique_together = [("translation_key", "locale")]
        verbose_name = _("käytetty työkalu")
        verbose_name_plural = _("käytetyt työkalut")
        constraints = [models.UniqueConstraint(fields=["page", "tool"], name="inspire_unique_tool_per_story")]
