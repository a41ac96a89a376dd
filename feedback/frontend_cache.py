"""Approved experiences in the front cache and the site's fragments: only a change a reader can see counts.

A reader's new submission (pending) purges nothing; approving an experience purges the page it is shown on;
rejecting, marking as spam, editing or deleting one that was public purges that page again. Submissions are
therefore kept out of valoa's "a snippet changed: ban everything" rule (see `models`). Such a change also
forgets the site chrome, as a publish does, and with it the fragments: a page's approved experiences are kept
there (valoa.pages.fragments), and a moderator's approval is the experience's publish.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_save

from feedback.models import Submission
from valoa.caching import frontend_cache
from valoa.pages import chrome

# Set on the instance by pre_save: whether the row was public before this save.
WAS_PUBLIC_ATTR = "frontend_cache_was_public"


def is_public(submission: Submission) -> bool:
    return (
        submission.state == Submission.State.APPROVED
        and submission.kind == Submission.Kind.EXPERIENCE
        and submission.publish_permission
        and submission.page_id is not None
    )


def _before_save(sender, instance: Submission, raw: bool = False, **kwargs) -> None:
    if raw or instance.pk is None:  # a new submission was never public
        setattr(instance, WAS_PUBLIC_ATTR, False)
        return
    setattr(instance, WAS_PUBLIC_ATTR, Submission.objects.public().filter(pk=instance.pk).exists())


def _after_save(sender, instance: Submission, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    if getattr(instance, WAS_PUBLIC_ATTR, False) or is_public(instance):
        _shown_on_changed(instance)


def _after_delete(sender, instance: Submission, **kwargs) -> None:
    if is_public(instance):
        _shown_on_changed(instance)


def _shown_on_changed(submission: Submission) -> None:
    chrome.invalidate()
    if not frontend_cache.enabled():
        return
    from wagtail.models import Page

    page = Page.objects.filter(pk=submission.page_id).first()
    if page is not None:
        # Shown on every translation of the page (feedback_tags.page_experiences).
        frontend_cache.purge(
            [page.specific_deferred, *(p.specific_deferred for p in page.get_translations())]
        )


def models() -> dict:
    return {Submission: None}  # purged here, not by valoa's rule for snippets


def connect() -> None:
    pre_save.connect(_before_save, sender=Submission, dispatch_uid="feedback_frontend_cache_pre_save")
    post_save.connect(_after_save, sender=Submission, dispatch_uid="feedback_frontend_cache_post_save")
    post_delete.connect(_after_delete, sender=Submission, dispatch_uid="feedback_frontend_cache_post_delete")
