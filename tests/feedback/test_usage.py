"""The Käyttö view: usage figures that never show a team (docs/usage-figures.md).

Fixed data: twelve spaces start a consensus round, three an anonymous one. The consensus column shows 12 and
the anonymous column "< 10"; a space that opts out takes its round out of every figure; the view takes no
parameter that narrows a figure to a space; the CSV holds exactly the tables shown.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from feedback.models import Submission
from tests import factories
from tests.factories.assessment import AssessmentRatingFactory, AssessmentResponseFactory
from tests.factories.feedback import SubmissionFactory
from toolkit.assessment.services import CONSENSUS_RESPONDENT
from toolkit.models import AssessmentPage, AssessmentRound, MeetingPlan, TeamSpace, ToolPage, ToolUsageDay
from toolkit.tools.usage import tool_usage_count

pytestmark = pytest.mark.django_db

URL = "/admin/kaytto/"
CSV_URL = "/admin/kaytto/csv/"
Mode = AssessmentRound.Mode


@pytest.fixture
def editor(demo_site):
    user = factories.UserFactory(username="toimittaja")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def team_page(demo_site):
    return AssessmentPage.objects.get(slug="tiimin-arviointi")


def consensus_round(space, page, *, value=1, when=None):
    """A consensus round with one joint answer rating every statement `value`."""
    assessment_round = AssessmentRound.objects.create(
        space=space, page=page, mode=Mode.CONSENSUS, created_at=when or timezone.now()
    )
    response = AssessmentResponseFactory(round=assessment_round, respondent=CONSENSUS_RESPONDENT)
    for group in page.statement_groups():
        for statement in group.statements:
            AssessmentRatingFactory(response=response, statement_key=statement.key, value=value)
    return assessment_round


@pytest.fixture
def fixed_data(team_page):
    """Twelve spaces with a consensus round each (every statement rated 1) and three with an anonymous one."""
    spaces = [TeamSpace.objects.create(name=f"Tilastotiimi {i}") for i in range(15)]
    for space in spaces[:12]:
        consensus_round(space, team_page)
    for space in spaces[12:]:
        AssessmentRound.objects.create(space=space, page=team_page, mode=Mode.ANONYMOUS)
    return spaces


class Tables(HTMLParser):
    """The page's tables as lists of rows of cell texts, by the table's id."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.current = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and (attrs.get("id") or "").startswith("table-"):
            self.current = self.tables.setdefault(attrs["id"].removeprefix("table-"), [])
        elif self.current is not None and tag == "tr":
            self.current.append([])
        elif self.current is not None and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "table":
            self.current = None
        elif tag in ("td", "th") and self.cell is not None:
            self.current[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def tables_of(response) -> dict[str, list[list[str]]]:
    parser = Tables()
    parser.feed(response.content.decode())
    return parser.tables


def month_row(tables, key="rounds"):
    rows = tables[key][1:]
    assert len(rows) == 1, rows
    return rows[0]


def test_a_cell_shows_a_number_only_from_ten_spaces(editor_client, fixed_data):
    tables = tables_of(editor_client.get(URL))
    headers = tables["rounds"][0]
    row = dict(zip(headers, month_row(tables), strict=True))
    assert row["Yhdessä sopien"] == "12"
    assert row["Nimettömästi"] == "< 10"  # three spaces
    assert row["Kaikki"] == "15"
    # Every statement was rated 1 by the twelve consensus rounds: the weakest statements, with their mean.
    weakest = tables["weakest"][1:]
    assert weakest and all(row[2] == "1,00" for row in weakest)


def test_nine_spaces_are_too_few_for_any_figure(editor_client, team_page):
    for i in range(9):
        space = TeamSpace.objects.create(name=f"Pieni {i}")
        consensus_round(space, team_page)
        MeetingPlan.objects.create(
            space=space,
            title="Palaveri",
            date=dt.date(2026, 12, 1),
            start_time=dt.time(9),
            minutes_available=60,
        )
    tables = tables_of(editor_client.get(URL))
    assert set(month_row(tables)[1:]) == {"< 10"}
    assert all(cell == "< 10" for row in tables["phases"][1:] for cell in row[1:])
    assert tables.get("weakest", [])[1:] == []
    assert tables["followed"][1][1:] == ["< 10", "< 10", "< 10"]


def test_a_space_that_opts_out_is_left_out_of_every_figure(client, editor_client, fixed_data):
    space = fixed_data[0]
    page = client.get(space.get_absolute_url())
    assert "Jättäkää tiimimme tiedot pois sivuston käyttötilastoista" in page.content.decode()
    response = client.post(f"/tiimi/{space.token}/tilastot/", {"opt_out": "on"})
    assert response.status_code == 302
    space.refresh_from_db()
    assert space.usage_opt_out

    tables = tables_of(editor_client.get(URL))
    row = dict(zip(tables["rounds"][0], month_row(tables), strict=True))
    assert row["Yhdessä sopien"] == "11" and row["Kaikki"] == "14"

    # From then on its plans count no tool either.
    tool = ToolPage.objects.live().first()
    before = ToolUsageDay.objects.filter(tool=tool, event="plan").count()
    from toolkit.meetings import services as meeting_services

    plan = meeting_services.plan_create(
        space=space, title="Palaveri", date=dt.date(2026, 12, 1), start_time=dt.time(9), minutes_available=60
    )
    meeting_services.block_add(plan=plan, kind="tyokalu", tool=tool, minutes=20)
    assert ToolUsageDay.objects.filter(tool=tool, event="plan").count() == before

    # And the team can take it back: unticked is "included".
    client.post(f"/tiimi/{space.token}/tilastot/", {})
    space.refresh_from_db()
    assert not space.usage_opt_out


def test_the_opt_out_form_needs_the_csrf_token(demo_site):
    from django.test import Client

    space = TeamSpace.objects.create(name="Tarkka tiimi")
    response = Client(enforce_csrf_checks=True).post(f"/tiimi/{space.token}/tilastot/", {"opt_out": "on"})
    assert response.status_code == 403
    space.refresh_from_db()
    assert not space.usage_opt_out


def test_no_parameter_narrows_a_figure_to_a_space(editor_client, fixed_data):
    """Whatever a URL carries besides the dates, the page is the same: the figures take no space, round or
    organisation."""
    baseline = tables_of(editor_client.get(URL))
    space = fixed_data[12]
    for query in (
        f"space={space.pk}",
        f"space_id={space.pk}",
        f"token={space.token}",
        f"tiimi={space.token}",
        f"round={AssessmentRound.objects.filter(space=space).get().pk}",
        "organisation=Esimerkkivirasto",
        "k=1&min_spaces=1&MIN_SPACES=1",
    ):
        assert tables_of(editor_client.get(f"{URL}?{query}")) == baseline, query


def test_the_dates_are_validated_with_a_message_beside_the_field(editor_client, fixed_data):
    response = editor_client.get(f"{URL}?start=2026-13-40&end=2026-01-01")
    assert response.status_code == 400
    assert "Anna päivämäärä muodossa vvvv-kk-pp." in response.content.decode()
    response = editor_client.get(f"{URL}?start=2026-06-01&end=2026-01-01")
    assert response.status_code == 400
    assert "Päättymispäivä ei voi olla ennen alkamispäivää." in response.content.decode()
    assert 'value="2026-06-01"' in response.content.decode()  # the input is kept
    assert editor_client.get(f"{CSV_URL}?start=x").status_code == 400


def test_the_date_range_limits_the_figures(editor_client, team_page, fixed_data):
    old = timezone.now() - dt.timedelta(days=800)
    for space in fixed_data[:12]:
        consensus_round(space, team_page, when=old)
    day = timezone.localdate(old)
    last = calendar.monthrange(day.year, day.month)[1]  # the whole month, whatever the day and the hour
    tables = tables_of(editor_client.get(f"{URL}?start={day:%Y-%m-01}&end={day:%Y-%m}-{last}"))
    row = dict(zip(tables["rounds"][0], month_row(tables), strict=True))
    assert row["Yhdessä sopien"] == "12" and row["Kaikki"] == "12"


def test_the_csv_holds_exactly_the_tables_shown(editor_client, fixed_data):
    tool = ToolPage.objects.live().first()
    tool_usage_count(tool_ids=[tool.pk], event="view")
    SubmissionFactory(kind=Submission.Kind.TIP)
    today = timezone.localdate()
    query = f"start={today.year}-01-01&end={today.year}-12-31"
    shown = tables_of(editor_client.get(f"{URL}?{query}"))
    response = editor_client.get(f"{CSV_URL}?{query}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    blocks = response.content.decode("utf-8-sig").strip().split("\r\n\r\n")
    exported = [list(csv.reader(io.StringIO(block)))[1:] for block in blocks]
    shown_with_rows = [rows for rows in shown.values() if len(rows) > 1]
    assert [rows for rows in exported if len(rows) > 1] == shown_with_rows
    assert any(row[0] == tool.title for rows in exported for row in rows)


def test_tool_counts_add_up_per_day_and_never_break_a_page(demo_site, monkeypatch):
    tool = ToolPage.objects.live().first()
    for _ in range(3):
        tool_usage_count(tool_ids=[tool.pk, None], event="view")
    assert ToolUsageDay.objects.get(tool=tool, event="view", day=timezone.localdate()).count == 3

    def broken(*args, **kwargs):
        raise RuntimeError("tietokanta ei vastaa")

    monkeypatch.setattr(ToolUsageDay.objects, "filter", broken)
    tool_usage_count(tool_ids=[tool.pk], event="view")  # logged, not raised


def test_the_beacon_counts_a_live_tool_without_cookies_and_answers_nothing(client, demo_site):
    tool = ToolPage.objects.live().first()
    response = client.post("/kaytto/", {"tool": tool.pk, "event": "view"})
    assert response.status_code == 204
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert ToolUsageDay.objects.get(tool=tool, event="view").count == 1
    assert client.post("/kaytto/", {"tool": tool.pk, "event": "plan"}).status_code == 400
    assert client.post("/kaytto/", {"tool": "x", "event": "view"}).status_code == 400
    assert client.post("/kaytto/", {"tool": 2**40, "event": "view"}).status_code == 400
    assert client.get("/kaytto/").status_code == 405
    # The tool card asks for it, from a script file (the CSP allows no inline script).
    html = client.get(tool.url).content.decode()
    assert re.search(rf'<script src="[^"]*usage-beacon[^"]*" data-url="/kaytto/" data-tool="{tool.pk}"', html)


def test_moderators_and_anonymous_visitors_do_not_see_the_figures(client, demo_site):
    assert client.get(URL).status_code == 302  # to the admin's login
    moderator = factories.UserFactory(username="moderaattori")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    for url in (URL, CSV_URL):
        response = client.get(url)
        # Wagtail answers a permission denied in the admin with a redirect to the dashboard and a message.
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url


def test_feedback_figures_share_approved_and_median_time_to_decision(editor_client):
    now = timezone.now()
    for hours, state in ((2, Submission.State.APPROVED), (4, Submission.State.REJECTED), (30, "approved")):
        submission = SubmissionFactory(kind=Submission.Kind.EXPERIENCE)
        Submission.objects.filter(pk=submission.pk).update(
            state=state,
            created_at=now - dt.timedelta(hours=40),
            handled_at=now - dt.timedelta(hours=40 - hours),
        )
    SubmissionFactory(kind=Submission.Kind.EXPERIENCE)  # pending
    SubmissionFactory(kind=Submission.Kind.FEEDBACK, state=Submission.State.SPAM)  # left out
    tables = tables_of(editor_client.get(URL))
    moderation = {row[0]: row[1:] for row in tables["moderation"][1:]}
    assert moderation["Kokemus"] == ["4", "50 %", "4 tuntia"]
    assert moderation["Palaute sivustosta"] == ["0", "–", "–"]


def test_the_share_of_rounds_followed_by_an_experiment_counts_from_ten_spaces(editor_client, fixed_data):
    from toolkit.models import TeamExperiment

    # Ten of the twelve consensus spaces record an experiment after their round, one space does so before it.
    for space in fixed_data[:10]:
        TeamExperiment.objects.create(space=space, title="Kokeillaan pystypalaveria")
    early = TeamExperiment.objects.create(space=fixed_data[10], title="Aiempi kokeilu")
    TeamExperiment.objects.filter(pk=early.pk).update(created_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    rows = {row[0]: row[1:] for row in tables_of(editor_client.get(URL))["followed"][1:]}
    assert rows["Kokeilu"] == ["15", "10", "67 %"]
    # No plans were made: too few spaces behind the plan row's share.
    assert rows["Palaverin suunnitelma"][1:] == ["< 10", "< 10"]


def test_a_saved_template_is_not_a_plan_made_after_a_round(editor_client, fixed_data):
    # Ten spaces save their template after the round, and make no meeting: no plan row from them.
    for space in fixed_data[:10]:
        MeetingPlan.objects.create(
            space=space,
            title="Palaveripohja",
            date=dt.date(2026, 12, 1),
            start_time=dt.time(9),
            minutes_available=60,
            is_template=True,
        )
    rows = {row[0]: row[1:] for row in tables_of(editor_client.get(URL))["followed"][1:]}
    assert rows["Palaverin suunnitelma"][1:] == ["< 10", "< 10"]
    # The same ten make a meeting: now they count.
    for space in fixed_data[:10]:
        MeetingPlan.objects.create(
            space=space,
            title="Palaveri",
            date=dt.date(2026, 12, 8),
            start_time=dt.time(9),
            minutes_available=60,
        )
    rows = {row[0]: row[1:] for row in tables_of(editor_client.get(URL))["followed"][1:]}
    assert rows["Palaverin suunnitelma"][1] == "10"
