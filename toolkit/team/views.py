"""Thin views of the team space under /tiimi/<token>/. The rules are in toolkit.team.services.

The token is the team's secret: it is never logged here, and TeamPrivacyMiddleware keeps every
/tiimi/ response out of caches, search engines and Referer headers.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from toolkit.team import autosave, services
from toolkit.team.autosave import wants_json
from toolkit.team.forms import DeleteSpaceForm, TeamNameForm, UsageOptOutForm
from toolkit.team.models import TeamSpace
from toolkit.team.page_cache import cached_team_page
from toolkit.team.secret_links import get_space

CREATED_SESSION_KEY = "toolkit_team_space_created"


def team_view(view):
    """Unknown tokens, sessions, rounds and questions get the team's friendly 404, never a 500; an autosave
    (JSON by `Accept`) gets the convention's "gone" instead, so the page can say so and stop trying. Every
    view under /tiimi/ (team, workbook, assessment) is wrapped in this."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            if request.method == "POST" and wants_json(request):
                return autosave.gone(_("Tätä ei löydy enää: työtila tai kierros on ehkä poistettu."))
            return TemplateResponse(request, "toolkit/team/not_found.html", status=404)

    return wrapper


# --- The space -------------------------------------------------------------------------------------------


@require_POST
@ratelimit(key="ip", rate=lambda group, request: settings.TEAM_SPACE_CREATE_RATE, block=True)
def space_create(request):
    form = TeamNameForm(request.POST)
    name = form.cleaned_data["name"] if form.is_valid() else ""
    space = services.team_space_create(name=name)
    # Shown once, on the next page: the link itself is the team's key.
    request.session[CREATED_SESSION_KEY] = space.token
    return redirect(space.get_absolute_url(), permanent=False)


def _space_context(request, space: TeamSpace, **extra) -> dict:
    # The workbook's sessions and the assessment rounds come through the slot TEAM_SPACE_PANELS.
    context = {
        "space": space,
        "share_url": request.build_absolute_uri(space.get_absolute_url()),
        "name_form": TeamNameForm(initial={"name": space.name}),
        "usage_form": UsageOptOutForm(initial={"opt_out": space.usage_opt_out}),
        "retention_months": settings.TEAM_SPACE_RETENTION_MONTHS,
    }
    context.update(extra)
    return context


def _just_created(request, token: str) -> bool:
    """The space's link is shown once, to whoever created the space: that page is theirs alone."""
    return request.session.get(CREATED_SESSION_KEY) == token


@require_GET
@team_view
@cached_team_page(bypass=_just_created)
def space_detail(request, token: str):
    space = get_space(request, token)
    services.team_space_touch(space=space)
    just_created = request.session.get(CREATED_SESSION_KEY) == space.token
    if just_created:
        del request.session[CREATED_SESSION_KEY]
    return TemplateResponse(
        request, "toolkit/team/space.html", _space_context(request, space, just_created=just_created)
    )


@require_POST
@team_view
def space_rename(request, token: str):
    space = get_space(request, token)
    form = TeamNameForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(
            request, "toolkit/team/space.html", _space_context(request, space, name_form=form), status=400
        )
    services.team_space_rename(space=space, name=form.cleaned_data["name"])
    return redirect(space.get_absolute_url())


@require_POST
@team_view
def space_usage(request, token: str):
    """The team's choice about the usage figures: a checkbox, so any POST is valid (unticked = included)."""
    space = get_space(request, token)
    form = UsageOptOutForm(request.POST)
    form.is_valid()
    services.team_space_usage_opt_out(space=space, opt_out=form.cleaned_data.get("opt_out", False))
    return redirect(space.get_absolute_url() + "#usage-heading")


@require_http_methods(["GET", "POST"])
@team_view
def space_delete(request, token: str):
    space = get_space(request, token)
    form = DeleteSpaceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.team_space_delete(space=space)
        return redirect("toolkit:team_space_deleted")
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(
        request, "toolkit/team/delete.html", {"space": space, "form": form}, status=status
    )


@require_GET
def space_deleted(request):
    return TemplateResponse(request, "toolkit/team/deleted.html")
