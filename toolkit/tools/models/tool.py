"""The tools room's models: a tool page with its related tools and work templates, and SectionPage, the shape
every section page (Aloita, Työkalut, the workbook, an assessment) starts from."""

from functools import partial

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from toolkit.tools.blocks import StepsStreamBlock
from toolkit.tools.facilitation import facilitation_context, tool_blocks
from toolkit.tools.values import Format, duration_text, lines
from valoa.blocks import BodyStreamBlock
from valoa.editing.choosers import SectionPageChooserPanel
from valoa.editing.page_forms import LocaleChoicesPageForm
from valoa.models import BasePage, page_phases_and_themes

# What a listing of tools needs from each row (pageurl needs url_path; specific paths need depth and path).
LISTING_FIELDS = ("title", "url_path", "intro", "duration_minutes", "path", "depth", "locale")
# What the finder's tool card shows beside the listing's fields (templates/toolkit/tools/includes/tool_card.html).
CARD_FIELDS = (
    *LISTING_FIELDS,
    "group_size_min",
    "group_size_max",
    "format_in_person",
    "format_remote",
    "format_hybrid",
    "image",
    "image_alt",
)

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]

# The renditions of a tool card's {% picture %} in the finder (templates/toolkit/tools/includes/tool_card.html)
# and of the tool page's picture and og:image (tool_page.html, base.html): keep the filters in the templates'
# order, so the renditions come prefetched.
CARD_PICTURE_SPECS = Filter.expand_spec("fill-{400x225,800x450}|format-{webp,jpeg}")
PAGE_PICTURE_SPECS = [*Filter.expand_spec("format-{webp,jpeg}|width-{480,800}"), "fill-1200x630|format-jpeg"]


