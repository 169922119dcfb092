"""Build the seed documents in each format (HTML, Word, PDF) for the format tests.

The seeds are plain text with paragraphs separated by blank lines; each
paragraph becomes an HTML ``<p>``, a Word paragraph or a block of PDF lines.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ("seeds/002_e270d6855d8f2230.txt", "seeds/004_c8cbabc9fea894ab.txt")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def paragraphs(text: str) -> list[str]:
    """The seed's paragraphs (blank-line separated), each on one line."""
    return [" ".join(p.split("\n")) for p in re.split(r"\n[ \t]*\n", text.strip("\n")) if p.strip()]


def as_html(text: str) -> bytes:
    body = "\n\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs(text))
    return f"<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Seed</title></head>\n<body>\n{body}\n</body>\n</html>\n".encode()


def as_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs(text):
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_pdf(text: str, font: str = FONT) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("body", fname=font)
    pdf.set_font("body", size=10)
    pdf.add_page()
    for paragraph in paragraphs(text):
        pdf.multi_cell(0, 5, paragraph)
        pdf.ln(5)
    return bytes(pdf.output())
