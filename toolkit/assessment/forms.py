"""Public forms of the assessment tools: starting a round and saving a self-assessment."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy


class StartRoundForm(forms.Form):
    mode = forms.ChoiceField(
        label=gettext_lazy("Miten arvioitte?"),
        choices=[
            ("consensus", gettext_lazy("Yhdessä: sovimme yhden arvion kustakin väittämästä")),
            ("anonymous", gettext_lazy("Nimettömästi: kukin vastaa omalla laitteellaan")),
        ],
        widget=forms.RadioSelect,
        initial="consensus",
    )
    threshold = forms.IntegerField(
        label=gettext_lazy("Tulokset näytetään, kun vastauksia on vähintään"),
        min_value=3,
        max_value=100,
        initial=3,
        required=False,
        help_text=gettext_lazy(
            "Vain nimettömässä arvioinnissa. Vähintään 3, jotta kenenkään vastaus ei erotu."
        ),
        error_messages={"min_value": gettext_lazy("Vähimmäismäärä on 3 vastausta.")},
    )
    team_link = forms.CharField(
        label=gettext_lazy("Tiimin linkki (jos teillä on jo työtila)"),
        required=False,
        max_length=300,
        help_text=gettext_lazy(
            "Liitä tiimin työtilan linkki. Jos jätät kentän tyhjäksi, luodaan uusi työtila."
        ),
    )


class SaveSelfForm(forms.Form):
    team_link = forms.CharField(
        label=gettext_lazy("Tiimin linkki"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("Liitä työtilan linkki, tai jätä tyhjäksi, niin luodaan uusi oma työtila."),
    )


def token_from_link(link: str) -> str:
    """The token in a pasted team link (…/tiimi/<token>/…) or a bare token."""
    link = (link or "").strip()
    if "/tiimi/" in link:
        link = link.split("/tiimi/", 1)[1]
    return link.strip("/").split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
