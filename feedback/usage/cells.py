"""How a figure is written in a cell, the same in the table, the chart and the CSV."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _

# A cell of the team spaces' figures is shown only when at least this many distinct spaces stand behind it.
MIN_SPACES = 10


def too_few() -> str:
    return _("< %(k)s") % {"k": MIN_SPACES}


def num(value: int | float, digits: int = 0) -> str:
    # Rounded first: number_format() cuts the decimals off (two thirds would read "66 %").
    return number_format(round(value, digits), digits, force_grouping=True)


def percent(part: int, whole: int) -> str:
    return _("%(share)s %%") % {"share": num(100 * part / whole)} if whole else "–"


def k_cell(count: int, spaces: int) -> str:
    return num(count) if spaces >= MIN_SPACES else too_few()


def k_value(count: int, spaces: int) -> int | None:
    """The number a chart draws: None (no bar, "< 10") when too few spaces stand behind it."""
    return count if spaces >= MIN_SPACES else None
