"""The reader's side: each kind end to end, validation, the spam defences, the confirmation."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from wagtail.models import ModelLogEntry

from feedback.forms import SubmissionForm
from feedback.models import Submission
from inspire.models import StoryPage
from tests.feedback.helpers import form_data, started
from toolkit.models import ToolPage

pytestmark = pytest.mark.django_db

MODERATORS = ["moderaattori@example.org"]


@pytest.fixture
def tool(demo_site):
    return ToolPage.objects.live().order_by("pk").first()


@override_settings(FEEDBACK_MODERATOR_EMAILS=MODERATORS)
@pytest.mark.parametrize(
    ("slug", "kind"),
    [("palaute", "feedback"), ("kokemus", "experience"), ("vinkki", "tip")],
)
def test_each_kind_end_to_end(client, tool, slug, kind, django_capture_on_commit_callbacks):
    form_page = client.get(f"/palaute/lomake/{slug}/")
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert "(pakollinen)" in html and "(vapaaehtoinen)" in html
    assert "tietosuojaseloste" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/palaute/lomake/{slug}/", form_data(slug, page=tool))
    assert response.status_code == 302, response.content.decode()[:3000]
    submission = Submission.objects.get()
    assert submission.kind == kind
    assert submission.state == Submission.State.PENDING
    assert submission.email == "vetaja@example.org"
    assert len(submission.client_hash) == 64
    assert submission.page == (tool.page_ptr if kind == "experience" else None)
    assert submission.publish_permission is (kind == "experience")
    assert submission.title == ("Kuulumiskierros joka maanantai" if kind == "tip" else "")
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert submission.reference in thanks.content.decode()
    assert "Mitä seuraavaksi tapahtuu" in thanks.content.decode()
    assert len(mail.outbox) == 1
    assert ModelLogEntry.objects.filter(object_id=str(submission.pk), action="wagtail.create").exists()


def test_feedback_page_offers_the_three_kinds(client, demo_site):
    html = client.get("/palaute/").content.decode()
    for slug in ("palaute", "kokemus", "vinkki"):
        assert f"/palaute/lomake/{slug}/" in html


def test_unknown_kind_is_404(client, demo_site):
    assert client.get("/palaute/lomake/mainos/").status_code == 404


def test_experience_form_is_prefilled_with_the_page(client, tool):
    html = client.get(f"/palaute/lomake/kokemus/?sivu={tool.pk}").content.decode()
    # Coming from the page, the reader sees which page it is, not a list to find it in.
    assert f'<input type="hidden" name="page" value="{tool.pk}"' in html
    assert f"<strong>{tool.title}</strong>" in html and "<select" not in html
    for bad in ("abc", "-1", "99999999", "1e9", "\x00", "9" * 30):
        response = client.get("/palaute/lomake/kokemus/", {"sivu": bad})
        assert response.status_code == 200 and '<select name="page"' in response.content.decode()


def test_experience_list_offers_the_tools_not_every_story(client, tool):
    """The list stays short however many stories Innostu has; a story's own link names the story."""
    html = client.get("/palaute/lomake/kokemus/").content.decode()
    listed = set(re.findall(r'<option value="(\d+)"', html))
    tools = {str(pk) for pk in ToolPage.objects.live().values_list("pk", flat=True)}
    assert tools <= listed
    story = StoryPage.objects.live().first()
    assert str(story.pk) not in listed
    from_story = client.get(f"/palaute/lomake/kokemus/?sivu={story.pk}").content.decode()
    assert f"<strong>{story.title}</strong>" in from_story
    # A story is not a tool the reader used: the form asks about the story.
    assert "Valitse toinen työkalu" not in from_story and "työkalua käytettiin" not in from_story
    assert "mitä tarina herätti" in from_story
    from_tool = client.get(f"/palaute/lomake/kokemus/?sivu={tool.pk}").content.decode()
    assert "Valitse toinen työkalu" in from_tool and "työkalua käytettiin" in from_tool
    response = client.post("/palaute/lomake/kokemus/", form_data("kokemus", page=story))
    assert response.status_code == 302
    assert Submission.objects.get().page_id == story.pk


