"""Wagtail admin forms of the assessment room (base_form_class of the scale snippet and the assessment page):
the validation of scales and phase bands. Models may import this module; it never imports views or public forms."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm


@dataclass
class BandRow:
    index: int
    min_score: Decimal | None
    max_score: Decimal | None
    name: str = ""


def band_errors(rows: list[BandRow], *, low: Decimal, high: Decimal) -> dict[int, dict[str, str]]:
    """Field errors, by row index, for phase bands that must cover [low, high] without gaps or overlaps.

    A band includes its lower bound and excludes its upper one; the top band also includes `high`.
    """
    errors: dict[int, dict[str, str]] = {}

    def add(index: int, field: str, message: str) -> None:
        errors.setdefault(index, {}).setdefault(field, message)

    complete = []
    for row in rows:
        if row.min_score is None or row.max_score is None:
            continue
        if row.min_score >= row.max_score:
            add(row.index, "max_score", _("Ylärajan on oltava suurempi kuin alaraja."))
            continue
        if row.min_score < low or row.min_score > high:
            add(
                row.index,
                "min_score",
                _("Alarajan on oltava asteikon alueella %(low)s–%(high)s.") % _range(low, high),
            )
        if row.max_score > high or row.max_score < low:
            add(
                row.index,
                "max_score",
                _("Ylärajan on oltava asteikon alueella %(low)s–%(high)s.") % _range(low, high),
            )
        complete.append(row)
    if errors or not complete:
        return errors
    complete.sort(key=lambda row: (row.min_score, row.max_score))
    if complete[0].min_score != low:
        add(
            complete[0].index,
            "min_score",
            _("Alimman vaiheen alarajan on oltava asteikon pienin arvo %(low)s.") % _range(low, high),
        )
    if complete[-1].max_score != high:
        add(
            complete[-1].index,
            "max_score",
            _("Ylimmän vaiheen ylärajan on oltava asteikon suurin arvo %(high)s.") % _range(low, high),
        )
    for previous, row in itertools.pairwise(complete):
        if row.min_score < previous.max_score:
            add(
                row.index,
                "min_score",
                _("Menee päällekkäin vaiheen %(name)s kanssa: se päättyy arvoon %(end)s.")
                % {"name": previous.name or previous.index + 1, "end": _fmt(previous.max_score)},
            )
        elif row.min_score > previous.max_score:
            add(
                row.index,
                "min_score",
                _("Väliin jää aukko: edellinen vaihe (%(name)s) päättyy arvoon %(end)s.")
                % {"name": previous.name or previous.index + 1, "end": _fmt(previous.max_score)},
            )
    return errors


def _fmt(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")


def _range(low: Decimal, high: Decimal) -> dict[str, str]:
    return {"low": _fmt(Decimal(low)), "high": _fmt(Decimal(high))}


def _live_forms(formset) -> list:
    # The forms kept after saving: valid, and not ticked for deletion (the formset's DELETE field).
    return [
        form
        for form in formset.forms
        if getattr(form, "cleaned_data", None)
        and not (formset.can_delete and form.cleaned_data.get("DELETE"))
    ]


class AssessmentScaleForm(WagtailAdminModelForm):
    """Level values must be unique; labels say what each value means."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("levels")
        if formset is None or not formset.is_valid():
            return cleaned
        seen: dict[int, int] = {}
        live = _live_forms(formset)
        for form in live:
            value = form.cleaned_data.get("value")
            if value is None:
                continue
            if value in seen:
                form.add_error("value", _("Arvo %(value)s on jo toisella tasolla.") % {"value": value})
            seen[value] = 1
        if len(live) < 2:
            self.add_error(None, _("Asteikossa on oltava vähintään kaksi tasoa."))
        return cleaned


class AssessmentPageForm(WagtailAdminPageForm):
    """Phase bands must cover the scale's whole score range without gaps or overlaps."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("phase_bands")
        if formset is None or not formset.is_valid():
            return cleaned
        live = _live_forms(formset)
        if not live:
            return cleaned
        scale = cleaned.get("scale")
        if scale is None:
            self.add_error("scale", _("Valitse asteikko, jotta vaiheiden pisterajat voidaan tarkistaa."))
            return cleaned
        values = [level.value for level in scale.levels.all()]
        if not values:
            return cleaned
        rows = [
            BandRow(
                index=i,
                min_score=form.cleaned_data.get("min_score"),
                max_score=form.cleaned_data.get("max_score"),
                name=str(form.cleaned_data.get("phase") or ""),
            )
            for i, form in enumerate(live)
        ]
        errors = band_errors(rows, low=Decimal(min(values)), high=Decimal(max(values)))
        for index, fields in errors.items():
            for field, message in fields.items():
                live[index].add_error(field, message)
        if errors:
            self.add_error(
                None,
                _(
                    "Vaiheiden pisterajojen on katettava koko asteikko %(low)s–%(high)s ilman aukkoja ja päällekkäisyyksiä."
                )
                % _range(Decimal(min(values)), Decimal(max(values))),
            )
        return cleaned
