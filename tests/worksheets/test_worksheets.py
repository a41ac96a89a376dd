"""The committed work templates are the ones the generator makes from the demo tools' current texts, and they
carry the Finnish text a printer needs."""

import re
import zlib

from tests.worksheets.build import build_all, worksheet_pdf
from toolkit.demo import worksheets
from toolkit.demo.tools import TOOLS


def page_text(pdf: bytes) -> bytes:
    """The page's drawn text, from fpdf2's compressed content streams, in the font's Windows-1252 bytes."""
    streams = re.findall(rb"stream\n(.*?)\nendstream", pdf, re.DOTALL)
    return b"".join(zlib.decompress(stream) for stream in streams if stream[:1] == b"x")


def test_every_demo_tool_has_its_committed_work_template_up_to_date():
    expected = build_all()
    assert len(expected) == len(TOOLS)
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
