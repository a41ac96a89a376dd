"""The retention job: spaces unused for TEAM_SPACE_RETENTION_MONTHS are deleted with everything in them."""

import io
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from tests.factories import TeamSpaceFactory
from tests.factories.team import WorkbookAnswerFactory, WorkbookSessionFactory
from toolkit.models import TeamSpace, WorkbookAnswer, WorkbookSession
from toolkit.team import services

pytestmark = pytest.mark.django_db


def make_space(months_ago: float):
    space = TeamSpaceFactory(last_active_at=timezone.now() - timedelta(days=30.5 * months_ago))
    WorkbookAnswerFactory(session=WorkbookSessionFactory(space=space, number=1))
    return space


def test_command_deletes_only_spaces_inactive_for_24_months():
    old = make_space(25)
    recent = make_space(23)
    out = io.StringIO()
    call_command("purge_inactive_team_spaces", stdout=out)
    assert "Deleted 1" in out.getvalue()
    assert list(TeamSpace.objects.all()) == [recent]
    assert not WorkbookSession.objects.filter(space_id=old.pk).exists()
    assert WorkbookAnswer.objects.count() == 1


@override_settings(TEAM_SPACE_RETENTION_MONTHS=6)
def test_retention_period_is_a_setting():
    make_space(7)
    make_space(5)
    call_command("purge_inactive_team_spaces", stdout=io.StringIO())
    assert TeamSpace.objects.count() == 1


def test_dry_run_and_months_option():
    make_space(13)
    out = io.StringIO()
    call_command("purge_inactive_team_spaces", "--months", "12", "--dry-run", stdout=out)
    assert "1 inactive" in out.getvalue()
    assert TeamSpace.objects.count() == 1
    call_command("purge_inactive_team_spaces", "--months", "12", stdout=io.StringIO())
    assert TeamSpace.objects.count() == 0
    with pytest.raises(CommandError):
        call_command("purge_inactive_team_spaces", "--months", "0")


def test_months_before_handles_month_ends():
    moment = datetime(2026, 3, 31, 12, tzinfo=timezone.get_current_timezone())
    assert services.months_before(moment, 1).date().isoformat() == "2026-02-28"
    assert services.months_before(moment, 24).date().isoformat() == "2024-03-31"


def test_privacy_notice_promises_the_same_period(demo_site):
    from django.conf import settings

    from valoa.demo import site

    source = Path(site.__file__).read_text(encoding="utf-8")
    assert f"{settings.TEAM_SPACE_RETENTION_MONTHS} kuukauteen" in source
