"""Markdown inline constructs that are not prose, each found in one left-to-right pass.

Each function returns what ``finditer`` of the pattern in its docstring
returns, but never scans a stretch of text twice: a regular expression tried
at every candidate rescans the rest of the line (or document) from each one
when the construct is left unclosed, which is quadratic ("[a](" repeated,
"<!-- " repeated, backtick runs of many lengths). Like CommonMark's reference
parsers, these look for each closing delimiter once (``NextStop``, or a table
of the next backtick run of each length).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from checker.patterns import NextStop

_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def inline_code(text: str) -> list[tuple[int, int]]:
    r"""Spans of ``(?<![`\\])(`+)(?!`)((?:(?!\n[ \t\r]*\n).)+?)(?<!`)\1(?!`)`` (re.S): a run of backticks to the next
    run of the same length, within a paragraph (no blank line between), and not after a backslash ("\\`" is a
    backtick written as such, as CommonMark reads it)."""
    # The runs from one split at "`" (several times faster than a search for "`+": the split runs in C
    # at memchr speed, the search tries every character): a run of n backticks leaves n - 1 empty pieces.
    pieces = text.split("`")
    last = len(pieces) - 1
    if last < 2:
        return []
    starts: list[int] = []
    lengths: list[int] = []
    position = len(pieces[0])
    i = 1
    while i <= last:
        j = i
        while not pieces[j] and j < last:
            j += 1
        starts.append(position)
        lengths.append(j - i + 1)
        position += j - i + 1 + len(pieces[j])
        i = j + 1
    # The next run of each run's length, found by one pass from the end.
    following: list[int] = [-1] * len(starts)
    next_of_length: dict[int, int] = {}
    for k in range(len(starts) - 1, -1, -1):
        length = lengths[k]
        following[k] = next_of_length.get(length, -1)
        next_of_length[length] = k
    # Where blank lines start: a code span never crosses one (found by bisection, so that unclosed runs
    # do not each search the text up to their far closing run).
    breaks = [m.start() for m in _BLANK_LINE.finditer(text)] if "\n" in text else []
    spans = []
    k = 0
    count = len(starts)
    while k < count:
        closing = following[k]
        start = starts[k]
        if closing < 0 or start and text[start - 1] == "\\" or breaks and _crosses(breaks, start, starts[closing]):
            k += 1
        else:
            spans.append((starts[k], starts[closing] + lengths[closing]))
            k = closing + 1
    return spans


def _crosses(breaks: list[int], start: int, end: int) -> bool:
    """Whether a blank line starts in ``[start, end)`` (``breaks``: where blank lines start, in order)."""
    at = bisect_left(breaks, start)
    return at < len(breaks) and breaks[at] < end


def comments(text: str) -> list[tuple[int, int]]:
    """Spans of ``<!--.*?-->`` (re.S); once no "-->" follows, no later comment can close."""
    spans = []
    position = 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        spans.append((start, end + 3))
        position = end + 3
    return spans


def images(prose: str) -> list[tuple[int, int]]:
    r"""Spans of ``!\[[^\]\r\n]*\]\([^)\r\n]*\)``."""
    n = len(prose)
    label_end, target_end = NextStop(prose, r"[\]\r\n]"), NextStop(prose, r"[)\r\n]")
    spans = []
    position = 0
    while (start := prose.find("![", position)) != -1:
        close = label_end(start + 2)
        if close < n and prose[close] == "]" and prose.startswith("(", close + 1):
            end = target_end(close + 2)
            if end < n and prose[end] == ")":
                spans.append((start, end + 1))
                position = end + 1
                continue
        position = start + 1
    return spans


class _Links:
    r"""Matches of ``\[([^\[\]\r\n]*)\](?:\((?:<[^>\r\n]*>|[^)\s]*)(?:[ \t]+(?:"[^"]*"|'[^']*'))?\)|\[[^\]\r\n]*\])``,
    where a target may also hold balanced parentheses, as CommonMark allows
    (``[Tables](/previous-versions/ms714644(v=vs.85))``, ``[Foo](https://en.wikipedia.org/wiki/Foo_(bar))``).

    Every repetition in the pattern can only match its longest extent (the
    character after a shorter one is one the rest of the pattern cannot match),
    so each is the stretch up to the next stop character.
    """

    def __init__(self, prose: str) -> None:
        self.prose = prose
        self.label_end = NextStop(prose, r"[\[\]\r\n]")
        self.angle_end = NextStop(prose, r"[>\r\n]")
        self.target_end = NextStop(prose, r"[)\s]")
        self.paren_end = NextStop(prose, r"[()\s]")
        self._matching: dict[int, int] | None = None  # "(" -> its ")" within a stretch without blanks (made when needed)
        self.blank_end = NextStop(prose, r"[^ \t]")
        self.quote_end = {'"': NextStop(prose, '"'), "'": NextStop(prose, "'")}
        self.reference_end = NextStop(prose, r"[\]\r\n]")  # ("[" may occur in a reference label)

    def find(self) -> list[tuple[int, int, int]]:
        """(start, end of the link text, end) of each link, in order."""
        prose, n = self.prose, len(self.prose)
        out = []
        position = 0
        while (start := prose.find("[", position)) != -1:
            close = self.label_end(start + 1)
            if close < n and prose[close] == "]":
                end = self._tail(close + 1)
                if end is not None:
                    out.append((start, close, end))
                    position = end
                    continue
            position = start + 1
        return out

    def _tail(self, at: int) -> int | None:
        """The end of ``(target "title")`` or ``[reference]`` starting at ``at``, if one does."""
        prose, n = self.prose, len(self.prose)
        if prose.startswith("(", at):
            target = at + 1
            if prose.startswith("<", target):
                close = self.angle_end(target + 1)
                if close < n and prose[close] == ">":
                    end = self._after_target(close + 1)
                    if end is not None:
                        return end
            end = self._after_target(self._target_stop(target))
            if end is not None:
                return end
        if prose.startswith("[", at):
            close = self.reference_end(at + 1)
            if close < n and prose[close] == "]":
                return close + 1
        return None

    def _target_stop(self, target: int) -> int:
        """Where the target starting at ``target`` stops: at the first ")" or blank outside balanced parentheses
        ("ms714644(v=vs.85)"), or at a "(" not closed before a blank, or past ``_MAX_GROUPS`` groups (no link then:
        no ")" follows)."""
        stop = self.target_end(target)
        if self.paren_end(target) == stop:
            return stop  # no "(" in the target: nearly every link
        if self._matching is None:
            self._matching = _matching_parentheses(self.prose)
        prose, n = self.prose, len(self.prose)
        position = target
        for _ in range(_MAX_GROUPS):
            found = self.paren_end(position)
            if found >= n or prose[found] != "(":
                return found  # the target's ")" or blank
            close = self._matching.get(found)
            if close is None:
                return found
            position = close + 1
        return self.paren_end(position)

    def _after_target(self, at: int) -> int | None:
        """The end of ``[ \t]+(?:"[^"]*"|'[^']*')`` (optional) and ``)`` at ``at``."""
        prose, n = self.prose, len(self.prose)
        if at < n and prose[at] in " \t":
            quote_at = self.blank_end(at)
            if quote_at < n and prose[quote_at] in "\"'":
                close = self.quote_end[prose[quote_at]](quote_at + 1)
                if close < n and prose.startswith(")", close + 1):
                    return close + 2
            return None
        return at + 1 if prose.startswith(")", at) else None


# Balanced groups of parentheses a link target may hold (real ones hold one or two).
_MAX_GROUPS = 32
_PARENS_OR_BLANK = re.compile(r"[()\s]")


def _matching_parentheses(prose: str) -> dict[int, int]:
    """Each "(" with the ")" that closes it within the same stretch of characters other than blanks."""
    out: dict[int, int] = {}
    opened: list[int] = []
    for match in _PARENS_OR_BLANK.finditer(prose):
        char = match[0]
        if char == "(":
            opened.append(match.start())
        elif char == ")":
            if opened:
                out[opened.pop()] = match.start()
        else:
            opened.clear()
    return out


def links(prose: str) -> list[tuple[int, int, int]]:
    """(start, end of the link text, end) of each inline or reference link (see ``_Links``)."""
    if "]" not in prose:
        return []
    return _Links(prose).find()
