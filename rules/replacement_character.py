"""ENC004: U+FFFD replacement characters: data lost before the file was written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.finding import Finding
from checker.patterns import LazyPattern
from checker.rule import Rule

if TYPE_CHECKING:
    from checker.document import Document
    from checker.facts import FactSheet

_RUN = LazyPattern("\ufffd+")
_WORD = LazyPattern(r"\S*\ufffd+\S*")
# A text about the character itself names it near where it shows it.
_MENTION = LazyPattern(r"U\+FFFD|\\uFFFD|0xFFFD|&#x?(?:FFFD|65533);|replacement char", re.I)
_ALONE = LazyPattern(r"[\s\"'`(\[“‘«]\ufffd+[\s\"'`)\].,;:”’»]")


class ReplacementCharacter(Rule):
    """A replacement character (U+FFFD, shown as "�"): a character was lost in decoding.

    What it checks
    --------------
    Reports every replacement character U+FFFD, one finding per group of
    consecutive ones. Longer runs that are part of garbled text are reported
    by ``garbled-text`` instead. A replacement character standing on its own
    next to its name ("U+FFFD", "replacement character") is being shown on
    purpose and is not reported.

    Why it matters
    --------------
    U+FFFD is what a program writes when it cannot decode a byte: the
    original character was thrown away before the file was saved. "caf�"
    might have been "café" or "cafè"; only the source can tell. Search,
    spell checking and the names rules all miss the damaged word.

    There is no automatic fix: the missing character has to be restored from
    the source.

    Flagged
    -------
        The Caf� Royal opened in 1865.

    Passes
    ------
        The Café Royal opened in 1865.
    """

    code = "ENC004"
    name = "replacement-character"
    severity = "warning"

    def check(self, doc: Document, facts: FactSheet) -> Iterator[Finding]:
        prose = doc.prose
        if "\ufffd" not in prose:
            return
        from checker.extract.encoding import encoding_facts
        from checker.extract.unicode_chars import excerpt

        garbled = [(run.start, run.end) for run in encoding_facts(doc).garbled_runs if run.replacement]
        for match in _RUN.finditer(prose):
            start, end = match.span()
            if any(s <= start and end <= e for s, e in garbled):
                continue
            if _ALONE.match(prose, start - 1) and _MENTION.search(prose, max(0, start - 200), end + 200):
                continue  # shown on purpose, in a text about the character
            word = _word_around(prose, start)
            count = end - start
            what = "a replacement character (U+FFFD)" if count == 1 else f"{count} replacement characters (U+FFFD)"
            yield self.finding(
                start,
                end,
                f'"{excerpt(word, 40)}" contains {what}: the original text was lost in decoding',
                evidence=f"U+FFFD at offset {start}; the byte(s) it replaced are not recoverable from this file",
            )


def _word_around(text: str, offset: int) -> str:
    for match in _WORD.finditer(text, max(0, offset - 40), min(len(text), offset + 40)):
        if match.start() <= offset < match.end():
            return match.group()
    return text[offset]
