"""Innostu: stories of case examples, experiments and insights from state organisations."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

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


class InspireIndexPage(BasePage):
    """Innostu: the stories, newest first."""

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("sisältö"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["valoa.HomePage"]
    subpage_types = ["inspire.CaseStudyPage", "inspire.ExperimentPage", "inspire.InsightPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Innostu-hakemisto")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = (
            self.get_children()
            .live()
            .public()
            .only("title", "url_path", "search_description", "content_type_id")
            .order_by("-first_published_at")
        )
        context["stories"] = [(story, story.specific_class._meta.verbose_name) for story in stories]
        return context


class StoryPage(BasePage):
    """What every story has; the three kinds add their own fields."""

    story_date = models.DateField(_("päivämäärä"), default=timezone.localdate)
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
    phases = ParentalManyToManyField("valoa.Phase", blank=True, verbose_name=_("vaiheet"), related_name="+")
    themes = ParentalManyToManyField("valoa.Theme", blank=True, verbose_name=_("teemat"), related_name="+")
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("sisältö"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("story_date"), FieldPanel("organisation"), FieldPanel("period")],
            heading=_("Tausta"),
        ),
        FieldPanel("hero_image"),
        MultiFieldPanel([FieldPanel("phases"), FieldPanel("themes")], heading=_("Luokittelu")),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["inspire.InspireIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True


class CaseStudyPage(StoryPage):
    class Meta:
        verbose_name = _("tapausesimerkki")
        verbose_name_plural = _("tapausesimerkit")


class ExperimentPage(StoryPage):
    class Meta:
        verbose_name = _("kokeilukuvaus")
        verbose_name_plural = _("kokeilukuvaukset")


class InsightPage(StoryPage):
    class Meta:
        verbose_name = _("oivallus")
        verbose_name_plural = _("oivallukset")
