"""Moderation: state changes and their record, the public subset, the admin queue, the notice, tip → draft."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry

from feedback import services
from feedback.models import Submission
from inspire.models import InspireIndexPage, StoryKind, StoryPage
from tests import factories
from tests.factories.feedback import SubmissionFactory
from toolkit.models import ToolPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(demo_site):
    user = factories.UserFactory(username="moderaattori")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.mark.parametrize(
    ("service", "state"),
    [
        (services.submission_approve, Submission.State.APPROVED),
        (services.submission_reject, Submission.State.REJECTED),
        (services.submission_mark_spam, Submission.State.SPAM),
    ],
)
def test_state_changes_record_who_and_when(moderator, service, state):
    submission = SubmissionFactory()
    before = timezone.now()
    service(submission=submission, user=moderator)
    submission.refresh_from_db()
    assert submission.state == state
    assert submission.handled_by == moderator
    assert submission.handled_at >= before
    entry = ModelLogEntry.objects.get(object_id=str(submission.pk), action=services.STATE_ACTIONS[state])
    assert entry.user_id == moderator.pk


def test_state_can_move_on_after_a_decision(moderator):
    submission = SubmissionFactory()
    services.submission_approve(submission=submission, user=moderator)
    services.submission_reject(submission=submission, user=moderator)
    assert Submission.objects.get().state == Submission.State.REJECTED
    assert ModelLogEntry.objects.filter(object_id=str(submission.pk)).count() == 2


def test_public_subset_is_approved_experiences_with_permission(moderator):
    shown = SubmissionFactory(approved=True)
    SubmissionFactory()  # pending
    SubmissionFactory(state=Submission.State.REJECTED)
    SubmissionFactory(state=Submission.State.SPAM)
    SubmissionFactory(approved=True, publish_permission=False)
    SubmissionFactory(approved=True, kind=Submission.Kind.TIP)
    SubmissionFactory(approved=True, kind=Submission.Kind.FEEDBACK)
    assert list(Submission.objects.public()) == [shown]
    assert Submission.objects.approved().count() == 4


def test_feedback_and_tips_never_get_publish_permission_or_page(demo_site):
    tool = ToolPage.objects.first()
    tip = services.submission_create(
        kind="tip", text="Vinkki", title="Otsikko", publish_permission=True, page=tool
    )
    assert tip.publish_permission is False and tip.page is None


@override_settings(FEEDBACK_MODERATOR_EMAILS=["moderaattori@example.org"])
def test_notice_has_no_personal_data(demo_site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submission = services.submission_create(
            kind="experience",
            text="Salainen kokemusteksti",
            name="Maija Meikäläinen",
            organisation="Salavirasto",
            email="maija@example.org",
            publish_permission=True,
            page=ToolPage.objects.first(),
            client_address="192.0.2.7",
        )
    [message] = mail.outbox
    assert message.to == ["moderaattori@example.org"]
    body = message.subject + message.body
    for private in ("Salainen", "Maija", "Meikäläinen", "Salavirasto", "maija@example.org", "192.0.2.7"):
        assert private not in body
    assert f"http://testserver/admin/snippets/feedback/submission/edit/{submission.pk}/" in message.body


def test_no_notice_without_recipients(demo_site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_create(kind="feedback", text="Hyvä sivusto")
    assert mail.outbox == []


def test_tip_to_story_draft(moderator):
    tip = SubmissionFactory(
        kind=Submission.Kind.TIP,
        title="Kokeilukulttuuri virastossa",
        text="Meillä jokainen tiimi kokeilee yhtä asiaa kuussa.\n\nTulokset jaetaan <b>yhteisesti</b>.",
        name="Vinkkaaja",
        email="vinkkaaja@example.org",
        publish_permission=False,
    )
    story = services.tip_to_story_draft(submission=tip, user=moderator)
    assert isinstance(story, StoryPage)
    story = StoryPage.objects.get(pk=story.pk)
    assert story.kind == StoryKind.CASE_STUDY
    assert story.get_parent().specific_class is InspireIndexPage
    assert story.live is False and story.has_unpublished_changes
    assert story.title == "Kokeilukulttuuri virastossa"
    assert story.slug == "kokeilukulttuuri-virastossa"
    assert story.intro == "Meillä jokainen tiimi kokeilee yhtä asiaa kuussa."
    html = story.body[0].value.source
    assert story.body[0].block_type == "paragraph"
    assert "&lt;b&gt;yhteisesti&lt;/b&gt;" in html
    assert "Vinkkaaja" not in html and "vinkkaaja@example.org" not in html
    assert story.latest_revision.user == moderator
    tip.refresh_from_db()
    assert tip.story_page_id == story.pk
    assert tip.state == Submission.State.APPROVED
    # Idempotent: a second click gives the same draft.
    assert services.tip_to_story_draft(submission=tip, user=moderator).pk == story.pk
    # The same title again gets its own slug.
    other = SubmissionFactory(kind=Submission.Kind.TIP, title="Kokeilukulttuuri virastossa")
    assert (
        services.tip_to_story_draft(submission=other, user=moderator).slug
        == "kokeilukulttuuri-virastossa-1"  # numbered as Wagtail numbers slugs (find_available_slug)
    )


def test_only_tips_become_stories(moderator):
    with pytest.raises(services.SubmissionStateError):
        services.tip_to_story_draft(submission=SubmissionFactory(), user=moderator)


def test_delete_by_reference(moderator):
    submission = SubmissionFactory()
    other = SubmissionFactory()
    assert services.submission_delete_by_reference(reference="nope", user=moderator) is False
    code = submission.reference.lower().replace("-", " ")
    assert services.submission_delete_by_reference(reference=code, user=moderator) is True
    assert list(Submission.objects.all()) == [other]


# --- the admin -----------------------------------------------------------------------------------------

LIST_URL = "/admin/snippets/feedback/submission/"


def test_queue_filters_by_state_and_kind(moderator_client):
    pending = SubmissionFactory(text="Odottava kokemus")
    SubmissionFactory(text="Hyväksytty kokemus", approved=True)
    SubmissionFactory(text="Vinkki odottaa", kind=Submission.Kind.TIP)
    html = moderator_client.get(LIST_URL, {"state": "pending"}).content.decode()
    assert "Odottava kokemus" in html and "Vinkki odottaa" in html and "Hyväksytty kokemus" not in html
    html = moderator_client.get(LIST_URL, {"state": "pending", "kind": "tip"}).content.decode()
    assert "Vinkki odottaa" in html and "Odottava kokemus" not in html
    html = moderator_client.get(LIST_URL, {"q": pending.reference}).content.decode()
    assert "Odottava kokemus" in html and "Vinkki odottaa" not in html


def test_nobody_adds_submissions_in_the_admin(admin_client, demo_site):
    assert admin_client.get(LIST_URL + "add/").status_code in (302, 403)


@pytest.mark.parametrize(
    ("action", "state"), [("approve", "approved"), ("reject", "rejected"), ("spam", "spam")]
)
def test_bulk_actions(moderator_client, moderator, action, state):
    items = SubmissionFactory.create_batch(3)
    url = f"/admin/bulk/feedback/submission/{action}/?" + "&".join(f"id={s.pk}" for s in items[:2])
    confirm = moderator_client.get(url + f"&next={LIST_URL}")
    assert confirm.status_code == 200
    response = moderator_client.post(url + f"&next={LIST_URL}")
    assert response.status_code == 302
    states = dict(Submission.objects.values_list("pk", "state"))
    assert [states[s.pk] for s in items] == [state, state, "pending"]
    assert Submission.objects.get(pk=items[0].pk).handled_by == moderator


def test_edit_view_edits_public_text_and_offers_actions(moderator_client):
    submission = SubmissionFactory(text="Soita minulle 040 123 4567, kokeilu meni hyvin.")
    url = f"{LIST_URL}edit/{submission.pk}/"
    html = moderator_client.get(url).content.decode()
    assert "/admin/bulk/feedback/submission/approve/" in html
    assert "/admin/bulk/feedback/submission/spam/" in html
    response = moderator_client.post(
        url, {"title": "", "text": "Kokeilu meni hyvin.", "name": "Nimimerkki", "organisation": "Virasto"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    submission.refresh_from_db()
    assert submission.text == "Kokeilu meni hyvin."
    assert submission.state == Submission.State.PENDING
    assert submission.email  # read-only field, untouched


def test_save_and_approve_keeps_the_edit(moderator_client, moderator):
    submission = SubmissionFactory(text="Soita minulle 040 123 4567, kokeilu meni hyvin.")
    url = f"{LIST_URL}edit/{submission.pk}/"
    html = moderator_client.get(url).content.decode()
    assert 'name="action-approve"' in html and "Tallenna ja hyväksy" in html
    response = moderator_client.post(
        url,
        {"title": "", "text": "Kokeilu meni hyvin.", "name": "", "organisation": "", "action-approve": "1"},
        follow=True,
    )
    submission.refresh_from_db()
    assert submission.state == Submission.State.APPROVED
    assert submission.text == "Kokeilu meni hyvin."
    assert submission.handled_by == moderator
    assert response.redirect_chain[-1][0] == LIST_URL  # back to the queue, for the next item
    assert f"{submission} on tallennettu ja hyväksytty." in response.content.decode()
    # Approved: the button is gone, plain saving stays.
    html = moderator_client.get(url).content.decode()
    assert 'name="action-approve"' not in html


def test_save_and_approve_with_an_invalid_edit_approves_nothing(moderator_client):
    submission = SubmissionFactory()
    response = moderator_client.post(
        f"{LIST_URL}edit/{submission.pk}/",
        {"title": "", "text": "", "name": "", "organisation": "", "action-approve": "1"},
    )
    assert response.status_code == 200
    submission.refresh_from_db()
    assert submission.state == Submission.State.PENDING and submission.text


def test_tip_to_story_from_the_admin_opens_the_draft(moderator_client):
    tip = SubmissionFactory(kind=Submission.Kind.TIP, title="Hyvä käytäntö")
    html = moderator_client.get(f"{LIST_URL}edit/{tip.pk}/").content.decode()
    assert "/admin/bulk/feedback/submission/tip_to_story/" in html
    response = moderator_client.post(
        f"/admin/bulk/feedback/submission/tip_to_story/?id={tip.pk}&next={LIST_URL}"
    )
    story = StoryPage.objects.get(title="Hyvä käytäntö")
    assert response["Location"] == f"/admin/pages/{story.pk}/edit/"
    assert moderator_client.get(response["Location"]).status_code == 200


def test_dashboard_counts_pending(moderator_client):
    SubmissionFactory.create_batch(3)
    SubmissionFactory(approved=True)
    html = moderator_client.get("/admin/").content.decode()
    assert "3 viestiä odottaa moderointia." in html
    assert f"{LIST_URL}?state=pending" in html


def test_editors_do_not_see_the_queue(client, demo_site):
    editor = factories.UserFactory(username="toimittaja")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(LIST_URL).status_code in (302, 403)
    assert "odottaa moderointia" not in client.get("/admin/").content.decode()


def test_inspect_and_history_show_the_record(moderator_client, moderator):
    submission = SubmissionFactory()
    services.submission_approve(submission=submission, user=moderator)
    assert moderator_client.get(f"{LIST_URL}inspect/{submission.pk}/").status_code == 200
    history = moderator_client.get(f"{LIST_URL}history/{submission.pk}/").content.decode()
    assert "Hyväksytty" in history


def test_public_name_falls_back_to_anonymous():
    assert SubmissionFactory.build(name="Tiimi X").public_name == "Tiimi X"
    assert SubmissionFactory.build(name="").public_name == "Nimetön"


@pytest.mark.parametrize(
    ("text", "intro", "paragraphs"),
    [
        # A browser sends \r\n: the paragraphs still split, the lead is the first sentence.
        (
            "Kokeilimme tiimipalaveria seisten. Se lyheni puoleen.\r\n\r\nSeuraavaksi kokeilemme kävelypalaveria.",
            "Kokeilimme tiimipalaveria seisten.",
            [
                "Kokeilimme tiimipalaveria seisten. Se lyheni puoleen.",
                "Seuraavaksi kokeilemme kävelypalaveria.",
            ],
        ),
        # One sentence is the whole tip: no lead repeating it, the editor writes one.
        ("Palautepari toimii hyvin etänä", "", ["Palautepari toimii hyvin etänä"]),
        # A first sentence too long for a lead: empty too.
        ("Pitkä " * 60 + "lause. Toinen.", "", ["Pitkä " * 60 + "lause. Toinen."]),
    ],
)
def test_tip_to_story_draft_lead_and_paragraphs(moderator, text, intro, paragraphs):
    tip = SubmissionFactory(kind=Submission.Kind.TIP, title=f"Vinkki {len(text)}", text=text)
    story = StoryPage.objects.get(pk=services.tip_to_story_draft(submission=tip, user=moderator).pk)
    assert story.intro == intro
    html = story.body[0].value.source
    assert re.findall(r"<p>(.*?)</p>", html, re.DOTALL) == paragraphs
    assert intro == "" or html.count(intro) == 1  # the lead is not the whole body over again


def test_edit_view_shows_the_consent_as_yes_or_no(moderator_client):
    import re

    for permission, shown in ((True, "Kyllä"), (False, "Ei")):
        submission = SubmissionFactory(publish_permission=permission)
        html = moderator_client.get(f"{LIST_URL}edit/{submission.pk}/").content.decode()
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
        assert re.search(rf"[Ll]upa julkaista {shown}\b", text), shown
        assert "True" not in text and "False" not in text
