"""A team's experiments: recording, changing and moving one through its states, as plans are versioned.

A change runs one conditional `UPDATE … SET version = version + 1 WHERE version = <base>` first, in the same
transaction as the change itself; when another member changed the experiment meanwhile nothing is written and
the caller gets ExperimentConflict with the current experiment (the view keeps the member's input).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from toolkit.meetings.models import MeetingPlan, TeamExperiment
from toolkit.meetings.services.plans import MAX_DB_INT, clean_text
from toolkit.team import services as team_services
from toolkit.team.models import TeamSpace
from toolkit.workbook import services as workbook_services

State = TeamExperiment.State
# The fields a member writes (the form's fields besides the version).
EXPERIMENT_FIELDS = (
    "title",
    "why",
    "addresses",
    "caretaker",
    "starts_on",
    "ends_on",
    "success",
    "follow_up_on",
    "state",
    "learned",
    "outcome",
)


class ExperimentConflict(Exception):
    """Another member changed the experiment after `base_version`: nothing was written."""

    def __init__(self, experiment: TeamExperiment):
        super().__init__("conflict")
        self.experiment = experiment


def experiment_list(*, space: TeamSpace) -> list[TeamExperiment]:
    """The team's experiments, open ones first (by follow-up date), then the ended ones, newest first."""
    experiments = list(TeamExperiment.objects.filter(space=space).order_by("-created_at", "-pk"))
    far = dt.date.max
    experiments.sort(key=lambda e: (not e.is_open, e.follow_up_on or far if e.is_open else far))
    for experiment in experiments:
        experiment.space = space
    return experiments


def experiments_open(*, space: TeamSpace) -> list[TeamExperiment]:
    return [e for e in experiment_list(space=space) if e.is_open]


def experiments_due(*, space: TeamSpace, on: dt.date) -> list[TeamExperiment]:
    """The running experiments whose follow-up date has come by `on` (the next meeting's date): one query."""
    return list(
        TeamExperiment.objects.filter(space=space, state=State.RUNNING, follow_up_on__lte=on).order_by(
            "follow_up_on", "pk"
        )
    )


def experiment_get(*, space: TeamSpace, experiment_id: int) -> TeamExperiment:
    if not 0 < experiment_id <= MAX_DB_INT:
        raise Http404
    try:
        experiment = TeamExperiment.objects.get(space=space, pk=experiment_id)
    except TeamExperiment.DoesNotExist:
        raise Http404 from None
    experiment.space = space
    return experiment


def _check(experiment: TeamExperiment) -> None:
    """The rules across fields, with the field they belong to."""
    errors = {}
    if experiment.starts_on and experiment.ends_on and experiment.ends_on < experiment.starts_on:
        errors["ends_on"] = _("Päättymispäivä ei voi olla ennen alkamispäivää.")
    if experiment.state == State.ENDED and not experiment.outcome:
        errors["outcome"] = _("Valitkaa, jatketaanko, otetaanko käyttöön vai lopetetaanko.")
    if experiment.state != State.ENDED and experiment.outcome:
        experiment.outcome = ""  # a choice is made only on ending
    if errors:
        raise ValidationError(errors)


def _assign(experiment: TeamExperiment, fields: dict) -> None:
    for name in EXPERIMENT_FIELDS:
        if name in fields:
            value = fields[name]
            setattr(experiment, name, clean_text(value) if isinstance(value, str) else value)


@transaction.atomic
def experiment_create(*, space: TeamSpace, plan: MeetingPlan | None = None, **fields) -> TeamExperiment:
    experiment = TeamExperiment(space=space, plan=plan)
    _assign(experiment, fields)
    _check(experiment)
    experiment.full_clean()
    experiment.save()
    team_services.team_space_touch(space=space)
    return experiment


def _claim(*, experiment: TeamExperiment, base_version: int) -> None:
    """Take the next version, or raise ExperimentConflict. Inside the change's transaction."""
    rows = TeamExperiment.objects.filter(pk=experiment.pk, version=base_version)
    if not rows.update(version=F("version") + 1, updated_at=timezone.now()):
        current = TeamExperiment.objects.filter(pk=experiment.pk).first()
        if current is None:
            raise Http404
        current.space = experiment.space
        raise ExperimentConflict(current)
    experiment.refresh_from_db(fields=["version", "updated_at"])


@transaction.atomic
def experiment_update(*, experiment: TeamExperiment, base_version: int, **fields) -> TeamExperiment:
    """Change the experiment's fields (its state among them). Raises ValidationError or ExperimentConflict;
    on either nothing is written."""
    _claim(experiment=experiment, base_version=base_version)
    _assign(experiment, fields)
    _check(experiment)
    experiment.full_clean()
    experiment.save(update_fields=[*EXPERIMENT_FIELDS])
    team_services.team_space_touch(space=experiment.space)
    return experiment


@transaction.atomic
def experiment_start(*, experiment: TeamExperiment, base_version: int, today: dt.date) -> TeamExperiment:
    """Planned → running; the start date is today unless the team gave one."""
    if experiment.state != State.PLANNED:
        raise ValidationError(_("Vain suunniteltu kokeilu voidaan aloittaa."))
    return experiment_update(
        experiment=experiment,
        base_version=base_version,
        state=State.RUNNING,
        starts_on=experiment.starts_on or today,
    )


# The workbook's experiment part: its questions' stable keys (toolkit/demo/workbook.py) and the experiment's
# fields they prefill. A workbook without these keys prefills nothing.
WORKBOOK_PREFILL = {"kokeilu-idea": "title", "kokeilu-oletus": "why", "kokeilu-arviointi": "success"}


def experiment_initial_from_workbook(*, space: TeamSpace, number: int) -> dict:
    """A new experiment's fields from workbook session `number`'s experiment part (404 for no such session)."""
    if not 0 < number <= MAX_DB_INT:
        raise Http404
    session = workbook_services.workbook_session_get(space=space, number=number)
    answers = workbook_services.workbook_answers(session=session)
    initial = {}
    for key, field in WORKBOOK_PREFILL.items():
        answer = answers.get(key)
        if answer is not None and answer.text.strip():
            text = answer.text.strip()
            initial[field] = text[:200] if field == "title" else text
    return initial


def experiment_initial_from_plan(*, plan: MeetingPlan) -> dict:
    """A new experiment agreed on in a meeting: it starts on the meeting's day, follow-up four weeks later."""
    return {"starts_on": plan.date, "follow_up_on": plan.date + dt.timedelta(weeks=4)}
