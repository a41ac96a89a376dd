"""What the public finders' filters share (django-filter): GET parameters that narrow a listing.

A value that does not validate is reported next to its field and skipped; the valid filters still apply
(django-filter filters with the form's `cleaned_data`, which holds only the valid fields).
"""

from __future__ import annotations

import django_filters
from django_filters.constants import EMPTY_VALUES

from valoa.widgets import PlainSelect


class PageFilterSet(django_filters.FilterSet):
    """The filters of a public listing page, bound to the page's query string (`request.GET`)."""

    @classmethod
    def when_filtering(cls, query, **kwargs):
        """Bound only once one of the filters has a value: an address without filters (or with the empty ones
        the form submits) is the plain listing, whose form shows no errors and says nothing about filtering."""
        return cls(query if any(query.get(name) for name in cls.base_filters) else None, **kwargs)

    @property
    def active(self) -> bool:
        """Some valid filter narrows the listing."""
        return bool(self.values)

    @property
    def values(self) -> dict:
        """The valid, non-empty filter values by name; the invalid ones are left out."""
        if not self.is_bound:
            return {}
        self.form.is_valid()  # validates once; cleaned_data keeps only the valid fields
        return {name: value for name, value in self.form.cleaned_data.items() if value not in EMPTY_VALUES}


class ChoiceFilter(django_filters.ChoiceFilter):
    """django-filter's ChoiceFilter with its select written in Python (valoa/widgets.py): the same markup."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", PlainSelect)
        super().__init__(*args, **kwargs)


class RowChoiceFilter(ChoiceFilter):
    """A choice among rows the page has already fetched (phases, themes, organisations).

    The URL value is the row's `key` (a slug, or a primary key). Validating it and filtering by it take no
    query, where a ModelChoiceFilter would ask the database for the row and again for the options.
    """

    def __init__(self, *args, key: str = "slug", **kwargs):
        self.key = key
        self.rows: dict = {}
        super().__init__(*args, **kwargs)

    def set_rows(self, rows) -> None:
        self.rows = {str(getattr(row, self.key)): row for row in rows}
        self.extra["choices"] = [(value, row.name) for value, row in self.rows.items()]

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        return qs.filter(**{self.field_name: self.rows[value]})
