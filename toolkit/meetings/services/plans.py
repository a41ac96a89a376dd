"""Plans: creating, changing, duplicating and deleting a plan, the space's template, the version claims every
change starts with, and the tools a block can be made of. See the package's docstring."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from toolkit.meetings.models import TITLE_MAX_LENGTH, MeetingBlock, MeetingPlan
from toolkit.meetings.suggest import SuggestedBlock
from toolkit.team import services as team_services
from toolkit.team.models import TeamSpace
from toolkit.tools.models import ToolIndexPage, ToolPage
from toolkit.tools.usage import Event as ToolEvent
from toolkit.tools.usage import tool_usage_count
from valoa.languages.locales import locale_id_of_language, prefer_active_language
from valoa.pages.chrome import section_url
from valoa.pages.queries import public_q

MAX_DB_INT = 2**31 - 1


class PlanConflict(Exception):
    """Another member changed the plan after `base_version`: nothing was written."""

    def __init__(self, plan: MeetingPlan):
        super().__init__("conflict")
        self.plan = plan


class BlockConflict(PlanConflict):
    """Another member changed (or removed) the block after its `base_version`: nothing was written. `block` is
    the block as now saved, None when it was removed."""

    def __init__(self, plan: MeetingPlan, block: MeetingBlock | None):
        super().__init__(plan)
        self.block = block


# --- Reading ------------------------------------------------------------------------------------------


def plans_and_template(*, space: TeamSpace) -> tuple[list[MeetingPlan], MeetingPlan | None]:
    """The space's meetings, newest first, and its template (None if it has none): one query."""
    plans, template = [], None
    for plan in MeetingPlan.objects.filter(space=space).order_by("-date", "-start_time", "-pk"):
        plan.space = space  # the caller's instance: no query for it later (e.g. for its usage_opt_out)
        if plan.is_template:
            template = plan
        else:
            plans.append(plan)
    return plans, template


def plan_list(*, space: TeamSpace) -> list[MeetingPlan]:
    """The space's meetings, newest first; the template is not a meeting."""
    return plans_and_template(space=space)[0]


def plan_get(*, space: TeamSpace, plan_id: int) -> MeetingPlan:
    if not 0 < plan_id <= MAX_DB_INT:
        raise Http404
    try:
        plan = MeetingPlan.objects.get(space=space, pk=plan_id)
    except MeetingPlan.DoesNotExist:
        raise Http404 from None
    plan.space = space  # the caller's instance: no query for it later
    return plan


# --- Changing -----------------------------------------------------------------------------------------


def claim(*, plan: MeetingPlan, base_version: int | None, field: str = "version") -> None:
    """Take the next `field` version (the details' `version`, or the structure's `order_version`), or raise
    PlanConflict. Must run inside the change's transaction.

    Shared with services.blocks (the package's own helper, not for views).

    The UPDATE locks the plan's row until the transaction ends, so a second member's conditional UPDATE
    waits, then finds the version changed and writes nothing.
    """
    now = timezone.now()
    plans = MeetingPlan.objects.filter(pk=plan.pk)
    if base_version is not None:
        plans = plans.filter(**{field: base_version})
    if not plans.update(**{field: F(field) + 1}, updated_at=now):
        current = MeetingPlan.objects.filter(pk=plan.pk).first()
        if current is None:
            raise Http404
        current.space = plan.space
        raise PlanConflict(current)
    plan.refresh_from_db(fields=["version", "order_version", "updated_at"])
    team_services.team_space_touch(space=plan.space)


def claim_order(*, plan: MeetingPlan, base_order_version: int | None) -> None:
    """Take the plan's next `order_version` (its blocks' set and order), or raise PlanConflict."""
    claim(plan=plan, base_version=base_order_version, field="order_version")


def clean_text(value: str) -> str:
    return (value or "").replace("\x00", "").replace("\r\n", "\n").strip()


@transaction.atomic
def plan_create(
    *,
    space: TeamSpace,
    title: str,
    date: dt.date,
    start_time: dt.time,
    minutes_available: int,
    blocks: list[SuggestedBlock] = (),
    assessment_round_id: int | None = None,
) -> MeetingPlan:
    plan = MeetingPlan(
        space=space,
        title=clean_text(title),
        date=date,
        start_time=start_time,
        minutes_available=minutes_available,
    )
    plan.full_clean()
    plan.save()
    tools = {tool.pk: tool for tool in ToolPage.objects.live().filter(pk__in=[b.tool_id for b in blocks])}
    rows = []
    for position, suggested in enumerate(blocks):
        block = MeetingBlock(
            plan=plan,
            position=position,
            kind=suggested.kind,
            tool=tools.get(suggested.tool_id),
            title=suggested.title,
            minutes=suggested.minutes,
            note=suggested.note,
            assessment_round_id=assessment_round_id if suggested.results else None,
        )
        block.full_clean(exclude=["plan", "assessment_round"])
        rows.append(block)
    MeetingBlock.objects.bulk_create(rows)
    team_services.team_space_touch(space=space)
    if not space.usage_opt_out:
        tool_usage_count(tool_ids=[block.tool_id for block in rows], event=ToolEvent.PLAN)
    return plan


