"""The toolkit's part of the benchmark content: many tools, and team spaces (docs/performance.md)."""

from __future__ import annotations

import uuid

from toolkit import services
from toolkit.models import TeamSpace, ToolIndexPage, ToolPage, WorkbookAnswer, WorkbookSession
from valoa.bench import text
from valoa.bench.context import BenchContext
from valoa.bench.scenarios import Scenario
from valoa.bench.tree import bulk_add_children, index_pages
from valoa.models import Phase

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
    created = TeamSpace.objects.bulk_create([TeamSpace(name=f"Tiimi {i}") for i in range(spaces)])
    # Every space has had two workbook sessions; the first is fully answered, the second half-way.
    questions = [question.key for question in services.workbook_get().questions]
    sessions = WorkbookSession.objects.bulk_create(
        [WorkbookSession(space=space, number=number) for space in created for number in (1, 2)]
    )
    answers = [
        WorkbookAnswer(session=session, question_key=key, text=text.paragraph_text(rng, 2))
        for session in sessions
        for key in (questions if session.number == 1 else questions[: len(questions) // 2])
    ]
    WorkbookAnswer.objects.bulk_create(answers, batch_size=2000)
    ctx.log(
        f"  työkalut: {tools}, tiimien työtilat: {spaces}, työkirjakertoja: {len(sessions)}, vastauksia: {len(answers)}"
    )


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


def _finder_filtered_url(ctx) -> str:
    phase = Phase.objects.order_by("sort_order").first()
    return f"{ToolIndexPage.objects.get().get_url()}?phase={phase.slug}&time=60&format=eta"


def _workbook_session_url(ctx) -> str:
    session = WorkbookSession.objects.filter(number=2).select_related("space").order_by("pk").first()
    return f"/tiimi/{session.space.token}/tyokirja/2/"


SCENARIOS = [
    Scenario("Aloita", lambda ctx: "/aloita/"),
    Scenario("Työkalut (hakemisto)", lambda ctx: ToolIndexPage.objects.get().get_url()),
    Scenario("Työkalut, 3 suodatinta", _finder_filtered_url),
    Scenario("Työkalu", _tool_url),
    # Team pages are never cached: measured uncached only.
    Scenario("Työkirjan kerta (tiimi)", _workbook_session_url, cacheable=False),
]
