"""Every change to a Submission happens here: create, the moderation states, deletion, tip → story draft.

Keyword-only and typed, as the project's conventions ask. Each state change records who and when on
the submission (handled_by, handled_at) and in Wagtail's log (the snippet's history in the admin).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.text import normalize_newlines, slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.rich_text import RichText

from feedback.models import Submission

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

logger = logging.getLogger(__name__)

STATE_ACTIONS = {
    Submission.State.APPROVED: "feedback.approve",
    Submission.State.REJECTED: "feedback.reject",
    Submission.State.SPAM: "feedback.spam",
}


class SubmissionStateError(ValueError):
    pass


def client_hash_for(*, address: str) -> str:
    """A keyed hash of the client's address: comparable between submissions, not reversible."""
    if not address:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def submission_create(
    *,
    kind: str,
    text: str,
    title: str = "",
    name: str = "",
    organisation: str = "",
    email: str = "",
    publish_permission: bool = False,
    page: Page | None = None,
    client_address: str = "",
    language: str = "",
) -> Submission:
    if kind != Submission.Kind.EXPERIENCE:
        # Only experiences are ever published, and only they concern a page.
        publish_permission = False
    submission = Submission(
        kind=kind,
        text=text,
        title=title if kind == Submission.Kind.TIP else "",
        name=name,
        organisation=organisation,
        email=email,
        publish_permission=publish_permission,
        page=page if kind == Submission.Kind.EXPERIENCE else None,
        client_hash=client_hash_for(address=client_address),
        language=language or settings.LANGUAGE_CODE,
    )
    submission.full_clean()
    submission.save()
    log(instance=submission, action="wagtail.create", user=None)
    transaction.on_commit(lambda: submission_notify_moderators(submission=submission))
    return submission


def submission_notify_moderators(*, submission: Submission) -> int:
    """Tell the moderators that something waits. The mail carries no personal data: only the kind and a link."""
    recipients = list(getattr(settings, "FEEDBACK_MODERATOR_EMAILS", []))
    if not recipients:
        return 0
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_feedback_submission:edit", args=[submission.pk]
    )
    subject = _("VALOA: uusi viesti odottaa moderointia")
    body = _(
        "Sivustolle on lähetetty uusi viesti (%(kind)s). Se odottaa moderointia.\n\n"
        "Avaa se ylläpidossa:\n%(url)s\n\n"
        "Viestin sisältöä tai lähettäjän tietoja ei lähetetä sähköpostilla."
    ) % {"kind": submission.get_kind_display(), "url": admin_url}
    try:
        return send_mail(subject, body, None, recipients)
    except OSError:
        # A failed notice must not lose the submission; the dashboard still counts it.
        logger.exception("Could not send the moderation notice for submission %s", submission.pk)
        return 0


def _change_state(*, submission: Submission, state: str, user: AbstractBaseUser | None) -> Submission:
    if submission.state == state:
        return submission
    submission.state = state
    submission.handled_at = timezone.now()
    submission.handled_by = user
    submission.full_clean()
    submission.save(update_fields=["state", "handled_at", "handled_by"])
    log(instance=submission, action=STATE_ACTIONS[state], user=user)
    return submission


def submission_approve(*, submission: Submission, user: AbstractBaseUser | None) -> Submission:
    return _change_state(submission=submission, state=Submission.State.APPROVED, user=user)


def submission_reject(*, submission: Submission, user: AbstractBaseUser | None) -> Submission:
    return _change_state(submission=submission, state=Submission.State.REJECTED, user=user)


def submission_mark_spam(*, submission: Submission, user: AbstractBaseUser | None) -> Submission:
    return _change_state(submission=submission, state=Submission.State.SPAM, user=user)


def submission_delete_by_reference(*, reference: str, user: AbstractBaseUser | None) -> bool:
    """Delete a submission when its sender asks, quoting the reference code. True if one was deleted."""
    code = reference.strip().upper().replace(" ", "")
    if len(code) == 8 and "-" not in code:
        code = f"{code[:4]}-{code[4:]}"
    submission = Submission.objects.filter(reference=code).first()
    if submission is None:
        return False
    submission_delete(submission=submission, user=user)
    return True


def submission_delete(*, submission: Submission, user: AbstractBaseUser | None) -> None:
    log(instance=submission, action="wagtail.delete", user=user)
    submission.delete()


def submission_erase_personal_data(*, submission: Submission) -> Submission:
    submission.name = ""
    submission.email = ""
    submission.client_hash = ""
    submission.personal_data_erased_at = timezone.now()
    submission.save(update_fields=["name", "email", "client_hash", "personal_data_erased_at"])
    return submission


LEAD_MAX_LENGTH = 200
FIRST_SENTENCE = re.compile(r"^.+?[.!?…](?=\s|$)", re.DOTALL)


def story_lead(text: str) -> str:
    """A short lead for a story made of `text`: its first sentence, or "" for the editor to write one when
    that sentence is the whole text (the body says it already) or too long to be a lead."""
    first_paragraph = re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0]
    match = FIRST_SENTENCE.match(first_paragraph)
    sentence = " ".join((match.group(0) if match else first_paragraph).split())
    if len(sentence) > LEAD_MAX_LENGTH or sentence == " ".join(text.split()):
        return ""
    return sentence


def tip_to_story_draft(*, submission: Submission, user: AbstractBaseUser | None) -> Page:
    """Turn a tip into an unpublished case-study draft in Innostu, prefilled from it.

    Only kind, title, slug, intro and body (one "paragraph" block) of inspire.StoryPage are set, so the
    draft then follows Innostu's normal editorial workflow. The sender's name and email stay out of it.
    """
    from inspire.models import InspireIndexPage, StoryKind, StoryPage

    if submission.kind != Submission.Kind.TIP:
        raise SubmissionStateError("Only a tip can become a story draft.")
    if submission.story_page_id:
        return submission.story_page.specific
    # The Innostu section of the tip's own language, else the first one (the Finnish).
    indexes = InspireIndexPage.objects.order_by("path")
    parent = indexes.filter(locale__language_code=submission.language).first() or indexes.first()
    if parent is None:
        raise SubmissionStateError("There is no Innostu index page to put the draft under.")

    title = submission.title or _("Vinkki %(reference)s") % {"reference": submission.reference}
    text = normalize_newlines(submission.text).strip()  # browsers send \r\n: paragraphs split on \n\n
    story = StoryPage(
        kind=StoryKind.CASE_STUDY,
        title=title,
        slug=find_available_slug(parent, slugify(title)[:200] or "vinkki"),
        intro=story_lead(text),
        body=[("paragraph", RichText(linebreaks(text, autoescape=True)))],
        live=False,
    )
    with transaction.atomic():
        parent.add_child(instance=story)
        story.save_revision(user=user, log_action=True)
        submission.story_page = story
        submission.save(update_fields=["story_page"])
        log(instance=submission, action="feedback.tip_to_story", user=user)
        if submission.state == Submission.State.PENDING:
            submission_approve(submission=submission, user=user)
    return story
