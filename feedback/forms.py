"""The reader's form: one class, three kinds. Honeypot and fill-time checks live here; rules in services."""

from __future__ import annotations

import time

from django import forms
from django.apps import apps
from django.conf import settings
from django.core import signing
from django.forms.models import ModelChoiceIterator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from feedback.models import (
    EMAIL_MAX_LENGTH,
    NAME_MAX_LENGTH,
    ORGANISATION_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Submission,
)
from valoa.languages.locales import locale_id_of_language

TIMESTAMP_SALT = "feedback.form.started"
HONEYPOT_FIELD = "kotisivu"
# The page types an experience may concern (resolved lazily: apps may be restructured independently).
EXPERIENCE_PAGE_TYPES = (
    "toolkit.ToolPage",
    "toolkit.WorkbookPage",
    "toolkit.AssessmentPage",
    "inspire.StoryPage",
)


def min_fill_seconds() -> float:
    return float(getattr(settings, "FEEDBACK_MIN_FILL_SECONDS", 3))


def max_form_age_seconds() -> int:
    return int(getattr(settings, "FEEDBACK_MAX_FORM_AGE_SECONDS", 24 * 3600))


def new_timestamp() -> str:
    return signing.dumps(time.time(), salt=TIMESTAMP_SALT)


# The ones offered in the form's list when the reader did not come from a page: the team's tools. Stories
# (thousands of them) are chosen by opening the story and following its "Kerro kokemuksesta" link.
LISTED_PAGE_TYPES = ("toolkit.ToolPage", "toolkit.WorkbookPage", "toolkit.AssessmentPage")


def _page_queryset(labels):
    models = []
    for label in labels:
        try:
            models.append(apps.get_model(label))
        except LookupError:
            continue
    return Page.objects.live().public().type(*models).order_by("title") if models else Page.objects.none()


def experience_page_queryset():
    """Every page an experience may concern (what the form accepts)."""
    return _page_queryset(EXPERIENCE_PAGE_TYPES)


class ListedPageIterator(ModelChoiceIterator):
    """The choices drawn from the field's shorter `listed_queryset`; validation still uses `queryset`."""

    def __init__(self, field):
        super().__init__(field)
        self.queryset = field.listed_queryset.only("id", "title")


class PageChoiceField(forms.ModelChoiceField):
    iterator = ListedPageIterator

    def __init__(self, *args, **kwargs):
        self.listed_queryset = Page.objects.none()
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return obj.title


def without_nul(data):
    """A copy of the submitted data with NUL characters removed from every value."""
    if not hasattr(data, "copy"):
        return data
    data = data.copy()
    for key in list(data.keys()):
        if hasattr(data, "setlist"):
            data.setlist(key, [v.replace("\x00", "") if isinstance(v, str) else v for v in data.getlist(key)])
        elif isinstance(data[key], str):
            data[key] = data[key].replace("\x00", "")
    return data


