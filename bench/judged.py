"""Judged findings on real prose: precision measured against verdicts kept as data.

Runs factlint's engine in-process over real prose nobody wrote for this
project (the TAT-QA and BBC news corpora in ../shared/corpora, and what
``bench/realprose.py`` yields: TAT-QA, Python's help topics, package
descriptions) and compares every finding with the verdicts in
``bench/judged/<FAMILY>.csv``, one row per finding::

    path,line,rule,verdict,reason
    bbc/tech-012.txt,7,TXT005,true,a lost space between two words

``verdict`` is ``true`` (a real defect), ``false`` (a false positive) or
``?`` (not judged yet); ``reason`` is one line in the judge's own words, never
a quotation of the corpus beyond a word or two. Findings of one rule on one
line share a verdict.

    python bench/judged.py --select TXT001,TXT002,TXT003,TXT004,TXT005
    python bench/judged.py --select TXT --write-unjudged   # append new findings as "?"
    python bench/judged.py --select TXT --show             # print each finding and its verdict
    python bench/judged.py --select TXT --perf             # and the perf-prose archive (rows perf/...)

It prints, per rule, the findings, how many are judged true and false, the
precision over judged findings, the findings not judged yet, and the judged
findings that no longer appear (a lost true finding is a recall regression).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "judged"
SHARED = HERE.parent.parent / "shared"
FIELDS = ("path", "line", "rule", "verdict", "reason")
VERDICTS = ("true", "false", "?")

sys.path.insert(0, str(HERE))


def bbc() -> list[tuple[str, str, str]]:
    folder = SHARED / "corpora" / "bbc-news"
    return [(f"bbc/{p.name}", p.read_text(encoding="utf-8"), "text") for p in sorted(folder.glob("*.txt"))]


def documents(perf: bool = False) -> dict[str, str]:
    """Every real document, by the name findings are reported under (``perf``: also perf-prose.tar.gz as perf/<member>)."""
    from realprose import documents as realprose_documents

    out = {name: text for name, text, _ in realprose_documents()}
    out.update((name, text) for name, text, _ in bbc())
    if perf:
        from realprose import perf_members

        out.update((name, data.decode("utf-8", "replace")) for name, data in perf_members())
    return out


Key = tuple[str, int, str]


def read_verdicts(path: Path) -> dict[Key, dict[str, str]]:
    """The rows of one family's file, keyed by (path, line, rule)."""
    if not path.is_file():
        return {}
    out = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            if row["verdict"] not in VERDICTS:
                raise SystemExit(f"{path}:{number}: verdict must be one of {', '.join(VERDICTS)}, got {row['verdict']!r}")
            out[(row["path"], int(row["line"]), row["rule"])] = row
    return out


def family(rule: str) -> str:
    return rule[:3]


def lint(texts: dict[str, str], select: list[str]) -> list:
    from checker.testing import lint_sources

    return lint_sources(dict(texts), select=select).diagnostics


def report(diagnostics, verdicts: dict[Key, dict[str, str]], selected_families: set[str], select: list[str]) -> list[str]:
    """Per-rule counts and precision, unjudged findings, judged findings that disappeared."""
    found: dict[Key, list] = {}
    for d in diagnostics:
        found.setdefault((d.path, d.line, d.rule), []).append(d)
    lines = []
    rules = sorted({key[2] for key in found} | {key[2] for key in verdicts if _selected(key[2], select)})
    totals: Counter[str] = Counter()
    for rule in rules:
        counts: Counter[str] = Counter()
        for key, items in found.items():
            if key[2] == rule:
                counts[verdicts.get(key, {}).get("verdict", "unjudged")] += len(items)
        judged = counts["true"] + counts["false"]
        precision = f"{counts['true'] / judged:.1%}" if judged else "n/a"
        gone = sum(1 for key in verdicts if key[2] == rule and key not in found and verdicts[key]["verdict"] != "?")
        lines.append(
            f"  {rule}: {sum(counts.values())} findings, {counts['true']} true, {counts['false']} false, "
            f"precision {precision}; {counts['unjudged'] + counts['?']} not judged; {gone} judged gone"
        )
        totals.update(counts)
        totals["gone"] += gone
    judged = totals["true"] + totals["false"]
    precision = f"{totals['true'] / judged:.1%}" if judged else "n/a"
    lines.insert(
        0,
        f"{sum(len(v) for v in found.values())} findings: {totals['true']} true, {totals['false']} false "
        f"(precision {precision}), {totals['unjudged'] + totals['?']} not judged, {totals['gone']} judged findings gone",
    )
    unjudged = sorted(key for key in found if verdicts.get(key, {}).get("verdict", "?") == "?")
    if unjudged:
        lines.append("not judged:")
        lines += [f"  {path}:{line}: {rule} {found[(path, line, rule)][0].message}" for path, line, rule in unjudged]
    gone_keys = sorted(key for key in verdicts if key not in found and verdicts[key]["verdict"] != "?" and _selected(key[2], select))
    if gone_keys:
        lines.append("judged but no longer found:")
        for key in gone_keys:
            row = verdicts[key]
            lines.append(f"  {key[0]}:{key[1]}: {key[2]} ({row['verdict']}: {row['reason']})")
    return lines


