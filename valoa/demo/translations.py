"""The demo's Swedish and English versions, built with wagtail-localize from PO catalogues (docs/demo-content.md).

Each app keeps its demo translations in `<app>/demo/translations/{sv,en}.po`: `msgid` is a Finnish segment
(a title, a slug, a paragraph, a block's text, a snippet's name) exactly as the Finnish demo has it, `msgstr`
its translation. The catalogues are a translation memory: a sentence used on several pages is translated
once. `manage.py export_demo_translations` writes the skeletons (keeping what translators wrote); the loader
below, run by `load_demo_content`, turns them into translations through wagtail-localize's own machinery
(TranslationSource, Translation, StringTranslation, `save_target`), the same path as its translation editor
and its PO import, so the translated pages stay in sync with their Finnish sources in the admin.

An object is translated only when every one of its text segments has a translation (and, for a page, its
parent page already exists in that language): a half-translated page would mix languages. Whatever is left
untranslated stays Finnish-only; the language switcher then leads to that language's section page with a note.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from valoa.demo.tree import without_redirects

TARGET_LANGUAGES = ("sv", "en")
TOOL_NAME = "VALOA demo PO"


def catalogue_path(app_label: str, language: str) -> Path:
    return Path(apps.get_app_config(app_label).path) / "demo" / "translations" / f"{language}.po"


def demo_apps() -> list[str]:
    """Apps with a demo package, in INSTALLED_APPS order (valoa, toolkit, inspire, feedback)."""
    labels = []
    for config in apps.get_app_configs():
        try:
            importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
            continue
        labels.append(config.label)
    return labels


def sources() -> Iterator[TranslatableMixin]:
    """What the demo translates, in an order where whatever an object refers to comes first: the translatable
    snippets (phases, themes, organisations, scales), then the live Finnish pages in tree order (parents first).
    """
    default = Locale.get_default()
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin) and model._meta.app_label in demo_apps():
            yield from model.objects.filter(locale=default).order_by("pk")
    yield from Page.objects.live().filter(locale=default, depth__gte=2).order_by("path").specific()


class UnreadableSegments(Exception):
    """wagtail-localize could not read the object's text (e.g. a nested block saved without an id)."""


def string_segments(instance) -> list[str]:
    """The instance's Finnish text segments, in order, as a translator sees them (read-only: no rows written)."""
    try:
        segments = extract_segments(instance)
    except (TypeError, ValueError, AttributeError) as exc:
        raise UnreadableSegments(f"{describe(instance)}: {exc}") from exc
    return [segment.string.data for segment in segments if isinstance(segment, StringSegmentValue)]


def describe(instance) -> str:
    """Where a segment comes from, for a PO file's `#:` comment (no spaces: gettext splits them there)."""
    if isinstance(instance, Page):
        return f"{instance.specific_class.__name__}:{instance.url_path}"
    return f"{type(instance).__name__}:{instance.pk}"


# --- Exporting the skeletons ------------------------------------------------------------------------------


@dataclass
class ExportResult:
    path: Path
    total: int
    added: int
    obsolete: int


def export(languages: Iterable[str] = TARGET_LANGUAGES) -> list[ExportResult]:
    """Write each app's `{sv,en}.po` with every demo segment of its objects; translations already written are
    kept, new segments come in untranslated, segments the demo no longer has are marked obsolete (#~)."""
    occurrences: dict[str, dict[str, list[str]]] = {label: {} for label in demo_apps()}
    for instance in sources():
        label = instance._meta.app_label
        label = label if label in occurrences else "valoa"
        try:
            texts = string_segments(instance)
        except UnreadableSegments:
            continue  # the loader reports it; an editor's save of the page gives its blocks their ids
        for text in texts:
            if text.strip():
                occurrences[label].setdefault(text, []).append(describe(instance))
    results = []
    for label, messages in occurrences.items():
        if not messages:
            continue
        for language in languages:
            results.append(write_catalogue(catalogue_path(label, language), language, messages))
    return results


