"""Forms of the team space. The answer's own rules (scale, choices, length) live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from toolkit.team.models import ANSWER_MAX_LENGTH


class TeamNameForm(forms.Form):
    name = forms.CharField(
        label=_("Tiimin nimi"),
        max_length=100,
        required=False,
        help_text=_("Esimerkiksi ”Asiakaspalvelun tiimi”. Älä käytä ihmisten nimiä."),
        error_messages={"max_length": _("Nimi on liian pitkä: enintään %(limit_value)d merkkiä.")},
    )

    def clean_name(self) -> str:
        return self.cleaned_data["name"].replace("\x00", "").strip()


class AnswerForm(forms.Form):
    key = forms.CharField(max_length=60)
    version = forms.IntegerField(min_value=0, max_value=2**31 - 1)
    answer = forms.CharField(
        required=False,
        strip=False,
        # A little above the stored limit, so that the services give the friendlier message.
        max_length=ANSWER_MAX_LENGTH * 2,
        error_messages={"max_length": _("Vastaus on liian pitkä.")},
    )


class DeleteSpaceForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ymmärrän, että työtila ja kaikki sen vastaukset poistetaan pysyvästi."),
        error_messages={"required": _("Vahvista poisto valitsemalla ruutu.")},
    )
