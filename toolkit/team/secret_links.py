"""Finding things by a secret link, with a limit on guessing, for every view under /tiimi/.

Each unknown token counts against the client's address; past the limit every lookup from that client
answers 429 (even a right one), so links cannot be found by trying. Team spaces, assessment rounds'
respondent links and pasted team links all go through `find()`.

`find()` also notes on the request which team spaces it found (`space_ids_found`): a request that may change
data and found a space raises that space's revision afterwards (toolkit/team/page_cache.py).
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

# Request attributes of this module: the ids of the spaces find() found, and get_space()'s spaces by token.
FOUND_ATTRIBUTE = "valoa_team_space_ids"
SPACES_ATTRIBUTE = "valoa_team_spaces"


def _miss_rate(group, request) -> str:
    return settings.TEAM_TOKEN_MISS_RATE


def find(request, lookup: Callable[[], T]) -> T:
    """`lookup()` (which raises Http404 for an unknown token) under the client's guessing limit."""
    limit = {"group": TOKEN_MISS_GROUP, "key": "ip", "rate": _miss_rate}
    if is_ratelimited(request, increment=False, **limit):
        raise Ratelimited
    try:
        found = lookup()
    except Http404:
        if is_ratelimited(request, increment=True, **limit):
            raise Ratelimited from None
        raise
    _note_space(request, found)
    return found


def _note_space(request, found) -> None:
    """Note the space that `found` is (a TeamSpace) or belongs to (a round, a session: `space_id`)."""
    space_id = found.pk if isinstance(found, TeamSpace) else getattr(found, "space_id", None)
    if space_id is None:
        return
    vars(request).setdefault(FOUND_ATTRIBUTE, set()).add(space_id)


def space_ids_found(request) -> frozenset[int]:
    """The ids of the team spaces that secret links found during this request."""
    return frozenset(getattr(request, FOUND_ATTRIBUTE, ()))


def get_space(request, token: str) -> TeamSpace:
    """The team space of a token, under the guessing limit; found once per request (a cached team page looks
    it up before its view does)."""
    spaces = vars(request).setdefault(SPACES_ATTRIBUTE, {})
    if token not in spaces:
        spaces[token] = find(request, lambda: services.team_space_get(token=token))
    return spaces[token]
