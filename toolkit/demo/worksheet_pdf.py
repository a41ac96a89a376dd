"""A tiny, dependency-free PDF writer for the demo's work templates (työpohjat).

One A4 page of text in Helvetica (a PDF base font, so nothing is embedded) with WinAnsiEncoding, which covers
Finnish (ä, ö, å). Enough for a printable worksheet: a title, headings, lines of text and ruled writing space.
"""

from __future__ import annotations

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56


def _pdf_text(text: str) -> str:
    encoded = text.encode("cp1252", errors="replace").decode("latin-1")
    return encoded.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def worksheet_pdf(title: str, sections: list[tuple[str, list[str]]], *, writing_lines: int = 3) -> bytes:
    """Return a one-page PDF: `title`, then per section a heading, its lines and ruled lines to write on."""
    ops: list[str] = []
    y = PAGE_HEIGHT - MARGIN

    def text(value: str, size: int, font: str = "F1") -> None:
        nonlocal y
        ops.append(f"BT /{font} {size} Tf {MARGIN} {y} Td ({_pdf_text(value)}) Tj ET")
        y -= int(size * 1.45)

    text(title, 18, "F2")
    y -= 6
    for heading, lines in sections:
        if y < MARGIN + 60:
            break
        y -= 4
        text(heading, 12, "F2")
        for line in lines:
            for part in textwrap.wrap(line, 88) or [""]:
                text(part, 10)
        for _ in range(writing_lines):
            y -= 14
            ops.append(f"0.6 G {MARGIN} {y} m {PAGE_WIDTH - MARGIN} {y} l S")
        y -= 6
    ops.append(f"BT /F1 8 Tf {MARGIN} {MARGIN - 24} Td ({_pdf_text('VALOA – työpohja')}) Tj ET")
    content = "\n".join(ops).encode("latin-1")

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        f"<< /Title ({_pdf_text(title)}) /Producer (VALOA) >>".encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        len(objects),
        xref,
    )
    return bytes(out)
