"""The purge map: each change purges the URLs that show it, when its transaction commits, and nothing else."""

import io

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from feedback import services as feedback_services
from feedback.models import Submission
from inspire.models import InspireIndexPage
from tests.factories import (
    CaseStudyPageFactory,
    ContentPageFactory,
    OrganisationFactory,
    ThemeFactory,
    ToolPageFactory,
)
from tests.factories.feedback import SubmissionFactory
from tests.factories.inspire import StoryToolLinkFactory
from tests.factories.toolkit import ToolPageRelatedToolFactory
from tests.feedback.helpers import form_data
from tests.valoa.frontend_cache_support import SETTINGS, RecordingBackend
from toolkit.models import StartPage, ToolIndexPage
from valoa.models import ContactSettings, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def recording(settings):
    settings.WAGTAILFRONTENDCACHE = SETTINGS
    RecordingBackend.reset()
    yield RecordingBackend
    RecordingBackend.reset()


@pytest.fixture
def tree(demo_site):
    index = ToolIndexPage.objects.get()
    inspire = InspireIndexPage.objects.get()
    tool = ToolPageFactory(parent=index, title="Purkutyökalu", slug="purkutyokalu")
    linked = ToolPageFactory(parent=index, title="Linkitetty", slug="linkitetty")
    linking = ToolPageFactory(parent=index, title="Linkittävä", slug="linkittava")
    ToolPageRelatedToolFactory(page=tool, tool=linked)
    ToolPageRelatedToolFactory(page=linking, tool=tool)
    story = CaseStudyPageFactory(parent=inspire, title="Purkutarina", slug="purkutarina")
    StoryToolLinkFactory(page=story, tool=tool)
    return {
        "home": demo_site,
        "index": index,
        "inspire": inspire,
        "tool": tool,
        "story": story,
        "linked": linked,
        "linking": linking,
    }


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


def test_publishing_a_tool_purges_where_it_shows(tree, recording, django_capture_on_commit_callbacks):
    publish(tree["tool"], django_capture_on_commit_callbacks)
    assert recording.purged_paths() == {
        "/tyokalut/purkutyokalu/",
        "/tyokalut/purkutyokalu/ohjaa/",  # its facilitation mode shows its steps
        "/tyokalut/",  # its section's listing (every ?page= and filter variant: the VCL bans by path)
        "/",  # the home page recommends tools
        StartPage.objects.get().url,  # so does Aloita
        "/tyokalut/linkitetty/",  # related tools, both ways
        "/tyokalut/linkittava/",
        tree["story"].url,  # the story that used it
        "/sitemap.xml",
    }
    assert recording.banned == []


def test_publishing_a_story_bans_innostu_and_purges_its_tools(
    tree, recording, django_capture_on_commit_callbacks
):
    publish(tree["story"], django_capture_on_commit_callbacks)
    # Innostu's listing, filters, feeds and every story's "related stories" are under its path.
    assert recording.banned_paths() == {"/innostu/"}
    assert recording.purged_paths() == {"/tyokalut/purkutyokalu/", "/sitemap.xml"}


