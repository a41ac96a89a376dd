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
    return _submission_store(submission)


def _submission_store(submission: Submission) -> Submission:
    """Validate and save a reader's submission, log it in Wagtail's history, and tell the moderators once the
    transaction commits."""
    submission.full_clean()
    submission.save()
    log(instance=submission, action="wagtail.create", user=None)
    transaction.on_commit(lambda: submission_notify_moderators(submission=submission))
    return submission


def experiment_summary(
    *, title: str, hypothesis: str, duration: str, status: str, learned: str, tools: str
) -> str:
    """The readable text of a shared experiment (the queue's excerpt, search, and what a mail-less reader sees)."""
    from inspire.choices import ExperimentStatus

    parts = [
        (_("Kokeilu"), title),
        (_("Hypoteesi"), hypothesis),
        (_("Kesto"), duration),
        (_("Tila"), ExperimentStatus(status).label if status else ""),
        (_("Mitä opimme"), learned),
        (_("Käytetyt työkalut"), tools),
    ]
    return "\n\n".join(f"{label}:\n{value.strip()}" for label, value in parts if value and value.strip())


def experiment_share(
    *,
    title: str,
    hypothesis: str,
    duration: str,
    status: str,
    learned: str,
    tools: str = "",
    tool_ids: list[int] | None = None,
    organisation: str = "",
    name: str = "",
    email: str = "",
    client_address: str = "",
    language: str = "",
) -> Submission:
    """A team's ended experiment, offered to Innostu with its consent: a pending tip with the structured fields.

    Nothing of the team space is stored (no token, no space, no experiment): the tip stands on its own. The
    consent is recorded as the publish permission; tips never reach a public template (only approved
    experiences do), so it is the editor's story, through Innostu's own workflow, that can become public.
    """
    text = experiment_summary(
        title=title, hypothesis=hypothesis, duration=duration, status=status, learned=learned, tools=tools
    )
    submission = Submission(
        kind=Submission.Kind.TIP,
        title=title,
        text=text,
        name=name,
        organisation=organisation,
        email=email,
        publish_permission=True,
        shared_experiment=True,
        experiment_hypothesis=hypothesis,
        experiment_duration=duration,
        experiment_status=status,
        experiment_learned=learned,
        experiment_tools=tools,
        experiment_tool_ids=list(tool_ids or []),
        client_hash=client_hash_for(address=client_address),
        language=language or settings.LANGUAGE_CODE,
    )
    return _submission_store(submission)


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


def story_parent_for(*, submission: Submission) -> Page | None:
    """The Innostu section a tip's draft goes under: the tip's own language's, else the first (the Finnish)."""
    from inspire.models import InspireIndexPage

    indexes = InspireIndexPage.objects.order_by("path")
    return indexes.filter(locale__language_code=submission.language).first() or indexes.first()


def user_can_make_story(*, submission: Submission, user: AbstractBaseUser) -> bool:
    """Whether the user may turn this tip into a draft: one who may add pages under its Innostu section."""
    if submission.kind != Submission.Kind.TIP:
        return False
    parent = story_parent_for(submission=submission)
    return parent is not None and parent.permissions_for_user(user).can_add_subpage()


def _experiment_story_fields(*, submission: Submission, parent: Page) -> dict:
    """A shared experiment's story fields: kind "kokeilu", its facts, the organisation of that name in the
    section's language if Innostu knows it, and the site's tools it used (in the section's language)."""
    from inspire.choices import ExperimentStatus, StoryKind
    from inspire.models import Organisation, StoryToolLink
    from toolkit.models import ToolPage

    organisation = None
    if submission.organisation.strip():
        name = submission.organisation.strip()
        organisation = (
            Organisation.objects.filter(locale_id=parent.locale_id, name__iexact=name).first()
            or Organisation.objects.filter(locale_id=parent.locale_id, short_name__iexact=name).first()
        )
    tools = ToolPage.objects.filter(pk__in=submission.experiment_tool_ids or [])
    keys = [tool.translation_key for tool in tools]
    in_language = {
        tool.translation_key: tool
        for tool in ToolPage.objects.filter(translation_key__in=keys, locale_id=parent.locale_id)
    }
    links = [StoryToolLink(tool=in_language[key]) for key in dict.fromkeys(keys) if key in in_language]
    learned = normalize_newlines(submission.experiment_learned).strip()
    return {
        "kind": StoryKind.EXPERIMENT,
        "intro": story_lead(normalize_newlines(submission.experiment_hypothesis).strip()),
        "hypothesis": submission.experiment_hypothesis,
        "duration": submission.experiment_duration,
        "status": submission.experiment_status or ExperimentStatus.ENDED,
        "learned": linebreaks(learned, autoescape=True) if learned else "",
        "organisation": organisation,
        "is_example": False,
        "story_tool_links": links,
    }


def tip_to_story_draft(*, submission: Submission, user: AbstractBaseUser | None) -> Page:
    """Turn a tip into an unpublished story draft in Innostu, prefilled from it.

    A plain tip becomes a case study: kind, title, slug, intro and body (one "paragraph" block). A shared
    experiment becomes an experiment story with its hypothesis, duration, status, what was learned, the
    organisation and the tools used. Either way the draft then follows Innostu's normal editorial workflow, and
    the sender's name and email stay out of it. A second call returns the draft made the first time.
    """
    from inspire.choices import StoryKind
    from inspire.models import StoryPage

    if submission.kind != Submission.Kind.TIP:
        raise SubmissionStateError("Only a tip can become a story draft.")
    if submission.story_page_id:
        return submission.story_page.specific
    parent = story_parent_for(submission=submission)
    if parent is None:
        raise SubmissionStateError("There is no Innostu index page to put the draft under.")

    title = submission.title or _("Vinkki %(reference)s") % {"reference": submission.reference}
    text = normalize_newlines(submission.text).strip()  # browsers send \r\n: paragraphs split on \n\n
    if submission.shared_experiment:
        fields = _experiment_story_fields(submission=submission, parent=parent)
    else:
        fields = {
            "kind": StoryKind.CASE_STUDY,
            "intro": story_lead(text),
            "body": [("paragraph", RichText(linebreaks(text, autoescape=True)))],
        }
    story = StoryPage(
        title=title,
        slug=find_available_slug(parent, slugify(title)[:200] or "vinkki"),
        live=False,
        **fields,
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
