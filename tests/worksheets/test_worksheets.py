"""The committed work templates are the ones the generator makes from the demo tools' current texts, in Finnish,
Swedish and English, and they carry the text a printer needs in their own language."""

import re
import zlib

import pytest

from tests.worksheets.build import build_all, worksheet_pdf
from toolkit.demo import worksheets
from toolkit.demo.tools import TOOLS


def page_text(pdf: bytes) -> bytes:
    """The page's drawn text, from fpdf2's compressed content streams, in the font's Windows-1252 bytes."""
    streams = re.findall(rb"stream\n(.*?)\nendstream", pdf, re.DOTALL)
    return b"".join(zlib.decompress(stream) for stream in streams if stream[:1] == b"x")


def test_every_demo_tool_has_its_committed_work_template_up_to_date():
    expected = build_all()
    assert len(expected) == len(TOOLS) * len(worksheets.LANGUAGES)
    stale = [path.name for path, pdf in expected.items() if not path.exists() or path.read_bytes() != pdf]
    assert stale == [], f"Run `make worksheets` and commit the PDFs: {stale}"
    committed = {path.name for path in worksheets.DIRECTORY.glob("*.pdf")}
    assert committed == {path.name for path in expected}, "a committed PDF of a tool no longer in the demo"


def test_work_template_has_the_tools_title_steps_and_lines_in_finnish():
    tool = next(tool for tool in TOOLS if tool.get("questions"))
    pdf = worksheet_pdf(tool["title"], worksheets.sections(tool))
    assert pdf.startswith(b"%PDF-")
    assert b"/Lang (fi)" in pdf
    assert b"/Encoding /WinAnsiEncoding" in pdf
    text = page_text(pdf)
    assert tool["title"].encode("cp1252") in text
    assert "1. työvaihe".encode("cp1252") in text
    assert "Kysymyskortit".encode("cp1252") in text
    assert "VALOA – työpohja".encode("cp1252") in text  # the footer, en dash included
    # Two ruled lines to write on under each section, across the text width.
    ruled = re.findall(rb"56\.00 [\d.]+ m 539\.28 [\d.]+ l S", text)
    assert len(ruled) == 2 * len(worksheets.sections(tool))


@pytest.mark.parametrize(
    ("language", "step", "cards", "footer"),
    [
        ("sv", "Arbetsmoment 1", "Frågekort", "VALOA – arbetsmall"),
        ("en", "Step 1", "Question cards", "VALOA – worksheet"),
    ],
)
def test_work_template_in_swedish_and_english_has_the_translated_tool_and_no_finnish(
    language, step, cards, footer
):
    tool = next(tool for tool in TOOLS if tool.get("questions"))
    pdf = worksheet_pdf(
        worksheets.title(tool, language), worksheets.sections(tool, language), language=language
    )
    assert f"/Lang ({language})".encode() in pdf
    text = page_text(pdf)
    translated = worksheets.translator(language)
    assert translated(tool["title"]).encode("cp1252") in text
    assert " ".join(translated(tool["what"]).split()[:4]).encode("cp1252") in text  # the rest wraps
    assert translated(tool["questions"][0]).encode("cp1252") in text
    for words in (step, cards, footer):
        assert words.encode("cp1252") in text
    finnish = [
        tool["title"],
        " ".join(tool["what"].split()[:4]),
        "työvaihe",
        "Kysymyskortit",
        tool["questions"][0],
        "työpohja",
    ]
    assert [words for words in finnish if words.encode("cp1252") in text] == []
    assert worksheets.filename(tool, language) != worksheets.filename(tool)
