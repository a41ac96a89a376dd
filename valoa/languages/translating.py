"""Translations an editor can finish (docs/languages.md, "Translating in the admin").

wagtail-localize's translation editor publishes or nothing: an editor who may not publish gets no button to
send the translation on, and its main button becomes "convert to alias", which throws the translation away.
Here:

- a translated page follows its source's workflow and group permissions: a translation of a page that has a
  workflow or page permissions of its own (a section page: Aloita, Työkalut, Innostu) gets the same ones when
  it is created (`follow_source`), so a Swedish story goes through "Innostun moderointi" as the Finnish one;
- `submit_for_moderation` saves the translation as a draft revision and starts that workflow: the editor
  submits, a moderator approves in Wagtail's own workflow views, and the approval publishes it;
- only superusers convert a translation to an alias (`may_convert_to_alias`);
- a translation whose source was published after its text was last synced is out of date
  (`outdated_source`): the page list and the translation editor mark it, with wagtail-localize's own update
  view one click away;
- deleting, unpublishing or moving a page in the default language does the same to its translations, through
  Wagtail's own `construct_translated_pages_to_cascade_actions` hook (`cascade_to_translations`): Wagtail's
  confirmation screens name them, and a translation that could not follow a move is reported
  (`translations_left_behind`).
"""

from __future__ import annotations

from django.db.models.signals import post_save
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowPage, get_page_models
from wagtail_localize.models import Translation, TranslationSource


def source_page(page: Page) -> Page | None:
    """The page's translation in the default language (its source), or None for a page in that language."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return None
    return Page.objects.filter(translation_key=page.translation_key, locale=default).first()


def follow_source(page: Page) -> None:
    """The source page's own workflow and group page permissions, on its translation (idempotent)."""
    source = source_page(page)
    if source is None:
        return
    assignment = WorkflowPage.objects.filter(page=source).first()
    if assignment is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": assignment.workflow})
    for grant in GroupPagePermission.objects.filter(page=source):
        GroupPagePermission.objects.get_or_create(
            group_id=grant.group_id, page=page, permission_id=grant.permission_id
        )


def follow_source_everywhere(pages: list[Page]) -> None:
    """Each given page's workflow and permissions on all its translations (the demo's sections)."""
    for page in pages:
        for translation in page.get_translations():
            follow_source(translation)


def _on_page_created(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        follow_source(instance)


def connect() -> None:
    # Connected to the page models only (wagtail-localize creates a translated page with add_child(), a save).
    for model in get_page_models():
        post_save.connect(_on_page_created, sender=model, dispatch_uid="valoa_translation_follows_source")


# --- The translation editor -------------------------------------------------------------------------------


def enabled_translation(page: Page) -> Translation | None:
    """wagtail-localize's synced translation whose target the page is (as its edit view looks it up)."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def may_convert_to_alias(user) -> bool:
    """Converting a translation to an alias overwrites it with the source: superusers only."""
    return bool(user.is_superuser)


class SubmitResult:
    STARTED = "started"
    RESUMED = "resumed"
    ALREADY = "already"
    NO_WORKFLOW = "no_workflow"


def submit_for_moderation(page: Page, translation: Translation, user) -> str:
    """Save the translation's current text as a draft revision of the page and send it to the page's workflow."""
    page = page.specific
    state = page.current_workflow_state
    if state is not None and state.status == state.STATUS_IN_PROGRESS:
        return SubmitResult.ALREADY
    workflow = page.get_workflow()
    if workflow is None:
        return SubmitResult.NO_WORKFLOW
    save_draft(page, translation, user)
    page = Page.objects.get(pk=page.pk).specific
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return SubmitResult.RESUMED
    workflow.start(page, user)
    return SubmitResult.STARTED


def save_draft(page: Page, translation: Translation, user) -> None:
    """The translation as a new draft revision of its page, the live page left as it is.

    wagtail-localize's `save_target(publish=False)` also writes the new text into the page's own row, which is what
    Wagtail serves: a live translation would show unapproved text at once. The row is put back as it was, with the
    new revision as its latest (the moderator's approval publishes it).
    """
    before = Page.objects.get(pk=page.pk).specific
    translation.save_target(user=user, publish=False)
    if not before.live:
        return
    revision = Page.objects.get(pk=page.pk).latest_revision
    before.latest_revision = revision
    before.draft_title = revision.object_str
    before.has_unpublished_changes = True
    before.save(clean=False)


def outdated_source(page: Page) -> TranslationSource | None:
    """The translation source when the page is a synced translation and its source page was published after its
    text was last extracted ("Sync translated pages" brings the change in); else None."""
    translation = enabled_translation(page)
    if translation is None:
        return None
    source = translation.source
    original = Page.objects.filter(
        translation_key=page.translation_key, locale_id=source.locale_id, live=True
    ).first()
    if original is None or original.last_published_at is None:
        return None
    return source if original.last_published_at > source.last_updated_at else None


# --- Delete, unpublish, move ------------------------------------------------------------------------------


def cascade_to_translations(pages: list[Page], action: str) -> dict[Page, list[Page]]:
    """Wagtail's hook: the translations that go with a default-language page when it is deleted, unpublished or
    moved (aliases too, except for unpublishing, as Wagtail's simple_translation does)."""
    default = Locale.get_default()
    result = {}
    for page in pages:
        if page.locale_id != default.pk or action not in ("delete", "unpublish", "move"):
            continue
        translations = Page.objects.translation_of(page, inclusive=False)
        if action == "unpublish":
            translations = translations.filter(alias_of__isnull=True, live=True)
        result[page] = list(translations)
    return result


def translations_left_behind(page: Page) -> list[Page]:
    """The page's live translations that are not under a translation of its parent (a move they could not follow,
    because the destination has no page in their language). Only a default-language page cascades."""
    if page.locale_id != Locale.get_default().pk:
        return []
    parent = page.get_parent()
    parents = set(Page.objects.translation_of(parent, inclusive=True).values_list("pk", flat=True))
    return [
        translation
        for translation in Page.objects.translation_of(page, inclusive=False).filter(live=True)
        if translation.get_parent().pk not in parents
    ]