def _selected(rule: str, select: list[str]) -> bool:
    return any(s == "ALL" or rule.startswith(s) for s in select)


def append_unjudged(diagnostics, verdicts_by_family: dict[str, dict[Key, dict[str, str]]]) -> int:
    """Append every finding without a row to its family's file, verdict "?"."""
    new: dict[str, list[Key]] = {}
    for d in diagnostics:
        key = (d.path, d.line, d.rule)
        verdicts = verdicts_by_family.setdefault(family(d.rule), {})
        if key not in verdicts:
            verdicts[key] = {"path": d.path, "line": str(d.line), "rule": d.rule, "verdict": "?", "reason": ""}
            new.setdefault(family(d.rule), []).append(key)
    JUDGED.mkdir(exist_ok=True)
    for name, keys in new.items():
        path = JUDGED / f"{name}.csv"
        exists = path.is_file()
        with path.open("a", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            if not exists:
                writer.writerow(FIELDS)
            for key in sorted(keys):
                writer.writerow([key[0], key[1], key[2], "?", ""])
    return sum(len(keys) for keys in new.values())


def show(diagnostics, texts: dict[str, str], verdicts: dict[Key, dict[str, str]]) -> list[str]:
    from checker.document import line_starts

    out = []
    starts_of: dict[str, list[int]] = {}
    for d in diagnostics:
        # Lines as the checker counts them (line feeds and carriage returns), not str.splitlines(),
        # which also breaks at form feeds and other separators and would show another line.
        text = texts[d.path]
        starts = starts_of.get(d.path)
        if starts is None:
            starts = starts_of[d.path] = line_starts(text)
        line = text[starts[d.line - 1] : starts[d.line] if d.line < len(starts) else len(text)].rstrip("\r\n") if d.line <= len(starts) else ""
        verdict = verdicts.get((d.path, d.line, d.rule), {}).get("verdict", "unjudged")
        out.append(f"{d.path}:{d.line}:{d.column}: {d.rule} [{verdict}] {d.message}\n    {line[max(0, d.column - 70) : d.column + 70]!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", default="TXT001,TXT002,TXT003,TXT004,TXT005", help="rule codes or prefixes, comma-separated")
    parser.add_argument("--write-unjudged", action="store_true", help='append findings without a verdict to bench/judged/<FAMILY>.csv as "?"')
    parser.add_argument("--show", action="store_true", help="print every finding with its line and verdict")
    parser.add_argument("--perf", action="store_true", help="also the Markdown and text members of perf-prose.tar.gz (slow)")
    args = parser.parse_args(argv)
    select = args.select.split(",")
    texts = documents(args.perf)
    diagnostics = lint(texts, select)
    families = {family(s) for s in select if s != "ALL"} | {family(d.rule) for d in diagnostics}
    by_family = {name: read_verdicts(JUDGED / f"{name}.csv") for name in sorted(families)}
    verdicts = {key: row for rows in by_family.values() for key, row in rows.items() if args.perf or not key[0].startswith("perf/")}
    words = sum(len(text.split()) for text in texts.values())
    print(f"{len(texts)} documents, {words} words; selected {args.select}")
    print("\n".join(report(diagnostics, verdicts, families, select)))
    if args.show:
        print("\n".join(show(diagnostics, texts, verdicts)))
    if args.write_unjudged:
        added = append_unjudged(diagnostics, by_family)
        print(f"appended {added} unjudged findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
