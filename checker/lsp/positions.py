"""Offsets in a document's text <-> LSP positions (0-based line, character in the client's units).

factlint counts columns in code points; a client counts them in UTF-16 code
units unless it agreed to another encoding at initialisation. ``Units`` is the
agreed counter (``len`` for UTF-32, the UTF-16 length otherwise). Lines end at
``\\n``, ``\\r\\n`` and a lone ``\\r`` in both.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from checker.document import line_starts

Units = Callable[[str], int]


def utf16_units(text: str) -> int:
    """The length of ``text`` in UTF-16 code units."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF) if not text.isascii() else len(text)


class Lines:
    """A document's text with its line index."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)

    def position(self, offset: int, units: Units) -> tuple[int, int]:
        """The 0-based line and character of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.starts, offset) - 1
        return index, units(self.text[self.starts[index] : offset])

    def offset(self, line: int, character: int, units: Units) -> int:
        """The character offset of a 0-based line and a character counted in ``units`` (clamped to the line)."""
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[max(line, 0)]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        content = self.text[start:end].rstrip("\r\n")
        if units is len or content.isascii():
            return start + min(max(character, 0), len(content))
        counted = 0
        for index, char in enumerate(content):
            if counted >= character:
                return start + index
            counted += units(char)
        return start + len(content)

    def offset_of(self, line: int, column: int) -> int:
        """The offset of a 1-based line and 1-based column in code points (factlint's own positions)."""
        if not 0 < line <= len(self.starts):
            return len(self.text)
        return min(self.starts[line - 1] + column - 1, len(self.text))

    def line_end(self, line: int) -> int:
        """The offset where a 0-based line's content ends (before its line break)."""
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        while end > self.starts[line] and self.text[end - 1] in "\r\n":
            end -= 1
        return end
