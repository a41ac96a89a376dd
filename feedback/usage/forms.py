"""The Käyttö view's only input: a date range. Nothing else is read from the request."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_MONTHS = 12
MAX_DAYS = 10 * 366


def default_range(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The last twelve months: from the first day of the month eleven months ago to today."""
    today = today or timezone.localdate()
    month = today.month - (DEFAULT_MONTHS - 1)
    year = today.year + (month - 1) // 12
    return dt.date(year, (month - 1) % 12 + 1, 1), today


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class UsageRangeForm(forms.Form):
    start = forms.DateField(
        label=_("Alkaen"),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("Anna päivämäärä muodossa vvvv-kk-pp.")},
    )
    end = forms.DateField(
        label=_("Päättyen"),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("Anna päivämäärä muodossa vvvv-kk-pp.")},
    )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        default_start, default_end = default_range()
        start = data.get("start") or default_start
        end = data.get("end") or default_end
        if end < start:
            self.add_error("end", _("Päättymispäivä ei voi olla ennen alkamispäivää."))
        elif (end - start).days > MAX_DAYS:
            self.add_error("start", _("Valitse enintään kymmenen vuoden jakso."))
        data["start"], data["end"] = start, end
        return data

    def date_range(self) -> tuple[dt.date, dt.date]:
        return self.cleaned_data["start"], self.cleaned_data["end"]
