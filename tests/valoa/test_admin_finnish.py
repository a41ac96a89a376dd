"""The admin in Finnish: the project's own catalogue (locale/fi) fills Wagtail 8's gaps an editor meets."""

import ast
import gettext
import html
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Page

from tests import factories

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale" / "fi" / "LC_MESSAGES"

# English that editors met in the Finnish admin (issue 18), and Wagtail's broken Finnish.
KNOWN_ENGLISH = [
    "Autosave is paused",
    "Autosave is",
    "Go to the first error",
    "Search all pages",
    "Date updated",
    "Edited by",
    "Changes requested",
    "Task submitted by",
    "Once live anyone can view",
    "Preview cannot display",
    "Correct the validation errors",
    "The page could not be created",
    "Only pages of type",
    "Only the following page types",
    "Show keyboard shortcuts",
    "Keyboard shortcuts are currently",
    "Close dialog",
    "Add or show comments",
    "Content metrics",
    "Toggle preview",
    "Has child pages",
    "More options for",
    "Unpublish selected pages",
    "To be created by",
    "Schedule to publish",
    "Moderators approval",
    "SIvut tyyppiä",
    "Tarkastatettavana",
]


def _po_entries(path: Path):
    """(msgctxt, msgid, msgid_plural, [msgstr…]) of a .po file: enough of the format for our own files."""
    entries, current, key = [], {}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if current.get("msgid"):
                strs = [current[k] for k in sorted(current) if k.startswith("msgstr")]
                entries.append((current.get("msgctxt"), current["msgid"], current.get("msgid_plural"), strs))
            current, key = {}, None
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[key] += ast.literal_eval(line)
        else:
            key, _space, value = line.partition(" ")
            current[key] = ast.literal_eval(value)
    return entries


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_catalogues_are_current(domain):
    """The .mo files are committed (CI needs no gettext): each must say what its .po says."""
    with (LOCALE / f"{domain}.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    entries = _po_entries(LOCALE / f"{domain}.po")
    assert entries
    for context, msgid, plural, strs in entries:
        if plural:
            assert [compiled.ngettext(msgid, plural, n) for n in (1, 2)] == strs, msgid
        elif context:
            assert compiled.pgettext(context, msgid) == strs[0], msgid
        else:
            assert compiled.gettext(msgid) == strs[0], msgid


@pytest.fixture
def editor_client(client, demo_site):
    editor = factories.UserFactory(username="kielitoimittaja")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client


def _visible_text(body: str) -> str:
    body = re.sub(r"(?s)<script.*?</script>|<style.*?</style>|<template.*?</template>", " ", body)
    attributes = re.findall(r'(?:title|aria-label|placeholder|data-w-tooltip-content-value)="([^"]*)"', body)
    return html.unescape(" ".join([re.sub(r"<[^>]+>", " ", body), *attributes]))


def _editor_urls() -> list[str]:
    urls = ["/admin/", "/admin/pages/", "/admin/snippets/", "/admin/images/", "/admin/documents/"]
    urls.append("/admin/pages/search/?q=tiimi")
    seen = set()
    for page in Page.objects.filter(depth__gte=2).specific().order_by("path"):
        page_type = type(page)
        if page_type in seen:
            continue
        seen.add(page_type)
        parent = page.get_parent()
        meta = page_type._meta
        urls += [
            f"/admin/pages/{page.pk}/edit/",
            f"/admin/pages/{page.pk}/",
            f"/admin/pages/{page.pk}/history/",
            f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/",
        ]
    return urls


def test_admin_pages_an_editor_uses_speak_finnish(editor_client):
    urls = _editor_urls()
    assert len(urls) > 20  # every page type's edit and add form
    english = {}
    for url in urls:
        response = editor_client.get(url)
        if response.status_code in (302, 403):
            continue  # a page the editor may not open: Wagtail sends them back
        assert response.status_code == 200, url
        text = _visible_text(response.content.decode())
        found = [phrase for phrase in KNOWN_ENGLISH if phrase in text]
        if found:
            english[url] = found
    assert not english


def test_a_refused_create_form_explains_itself_in_finnish(editor_client, demo_site):
    from toolkit.models import ToolIndexPage

    index = ToolIndexPage.objects.get()
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    data = nested_form_data(
        {
            "title": "",
            "slug": "",
            "duration_minutes": "",
            "what": rich_text(""),
            "when": rich_text(""),
            "when_not": rich_text(""),
            "tip": rich_text(""),
            "steps": streamfield([]),
            **dict.fromkeys(("materials", "strengths", "weaknesses"), ""),
            **{name: inline_formset([]) for name in ("work_templates", "related_tools", "comments")},
            "action-publish": "action-publish",
        }
    )
    response = editor_client.post(f"/admin/pages/add/toolkit/toolpage/{index.pk}/", data)
    text = _visible_text(response.content.decode())
    assert "Sivua ei voitu luoda, koska lomakkeessa on virheitä." in text
    assert not [phrase for phrase in KNOWN_ENGLISH if phrase in text]


def test_admin_javascript_catalogue_fills_wagtails_gaps(editor_client):
    catalogue = editor_client.get("/admin/jsi18n/").content.decode()
    assert "Tallennetaan automaattisesti" in catalogue


def test_toolkit_pages_go_through_a_finnish_named_workflow(demo_site):
    from toolkit.models import AssessmentPage, ToolPage, WorkbookPage

    for model in (ToolPage, WorkbookPage, AssessmentPage):
        workflow = model.objects.first().get_workflow()
        assert workflow.name == "Työkalujen tarkastus", model
        assert [task.name for task in workflow.tasks] == ["Moderaattorin hyväksyntä"]
    # Wagtail's default on the root (home and content pages) is renamed too.
    default = demo_site.get_workflow()
    assert default.name == "Sivuston sisällön tarkastus"
    assert [task.name for task in default.tasks] == ["Sisällön hyväksyntä"]


def test_the_editor_reads_the_moderators_requested_changes_on_the_form(client, demo_site):
    from django.urls import reverse
    from wagtail.models import WorkflowState

    from toolkit.models import ToolPage

    editor = factories.UserFactory(username="muokkaaja")
    editor.groups.add(Group.objects.get(name="Editors"))
    moderator = factories.UserFactory(username="tarkastaja", first_name="Mikko", last_name="Moderaattori")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    tool = ToolPage.objects.get(slug="kokeilukortti")
    revision = tool.save_revision(user=editor)
    tool.get_workflow().start(tool, editor)
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(tool.pk))
    assert revision.pk
    client.force_login(moderator)
    reject = reverse(
        "wagtailadmin_pages:workflow_action", args=(tool.pk, "reject", state.current_task_state.pk)
    )
    client.post(reject, {"comment": "Lisää esimerkki kokeilun mittarista."})
    client.force_login(editor)
    text = _visible_text(client.get(f"/admin/pages/{tool.pk}/edit/").content.decode())
    assert "Mikko Moderaattori pyysi muutoksia vaiheessa ”Moderaattorin hyväksyntä”" in text
    assert "Lisää esimerkki kokeilun mittarista." in text


