"""Finding things by a secret link, with a limit on guessing, for every view under /tiimi/.

Each unknown token counts against the client's address; past the limit every lookup from that client
answers 429 (even a right one), so links cannot be found by trying. Team spaces, assessment rounds'
respondent links and pasted team links all go through `find()`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited
from django_ratelimit.exceptions import Ratelimited

from toolkit.team import autosave
from toolkit.team.models import TeamSpace
from toolkit.workbook import services

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


def team_view(view):
    """Unknown tokens, sessions, rounds and questions get the team's friendly 404, never a 500; an autosave
    (JSON by `Accept`) gets the convention's "gone" instead, so the page can say so and stop trying."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            if request.method == "POST" and autosave.wants_json(request):
                return autosave.gone(_("Tätä ei löydy enää: työtila tai kierros on ehkä poistettu."))
            return TemplateResponse(request, "toolkit/team/not_found.html", status=404)

    return wrapper
