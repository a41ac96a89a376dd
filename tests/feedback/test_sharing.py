"""Sharing what worked: an ended experiment offered to Innostu in two clicks, kept private until moderated, and
the editor's experiment story draft made from it."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from feedback import services
from feedback.models import Submission
from feedback.sharing.prefill import duration_text
from inspire.choices import ExperimentStatus, StoryKind
from inspire.models import Organisation, StoryPage
from tests import factories
from tests.factories.meetings import MeetingBlockFactory, MeetingPlanFactory, TeamExperimentFactory
from tests.feedback.helpers import started
from toolkit.models import MeetingBlock, TeamExperiment, ToolPage

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/feedback/submission/"


def share_url(experiment):
    return reverse(
        "feedback_sharing:experiment",
        kwargs={"token": experiment.space.token, "experiment_id": experiment.pk},
    )


def experiment_url(experiment):
    return reverse(
        "toolkit:experiment", kwargs={"token": experiment.space.token, "experiment_id": experiment.pk}
    )


@pytest.fixture
def tool(demo_site):
    return ToolPage.objects.live().filter(locale__language_code="fi").order_by("title").first()


@pytest.fixture
def ended(demo_site, tool):
    plan = MeetingPlanFactory()
    MeetingBlockFactory(plan=plan, kind=MeetingBlock.Kind.TOOL, tool=tool, title=tool.title)
    return TeamExperimentFactory(
        space=plan.space,
        plan=plan,
        title="Aamupalaveri seisten",
        why="Jos pidämme palaverin seisten, se pysyy lyhyenä.",
        caretaker="Maija Meikäläinen",
        starts_on=dt.date(2026, 11, 2),
        ends_on=dt.date(2026, 11, 29),
        state=TeamExperiment.State.ENDED,
        learned="Palaveri lyheni puoleen. Seisominen ei sovi kaikille.",
        outcome=TeamExperiment.Outcome.ADOPT,
    )


def share_data(tool, **overrides):
    data = {
        "title": "Aamupalaveri seisten",
        "hypothesis": "Jos pidämme palaverin seisten, se pysyy lyhyenä.",
        "duration": "4 viikkoa",
        "status": ExperimentStatus.ADOPTED,
        "learned": "Palaveri lyheni puoleen.",
        "tools": tool.title,
        "organisation": "Esimerkkivirasto",
        "name": "",
        "email": "",
        "consent": "on",
        "kotisivu": "",
        "started": started(),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_the_ended_experiments_page_offers_the_first_click(client, ended):
    html = client.get(experiment_url(ended)).content.decode()
    assert "Jaa Innostuun" in html and share_url(ended) in html


def test_an_open_experiment_is_not_offered(client, ended):
    ended.state = TeamExperiment.State.RUNNING
    ended.save()
    html = client.get(experiment_url(ended)).content.decode()
    assert share_url(ended) not in html
    assert client.get(share_url(ended)).status_code == 404


def test_the_form_is_prefilled_from_the_experiment_and_private(client, ended, tool):
    response = client.get(share_url(ended))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["title"].value() == "Aamupalaveri seisten"
    assert form["hypothesis"].value() == "Jos pidämme palaverin seisten, se pysyy lyhyenä."
    assert form["duration"].value() == "4 viikkoa"
    assert form["status"].value() == ExperimentStatus.ADOPTED
    assert form["learned"].value().startswith("Palaveri lyheni puoleen.")
    assert form["tools"].value() == tool.title
    assert form["consent"].value() in (None, False)
    # The caretaker's name is not offered for publishing.
    assert "Maija Meikäläinen" not in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"].startswith("noindex")


def test_sending_without_consent_keeps_the_input_and_says_why_next_to_the_field(client, ended, tool):
    response = client.post(share_url(ended), share_data(tool, consent=None, learned="Muokattu oppi."))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_consent_error"' in html and "anna lupa" in html
    assert "Muokattu oppi." in html
    assert not Submission.objects.exists()


def test_sending_with_consent_makes_one_pending_tip_with_the_fields(client, ended, tool):
    response = client.post(share_url(ended), share_data(tool, email="vetaja@example.org", name="Vetäjä"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("feedback:thanks"))
    tip = Submission.objects.get()
    assert (tip.kind, tip.state, tip.shared_experiment) == (
        Submission.Kind.TIP,
        Submission.State.PENDING,
        True,
    )
    assert tip.title == "Aamupalaveri seisten"
    assert tip.experiment_hypothesis.startswith("Jos pidämme")
    assert (tip.experiment_duration, tip.experiment_status) == ("4 viikkoa", ExperimentStatus.ADOPTED)
    assert tip.experiment_learned == "Palaveri lyheni puoleen."
    assert tip.experiment_tool_ids == [tool.pk]
    assert tip.organisation == "Esimerkkivirasto" and tip.email == "vetaja@example.org"
    assert "Palaveri lyheni puoleen." in tip.text  # the readable summary
    # Nothing links the tip back to the team space.
    stored = " ".join(str(value) for value in Submission.objects.values().get().values())
    assert ended.space.token not in stored
    # Not public: tips never are, and pending items are not approved.
    assert not Submission.objects.public().exists() and not Submission.objects.approved().exists()


def test_a_removed_tool_line_unlinks_the_tool(client, ended, tool):
    client.post(share_url(ended), share_data(tool, tools="Oma kuulumiskierros"))
    assert Submission.objects.get().experiment_tool_ids == []


def test_honeypot_stores_nothing(client, ended, tool):
    response = client.post(share_url(ended), share_data(tool, kotisivu="http://spam.example"))
    assert response.status_code == 302 and not Submission.objects.exists()


@pytest.mark.parametrize("case", ["wrong token", "another space", "unknown id", "running"])
def test_wrong_links_answer_404(client, ended, case):
    other = TeamExperimentFactory(state=TeamExperiment.State.ENDED)
    if case == "wrong token":
        url = reverse("feedback_sharing:experiment", kwargs={"token": "x" * 20, "experiment_id": ended.pk})
    elif case == "another space":
        url = reverse(
            "feedback_sharing:experiment", kwargs={"token": ended.space.token, "experiment_id": other.pk}
        )
    elif case == "unknown id":
        url = reverse(
            "feedback_sharing:experiment", kwargs={"token": ended.space.token, "experiment_id": 999999}
        )
    else:
        ended.state = TeamExperiment.State.RUNNING
        ended.save()
        url = share_url(ended)
    assert client.get(url).status_code == 404
    assert client.post(url, {"consent": "on"}).status_code == 404
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    ("starts", "ends", "text"),
    [
        (dt.date(2026, 11, 2), dt.date(2026, 11, 8), "1 viikko"),
        (dt.date(2026, 11, 2), dt.date(2026, 11, 11), "10 päivää"),
        (dt.date(2026, 11, 2), None, ""),
    ],
)
def test_duration_in_weeks_or_days(starts, ends, text):
    assert duration_text(TeamExperiment(starts_on=starts, ends_on=ends)) == text


# --- The editor's story draft ---------------------------------------------------------------------------------


@pytest.fixture
def moderator(demo_site):
    user = factories.UserFactory(username="moderaattori")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def shared_tip(client, ended, tool):
    Organisation.objects.get_or_create(name="Esimerkkivirasto", locale=tool.locale)
    client.post(share_url(ended), share_data(tool, name="Vetäjä", email="vetaja@example.org"))
    client.logout()
    return Submission.objects.get()


def test_a_moderator_turns_the_shared_experiment_into_an_experiment_draft(
    client, moderator, shared_tip, tool
):
    client.force_login(moderator)
    edit = client.get(f"{LIST_URL}edit/{shared_tip.pk}/").content.decode()
    assert "Jaettu kokeilu" in edit and "/admin/bulk/feedback/submission/tip_to_story/" in edit
    response = client.post(
        f"/admin/bulk/feedback/submission/tip_to_story/?id={shared_tip.pk}&next={LIST_URL}"
    )
    story = StoryPage.objects.get(title="Aamupalaveri seisten")
    assert response["Location"] == f"/admin/pages/{story.pk}/edit/"
    assert client.get(response["Location"]).status_code == 200
    assert not story.live and story.has_unpublished_changes
    assert story.kind == StoryKind.EXPERIMENT and not story.is_example
    assert story.hypothesis.startswith("Jos pidämme") and story.duration == "4 viikkoa"
    assert story.status == ExperimentStatus.ADOPTED and "Palaveri lyheni puoleen." in story.learned
    assert story.organisation.name == "Esimerkkivirasto"
    assert [link.tool_id for link in story.story_tool_links.all()] == [tool.pk]
    assert "Vetäjä" not in str(story.body) and "vetaja@example.org" not in story.learned
    assert story.get_parent().locale.language_code == "fi"
    # The second click opens the same draft.
    shared_tip.refresh_from_db()
    assert shared_tip.story_page_id == story.pk
    edit = client.get(f"{LIST_URL}edit/{shared_tip.pk}/").content.decode()
    assert (
        f"/admin/pages/{story.pk}/edit/" in edit
        and "/admin/bulk/feedback/submission/tip_to_story/" not in edit
    )
    assert services.tip_to_story_draft(submission=shared_tip, user=moderator).pk == story.pk
    assert StoryPage.objects.filter(title="Aamupalaveri seisten").count() == 1


def test_only_those_who_may_add_innostu_pages_make_drafts(client, shared_tip):
    # A user who may moderate submissions but add no pages.
    user = factories.UserFactory(username="vain-viestit")
    group = Group.objects.create(name="Vain viestit")
    from django.contrib.auth.models import Permission

    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["wagtailadmin", "feedback"],
            codename__in=["access_admin", "view_submission", "change_submission"],
        )
    )
    user.groups.add(group)
    client.force_login(user)
    edit = client.get(f"{LIST_URL}edit/{shared_tip.pk}/")
    assert edit.status_code == 200
    assert "/admin/bulk/feedback/submission/tip_to_story/" not in edit.content.decode()
    client.post(f"/admin/bulk/feedback/submission/tip_to_story/?id={shared_tip.pk}&next={LIST_URL}")
    assert not StoryPage.objects.filter(title="Aamupalaveri seisten").exists()


def test_retention_erases_the_sharers_contact_details(shared_tip, moderator):
    from django.utils import timezone

    from feedback.retention import purge_personal_data

    services.submission_approve(submission=shared_tip, user=moderator)
    Submission.objects.filter(pk=shared_tip.pk).update(handled_at=timezone.now() - dt.timedelta(days=200))
    purge_personal_data()
    shared_tip.refresh_from_db()
    assert (shared_tip.name, shared_tip.email) == ("", "")
    assert shared_tip.experiment_learned == "Palaveri lyheni puoleen."


def test_shared_in_swedish_the_draft_goes_under_the_swedish_section_with_the_swedish_tool(
    client, translated, ended, tool, moderator
):
    address = "/sv" + share_url(ended)  # (reverse follows the active language, which the request changes)
    response = client.get(address)
    assert response.status_code == 200 and 'lang="sv"' in response.content.decode()
    assert "Dela försöket i Inspireras" in response.content.decode()
    client.post(address, share_data(tool, status=ExperimentStatus.STOPPED))
    tip = Submission.objects.get()
    assert tip.language == "sv"
    story = StoryPage.objects.get(pk=services.tip_to_story_draft(submission=tip, user=moderator).pk)
    assert story.get_parent().locale.language_code == "sv" and story.locale.language_code == "sv"
    assert story.status == ExperimentStatus.STOPPED
    swedish_tool = ToolPage.objects.get(translation_key=tool.translation_key, locale=story.locale)
    assert [link.tool_id for link in story.story_tool_links.all()] == [swedish_tool.pk]
