"""fpdf2 draws the demo tools' work templates (see tests/worksheets/__init__.py)."""

from __future__ import annotations

import datetime
from pathlib import Path

from fpdf import FPDF

from toolkit.demo import worksheets
from toolkit.demo.tools import TOOLS

MARGIN = 56  # points; A4 is 595 × 842
# A fixed date keeps the output the same from run to run, so that the committed files can be compared.
CREATED = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


class Worksheet(FPDF):
    footer_text = "VALOA – työpohja"

    def footer(self) -> None:
        self.set_y(-MARGIN + 12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 10, self.footer_text)

    def file_id(self):
        return None  # no /ID: fpdf2 would derive it from the time of the run


def worksheet_pdf(
    title: str, sections: list[tuple[str, list[str]]], *, language: str = "fi", writing_lines: int = 2
) -> bytes:
    """A printable worksheet: `title`, then per section a heading, its text and ruled lines to write on."""
    pdf = Worksheet(unit="pt", format="A4")
    pdf.footer_text = worksheets.footer(language)
    # Helvetica is one of PDF's base fonts (nothing embedded); windows-1252 covers Finnish, Swedish and the
    # – mark.
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    pdf.set_title(title)
    pdf.set_lang(language)
    pdf.set_creator("VALOA")
    pdf.set_creation_date(CREATED)
    pdf.add_page()
    width = pdf.epw

    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(width, 24, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_draw_color(150)
    for heading, lines in sections:
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(width, 17, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        for line in lines:
            pdf.multi_cell(width, 14, line, new_x="LMARGIN", new_y="NEXT")
        for _ in range(writing_lines):
            pdf.ln(14)
            pdf.line(MARGIN, pdf.get_y(), pdf.w - MARGIN, pdf.get_y())
        pdf.ln(6)
    return bytes(pdf.output())


def build_all(directory: Path = worksheets.DIRECTORY) -> dict[Path, bytes]:
    """Each demo tool's work template in each language, by the path the demo build reads it from."""
    return {
        directory / worksheets.filename(tool, language): worksheet_pdf(
            worksheets.title(tool, language), worksheets.sections(tool, language), language=language
        )
        for language in worksheets.LANGUAGES
        for tool in TOOLS
    }
