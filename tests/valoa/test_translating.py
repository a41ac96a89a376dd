"""Translations an editor can finish (issue 24, item 3): through the real Wagtail and wagtail-localize admin views.

The module reads the demo in Swedish and English, built once (tests/conftest.py `translated_once`) by the demo's
own loader; each test runs in a savepoint inside it.
"""

from __future__ import annotations

import html
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from inspire.models import InspireIndexPage, StoryPage
from tests import factories
from toolkit.models import StartPage, ToolIndexPage

pytestmark = pytest.mark.django_db

STORY_SLUG = "oppimistuokio-perjantaisin"

# English met in the Finnish admin's translation screens (issue 24), and common words of wagtail-localize's.
KNOWN_ENGLISH = [
    "Publish in",
    "Stop Synced translation",
    "Uses suomi version",
    "Convert to alias",
    "Sync translated pages",
    "Translate this page",
    "Publish immediately",
    "Apply the updates",
    "Include subtree",
    "Password",
    "Root",
    "Locale",
    "a second ago",
    "Translation of",
    "Translations",
    "Update translations",
    "Submit",
    "Cancel",
]
ENGLISH_WORDS = {
    "the",
    "and",
    "of",
    "to",
    "translation",
    "translations",
    "sync",
    "synced",
    "version",
    "publish",
}


@pytest.fixture
def translated(translated_once, demo_site):
    return demo_site


def _user(group: str, username: str):
    user = factories.UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(translated):
    return _user("Editors", "kaantava-toimittaja")


@pytest.fixture
def moderator(translated):
    return _user("Moderators", "kaannosten-moderaattori")


@pytest.fixture
def admin_user(translated):
    return factories.UserFactory(username="paakayttaja", is_superuser=True)


def _in(language: str, page: Page) -> Page:
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def _story(language: str = "fi") -> StoryPage:
    story = StoryPage.objects.get(slug=STORY_SLUG, locale__language_code="fi")
    return story if language == "fi" else _in(language, story)


def _visible_text(body: str) -> str:
    body = re.sub(r"(?s)<script.*?</script>|<style.*?</style>|<template.*?</template>", " ", body)
    attributes = re.findall(r'(?:title|aria-label|placeholder|data-w-tooltip-content-value)="([^"]*)"', body)
    return html.unescape(" ".join([re.sub(r"<[^>]+>", " ", body), *attributes]))


def _english(text: str, words: bool = True) -> list[str]:
    """Known English phrases; and common English words (on wagtail-localize's own screens, whose only content is
    the Finnish and Swedish page being translated)."""
    found = [phrase for phrase in KNOWN_ENGLISH if re.search(rf"\b{re.escape(phrase)}\b", text)]
    if words:
        found += sorted({word for word in re.findall(r"[A-Za-z]+", text) if word.lower() in ENGLISH_WORDS})
    return found


def _props(response) -> dict:
    soup = BeautifulSoup(response.content, "html.parser")
    return json.loads(soup.select_one(".js-translation-editor")["data-props"])


# --- 1. The section's workflow, in every language ---------------------------------------------------------


def test_translated_sections_have_their_sections_workflow_and_permissions(translated):
    for model, workflow in (
        (InspireIndexPage, "Innostun moderointi"),
        (ToolIndexPage, "Työkalujen tarkastus"),
        (StartPage, "Työkalujen tarkastus"),
    ):
        finnish = model.objects.get(locale__language_code="fi")
        for language in ("sv", "en"):
            section = _in(language, finnish)
            assert section.get_workflow().name == workflow, (model, language)
            for child in section.get_children()[:1]:
                assert child.specific.get_workflow().name == workflow
    finnish = InspireIndexPage.objects.get(locale__language_code="fi")
    grants = set(
        GroupPagePermission.objects.filter(page=finnish).values_list("group__name", "permission__codename")
    )
    assert grants
    for language in ("sv", "en"):
        section = _in(language, finnish)
        assert (
            set(
                GroupPagePermission.objects.filter(page=section).values_list(
                    "group__name", "permission__codename"
                )
            )
            == grants
        )


def test_a_new_translation_gets_its_sources_workflow_and_permissions(client, editor):
    from wagtail.models import Workflow, WorkflowPage

    finnish = factories.ContentPageFactory(
        parent=Page.objects.get(slug="tietoa", locale__language_code="fi"), title="Osio", slug="osio"
    )
    WorkflowPage.objects.create(page=finnish, workflow=Workflow.objects.get(name="Innostun moderointi"))
    grant = GroupPagePermission.objects.filter(page__depth__gt=1).first()
    GroupPagePermission.objects.create(group=grant.group, page=finnish, permission=grant.permission)

    client.force_login(editor)
    sv = Locale.objects.get(language_code="sv")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=(finnish.pk,)), {"locales": [sv.pk]}
    )
    assert response.status_code == 302
    swedish = Page.objects.get(pk=finnish.get_translation(sv).pk)
    assert swedish.get_workflow().name == "Innostun moderointi"
    assert GroupPagePermission.objects.filter(
        page=swedish, group=grant.group, permission=grant.permission
    ).exists()