def test_validation_keeps_input_and_explains(client, tool):
    data = form_data("kokemus", page=tool, text="", publish_permission=None, email="ei-osoite")
    data["name"] = "Matti <b>M</b>"
    response = client.post("/palaute/lomake/kokemus/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Matti &lt;b&gt;M&lt;/b&gt;"' in html
    assert 'value="Esimerkkivirasto"' in html
    assert f'<input type="hidden" name="page" value="{tool.pk}"' in html
    # The summary comes first in the main content and links to each field.
    main = html.split('<main id="main"', 1)[1]
    assert main.index('id="error-summary"') < main.index("<article")
    for field in ("id_text", "id_email", "id_publish_permission"):
        assert f'href="#{field}"' in html
    assert "Täytä tämä kenttä." in html
    assert "Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi." in html
    assert (
        "Kokemukset kerätään julkaistaviksi: anna lupa julkaista kokemuksesi tai lähetä viesti palautteena."
        in html
    )
    assert 'aria-describedby="id_text_helptext id_text_error"' in html
    assert 'aria-invalid="true"' in html
    assert Submission.objects.count() == 0


def test_length_limits(client, demo_site):
    response = client.post("/palaute/lomake/palaute/", form_data("palaute", text="a" * 5001, name="n" * 101))
    assert response.status_code == 400
    assert "enintään 5000 merkkiä" in response.content.decode()
    assert Submission.objects.count() == 0


def test_honeypot_stores_nothing_and_answers_neutrally(client, demo_site):
    response = client.post("/palaute/lomake/palaute/", form_data("palaute", kotisivu="http://spam.example"))
    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Kiitos viestistäsi" in thanks.content.decode()
    assert "Viitekoodi" not in thanks.content.decode()
    assert Submission.objects.count() == 0


def test_honeypot_is_hidden_from_people_and_screen_readers(client, demo_site):
    html = client.get("/palaute/lomake/palaute/").content.decode()
    hp = re.search(r'<div class="feedback-hp" aria-hidden="true">(.*?)</div>', html, re.S).group(1)
    assert 'tabindex="-1"' in hp and 'autocomplete="off"' in hp and 'name="kotisivu"' in hp


@pytest.mark.parametrize("stamp", [None, "", "väärennös", "seconds_ago=0", "too_old"])
def test_minimum_fill_time_and_forged_timestamps(client, demo_site, stamp):
    value = {
        "seconds_ago=0": started(0),
        "too_old": started(3 * 24 * 3600),
    }.get(stamp, stamp)
    response = client.post("/palaute/lomake/palaute/", form_data("palaute", started=value))
    assert response.status_code == 400
    html = response.content.decode()
    assert "lähetä lomake uudelleen" in html
    assert "Palautetta ei julkaista" in html
    assert Submission.objects.count() == 0
    # A fresh timestamp comes back, so that the person can simply send again after a moment.
    fresh = re.search(r'name="started" value="([^"]+)"', html).group(1)
    assert fresh != value


def test_rate_limit_per_client(client, demo_site):
    for i in range(5):
        assert (
            client.post("/palaute/lomake/palaute/", form_data("palaute", text=f"Viesti {i}")).status_code
            == 302
        )
    blocked = client.post("/palaute/lomake/palaute/", form_data("palaute", text="Kuudes"))
    assert blocked.status_code == 429
    assert "Liian monta pyyntöä" in blocked.content.decode()
    assert Submission.objects.count() == 5
    # Another client is not affected.
    other = client.post("/palaute/lomake/palaute/", form_data("palaute"), REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 302


def test_invalid_posts_do_not_spend_the_submission_limit(client, demo_site):
    for _ in range(6):
        assert client.post("/palaute/lomake/palaute/", form_data("palaute", text="")).status_code == 400
    assert client.post("/palaute/lomake/palaute/", form_data("palaute")).status_code == 302


def test_post_ceiling_blocks_floods_of_invalid_posts(client, demo_site):
    codes = [client.post("/palaute/lomake/palaute/", {"text": ""}).status_code for _ in range(31)]
    assert codes[:30] == [400] * 30
    assert codes[30] == 429


def test_csrf_is_enforced(demo_site):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    assert csrf_client.post("/palaute/lomake/palaute/", form_data("palaute")).status_code == 403
    assert Submission.objects.count() == 0


def test_tampered_thanks_token_shows_no_code(client, demo_site):
    response = client.get("/palaute/lomake/kiitos/", {"v": "eyJyIjoiQUJDRC1FRkdIIn0:x:y"})
    assert response.status_code == 200
    assert "Viitekoodi" not in response.content.decode()


def test_form_strips_nul_characters(demo_site):
    form = SubmissionForm(form_data("palaute", text="ab\x00c", name="\x00"), kind="feedback")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["text"] == "abc"


def test_an_unknown_page_in_a_sent_form_offers_the_list_again(client, tool):
    data = form_data("kokemus", page=tool)
    data["page"] = "99999999"
    response = client.post("/palaute/lomake/kokemus/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Valitse sivu luettelosta." in html
    assert '<select name="page"' in html and f'<option value="{tool.pk}"' in html
    assert 'value="Tiimivetäjä"' in html  # the rest of the input kept
    assert Submission.objects.count() == 0


def test_experience_permission_rule_and_words_agree(client, tool):
    """Experiences are collected to be published: permission is required, and the form says so."""
    html = client.get(f"/palaute/lomake/kokemus/?sivu={tool.pk}").content.decode()
    assert "Annan luvan julkaista kokemukseni sivustolla." in html
    # Name and organisation stay optional: the consent does not promise to show what was not given.
    assert "nimimerkilläni" not in html
    assert "jos kirjoitit ne" in html and "lähetä se palautteena" in html
    anonymous = form_data("kokemus", page=tool, name="", organisation="", email="")
    assert client.post("/palaute/lomake/kokemus/", anonymous).status_code == 302
    refused = client.post(
        "/palaute/lomake/kokemus/", form_data("kokemus", page=tool, publish_permission=None)
    )
    assert refused.status_code == 400 and Submission.objects.count() == 1


@pytest.mark.parametrize("slug", ["vinkki", "palaute"])
def test_thanks_promises_a_reply_only_when_an_address_was_given(client, demo_site, slug):
    without = client.post(f"/palaute/lomake/{slug}/", form_data(slug, email=""))
    html = client.get(without["Location"]).content.decode()
    assert "antamaasi sähköpostiosoitteeseen" not in html
    with_address = client.post(f"/palaute/lomake/{slug}/", form_data(slug))
    html = client.get(with_address["Location"]).content.decode()
    assert "antamaasi sähköpostiosoitteeseen" in html


@pytest.mark.parametrize("slug", ["palaute", "kokemus", "vinkki"])
def test_personal_fields_name_their_purpose_for_autofill(client, demo_site, slug):
    """WCAG 1.3.5 (Identify Input Purpose): each form's name, organisation and email fields carry the
    `autocomplete` token of what they ask, so browsers and assistive tools can fill them in."""
    html = client.get(f"/palaute/lomake/{slug}/").content.decode()
    for field, token, kind in (
        ("name", "name", "text"),
        ("organisation", "organization", "text"),
        ("email", "email", "email"),
    ):
        tag = re.search(rf'<input[^>]*\bname="{field}"[^>]*>', html)
        assert tag, field
        assert f'autocomplete="{token}"' in tag.group(0)
        assert f'type="{kind}"' in tag.group(0)