def test_nothing_is_sent_before_the_transaction_commits(tree, recording, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        tree["tool"].save_revision().publish()
    assert recording.purged == []
    for callback in callbacks:
        callback()
    assert "/tyokalut/purkutyokalu/" in recording.purged_paths()


def test_a_draft_purges_nothing(tree, recording, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tree["tool"].title = "Luonnos"
        tree["tool"].save_revision()
    assert recording.purged == [] and recording.banned == []


def test_unpublish_and_delete_purge_where_the_page_showed(
    tree, recording, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tree["story"].delete()  # Wagtail unpublishes a live page before deleting it
    assert recording.banned_paths() == {"/innostu/"}
    assert "/tyokalut/purkutyokalu/" in recording.purged_paths()
    recording.reset()
    with django_capture_on_commit_callbacks(execute=True):
        tree["tool"].unpublish()
    assert {"/tyokalut/purkutyokalu/", "/tyokalut/", "/", "/tyokalut/linkitetty/"} <= recording.purged_paths()


def test_a_move_purges_the_old_and_the_new_url(demo_site, recording, django_capture_on_commit_callbacks):
    start = StartPage.objects.get()
    page = ContentPageFactory(parent=demo_site, title="Siirrettävä", slug="siirrettava")
    recording.reset()
    with django_capture_on_commit_callbacks(execute=True):
        page.move(start, pos="last-child")
    assert recording.purged_paths() == {
        f"{start.url}siirrettava/",  # the new URL
        start.url,  # the new parent's listing
        "/siirrettava/",  # the old URL
        "/",  # the old parent
        "/sitemap.xml",
    }


def test_moving_a_tool_purges_its_facilitation_mode_at_the_old_and_the_new_url(
    tree, recording, django_capture_on_commit_callbacks
):
    tool = tree["tool"]
    start = StartPage.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        tool.move(start, pos="last-child")
    tool.refresh_from_db()
    purged = recording.purged_paths()
    assert {
        "/tyokalut/purkutyokalu/",
        "/tyokalut/purkutyokalu/ohjaa/",  # the old facilitation mode: a cached copy would outlive the move
        tool.url,
        tool.url + "ohjaa/",
        "/tyokalut/",  # the old parent's listing
    } <= purged
    assert tool.url == f"{start.url}purkutyokalu/"


def test_a_new_slug_purges_the_page_and_its_facilitation_mode_at_the_old_url(
    tree, recording, django_capture_on_commit_callbacks
):
    tool = tree["tool"]
    tool.slug = "uusi-nimi"
    publish(tool, django_capture_on_commit_callbacks)
    tool.refresh_from_db()
    assert tool.url == "/tyokalut/uusi-nimi/"
    assert {
        "/tyokalut/purkutyokalu/",  # the old URL: a cached copy would outlive the rename for s-maxage
        "/tyokalut/purkutyokalu/ohjaa/",
        "/tyokalut/uusi-nimi/",
        "/tyokalut/uusi-nimi/ohjaa/",
    } <= recording.purged_paths()


def test_a_section_of_the_main_menu_bans_the_whole_site(tree, recording, django_capture_on_commit_callbacks):
    publish(tree["index"], django_capture_on_commit_callbacks)
    assert recording.banned_paths() == {"/"}
    assert recording.purged == []  # all covered by the ban


def test_taxonomy_and_settings_ban_the_whole_site(demo_site, recording, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ThemeFactory()
    assert recording.banned_paths() == {"/"}
    recording.reset()
    with django_capture_on_commit_callbacks(execute=True):
        theme = Theme.objects.first()
        theme.name = "Uusi nimi"
        theme.save()
    assert recording.banned_paths() == {"/"}
    recording.reset()
    with django_capture_on_commit_callbacks(execute=True):
        contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
        contact.phone = "029 000 0000"
        contact.save()  # the footer of every page
    assert recording.banned_paths() == {"/"}


def test_an_organisation_bans_innostu_only(demo_site, recording, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        OrganisationFactory()
    assert recording.banned_paths() == {"/innostu/"}
    assert recording.purged == []


def test_an_image_upload_purges_nothing_but_its_change_bans_all(
    demo_site, recording, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = get_image_model().objects.create(title="Kuva", file=get_test_image_file())
    assert recording.banned == [] and recording.purged == []
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Kuvan uusi nimi"
        image.save()
    assert recording.banned_paths() == {"/"}


def test_a_readers_submission_purges_nothing(tree, client, recording, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("feedback:form", args=["kokemus"]), form_data("kokemus", page=tree["tool"])
        )
    assert response.status_code == 302
    assert Submission.objects.filter(page=tree["tool"]).exists()
    assert recording.purged == [] and recording.banned == []


def test_approving_an_experience_purges_its_page_only(tree, recording, django_capture_on_commit_callbacks):
    submission = SubmissionFactory(page=tree["story"])
    assert recording.purged == []
    with django_capture_on_commit_callbacks(execute=True):
        feedback_services.submission_approve(submission=submission, user=None)
    assert recording.purged_paths() == {tree["story"].url}
    assert recording.banned == []
    recording.reset()
    with django_capture_on_commit_callbacks(execute=True):
        feedback_services.submission_reject(submission=submission, user=None)
    assert recording.purged_paths() == {tree["story"].url}  # it leaves the page again


def test_handling_a_submission_that_never_shows_purges_nothing(
    tree, recording, django_capture_on_commit_callbacks
):
    tip = SubmissionFactory(kind=Submission.Kind.TIP, title="Vinkki", page=None)
    private = SubmissionFactory(page=tree["tool"], publish_permission=False)
    with django_capture_on_commit_callbacks(execute=True):
        feedback_services.submission_approve(submission=tip, user=None)
        feedback_services.submission_approve(submission=private, user=None)
        feedback_services.submission_mark_spam(submission=SubmissionFactory(page=tree["tool"]), user=None)
    assert recording.purged == [] and recording.banned == []


def test_a_release_empties_the_front_cache(demo_site, recording):
    from django.core.management import call_command

    call_command("purge_front_cache", stdout=io.StringIO())
    assert recording.banned_paths() == {"/"}


def test_a_release_forgets_what_the_app_keeps_rendered(client, demo_site):
    """The chrome, and with its generation every card, switcher and team page: a release's templates show at once."""
    from django.core.management import call_command

    from valoa.pages import chrome

    client.get("/")
    generation = chrome.site_chrome(RequestFactory().get("/")).generation
    assert chrome.site_chrome(RequestFactory().get("/")).generation == generation  # kept until forgotten
    call_command("purge_front_cache", stdout=io.StringIO())  # also without a front cache configured
    assert chrome.site_chrome(RequestFactory().get("/")).generation != generation
