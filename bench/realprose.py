"""Real prose that nobody wrote for this project, for false-positive and recall work.

Sources: the TAT-QA annual-report paragraphs in ../shared/corpora/tatqa-dev,
Python's own ``pydoc_data.topics`` help text, and the long descriptions in
the METADATA files of installed packages (Markdown or plain text).

    python bench/realprose.py --select TXT          # findings per 100,000 words
    python bench/realprose.py --select NAM --show   # and print every finding

Importable: ``documents()`` yields (name, text, format) tuples.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def tatqa() -> list[tuple[str, str, str]]:
    folder = SHARED / "corpora" / "tatqa-dev"
    return [(f"tatqa/{p.name}", p.read_text(encoding="utf-8"), "text") for p in sorted(folder.glob("*.txt"))]


def pydoc_topics() -> list[tuple[str, str, str]]:
    from pydoc_data.topics import topics

    return [(f"pydoc/{name}.txt", text, "text") for name, text in sorted(topics.items())]


def metadata_descriptions(minimum_words: int = 200) -> list[tuple[str, str, str]]:
    out = []
    seen = set()
    for dist in metadata.distributions():
        name = dist.metadata.get("Name") or "?"
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        body = dist.metadata.get_payload() or dist.metadata.get("Description") or ""
        if len(body.split()) < minimum_words:
            continue
        kind = (dist.metadata.get("Description-Content-Type") or "").lower()
        fmt = "markdown" if "markdown" in kind else "text"
        if "rst" in kind or (not kind and re.search(r"^\.\. |^={4,}$", body, re.M)):
            continue  # reStructuredText is neither of our formats
        out.append((f"metadata/{name}.{'md' if fmt == 'markdown' else 'txt'}", body, fmt))
    return sorted(out)


def documents(sources=("tatqa", "pydoc", "metadata")) -> list[tuple[str, str, str]]:
    out = []
    if "tatqa" in sources:
        out += tatqa()
    if "pydoc" in sources:
        out += pydoc_topics()
    if "metadata" in sources:
        out += metadata_descriptions()
    return out


def perf_members() -> Iterator[tuple[str, bytes]]:
    """The Markdown and text members of ../shared/corpora/perf-prose.tar.gz as (``perf/<member>``, bytes); none when absent."""
    import tarfile

    archive = SHARED / "corpora" / "perf-prose.tar.gz"
    if not archive.is_file():
        return
    with tarfile.open(archive, "r|gz") as tar:
        for member in tar:
            if member.isfile() and member.name.endswith((".md", ".txt")):
                handle = tar.extractfile(member)
                if handle is not None:
                    yield f"perf/{member.name}", handle.read()


def words(text: str) -> int:
    return len(text.split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", default="ALL")
    parser.add_argument("--sources", default="tatqa,pydoc,metadata")
    parser.add_argument("--show", action="store_true", help="print every finding")
    args = parser.parse_args(argv)
    from checker.testing import lint_sources

    docs = documents(tuple(args.sources.split(",")))
    total_words = sum(words(text) for _, text, _ in docs)
    result = lint_sources({name: text for name, text, _ in docs}, select=args.select.split(","))
    counts = Counter(d.rule for d in result.diagnostics)
    print(f"{len(docs)} documents, {total_words} words, {len(result.diagnostics)} findings "
          f"({len(result.diagnostics) * 100000 / max(total_words, 1):.2f} per 100,000 words)")
    for code, count in sorted(counts.items()):
        print(f"  {code}: {count} ({count * 100000 / max(total_words, 1):.2f} per 100,000 words)")
    if args.show:
        texts = {name: text for name, text, _ in docs}
        for d in result.diagnostics:
            line = texts[d.path].splitlines()[d.line - 1] if d.line <= len(texts[d.path].splitlines()) else ""
            print(f"{d.path}:{d.line}:{d.column}: {d.rule} {d.message}\n    {line[max(0, d.column - 60): d.column + 60]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
