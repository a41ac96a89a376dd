"""The tool finder's filters: a plain GET form whose valid fields narrow the tools and invalid ones are reported."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from toolkit.tools.models import Format


@dataclass(frozen=True)
class TimeBucket:
    value: str
    label: str
    above: int  # duration > above
    up_to: int  # duration <= up_to


TIME_BUCKETS = [
    TimeBucket("30", _("enintään 30 min"), 0, 30),
    TimeBucket("60", _("30–60 min"), 30, 60),
    TimeBucket("120", _("1–2 tuntia"), 60, 120),
    TimeBucket("240", _("puoli päivää (2–4 tuntia)"), 120, 240),
]
TIME_BUCKETS_BY_VALUE = {bucket.value: bucket for bucket in TIME_BUCKETS}

MAX_GROUP_SIZE = 500


class ToolFinderForm(forms.Form):
    """Bound to request.GET. `phases` and `themes` are the facet rows already fetched for the page."""

    q = forms.CharField(label=_("Hakusana"), required=False, max_length=200, strip=True)
    phase = forms.ChoiceField(label=_("Vaihe"), required=False)
    theme = forms.ChoiceField(label=_("Teema"), required=False)
    time = forms.ChoiceField(
        label=_("Aikaa käytettävissä"),
        required=False,
        choices=[("", _("Mikä tahansa kesto")), *[(b.value, b.label) for b in TIME_BUCKETS]],
    )
    group = forms.IntegerField(
        label=_("Meitä on"),
        required=False,
        min_value=1,
        max_value=MAX_GROUP_SIZE,
        help_text=_("Ryhmän koko henkilöinä."),
        error_messages={
            "invalid": _("Anna ryhmän koko kokonaislukuna, esimerkiksi 12."),
            "min_value": _("Ryhmässä on oltava vähintään yksi henkilö."),
            "max_value": _("Ryhmän koko voi olla enintään %(limit_value)s."),
        },
    )
    format = forms.ChoiceField(
        label=_("Toteutustapa"),
        required=False,
        choices=[("", _("Mikä tahansa tapa")), *Format.choices],
    )

    error_messages_choice = _("Valintaa ”%(value)s” ei ole. Rajaus ohitettiin.")

    def __init__(self, data=None, *, phases=(), themes=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["phase"].choices = [("", _("Kaikki vaiheet")), *[(p.slug, p.name) for p in phases]]
        self.fields["theme"].choices = [("", _("Kaikki teemat")), *[(t.slug, t.name) for t in themes]]
        for name in ("phase", "theme", "time", "format"):
            self.fields[name].error_messages["invalid_choice"] = self.error_messages_choice
        self.fields["q"].error_messages["max_length"] = _("Hakusana voi olla enintään 200 merkkiä.")

    def full_clean(self):
        super().full_clean()
        # Errors and help are announced with the field (WCAG 3.3.1): point each input at its texts.
        for name, field in self.fields.items():
            described = []
            if field.help_text:
                described.append(f"id_{name}_helptext")
            if name in self.errors:
                described.append(f"id_{name}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)

    @property
    def filters(self) -> dict:
        """The valid, non-empty filters. Invalid fields are left out (and shown as errors by the template)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}

    @property
    def is_filtered(self) -> bool:
        return bool(self.filters)

    def tool_q(self) -> Q:
        """The database condition for the structured filters (the free-text search is applied separately)."""
        filters = self.filters
        condition = Q()
        if "phase" in filters:
            condition &= Q(phases__slug=filters["phase"])
        if "theme" in filters:
            condition &= Q(themes__slug=filters["theme"])
        if "time" in filters:
            bucket = TIME_BUCKETS_BY_VALUE[filters["time"]]
            condition &= Q(duration_minutes__gt=bucket.above, duration_minutes__lte=bucket.up_to)
        if "group" in filters:
            n = filters["group"]
            condition &= Q(group_size_min__lte=n) & (
                Q(group_size_max__isnull=True) | Q(group_size_max__gte=n)
            )
        if "format" in filters:
            condition &= Q(**{Format(filters["format"]).field_name: True})
        return condition
