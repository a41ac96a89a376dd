"""The tool finder's filters (django-filter): GET parameters that narrow the tools; invalid ones are reported.

Nothing here imports the models: the tool index page hands over its tools, its search scope and the phases
and themes it has fetched, so the page can use the finder without an import circle.
"""

from __future__ import annotations

from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from toolkit.tools.values import Format
from valoa.pages.filters import ChoiceFilter, PageFilterSet, RowChoiceFilter


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
MAX_MINUTES = 8 * 60
INVALID_CHOICE = {"invalid_choice": _("Valintaa ”%(value)s” ei ole. Rajaus ohitettiin.")}


class IntegerFilter(django_filters.Filter):
    field_class = forms.IntegerField  # (NumberFilter's DecimalField would take "12.5" for a group size)


class ToolFilter(PageFilterSet):
    """`search_scope` is what the free-text search may find (the section's live tools, Wagtail search);
    `phases` and `themes` are the facet rows already fetched for the page."""

    q = django_filters.CharFilter(
        label=_("Hakusana"),
        method="search",
        max_length=200,
        error_messages={"max_length": _("Hakusana voi olla enintään 200 merkkiä.")},
    )
    phase = RowChoiceFilter(
        field_name="phases", label=_("Vaihe"), empty_label=_("Kaikki vaiheet"), error_messages=INVALID_CHOICE
    )
    theme = RowChoiceFilter(
        field_name="themes", label=_("Teema"), empty_label=_("Kaikki teemat"), error_messages=INVALID_CHOICE
    )
    time = ChoiceFilter(
        label=_("Aikaa käytettävissä"),
        choices=[(bucket.value, bucket.label) for bucket in TIME_BUCKETS],
        empty_label=_("Mikä tahansa kesto"),
        method="within_time",
        error_messages=INVALID_CHOICE,
    )
    # "We have 45 minutes": exactly the tools whose duration fits in the minutes given (the buckets above are
    # ranges; this is the facilitator's own number).
    minutes = IntegerFilter(
        label=_("Meillä on aikaa (min)"),
        method="fits_minutes",
        help_text=_("Näytetään työkalut, jotka mahtuvat tähän aikaan."),
        min_value=1,
        max_value=MAX_MINUTES,
        error_messages={
            "invalid": _("Anna aika minuutteina kokonaislukuna, esimerkiksi 45."),
            "min_value": _("Ajan on oltava vähintään minuutti."),
            "max_value": _("Aika voi olla enintään %(limit_value)s minuuttia."),
        },
    )
    group = IntegerFilter(
        label=_("Meitä on"),
        method="fits_group",
        help_text=_("Ryhmän koko henkilöinä."),
        min_value=1,
        max_value=MAX_GROUP_SIZE,
        error_messages={
            "invalid": _("Anna ryhmän koko kokonaislukuna, esimerkiksi 12."),
            "min_value": _("Ryhmässä on oltava vähintään yksi henkilö."),
            "max_value": _("Ryhmän koko voi olla enintään %(limit_value)s."),
        },
    )
    format = ChoiceFilter(
        label=_("Toteutustapa"),
        choices=Format.choices,
        empty_label=_("Mikä tahansa tapa"),
        method="runs_as",
        error_messages=INVALID_CHOICE,
    )

    def __init__(self, data, *, search_scope: QuerySet, phases=(), themes=(), **kwargs):
        super().__init__(data, **kwargs)
        self.search_scope = search_scope
        self.filters["phase"].set_rows(phases)
        self.filters["theme"].set_rows(themes)

    def search(self, tools, name, query):
        # Wagtail search (Finnish stemming on PostgreSQL) finds the matching tools; the structured filters then
        # apply to those ids in the same SQL query as the page of results.
        matches = self.search_scope.search(query, order_by_relevance=False)
        return tools.filter(pk__in=[page.pk for page in matches])

    def within_time(self, tools, name, value):
        bucket = TIME_BUCKETS_BY_VALUE[value]
        return tools.filter(duration_minutes__gt=bucket.above, duration_minutes__lte=bucket.up_to)

    def fits_minutes(self, tools, name, minutes):
        return tools.filter(duration_minutes__gt=0, duration_minutes__lte=minutes)

    def fits_group(self, tools, name, size):
        return tools.filter(
            Q(group_size_min__lte=size), Q(group_size_max__isnull=True) | Q(group_size_max__gte=size)
        )

    def runs_as(self, tools, name, value):
        return tools.filter(**{Format(value).field_name: True})
