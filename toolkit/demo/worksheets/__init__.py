"""The demo tools' printable work templates (työpohjat): one committed PDF per tool and language in this folder.

The PDFs are made with fpdf2 by tests/worksheets (a development tool, `make worksheets`) from the texts below,
so that building the demo site needs no PDF library; docs/demo-content.md says why. The Swedish and English
ones take the tool's text from the demo's catalogues (`<app>/demo/translations/{sv,en}.po`, the same text as
the translated tool page) and the worksheet's own words (headings, the question cards, the footer) from
`{sv,en}.po` in this folder. The demo build attaches each language's PDF to the tool page in that language.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import polib
from django.utils.text import slugify

DIRECTORY = Path(__file__).parent
LANGUAGES = ("fi", "sv", "en")


@cache
def _catalogue(language: str) -> dict[str, str]:
    from valoa.demo.translations import memory

    own = polib.pofile(str(DIRECTORY / f"{language}.po"))
    found = {entry.msgid: entry.msgstr for entry in own if entry.msgstr and "fuzzy" not in entry.flags}
    return {**memory(language), **found}


def translator(language: str) -> Callable[[str], str]:
    """Finnish demo text → the language's (Finnish as is); a text without a translation is an error, not a
    Finnish line in a Swedish PDF."""
    if language == "fi":
        return lambda text: text
    catalogue = _catalogue(language)
    return lambda text: catalogue[text]


def filename(tool: dict, language: str = "fi") -> str:
    t = translator(language)
    return f"{t('tyopohja')}-{slugify(t(tool['slug']))}.pdf"


def title(tool: dict, language: str = "fi") -> str:
    return translator(language)(tool["title"])


def document_title(tool: dict, language: str = "fi") -> str:
    """The document's title in the admin and, on the tool page, its link text."""
    return translator(language)("Työpohja: %(title)s") % {"title": title(tool, language)}


def footer(language: str = "fi") -> str:
    return translator(language)("VALOA – työpohja")


def sections(tool: dict, language: str = "fi") -> list[tuple[str, list[str]]]:
    """A tool's work template as (heading, lines) pairs: what it is, its steps, its question cards, next steps."""
    t = translator(language)
    # "Työvaihe" for a method's step: "vaihe" is a phase of the VALOA journey.
    parts = [
        (t("Mikä tämä on?"), [t(tool["what"])]),
        *[
            (t("%(n)s. työvaihe (%(minutes)s min)") % {"n": n, "minutes": minutes}, [t(text)])
            for n, (text, minutes, _grouping) in enumerate(tool["steps"], 1)
        ],
    ]
    if tool.get("questions"):
        # The question cards the material list promises: one per line, to cut out or read aloud.
        parts.append((t("Kysymyskortit"), [f"– {t(question)}" for question in tool["questions"]]))
    parts.append(
        (t("Sovitut seuraavat askeleet"), [t("Mitä tehdään, kuka vastaa ja milloin asiaan palataan?")])
    )
    return parts
