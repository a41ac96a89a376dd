"""Site-wide settings editors manage: contact details, the statutory links in the footer and the facts of the
accessibility statement and the privacy notice.

The facts are settings, not page text, so that the organisation that runs the site states them itself; the
demo fills them with placeholders marked as examples (valoa/demo/site.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    class Compliance(models.TextChoices):
        """The three compliance statuses the accessibility directive's model statement allows."""

        FULL = "full", _("täyttää vaatimukset")
        PARTIAL = "partial", _("täyttää vaatimukset osittain")
        NONE = "none", _("ei täytä vaatimuksia")

    organisation = models.CharField(_("ylläpitäjä"), max_length=200, blank=True)
    email = models.EmailField(_("sähköposti"), blank=True)
    phone = models.CharField(_("puhelin"), max_length=40, blank=True)
    address = models.TextField(_("postiosoite"), blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("saavutettavuusseloste"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tietosuojaseloste"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tietoa sivustosta"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    accessibility_compliance = models.CharField(
        _("vaatimustenmukaisuus"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
        help_text=_("Saavutettavuusselosteen tila WCAG 2.1 AA -tason vaatimuksiin nähden."),
    )
    accessibility_issues = models.TextField(
        _("saavutettavuuden puutteet"),
        blank=True,
        help_text=_("Yksi puute riville: mikä sisältö ei ole saavutettavaa ja miksi."),
    )
    accessibility_assessment = models.CharField(
        _("arviointi"),
        max_length=300,
        blank=True,
        help_text=_("Miten ja milloin saavutettavuus on arvioitu, esimerkiksi ”Itsearviointi 11/2026”."),
    )
    accessibility_response_time = models.CharField(
        _("vastausaika"),
        max_length=100,
        blank=True,
        help_text=_(
            "Kuinka nopeasti saavutettavuuspalautteeseen vastataan, esimerkiksi ”kahden viikon kuluessa”."
        ),
    )
    privacy_controller = models.CharField(_("rekisterinpitäjä"), max_length=200, blank=True)
    privacy_legal_basis = models.TextField(
        _("käsittelyn oikeusperuste"),
        blank=True,
        help_text=_("Tietosuoja-asetuksen peruste, jolla palautteen henkilötietoja käsitellään."),
    )
    privacy_contact = models.CharField(
        _("tietosuojavastaavan yhteystiedot"),
        max_length=300,
        blank=True,
    )

    # The footer shows all three links on every page: fetch them with the setting, in one query.
    select_related = ["accessibility_page", "privacy_page", "about_page"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("email"), FieldPanel("phone"), FieldPanel("address")],
            heading=_("Yhteystiedot"),
        ),
        MultiFieldPanel(
            [FieldPanel("about_page"), FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading=_("Alatunnisteen lakisääteiset linkit"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_compliance"),
                FieldPanel("accessibility_issues"),
                FieldPanel("accessibility_assessment"),
                FieldPanel("accessibility_response_time"),
            ],
            heading=_("Saavutettavuusseloste"),
            help_text=_("Näytetään saavutettavuusselosteen sivulla, jonka valitsit yllä."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("privacy_controller"),
                FieldPanel("privacy_legal_basis"),
                FieldPanel("privacy_contact"),
            ],
            heading=_("Tietosuojaseloste"),
            help_text=_("Näytetään tietosuojaselosteen sivulla, jonka valitsit yllä."),
        ),
    ]

    @property
    def accessibility_issue_lines(self) -> list[str]:
        return [line.strip() for line in self.accessibility_issues.splitlines() if line.strip()]

    class Meta:
        verbose_name = _("yhteystiedot ja alatunniste")
