"""The language server's latency: server time to re-check a ~20-page document after a keystroke.

Runs the server's own code path in-process, without the protocol: a workspace
in a temporary directory holds one long Markdown document (real prose: TAT-QA
annual-report paragraphs when ../shared/corpora is present, else Python's help
topics) and ``--others`` shorter documents around it. The long document is
opened, then typed into: one character at a time in the middle of a
paragraph. Each keystroke is what the server does once the debounce expires:
rebuild the document's fact sheet (pass 1), rerun pass 2 over the workspace,
and turn the changed diagnostics into LSP diagnostics.

    python bench/lsp.py                    # 20 pages, 40 other documents, 60 keystrokes
    python bench/lsp.py --pages 40 --others 200
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from realprose import documents  # noqa: E402

WORDS_PER_PAGE = 500


def long_document(pages: int) -> str:
    """Paragraphs of real prose under headings, about ``pages`` pages of ``WORDS_PER_PAGE`` words."""
    texts = [text for _, text, _ in documents(("tatqa",)) if text.strip()] or [text for _, text, _ in documents(("pydoc",)) if text.strip()]
    out, words, section = [], 0, 0
    for text in texts:
        if words >= pages * WORDS_PER_PAGE:
            break
        if words // 1500 >= section:
            section += 1
            out.append(f"## Section {section}\n")
        for paragraph in text.split("\n\n"):
            paragraph = " ".join(paragraph.split())
            if paragraph:
                out.append(paragraph + "\n")
                words += len(paragraph.split())
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--others", type=int, default=40, help="other documents in the workspace (the corpus)")
    parser.add_argument("--keystrokes", type=int, default=60)
    args = parser.parse_args(argv)

    from checker.lsp.convert import Converter
    from checker.lsp.corpus import Corpus
    from checker.lsp.positions import utf16_units

    text = long_document(args.pages)
    others = [t for _, t, _ in documents(("tatqa", "pydoc")) if t.strip()][: args.others]
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        (root / "factlint.toml").write_text("", encoding="utf-8")
        (root / "report.md").write_text(text, encoding="utf-8")
        for index, other in enumerate(others):
            (root / f"other-{index:04d}.md").write_text(other, encoding="utf-8")
        os.chdir(root)
        started = time.perf_counter()
        corpus = Corpus(root)
        corpus.load()
        corpus.check()
        load = time.perf_counter() - started
        convert = Converter(corpus, utf16_units)
        corpus.set_text("report.md", text, 1)
        corpus.check()

        middle = text.index("\n", len(text) // 2) - 1  # the end of a paragraph half-way through
        typed = "and revenue grew "
        pass_one, pass_two, publish, total, cpu = [], [], [], [], []
        for stroke in range(args.keystrokes):
            char = typed[stroke % len(typed)]
            text = text[:middle] + char + text[middle:]
            middle += 1
            c0 = time.process_time()
            t0 = time.perf_counter()
            corpus.set_text("report.md", text, stroke + 2)
            t1 = time.perf_counter()
            outcome = corpus.check()
            t2 = time.perf_counter()
            for diagnostics in outcome.changed.values():
                [convert.diagnostic(d) for d in diagnostics]
            t3 = time.perf_counter()
            cpu.append(time.process_time() - c0)
            pass_one.append(t1 - t0)
            pass_two.append(t2 - t1)
            publish.append(t3 - t2)
            total.append(t3 - t0)
        os.chdir(HERE)

    def ms(values: list[float], q: float | None = None) -> str:
        value = statistics.median(values) if q is None else sorted(values)[min(len(values) - 1, int(q * len(values)))]
        return f"{value * 1000:.1f}"

    words = len(text.split())
    print(f"workspace: report.md ({words} words, {len(text) // 1000} kB, ~{words // WORDS_PER_PAGE} pages) + {len(others)} other documents; load {load:.2f} s")
    print(f"per keystroke, ms   median   p90   max  (over {args.keystrokes} keystrokes)")
    rows = (("pass 1 (the document)", pass_one), ("pass 2 (the workspace)", pass_two), ("LSP diagnostics", publish), ("total", total))
    for name, values in (*rows, ("total, CPU time", cpu)):
        print(f"  {name:24} {ms(values):>6} {ms(values, 0.9):>6} {max(values) * 1000:>6.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
