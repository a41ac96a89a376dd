"""A team's experiments without JavaScript: plain POST forms, errors next to the fields, input kept, a stale save
answered 409 with the member's input kept; prefilled from the workbook and from a meeting; the follow-up date
as an .ics; the space's page and the next suggested plan follow the open experiments up."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from tests.toolkit.meetings import support
from tests.toolkit.meetings.support import make_plan, url
from toolkit.meetings import services
from toolkit.meetings.models import MeetingPlan, TeamExperiment

pytestmark = pytest.mark.django_db

NEW = {
    "title": "Aamupalaveri seisten",
    "why": "Jos pidämme palaverin seisten, uskomme, että se pysyy lyhyenä.",
    "addresses": "Väittämä 9: Palaverimme ovat tehokkaita",
    "caretaker": "palaverin vetäjä",
    "starts_on": "7.12.2026",
    "ends_on": "2026-12-21",
    "success": "Palaveri kestää alle 15 minuuttia.",
    "follow_up_on": "2026-12-21",
    "state": "suunniteltu",
    "learned": "",
    "outcome": "",
}


def experiment_url(space, experiment, name="experiment"):
    return url(name, space, experiment_id=experiment.pk)


def test_record_start_and_end_an_experiment_with_plain_forms(client, demo_site):
    space, _ = make_plan()
    listing = client.get(url("experiments", space))
    assert listing.status_code == 200 and "Kirjaa kokeilu" in listing.content.decode()
    response = client.post(url("experiments", space), NEW)
    assert response.status_code == 303
    experiment = TeamExperiment.objects.get(space=space)
    assert response["Location"] == experiment_url(space, experiment)
    assert (experiment.starts_on, experiment.follow_up_on) == (dt.date(2026, 12, 7), dt.date(2026, 12, 21))
    assert experiment.state == TeamExperiment.State.PLANNED and experiment.caretaker == "palaverin vetäjä"

    page = client.get(response["Location"]).content.decode()
    assert "Aamupalaveri seisten" in page and "Aloita kokeilu" in page
    assert experiment_url(space, experiment, "experiment_ics") in page

    started = client.post(
        experiment_url(space, experiment, "experiment_start"), {"version": experiment.version}
    )
    assert started.status_code == 303
    experiment.refresh_from_db()
    assert experiment.state == TeamExperiment.State.RUNNING and experiment.version == 2

    # Ending without a choice: the message is next to the choice, and the input is kept.
    ending = {
        **NEW,
        "state": "paattynyt",
        "learned": "Lyhyt palaveri riittää.",
        "version": experiment.version,
    }
    refused = client.post(experiment_url(space, experiment), ending)
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Valitkaa, jatketaanko, otetaanko käyttöön vai lopetetaanko." in html
    assert 'id="id_outcome_error"' in html and "Lyhyt palaveri riittää." in html
    experiment.refresh_from_db()
    assert experiment.state == TeamExperiment.State.RUNNING and experiment.version == 2

    ended = client.post(experiment_url(space, experiment), {**ending, "outcome": "otetaan-kayttoon"})
    assert ended.status_code == 303
    experiment.refresh_from_db()
    assert experiment.state == TeamExperiment.State.ENDED
    assert (
        experiment.outcome == TeamExperiment.Outcome.ADOPT and experiment.learned == "Lyhyt palaveri riittää."
    )
    assert "Otetaan pysyväksi tavaksi" in client.get(experiment_url(space, experiment)).content.decode()


def test_invalid_input_is_kept_with_the_message_next_to_the_field(client, demo_site):
    space, _ = make_plan()
    response = client.post(
        url("experiments", space), {**NEW, "title": "", "ends_on": "1.12.2026", "follow_up_on": "31.2.2026"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kirjoittakaa mitä kokeilemme." in html
    assert "Anna päivä muodossa pp.kk.vvvv" in html
    assert 'value="palaverin vetäjä"' in html
    assert not TeamExperiment.objects.exists()
    # The end before the start: the service's rule, next to the end date.
    response = client.post(url("experiments", space), {**NEW, "ends_on": "1.12.2026"})
    assert response.status_code == 400
    assert 'id="id_ends_on_error"' in response.content.decode()
    assert "Päättymispäivä ei voi olla ennen alkamispäivää." in response.content.decode()


def test_a_stale_save_is_a_conflict_with_the_input_kept(client, demo_site):
    space, _ = make_plan()
    experiment = services.experiment_create(space=space, title="Aamupalaveri seisten")
    base = experiment.version
    # Another member saves first.
    services.experiment_update(experiment=experiment, base_version=base, title="Aamupalaveri kävellen")
    mine = {**NEW, "title": "Aamupalaveri istuen", "version": base}
    response = client.post(experiment_url(space, experiment), mine)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Joku muu muutti kokeilua sillä välin" in html
    assert "Aamupalaveri kävellen" in html  # the saved one, shown
    assert 'value="Aamupalaveri istuen"' in html  # mine, kept in the form
    assert f'name="version" value="{base + 1}"' in html  # sending it again saves mine
    experiment.refresh_from_db()
    assert experiment.title == "Aamupalaveri kävellen"
    again = client.post(experiment_url(space, experiment), {**mine, "version": base + 1})
    assert again.status_code == 303
    experiment.refresh_from_db()
    assert experiment.title == "Aamupalaveri istuen"


def test_unknown_or_foreign_experiment_and_bad_params_are_404(client, demo_site):
    space, _ = make_plan()
    other, _ = make_plan(name="Toinen")
    foreign = services.experiment_create(space=other, title="Toisen kokeilu")
    assert client.get(experiment_url(space, foreign)).status_code == 404
    assert client.get(url("experiment", space, experiment_id=99999999999)).status_code == 404
    assert client.get(url("experiments", space) + "?tyokirja=abc").status_code == 404
    assert client.get(url("experiments", space) + "?palaveri=999999").status_code == 404
    # No follow-up date, no calendar file.
    own = services.experiment_create(space=space, title="Oma")
    assert client.get(experiment_url(space, own, "experiment_ics")).status_code == 404


def test_recorded_from_a_meeting_plan_and_from_the_workbooks_experiment_part(client, demo_site):
    from toolkit.workbook import services as workbook_services

    space, plan = make_plan()
    plan_page = client.get(url("meeting_plan", space, plan_id=plan.pk)).content.decode()
    from_plan = url("experiments", space) + f"?palaveri={plan.pk}"
    assert from_plan in plan_page
    form = client.get(from_plan).content.decode()
    assert 'value="2026-12-03"' in form and 'value="2026-12-31"' in form  # the meeting's day, four weeks on
    client.post(from_plan, {**NEW, "title": "Sovittu palaverissa"})
    assert TeamExperiment.objects.get(title="Sovittu palaverissa").plan == plan

    session = workbook_services.workbook_session_start(space=space)
    questions = {q.key: q for s in workbook_services.workbook_get().sections for q in s.questions}
    for key, text in [("kokeilu-idea", "Kävelypalaveri"), ("kokeilu-arviointi", "Kysymme kuukauden päästä.")]:
        workbook_services.workbook_answer_save(
            session=session, question=questions[key], text=text, base_version=0
        )
    session_page = client.get(session.get_absolute_url()).content.decode()
    from_workbook = url("experiments", space) + f"?tyokirja={session.number}"
    assert from_workbook in session_page
    summary = client.get(url("workbook_summary", space, number=session.number)).content.decode()
    assert from_workbook in summary
    form = client.get(from_workbook).content.decode()
    assert 'value="Kävelypalaveri"' in form and "Kysymme kuukauden päästä." in form


def test_follow_up_ics_is_an_all_day_event_without_the_team_link(client, demo_site):
    space, _ = make_plan()
    experiment = services.experiment_create(
        space=space, title="Aamupalaveri seisten", success="Alle 15 min.", follow_up_on=dt.date(2026, 12, 21)
    )
    response = client.get(experiment_url(space, experiment, "experiment_ics"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert "kokeilun-seuranta-2026-12-21.ics" in response["Content-Disposition"]
    event = next(c for c in Calendar.from_ical(response.content).walk() if c.name == "VEVENT")
    assert event.decoded("dtstart") == dt.date(2026, 12, 21)
    assert str(event["summary"]) == "Kokeilun seuranta: Aamupalaveri seisten"
    assert "Alle 15 min." in str(event["description"])
    assert space.token not in response.content.decode()


def test_the_space_page_shows_open_experiments_the_next_meeting_and_the_plans(client, demo_site):
    space, _old = make_plan(title="Vanha palaveri")
    today = timezone.localdate()
    services.plan_create(
        space=space,
        title="Ensi viikon palaveri",
        date=today + dt.timedelta(days=7),
        start_time=dt.time(9),
        minutes_available=60,
    )
    running = services.experiment_create(
        space=space, title="Aamupalaveri seisten", state="kaynnissa", follow_up_on=today
    )
    services.experiment_create(
        space=space, title="Päättynyt kokeilu", state="paattynyt", outcome="lopetetaan"
    )
    html = client.get(space.get_absolute_url()).content.decode()
    assert running.title in html and "seuranta nyt" in html
    assert "Päättynyt kokeilu" not in html
    assert "Seuraava palaveri:" in html and "Ensi viikon palaveri" in html and "Vanha palaveri" in html
    assert "muuttunut 7 päivän sisällä" in html


def test_the_space_page_runs_a_fixed_number_of_queries(client, demo_site):
    space, _ = make_plan()

    def count():
        client.get(space.get_absolute_url())
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(space.get_absolute_url()).status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for i in range(10):
        services.experiment_create(space=space, title=f"Kokeilu {i}", follow_up_on=dt.date(2026, 12, 21))
        make_plan(space=space, title=f"Palaveri {i}")
    # The space, its sessions, its rounds, its plans, its open experiments, a touch, the site chrome.
    assert count() == few <= 10


def test_a_running_experiment_due_is_followed_up_in_the_next_suggested_plan(client, demo_site):
    space, assessment_round = support.revealed_round()
    due = services.experiment_create(
        space=space, title="Aamupalaveri seisten", state="kaynnissa", follow_up_on=dt.date(2026, 12, 10)
    )
    services.experiment_create(
        space=space, title="Myöhemmin seurattava", state="kaynnissa", follow_up_on=dt.date(2027, 1, 31)
    )
    services.experiment_create(space=space, title="Vasta suunniteltu", follow_up_on=dt.date(2026, 12, 1))
    response = client.post(
        url("meeting_suggest", space, round_id=assessment_round.pk),
        {"length": "60", "group_size": "6", "date": "2026-12-10", "start_time": "09:00"},
    )
    assert response.status_code == 303
    plan = MeetingPlan.objects.filter(space=space).latest("pk")
    blocks = list(plan.blocks.all())
    assert blocks[1].title == "Kokeilujen seuranta" and due.title in blocks[1].note
    assert "Myöhemmin seurattava" not in blocks[1].note and "Vasta suunniteltu" not in blocks[1].note
    assert sum(b.minutes for b in blocks) == 60
