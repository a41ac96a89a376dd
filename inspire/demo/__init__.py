"""Innostu's part of the demo site: organisations, stories with drawn hero images, and the moderation workflow.

The organisations and their stories are fictional.
"""

from __future__ import annotations

from inspire.demo.images import ensure_image
from inspire.demo.stories import ORGANISATIONS, STORIES
from inspire.demo.users import ensure_demo_users
from inspire.models import InspireIndexPage, Organisation, StoryKind, StoryPage, StoryToolLink
from inspire.moderation import ensure_story_workflow
from toolkit.models import ToolPage
from valoa.demo.context import DemoContext
from valoa.demo.tree import ensure_page, paragraph, quote

KINDS = {"case": StoryKind.CASE_STUDY, "experiment": StoryKind.EXPERIMENT, "insight": StoryKind.INSIGHT}


def section(kind: str, *content) -> tuple[str, dict]:
    return ("section", {"kind": kind, "custom_heading": "", "content": list(content)})


def build(demo: DemoContext) -> None:
    orgs = {
        short: _ensure_organisation(name, short, website, former)
        for name, short, website, former in ORGANISATIONS
    }
    welcome = demo.pages.get("welcome")
    index = ensure_page(
        demo.home,
        InspireIndexPage,
        slug="innostu",
        title="Innostu",
        show_in_menus=True,
        intro="Tapausesimerkkejä, kokeiluja ja oivalluksia valtion työyhteisöistä. Lukekaa, lainatkaa ja kokeilkaa.",
        search_description="Esimerkkejä ja kokeiluja valmentavasta ja oppivasta työkulttuurista valtiolla.",
        body=(
            [
                paragraph(
                    "<p>Miksi sivusto on tehty ja miten sitä käytetään? Lue julkaisutiedote "
                    f'<a linktype="page" id="{welcome.pk}">Tervetuloa VALOA-matkalle</a>.</p>'
                )
            ]
            if welcome
            else []
        ),
    )
    demo.pages["inspire_index"] = index
    tools = (
        {tool.slug: tool for tool in ToolPage.objects.child_of(demo.pages["tool_index"])}
        if "tool_index" in demo.pages
        else {}
    )
    for story in STORIES:
        demo.pages[f"story:{story['slug']}"] = _ensure_story(demo, index, story, orgs, tools)
    ensure_story_workflow(index=index)
    ensure_demo_users(log=demo.log)


def _ensure_organisation(name: str, short: str, website: str, former_names: list[str]) -> Organisation:
    """One organisation, found by its name or a name an earlier demo gave it (renamed then, not duplicated)."""
    organisation = (
        Organisation.objects.filter(name=name).first()
        or Organisation.objects.filter(name__in=former_names).order_by("pk").first()
        or Organisation(name=name)
    )
    organisation.name, organisation.short_name, organisation.website = name, short, website
    organisation.save()
    return organisation


def _ensure_story(demo, index, story, orgs, tools):
    existing = index.get_children().filter(slug=story["slug"]).first()
    if existing is not None:
        # A database loaded before stories carried the flag: mark the demo's own story, keep everything else.
        StoryPage.objects.filter(pk=existing.pk, is_example=False).update(is_example=True)
        return StoryPage.objects.get(pk=existing.pk)
    motif, alt = story["image"]
    image = ensure_image(title=f"Innostu: {story['title']}", motif=motif, alt=alt, slug=story["slug"])
    body = [section(kind, paragraph(html)) for kind, html in story.get("sections", [])]
    body += [paragraph(html) for html in story.get("paragraphs", [])]
    if story.get("quote"):
        body.append(quote(*story["quote"]))
    fields = {
        "kind": KINDS[story["kind"]],
        "is_example": True,
        "title": story["title"],
        "intro": story["intro"],
        "story_date": story["date"],
        "organisation": orgs[story["org"]],
        "period": story["period"],
        "hero_image": image,
        # The alt text on the story, a text wagtail-localize translates with it (docs/languages.md, "Images").
        "hero_image_alt": alt,
        "body": body,
        "story_tool_links": [
            StoryToolLink(tool=tools[slug], note=note, sort_order=order)
            for order, (slug, note) in enumerate(story["tools"])
            if slug in tools
        ],
    }
    if story["kind"] == "experiment":
        fields.update(story["experiment"])
    return ensure_page(
        index,
        StoryPage,
        slug=story["slug"],
        m2m={
            "phases": [demo.phases[s] for s in story["phases"]],
            "themes": [demo.themes[s] for s in story["themes"]],
        },
        **fields,
    )
