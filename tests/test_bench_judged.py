"""bench/judged.py shows each finding's line as the checker counts lines."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace


def _show():
    spec = importlib.util.spec_from_file_location("factlint_judged", Path(__file__).resolve().parents[1] / "bench" / "judged.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.show


def test_the_line_shown_is_the_reported_line_past_a_form_feed_and_a_carriage_return():
    show = _show()
    text = "one\x0cstill line one\ntwo\r\nthree\nfour"
    found = [SimpleNamespace(path="doc.txt", line=line, column=1, rule="TXT004", message="m") for line in (1, 3, 4)]
    shown = show(found, {"doc.txt": text}, {("doc.txt", 3, "TXT004"): {"verdict": "true"}})
    assert [entry.split("\n    ")[1] for entry in shown] == ["'one\\x0cstill line one'", "'three'", "'four'"]
    assert "[true]" in shown[1] and "[unjudged]" in shown[0]
