"""The site's own page types: the home page and plain content pages, and the base every page shares."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from valoa.blocks import BodyStreamBlock
from valoa.models.taxonomy import Phase
from valoa.pages.navigation import NAVIGATION_CONTEXT, page_navigation

# What the menu is (valoa/pages/navigation.py): the home page's children, per language, in the explorer's order.
SHOW_IN_MENUS_HELP = _(
    "Valikossa näkyvät etusivun suorat alasivut, joissa tämä on valittu, samassa järjestyksessä kuin "
    "sivupuussa; syvemmällä olevat sivut eivät näy valikossa. Kunkin kielen valikko asetetaan sen kielen "
    "sivulla: suomenkielisen sivun valinta ei muuta ruotsin- eikä englanninkielistä valikkoa."
)


class BasePage(Page):
    """Fields every page has: a lead paragraph used on the page and in listings, and a sharing image."""

    intro = models.TextField(
        _("ingressi"),
        blank=True,
        max_length=600,
        help_text=_("Lyhyt johdanto sivun alussa, hakutuloksissa ja listauksissa."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("jakokuva"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Kuva, joka näkyy, kun sivu jaetaan somessa."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = [
        # Wagtail's "for search engines" panel; its "for site menus" one gets VALOA's menu in its help text.
        *Page.promote_panels[:-1],
        MultiFieldPanel([FieldPanel("show_in_menus", help_text=SHOW_IN_MENUS_HELP)], heading=_("Valikko")),
        # Where the image is chosen, a word on its alt text (help text here: the field's own needs migrations).
        FieldPanel(
            "social_image",
            help_text=_(
                "Kuva, joka näkyy, kun sivu jaetaan somessa. Sen vaihtoehtoinen teksti on kuvan kuvaus "
                "Kuvat-osiossa: tarkista, että kuvalla on kuvaus."
            ),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    @property
    def summary(self) -> str:
        return self.search_description or self.intro

    @property
    def share_image(self):
        """The image of og:image (templates/base.html); a page type may fall back to a picture of its own."""
        return self.social_image


class HomePage(BasePage):
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("sisältö"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "toolkit.StartPage",
        "toolkit.ToolIndexPage",
        "inspire.InspireIndexPage",
        "feedback.FeedbackPage",
        "valoa.ContentPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("etusivu")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["phases"] = Phase.objects.filter(locale_id=self.locale_id)
        # Its sections are the main menu: one query for both, with the language switcher's links.
        navigation = page_navigation(request, self, home_path=self.url_path)
        context[NAVIGATION_CONTEXT] = navigation
        context["sections"] = navigation.menu
        return context


class ContentPage(BasePage):
    """About, accessibility statement, privacy notice, FAQ: text pages editors write freely."""

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("sisältö"))
    last_reviewed = models.DateField(
        _("tarkistettu viimeksi"),
        null=True,
        blank=True,
        help_text=_("Näytetään sivulla, esim. saavutettavuusselosteen laatimis- tai päivityspäivä."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("last_reviewed")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["valoa.HomePage", "toolkit.StartPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("sisältösivu")
