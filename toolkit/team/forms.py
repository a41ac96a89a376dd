"""Forms of the team space: its name and the confirmation of its deletion."""

from django import forms
from django.utils.translation import gettext_lazy as _


class TeamNameForm(forms.Form):
    name = forms.CharField(
        label=_("Tiimin nimi"),
        max_length=100,
        required=False,
        help_text=_("Esimerkiksi ”Asiakaspalvelun tiimi”. Älkää käyttäkö ihmisten nimiä."),
        error_messages={"max_length": _("Nimi on liian pitkä: enintään %(limit_value)d merkkiä.")},
    )

    def clean_name(self) -> str:
        return self.cleaned_data["name"].replace("\x00", "").strip()


class UsageOptOutForm(forms.Form):
    """The team's choice about the site's usage figures (docs/usage-figures.md)."""

    opt_out = forms.BooleanField(
        label=_("Jättäkää tiimimme tiedot pois sivuston käyttötilastoista"),
        required=False,
        help_text=_(
            "Tilastot ovat aina koosteita vähintään kymmenestä työtilasta, eikä yksittäistä tiimiä voi tunnistaa "
            "niistä. Jos valitsette tämän, tiiminne tietoja ei oteta mukaan mihinkään tilastoon tästä lähtien."
        ),
    )


class DeleteSpaceForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ymmärrämme, että työtila ja kaikki sen vastaukset poistetaan pysyvästi."),
        error_messages={"required": _("Vahvistakaa poisto valitsemalla ruutu.")},
    )
