"""NAM precision on real prose, each corpus linted as one corpus of its own.

The names rules compare documents with each other, so mixing two corpora
changes their findings: this script lints the TAT-QA annual-report
paragraphs (``../shared/corpora/tatqa-dev``) and the BBC news stories
(``../shared/corpora/bbc-news``) separately and compares every NAM finding
with the verdicts in ``bench/judged/NAM.csv`` (the same format as the other
families' files)::

    path,line,rule,verdict,reason
    bbc/tech-012.txt,7,NAM001,true,misspelt first name

Findings of one rule on one line share a verdict. ``verdict`` is ``true``,
``false`` or ``?``; ``reason`` never quotes the corpus beyond a word or two.

    python bench/judged_names.py            # counts and precision per corpus
    python bench/judged_names.py --show     # and every finding with its verdict and confidence
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
CORPORA = {"tatqa": "tatqa-dev", "bbc": "bbc-news"}
VERDICTS = HERE / "judged" / "NAM.csv"

Key = tuple[str, int, str]


def read_verdicts() -> dict[Key, dict[str, str]]:
    """The judged rows, keyed by (path, line, rule)."""
    with VERDICTS.open(newline="", encoding="utf-8") as handle:
        return {(row["path"], int(row["line"]), row["rule"]): row for row in csv.DictReader(handle)}


def corpus(prefix: str) -> dict[str, str]:
    """One corpus's documents, by the name findings are reported under."""
    folder = SHARED / "corpora" / CORPORA[prefix]
    return {f"{prefix}/{p.name}": p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every finding with its verdict")
    args = parser.parse_args(argv)
    from checker.testing import lint_sources

    verdicts = read_verdicts()
    for prefix in CORPORA:
        texts = corpus(prefix)
        diagnostics = [d for d in lint_sources(texts, select=["NAM"]).diagnostics if d.rule.startswith("NAM")]
        counts: Counter[str] = Counter()
        by_confidence: Counter[tuple[str, str]] = Counter()
        found: set[Key] = set()
        for d in diagnostics:
            key = (d.path, d.line, d.rule)
            found.add(key)
            verdict = verdicts.get(key, {}).get("verdict", "?")
            counts[verdict] += 1
            by_confidence[(d.confidence, verdict)] += 1
            if args.show:
                print(f"  {d.path}:{d.line}:{d.column}: {d.rule} [{verdict}, {d.confidence}] {d.message}")
        judged = counts["true"] + counts["false"]
        precision = f"{counts['true'] / judged:.1%}" if judged else "n/a"
        gone = [key for key, row in verdicts.items() if key[0].startswith(prefix + "/") and key not in found]
        lost = [key for key in gone if verdicts[key]["verdict"] == "true"]
        print(
            f"{prefix}: {len(diagnostics)} NAM findings, {counts['true']} true, {counts['false']} false, "
            f"{counts['?']} not judged; precision {precision}; judged gone {len(gone)} (true ones lost: {len(lost)})"
        )
        levels = ", ".join(
            f"{level} {by_confidence[(level, 'true')]} true / {by_confidence[(level, 'false')]} false" for level in ("high", "medium", "low")
        )
        print(f"  by confidence: {levels}")
        for key in sorted(lost):
            print(f"  lost true finding {key[0]}:{key[1]} {key[2]} ({verdicts[key]['reason']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
