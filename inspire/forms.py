"""The Innostu filter form: GET parameters, validated against the choices fetched once for the page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from inspire.models import KIND_PLURALS, StoryKind

FILTER_FIELDS = ("kind", "theme", "phase", "organisation")


class StoryFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Tyyppi"), required=False)
    theme = forms.ChoiceField(label=_("Teema"), required=False)
    phase = forms.ChoiceField(label=_("Vaihe"), required=False)
    organisation = forms.ChoiceField(label=_("Organisaatio"), required=False)

    def __init__(self, *args, themes, phases, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        # The rows behind each choice, so a valid choice needs no second query.
        self.choice_objects = {
            "theme": {theme.slug: theme for theme in themes},
            "phase": {phase.slug: phase for phase in phases},
            "organisation": {str(org.pk): org for org in organisations},
        }
        self.fields["kind"].choices = [("", _("Kaikki tyypit"))] + [
            (kind.value, KIND_PLURALS[kind]) for kind in StoryKind
        ]
        self.fields["theme"].choices = [("", _("Kaikki teemat"))] + [(t.slug, t.name) for t in themes]
        self.fields["phase"].choices = [("", _("Kaikki vaiheet"))] + [(p.slug, p.name) for p in phases]
        self.fields["organisation"].choices = [("", _("Kaikki organisaatiot"))] + [
            (str(o.pk), o.name) for o in organisations
        ]
        invalid = _("Valintaa ei löytynyt. Valitse jokin listan vaihtoehdoista.")
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = invalid

    def filters(self) -> dict:
        """The valid filters as keyword arguments for story_queryset(); invalid values are left out."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        result = {}
        if cleaned.get("kind"):
            result["kind"] = cleaned["kind"]
        for name in ("theme", "phase", "organisation"):
            if cleaned.get(name):
                result[name] = self.choice_objects[name][cleaned[name]]
        return result

    def full_clean(self):
        super().full_clean()
        # Point each invalid field at its message, so screen readers read it with the field.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}-error"
                self.fields[name].widget.attrs["aria-invalid"] = "true"
