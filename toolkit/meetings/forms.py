"""Forms of the meeting plans: validation and Finnish messages; the rules of change are in the services."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toolkit.assessment.forms import token_from_link
from toolkit.meetings.models import (
    BLOCK_MAX_MINUTES,
    EXPERIMENT_TEXT_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    PLAN_MAX_MINUTES,
    TITLE_MAX_LENGTH,
    MeetingBlock,
    TeamExperiment,
)
from toolkit.meetings.services.facilitation import ACTIONS
from valoa.widgets import PlainSelect

MAX_DB_INT = 2**31 - 1


def _text(label, *, required=True, max_length=TITLE_MAX_LENGTH, **kwargs):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        error_messages={
            "required": _("Kirjoittakaa %(what)s.") % {"what": str(label).lower()},
            "max_length": _("Teksti on liian pitkä: enintään %(limit_value)d merkkiä."),
        },
        **kwargs,
    )


def _minutes(label, *, maximum, required=True, minimum=1, **kwargs):
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=minimum,
        max_value=maximum,
        error_messages={
            "required": _("Antakaa minuutit numerona."),
            "invalid": _("Antakaa minuutit kokonaislukuna, esimerkiksi 15."),
            "min_value": _("Vähintään %(limit_value)s min."),
            "max_value": _("Enintään %(limit_value)s min."),
        },
        **kwargs,
    )


class MeetingForm(forms.Form):
    """Django 5.2 points a field with errors at `<id>_error` (aria-describedby): _field.html renders it."""


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(min_value=0, max_value=MAX_DB_INT, **kwargs)


class CleanTextMixin:
    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, str):
                data[name] = value.replace("\x00", "").strip()
        return data


class PlanForm(CleanTextMixin, MeetingForm):
    title = _text(_("Palaverin nimi"), help_text=_("Esimerkiksi ”Torstain tiimipalaveri”."))
    date = forms.DateField(
        label=_("Päivä"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"],
        error_messages={
            "required": _("Valitse päivä."),
            "invalid": _("Anna päivä muodossa pp.kk.vvvv, esimerkiksi 3.12.2026."),
        },
    )
    start_time = forms.TimeField(
        label=_("Alkaa klo"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        input_formats=["%H:%M", "%H.%M"],
        error_messages={
            "required": _("Antakaa alkamisaika."),
            "invalid": _("Antakaa aika muodossa tt.mm, esimerkiksi 9.30."),
        },
    )
    minutes_available = _minutes(
        _("Aikaa käytettävissä (min)"),
        maximum=PLAN_MAX_MINUTES,
        minimum=5,
        help_text=_("Kuinka monta minuuttia palaveriin on varattu."),
    )
    version = VersionField(required=False)

    def plan_fields(self) -> dict:
        """The plan's details as the services take them (plan_create, plan_update)."""
        return {
            name: self.cleaned_data[name] for name in ("title", "date", "start_time", "minutes_available")
        }


class NewPlanForm(PlanForm):
    """A new plan; with the space's template, also where it starts from: empty, or copies of the template's
    blocks."""

    EMPTY, TEMPLATE = "tyhja", "pohja"

    start = forms.ChoiceField(
        label=_("Aloitetaan"),
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Valitkaa, mistä suunnitelma aloitetaan.")},
    )

    field_order = ["start"]

    def __init__(self, *args, template=None, **kwargs):
        super().__init__(*args, **kwargs)
        if template is None:
            del self.fields["start"]
        else:
            self.fields["start"].choices = [
                (self.EMPTY, _("Tyhjästä suunnitelmasta")),
                (self.TEMPLATE, _("Tiimin palaveripohjasta: %(title)s") % {"title": template.title}),
            ]
            self.fields["start"].initial = self.TEMPLATE

    @property
    def from_template(self) -> bool:
        return self.cleaned_data.get("start") == self.TEMPLATE


START = "alku"


class PositionMixin:
    """ "Sijainti": where a new block goes. The choices are the plan's blocks as now saved (`set_positions`):
    by default before the closing block (or last), at the start, or after a chosen block (by its id, so that
    another member's move does not shift the place chosen). `cleaned_data["after"]`: None for the default,
    services.AT_START (0) for the start, else the block's id."""

    def set_positions(self, blocks) -> None:
        """`blocks`: the plan's blocks in order (with pk, title and kind)."""
        blocks = list(blocks)
        closing_last = bool(blocks) and blocks[-1].kind == MeetingBlock.Kind.CLOSING
        label = str(_("Osion %(number)s jälkeen: %(title)s"))
        self.fields["after"].choices = [
            ("", _("Ennen lopetusta") if closing_last else _("Loppuun")),
            (START, _("Alkuun")),
            *((str(b.pk), label % {"number": n, "title": b.title}) for n, b in enumerate(blocks, start=1)),
        ]

    def clean_after(self):
        value = self.cleaned_data.get("after")
        if not value:
            return None
        return 0 if value == START else int(value)


