"""The rules of a team space: create, find, rename and delete it, and the retention of unused spaces."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone

from toolkit.team.models import TOKEN_LENGTH, TeamSpace


def team_space_create(*, name: str = "") -> TeamSpace:
    space = TeamSpace(name=name.strip())
    space.full_clean()
    space.save()
    return space


# What secrets.token_urlsafe() writes (models.new_team_token): anything else is no token, asked of no database
# (PostgreSQL refuses a NUL byte in a text value with an error, not with no rows).
TOKEN_LETTERS = re.compile(r"[A-Za-z0-9_-]+")


def token_shape_ok(token, length: int = TOKEN_LENGTH) -> bool:
    """A secret link's token as token_urlsafe() writes it, `length` characters (a space's or a round's)."""
    return isinstance(token, str) and len(token) == length and TOKEN_LETTERS.fullmatch(token) is not None


def team_space_get(*, token: str) -> TeamSpace:
    """The space behind a token, or Http404 for anything that is not exactly a live space's token."""
    if not token_shape_ok(token):
        raise Http404
    try:
        return TeamSpace.objects.get(token=token)
    except TeamSpace.DoesNotExist:
        raise Http404 from None


# The retention clock counts months: one write an hour is plenty, not one per page view or autosave.
TOUCH_INTERVAL = timedelta(hours=1)


def team_space_touch(*, space: TeamSpace) -> None:
    """Record activity, so that the retention job keeps spaces in use: at most one write an hour (a team page
    viewed again within the hour writes nothing)."""
    now = timezone.now()
    if space.last_active_at is not None and space.last_active_at > now - TOUCH_INTERVAL:
        return
    TeamSpace.objects.filter(pk=space.pk).update(last_active_at=now)
    space.last_active_at = now


def team_spaces_revise(*, space_ids: Iterable[int]) -> None:
    """Raise the spaces' revision: what their pages showed may have changed, so their cached pages are no longer
    read (toolkit/team/page_cache.py). One UPDATE, after the change has been committed."""
    ids = sorted(set(space_ids))
    if ids:
        TeamSpace.objects.filter(pk__in=ids).update(revision=F("revision") + 1)


def team_space_rename(*, space: TeamSpace, name: str) -> TeamSpace:
    space.name = name.strip()
    space.full_clean()
    space.save(update_fields=["name"])
    return space


def team_space_usage_opt_out(*, space: TeamSpace, opt_out: bool) -> TeamSpace:
    """Leave the space's data out of every usage figure from now on, or take it back in."""
    space.usage_opt_out = opt_out
    space.save(update_fields=["usage_opt_out"])
    return space


@transaction.atomic
def team_space_delete(*, space: TeamSpace) -> None:
    """Delete the space and, through cascades, everything the team saved in it."""
    space.delete()


# --- Retention ---------------------------------------------------------------------------------------


def team_spaces_inactive(*, now: datetime | None = None, months: int | None = None):
    months = settings.TEAM_SPACE_RETENTION_MONTHS if months is None else months
    cutoff = months_before(now or timezone.now(), months)
    return TeamSpace.objects.filter(last_active_at__lt=cutoff)


@transaction.atomic
def team_spaces_purge_inactive(*, now: datetime | None = None, months: int | None = None) -> int:
    """Delete spaces not used for `months` (default TEAM_SPACE_RETENTION_MONTHS) and all their data."""
    spaces = team_spaces_inactive(now=now, months=months)
    count = spaces.count()
    spaces.delete()
    return count


def months_before(moment: datetime, months: int) -> datetime:
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)
