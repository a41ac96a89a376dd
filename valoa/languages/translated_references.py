"""A translated page refers to the phases, themes, organisations and pages of its own language.

wagtail-localize copies a page's many-to-many choices (a tool's phases and themes) and its child objects'
links (related tools, a story's tools, an assessment page's phase bands) as they are: a Swedish tool would be
in the Finnish phases, and the Swedish tool finder (which filters by its own language's phases) would not find
it. So before a page that is not in the default language is saved, each such reference that points to another
language is replaced by its translation in the page's language, when there is one (else it stays, and the page
still shows it). The Finnish pages are not touched; the queries run only when a reference needs it. The receiver
is connected to the page models only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.signals import pre_save
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, TranslatableMixin, get_page_models

from valoa.languages.locales import language_of_locale


def in_locale(objects: list, locale_id: int, model: type[models.Model]) -> list:
    """The objects, each replaced by its translation in the locale when it has one (one query per model).

    `model` is the reference's own model (the field's `related_model`): a link to a ToolPage must get a ToolPage,
    not the plain Page that a query on `Page` would give.
    """
    foreign = [obj for obj in objects if obj is not None and obj.locale_id != locale_id]
    if not foreign:
        return objects
    found = {
        obj.translation_key: obj
        for obj in model.objects.filter(
            translation_key__in={obj.translation_key for obj in foreign}, locale_id=locale_id
        )
    }
    return [found.get(obj.translation_key, obj) if obj is not None else None for obj in objects]


def localize_references(page: Page) -> None:
    locale_id = page.locale_id
    for field in page._meta.get_fields():
        if isinstance(field, ParentalManyToManyField) and issubclass(field.related_model, TranslatableMixin):
            manager = getattr(page, field.name)
            current = list(manager.all())
            localized = in_locale(current, locale_id, field.related_model)
            if localized != current:
                manager.set(localized)
    for relation in get_all_child_relations(page):
        links = [
            field
            for field in relation.related_model._meta.get_fields()
            if isinstance(field, models.ForeignKey)
            and not isinstance(field, ParentalKey)
            and issubclass(field.related_model, TranslatableMixin)
        ]
        if not links:
            continue
        manager = getattr(page, relation.get_accessor_name())
        children = list(manager.all())
        changed = False
        for field in links:
            targets = [getattr(child, field.name) for child in children]
            localized = in_locale(targets, locale_id, field.related_model)
            for child, before, after in zip(children, targets, localized, strict=True):
                if after is not before:
                    setattr(child, field.name, after)
                    changed = True
        if changed:
            manager.set(children)


def _before_save(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw or not isinstance(instance, Page) or instance.locale_id is None:
        return
    if language_of_locale(instance.locale_id) == settings.LANGUAGE_CODE:
        return
    localize_references(instance)


def connect() -> None:
    # Each page model by name (all of them are known when the apps are ready): a save of any other model never
    # runs this receiver.
    for model in get_page_models():
        pre_save.connect(_before_save, sender=model, dispatch_uid="valoa_translated_references")