def _position_field():
    return forms.ChoiceField(
        label=_("Sijainti"),
        required=False,
        choices=[("", _("Loppuun")), (START, _("Alkuun"))],
        widget=PlainSelect,
        error_messages={"invalid_choice": _("Valitkaa sijainti luettelosta: asialista on voinut muuttua.")},
    )


class BlockForm(PositionMixin, CleanTextMixin, MeetingForm):
    """An own block: opening, topic, break or closing."""

    kind = forms.ChoiceField(
        label=_("Osion tyyppi"),
        choices=[(k.value, k.label) for k in MeetingBlock.Kind if k != MeetingBlock.Kind.TOOL],
        initial=MeetingBlock.Kind.TOPIC,
        error_messages={
            "required": _("Valitkaa osion tyyppi."),
            "invalid_choice": _("Valitkaa osion tyyppi."),
        },
    )
    title = _text(
        _("Otsikko"), required=False, help_text=_("Jättäkää tyhjäksi, niin otsikoksi tulee osion tyyppi.")
    )
    minutes = _minutes(_("Minuutteja"), maximum=BLOCK_MAX_MINUTES)
    note = _text(_("Muistiinpano"), required=False, max_length=NOTE_MAX_LENGTH, widget=forms.Textarea)
    after = _position_field()


class ToolBlockForm(PositionMixin, MeetingForm):
    tool = forms.TypedChoiceField(
        label=_("Työkalu"),
        coerce=int,
        empty_value=None,
        widget=PlainSelect,
        error_messages={
            "required": _("Valitkaa työkalu."),
            "invalid_choice": _("Valitkaa työkalu luettelosta."),
        },
    )
    minutes = _minutes(
        _("Minuutteja"),
        maximum=BLOCK_MAX_MINUTES,
        required=False,
        help_text=_("Jättäkää tyhjäksi, niin käytetään työkalun kestoa."),
    )
    after = _position_field()

    def __init__(self, *args, tools, **kwargs):
        """`tools`: (id, title, minutes) rows, not pages: a few hundred page objects cost more than the page."""
        super().__init__(*args, **kwargs)
        label = str(_("%(title)s (%(minutes)s min)"))
        self.fields["tool"].choices = [("", _("Valitse työkalu"))] + [
            (pk, label % {"title": title, "minutes": minutes}) for pk, title, minutes in tools
        ]


class BlockEditForm(CleanTextMixin, MeetingForm):
    title = _text(_("Otsikko"))
    minutes = _minutes(_("Minuutteja"), maximum=BLOCK_MAX_MINUTES)
    note = _text(_("Muistiinpano"), required=False, max_length=NOTE_MAX_LENGTH, widget=forms.Textarea)
    version = VersionField()


class VersionOnlyForm(MeetingForm):
    version = VersionField()


class DeletePlanForm(MeetingForm):
    version = VersionField()
    confirm = forms.BooleanField(
        label=_("Ymmärrämme, että suunnitelma poistetaan pysyvästi."),
        error_messages={"required": _("Vahvistakaa poisto valitsemalla ruutu.")},
    )


MINUTE_CHOICES = [("30", _("30 min")), ("60", _("1 tunti")), ("90", _("1,5 tuntia")), ("oma", _("Muu aika"))]


class SuggestForm(MeetingForm):
    """ "Ehdota palaveri": the time and the group; when, so that the plan has its agenda and calendar file."""

    length = forms.ChoiceField(
        label=_("Aikaa käytettävissä"),
        choices=MINUTE_CHOICES,
        initial="60",
        widget=forms.RadioSelect,
        error_messages={"required": _("Valitkaa palaverin pituus."), "invalid_choice": _("Valitkaa pituus.")},
    )
    own_minutes = _minutes(
        _("Muu aika (min)"), maximum=PLAN_MAX_MINUTES, minimum=15, required=False, help_text=_("15–480 min.")
    )
    group_size = forms.IntegerField(
        label=_("Ryhmän koko (henkeä)"),
        min_value=1,
        max_value=500,
        initial=6,
        error_messages={
            "required": _("Kertokaa, montako teitä on."),
            "invalid": _("Antakaa ryhmän koko numerona."),
            "min_value": _("Vähintään 1 henki."),
            "max_value": _("Enintään 500 henkeä."),
        },
    )
    date = PlanForm.base_fields["date"]
    start_time = PlanForm.base_fields["start_time"]

    def clean(self):
        data = super().clean()
        if data.get("length") == "oma" and not data.get("own_minutes") and "own_minutes" not in self.errors:
            self.add_error("own_minutes", _("Antakaa palaverin pituus minuutteina."))
        return data

    @property
    def minutes(self) -> int:
        length = self.cleaned_data["length"]
        return self.cleaned_data["own_minutes"] if length == "oma" else int(length)

    @staticmethod
    def initial_when() -> dict:
        tomorrow = timezone.localdate() + dt.timedelta(days=1)
        return {"date": tomorrow, "start_time": dt.time(9, 0)}


