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
    handled = (
        Submission.objects.exclude(pk__in=to_delete.values("pk"))
        .filter(handled_at__lt=erase_before, personal_data_erased_at__isnull=True)
        .filter(~Q(name="") | ~Q(email="") | ~Q(client_hash=""))
    )
    # Never handled: keep what the moderator needs to reply, drop the technical identifier.
    pending = Submission.objects.pending().filter(created_at__lt=erase_before).exclude(client_hash="")
    if dry_run:
        return PurgeResult(deleted=to_delete.count(), erased=handled.count() + pending.count())
    erased = pending.update(client_hash="")
    for submission in handled.iterator():
        services.submission_erase_personal_data(submission=submission)
        erased += 1
    deleted, _ = to_delete.delete()
    return PurgeResult(deleted=deleted, erased=erased)
