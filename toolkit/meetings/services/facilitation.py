"""A plan's shared facilitation state (docs/facilitation.md): one run per plan, changed only here.

Every change is a conditional step on the run's row: the caller names the version it saw, the row is locked,
a stale version or a screen that does not hold the controls changes nothing (`RunConflict`, with the current
run). Times are the server's: a screen computes the remaining time from the state's timestamps and the
server's `now` sent with it, never from its own clock alone. A change is published to the space's screens
after the commit (toolkit.team.live), carrying only what every member may see (the controlling screen's key
is sent as a one-way tag, so a screen can tell that it holds the controls, but no screen learns another's key).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from toolkit.meetings.models import FacilitationRun, MeetingPlan
from toolkit.team.live import publish_to_space

MINUTE_MS = 60 * 1000
ACTIONS = ("start", "pause", "next", "previous", "plus", "minus", "restart", "takeover")


class RunConflict(Exception):
    """The change was not made: the run moved on meanwhile, or another screen holds the controls."""

    def __init__(self, run: FacilitationRun):
        super().__init__("conflict")
        self.run = run


def topic(plan: MeetingPlan | int) -> str:
    return f"facilitation:{plan if isinstance(plan, int) else plan.pk}"


def key_tag(key: str) -> str:
    """A screen's key as screens may see it: enough to recognise one's own, useless for taking another's."""
    return hashlib.sha256(key.encode()).hexdigest()[:16] if key else ""


def _ms(moment: dt.datetime) -> int:
    return int(moment.timestamp() * 1000)


def _fresh(run: FacilitationRun, planned_ms: list[int]) -> None:
    run.planned_ms = list(planned_ms)
    run.used_ms = [0] * len(planned_ms)
    run.adjust_ms = [0] * len(planned_ms)
    run.index = 0
    run.running = False
    run.started = False
    run.started_at = None


def run_get(*, plan: MeetingPlan, planned_ms: list[int]) -> FacilitationRun:
    """The plan's run, made on first use; started afresh (a new version) when the plan's step minutes are no
    longer those the run was started with (the plan was edited)."""
    planned_ms = [max(0, int(ms)) for ms in planned_ms]
    run = FacilitationRun.objects.filter(plan=plan).first()
    if run is None:
        run = FacilitationRun(plan=plan)
        _fresh(run, planned_ms)
        try:
            with transaction.atomic():
                run.save()
        except IntegrityError:  # another screen made it at the same moment
            run = FacilitationRun.objects.get(plan=plan)
    if run.planned_ms != planned_ms:
        with transaction.atomic():
            run = FacilitationRun.objects.select_for_update().get(pk=run.pk)
            if run.planned_ms != planned_ms:
                _fresh(run, planned_ms)
                _saved(run, plan=plan)
    run.plan = plan
    return run


def run_find(*, plan: MeetingPlan) -> FacilitationRun | None:
    run = FacilitationRun.objects.filter(plan=plan).first()
    if run is not None:
        run.plan = plan
    return run


def remaining_ms(run: FacilitationRun, *, now: dt.datetime) -> int:
    """The current step's time left (negative in overtime)."""
    i = run.index
    used = run.used_ms[i]
    if run.running and run.started_at is not None:
        used += _ms(now) - _ms(run.started_at)
    return run.planned_ms[i] + run.adjust_ms[i] - used


def _bank(run: FacilitationRun, now: dt.datetime) -> None:
    if run.running and run.started_at is not None:
        run.used_ms[run.index] += max(0, _ms(now) - _ms(run.started_at))
        run.started_at = now


def _apply(run: FacilitationRun, action: str, now: dt.datetime) -> bool:
    """One action on the run; False when it changes nothing (the first step has no previous, …)."""
    last = len(run.planned_ms) - 1
    if action == "start":
        if run.running:
            return False
        run.running, run.started, run.started_at = True, True, now
    elif action == "pause":
        if not run.running:
            return False
        _bank(run, now)
        run.running, run.started_at = False, None
    elif action in ("next", "previous"):
        index = run.index + (1 if action == "next" else -1)
        if not 0 <= index <= last:
            return False
        _bank(run, now)
        run.index = index
    elif action == "plus":
        run.adjust_ms[run.index] += MINUTE_MS
    elif action == "minus":
        # −1 min stops at one minute left: never at 0, never into overtime.
        left = remaining_ms(run, now=now)
        if left <= MINUTE_MS:
            return False
        run.adjust_ms[run.index] -= left - max(MINUTE_MS, left - MINUTE_MS)
    elif action == "restart":
        _fresh(run, run.planned_ms)
    return True


def _saved(run: FacilitationRun, *, plan: MeetingPlan) -> None:
    run.version += 1
    run.updated_at = timezone.now()
    run.save()
    publish_to_space(plan.space_id, topic(plan), "state", run_state(run=run))


def run_act(
    *, plan: MeetingPlan, action: str, base_version: int, key: str, now: dt.datetime | None = None
) -> FacilitationRun:
    """Do `action` for the screen with `key`, from the state at `base_version`. The first screen to use the
    controls takes them; "takeover" takes them from another screen (and needs no version: it changes no time).
    Raises RunConflict (nothing written) for a stale version or a screen that does not hold the controls."""
    if action not in ACTIONS:
        raise ValueError(action)
    with transaction.atomic():
        run = FacilitationRun.objects.select_for_update().filter(plan=plan).first()
        if run is None:
            raise FacilitationRun.DoesNotExist
        run.plan = plan
        now = now or timezone.now()
        if action == "takeover":
            if run.controller == key:
                return run
            run.controller = key
            _saved(run, plan=plan)
            return run
        if run.version != base_version or (run.controller and run.controller != key):
            raise RunConflict(run)
        changed = _apply(run, action, now)
        if not changed and run.controller:
            return run
        run.controller = key
        _saved(run, plan=plan)
    return run


def run_state(*, run: FacilitationRun, key: str = "", now: dt.datetime | None = None) -> dict[str, Any]:
    """The state as every screen reads it (the JSON endpoint, the data island and the live message): times in
    milliseconds, `now` the server's clock; `you` is the asking screen's own tag (only in its own answers)."""
    now = now or timezone.now()
    state = {
        "version": run.version,
        "index": run.index,
        "running": run.running,
        "started": run.started,
        "startedAt": _ms(run.started_at) if run.started_at else None,
        "now": _ms(now),
        "planned": list(run.planned_ms),
        "used": list(run.used_ms),
        "adjust": list(run.adjust_ms),
        "controller": key_tag(run.controller),
    }
    if key:
        state["you"] = key_tag(key)
    return state