class TeamLinkForm(MeetingForm):
    """A team link pasted to add a tool to a plan: the whole address or the token alone."""

    link = forms.CharField(
        label=_("Tiimin linkki"),
        max_length=500,
        help_text=_("Liittäkää tiimin työtilan linkki, esimerkiksi https://…/tiimi/…/"),
        error_messages={
            "required": _("Liittäkää tiimin linkki."),
            "max_length": _("Tämä ei ole tiimin linkki: se on liian pitkä."),
        },
    )

    def token(self) -> str:
        return token_from_link(self.cleaned_data["link"])


def _date(label, **kwargs):
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"],
        error_messages={"invalid": _("Anna päivä muodossa pp.kk.vvvv, esimerkiksi 3.12.2026.")},
        **kwargs,
    )


class ExperimentForm(CleanTextMixin, MeetingForm):
    """A team's experiment (TeamExperiment): recorded, changed, ended. The cross-field rules (an end before
    the start, ending without a choice) are the service's; the view puts its messages next to these fields."""

    required_marks = True

    title = _text(
        _("Mitä kokeilemme"),
        max_length=200,
        help_text=_("Yksi tai kaksi lausetta, jotka myös poissa ollut ymmärtää."),
    )
    why = _text(
        _("Miksi kokeilemme"),
        required=False,
        max_length=EXPERIMENT_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Täydentäkää lause: ”Jos teemme näin, uskomme, että…”"),
    )
    addresses = _text(
        _("Väittämä tai teema, johon kokeilu vastaa"),
        required=False,
        max_length=300,
        help_text=_("Esimerkiksi arvioinnin heikoimmaksi arvioitu väittämä."),
    )
    caretaker = _text(
        _("Kuka pitää huolta"),
        required=False,
        max_length=120,
        help_text=_("Rooli riittää, esimerkiksi ”palaverin vetäjä”: nimiä ei tarvita."),
    )
    starts_on = _date(_("Alkaa"))
    ends_on = _date(_("Päättyy"))
    success = _text(
        _("Mistä tiedämme, että se toimi"),
        required=False,
        max_length=EXPERIMENT_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    follow_up_on = _date(
        _("Seurantapäivä"),
        help_text=_("Päivä, jona palaamme kokeiluun. Seuraava ehdotettu palaveri ottaa sen esille."),
    )
    state = forms.ChoiceField(
        label=_("Tila"),
        choices=TeamExperiment.State.choices,
        initial=TeamExperiment.State.PLANNED,
        widget=forms.RadioSelect,
        error_messages={"required": _("Valitkaa tila."), "invalid_choice": _("Valitkaa tila.")},
    )
    learned = _text(
        _("Mitä opimme"),
        required=False,
        max_length=EXPERIMENT_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kun kokeilu päättyy."),
    )
    outcome = forms.ChoiceField(
        label=_("Miten jatketaan"),
        required=False,
        choices=[("", _("Ei vielä valittu")), *TeamExperiment.Outcome.choices],
        error_messages={"invalid_choice": _("Valitkaa jatko luettelosta.")},
        help_text=_("Kun kokeilu päättyy."),
    )
    version = VersionField(required=False)

    def experiment_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields if name != "version"}

    @classmethod
    def initial_of(cls, experiment: TeamExperiment) -> dict:
        return {
            **{name: getattr(experiment, name) for name in cls.base_fields if name != "version"},
            "version": experiment.version,
        }


class FacilitationActionForm(forms.Form):
    """A control of the shared facilitation timer, sent by the controlling screen's script (never a page form:
    without JavaScript the facilitation view is the list of steps)."""

    action = forms.ChoiceField(choices=[(action, action) for action in ACTIONS])
    version = forms.IntegerField(min_value=1, max_value=MAX_DB_INT)
    # The screen's random key (crypto.getRandomValues, kept in its sessionStorage).
    key = forms.RegexField(regex=r"^[A-Za-z0-9_-]{16,64}$")
