"""Inline suppression directives are read strictly: a slip narrows a suppression, never widens it."""

from __future__ import annotations

from checker.testing import lint

BAD = "Revenue rose to $48.6 million from $31.2 million, an increase of 42%."
SELECT = ("NUM001", "TXT100", "TXT101")


def _found(text: str) -> list[tuple[str, int]]:
    return [(d.rule, d.line) for d in lint(text, select=SELECT, path="doc.md")]


def test_the_defect_is_found_without_a_directive():
    assert _found(f"{BAD}\n\n{BAD}\n") == [("NUM001", 1), ("NUM001", 3)]


def test_disable_line_suppresses_its_own_line_only():
    # Read loosely (as "disable" with codes "-line NUM001") this hid line 3 as well.
    text = f"{BAD} <!-- factlint-disable-line NUM001 -->\n\n{BAD}\n"
    assert _found(text) == [("NUM001", 3)]


def test_disable_next_line_skips_blank_lines_and_stops_there():
    text = f"<!-- factlint-disable-next-line percent-change -->\n\n{BAD}\n\n{BAD}\n"
    assert _found(text) == [("NUM001", 5)]


def test_unknown_directive_suppresses_nothing_and_is_reported():
    text = f"<!-- factlint-disable-lines NUM001 -->\n{BAD}\n"
    diagnostics = lint(text, select=SELECT, path="doc.md")
    assert [(d.rule, d.line, d.severity) for d in diagnostics] == [("TXT101", 1, "warning"), ("NUM001", 2, "error")]
    assert '"factlint-disable-lines"' in diagnostics[0].message and "factlint-disable-line\"?" in diagnostics[0].message


def test_unknown_codes_never_mean_every_rule():
    # Every code unknown: nothing is suppressed (no codes at all would mean every rule).
    text = f"<!-- factlint-disable NUM0001 -->\n{BAD}\n"
    assert _found(text) == [("TXT101", 1), ("NUM001", 2)]


def test_known_codes_of_a_mixed_directive_still_apply():
    text = f"<!-- factlint-disable-next-line NUM001 NUM-001 -->\n{BAD}\n"
    diagnostics = lint(text, select=SELECT, path="doc.md")
    assert [(d.rule, d.line) for d in diagnostics] == [("TXT101", 1)]
    assert 'unknown rule "NUM-001"' in diagnostics[0].message


def test_unused_directive_is_still_reported_as_unused():
    text = "<!-- factlint-disable-line NUM001 -->\nNothing here.\n"
    assert _found(text) == [("TXT100", 1)]


def test_enable_with_only_unknown_codes_closes_nothing_and_is_reported():
    text = f"<!-- factlint-disable NUM001 -->\n{BAD}\n<!-- factlint-enable NUM01 -->\n\n{BAD}\n"
    diagnostics = lint(text, select=SELECT, path="doc.md")
    assert [(d.rule, d.line) for d in diagnostics] == [("TXT101", 3)]
    assert 'unknown rule "NUM01"' in diagnostics[0].message
