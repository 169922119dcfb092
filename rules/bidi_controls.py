"""ENC006: bidirectional control characters (the "Trojan Source" class)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.finding import Edit, Finding, Fix
from checker.patterns import LazyPattern
from checker.rule import Rule

if TYPE_CHECKING:
    from checker.document import Document
    from checker.facts import FactSheet

_BIDI = LazyPattern("[\u202a-\u202e\u2066-\u2069]+")
_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

NAMES = {
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}


class BidiControl(Rule):
    """A bidirectional control character: the text displays in a different order from how it is stored.

    What it checks
    --------------
    Reports every bidirectional embedding, override and isolate control
    (U+202A to U+202E, U+2066 to U+2069), one finding per group of
    consecutive controls, anywhere in the file, code blocks included. These
    characters are invisible and reorder the characters around them on
    screen.

    The implicit direction marks (U+200E, U+200F) are not reported here;
    outside right-to-left text they are reported by
    ``invisible-character``.

    Why it matters
    --------------
    What the reader sees is not what the file says: a right-to-left
    override can make "txt.exe" display as "exe.txt", or a figure read
    backwards (the "Trojan Source" attack, CVE-2021-42574). Right-to-left
    languages display correctly without these controls in a published
    document, so they have no place in one.

    Fix safety
    ----------
    The suggested fix deletes the controls; it is not applied automatically
    because the displayed order changes when it is.

    Flagged
    -------
        Revenue was <U+202E>0.84<U+202C> million

    (``<U+202E>`` stands for the invisible right-to-left override; it makes
    the stored "0.84" display as "48.0".)

    Passes
    ------
        Revenue was 48.0 million; the Hebrew name is שלום and the Arabic one مرحبا.
    """

    code = "ENC006"
    name = "bidi-control"
    severity = "error"

    def check(self, doc: Document, facts: FactSheet) -> Iterator[Finding]:
        text = doc.text  # everywhere, code included: this is an attack on what readers see
        if text.isascii():
            return
        from checker.extract.unicode_chars import non_ascii_characters

        if not non_ascii_characters(text) & _CONTROLS:
            return
        for match in _BIDI.finditer(text):
            start, end = match.span()
            chars = match.group()
            names = [f"{NAMES[ch]} (U+{ord(ch):04X})" for ch in dict.fromkeys(chars)]
            what = "a " + names[0] if len(chars) == 1 else f"{len(chars)} bidirectional controls: " + ", ".join(names)
            yield self.finding(
                start,
                end,
                f'"{_shown(text, start, end)}" contains {what}, which changes the order in which the text is displayed',
                evidence="stored order, controls shown as <U+XXXX>: " + _shown(text, start, end, 30),
                fix=Fix((Edit(start, end, ""),), "display", "Delete the bidirectional controls"),
            )


def _shown(text: str, start: int, end: int, context: int = 12) -> str:
    left = max(0, start - context)
    right = min(len(text), end + context)
    while left > 0 and left > start - 2 * context and not text[left - 1].isspace():
        left -= 1
    piece = text[left:right].replace("\n", " ").replace("\r", " ")
    return re.sub("[\u202a-\u202e\u2066-\u2069]", lambda m: f"<U+{ord(m.group()):04X}>", piece).strip()
