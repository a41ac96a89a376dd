"""Public forms of the assessment tools: starting a round, saving a self-assessment, and the ratings (built from
the page's statements and scale)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from toolkit.assessment.models import AssessmentPage


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


# Ratings ------------------------------------------------------------------------------------------------


class RatingsForm(forms.Form):
    """One rating per statement of the page, built from its statements: radio groups named s-<key>.

    Fields are named by the statement keys (the prefix "s" gives the HTML names), so a service's
    ValidationError keyed by statement lands next to its statement with `add_error(None, error)`.
    """

    def __init__(self, data=None, *, page: AssessmentPage, complete: bool = True):
        super().__init__(data, prefix="s")
        choices = [(level.value, level.label) for level in page.scale.level_list()]
        for group in page.statement_groups():
            for statement in group.statements:
                self.fields[statement.key] = forms.TypedChoiceField(
                    choices=choices,
                    coerce=int,
                    empty_value=None,
                    required=complete,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": _("Väittämä %(number)s: valitse arvio.") % {"number": statement.number},
                        "invalid_choice": _("Väittämä %(number)s: arvio ei ole asteikon arvo.")
                        % {"number": statement.number},
                    },
                )

    def clean(self):
        if not self.errors and not self.ratings():
            raise forms.ValidationError(_("Anna vähintään yksi arvio."))
        return self.cleaned_data

    def ratings(self) -> dict[str, int]:
        return {key: value for key, value in self.cleaned_data.items() if value is not None}

    def shown(self) -> dict[str, int]:
        """The ratings to show on the page again: the valid ones, and whatever number was sent."""
        shown = {}
        for key in self.fields:
            raw = self.data.get(self.add_prefix(key), "") if self.is_bound else ""
            if str(raw).strip().isdigit():
                shown[key] = int(raw)
        return shown

    def first_errors(self) -> dict[str, str]:
        """Statement key (or __all__) -> its first message, for the statements and the error summary."""
        return {key: errors[0] for key, errors in self.errors.items()}


class ConsensusRatingForm(forms.Form):
    """The team's agreed rating of one statement, and the rating this page last saw of it (`version`)."""

    statement = forms.ChoiceField(error_messages={"invalid_choice": gettext_lazy("Tuntematon väittämä.")})
    value = forms.TypedChoiceField(
        coerce=int,
        error_messages={
            "required": gettext_lazy("Valitse arvio asteikolta."),
            "invalid_choice": gettext_lazy("Valitse arvio asteikolta."),
        },
    )
    version = forms.CharField(required=False, max_length=5)

    def __init__(self, data=None, *, page: AssessmentPage):
        super().__init__(data)
        self.fields["statement"].choices = [
            (statement.key, statement.key)
            for group in page.statement_groups()
            for statement in group.statements
        ]
        self.fields["value"].choices = [(level.value, level.label) for level in page.scale.level_list()]

    def clean_version(self) -> int | None:
        version = self.cleaned_data["version"].strip()
        if not version:
            return None
        if not version.isdigit():
            raise forms.ValidationError(_("Sivu on vanhentunut. Lataa sivu uudelleen."))
        return int(version)


def token_from_link(link: str) -> str:
    """The token in a pasted team link (…/tiimi/<token>/…) or a bare token."""
    link = (link or "").strip()
    if "/tiimi/" in link:
        link = link.split("/tiimi/", 1)[1]
    return link.strip("/").split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
