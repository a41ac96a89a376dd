"""Helpers for the team-space tests: a workbook of a chosen size and a started session."""

from __future__ import annotations

from toolkit.models import WorkbookPage
from toolkit.team import services as team_services
from toolkit.workbook import services


def question(kind: str, key: str, text: str | None = None, **extra) -> dict:
    value = {"key": key, "question": text or f"Kysymys {key}?", "help_text": ""}
    if kind == "scale":
        value.update({"minimum_label": "Vähän", "maximum_label": "Paljon", "steps": 5})
    if kind == "choice":
        value.update({"choices": ["Palaverit", "Palaute", "Osaaminen"]})
    value.update(extra)
    return {"type": kind, "value": value}


def set_workbook(sections: list[tuple[str, list[dict]]]) -> WorkbookPage:
    """Replace the demo workbook's questions and publish them."""
    page = WorkbookPage.objects.get()
    raw = [{"type": "section", "value": {"title": t, "intro": "", "questions": qs}} for t, qs in sections]
    page.sections = WorkbookPage.sections.field.stream_block.to_python(raw)
    page.save_revision().publish()
    return page


def workbook_of_size(n: int) -> WorkbookPage:
    kinds = ["open", "list", "scale", "choice"]
    questions = [question(kinds[i % 4], f"q-{i}") for i in range(n)]
    third = max(1, n // 3)
    return set_workbook(
        [
            ("Ilmiöhahmotus", questions[:third]),
            ("Muutoshahmotus", questions[third : 2 * third]),
            ("Kokeilujen suunnittelu", questions[2 * third :]),
        ]
    )


def start_session(name: str = "Testitiimi"):
    space = team_services.team_space_create(name=name)
    return space, services.workbook_session_start(space=space)
