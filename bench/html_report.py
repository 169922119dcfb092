"""Benchmark the html report: its size and how long a browser takes to open it and apply a filter.

    python bench/html_report.py                      # 800 documents with planted defects
    python bench/html_report.py --documents 200
    python bench/html_report.py --screenshot docs/html-report.png   # the seeds' report, pictured

The documents are real prose (Python's pydoc topics, and TAT-QA paragraphs from
../shared/corpora when present), cut to a few kilobytes, each with three planted
defects (a Markdown escape, a doubled word, a percentage change that does not
match its figures). Opening is measured in headless Chromium (checker.headless):
from navigation to the load event, then one filter click. Not a test: figures
depend on the machine.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from realprose import documents  # noqa: E402

DEFECTS = (
    "Revenue rose to \\$24.6 million in the year.",
    "The board said the the plan was approved.",
    "Sales rose to $30 million from $20 million, an increase of {n}%.",
)


def build(directory: Path, count: int) -> None:
    sources = [text for _, text, fmt in documents(("tatqa", "pydoc")) if fmt == "text" and len(text) > 400]
    for index in range(count):
        body = sources[index % len(sources)][:2500]
        cut = body.rfind("\n\n", 0, 1200)
        planted = "\n\n".join(line.format(n=20 + index % 50) for line in DEFECTS)
        text = body[:cut] + "\n\n" + planted + "\n\n" + body[cut:] if cut > 0 else planted + "\n\n" + body
        (directory / f"doc{index:04d}.md").write_text(f"# Document {index}\n\n{text}\n", encoding="utf-8")


def report(project: Path, target: Path, paths: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "checker", "-f", "html", "-o", str(target), "--no-cache", *paths],
        cwd=project, check=False, stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=800)
    parser.add_argument("--screenshot", metavar="PNG", help="save a screenshot of the seeds' report here instead")
    args = parser.parse_args(argv)
    from checker.headless import Browser, find_chromium

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "factlint.toml").write_text("", encoding="utf-8")
        target = project / "report.html"
        if args.screenshot:
            shutil.copytree(ROOT / "seeds", project / "seeds")
            report(project, target, ["seeds/"])
            with Browser(width=1200, height=1000) as browser:
                browser.open(target)
                browser.evaluate("document.querySelector('article.finding[data-rule=NAM001]').scrollIntoView({block: 'start'})")
                browser.evaluate("window.scrollBy(0, -110)")
                browser.screenshot(Path(args.screenshot).resolve())
            print(f"screenshot: {args.screenshot}")
            return 0
        docs = project / "docs"
        docs.mkdir()
        build(docs, args.documents)
        seconds = report(project, target, ["docs/"])
        size = target.stat().st_size
        findings = target.read_text(encoding="utf-8").count('<article class="finding')
        print(f"{args.documents} documents, {findings} findings: report {size / 1e6:.2f} MB, written in {seconds:.2f} s (whole run)")
        if find_chromium() is None:
            print("Chromium not found: opening not measured")
            return 0
        with Browser() as browser:
            opened = [browser.open(target) for _ in range(3)]
            errors = browser.errors()
            started = time.perf_counter()
            browser.click('input[data-filter="rule"]')
            browser.evaluate("document.getElementById('shown').textContent")
            clicked = time.perf_counter() - started
        each = ", ".join(f"{s:.2f}" for s in opened)
        print(f"opened in {min(opened):.2f} s (best of 3; {each}), a filter click in {clicked:.3f} s; console errors: {len(errors)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