def _copy_blocks(*, source: MeetingPlan, target: MeetingPlan) -> int:
    """Copies of the source's blocks (not the removed ones) in the target, in the same order: one query to
    read, one to write. Returns the number of blocks copied."""
    rows = [
        MeetingBlock(
            plan=target,
            position=position,
            kind=block.kind,
            tool_id=block.tool_id,
            title=block.title,
            minutes=block.minutes,
            note=block.note,
            assessment_round_id=block.assessment_round_id,
        )
        for position, block in enumerate(source.live_blocks().order_by("position", "pk"))
    ]
    MeetingBlock.objects.bulk_create(rows)
    return len(rows)


def copy_title(title: str) -> str:
    """ "<title> (kopio)", cut so that it fits the title's length."""
    suffix = _("%(title)s (kopio)") % {"title": ""}
    return _("%(title)s (kopio)") % {"title": title[: TITLE_MAX_LENGTH - len(suffix)].rstrip()}


@transaction.atomic
def plan_duplicate(*, plan: MeetingPlan) -> MeetingPlan:
    """A copy of the plan, "<title> (kopio)", on the same date and time (the team changes them on the copy's
    page: a date is required, and the same day is the least surprising one). Its blocks are copies; the copy
    is a meeting even when the original is the template."""
    copy = MeetingPlan.objects.create(
        space=plan.space,
        title=copy_title(plan.title),
        date=plan.date,
        start_time=plan.start_time,
        minutes_available=plan.minutes_available,
    )
    _copy_blocks(source=plan, target=copy)
    team_services.team_space_touch(space=plan.space)
    return copy


def template_get(*, space: TeamSpace) -> MeetingPlan | None:
    template = MeetingPlan.objects.filter(space=space, is_template=True).first()
    if template is not None:
        template.space = space
    return template


@transaction.atomic
def plan_save_as_template(*, plan: MeetingPlan) -> MeetingPlan:
    """Make a copy of the plan the space's one template, in place of the template it had (which is deleted:
    one template per space). Later changes of the plan do not change the template, nor the other way round."""
    if plan.is_template:
        return plan
    space = plan.space
    # The space's row lock orders two members saving a template at once (the unique constraint would refuse
    # the second one's insert otherwise).
    TeamSpace.objects.select_for_update().filter(pk=space.pk).values_list("pk", flat=True).first()
    MeetingPlan.objects.filter(space=space, is_template=True).delete()
    template = MeetingPlan.objects.create(
        space=space,
        title=plan.title,
        date=plan.date,
        start_time=plan.start_time,
        minutes_available=plan.minutes_available,
        is_template=True,
    )
    _copy_blocks(source=plan, target=template)
    team_services.team_space_touch(space=space)
    return template


@transaction.atomic
def plan_create_from_template(
    *, space: TeamSpace, title: str, date: dt.date, start_time: dt.time, minutes_available: int
) -> MeetingPlan:
    """A new plan with the given details and copies of the template's blocks. The form offers the template
    only when there is one: a ValidationError if it was deleted meanwhile."""
    template = template_get(space=space)
    if template is None:
        raise ValidationError(
            _("Tiimin palaveripohja on poistettu sillä välin. Valitkaa tyhjä suunnitelma."),
            code="no_template",
        )
    plan = plan_create(
        space=space, title=title, date=date, start_time=start_time, minutes_available=minutes_available
    )
    _copy_blocks(source=template, target=plan)
    return plan


@transaction.atomic
def plan_update(
    *,
    plan: MeetingPlan,
    base_version: int,
    title: str,
    date: dt.date,
    start_time: dt.time,
    minutes_available: int,
) -> MeetingPlan:
    claim(plan=plan, base_version=base_version)
    plan.title = clean_text(title)
    plan.date = date
    plan.start_time = start_time
    plan.minutes_available = minutes_available
    plan.full_clean()
    plan.save(update_fields=["title", "date", "start_time", "minutes_available"])
    return plan


@transaction.atomic
def plan_delete(*, plan: MeetingPlan, base_version: int) -> None:
    claim(plan=plan, base_version=base_version)
    plan.delete()


# --- Tools --------------------------------------------------------------------------------------------


def live_tools():
    return ToolPage.objects.live().filter(public_q())


def tools_for_choice():
    """The live tools of the reader's language a block can be made of, by title (the plan page's select), as
    (id, title, minutes) rows."""
    return (
        live_tools()
        .filter(locale_id=locale_id_of_language(get_language()))
        .order_by("title")
        .values_list("pk", "title", "duration_minutes")
    )


def tool_get(*, tool_id: int) -> ToolPage:
    """The live tool `tool_id` in the language being read: its translation when it has a live one, else the tool
    itself (the add-from-card link names the card's own tool; the same link under /sv/ adds the Swedish tool)."""
    if not 0 < tool_id <= MAX_DB_INT:
        raise Http404
    tool = prefer_active_language(live_tools(), tool_id).only("title", "duration_minutes").first()
    if tool is None:
        raise Http404
    return tool


# --- A plan suggested from an assessment round --------------------------------------------------------


def finder_url(*, request=None) -> str:
    """The tool finder's address in the reader's language, for the plan page's link to it: the main menu's
    Työkalut section from the cached site chrome, else (out of the menu) the first live finder in the database."""
    if request is not None:
        url = section_url(request, ToolIndexPage)
        if url is not None:
            return url
    index = (
        ToolIndexPage.objects.live()
        .filter(locale_id=locale_id_of_language(get_language()))
        .order_by("path")
        .first()
    )
    return (index.get_url(request) or "") if index else ""