def write_catalogue(path: Path, language: str, messages: dict[str, list[str]]) -> ExportResult:
    old = polib.pofile(str(path), wrapwidth=120) if path.exists() else None
    previous = {entry.msgid: entry for entry in old if not entry.obsolete} if old is not None else {}
    po = polib.POFile(wrapwidth=120)
    po.metadata = {
        "Project-Id-Version": "VALOA demo content",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    po.header = (
        f"VALOA's demo content in {dict(settings.LANGUAGES)[language]}: msgid is the Finnish demo text, msgstr its\n"
        "translation. Written by translators, read by `manage.py load_demo_content` (docs/demo-content.md).\n"
        "Regenerate the list with `manage.py export_demo_translations`: translations are kept."
    )
    added = 0
    for msgid, where in messages.items():
        kept = previous.get(msgid)
        if kept is None:
            added += 1
        entry = polib.POEntry(
            msgid=msgid,
            msgstr=kept.msgstr if kept is not None else "",
            occurrences=[(place, "") for place in sorted(set(where))[:5]],
            flags=list(kept.flags) if kept is not None else [],
            tcomment=kept.tcomment if kept is not None else "",
        )
        po.append(entry)
    obsolete = 0
    for msgid, entry in previous.items():
        if msgid not in messages and entry.msgstr:
            entry.obsolete = True
            po.append(entry)
            obsolete += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return ExportResult(path, len(messages), added, obsolete)


# --- Loading: the translated objects ----------------------------------------------------------------------


def memory(language: str) -> dict[str, str]:
    """Every app's catalogue for the language, merged: Finnish text → translation (fuzzy entries left out)."""
    found: dict[str, str] = {}
    for label in demo_apps():
        path = catalogue_path(label, language)
        if not path.exists():
            continue
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags:
                found.setdefault(entry.msgid, entry.msgstr)
    return found


@dataclass
class LoadResult:
    language: str
    translated: list[str]
    skipped: list[str]


def translate(log: Callable[[str], None] = lambda msg: None) -> list[LoadResult]:
    """Create the sv and en locales and every object whose segments the catalogues translate (idempotent:
    objects that already have a translation are left as editors made them)."""
    with without_redirects():
        return _translate(log)


def _translate(log: Callable[[str], None]) -> list[LoadResult]:
    targets = []
    for language in TARGET_LANGUAGES:
        locale, _created = Locale.objects.get_or_create(language_code=language)
        targets.append((locale, memory(language), LoadResult(language, [], [])))
    for instance in sources():  # each object's text is read once, for both languages
        texts: list[str] | None = None
        for locale, translations, result in targets:
            if texts is None and not instance.has_translation(locale):
                try:
                    texts = string_segments(instance)
                except UnreadableSegments as exc:
                    texts = []
                    result.skipped.append(f"unreadable ({exc})")
                    continue
            outcome = translate_one(instance, locale, translations, texts or [])
            (result.translated if outcome == "translated" else result.skipped).append(
                f"{describe(instance)}: {outcome}"
            )
    for locale, _translations, result in targets:
        if result.translated:
            relink(locale)
        log(f"{result.language}: {len(result.translated)} käännetty, {len(result.skipped)} ohitettu")
    return [result for _locale, _translations, result in targets]


def relink(locale: Locale) -> None:
    """Publish the locale's pages once more, now that all of them exist: a page translated before a page it links
    to (a tool's related tools, a story's tools) still links to the Finnish one, and a save moves each such link
    to its own language (valoa/languages/translated_references.py)."""
    for page in Page.objects.filter(locale=locale, depth__gt=1).live().specific():
        page.save_revision().publish()


def overrides(instance, language: str) -> dict[str, object]:
    """Values a translation puts in place of its source's where wagtail-localize lets it (an overridable
    segment: a document, an image): a demo package's `translation_overrides(instance, language)` names them
    by the segment's path (the toolkit's: each tool's work template in the tool's language)."""
    found: dict[str, object] = {}
    for label in demo_apps():
        module = importlib.import_module(f"{apps.get_app_config(label).name}.demo")
        hook = getattr(module, "translation_overrides", None)
        if hook is not None:
            found.update(hook(instance, language))
    return found


def override_segments(source: TranslationSource, instance, locale: Locale) -> None:
    """Write the overrides as wagtail-localize's own (SegmentOverride, as its editor does), before the target is
    saved from them; an editor can change them later in the translation editor."""
    wanted = overrides(instance, locale.language_code)
    if not wanted:
        return
    for segment in OverridableSegment.objects.filter(source=source, context__path__in=wanted).select_related(
        "context"
    ):
        SegmentOverride.objects.update_or_create(
            locale=locale,
            context=segment.context,
            defaults={"data_json": json.dumps(wanted[segment.context.path])},
        )


def translate_one(instance, locale: Locale, translations: dict[str, str], texts: list[str]) -> str:
    if instance.has_translation(locale):
        return "exists"
    if isinstance(instance, Page):
        parent = instance.get_parent()
        if parent.depth > 1 and not parent.has_translation(locale):
            return "parent not translated"
    missing = [text for text in texts if text.strip() and text not in translations]
    if missing:
        return f"{len(missing)} segments untranslated"
    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
            text = segment.string.data
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": translations.get(text, text),
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": TOOL_NAME,
                },
            )
        override_segments(source, instance, locale)
        if not isinstance(instance, Page):
            translation.save_target(publish=True)
            return "translated"
        # A page: saved as a draft, then its revision published now. With publish=True wagtail-localize publishes
        # when the transaction commits, from the page object as it was when its revision was made; in this one
        # long transaction the page has meanwhile got translated children, and that stale copy would write back
        # a child count of 0 (treebeard's numchild) and cut the children off the tree.
        translation.save_target(publish=False)
        target = translation.get_target_instance()
        Page.objects.get(pk=target.pk).specific.get_latest_revision().publish()
    return "translated"
