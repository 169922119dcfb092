"""Benchmark NAM001 on corpora with many distinct names that look alike.

    python bench/hostile_names.py                  # 5,000 / 10,000 / 20,000 names
    python bench/hostile_names.py --sizes 2000 4000

Each corpus holds N distinct synthetic names (fixed seed): capitalised made-up
words of 6 to 14 letters from two first letters and a small alphabet, so that
thousands of names share a first letter and a length (the block NAM001's
near-miss search used to compare all against all), in families of near
spellings; and two-word names built from them, every fifth name also in
"<name> Holdings", so that hundreds of phrases differ in one word only.
Fact sheets are extracted first (not timed);
the figures are the corpus pass of NAM001 alone, wall-clock and CPU seconds
(CPU is steadier on a shared machine), with the CPU ratio to the smallest
size. Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import random
import time

from checker.corpus import run_corpus_rule
from checker.document import Document  # noqa: F401  (import cost kept out of the timing)
from checker.extract import run_extractors
from checker.facts import FactSheet
from checker.readers import read_document
from checker.rules.name_variants import NameVariants
from checker.testing import settings_from

_FIRST = "KS"
_LETTERS = "abdeiklmnorstuv"
_NAMES_PER_DOCUMENT = 200


def hostile_names(count: int, seed: int = 20260101) -> list[str]:
    """``count`` distinct capitalised made-up names, in families of near spellings."""
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < count:
        base = rng.choice(_FIRST) + "".join(rng.choice(_LETTERS) for _ in range(rng.randrange(5, 13)))
        family = [base]
        for _ in range(rng.randrange(0, 3)):
            word = rng.choice(family)
            i = rng.randrange(1, len(word))
            how = rng.randrange(3)
            if how == 0:
                word = word[:i] + rng.choice(_LETTERS) + word[i + 1 :]
            elif how == 1:
                word = word[:i] + rng.choice(_LETTERS) + word[i:]
            elif i + 1 < len(word):
                word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            family.append(word)
        for word in family:
            if word not in seen and len(out) < count:
                seen.add(word)
                out.append(word)
    return out


def corpus(count: int) -> dict[str, str]:
    """Documents that mention each name a few times, alone and in two-word names."""
    names = hostile_names(count)
    rng = random.Random(count)
    documents: dict[str, str] = {}
    for number in range(0, len(names), _NAMES_PER_DOCUMENT):
        chunk = names[number : number + _NAMES_PER_DOCUMENT]
        lines = []
        for name in chunk:
            other = rng.choice(chunk)
            repeats = rng.randrange(1, 4)
            sentence = f"The report names {name} here. " * repeats + f"It cites {name} {other}"
            # Every fifth name also in a phrase that differs from others only in that name.
            lines.append(sentence + (f" and {name} Holdings." if rng.randrange(5) == 0 else " as well."))
        documents[f"doc{number // _NAMES_PER_DOCUMENT:04d}.txt"] = "\n\n".join(lines) + "\n"
    return documents


def sheets_of(documents: dict[str, str]) -> list[FactSheet]:
    settings = settings_from()
    sheets = []
    for path, text in documents.items():
        doc, _ = read_document(path, text.encode("utf-8"))
        sheet = FactSheet(path=path, format=doc.format)
        run_extractors(doc, sheet, settings, ("names",))
        sheets.append(sheet)
    return sheets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000, 20000])
    args = parser.parse_args()
    rule = NameVariants(settings_from())
    first = None
    for size in args.sizes:
        sheets = sheets_of(corpus(size))
        started, cpu_started = time.perf_counter(), time.process_time()
        findings = len(run_corpus_rule(rule, sheets))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        first = first or cpu
        print(
            f"{size:>6} names  {len(sheets):>4} documents  NAM001 {seconds:7.2f} s ({cpu:.2f} s CPU)  x{cpu / first:5.2f}  {findings} findings",
            flush=True,
        )


if __name__ == "__main__":
    main()
