"""Patterns that can match only at the start of a line, tried only there."""

from __future__ import annotations

import re
from collections.abc import Iterator


class LineStarts:
    """The line starts of ``text`` (where ``^`` matches under ``re.M``: 0 and after each ``\\n``), to search at.

    ``re`` tries a pattern at every character, even one that begins with ``^``: each
    try fails at once, but a text has some fifty characters for each line start. For
    a pattern whose every match begins at a line start (it begins with ``^`` under
    ``re.M``) and is never empty, ``search`` and ``finditer`` here return exactly what
    the pattern's own methods do, trying it only at the line starts.
    """

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        starts = [0]
        find = text.find
        at = find("\n")
        while at != -1:
            starts.append(at + 1)
            at = find("\n", at + 1)
        self._starts = starts

    def finditer(self, pattern: re.Pattern[str], pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos, endpos)``, for a pattern that matches only at line starts and never empty."""
        text = self._text
        end = len(text) if endpos is None else max(0, min(endpos, len(text)))
        match = pattern.match
        last = pos
        for start in self._starts:
            if start > end:
                break
            if start < last:
                continue
            found = match(text, start, end)
            if found is not None:
                last = found.end()
                yield found

    def search(self, pattern: re.Pattern[str], pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)``, for a pattern that matches only at line starts and never empty."""
        return next(self.finditer(pattern, pos, endpos), None)