def picture_renditions(specs=CARD_PICTURE_SPECS) -> Prefetch:
    """The renditions of the tools' pictures (the image joined to the tools): one query for any number."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return Prefetch("image__renditions", queryset=renditions)


class SectionPage(BasePage):
    """A page with a lead and a free body: the shape every section page starts from."""

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("sisältö"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True


class ToolPage(RoutablePageMixin, BasePage):
    """A method a team can run in a meeting it already has: the owner's tool card, in the owner's order.

    Its facilitation mode (…/ohjaa/, docs/facilitation.md) is a route of the page: served, cached and purged
    with it.
    """

    duration_minutes = models.PositiveSmallIntegerField(
        _("kesto (min)"),
        validators=[MinValueValidator(1), MaxValueValidator(60 * 24)],
        help_text=_(
            "Kuinka kauan työkalun käyttö kestää tapaamisessa. Työvaiheiden minuuttien summan pitää olla "
            "sama kuin kesto."
        ),
    )
    preparation_minutes = models.PositiveSmallIntegerField(
        _("valmistelu (min)"),
        default=0,
        blank=True,
        validators=[MaxValueValidator(60 * 24)],
        help_text=_("Vetäjän valmisteluun kuluva aika. 0, jos valmistelua ei tarvita."),
    )
    group_size_min = models.PositiveSmallIntegerField(
        _("ryhmän koko vähintään"), default=1, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    group_size_max = models.PositiveSmallIntegerField(
        _("ryhmän koko enintään"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text=_("Jätä tyhjäksi, jos ryhmän koolla ei ole ylärajaa."),
    )
    format_in_person = models.BooleanField(_("lähitapaaminen"), default=True)
    format_remote = models.BooleanField(_("etätapaaminen"), default=False)
    format_hybrid = models.BooleanField(_("hybriditapaaminen"), default=False)

    what = RichTextField(
        _("mikä tämä on"),
        features=TEXT_FEATURES,
        default="",
        help_text=_("Mikä työkalu on ja mihin se johtaa."),
    )
    when = RichTextField(
        _("milloin kannattaa käyttää"),
        features=TEXT_FEATURES,
        default="",
        help_text=_("Milloin työkalua kannattaa käyttää."),
    )
    when_not = RichTextField(
        _("milloin ei kannata käyttää"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Milloin työkalu ei sovi."),
    )
    # Short lists as text areas, one item per line: no "+" and field per line for the editor.
    materials = models.TextField(_("mitä tarvitaan"), blank=True, help_text=_("Yksi kohta riville."))
    steps = StreamField(
        StepsStreamBlock(),
        blank=True,
        verbose_name=_("työvaiheet"),
        help_text=_(
            "Työvaiheiden minuuttien summan pitää olla sama kuin kesto (Perustiedot-välilehdellä), muuten "
            "sivua ei voi tallentaa."
        ),
    )
    tip = RichTextField(_("vinkki"), features=TEXT_FEATURES, blank=True)
    strengths = models.TextField(_("vahvuudet"), blank=True, help_text=_("Yksi kohta riville."))
    weaknesses = models.TextField(_("heikkoudet"), blank=True, help_text=_("Yksi kohta riville."))

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("kuva"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Vapaaehtoinen kuva työkalukortille ja työkalujen listaukseen."),
    )
    # The alt text is the page's text (docs/languages.md): wagtail-localize translates it with the tool.
    image_alt = models.CharField(
        _("kuvan tekstivastine"),
        max_length=250,
        blank=True,
        help_text=_("Kerro, mitä kuvassa näkyy. Jos jätät tyhjäksi, käytetään kuvan kuvausta Kuvat-osiosta."),
    )

    phases = ParentalManyToManyField(
        "valoa.Phase", blank=True, verbose_name=_("matkan vaiheet"), related_name="tools"
    )
    themes = ParentalManyToManyField(
        "valoa.Theme", blank=True, verbose_name=_("teemat"), related_name="tools"
    )

    basics_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("preparation_minutes")]),
                FieldRowPanel([FieldPanel("group_size_min"), FieldPanel("group_size_max")]),
            ],
            heading=_("Kesto ja ryhmä"),
        ),
        MultiFieldPanel(
            [FieldPanel("format_in_person"), FieldPanel("format_remote"), FieldPanel("format_hybrid")],
            heading=_("Toteutustapa"),
            help_text=_("Valitse kaikki tavat, joilla työkalua voi käyttää."),
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Kuva")),
        FieldPanel("what"),
        FieldPanel("when"),
        FieldPanel("when_not"),
        FieldPanel("tip"),
        FieldPanel("strengths"),
        FieldPanel("weaknesses"),
    ]
    steps_panels = [FieldPanel("steps")]
    materials_panels = [
        FieldPanel("materials"),
        InlinePanel("work_templates", heading=_("Työpohjat"), label=_("työpohja")),
    ]
    relations_panels = [
        FieldPanel("phases", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        InlinePanel("related_tools", heading=_("Tutustu myös näihin"), label=_("liittyvä työkalu")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(basics_panels, heading=_("Perustiedot")),
            ObjectList(steps_panels, heading=_("Työvaiheet")),
            ObjectList(materials_panels, heading=_("Materiaalit")),
            ObjectList(relations_panels, heading=_("Yhteydet")),
            ObjectList(BasePage.promote_panels, heading=_("Näkyvyys")),
            ObjectList(Page.settings_panels, heading=_("Asetukset")),
        ]
    )
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("what"),
        index.SearchField("when"),
        index.SearchField("tip"),
        index.SearchField("steps"),
        index.SearchField("materials"),
        index.FilterField("duration_minutes"),
    ]

    template = "toolkit/tools/tool_page.html"
    parent_page_types = ["toolkit.ToolIndexPage"]
    base_form_class = LocaleChoicesPageForm  # the phases and themes of the page's language only
    subpage_types = []

    class Meta:
        verbose_name = _("työkalu")
        verbose_name_plural = _("työkalut")

    def clean(self):
        super().clean()
        errors = {}
        # The editor's check that the steps fill the stated duration: an error on the field, never a note
        # on the public page.
        steps_total = sum(
            block.value.get("minutes") or 0 for block in self.steps or [] if block.block_type == "step"
        )
        if steps_total and self.duration_minutes and steps_total != self.duration_minutes:
            errors["duration_minutes"] = _(
                "Työvaiheiden minuutit ovat yhteensä %(total)s, mutta kestoksi on merkitty %(duration)s min. "
                "Korjaa kesto tai työvaiheiden minuutit."
            ) % {"total": steps_total, "duration": self.duration_minutes}
        if (
            self.group_size_min is not None
            and self.group_size_max is not None
            and self.group_size_min > self.group_size_max
        ):
            errors["group_size_max"] = _(
                "Ryhmän enimmäiskoko ei voi olla pienempi kuin vähimmäiskoko (%(min)s)."
            ) % {"min": self.group_size_min}
        if self.image_id and not self.image_alt and not self.image.description:
            errors["image_alt"] = _("Kirjoita kuvalle tekstivastine (tai kuvaus kuvalle Kuvat-osiossa).")
        if errors:
            raise ValidationError(errors)

    @property
    def image_alt_text(self) -> str:
        """The picture's alt text: the tool's own (in the page's language), else the image's description."""
        if self.image_alt:
            return self.image_alt
        return getattr(self.image, "description", "") if self.image_id else ""

    @property
    def share_image(self):
        """og:image: the page's share image (Jakokuva), else the tool's picture."""
        return self.social_image or self.image

    @property
    def material_items(self) -> list[str]:
        return lines(self.materials)

    @property
    def strength_items(self) -> list[str]:
        return lines(self.strengths)

    @property
    def weakness_items(self) -> list[str]:
        return lines(self.weaknesses)

    @property
    def formats(self) -> list[str]:
        """The formats the tool works in, as labels."""
        return [
            str(label)
            for flag, label in (
                (self.format_in_person, Format.IN_PERSON.label),
                (self.format_remote, Format.REMOTE.label),
                (self.format_hybrid, Format.HYBRID.label),
            )
            if flag
        ]

    @property
    def group_size_label(self) -> str:
        if self.group_size_max is None:
            return ngettext("vähintään %(min)s henki", "vähintään %(min)s henkeä", self.group_size_min) % {
                "min": self.group_size_min
            }
        if self.group_size_min == self.group_size_max:
            return ngettext("%(n)s henki", "%(n)s henkeä", self.group_size_min) % {"n": self.group_size_min}
        return _("%(min)s–%(max)s henkeä") % {"min": self.group_size_min, "max": self.group_size_max}

    @cached_property
    def steps_total_minutes(self) -> int:
        return sum(block.value.get("minutes") or 0 for block in self.steps if block.block_type == "step")

    @property
    def duration_text(self) -> str:
        return duration_text(self.duration_minutes or 0)

    @property
    def preparation_text(self) -> str:
        return duration_text(self.preparation_minutes or 0)

    @property
    def duration_label(self) -> str:
        """ "Kesto 4 tuntia" for tool cards: formatted in Python, not with a blocktranslate per card."""
        return _("Kesto %(duration)s") % {"duration": duration_text(self.duration_minutes or 0)}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if kwargs.get("facilitation"):
            return context  # the facilitation screen shows the steps alone: none of the card's queries
        # Called by the template when it renders the card, which it keeps once per publish ({% kept %}): a card
        # viewed again reads none of it.
        context["tool_details"] = partial(self.card_details, request)
        return context

    def card_details(self, request) -> dict:
        """What the tool's card shows besides its own fields: its phase and theme names, its related tools' ids
        (their cards come from `{% tool_cards %}`), its work templates, and its picture's renditions."""
        if self.pk is None:
            # The preview of a tool not saved yet: its phases, themes and links are the form's, held on the page
            # in memory.
            links = sorted(self.related_tools.all(), key=lambda link: link.sort_order or 0)
            related = [link.tool_id for link in links if link.tool.live]
            work_templates = list(self.work_templates.all())
        else:
            if self.image_id:
                # The picture and its renditions: two queries.
                prefetch_related_objects([self], picture_renditions(PAGE_PICTURE_SPECS))
            related = self.related_tool_ids()
            work_templates = list(self.work_templates.select_related("document"))
        phases, themes = self.phase_and_theme_names()
        return {"phases": phases, "themes": themes, "related": related, "work_templates": work_templates}

    @path("ohjaa/", name="facilitate")
    def facilitate(self, request):
        """Facilitation mode: the steps one at a time with a countdown (static/js/facilitate.js), or all of them
        as a printable list without JavaScript."""
        return self.render(
            request,
            facilitation=True,
            template="toolkit/facilitate/facilitate.html",
            context_overrides={
                **facilitation_context(
                    tool_blocks(self),
                    back_url=self.get_url(request),
                    back_label=_("Takaisin työkalukorttiin"),
                ),
                # The front cache serves this route: its run is counted by the page (static/js/usage-beacon.js).
                "usage_tool_id": self.pk,
            },
        )

    def phase_and_theme_names(self) -> tuple[list[str], list[str]]:
        phases, themes = page_phases_and_themes(self, related_name="tools")
        return [phase.name for phase in phases], [theme.name for theme in themes]

    def related_tool_ids(self) -> list[int]:
        """Tools the editor linked from here (in their order), then tools that link here (by title): one query.

        Each tool once, live only; their cards come from `{% tool_cards %}`.
        """
        links = ToolPageRelatedTool.objects.filter(page=self)
        link_order = links.filter(tool=OuterRef("pk")).order_by("sort_order").values("sort_order")[:1]
        return list(
            ToolPage.objects.live()
            .filter(
                Q(pk__in=links.values("tool"))
                | Q(pk__in=ToolPageRelatedTool.objects.filter(tool=self).values("page"))
            )
            .exclude(pk=self.pk)
            .annotate(link_order=Subquery(link_order))
            .order_by(F("link_order").asc(nulls_last=True), "title")
            .values_list("pk", flat=True)
        )


class ToolPageRelatedTool(Orderable):
    """A link from one tool to another under "Tutustu myös näihin"."""

    page = ParentalKey(ToolPage, on_delete=models.CASCADE, related_name="related_tools")
    tool = models.ForeignKey(ToolPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("työkalu"))

    panels = [SectionPageChooserPanel("tool", "toolkit.ToolPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("liittyvä työkalu")
        verbose_name_plural = _("liittyvät työkalut")

    def clean(self):
        super().clean()
        if self.tool_id and self.tool_id == self.page_id:
            raise ValidationError({"tool": _("Työkalu ei voi viitata itseensä.")})


def validate_language_code(value: str) -> None:
    if value and value not in dict(settings.LANGUAGES):
        raise ValidationError(_("Valitse jokin sivuston kielistä."))


class ToolPageWorkTemplate(TranslatableMixin, Orderable):
    """A downloadable work template (työpohja) of a tool, a Wagtail document. Translatable with its tool
    (wagtail-localize translates translatable child objects): its name is text in the tool's language, and a
    translation may override the document and its language with its own (a Swedish PDF on the Swedish page).
    While it keeps the source's document, `language` says so and the link is marked with that language."""

    page = ParentalKey(ToolPage, on_delete=models.CASCADE, related_name="work_templates")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("asiakirja")
    )
    title = models.CharField(
        _("nimi"), max_length=200, blank=True, help_text=_("Jätä tyhjäksi, niin asiakirjan nimi näytetään.")
    )
    # No model choices: wagtail-localize extracts no overridable segment from a field with choices, and this
    # one must be overridable with the document (the panel's widget offers the site's languages).
    language = models.CharField(
        _("asiakirjan kieli"),
        max_length=8,
        blank=True,
        validators=[validate_language_code],
        help_text=_("Jätä tyhjäksi, jos asiakirja on sivun kielellä."),
    )

    panels = [
        FieldPanel("document"),
        FieldPanel("title"),
        FieldPanel("language", widget=forms.Select(choices=[("", "–"), *settings.LANGUAGES])),
    ]
    # The document and its language are the source's until a translation overrides both (docs/languages.md).
    override_translatable_fields = [SynchronizedField("document"), SynchronizedField("language")]

    class Meta(Orderable.Meta):
        unique_together = [("translation_key", "locale")]
        verbose_name = _("työpohja")
        verbose_name_plural = _("työpohjat")

    def save(self, *args, **kwargs):
        if not self.language and self.page_id:
            self.language = self.page.locale.language_code  # a document added on a page is in its language
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        return self.title or self.document.title
