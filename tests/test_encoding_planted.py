"""Planted encoding defects in a letter, among traps that must stay quiet (issue 13).

``tests/data/planted_encoding/letter.txt`` holds one defect per class: mojibake
through Windows-1250, Windows-1251, code page 437, Mac OS Roman, Windows-1252
twice and once; look-alike letters at the start of a word, in a two-letter
word and inside a word; a replacement character; a repeated HTML character
reference; a ligature; mojibake inside a URL (reported, never fixed). The
traps are correct Central European, Greek and Cyrillic text, scientific
Greek letters, symbols and curly quotes.
"""

from __future__ import annotations

from pathlib import Path

from checker.testing import lint_sources

LETTER = Path(__file__).parent / "data" / "planted_encoding" / "letter.txt"

# (line, column, rule, fix applicability)
EXPECTED = [
    (4, 39, "ENC002", "safe"),  # Windows-1250
    (5, 26, "ENC002", "safe"),  # Windows-1251
    (6, 39, "ENC002", "safe"),  # code page 437
    (7, 27, "ENC002", "safe"),  # Mac OS Roman
    (8, 35, "ENC002", "safe"),  # Windows-1252 twice
    (9, 30, "ENC002", "safe"),  # Windows-1252
    (10, 1, "ENC007", "display"),  # Greek capital Tau starting "Total"
    (10, 24, "ENC007", "display"),  # Greek capital Iota in "In"
    (10, 36, "ENC007", "display"),  # Cyrillic Es starting "Company"
    (11, 8, "ENC004", None),  # U+FFFD
    (12, 22, "ENC008", "safe"),  # "&#233;" twice: one finding
    (13, 5, "ENC008", "safe"),  # ligature
    (17, 33, "ENC002", "display"),  # mojibake inside a URL
]


def test_every_planted_defect_and_no_trap_is_reported() -> None:
    result = lint_sources({"letter.txt": LETTER.read_bytes()}, select=["ENC"])
    found = [(d.line, d.column, d.rule, d.fix.applicability if d.fix else None) for d in result.diagnostics]
    assert found == EXPECTED
