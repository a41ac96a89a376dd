"""The usage beacon: a page served from the front cache counts a tool's view or facilitation run through it.

Why a beacon and why it is exempt from CSRF: docs/decisions/010-usage-figures.md. In short, the request carries
no cookie and no session, changes nothing of anyone's, and answers nothing; a CSRF token would need a cookie on
a cached page. It accepts only a live tool's id and one of two events, and answers 204 (400 for anything else).
The response is `private, no-store` (a POST is never public, valoa/caching/http_cache.py).
"""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from toolkit.tools.models import ToolPage
from toolkit.tools.usage import Event, tool_usage_count

MAX_DB_INT = 2_147_483_647


class BeaconForm(forms.Form):
    tool = forms.IntegerField(min_value=1, max_value=MAX_DB_INT)
    event = forms.ChoiceField(choices=[(Event.VIEW, Event.VIEW), (Event.FACILITATE, Event.FACILITATE)])


@csrf_exempt  # no cookie, no session, nothing of anyone's changes: decision 010
@require_POST
def tool_usage_beacon(request: HttpRequest) -> HttpResponse:
    form = BeaconForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest()
    tool_id = form.cleaned_data["tool"]
    if not ToolPage.objects.live().filter(pk=tool_id).exists():
        return HttpResponseBadRequest()
    tool_usage_count(tool_ids=[tool_id], event=form.cleaned_data["event"])
    return HttpResponse(status=204)
