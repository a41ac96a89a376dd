"""Phases, themes and organisations as pages show them, several lists in one query.

A tool page shows its phases and themes, a story page its phases, themes and organisation, the Innostu
index all three as filter choices: small lists of names that cost a query each when read one by one.
`load_labels()` reads any number of them with one `UNION ALL` query and returns light `Label` rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import F, QuerySet, Value


@dataclass(frozen=True)
class Label:
    pk: int
    slug: str
    name: str
    website: str = ""
    sort_order: int = 0

    def __str__(self) -> str:
        return self.name


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _columns(queryset: QuerySet, key: str) -> QuerySet:
    model = queryset.model
    text = models.CharField()
    return (
        queryset.order_by()
        .annotate(
            label_key=Value(key, output_field=text),
            label_slug=F("slug") if _has_field(model, "slug") else Value("", output_field=text),
            label_name=F("name"),
            label_website=F("website") if _has_field(model, "website") else Value("", output_field=text),
            label_order=F("sort_order") if _has_field(model, "sort_order") else Value(0),
        )
        .values_list("pk", "label_key", "label_slug", "label_name", "label_website", "label_order")
    )


def load_labels(**querysets: QuerySet) -> dict[str, list[Label]]:
    """`load_labels(phases=..., themes=...)`: each list ordered by sort order, then name; one query."""
    result: dict[str, list[Label]] = {key: [] for key in querysets}
    if not querysets:
        return result
    parts = [_columns(queryset, key) for key, queryset in querysets.items()]
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    for pk, key, slug, name, website, order in rows:
        result[key].append(Label(pk, slug or "", name, website or "", order or 0))
    for labels in result.values():
        labels.sort(key=lambda label: (label.sort_order, label.name))
    return result


def related_of(page, field_name: str) -> QuerySet:
    """The rows a page's (parental) many-to-many field points to, as a queryset of the target model."""
    field = type(page)._meta.get_field(field_name)
    through = field.remote_field.through
    linked = through.objects.filter(**{field.m2m_field_name(): page.pk}).values(
        field.m2m_reverse_field_name()
    )
    return field.related_model.objects.filter(pk__in=linked)
