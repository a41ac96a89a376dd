"""Add thousands of live pages under a parent in a few queries, bypassing Page.save().

Wagtail pages are treebeard materialised-path nodes: a child's `path` is its parent's path plus a 4-character
base-36 step. Writing the paths ourselves lets us insert the `wagtailcore_page` rows with one bulk INSERT
per batch and the specific model's own table with another, instead of `add_child()` and a revision per page
(about 40 queries each). Only generated benchmark content is written this way: the pages have no revisions,
which Wagtail serves without (a revision is made the first time an editor saves one).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

BATCH = 500


def path_step(number: int) -> str:
    """One step of a treebeard path: `number` in the tree's alphabet, `steplen` characters wide."""
    alphabet, digits = Page.alphabet, ""
    while number:
        number, digit = divmod(number, len(alphabet))
        digits = alphabet[digit] + digits
    return digits.rjust(Page.steplen, alphabet[0])


def step_number(step: str) -> int:
    """The inverse of `path_step`."""
    number = 0
    for char in step:
        number = number * len(Page.alphabet) + Page.alphabet.index(char)
    return number


def insert_rows(model: type[Page], objs: list[Page], fields: list) -> None:
    """One multi-row INSERT of the specific model's own table, values prepared as Django's own insert does."""
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608 (names from the model)
            [
                [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]
                for obj in objs
            ],
        )


def bulk_add_children(
    parent: Page, model: type[Page], rows: Iterable[dict[str, Any]], *, m2m: dict[str, str] | None = None
) -> list[int]:
    """Create live `model` pages under `parent`, one per dict of field values; return their ids.

    Each row needs `title`; `slug` defaults to the slugified title. Keys named in `m2m` (row key → the
    ParentalManyToManyField's name) carry lists of related ids.
    """
    parent = Page.objects.get(pk=parent.pk)  # fresh path and numchild
    content_type = ContentType.objects.get_for_model(model)
    last = parent.get_last_child()
    step = step_number(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    specific_fields = list(model._meta.local_concrete_fields)
    page_field_names = {f.name for f in Page._meta.concrete_fields} | {"content_type"}
    ids: list[int] = []
    rows = list(rows)
    with transaction.atomic():
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            bases, specifics, relations = [], [], []
            for row in batch:
                row = dict(row)
                step += 1
                title = row.pop("title")
                slug = row.pop("slug", None) or slugify(title)[:240]
                published = row.pop("first_published_at", now)
                base_values = {k: row.pop(k) for k in list(row) if k in page_field_names}
                relations.append({key: row.pop(key, []) for key in (m2m or {})})
                bases.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=parent.path + path_step(step),
                        depth=parent.depth + 1,
                        numchild=0,
                        url_path=f"{parent.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                        locale_id=parent.locale_id,
                        translation_key=uuid.uuid4(),
                        **base_values,
                    )
                )
                specifics.append(row)
            created = Page.objects.bulk_create(bases)
            objs = []
            for base, values in zip(created, specifics, strict=True):
                obj = model(page_ptr_id=base.pk, **values)
                objs.append(obj)
            insert_rows(model, objs, specific_fields)
            for key, field_name in (m2m or {}).items():
                through = getattr(model, field_name).through
                source = through._meta.get_field(model._meta.model_name).attname
                target = next(
                    f.attname for f in through._meta.concrete_fields if f.is_relation and f.attname != source
                )
                through.objects.bulk_create(
                    [
                        through(**{source: base.pk, target: related})
                        for base, relation in zip(created, relations, strict=True)
                        for related in relation[key]
                    ]
                )
            ids.extend(base.pk for base in created)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(rows))
    return ids


def index_pages(model: type[Page], ids: list[int]) -> None:
    """Add the pages to the search index in bulk (what `update_index` does, for these pages only)."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    queryset = model.objects.filter(pk__in=ids)
    for start in range(0, len(ids), BATCH):
        backend.add_bulk(model, list(queryset.filter(pk__in=ids[start : start + BATCH])))