def test_new_pages_get_plain_ascii_slugs_and_no_autosave(editor_client, demo_site):
    from toolkit.models import ToolIndexPage, ToolPage

    index = ToolIndexPage.objects.get()
    tool = ToolPage(
        title="Testityökalu Åland", duration_minutes=10, what="<p>Mikä.</p>", when="<p>Milloin.</p>"
    )
    index.add_child(instance=tool)
    assert tool.slug == "testityokalu-aland"
    html = editor_client.get(f"/admin/pages/add/toolkit/toolpage/{index.pk}/").content.decode()
    # The admin's own slug field transliterates as it types: the unicode switch (a bare attribute when on) is off.
    assert 'data-controller="w-slug"' in html and "data-w-slug-allow-unicode-value" not in html
    # An abandoned add form does not become a draft page.
    assert "data-w-autosave-interval-value" not in html


def test_image_forms_say_the_description_is_the_alt_text(editor_client, demo_site):
    from wagtail.images import get_image_model

    html = _visible_text(editor_client.get("/admin/images/add/").content.decode())
    assert "kuvaus (vaihtoehtoinen teksti)" in html.lower()
    assert "Ruudunlukija lukee kuvauksen sivulla kuvan sijasta." in html
    image = get_image_model().objects.first()
    if image is not None:
        edit = _visible_text(editor_client.get(f"/admin/images/{image.pk}/").content.decode())
        assert "Ruudunlukija lukee kuvauksen" in edit
    tool = Page.objects.filter(slug="kokeilukortti").first()
    promote = _visible_text(editor_client.get(f"/admin/pages/{tool.pk}/edit/").content.decode())
    assert "tarkista, että kuvalla on kuvaus" in promote


def test_the_named_workflows_come_with_the_migrations(db):
    """The workflows are made by a data migration (valoa 0004), not by the demo: the demo only puts them on its
    sections, so a site built without the demo offers the same Finnish-named workflows."""
    from wagtail.models import Workflow

    names = {workflow.name: [task.name for task in workflow.tasks] for workflow in Workflow.objects.all()}
    assert names == {
        "Sivuston sisällön tarkastus": ["Sisällön hyväksyntä"],
        "Työkalujen tarkastus": ["Moderaattorin hyväksyntä"],
        "Innostun moderointi": ["Moderaattorin hyväksyntä"],
    }
