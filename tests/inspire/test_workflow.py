"""Editors submit stories, moderators approve them: through the real Wagtail admin."""

import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from inspire.demo.users import DEMO_USERS, ensure_demo_users
from inspire.models import InspireIndexPage, StoryKind, StoryPage
from inspire.moderation import TASK_NAME, WORKFLOW_NAME
from tests import factories

pytestmark = pytest.mark.django_db


def _user(group: str, username: str):
    user = factories.UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def index(demo_site):
    return InspireIndexPage.objects.get()


@pytest.fixture
def editor(demo_site):
    return _user("Editors", "testitoimittaja")


@pytest.fixture
def moderator(demo_site):
    return _user("Moderators", "testimoderaattori")


def _story_form(action: str, **overrides) -> dict:
    data = {
        "kind": StoryKind.INSIGHT,
        "status": "",
        "title": "Tiimi kokeili kävelypalaveria",
        "slug": "kavelypalaveri",
        "intro": "Kahden hengen palaverit siirtyivät ulos.",
        "story_date": "2026-11-20",
        "period": "Marraskuu 2026",
        "hero_image_alt": "",
        "body": streamfield([("paragraph", rich_text("<p>Kävellessä puhe kulki.</p>"))]),
        "story_tool_links": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        action: "1",
    }
    data.update(overrides)
    return nested_form_data(data)


def _add_url(index):
    return reverse("wagtailadmin_pages:add", args=("inspire", "storypage", index.pk))


def test_the_demo_sets_up_the_workflow_on_innostu(index):
    workflow = index.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    tasks = [task.specific for task in workflow.tasks.all()]
    assert [task.name for task in tasks] == [TASK_NAME]
    assert [group.name for group in tasks[0].groups.all()] == ["Moderators"]


def test_an_editor_cannot_publish_directly(client, index, editor):
    client.force_login(editor)
    response = client.post(_add_url(index), _story_form("action-publish"))
    assert response.status_code == 302, response.content.decode()[:2000]
    story = StoryPage.objects.get(slug="kavelypalaveri")
    assert not story.live
    assert client.get("/innostu/kavelypalaveri/").status_code == 404


def test_a_moderator_approves_and_the_story_goes_live(client, index, editor, moderator):
    client.force_login(editor)
    response = client.post(_add_url(index), _story_form("action-submit"))
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="kavelypalaveri")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not story.live

    # The moderator sees it waiting on the dashboard, comments and approves.
    client.force_login(moderator)
    assert "Tiimi kokeili kävelypalaveria" in client.get("/admin/").content.decode()
    task_state = state.current_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=(story.pk, "approve", task_state.pk))
    response = client.post(approve, {"comment": "Hyvä tarina, julkaistaan."})
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert client.get("/innostu/kavelypalaveri/").status_code == 200


def test_a_moderator_can_request_changes(client, index, editor, moderator):
    client.force_login(editor)
    client.post(_add_url(index), _story_form("action-submit"))
    story = StoryPage.objects.get(slug="kavelypalaveri")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))
    client.force_login(moderator)
    reject = reverse(
        "wagtailadmin_pages:workflow_action", args=(story.pk, "reject", state.current_task_state.pk)
    )
    client.post(reject, {"comment": "Lisää vielä tulokset."})
    state.refresh_from_db()
    story.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not story.live


def test_an_editor_cannot_approve_their_own_story(client, index, editor):
    client.force_login(editor)
    client.post(_add_url(index), _story_form("action-submit"))
    story = StoryPage.objects.get(slug="kavelypalaveri")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(story.pk, "approve", state.current_task_state.pk)
    )
    response = client.post(approve, {"comment": ""})
    assert response.status_code in (302, 403)
    story.refresh_from_db()
    assert not story.live


def test_scheduled_publishing_waits_for_go_live_at(client, index, editor, moderator):
    go_live = timezone.now() + datetime.timedelta(days=2)
    client.force_login(editor)
    client.post(
        _add_url(index),
        _story_form("action-submit", go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M")),
    )
    story = StoryPage.objects.get(slug="kavelypalaveri")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))
    client.force_login(moderator)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=(story.pk, "approve", state.current_task_state.pk)
        ),
        {"comment": ""},
    )
    story.refresh_from_db()
    assert not story.live
    revision = story.latest_revision
    assert revision.approved_go_live_at is not None

    call_command("publish_scheduled", stdout=io.StringIO())
    story.refresh_from_db()
    assert not story.live  # not yet

    # Two days pass: move the scheduled time into the past (in the revision's content too).
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled", stdout=io.StringIO())
    story.refresh_from_db()
    assert story.live


