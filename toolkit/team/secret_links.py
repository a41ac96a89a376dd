"""Finding things by a secret link, with a limit on guessing, for every view under /tiimi/.

Each unknown token counts against the client's address; past the limit every lookup from that client
answers 429 (even a right one), so links cannot be found by trying. Team spaces, assessment rounds'
respondent links and pasted team links all go through `find()`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.http import Http404
from django_ratelimit.core import is_ratelimited
from django_ratelimit.exceptions import Ratelimited

from toolkit.team import services
from toolkit.team.models import TeamSpace

TOKEN_MISS_GROUP = "toolkit:team-token-miss"  # noqa: S105 (a rate-limit group name)

T = TypeVar("T")


def _miss_rate(group, request) -> str:
    return settings.TEAM_TOKEN_MISS_RATE


def find(request, lookup: Callable[[], T]) -> T:
    """`lookup()` (which raises Http404 for an unknown token) under the client's guessing limit."""
    limit = {"group": TOKEN_MISS_GROUP, "key": "ip", "rate": _miss_rate}
    if is_ratelimited(request, increment=False, **limit):
        raise Ratelimited
    try:
        return lookup()
    except Http404:
        if is_ratelimited(request, increment=True, **limit):
            raise Ratelimited from None
        raise


def get_space(request, token: str) -> TeamSpace:
    """The team space of a token, under the guessing limit."""
    return find(request, lambda: services.team_space_get(token=token))
