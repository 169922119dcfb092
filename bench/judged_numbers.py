"""NUM findings on real prose, compared with hand verdicts kept as data (``bench/judged/NUM.csv``).

Lints the TAT-QA annual-report excerpts and the BBC news stories in
``../shared/corpora`` (and, with ``--perf``, the Markdown and text members of
``../shared/corpora/perf-prose.tar.gz``: PEPs, KEPs, RFCs, meeting notes,
documentation) with the NUM rules and prints, per corpus, how many findings
there are, how many were judged true and false, and the precision.
The verdict file has the columns ``path,line,rule,verdict,reason`` (verdict
``true``, ``false`` or ``?``; the reason one line in the judge's words),
the same format as ``bench/judged.py``::

    python bench/judged_numbers.py          # counts and precision per corpus
    python bench/judged_numbers.py --show   # and every finding with its verdict
    python bench/judged_numbers.py --perf   # the perf-prose archive too (about a minute)
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


def documents(perf: bool = False) -> dict[str, str | bytes]:
    """Every document of both corpora, named ``tatqa/000.txt``, ``bbc/politics-001.txt``, and ``perf/<member>`` when asked."""
    out: dict[str, str | bytes] = {}
    for prefix, folder in FOLDERS.items():
        for path in sorted((CORPORA / folder).glob("*.txt")):
            out[f"{prefix}/{path.name}"] = path.read_text(encoding="utf-8")
    if perf:
        from realprose import perf_members

        out.update(perf_members())
    return out


def verdicts() -> dict[tuple[str, int, str], str]:
    if not VERDICTS.is_file():
        return {}
    with VERDICTS.open(newline="", encoding="utf-8") as handle:
        return {(row["path"], int(row["line"]), row["rule"]): row["verdict"] for row in csv.DictReader(handle)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every finding with its verdict")
    parser.add_argument("--perf", action="store_true", help="also lint the perf-prose archive")
    args = parser.parse_args(argv)
    from checker.testing import lint_sources

    texts = documents(args.perf)
    found = lint_sources(texts, select=["NUM"]).diagnostics
    judged = verdicts()
    for prefix in (*FOLDERS, *(("perf",) if args.perf else ())):
        counts: Counter[str] = Counter()
        for d in found:
            if d.path.startswith(prefix + "/"):
                counts[judged.get((d.path, d.line, d.rule), "unjudged")] += 1
        decided = counts["true"] + counts["false"]
        precision = f"{counts['true'] / decided:.0%}" if decided else "n/a"
        print(f"{prefix}: {sum(counts.values())} NUM findings, {counts['true']} true, {counts['false']} false, "
              f"{counts['unjudged'] + counts['?']} not judged; precision {precision}")
    seen = {(d.path, d.line, d.rule) for d in found}
    gone = [key for key in judged if key not in seen and key[0].split("/")[0] in {*FOLDERS, *(("perf",) if args.perf else ())}]
    if gone:
        print(f"{len(gone)} judged findings no longer appear "
              f"({sum(judged[k] == 'false' for k in gone)} false ones removed, {sum(judged[k] == 'true' for k in gone)} true ones lost)")
    if args.show:
        for d in found:
            content = texts[d.path]
            text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
            line = text.splitlines()[d.line - 1]
            print(f"{d.path}:{d.line}:{d.column}: {d.rule} [{judged.get((d.path, d.line, d.rule), 'unjudged')}] {d.message}")
            print(f"    {line[max(0, d.column - 80):d.column + 80]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
