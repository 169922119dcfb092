"""The equivalence harness: what factlint extracts and reports on a fixed set of documents.

A refactoring must leave every fact sheet and every reported finding as it was.
This script dumps both for a fixed, deterministic set of documents and compares
the dump with the committed snapshot (``tests/golden/snapshot.json``):

- the project's own documents (``seeds/``, ``tests/data/facts_corpus``), in full;
- when ``../shared/corpora`` is present, a deterministic sample of the real
  corpora (every 7th TAT-QA and BBC story, read both as text and as Markdown,
  and every 200th member of the speed corpus). Only digests of their sheets and
  findings are stored, never their text.

Each group is linted as one corpus with every rule selected, every extractor
run, one job and no cache. Usage::

    python bench/golden.py            # compare with the snapshot; list what differs
    python bench/golden.py --write    # take a new snapshot (review its diff before committing)

``tests/test_golden.py`` runs the comparison.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
SNAPSHOT = ROOT / "tests" / "golden" / "snapshot.json"

_SHEET_EXCLUDE = {"findings", "line_starts"}


def _own_documents() -> dict[str, dict[str, bytes]]:
    groups = {}
    for folder in ("seeds", "tests/data/facts_corpus"):
        files = sorted(p for p in (ROOT / folder).iterdir() if p.is_file() and p.suffix in {".txt", ".md"})
        groups[folder] = {f"{folder}/{p.name}": p.read_bytes() for p in files}
    return groups


def _corpus_documents() -> dict[str, dict[str, bytes]]:
    """A deterministic sample of the shared corpora; empty when they are absent."""
    groups: dict[str, dict[str, bytes]] = {}
    for name, step in (("tatqa-dev", 7), ("bbc-news", 7)):
        folder = SHARED / name
        if not folder.is_dir():
            continue
        files = sorted(folder.glob("*.txt"))[::step]
        groups[name] = {f"{name}/{p.name}": p.read_bytes() for p in files}
        groups[name + "-md"] = {f"{name}-md/{p.stem}.md": p.read_bytes() for p in files}
    archive = SHARED / "perf-prose.tar.gz"
    if archive.is_file():
        picked: dict[str, bytes] = {}
        with tarfile.open(archive, "r|gz") as tar:
            index = 0
            for member in tar:
                if not member.isfile():
                    continue
                if index % 200 == 0:
                    handle = tar.extractfile(member)
                    if handle is not None:
                        picked[f"perf/{member.name}"] = handle.read()
                index += 1
        groups["perf-prose"] = picked
    return groups


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=True).encode()).hexdigest()[:20]


# Deliberate schema changes since the snapshot was taken: each converter maps today's
# view of a sheet back to the snapshot's schema, so that the facts themselves are still
# compared value for value. Add one per change, with the commit that makes it.


def _claim_rule_codes(view: dict) -> dict:
    """Issue 10: claims carry their kind only; the snapshot also held the reporting rule's code."""
    codes = {"percent-change": "NUM001", "change": "NUM001", "direction": "NUM001", "percentage-points": "NUM002",
             "multiple": "NUM003", "share": "NUM004", "total": "NUM005", "percent-sum": "NUM005", "cagr": "NUM006"}
    view["claims"] = [{**claim, "rule": codes[claim["kind"]]} for claim in view.get("claims", [])]
    return view


def _no_content_digest(view: dict) -> dict:
    """Issue 19: sheets record the digest of the bytes checked (for --fix); the snapshot predates it."""
    view.pop("content_digest", None)
    return view


def _no_claim_inferred(view: dict) -> dict:
    """Issue 12: a claim records whether its base was inferred (for the finding's confidence); the snapshot predates it."""
    view["claims"] = [{k: v for k, v in claim.items() if k != "inferred"} for claim in view.get("claims", [])]
    return view


def _extra_fields(view: dict) -> dict:
    """Issue 10: the sheet's ``extra`` side channel became typed fields (``fiscal_year_end``, ``locations``)."""
    extra = {}
    fiscal = view.pop("fiscal_year_end", None)
    if fiscal is not None:
        extra["dates.fiscal_year_end"] = fiscal
    locations = view.pop("locations", None)
    if locations:
        extra["locations"] = locations
    view["extra"] = extra
    return view


def _no_fact_named(view: dict) -> dict:
    """Issue 12: a fact statement records whether its subject is written in it (for NUM101's confidence)."""
    view["facts"] = [{k: v for k, v in fact.items() if k != "named"} for fact in view.get("facts", [])]
    return view


def _no_events_kind(view: dict) -> dict:
    """Issue 10: the dated events became an extractor kind of their own (``events``, run only for the rules that
    read them); the snapshot's sheets list the extractors run before that, the events being the dates extractor's."""
    view["extracted"] = [kind for kind in view.get("extracted", []) if kind != "events"]
    return view


