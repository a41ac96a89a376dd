"""Innostu's filters (django-filter): kind, theme, phase and organisation, as GET parameters (`?kind=kokeilu`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from inspire.choices import KIND_PLURALS, StoryKind
from valoa.pages.filters import ChoiceFilter, PageFilterSet, RowChoiceFilter

INVALID_CHOICE = _("Valintaa ei löytynyt. Valitse jokin listan vaihtoehdoista.")


class StoryFilter(PageFilterSet):
    """Filters a page's stories. `themes`, `phases` and `organisations` are the rows already fetched for the page."""

    kind = ChoiceFilter(
        label=_("Tyyppi"),
        choices=[(kind.value, KIND_PLURALS[kind]) for kind in StoryKind],
        empty_label=_("Kaikki tyypit"),
        error_messages={"invalid_choice": INVALID_CHOICE},
    )
    theme = RowChoiceFilter(
        field_name="themes",
        label=_("Teema"),
        empty_label=_("Kaikki teemat"),
        error_messages={"invalid_choice": INVALID_CHOICE},
    )
    phase = RowChoiceFilter(
        field_name="phases",
        label=_("Vaihe"),
        empty_label=_("Kaikki vaiheet"),
        error_messages={"invalid_choice": INVALID_CHOICE},
    )
    organisation = RowChoiceFilter(
        field_name="organisation",
        key="pk",
        label=_("Organisaatio"),
        empty_label=_("Kaikki organisaatiot"),
        error_messages={"invalid_choice": INVALID_CHOICE},
    )

    def __init__(self, data, *, themes, phases, organisations, **kwargs):
        super().__init__(data, **kwargs)
        self.filters["theme"].set_rows(themes)
        self.filters["phase"].set_rows(phases)
        self.filters["organisation"].set_rows(organisations)
