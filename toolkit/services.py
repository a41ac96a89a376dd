"""The rules of the team data, in one place. Views and forms call these; nothing else changes state."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from toolkit.models.team import TOKEN_LENGTH, TeamSpace


def team_space_create(*, name: str = "") -> TeamSpace:
    space = TeamSpace(name=name.strip())
    space.full_clean()
    space.save()
    return space


def team_space_get(*, token: str) -> TeamSpace:
    """The space behind a token, or Http404 for anything that is not exactly a live space's token."""
    if not isinstance(token, str) or len(token) != TOKEN_LENGTH:
        raise Http404
    try:
        return TeamSpace.objects.get(token=token)
    except TeamSpace.DoesNotExist:
        raise Http404 from None


def team_space_touch(*, space: TeamSpace) -> None:
    """Record activity, so that the retention job keeps spaces in use."""
    now = timezone.now()
    TeamSpace.objects.filter(pk=space.pk).update(last_active_at=now)
    space.last_active_at = now


def team_space_rename(*, space: TeamSpace, name: str) -> TeamSpace:
    space.name = name.strip()
    space.full_clean()
    space.save(update_fields=["name"])
    return space


@transaction.atomic
def team_space_delete(*, space: TeamSpace) -> None:
    """Delete the space and, through cascades, everything the team saved in it."""
    space.delete()
