"""The share form: the experiment's fields prefilled and editable, optional contact details, explicit consent."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.forms import SenderForm
from feedback.models import (
    DURATION_MAX_LENGTH,
    HYPOTHESIS_MAX_LENGTH,
    LEARNED_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    TOOLS_MAX_LENGTH,
)
from inspire.choices import ExperimentStatus

# A shared experiment has been tried: "suunnitteilla" is not offered.
STATUS_CHOICES = [
    (value, label) for value, label in ExperimentStatus.choices if value != ExperimentStatus.PLANNED
]


class ExperimentShareForm(SenderForm):
    # The sender's details (SenderForm) after the experiment's own fields, the consent last.
    field_order = [
        "title",
        "hypothesis",
        "duration",
        "status",
        "learned",
        "tools",
        "organisation",
        "name",
        "email",
        "consent",
    ]

    title = forms.CharField(label=_("Mitä kokeilitte"), max_length=TITLE_MAX_LENGTH)
    hypothesis = forms.CharField(
        label=_("Hypoteesi: mitä oletitte tapahtuvan"),
        max_length=HYPOTHESIS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Esimerkiksi: Jos pidämme palaverin seisten, se pysyy lyhyenä."),
    )
    duration = forms.CharField(
        label=_("Kesto"), max_length=DURATION_MAX_LENGTH, required=False, help_text=_("Esim. 8 viikkoa.")
    )
    status = forms.ChoiceField(label=_("Miten kokeilu päättyi"), choices=STATUS_CHOICES)
    learned = forms.CharField(
        label=_("Mitä opimme"),
        max_length=LEARNED_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Älä kirjoita tekstiin kenenkään henkilötietoja."),
    )
    tools = forms.CharField(
        label=_("Käytetyt työkalut"),
        max_length=TOOLS_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Yksi työkalu riville."),
    )
    consent = forms.BooleanField(
        label=_("Annamme luvan julkaista tämän kokeilun kuvauksen Innostu-osiossa moderoinnin jälkeen."),
        help_text=_(
            "Mitään työtilastanne ei julkaista ilman moderointia: toimitus lukee kuvauksen ja voi kirjoittaa "
            "siitä tarinan. Työtilan linkki ei tule lähetyksen mukana."
        ),
    )

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        # A story names the organisation; the name is for the editors only.
        self.fields["organisation"].help_text = _(
            "Jos haluatte, että tarina kertoo organisaationne nimen. Esimerkiksi virasto tai yksikkö."
        )
        self.fields["name"].help_text = _("Vain toimitukselle: sitä ei julkaista.")
        self.fields["status"].error_messages["invalid_choice"] = _("Valitse tila luettelosta.")
        self.fields["consent"].error_messages["required"] = _(
            "Kokeilu jaetaan julkaistavaksi: anna lupa, jos haluatte jakaa sen."
        )