# --- 1 and 2. The editor submits, the moderator approves; no alias conversion -------------------------------


def test_an_editor_submits_a_translation_and_a_moderator_approves_it(client, editor, moderator):
    story = _story("sv")
    translation = Translation.objects.get(source__object_id=story.translation_key, target_locale=story.locale)
    edit_url = reverse("wagtailadmin_pages:edit", args=(story.pk,))

    client.force_login(editor)
    response = client.get(edit_url)
    assert response.status_code == 200
    text = _visible_text(response.content.decode())
    assert "Lähetä työnkulkuun ”Innostun moderointi”" in text
    props = _props(response)
    assert props["perms"]["canPublish"] is False
    assert props["links"]["convertToAliasUrl"] is None  # no longer the editor's main button

    # The editor changes the title in wagtail-localize's string editor (its own API, as the editor's JavaScript).
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk)),
        data="value=Fredagens+l%C3%A4rostund+%28ny%29",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200, response.content[:500]
    assert StringTranslation.objects.get(translation_of=segment.string, locale=story.locale).data == (
        "Fredagens lärostund (ny)"
    )

    # An editor cannot publish it directly (Wagtail's admin sends a refused user back to the dashboard) …
    live_revision = story.live_revision_id
    response = client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert Page.objects.get(pk=story.pk).live_revision_id == live_revision

    # … but submits it to the section's workflow.
    response = client.post(edit_url, {"valoa-submit-translation": "1"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Innostun moderointi"
    assert Page.objects.get(pk=story.pk).live_revision_id == live_revision  # not live before approval
    assert "Fredagens lärostund (ny)" not in client.get(story.url).content.decode()
    assert "Käännös odottaa tarkastusta vaiheessa ”Moderaattorin hyväksyntä”" in _visible_text(
        client.get(edit_url).content.decode()
    )

    client.force_login(moderator)
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(story.pk, "approve", state.current_task_state.pk)
    )
    response = client.post(approve, {"comment": "Hyvä käännös."})
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    story.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert story.live and story.title == "Fredagens lärostund (ny)"
    assert "Fredagens lärostund (ny)" in client.get(story.url).content.decode()


def test_converting_to_an_alias_is_for_superusers_only(client, editor, moderator, admin_user):
    story = _story("sv")
    convert = reverse("wagtail_localize:convert_to_alias", args=(story.pk,))
    edit_url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    for user in (editor, moderator):
        client.force_login(user)
        # Wagtail's admin answers a refusal by sending the user back to the dashboard.
        for response in (
            client.get(convert),
            client.post(convert),
            client.post(edit_url, {"localize-convert-to-alias": "1"}),
        ):
            assert response.status_code == 302 and response["Location"] == "/admin/"
    assert Page.objects.get(pk=story.pk).alias_of_id is None

    client.force_login(admin_user)
    assert client.get(convert).status_code == 200
    assert _props(client.get(edit_url))["links"]["convertToAliasUrl"] == convert


# --- 3. Out-of-date translations ----------------------------------------------------------------------------


def test_an_outdated_translation_is_marked_in_the_list_and_the_editor(client, editor):
    finnish, swedish = _story("fi"), _story("sv")
    client.force_login(editor)
    listing = f"/admin/pages/{swedish.get_parent().pk}/"
    assert "Käännös vanhentunut" not in client.get(listing).content.decode()

    finnish.intro = "Uusi johdanto, jota ei ole käännetty."
    finnish.save_revision(user=editor).publish()

    text = _visible_text(client.get(listing).content.decode())
    assert "Käännös vanhentunut: päivitä" in text
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(swedish.pk,))).content.decode()
    assert "Lähdesivua on muutettu" in _visible_text(edit)
    translation = Translation.objects.get(
        source__object_id=swedish.translation_key, target_locale=swedish.locale
    )
    update_url = reverse("wagtail_localize:update_translations", args=(translation.source_id,))
    assert update_url in edit

    # One click: wagtail-localize's update view (in Finnish); an editor's update stays a draft.
    response = client.get(update_url)
    assert response.status_code == 200
    assert not _english(_visible_text(response.content.decode()))
    response = client.post(update_url, {"publish_translations": "on"})
    assert response.status_code == 302
    assert "Käännös vanhentunut" not in client.get(listing).content.decode()
    swedish.refresh_from_db()
    assert "Uusi johdanto" not in swedish.intro  # not published by an editor


