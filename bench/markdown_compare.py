"""factlint's Markdown reader against markdown-it-py (CommonMark): which words each reads as prose, and how fast.

For each Markdown document, the words of factlint's prose view (``read_document(...).prose``) are compared
with the words of markdown-it-py's inline text (text, softbreaks, link and emphasis text, image
descriptions; not code, raw HTML, link targets or front matter). Two documents agree when the two multisets
of words are equal. Sources:

- ``--spec FILE``: the CommonMark specification's examples (``spec.txt`` of the spec repository, also in the
  ``commonmark`` sdist on PyPI); only examples with prose count (at least one word read by either side);
- the golden Markdown documents (``bench/golden.py``'s sample of the shared corpora as Markdown), always.

    pip install markdown-it-py
    python bench/markdown_compare.py --spec spec.txt
    python bench/markdown_compare.py --spec spec.txt --show 20   # print 20 differing examples

markdown-it-py is not a dependency of factlint; this script needs it installed.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

_WORD = re.compile(r"[^\W_]+")
_FENCE = "`" * 32


def spec_examples(path: Path) -> list[tuple[int, str, str]]:
    """(number, section, markdown) of each example of a CommonMark spec.txt."""
    out: list[tuple[int, str, str]] = []
    section = ""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("#"):
            section = line.strip("# \n")
        if line.startswith(_FENCE + " example"):
            body: list[str] = []
            index += 1
            while lines[index].rstrip("\n") != ".":
                body.append(lines[index])
                index += 1
            while not lines[index].startswith(_FENCE):
                index += 1
            out.append((len(out) + 1, section, "".join(body).replace("\u2192", "\t")))
        index += 1
    return out


_FRONT_MATTER = re.compile(r"\A---\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_URL = re.compile(r"\b(?:https?://|www\.)\S+")
_TAG = re.compile(r"<[^>]*>|<!--.*?-->", re.S)


def words_markdown_it(parser, text: str) -> Counter[str]:
    """Words markdown-it-py renders as prose, read with factlint's three documented choices.

    Front matter is not prose (CommonMark does not know it); bare URLs are not prose (CommonMark leaves
    them as text); the text between HTML tags is prose (CommonMark passes an HTML block through raw).
    """
    found: Counter[str] = Counter()
    front = _FRONT_MATTER.match(text)
    if front:
        text = "\n" * front.group(0).count("\n") + text[front.end() :]
    for token in parser.parse(text):
        if token.type == "html_block":
            found.update(_WORD.findall(_URL.sub(" ", _TAG.sub(" ", token.content))))
        if token.type != "inline":
            continue
        for child in token.children or ():
            if child.type in ("text", "image"):
                found.update(_WORD.findall(_URL.sub(" ", child.content)))
    return found


def words_factlint(text: str) -> Counter[str]:
    """Words of factlint's prose view of a Markdown document."""
    from checker.readers import read_document

    return Counter(_WORD.findall(read_document("doc.md", text.encode("utf-8"))[0].prose))


def golden_markdown() -> list[tuple[str, str]]:
    """(name, text) of the golden set's Markdown documents."""
    import golden

    groups = {**golden._own_documents(), **golden._corpus_documents()}
    return [(path, data.decode("utf-8", "replace")) for group in groups.values() for path, data in group.items() if path.endswith(".md")]


def compare(items: list[tuple[str, str]], parser) -> tuple[int, int, list[tuple[str, Counter, Counter]]]:
    """(documents with prose, documents that agree, the differences)."""
    with_prose = agree = 0
    differing = []
    for name, text in items:
        ours, theirs = words_factlint(text), words_markdown_it(parser, text)
        if not ours and not theirs:
            continue
        with_prose += 1
        if ours == theirs:
            agree += 1
        else:
            differing.append((name, ours - theirs, theirs - ours))
    return with_prose, agree, differing


def speed(texts: list[str], parser) -> tuple[float, float]:
    """Seconds per MB for factlint's reader and for markdown-it-py's parse of the same texts."""
    from checker.readers import read_document

    data = [t.encode("utf-8") for t in texts]
    size = sum(map(len, data)) / 1e6
    start = time.perf_counter()
    for raw in data:
        read_document("doc.md", raw)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for text in texts:
        parser.parse(text)
    theirs = time.perf_counter() - start
    return ours / size, theirs / size


def main(argv: list[str] | None = None) -> int:
    parser_args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser_args.add_argument("--spec", type=Path, help="the CommonMark spec.txt")
    parser_args.add_argument("--show", type=int, default=0, help="print this many differing documents")
    args = parser_args.parse_args(argv)
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    sets = []
    if args.spec:
        sets.append(("CommonMark spec examples", [(f"example {n} ({section})", md) for n, section, md in spec_examples(args.spec)]))
    sets.append(("golden Markdown documents", golden_markdown()))
    for title, items in sets:
        with_prose, agree, differing = compare(items, parser)
        print(f"{title}: {with_prose} with prose, {agree} read alike ({agree / max(1, with_prose):.1%}), {len(differing)} differ")
        for name, only_ours, only_theirs in differing[: args.show]:
            print(f"  {name}: only factlint {dict(only_ours)}; only markdown-it {dict(only_theirs)}")
        ours, theirs = speed([text for _, text in items] * 3, parser)
        print(f"  reading: factlint {ours:.2f} s/MB, markdown-it-py parse {theirs:.2f} s/MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
