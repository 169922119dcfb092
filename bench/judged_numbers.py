"""NUM findings on real prose, compared with hand verdicts kept as data (``bench/judged/NUM.csv``).

Lints the TAT-QA annual-report excerpts and the BBC news stories in
``../shared/corpora`` with the NUM rules and prints, per corpus, how many
findings there are, how many were judged true and false, and the precision.
The verdict file has the columns ``path,line,rule,verdict,reason`` (verdict
``true``, ``false`` or ``?``; the reason one line in the judge's words),
the same format as ``bench/judged.py``::

    python bench/judged_numbers.py          # counts and precision per corpus
    python bench/judged_numbers.py --show   # and every finding with its verdict
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent.parent / "shared" / "corpora"
VERDICTS = HERE / "judged" / "NUM.csv"
FOLDERS = {"tatqa": "tatqa-dev", "bbc": "bbc-news"}


def documents() -> dict[str, str]:
    """Every document of both corpora, named ``tatqa/000.txt``, ``bbc/politics-001.txt``."""
    out = {}
    for prefix, folder in FOLDERS.items():
        for path in sorted((CORPORA / folder).glob("*.txt")):
            out[f"{prefix}/{path.name}"] = path.read_text(encoding="utf-8")
    return out


def verdicts() -> dict[tuple[str, int, str], str]:
    if not VERDICTS.is_file():
        return {}
    with VERDICTS.open(newline="", encoding="utf-8") as handle:
        return {(row["path"], int(row["line"]), row["rule"]): row["verdict"] for row in csv.DictReader(handle)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every finding with its verdict")
    args = parser.parse_args(argv)
    from checker.testing import lint_sources

    texts = documents()
    found = lint_sources(texts, select=["NUM"]).diagnostics
    judged = verdicts()
    for prefix in FOLDERS:
        counts: Counter[str] = Counter()
        for d in found:
            if d.path.startswith(prefix + "/"):
                counts[judged.get((d.path, d.line, d.rule), "unjudged")] += 1
        decided = counts["true"] + counts["false"]
        precision = f"{counts['true'] / decided:.0%}" if decided else "n/a"
        print(f"{prefix}: {sum(counts.values())} NUM findings, {counts['true']} true, {counts['false']} false, "
              f"{counts['unjudged'] + counts['?']} not judged; precision {precision}")
    if args.show:
        for d in found:
            line = texts[d.path].splitlines()[d.line - 1]
            print(f"{d.path}:{d.line}:{d.column}: {d.rule} [{judged.get((d.path, d.line, d.rule), 'unjudged')}] {d.message}")
            print(f"    {line[max(0, d.column - 80):d.column + 80]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
