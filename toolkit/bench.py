"""The toolkit's part of the benchmark content: many tools, and team spaces (docs/performance.md)."""

from __future__ import annotations

import uuid

from toolkit.models import TeamSpace, ToolIndexPage, ToolPage
from valoa.bench import text
from valoa.bench.context import BenchContext
from valoa.bench.scenarios import Scenario
from valoa.bench.tree import bulk_add_children, index_pages

TOOLS = 300
TEAM_SPACES = 200


def generate(ctx: BenchContext, scale: float) -> None:
    rng = ctx.rng
    index = ToolIndexPage.objects.get()
    tools = max(1, round(TOOLS * scale))
    rows = []
    for i in range(index.numchild, index.numchild + tools):
        rows.append(
            {
                "title": text.tool_title(rng, i),
                "intro": text.paragraph_text(rng, 2),
                "search_description": text.sentence(rng),
                "duration_minutes": rng.choice([15, 20, 30, 45, 60, 90, 120, 240]),
                "preparation_minutes": rng.choice([0, 10, 20]),
                "group_size_min": rng.choice([1, 2, 3]),
                "group_size_max": rng.choice([None, 8, 12, 20]),
                "format_in_person": True,
                "format_remote": rng.random() < 0.6,
                "format_hybrid": rng.random() < 0.4,
                "what": f"<p>{text.paragraph_text(rng, 2)}</p>",
                "when": f"<p>{text.paragraph_text(rng, 2)}</p>",
                "when_not": f"<p>{text.sentence(rng)}</p>",
                "tip": f"<p>{text.sentence(rng)}</p>",
                "materials": _items(rng, 2),
                "steps": _steps(rng),
                "strengths": _items(rng, 2),
                "weaknesses": _items(rng, 1),
                "phases": [p.pk for p in rng.sample(ctx.phases, k=rng.randint(1, 2))],
                "themes": [t.pk for t in rng.sample(ctx.themes, k=rng.randint(1, 3))],
            }
        )
    ids = bulk_add_children(index, ToolPage, rows, m2m={"phases": "phases", "themes": "themes"})
    index_pages(ToolPage, ids)
    spaces = max(1, round(TEAM_SPACES * scale))
    TeamSpace.objects.bulk_create([TeamSpace(name=f"Tiimi {i}") for i in range(spaces)])
    ctx.log(f"  työkalut: {tools}, tiimien työtilat: {spaces}")


def _block_id(rng) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _items(rng, n: int) -> list[dict]:
    """A ListStreamBlock value as Wagtail stores it."""
    return [{"type": "item", "value": {"text": text.sentence(rng)}, "id": _block_id(rng)} for _ in range(n)]


def _steps(rng) -> list[dict]:
    """A StepsStreamBlock value as Wagtail stores it."""
    return [
        {
            "type": "step",
            "value": {
                "title": text.sentence(rng)[:100],
                "text": f"<p>{text.paragraph_text(rng, 1)}</p>",
                "minutes": rng.choice([5, 10, 15]),
                "grouping": rng.choice(["alone", "pairs", "small_groups", "all"]),
            },
            "id": _block_id(rng),
        }
        for _ in range(rng.randint(3, 5))
    ]


def _tool_url(ctx) -> str:
    tools = ToolPage.objects.live().order_by("path")
    return tools[tools.count() // 2].get_url()


SCENARIOS = [
    Scenario("Aloita", lambda ctx: "/aloita/"),
    Scenario("Työkalut (hakemisto)", lambda ctx: ToolIndexPage.objects.get().get_url()),
    Scenario("Työkalu", _tool_url),
]
