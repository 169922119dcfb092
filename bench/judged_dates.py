"""Precision of the date rules on real prose, against verdicts kept as data in bench/judged/DAT.csv.

Runs the DAT rules in-process over prose nobody wrote for this project: the
BBC news and TAT-QA corpora in ../shared/corpora and, with ``--perf``, the
Markdown and text members of ../shared/corpora/perf-prose.tar.gz (RFCs, PEPs,
KEPs, meeting notes, release notes). Every finding is looked up in
``bench/judged/DAT.csv`` (columns ``path,line,rule,verdict,reason``;
``verdict`` is ``true``, ``false`` or ``?``; ``reason`` is the judge's own
words, never the corpus's beyond a word or two). The same format as
``bench/judged.py`` where that script exists.

    python bench/judged_dates.py            # BBC and TAT-QA
    python bench/judged_dates.py --perf     # and the perf-prose archive
    python bench/judged_dates.py --perf --show
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent.parent / "shared" / "corpora"
VERDICTS = HERE / "judged" / "DAT.csv"


def documents(perf: bool) -> dict[str, str | bytes]:
    """Path -> content: bbc/<file>, tatqa/<file> and, when asked, perf/<member>."""
    out: dict[str, str | bytes] = {}
    for prefix, folder in (("bbc", "bbc-news"), ("tatqa", "tatqa-dev")):
        out.update((f"{prefix}/{p.name}", p.read_bytes()) for p in sorted((CORPORA / folder).glob("*.txt")))
    if perf:
        from realprose import perf_members

        out.update(perf_members())
    return out


def read_verdicts() -> dict[tuple[str, int, str], dict[str, str]]:
    with VERDICTS.open(newline="", encoding="utf-8") as handle:
        return {(row["path"], int(row["line"]), row["rule"]): row for row in csv.DictReader(handle)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--perf", action="store_true", help="also lint the perf-prose archive")
    parser.add_argument("--show", action="store_true", help="print every finding with its verdict")
    args = parser.parse_args(argv)
    from checker.testing import lint_sources

    docs = documents(args.perf)
    result = lint_sources(docs, select=["DAT"])
    verdicts = read_verdicts()
    counts = {"true": 0, "false": 0, "?": 0}
    for d in sorted(result.diagnostics, key=lambda d: (d.path, d.line, d.rule)):
        row = verdicts.get((d.path, d.line, d.rule))
        verdict = row["verdict"] if row else "?"
        counts[verdict] += 1
        if args.show or verdict == "?":
            print(f"{verdict:5} {d.path}:{d.line}: {d.rule} {d.message}")
    judged = counts["true"] + counts["false"]
    precision = f"{counts['true'] / judged:.0%}" if judged else "n/a (no finding)"
    print(f"{len(docs)} documents; DAT findings: {judged + counts['?']} ({counts['true']} true, {counts['false']} false, "
          f"{counts['?']} unjudged); precision {precision}")
    return 1 if counts["?"] else 0


if __name__ == "__main__":
    sys.exit(main())
