"""The site settings' free text in every language: the organisation's name and address and the facts of the
accessibility statement and the privacy notice.

A site setting is one row per Site and wagtail-localize cannot translate it, so the text lives in a
translatable snippet that the settings name (its Finnish row); editors translate it with wagtail-localize like
any snippet. `ContactSettings.base_queryset` fetches the row of the language being read in the same query as
the settings, so the footer costs no query more in Swedish or English.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin

# The text fields, in the order the settings' templates use them (also the JSON the settings query brings).
TEXT_FIELDS = (
    "organisation",
    "address",
    "accessibility_issues",
    "accessibility_assessment",
    "accessibility_response_time",
    "privacy_controller",
    "privacy_legal_basis",
    "privacy_contact",
)


class SiteTexts(TranslatableMixin, models.Model):
    organisation = models.CharField(_("ylläpitäjä"), max_length=200, blank=True)
    address = models.TextField(_("postiosoite"), blank=True)
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
    privacy_contact = models.CharField(_("tietosuojavastaavan yhteystiedot"), max_length=300, blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("organisation"), FieldPanel("address")], heading=_("Yhteystiedot")),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_issues"),
                FieldPanel("accessibility_assessment"),
                FieldPanel("accessibility_response_time"),
            ],
            heading=_("Saavutettavuusseloste"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("privacy_controller"),
                FieldPanel("privacy_legal_basis"),
                FieldPanel("privacy_contact"),
            ],
            heading=_("Tietosuojaseloste"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        # One row per language: the add button reads "Lisää sivuston tekstien kieliversio".
        verbose_name = _("sivuston tekstien kieliversio")
        verbose_name_plural = _("sivuston tekstien kieliversiot")

    def __str__(self) -> str:
        return self.organisation or str(_("sivuston tekstit"))
