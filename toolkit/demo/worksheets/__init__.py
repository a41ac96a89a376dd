"""The demo tools' printable work templates (työpohjat): one committed PDF per tool in this folder.

The PDFs are made with fpdf2 by tests/worksheets (a development tool, `make worksheets`) from the texts below,
so that building the demo site needs no PDF library; docs/demo-content.md says why.
"""

from __future__ import annotations

from pathlib import Path

from django.utils.text import slugify

DIRECTORY = Path(__file__).parent


def filename(tool: dict) -> str:
    return f"tyopohja-{slugify(tool['slug'])}.pdf"


def sections(tool: dict) -> list[tuple[str, list[str]]]:
    """A tool's work template as (heading, lines) pairs: what it is, its steps, its question cards, next steps."""
    # "Työvaihe" for a method's step: "vaihe" is a phase of the VALOA journey.
    parts = [
        ("Mikä tämä on?", [tool["what"]]),
        *[
            (f"{n}. työvaihe ({minutes} min)", [text])
            for n, (text, minutes, _grouping) in enumerate(tool["steps"], 1)
        ],
    ]
    if tool.get("questions"):
        # The question cards the material list promises: one per line, to cut out or read aloud.
        parts.append(("Kysymyskortit", [f"– {question}" for question in tool["questions"]]))
    parts.append(("Sovitut seuraavat askeleet", ["Mitä tehdään, kuka vastaa ja milloin asiaan palataan?"]))
    return parts
