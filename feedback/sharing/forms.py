"""The share form: the experiment's fields prefilled and editable, optional contact details, explicit consent."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.forms import SpamChecks, new_timestamp, without_nul
from feedback.models import (
    DURATION_MAX_LENGTH,
    EMAIL_MAX_LENGTH,
    HYPOTHESIS_MAX_LENGTH,
    LEARNED_MAX_LENGTH,
    NAME_MAX_LENGTH,
    ORGANISATION_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    TOOLS_MAX_LENGTH,
)
from inspire.choices import ExperimentStatus

# A shared experiment has been tried: "suunnitteilla" is not offered.
STATUS_CHOICES = [
    (value, label) for value, label in ExperimentStatus.choices if value != ExperimentStatus.PLANNED
]


class ExperimentShareForm(SpamChecks, forms.Form):
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
    organisation = forms.CharField(
        label=_("Organisaatio"),
        max_length=ORGANISATION_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        help_text=_(
            "Jos haluatte, että tarina kertoo organisaationne nimen. Esimerkiksi virasto tai yksikkö."
        ),
    )
    name = forms.CharField(
        label=_("Nimi tai nimimerkki"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("Vain toimitukselle: sitä ei julkaista."),
    )
    email = forms.EmailField(
        label=_("Sähköposti"),
        max_length=EMAIL_MAX_LENGTH,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Käytämme osoitetta vain vastataksemme sinulle. Sitä ei julkaista koskaan."),
    )
    consent = forms.BooleanField(
        label=_("Annamme luvan julkaista tämän kokeilun kuvauksen Innostu-osiossa moderoinnin jälkeen."),
        help_text=_(
            "Mitään työtilastanne ei julkaista ilman moderointia: toimitus lukee kuvauksen ja voi kirjoittaa "
            "siitä tarinan. Työtilan linkki ei tule lähetyksen mukana."
        ),
    )
    # The honeypot: people never see it, nor do screen readers (see the template); bots fill it.
    kotisivu = forms.CharField(
        label=_("Jätä tämä kenttä tyhjäksi"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    error_css_class = "field--error"
    required_css_class = "field--required"
    required_marks = True

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(without_nul(data) if data is not None else None, *args, **kwargs)
        if not self.is_bound or not self.data.get("started"):
            self.initial["started"] = new_timestamp()
        messages = {
            "required": _("Täytä tämä kenttä."),
            "max_length": _("Teksti on liian pitkä: enintään %(limit_value)d merkkiä (nyt %(show_value)d)."),
        }
        for field in self.fields.values():
            field.error_messages.update(messages)
        self.fields["email"].error_messages["invalid"] = _(
            "Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi."
        )
        self.fields["status"].error_messages["invalid_choice"] = _("Valitse tila luettelosta.")
        self.fields["consent"].error_messages["required"] = _(
            "Kokeilu jaetaan julkaistavaksi: anna lupa, jos haluatte jakaa sen."
        )
