"""Site-wide settings editors manage: contact details and the statutory links in the footer."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    organisation = models.CharField(
        _("ylläpitäjä"), max_length=200, default="Valtiokonttori, Työelämäpalvelut"
    )
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
    ]

    class Meta:
        verbose_name = _("yhteystiedot ja alatunniste")
