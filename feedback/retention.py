"""Retention periods, kept in line with the privacy notice (valoa/demo/site.py, "Palaute, kokemukset ja vinkit")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from feedback import services
from feedback.models import Submission

# Rejected and spam: deleted 30 days after handling. Email, name and client hash: erased 6 months
# (183 days) after handling. Pending items are never purged (a moderator has not seen them yet), but
# their client hash goes 183 days after they came in.
DEFAULTS = {"DELETE_REJECTED_AFTER_DAYS": 30, "ERASE_PERSONAL_DATA_AFTER_DAYS": 183}


def retention_setting(name: str) -> int:
    return int(getattr(settings, "FEEDBACK_RETENTION", {}).get(name, DEFAULTS[name]))


@dataclass
class PurgeResult:
    deleted: int
    erased: int


def purge_personal_data(
    *, delete_after_days: int | None = None, erase_after_days: int | None = None, dry_run: bool = False
) -> PurgeResult:
    now = timezone.now()
    delete_after = (
        delete_after_days
        if delete_after_days is not None
        else retention_setting("DELETE_REJECTED_AFTER_DAYS")
    )
    erase_after = (
        erase_after_days
        if erase_after_days is not None
        else retention_setting("ERASE_PERSONAL_DATA_AFTER_DAYS")
    )

    to_delete = Submission.objects.filter(
        state__in=[Submission.State.REJECTED, Submission.State.SPAM],
        handled_at__lt=now - timedelta(days=delete_after),
    )
    erase_before = now - timedelta(days=erase_after)
    to_erase = (
        Submission.objects.exclude(pk__in=to_delete.values("pk"))
        .filter(personal_data_erased_at__isnull=True)
        .filter(
            Q(handled_at__lt=erase_before) | Q(state=Submission.State.PENDING, created_at__lt=erase_before)
        )
        .filter(~Q(name="") | ~Q(email="") | ~Q(client_hash=""))
    )
    if dry_run:
        return PurgeResult(deleted=to_delete.count(), erased=to_erase.count())
    erased = 0
    for submission in to_erase.iterator():
        if submission.state == Submission.State.PENDING:
            # Not handled yet: keep what the moderator needs to reply, drop the technical identifier.
            submission.client_hash = ""
            submission.save(update_fields=["client_hash"])
        else:
            services.submission_erase_personal_data(submission=submission)
        erased += 1
    deleted, _ = to_delete.delete()
    return PurgeResult(deleted=deleted, erased=erased)