def test_demo_users_are_made_once_and_their_passwords_shown_once(monkeypatch, demo_site):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    User.objects.filter(username__in=[u[0] for u in DEMO_USERS]).delete()
    monkeypatch.setenv("VALOA_EDITOR_PASSWORD", "toimittajan-salasana-2026")
    monkeypatch.delenv("VALOA_MODERATOR_PASSWORD", raising=False)
    lines: list[str] = []
    ensure_demo_users(log=lines.append)
    editor = User.objects.get(username=DEMO_USERS[0][0])
    assert editor.check_password("toimittajan-salasana-2026")
    assert editor.groups.filter(name="Editors").exists()
    assert User.objects.get(username=DEMO_USERS[1][0]).groups.filter(name="Moderators").exists()
    # The environment's password is never printed; the generated one is, once.
    printed = "\n".join(lines)
    assert "toimittajan-salasana-2026" not in printed
    assert printed.count("Salasana") == 1

    again: list[str] = []
    ensure_demo_users(log=again.append)
    assert again == []


def test_the_demo_command_is_idempotent_for_the_workflow(index):
    from wagtail.models import GroupApprovalTask, Workflow

    call_command("load_demo_content", "--no-admin", stdout=io.StringIO())
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert GroupApprovalTask.objects.filter(name=TASK_NAME).count() == 1
    assert Page.objects.get(pk=index.pk).specific.get_workflow().name == WORKFLOW_NAME


def test_story_editor_renders_with_tools_and_sections(client, moderator):
    story = StoryPage.objects.get(slug="oppimistuokio-perjantaisin")
    client.force_login(moderator)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert response.status_code == 200
    html = response.content.decode()
    for label in (
        "Käytetyt työkalut",
        "Hypoteesi",
        "Pääkuvan vaihtoehtoinen teksti",
        "story_tool_links-TOTAL_FORMS",
    ):
        assert label.lower() in html.lower(), label


def test_the_editor_shows_the_experiment_panel_only_for_an_experiment(client, moderator, index):
    client.force_login(moderator)
    soup = BeautifulSoup(client.get(_add_url(index)).content, "html.parser")
    kinds = [option["value"] for option in soup.select("select[name=kind] option")]
    assert kinds == ["tapausesimerkki", "kokeilu", "oivallus"]
    # Wagtail's own rules controller hides the panel unless the kind select says "kokeilu".
    controller = soup.select_one("[data-controller~=w-rules]")
    assert controller.select_one("select[name=kind]")
    panel = controller.select_one("[data-w-rules-target=show]")
    assert json.loads(panel["data-w-rules"]) == {"kind": ["kokeilu"]}
    assert {"hypothesis", "duration", "status", "learned"} <= {
        field["name"] for field in panel.select("[name]") if field.name in ("input", "select", "textarea")
    }


def test_an_experiment_needs_a_status_and_other_kinds_do_not(client, moderator, index):
    client.force_login(moderator)
    response = client.post(_add_url(index), _story_form("action-publish", kind=StoryKind.EXPERIMENT))
    assert response.status_code == 200
    assert "Valitse kokeilun tila." in response.content.decode()
    assert not StoryPage.objects.filter(slug="kavelypalaveri").exists()
    response = client.post(_add_url(index), _story_form("action-publish"))
    assert response.status_code == 302
    assert StoryPage.objects.get(slug="kavelypalaveri").kind == StoryKind.INSIGHT


def _submitted_story(client, index, editor):
    client.force_login(editor)
    client.post(_add_url(index), _story_form("action-submit"))
    return StoryPage.objects.get(slug="kavelypalaveri")


def _workflow_action_in_editor(client, story, action: str):
    # The moderator's button in the page editor: the form is saved and the task's action performed.
    data = _story_form("action-workflow-action", **{"workflow-action-name": action})
    data["workflow-action-extra-data"] = json.dumps({"comment": ""})
    response = client.post(reverse("wagtailadmin_pages:edit", args=(story.pk,)), data, follow=True)
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


def test_approving_in_the_editor_says_approved_and_published(client, index, editor, moderator):
    story = _submitted_story(client, index, editor)
    client.force_login(moderator)
    shown = _workflow_action_in_editor(client, story, "approve")
    story.refresh_from_db()
    assert story.live
    assert shown == ["Sivu ”Tiimi kokeili kävelypalaveria” hyväksytty ja julkaistu."]


def test_requesting_changes_in_the_editor_says_so_and_the_editor_has_one_resubmit(
    client, index, editor, moderator
):
    story = _submitted_story(client, index, editor)
    client.force_login(moderator)
    shown = _workflow_action_in_editor(client, story, "reject")
    assert shown == ["Sivulle ”Tiimi kokeili kävelypalaveria” pyydetty muutoksia."]
    assert story.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,))).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    actions = [" ".join(b.get_text().split()) for b in soup.select("footer button, footer a")]
    # One way back to the moderator: "restart the workflow" of a one-task workflow is the same resubmit.
    assert "Lähetä uudelleen tehtävään Moderaattorin hyväksyntä" in actions
    assert "Käynnistä työnkulku uudelleen" not in actions
    assert [action for action in actions if "uudelleen" in action] == [
        "Lähetä uudelleen tehtävään Moderaattorin hyväksyntä"
    ]
