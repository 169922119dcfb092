"""CON precision on real prose: every finding compared with the verdicts kept as data.

Lints the TAT-QA annual-report paragraphs (``../shared/corpora/tatqa-dev``)
and the BBC news stories (``../shared/corpora/bbc-news``) with the
consistency rules (on and off by default) and compares every finding with the
verdicts in ``bench/judged/CON.csv`` (the same format as the other families'
files)::

    path,line,rule,verdict,reason
    bbc/tech-100.txt,7,CON001,true,opening quote missing

Findings of one rule on one line share a verdict. ``verdict`` is ``true``,
``false`` or ``?``; ``reason`` is the judge's own words, never the corpus text.
It reports per rule the findings, the precision over judged ones, the findings
not judged yet, and judged findings that no longer appear (a lost true finding
is a recall regression).

    python bench/judged_consistency.py            # counts and precision per rule
    python bench/judged_consistency.py --show     # and every finding with its verdict
    python bench/judged_consistency.py --select CON002
    python bench/judged_consistency.py --numbers ap   # CON005's numerals-or-words check alone
    python bench/judged_consistency.py --numbers chicago --sample 100   # and over a fixed sample of 100 lines

``--numbers MODE`` runs CON005 with ``numbers = MODE`` and its other checks
off, and compares with ``bench/judged/CON005-numbers-MODE.csv``: each mode's
findings are judged against that style's own rules.
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
VERDICTS = HERE / "judged" / "CON.csv"

Key = tuple[str, int, str]


def read_verdicts(path: Path = VERDICTS) -> dict[Key, dict[str, str]]:
    """The judged rows, keyed by (path, line, rule)."""
    with path.open(newline="", encoding="utf-8") as handle:
        return {(row["path"], int(row["line"]), row["rule"]): row for row in csv.DictReader(handle)}


def corpus(prefix: str) -> dict[str, str]:
    """One corpus's documents, by the name findings are reported under."""
    folder = SHARED / "corpora" / CORPORA[prefix]
    return {f"{prefix}/{p.name}": p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every finding with its verdict")
    parser.add_argument("--select", default="CON", help="rules to run (default: every CON rule)")
    parser.add_argument("--numbers", choices=("consistent", "chicago", "ap"), help="CON005's numerals-or-words check alone, in this mode")
    parser.add_argument("--sample", type=int, default=0, help="also the precision over a random sample of this many finding lines")
    parser.add_argument("--seed", type=int, default=2026, help="the sample's seed (default 2026)")
    args = parser.parse_args(argv)
    from checker.testing import lint_sources

    config = None
    verdicts_path = VERDICTS
    selected = args.select.split(",")
    if args.numbers:
        style = {"numbers": args.numbers, "percent": False, "separators": False, "units": False}
        config = {"rules": {"number-style": style}}
        verdicts_path = HERE / "judged" / f"CON005-numbers-{args.numbers}.csv"
        selected = ["CON005"]
    verdicts = read_verdicts(verdicts_path) if verdicts_path.exists() else {}
    counts: dict[str, Counter[str]] = {}
    found: set[Key] = set()
    linted: set[str] = set()  # the corpora run here: verdicts on other sources (bench/judged.py's) are not "gone"
    for prefix in CORPORA:
        if not (SHARED / "corpora" / CORPORA[prefix]).is_dir():
            print(f"{prefix}: corpus not found, skipped")
            continue
        linted.add(prefix)
        for d in lint_sources(corpus(prefix), select=selected, config=config).diagnostics:
            if not d.rule.startswith("CON"):
                continue
            key = (d.path, d.line, d.rule)
            verdict = verdicts.get(key, {}).get("verdict", "?")
            if key not in found:
                counts.setdefault(d.rule, Counter())[verdict] += 1
            found.add(key)
            if args.show:
                print(f"  {d.path}:{d.line}:{d.column}: {d.rule} [{verdict}] {d.message}")
    rules = set(counts) | {key[2] for key in verdicts if any(key[2].startswith(s) for s in selected)}
    for rule in sorted(rules):
        c = counts.get(rule, Counter())
        judged = c["true"] + c["false"]
        precision = f"{c['true'] / judged:.1%}" if judged else "n/a"
        gone = [key for key in verdicts if key[2] == rule and key[0].split("/")[0] in linted and key not in found]
        lost = [key for key in gone if verdicts[key]["verdict"] == "true"]
        print(
            f"{rule}: {sum(c.values())} findings (lines), {c['true']} true, {c['false']} false, {c['?']} not judged; "
            f"precision {precision}; judged gone {len(gone)} (true ones lost: {len(lost)})"
        )
        for key in sorted(lost):
            print(f"  lost true finding {key[0]}:{key[1]} {key[2]} ({verdicts[key]['reason']})")
    if args.sample:
        import random

        lines = sorted({(key[0], key[1]) for key in found})
        picked = random.Random(args.seed).sample(lines, min(args.sample, len(lines)))
        chosen = set(picked)
        sampled = Counter(verdicts.get(key, {}).get("verdict", "?") for key in found if key[:2] in chosen)
        t, f = sampled["true"], sampled["false"]
        precision = f"{t / (t + f):.1%}" if t + f else "n/a"
        print(f"sample of {len(picked)} lines (seed {args.seed}): {t} true, {f} false, {sampled['?']} not judged; precision {precision}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
