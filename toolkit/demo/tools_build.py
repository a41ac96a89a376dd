"""Turn the demo tools (toolkit/demo/tools.py) into ToolPages with steps, materials and a work template (a committed
PDF from toolkit/demo/worksheets/)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText
from wagtail.utils.file import hash_filelike

from toolkit.demo import worksheets
from toolkit.demo.tools import TOOLS
from toolkit.models import ToolIndexPage, ToolPage, ToolPageRelatedTool, ToolPageWorkTemplate
from valoa.demo.context import DemoContext
from valoa.demo.tree import ensure_page

FORMAT_FIELDS = {"lahi": "format_in_person", "eta": "format_remote", "hybridi": "format_hybrid"}


def build_tools(demo: DemoContext, index: ToolIndexPage) -> None:
    created: list[tuple[ToolPage, dict]] = []
    for tool in TOOLS:
        existed = index.get_children().filter(slug=tool["slug"]).exists()
        page = ensure_page(index, ToolPage, slug=tool["slug"], **_tool_fields(tool, demo))
        demo.pages[f"tool:{tool['slug']}"] = page
        if not existed:
            created.append((page, tool))
    # Related tools point at pages that may only exist after the first pass. Publishing every page a second
    # time would double the demo build; the rows go in directly and the live revision is brought in line,
    # so an editor who opens the page sees (and keeps) them.
    ToolPageRelatedTool.objects.bulk_create(
        ToolPageRelatedTool(page=page, tool=demo.pages[f"tool:{slug}"], sort_order=order)
        for page, tool in created
        for order, slug in enumerate(tool.get("related", []))
    )
    for page, _tool in created:
        fresh = ToolPage.objects.get(pk=page.pk)
        revision = fresh.latest_revision
        revision.content = fresh.serializable_data()
        revision.save(update_fields=["content"])


def _tool_fields(tool: dict, demo: DemoContext) -> dict:
    group_min, group_max = tool["group"]
    return {
        "title": tool["title"],
        "intro": tool["intro"],
        "search_description": tool["intro"],
        "duration_minutes": tool["duration"],
        "preparation_minutes": tool["preparation"],
        "group_size_min": group_min,
        "group_size_max": group_max,
        **{field: code in tool["formats"] for code, field in FORMAT_FIELDS.items()},
        "what": f"<p>{tool['what']}</p>",
        "when": f"<p>{tool['when']}</p>",
        "when_not": f"<p>{tool['when_not']}</p>",
        "tip": f"<p>{tool['tip']}</p>",
        "materials": "\n".join(tool["materials"]),
        "strengths": tool["strengths"],
        "weaknesses": tool["weaknesses"],
        "steps": [
            (
                "step",
                {"title": "", "text": RichText(f"<p>{text}</p>"), "minutes": minutes, "grouping": grouping},
            )
            for text, minutes, grouping in tool["steps"]
        ],
        "work_templates": [ToolPageWorkTemplate(document=_work_template(tool), sort_order=0)],
        "m2m": {
            "phases": [demo.phases[s] for s in tool["phases"]],
            "themes": [demo.themes[s] for s in tool["themes"]],
        },
    }


def _work_template(tool: dict, language: str = "fi"):
    """The tool's printable work template in `language` as a Wagtail document; found by title on a second run."""
    Document = get_document_model()
    title = worksheets.document_title(tool, language)
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    name = worksheets.filename(tool, language)
    pdf = (worksheets.DIRECTORY / name).read_bytes()
    document = Document(title=title)
    document.file.save(name, ContentFile(pdf), save=False)
    # Size and hash, as Wagtail's upload form records them (its duplicate check compares the hash).
    document.file_size = len(pdf)
    document.file_hash = hash_filelike(ContentFile(pdf))
    document.file.close()
    document.save()
    return document


def translation_overrides(instance, language: str) -> dict[str, object]:
    """A demo tool translated into `language` gets that language's work template in place of the Finnish one:
    wagtail-localize overrides of the template's document and language (valoa/demo/translations.py)."""
    if not isinstance(instance, ToolPage):
        return {}
    tool = next((tool for tool in TOOLS if tool["slug"] == instance.slug), None)
    if tool is None:
        return {}
    overrides = {}
    for template in instance.work_templates.select_related("document"):
        if template.document.title == worksheets.document_title(tool):  # the demo's own, not an editor's
            path = f"work_templates.{template.translation_key}"
            overrides[f"{path}.document"] = _work_template(tool, language).pk
            overrides[f"{path}.language"] = language
    return overrides
