"""Site-wide settings editors manage: contact details, the statutory links in the footer and the facts of the
accessibility statement and the privacy notice.

The facts are settings, not page text, so that the organisation that runs the site states them itself; the
demo fills them with placeholders marked as examples (valoa/demo/site.py).
"""

from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import JSONObject
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .site_texts import TEXT_FIELDS, SiteTexts


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    class Compliance(models.TextChoices):
        """The three compliance statuses the accessibility directive's model statement allows."""

        FULL = "full", _("täyttää vaatimukset")
        PARTIAL = "partial", _("täyttää vaatimukset osittain")
        NONE = "none", _("ei täytä vaatimuksia")

    email = models.EmailField(_("sähköposti"), blank=True)
    phone = models.CharField(_("puhelin"), max_length=40, blank=True)
    # The free text (organisation, address, the statements' facts) in every language: see SiteTexts.
    texts = models.ForeignKey(
        "valoa.SiteTexts",
        verbose_name=_("sivuston tekstit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Ylläpitäjän nimi, osoite ja selosteiden tekstit. Käännä ne kuten muutkin tekstit."),
    )
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
    # The footer shows all three links on every page: fetch them with the setting, in one query.
    select_related = ["accessibility_page", "privacy_page", "about_page"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("texts"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Yhteystiedot"),
        ),
        MultiFieldPanel(
            [FieldPanel("about_page"), FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading=_("Alatunnisteen lakisääteiset linkit"),
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_compliance")],
            heading=_("Saavutettavuusseloste"),
            help_text=_("Näytetään saavutettavuusselosteen sivulla, jonka valitsit yllä."),
        ),
    ]

    @classmethod
    def base_queryset(cls):
        """The settings with their texts in the language being read, in one query (Wagtail's for_site and
        for_request read the settings through this): the translation's fields as one JSON value, the Finnish
        row (`texts`) by select_related as the fallback while a language has no translation."""
        from valoa.languages.locales import locale_id_of_language

        in_language = SiteTexts.objects.filter(
            translation_key=OuterRef("texts__translation_key"),
            locale_id=locale_id_of_language(get_language()),
        ).values(json=JSONObject(**{field: field for field in TEXT_FIELDS}))[:1]
        return (
            super()
            .base_queryset()
            .select_related("texts")
            .annotate(texts_in_language=Subquery(in_language, output_field=models.JSONField()))
        )

    @cached_property
    def local_texts(self) -> SiteTexts:
        """The texts in the language being read: its translation, else the Finnish texts, else empty."""
        values = getattr(self, "texts_in_language", None)
        if values:
            return SiteTexts(**{field: values.get(field) or "" for field in TEXT_FIELDS})
        return self.texts or SiteTexts()

    @property
    def organisation(self) -> str:
        return self.local_texts.organisation

    @property
    def address(self) -> str:
        return self.local_texts.address

    @property
    def accessibility_assessment(self) -> str:
        return self.local_texts.accessibility_assessment

    @property
    def accessibility_response_time(self) -> str:
        return self.local_texts.accessibility_response_time

    @property
    def privacy_controller(self) -> str:
        return self.local_texts.privacy_controller

    @property
    def privacy_legal_basis(self) -> str:
        return self.local_texts.privacy_legal_basis

    @property
    def privacy_contact(self) -> str:
        return self.local_texts.privacy_contact

    @property
    def accessibility_issues(self) -> str:
        return self.local_texts.accessibility_issues

    @property
    def accessibility_issue_lines(self) -> list[str]:
        issues = self.local_texts.accessibility_issues
        return [line.strip() for line in issues.splitlines() if line.strip()]

    class Meta:
        verbose_name = _("yhteystiedot ja alatunniste")