# --- 4. Delete, unpublish, move ------------------------------------------------------------------------------


def test_deleting_a_page_deletes_its_translations_and_says_so(client, admin_user):
    finnish = _story("fi")
    keys = finnish.translation_key
    sv_index = _in("sv", InspireIndexPage.objects.get(locale__language_code="fi"))
    swedish_title = _story("sv").title
    client.force_login(admin_user)
    delete_url = reverse("wagtailadmin_pages:delete", args=(finnish.pk,))
    confirm = _visible_text(client.get(delete_url).content.decode())
    assert "2 käännöstä" in confirm
    response = client.post(delete_url, {"confirm_site_name": ""})
    assert response.status_code == 302
    assert not Page.objects.filter(translation_key=keys).exists()
    assert swedish_title not in client.get(sv_index.url).content.decode()


def test_unpublishing_a_page_unpublishes_its_translations(client, admin_user):
    finnish = _story("fi")
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:unpublish", args=(finnish.pk,))
    assert client.get(url).status_code == 200
    assert client.post(url, {"include_descendants": ""}).status_code == 302
    assert not Page.objects.filter(translation_key=finnish.translation_key, live=True).exists()


def test_moving_a_page_moves_its_translations(client, admin_user):
    home = Page.objects.get(depth=2, locale__language_code="fi")
    faq = Page.objects.get(slug="kysymyksia-ja-vastauksia", locale__language_code="fi")
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:move_confirm", args=(faq.pk, home.pk))
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] != "/admin/"
    assert Page.objects.get(pk=faq.pk).get_parent().pk == home.pk
    for language in ("sv", "en"):
        moved = _in(language, Page.objects.get(pk=faq.pk))
        assert moved.get_parent().pk == _in(language, home).pk, language


def test_a_translation_that_cannot_follow_a_move_is_reported(client, admin_user):
    about = Page.objects.get(slug="tietoa", locale__language_code="fi")
    start = StartPage.objects.get(locale__language_code="fi")
    for language in ("sv", "en"):
        _in(language, start).delete()  # the destination has no Swedish or English page
    client.force_login(admin_user)
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=(about.pk, start.pk)), follow=True)
    assert Page.objects.get(pk=about.pk).get_parent().pk == start.pk
    text = _visible_text(response.content.decode())
    assert text.count("ei siirretty, koska kohteella ei ole käännöstä tällä kielellä") == 2


# --- 5. The translation screens in Finnish ----------------------------------------------------------------


def test_translation_screens_speak_finnish(client, editor):
    client.force_login(editor)
    fresh = factories.ContentPageFactory(
        parent=Page.objects.get(slug="tietoa", locale__language_code="fi"),
        title="Uusi sivu",
        slug="uusi-sivu",
    )
    submit = reverse("wagtail_localize:submit_page_translation", args=(fresh.pk,))
    response = client.get(submit)
    assert response.status_code == 200
    screens = {submit: _visible_text(response.content.decode())}
    sv = Locale.objects.get(language_code="sv")
    response = client.post(submit, {"locales": [sv.pk]})
    assert response.status_code == 302
    swedish = fresh.get_translation(sv)
    assert not swedish.live  # a new translation is a draft: it goes live through the workflow
    for url in (
        reverse("wagtailadmin_pages:edit", args=(swedish.pk,)),
        reverse("wagtailadmin_pages:edit", args=(_story("sv").pk,)),
        f"/admin/pages/{swedish.get_parent().pk}/",
        reverse(
            "wagtail_localize:update_translations",
            args=(
                Translation.objects.get(source__object_id=fresh.translation_key, target_locale=sv).source_id,
            ),
        ),
        "/admin/account/",
        "/admin/pages/",
        "/admin/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        screens[url] = _visible_text(response.content.decode())
    # The page list and the dashboard show the English demo's titles: phrases only there.
    english = {url: _english(text, "localize" in url or "edit" in url) for url, text in screens.items()}
    english = {url: found for url, found in english.items() if found}
    assert not english


def test_the_translation_editors_javascript_speaks_finnish(client, editor):
    """wagtail-localize's editor is a script: every string it shows has a Finnish translation in its catalogue."""
    from pathlib import Path

    import wagtail_localize

    script = (
        Path(wagtail_localize.__file__).parent / "static/wagtail_localize/js/wagtail-localize.js"
    ).read_text()
    msgids = {json.loads(f'"{m}"') for m in re.findall(r'\b\w{1,3}\(\)\("((?:[^"\\]|\\.)*)"', script)}
    assert "Publish in " in msgids and len(msgids) > 40
    client.force_login(editor)
    catalogue = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    data = json.loads(re.search(r"const newcatalog = (\{.*?\});", catalogue, re.S).group(1))
    missing = sorted(msgid for msgid in msgids if not data.get(msgid))
    assert not missing
