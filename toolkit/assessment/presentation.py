"""The consensus presentation: a round's results on the meeting room's screen, one theme at a time.

Slide 1 is the whole: the overall result and the statements to discuss first. Then one slide per theme, themes
with a statement to discuss first before the others, and in each theme those statements first. Slides are
links (…/esitys/<n>/), so the view works without JavaScript; static/js/workbook.js adds ← and →.

Same rules as the results page: the team's secret link (an unknown token or a round of another space → 404),
results hidden until they may be shown (403), never cached (the secret is in the URL).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from toolkit.assessment import services
from toolkit.team.secret_links import get_space


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
def assessment_present(request: HttpRequest, token: str, round_id: int, position: int = 1) -> HttpResponse:
    space = get_space(request, token)
    assessment_round = services.round_get(space=space, round_id=round_id)
    results_url = reverse("toolkit:assessment_results", kwargs={"token": token, "round_id": round_id})
    results = services.round_results(assessment_round=assessment_round)
    if results is None:
        return render(
            request,
            "toolkit/assessment/results_hidden.html",
            {"round": assessment_round, "back_url": results_url, "page": assessment_round.page},
            status=403,
        )
    slides = theme_slides(results)
    total = len(slides) + 1
    if not 1 <= position <= total:
        raise Http404

    def url(n: int) -> str:
        return reverse(
            "toolkit:assessment_present", kwargs={"token": token, "round_id": round_id, "position": n}
        )

    return render(
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
        },
    )
