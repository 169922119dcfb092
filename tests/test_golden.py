"""Equivalence: fact sheets and findings on a fixed document set match the committed snapshot.

The snapshot (tests/golden/snapshot.json) is written by ``python bench/golden.py --write``
and changes only deliberately, with its diff explained in the commit. Corpus groups are
compared when ../shared/corpora is present; the project's own documents always are.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _golden():
    spec = importlib.util.spec_from_file_location("factlint_golden", ROOT / "bench" / "golden.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_snapshot_is_unchanged():
    golden = _golden()
    old = json.loads(golden.SNAPSHOT.read_text(encoding="utf-8"))
    new = golden.dump()
    assert set(new) <= set(old), f"groups not in the snapshot: {sorted(set(new) - set(old))}"
    assert {"seeds", "tests/data/facts_corpus"} <= set(new)
    differences = golden.compare(old, new)
    assert not differences, "\n".join(differences[:40])


def test_compare_reports_a_changed_finding():
    golden = _golden()
    old = json.loads(golden.SNAPSHOT.read_text(encoding="utf-8"))
    new = json.loads(json.dumps(old))
    path = next(iter(new["seeds"]["documents"]))
    new["seeds"]["documents"][path]["findings"] = new["seeds"]["documents"][path]["findings"][1:]
    assert any("findings differ" in line for line in golden.compare(old, new))
