"""The next position where a character class occurs, remembered for the stretch it covers."""

from __future__ import annotations

import re


class NextStop:
    """``stop(position)``: the first index at or after ``position`` where ``pattern`` matches in ``text``, or ``len(text)``.

    A scanner that tries candidates left to right asks again and again for the
    end of the same long stretch ("[a](" repeated on one line: each candidate's
    link target runs to the end of the line). The answer for one position
    holds for every position between it and the stop found, so it is kept, and
    a scan of the text costs one pass in all instead of one per candidate.
    """

    __slots__ = ("_search", "_text", "_from", "_stop")

    def __init__(self, text: str, pattern: str) -> None:
        self._search = re.compile(pattern).search
        self._text = text
        self._from = self._stop = -1

    def __call__(self, position: int) -> int:
        if self._from <= position <= self._stop:
            return self._stop
        found = self._search(self._text, position)
        self._from, self._stop = position, (found.start() if found else len(self._text))
        return self._stop