class SpamChecks:
    """The checks of every public form that stores what a reader sends: a signed start time (too fast is a bot,
    too old is stale) and the honeypot field. The form declares `kotisivu` and `started` itself."""

    def clean_started(self):
        value = self.data.get("started", "")
        try:
            started = float(signing.loads(value, salt=TIMESTAMP_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(
                _("Lomakkeen tarkistus epäonnistui. Tarkista tiedot ja lähetä lomake uudelleen."),
                code="stale",
            ) from None
        age = time.time() - started
        if age < min_fill_seconds():
            raise forms.ValidationError(
                _("Lomake lähetettiin hyvin nopeasti. Tarkista tiedot ja lähetä lomake uudelleen."),
                code="too_fast",
            )
        if age > max_form_age_seconds():
            raise forms.ValidationError(
                _("Lomake oli auki pitkään. Tarkista tiedot ja lähetä lomake uudelleen."), code="stale"
            )
        return value

    def clean(self):
        cleaned = super().clean()
        if "started" in self.errors:
            # A fresh timestamp, so that the corrected form can go through.
            data = self.data.copy()
            data["started"] = new_timestamp()
            self.data = data
        return cleaned

    def honeypot_caught(self) -> bool:
        """The honeypot was filled: the view answers neutrally and stores nothing."""
        return bool(self.is_bound and self.data.get(HONEYPOT_FIELD))


class SenderForm(SpamChecks, forms.Form):
    """A public form that stores what a reader sends: the sender's optional details (name, organisation, email),
    the honeypot and the signed start time, the Finnish messages. A subclass puts its own fields first
    (`field_order`) and may reword a detail's help text."""

    name = forms.CharField(
        label=_("Nimi tai nimimerkki"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        # WCAG 1.3.5: the fields that ask for the reader's own details name their purpose for autofill.
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label=_("Organisaatio"),
        max_length=ORGANISATION_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        help_text=_("Esimerkiksi virasto tai yksikkö."),
    )
    email = forms.EmailField(
        label=_("Sähköposti"),
        max_length=EMAIL_MAX_LENGTH,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Käytämme osoitetta vain vastataksemme sinulle. Sitä ei julkaista koskaan."),
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
    # components/forms/field.html says after each label whether the field is required.
    required_marks = True

    def __init__(self, data=None, *args, **kwargs):
        # NUL characters (PostgreSQL refuses them in text) are dropped before the fields' own checks.
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


class SubmissionForm(SenderForm):
    field_order = ["title", "page", "text", "name", "organisation", "email", "publish_permission"]

    title = forms.CharField(
        label=_("Vinkin otsikko"),
        max_length=TITLE_MAX_LENGTH,
        help_text=_("Esimerkiksi: Viikkopalaverin kuulumiskierros."),
    )
    page = PageChoiceField(
        label=_("Työkalu, jota kokemus koskee"),
        help_text=_("Kokemuksesta, joka koskee Innostu-osion tarinaa, voit kertoa tarinan sivulla."),
        queryset=Page.objects.none(),
        empty_label=_("Valitse sivu"),
    )
    text = forms.CharField(
        label=_("Viesti"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    publish_permission = forms.BooleanField(
        label=_("Annan luvan julkaista kokemukseni sivustolla."),
        help_text=_(
            "Kokemus julkaistaan vasta, kun moderaattori on tarkistanut sen. Nimi tai nimimerkki ja "
            "organisaatio näytetään sen yhteydessä, jos kirjoitit ne. Jos et halua viestiäsi julkaistavaksi, "
            "lähetä se palautteena."
        ),
    )

    TEXT_LABELS = {
        Submission.Kind.FEEDBACK: (_("Palautteesi"), _("Kerro, mikä toimii ja mitä pitäisi parantaa.")),
        Submission.Kind.EXPERIENCE: (
            _("Kokemuksesi"),
            _(
                "Kerro, miten työkalua käytettiin, mitä siitä seurasi ja mitä siitä opittiin. Älä kirjoita "
                "tekstiin muiden ihmisten henkilötietoja."
            ),
        ),
        Submission.Kind.TIP: (
            _("Vinkki"),
            _("Kerro, mikä käytäntö tai kokeilu on kyseessä, missä sitä on tehty ja miten se on toiminut."),
        ),
    }

    def __init__(self, data=None, *args, kind: str, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.kind = kind
        if kind != Submission.Kind.TIP:
            del self.fields["title"]
        self.fixed_page = None
        self.about_tool = True
        # Before the page field: a fixed story page rewords the help text.
        label, help_text = self.TEXT_LABELS[kind]
        self.fields["text"].label = label
        self.fields["text"].help_text = help_text
        if kind == Submission.Kind.EXPERIENCE:
            self._set_up_page_field()
        else:
            del self.fields["page"]
            del self.fields["publish_permission"]
        for name, field in self.fields.items():
            if name == "page":
                field.error_messages["required"] = _("Valitse sivu, jota kokemus koskee.")
                field.error_messages["invalid_choice"] = _("Valitse sivu luettelosta.")
            if name == "publish_permission":
                field.error_messages["required"] = _(
                    "Kokemukset kerätään julkaistaviksi: anna lupa julkaista kokemuksesi tai lähetä viesti "
                    "palautteena."
                )

    def _set_up_page_field(self) -> None:
        field = self.fields["page"]
        field.queryset = experience_page_queryset()
        # The list offers the pages of the reader's language only (a page is chosen by its title, and three
        # languages' titles sorted together were three lists in one); the field still accepts any language's.
        field.listed_queryset = _page_queryset(LISTED_PAGE_TYPES).filter(
            locale_id=locale_id_of_language(get_language())
        )
        field.widget.choices = field.choices  # lazy: queried only if the list is rendered
        initial = self.initial.get("page")
        if not self.is_bound and isinstance(initial, Page):
            self._fix_page(initial)
        # A sent form names its page once the field has validated it (full_clean): no second lookup.

    def _fix_page(self, page: Page) -> None:
        # The reader came from that page: name it instead of making them find it in a long list.
        self.fixed_page = page
        self.fields["page"].widget = forms.HiddenInput()
        content_type = page.cached_content_type
        self.about_tool = f"{content_type.app_label}.{content_type.model}" in {
            label.lower() for label in LISTED_PAGE_TYPES
        }
        if not self.about_tool:
            # A story is not a tool the reader used: ask about the story.
            self.fields["text"].help_text = _(
                "Kerro, mitä tarina herätti tai miten samaa kokeiltiin omassa työyhteisössäsi. Älä kirjoita "
                "tekstiin muiden ihmisten henkilötietoja."
            )

    def full_clean(self):
        super().full_clean()
        page = getattr(self, "cleaned_data", {}).get("page")  # (an unbound form has no cleaned_data)
        if page is not None:
            self._fix_page(page)
