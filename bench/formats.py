"""Cost of each reader: the same prose as plain text, Markdown, HTML, Word and PDF.

    python bench/formats.py            # about 300 kB of prose (pydoc topics), all rules, one process
    python bench/formats.py --kb 100

For each format: the time to read the file into a Document (the reader alone) and
to lint it with every rule, per MB of prose (the plain text's size), best of three.
Word and PDF files are built with python-docx and fpdf2 (the test extra). Not a
test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import html
import io
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "formats"))

from realprose import pydoc_topics  # noqa: E402


def prose(kb: int) -> list[str]:
    """Paragraphs of real prose, about ``kb`` kilobytes."""
    out: list[str] = []
    size = 0
    for _, text, _ in pydoc_topics():
        for paragraph in text.split("\n\n"):
            paragraph = " ".join(paragraph.split())
            if len(paragraph) > 80 and paragraph[0].isalpha():
                out.append(paragraph)
                size += len(paragraph) + 2
                if size >= kb * 1024:
                    return out
    return out


def build(paragraphs: list[str]) -> dict[str, tuple[str, bytes]]:
    import docx
    import make
    from fpdf import FPDF

    text = "\n\n".join(paragraphs) + "\n"
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    pdf = FPDF()
    pdf.add_font("body", fname=make.FONT)
    pdf.set_font("body", size=10)
    pdf.add_page()
    for paragraph in paragraphs:
        pdf.multi_cell(0, 5, paragraph)
        pdf.ln(3)
    return {
        "text": ("doc.txt", text.encode()),
        "markdown": ("doc.md", text.encode()),
        "html": ("doc.html", f"<!DOCTYPE html>\n<html><body>\n{body}\n</body></html>\n".encode()),
        "docx": ("doc.docx", buffer.getvalue()),
        "pdf": ("doc.pdf", bytes(pdf.output())),
    }


def best(function, repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs, in seconds; every run reads its Word or PDF file afresh."""
    from checker import readers

    times = []
    for _ in range(repeat):
        readers._BINARY_MEMO.clear()  # the reader keeps what it parsed for the run's formatters
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=int, default=300)
    args = parser.parse_args(argv)
    from checker.readers import read_document
    from checker.testing import lint_sources

    paragraphs = prose(args.kb)
    files = build(paragraphs)
    megabytes = len(files["text"][1]) / 1e6
    lint_sources({"warm.txt": files["text"][1]})  # load word lists and patterns once
    print(f"{megabytes * 1000:.0f} kB of prose, {len(paragraphs)} paragraphs")
    print(f"{'format':<9} {'file kB':>8} {'read s/MB':>10} {'lint s/MB':>10} {'vs text':>8}")
    base = None
    for name, (path, data) in files.items():
        read = best(lambda path=path, data=data: read_document(path, data)) / megabytes
        lint = best(lambda path=path, data=data: lint_sources({path: data})) / megabytes
        base = base or lint
        print(f"{name:<9} {len(data) / 1000:>8.0f} {read:>10.2f} {lint:>10.2f} {lint / base:>7.2f}x")
    pages = files["pdf"][1].count(b"/Type /Page\n") or files["pdf"][1].count(b"/Type /Page")
    pdf_read = best(lambda: read_document("doc.pdf", files["pdf"][1]), 1)
    print(f"PDF: {pages} pages, text layer extracted in {pdf_read:.2f} s ({pdf_read / max(pages, 1) * 1000:.0f} ms per page)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