def _no_compounds(view: dict) -> dict:
    """Issue 17: sheets record lower-case compounds in their forms (for CON006); the snapshot predates them."""
    view.pop("compounds", None)
    view["extracted"] = [kind for kind in view.get("extracted", []) if kind != "compounds"]
    return view


def _no_title_or_language(view: dict) -> dict:
    """Issue 16's stop 36: sheets record the name a document is titled with, and the language of prose not in
    English (for NAM001); the snapshot predates both."""
    view.pop("title", None)
    view.pop("language", None)
    return view


LEGACY: list = [_claim_rule_codes, _no_content_digest, _no_claim_inferred, _extra_fields, _no_fact_named, _no_events_kind, _no_compounds, _no_title_or_language]


def sheet_view(sheet) -> dict:
    """The canonical JSON view of a fact sheet: every field but its findings and line index."""
    from checker.fact_schema import to_jsonable

    view = to_jsonable(sheet, exclude=_SHEET_EXCLUDE)
    for convert in LEGACY:
        view = convert(view)
    return view


def _lint_group(documents: dict[str, bytes]):
    from checker.engine import Source, run
    from checker.registry import resolve_selection
    from checker.testing import settings_from

    settings = settings_from({})
    rules = resolve_selection(["ALL"], [])
    sources = [Source(path, data=data) for path, data in documents.items()]
    return run(sources, settings, rules, jobs=1, extract_all=True)


def dump() -> dict:
    """The snapshot of the current code: {group: {"documents": {...}, "report": ...}}."""
    from checker.formatters.json import findings_json

    out: dict = {}
    for full, groups in ((True, _own_documents()), (False, _corpus_documents())):
        for group, documents in groups.items():
            result = _lint_group(documents)
            report = findings_json(result)
            by_path: dict[str, list] = {}
            for item in report["findings"]:
                by_path.setdefault(item["path"], []).append(item)
            entry: dict = {"documents": {}, "notices": sorted(f"{n.path}: {n.message}" for n in result.notices)}
            for sheet in result.sheets:
                view = sheet_view(sheet)
                findings = by_path.get(sheet.path, [])
                if full:
                    entry["documents"][sheet.path] = {"sheet": view, "findings": findings}
                else:
                    entry["documents"][sheet.path] = {
                        "sheet": _digest(view),
                        "findings": [_finding_line(f) for f in findings],
                    }
            # summary.formats (documents by format) is left out: each sheet already records its format.
            entry["summary"] = {key: value for key, value in report["summary"].items() if key != "formats"}
            entry["errors"] = list(result.errors)
            out[group] = entry
    return out


def _finding_line(finding: dict) -> str:
    """``RULE line:column digest``, and the confidence when it is not high (added after the snapshot was taken)."""
    rest = {key: value for key, value in finding.items() if key != "confidence"}
    line = f"{finding['rule']} {finding['line']}:{finding['column']} {_digest(rest)}"
    return line if finding.get("confidence", "high") == "high" else f"{line} {finding['confidence']}"


def compare(old: dict, new: dict) -> list[str]:
    """Human-readable differences between two snapshots (groups missing from either are skipped)."""
    lines = []
    for group in sorted(set(old) & set(new)):
        a, b = old[group], new[group]
        for key in ("notices", "summary", "errors"):
            if a.get(key) != b.get(key):
                lines.append(f"{group}: {key} differs: {a.get(key)!r} -> {b.get(key)!r}")
        for path in sorted(set(a["documents"]) | set(b["documents"])):
            da, db = a["documents"].get(path), b["documents"].get(path)
            if da is None or db is None:
                lines.append(f"{path}: {'added' if da is None else 'removed'}")
                continue
            if da["sheet"] != db["sheet"]:
                detail = ""
                if isinstance(da["sheet"], dict):
                    keys = sorted(k for k in set(da["sheet"]) | set(db["sheet"]) if da["sheet"].get(k) != db["sheet"].get(k))
                    detail = f" (fields: {', '.join(keys)})"
                lines.append(f"{path}: fact sheet differs{detail}")
            if da["findings"] != db["findings"]:
                lines.append(f"{path}: findings differ: {len(da['findings'])} -> {len(db['findings'])}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write a new snapshot")
    args = parser.parse_args(argv)
    current = dump()
    if args.write:
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(json.dumps(current, indent=1, sort_keys=True, ensure_ascii=True) + "\n", encoding="utf-8")
        print(f"wrote {SNAPSHOT.relative_to(ROOT)}: {sum(len(g['documents']) for g in current.values())} documents")
        return 0
    old = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    differences = compare(old, current)
    missing = sorted(set(old) - set(current))
    for line in differences:
        print(line)
    if missing:
        print(f"not compared (absent here): {', '.join(missing)}")
    print("SAME" if not differences else f"{len(differences)} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
