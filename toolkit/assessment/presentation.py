"""The consensus presentation: a round's results on the meeting room's screen, one theme at a time.

Slide 1 is the whole: the overall result and the statements to discuss first. Then one slide per theme, themes
with a statement to discuss first before the others, and in each theme those statements first. Slides are
links (…/esitys/<n>/), so the view works without JavaScript; static/js/workbook.js adds ← and →.

The presenter's screen keeps the round's current slide on the server (AssessmentRound.presented_position, last
write wins) and the space's live channel tells the follower screens; a late joiner's follow link
(…/esitys/seuraa/) lands on the current slide, with or without JavaScript.

Same rules as the results page: the team's secret link (an unknown token or a round of another space → 404),
results hidden until they may be shown (403), never cached (the secret is in the URL).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from toolkit.assessment import live, services
from toolkit.team.page_cache import cached_team_page
from toolkit.team.secret_links import get_space
from toolkit.team.views import team_view

# The presenter/follower choice (docs/assessment.md): ?esita=1 is the presenter's screen, which tells the server
# each slide it opens (static/js/assessment.js); ?seuraa=1 a follower's, which goes where the presenter goes.
FOLLOW_PARAM = "seuraa"
PRESENT_PARAM = "esita"


@dataclass
class ThemeSlide:
    heading: str
    results: services.Results  # the round's results narrowed to this theme's statements, for the chart
    statements: list[services.StatementResult]
    stats: services.Stats
    discuss_count: int


def theme_slides(results: services.Results) -> list[ThemeSlide]:
    """The themes in showing order: those with a statement to discuss first come first (stable otherwise),
    and in each the flagged statements before the rest, in their own order."""
    slides = []
    for group in results.groups:
        ordered = sorted(group.statements, key=lambda result: not result.stats.discuss)
        slides.append(
            ThemeSlide(
                heading=group.group.heading,
                results=dataclasses.replace(results, statements=ordered),
                statements=ordered,
                stats=group.stats,
                discuss_count=sum(1 for result in ordered if result.stats.discuss),
            )
        )
    return sorted(slides, key=lambda slide: not slide.discuss_count)


@require_GET
@never_cache
@cached_team_page
def assessment_present(request: HttpRequest, token: str, round_id: int, position: int = 1) -> HttpResponse:
    space = get_space(request, token)
    assessment_round = services.round_get(space=space, round_id=round_id)
    results_url = reverse("toolkit:assessment_results", kwargs={"token": token, "round_id": round_id})
    # The slides show no recommended tools: neither their query nor their building.
    results = services.round_results(assessment_round=assessment_round, recommend=False)
    if results is None:
        return render(
            request,
            "toolkit/assessment/results_hidden.html",
            {
                "round": assessment_round,
                "space": space,
                "back_url": results_url,
                "page": assessment_round.page,
            },
            status=403,
        )
    slides = theme_slides(results)
    total = len(slides) + 1
    if not 1 <= position <= total:
        raise Http404

    following = request.GET.get(FOLLOW_PARAM) == "1"
    presenting = not following and request.GET.get(PRESENT_PARAM) == "1"
    # The choice travels with the slide links: a presenter stays the presenter, a follower a follower.
    query = f"?{FOLLOW_PARAM}=1" if following else f"?{PRESENT_PARAM}=1" if presenting else ""

    def url(n: int, with_query: bool = True) -> str:
        base = reverse(
            "toolkit:assessment_present", kwargs={"token": token, "round_id": round_id, "position": n}
        )
        return base + query if with_query else base

    follow_url = reverse("toolkit:assessment_follow", kwargs={"token": token, "round_id": round_id})
    return TemplateResponse(
        request,
        "toolkit/assessment/present.html",
        {
            "round": assessment_round,
            "results": results,
            "page": results.page,
            "slide": slides[position - 2] if position > 1 else None,
            "slides": slides,
            "position": position,
            "total": total,
            "previous_url": url(position - 1) if position > 1 else "",
            "next_url": url(position + 1) if position < total else "",
            "results_url": results_url,
            "token": token,
            "following": following,
            "presenting": presenting,
            "follow_url": follow_url,
            "present_url": f"{url(position, with_query=False)}?{PRESENT_PARAM}=1",
            "alone_url": url(position, with_query=False),
            "presented_url": reverse(
                "toolkit:assessment_presented", kwargs={"token": token, "round_id": round_id}
            ),
        },
    )


@require_GET
@never_cache
@team_view
def assessment_follow(request: HttpRequest, token: str, round_id: int) -> HttpResponse:
    """A follower screen's link: the slide the presenter shows now (the first when nobody has presented)."""
    space = get_space(request, token)
    assessment_round = services.round_get(space=space, round_id=round_id)
    url = reverse(
        "toolkit:assessment_present",
        kwargs={"token": token, "round_id": round_id, "position": assessment_round.presented_position or 1},
    )
    return redirect(f"{url}?{FOLLOW_PARAM}=1")


@require_POST
@team_view
def assessment_presented(request: HttpRequest, token: str, round_id: int) -> HttpResponse:
    """The presenter's screen says which slide it shows (static/js/assessment.js, on each slide it opens):
    stored on the round, last write wins, and told to the space's follower screens."""
    space = get_space(request, token)
    assessment_round = services.round_get(space=space, round_id=round_id)
    raw = request.POST.get("position", "")
    if not raw.isdigit() or not 1 <= int(raw) <= 1000:
        return HttpResponseBadRequest("position")
    position = int(raw)
    services.round_present(assessment_round=assessment_round, position=position)
    live.announce_slide(assessment_round, position=position)
    return JsonResponse({"position": position})
