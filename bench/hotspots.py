"""Where a cold run's CPU time goes: per reader, extractor and rule, in one process.

    python bench/hotspots.py DIR [DIR ...]        # every rule enabled, as a default run
    python bench/hotspots.py --select NUM DIR     # the extractors and rules a selection needs
    python bench/hotspots.py --warm DIR           # after one untimed pass: the memos warm
    python bench/hotspots.py --target 4 DIR       # the projection's target (below), MB per CPU second

Each Markdown and text file under the directories is read, parsed and checked
as ``factlint --jobs 1 --no-cache`` would (the same steps of ``checker.engine``),
with every step timed in CPU seconds: reading (decode and parse), the reading
notes, inline directives, each extractor, each document rule's ``check``, each
corpus rule's ``gather``, and at the end each corpus rule's reduction and
``check_corpus``. The table lists the steps by time, with MB of input per CPU
second for the whole. ``--warm`` first reads and checks every file once,
untimed, so that the per-process memos (word frequencies, the verdicts on
each distinct chunk and token, compiled patterns) hold what the sample needs:
the table then shows what each document costs once those are paid, as in a
corpus much larger than the sample. A second table then asks how much of the
code a faster design must replace: the throughput if the costliest step took no
time at all, then the two costliest, and so on until ``--target`` is reached (an
upper bound: a native rewrite of a step still costs something). Not a test: figures depend on the machine
and its load.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import time
from array import array
from collections import defaultdict
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--select", default="ALL", help="rules to enable (default: ALL)")
    parser.add_argument("--top", type=int, default=40, help="rows to print (default 40)")
    parser.add_argument("--warm", action="store_true", help="time a second pass, after one untimed pass over the files")
    parser.add_argument("--target", type=float, default=4.0, help="MB per CPU second the projection runs to (default 4, issue 16's)")
    args = parser.parse_args(argv)
    gc.set_threshold(10_000, 10, 10)  # as the command line sets it

    from checker.config import Settings
    from checker.engine import prepare
    from checker.extract import MODULES, closure
    from checker.registry import resolve_selection

    settings = Settings()
    settings, rules, kinds = prepare(settings, resolve_selection(args.select.split(","), []))
    extractors = [(kind, importlib.import_module(f"checker.extract.{MODULES.get(kind, kind)}")) for kind in closure(kinds)]
    files = sorted(p for d in args.dirs for p in d.rglob("*") if p.is_file() and p.suffix.lower() in {".md", ".txt", ".markdown"})
    for _ in range(2 if args.warm else 1):
        aggregates = {rule.code: rule.aggregate() for rule in rules if rule.scope == "corpus"}
        spent, size, total = _pass(files, settings, rules, extractors, aggregates)
    print(f"{len(files)} files, {size / 1e6:.2f} MB, {total:.2f} CPU s, {size / 1e6 / total:.2f} MB per CPU second" + (" (memos warm)" if args.warm else ""))
    print("| step | CPU s | share |")
    print("|---|---|---|")
    for step, seconds in sorted(spent.items(), key=lambda item: -item[1])[: args.top]:
        print(f"| {step} | {seconds:.3f} | {100 * seconds / total:.1f}% |")
    other = total - sum(spent.values())
    print(f"| (the rest: loop, digests, garbage collection) | {other:.3f} | {100 * other / total:.1f}% |")
    _without(spent, size, total, args.target)
    return 0


def _without(spent: dict[str, float], size: int, total: float, target: float) -> None:
    """What the throughput would be if the costliest steps took no time at all, one step more per row, until it
    reaches ``target`` MB per CPU second: how much of the code a faster design would have to replace."""
    print(f"\nIf the costliest steps took no time (target {target:g} MB per CPU second):")
    print("| steps taking no time | CPU s left | MB per CPU second |")
    print("|---|---|---|")
    left = total
    for count, (step, seconds) in enumerate(sorted(spent.items(), key=lambda item: -item[1]), 1):
        left -= seconds
        rate = size / 1e6 / left if left > 0 else float("inf")
        print(f"| the top {count} (to {step}) | {left:.2f} | {rate:.2f} |")
        if rate >= target:
            break


def _pass(files, settings, rules, extractors, aggregates) -> tuple[dict[str, float], int, float]:
    """Read, extract and check every file once: (CPU seconds per step, bytes, CPU seconds in all)."""
    from checker.corpus import Corpus, DocumentResult
    from checker.engine import content_digest
    from checker.facts import FactSheet
    from checker.readers import read_document
    from checker.reading import reading_notes
    from checker.suppress import parse_directives

    spent: dict[str, float] = defaultdict(float)
    clock = time.process_time
    size = 0
    documents: list[DocumentResult] = []
    start = clock()
    for index, path in enumerate(files):
        data = path.read_bytes()
        size += len(data)
        t0 = clock()
        doc, decoded = read_document(str(path), data)
        t1 = clock()
        doc.reading = reading_notes(data, doc.text, decoded.encoding, decoded.bad_byte)
        t2 = clock()
        spent["read " + doc.format] += t1 - t0
        spent["reading notes"] += t2 - t1
        sheet = FactSheet(
            path=doc.path, format=doc.format, encoding=doc.encoding, length=len(doc.text), line_starts=doc.line_starts,
            in_scope=True, directives=parse_directives(doc), locations=list(doc.locations),
        )
        spent["directives, sheet"] += clock() - t2
        for kind, module in extractors:
            t0 = clock()
            module.extract(doc, sheet, settings)
            sheet.extracted.append(kind)
            spent["extract " + kind] += clock() - t0
        for rule in rules:
            t0 = clock()
            if rule.scope == "document":
                if rule.applies_to(doc.format):
                    list(rule.check(doc, sheet))
                spent[f"check {rule.code} {rule.name}"] += clock() - t0
            else:
                record = rule.gather(sheet)
                t1 = clock()
                aggregates[rule.code].add(index, record)
                spent[f"gather {rule.code} {rule.name}"] += t1 - t0
                spent[f"reduce {rule.code} {rule.name}"] += clock() - t1
        documents.append(
            DocumentResult(
                path=sheet.path, format=sheet.format, encoding=sheet.encoding, in_scope=True, content_digest=content_digest(data),
                line_starts=array("I", sheet.line_starts), locations=tuple(sheet.locations), directives=tuple(sheet.directives),
                findings=[], errors=(), claims_checked=0, claims_inconsistent=0, records=None, sheet=None,
            )
        )
    for rule in rules:
        if rule.scope == "corpus":
            t0 = clock()
            list(rule.check_corpus(Corpus(documents), aggregates[rule.code]))
            spent[f"reduce {rule.code} {rule.name}"] += clock() - t0
    return spent, size, clock() - start


if __name__ == "__main__":
    raise SystemExit(main())
