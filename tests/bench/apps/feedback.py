"""Palaute in the benchmark: the feedback page and a feedback form (docs/performance.md). No content of
its own to generate; the form's page choice lists every tool and story, so it grows with the content."""

from __future__ import annotations

from feedback.models import FeedbackPage
from tests.bench.scenarios import Scenario
from tests.bench.swedish import finnish


def _experience_form_url(ctx) -> str:
    from toolkit.models import ToolPage

    tools = finnish(ToolPage.objects.live()).order_by("path")
    return f"/palaute/lomake/kokemus/?sivu={tools[tools.count() // 2].pk}"


SCENARIOS = [
    Scenario("Palaute", lambda ctx: finnish(FeedbackPage.objects.live()).get().get_url()),
    # A form with a CSRF token: never page-cached (/palaute/lomake/).
    Scenario("Palautelomake (kokemus)", _experience_form_url, cacheable=False),
]
