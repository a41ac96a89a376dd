"""Toolkit template tags: "recommended for your phase" lists with a fixed number of queries, and slots."""

from __future__ import annotations

from django import template
from django.db.models import F, Prefetch, QuerySet, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.template.loader import render_to_string

from toolkit.common.slots import render_slot
from toolkit.tools.models import CARD_FIELDS, ToolPage
from toolkit.tools.models.tool import picture_renditions
from valoa.models import Phase
from valoa.pages.fragments import cached_fragment, cards
from valoa.pages.queries import public_q

register = template.Library()


@register.simple_tag(takes_context=True)
def recommended_tools(context, per_phase: int = 3, heading_level: int = 2):
    """A few tools per journey phase: 2 queries (phases, tools) however many tools exist, rendered once per
    publish and language (valoa.pages.fragments: the same list on the home page and Aloita of a language).

    The home page already lists the phases (its context's `phases`): those are reused, so 1 query there.
    """
    request = context.get("request")
    page = context.get("page")
    locale_id = getattr(page, "locale_id", None)

    def render() -> str:
        phases = context.get("phases")
        if not (isinstance(phases, QuerySet) and phases.model is Phase):
            phases = Phase.objects.filter(locale_id=locale_id) if locale_id else Phase.objects.all()
            phases = phases.only("name", "slug", "summary", "sort_order")
        phases = list(phases)
        by_phase = _tools_by_phase(phases, per_phase)
        return render_to_string(
            "toolkit/tools/includes/recommended_tools.html",
            {
                "groups": [(phase, by_phase[phase.pk]) for phase in phases if phase.pk in by_phase],
                "heading_tag": f"h{heading_level}",
                "sub_heading_tag": f"h{heading_level + 1}",
            },
            request=request,
        )

    return cached_fragment(request, "recommended-tools", (locale_id, per_phase, heading_level), render)


def _tools_by_phase(phases: list[Phase], per_phase: int) -> dict[int, list[ToolPage]]:
    """Up to `per_phase` tools per phase, in the phases' order, preferring tools no phase above has shown.

    A tool fits several phases: without the preference one popular tool fills most lists. A phase whose
    own tools are all shown above still gets its list. One query with a bounded number of rows: a phase
    needs at most its own `per_phase` plus the tools shown above it (`per_phase` for each earlier phase),
    so the first `per_phase * len(phases)` tools of each phase always suffice.
    """
    Through = ToolPage.phases.through
    rows = (
        Through.objects.filter(
            phase__in=[p.pk for p in phases],
            toolpage__in=ToolPage.objects.live().filter(public_q()).values("pk"),
        )
        .annotate(rank=Window(RowNumber(), partition_by=F("phase_id"), order_by=F("toolpage__title").asc()))
        .filter(rank__lte=per_phase * max(len(phases), 1))
        .select_related("toolpage")
        .only(
            "phase_id",
            "toolpage__title",
            "toolpage__url_path",
            "toolpage__intro",
            "toolpage__duration_minutes",
            "toolpage__depth",
            "toolpage__path",
        )
        .order_by("phase_id", "rank")
    )
    candidates: dict[int, list[ToolPage]] = {}
    for row in rows:
        candidates.setdefault(row.phase_id, []).append(row.toolpage)
    by_phase: dict[int, list[ToolPage]] = {}
    shown: set[int] = set()
    for phase in phases:
        tools = candidates.get(phase.pk)
        if not tools:
            continue
        fresh = [tool for tool in tools if tool.pk not in shown]
        seen_above = [tool for tool in tools if tool.pk in shown]
        chosen = {tool.pk for tool in (fresh + seen_above)[:per_phase]}
        by_phase[phase.pk] = [tool for tool in tools if tool.pk in chosen]  # still in title order
        shown.update(chosen)
    return by_phase


TOOL_CARD_TEMPLATE = "toolkit/tools/includes/tool_card.html"


def prefetch_card_details(tools: list[ToolPage]) -> None:
    """The phases and the picture's renditions of the tool cards about to be rendered: two queries at most."""
    prefetch_related_objects(
        tools,
        Prefetch("phases", queryset=Phase.objects.order_by("sort_order", "name")),
        picture_renditions(),  # only when a listed tool has a picture
    )


@register.simple_tag(takes_context=True)
def tool_cards(context, tools, *, show_details=False, show_picture=False, add_to_plan=False):
    """The cards of the tools whose ids are `tools` (`<li>` each), every card rendered once per publish and language
    (valoa.pages.fragments); the tools, their phases and renditions are read for the cards not in the cache only."""
    return cards(
        context.get("request"),
        TOOL_CARD_TEMPLATE,
        tools,
        as_name="tool",
        options={"show_details": show_details, "show_picture": show_picture, "add_to_plan": add_to_plan},
        prepare=prefetch_card_details if show_details or show_picture else None,
        load=card_tools,
    )


def card_tools(ids) -> dict[int, ToolPage]:
    """{id: tool} with what a tool card shows (its picture joined)."""
    tools = ToolPage.objects.filter(pk__in=ids).only(*CARD_FIELDS).select_related("image")
    return {tool.pk: tool for tool in tools}


@register.simple_tag(takes_context=True)
def slot(context, name: str, **kwargs):
    """The sections other rooms and apps registered for the slot `name` (toolkit/common/slots.py)."""
    return render_slot(name, context.get("request"), csrf_token=context.get("csrf_token"), **kwargs)
