"""Experiences on tool and story pages: only the public subset, escaped, in a fixed number of queries."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from feedback import services
from feedback.models import Submission
from inspire.models import StoryPage
from tests import factories
from tests.factories.feedback import SubmissionFactory
from tests.feedback.helpers import form_data
from toolkit.models import ToolPage

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '<script>alert("xss")</script>',
    '"><img src=x onerror=alert(1)>',
    "<a href=\"javascript:alert('x')\">klikkaa</a>",
]
ESCAPED = [
    "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;",
    "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
    "&lt;a href=&quot;javascript:alert(&#x27;x&#x27;)&quot;&gt;klikkaa&lt;/a&gt;",
]


@pytest.fixture
def tool(demo_site):
    return ToolPage.objects.live().order_by("pk").first()


def assert_inert(html):
    for payload in PAYLOADS:
        assert payload not in html
    assert "<script>alert" not in html and "<img src=x" not in html


def test_only_approved_experiences_with_permission_show(client, tool):
    SubmissionFactory(page=tool, approved=True, text="Näkyvä kokemus", name="", organisation="Virasto A")
    SubmissionFactory(page=tool, text="Odottava kokemus")
    SubmissionFactory(page=tool, state=Submission.State.REJECTED, text="Hylätty kokemus")
    SubmissionFactory(page=tool, approved=True, publish_permission=False, text="Luvaton kokemus")
    SubmissionFactory(page=tool, approved=True, kind=Submission.Kind.FEEDBACK, text="Palaute sivusta")
    newer = SubmissionFactory(page=tool, approved=True, text="Uudempi kokemus", email="salainen@example.org")
    html = client.get(tool.url).content.decode()
    assert "Näkyvä kokemus" in html and "Uudempi kokemus" in html
    assert html.index("Uudempi kokemus") < html.index("Näkyvä kokemus")  # newest first
    assert "Nimetön, Virasto A" in html
    assert newer.name in html
    for hidden in (
        "Odottava",
        "Hylätty",
        "Luvaton",
        "Palaute sivusta",
        "salainen@example.org",
        "@example.org",
    ):
        assert hidden not in html
    assert f"/palaute/lomake/kokemus/?sivu={tool.pk}" in html
    assert "Kerro kokemuksesta" in html


def test_story_page_shows_its_experiences(client, demo_site):
    story = StoryPage.objects.live().first()
    SubmissionFactory(page=story, approved=True, text="Tarinan kokemus")
    html = client.get(story.url).content.decode()
    assert "Tarinan kokemus" in html
    assert f"/palaute/lomake/kokemus/?sivu={story.pk}" in html


def tool_page_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_tool_page_queries_do_not_grow_with_experiences(client, tool):
    empty = tool_page_queries(client, tool.url)
    SubmissionFactory.create_batch(100, page=tool, approved=True)
    SubmissionFactory.create_batch(20, page=tool)  # pending: not shown
    full = tool_page_queries(client, tool.url)
    assert full == empty
    assert client.get(tool.url).content.decode().count('class="experience"') == 50


def test_xss_payloads_are_inert_on_public_pages(client, tool, django_capture_on_commit_callbacks):
    for payload in PAYLOADS:
        SubmissionFactory(page=tool, approved=True, text=payload, name=payload, organisation=payload)
    html = client.get(tool.url).content.decode()
    assert_inert(html)
    for escaped in ESCAPED:
        assert escaped in html
    # The form, sent back with errors, shows the input as text.
    for payload in PAYLOADS:
        data = form_data("vinkki", title=payload, name=payload, organisation=payload, text="", email=payload)
        response = client.post("/palaute/lomake/vinkki/", data)
        assert response.status_code == 400
        assert_inert(response.content.decode())


def test_xss_payloads_are_inert_in_the_admin(client, tool):
    moderator = factories.UserFactory(username="moderaattori")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    items = [
        SubmissionFactory(
            page=tool, kind=Submission.Kind.TIP, title=p, text=p, name=p, organisation=p, email=""
        )
        for p in PAYLOADS
    ]
    base = "/admin/snippets/feedback/submission/"
    ids = "&".join(f"id={s.pk}" for s in items)
    urls = [base, f"{base}?state=pending", "/admin/", f"/admin/bulk/feedback/submission/approve/?{ids}"]
    for s in items:
        urls += [f"{base}edit/{s.pk}/", f"{base}inspect/{s.pk}/", f"{base}history/{s.pk}/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode())
    # The story draft made from a tip carries the text as text.
    story = services.tip_to_story_draft(submission=items[0], user=moderator)
    response = client.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code == 200
    assert_inert(response.content.decode())


def test_demo_site_has_moderated_experiences(client, demo_site):
    from feedback.demo import build_submissions

    build_submissions()
    build_submissions()  # idempotent
    assert Submission.objects.filter(reference__startswith="DEMO-").count() == 3
    html = client.get(ToolPage.objects.get(slug="kokeilukortti").url).content.decode()
    assert "Tiimi Revontuli, Esimerkkivirasto" in html
    assert "Nimetön" in html


def test_a_moderators_change_is_on_the_next_view_of_the_kept_pages(client, tool):
    """A page's approved experiences are kept in the site's fragments; approving, rejecting or deleting one
    forgets them (feedback/frontend_cache.py), front cache or not."""
    story = StoryPage.objects.live().first()
    for page in (tool, story):
        assert "Juuri hyväksytty kokemus" not in client.get(page.url).content.decode()
        pending = SubmissionFactory(page=page, text="Juuri hyväksytty kokemus")
        assert "Juuri hyväksytty kokemus" not in client.get(page.url).content.decode()
        services.submission_approve(submission=pending, user=None)
        assert "Juuri hyväksytty kokemus" in client.get(page.url).content.decode()
        services.submission_reject(submission=pending, user=None)
        assert "Juuri hyväksytty kokemus" not in client.get(page.url).content.decode()
        services.submission_approve(submission=pending, user=None)
        assert "Juuri hyväksytty kokemus" in client.get(page.url).content.decode()
        services.submission_delete(submission=pending, user=None)
        assert "Juuri hyväksytty kokemus" not in client.get(page.url).content.decode()
