"""End-anchored patterns tried from the end: a pattern's reverse, and a search that asks it first.

A pattern that ends with ``\\Z`` describes the text right before some point
(a figure, for the statement extractor). ``re`` has no backward search, so
``search`` tries such a pattern at every start position, and wherever its
lead matches the optional parts in the middle backtrack at length before
``\\Z`` fails. The same pattern reversed, matched once at the start of the
reversed text, says whether any start position can succeed: it reads the
pattern's last words first and fails at once when they are not there. Only
then is the pattern itself searched, so the match, its groups and its start
are exactly those ``search`` finds.
"""

from __future__ import annotations

import re
from typing import Any

from checker.patterns.lazy import LazyPattern

_SCOPED_FLAGS = ((re.I, "i"), (re.M, "m"), (re.S, "s"), (re.A, "a"))


def reverse_pattern(pattern: str, flags: int = 0) -> str:
    """A pattern that matches exactly the reversed strings of ``pattern`` (groups become non-capturing).

    Lookaheads become lookbehinds and the other way round, ``\\Z`` becomes
    ``\\A`` and ``^`` becomes ``\\Z``. Raises ValueError for what has no
    reverse here (backreferences, atomic groups, possessive repeats,
    multiline anchors); ``re`` itself rejects a lookahead of variable width,
    which would become a lookbehind.
    """
    from re import _parser  # type: ignore[attr-defined]  # private: the tests compare the reverse with re itself

    tree = _parser.parse(pattern, flags)
    if tree.state.flags & ~(flags | re.UNICODE):
        raise ValueError("inline global flags are not supported")
    return _Reverser(multiline=bool(tree.state.flags & re.MULTILINE)).sequence(tree)


class _Reverser:
    """Writes the reverse of a parsed pattern (the parser's tree, as ``re.compile`` sees the pattern)."""

    def __init__(self, multiline: bool) -> None:
        from re import _constants as c  # type: ignore[attr-defined]

        self.c = c
        self.categories = {
            c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
            c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W",
        }
        self.anchors = {c.AT_BEGINNING_STRING: r"\Z", c.AT_END_STRING: r"\A", c.AT_BOUNDARY: r"\b", c.AT_NON_BOUNDARY: r"\B"}
        if not multiline:
            self.anchors[c.AT_BEGINNING] = r"\Z"

    @staticmethod
    def char(code: int) -> str:
        """A literal character, escaped."""
        return re.escape(chr(code))

    def klass(self, items: Any) -> str:
        """A character class (the same set either way round)."""
        c = self.c
        out = []
        for op, av in items:
            if op is c.NEGATE:
                out.append("^")
            elif op is c.LITERAL:
                out.append(self.char(av))
            elif op is c.RANGE:
                out.append(f"{self.char(av[0])}-{self.char(av[1])}")
            elif op is c.CATEGORY and av in self.categories:
                out.append(self.categories[av])
            else:
                raise ValueError(f"cannot reverse {op} in a character class")
        return "[" + "".join(out) + "]"

    def sequence(self, items: Any) -> str:
        """A sequence of items, last first."""
        return "".join(self.item(op, av) for op, av in reversed(list(items)))

    def item(self, op: Any, av: Any) -> str:
        """One item of the tree, reversed; ValueError for what has no reverse here."""
        c = self.c
        if op is c.LITERAL:
            return self.char(av)
        if op is c.NOT_LITERAL:
            return f"[^{self.char(av)}]"
        if op is c.ANY:
            return "."
        if op is c.IN:
            return self.klass(av)
        if op is c.BRANCH:
            return "(?:" + "|".join(self.sequence(alternative) for alternative in av[1]) + ")"
        if op is c.SUBPATTERN:
            _group, add, remove, sub = av
            on = "".join(letter for flag, letter in _SCOPED_FLAGS if add & flag)
            off = "".join(letter for flag, letter in _SCOPED_FLAGS if remove & flag)
            return f"(?{on}{'-' + off if off else ''}:{self.sequence(sub)})"
        if op is c.MAX_REPEAT or op is c.MIN_REPEAT:
            low, high, sub = av
            count = f"{{{low},}}" if high is c.MAXREPEAT else f"{{{low},{high}}}"
            return f"(?:{self.sequence(sub)}){count}{'?' if op is c.MIN_REPEAT else ''}"
        if op is c.AT and av in self.anchors:
            return self.anchors[av]
        if op is c.ASSERT or op is c.ASSERT_NOT:
            direction, sub = av
            return f"(?{'<' if direction == 1 else ''}{'=' if op is c.ASSERT else '!'}{self.sequence(sub)})"
        raise ValueError(f"cannot reverse {op} {av}")


class FromEnd:
    """An end-anchored pattern that first asks its reverse whether it can match at all.

    ``search`` and ``found`` give exactly what ``forward.search`` gives. The
    reverse takes a few milliseconds to build, so it is built only once the
    pattern has been used often enough to repay it; a short run never pays.
    Built, it must agree with every match the pattern found until then (a
    reverse that would have missed one is a bug, perhaps of another Python's
    parser); if it does not, or cannot be built, the pattern is simply searched.
    """

    _BUILD_AFTER = 100
    # In the reverse, these look past its end, that is before the start of a forward search.
    _SEES_PAST_END = ("\\Z", "(?=", "(?!", "\\b", "\\B")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self.forward = LazyPattern(pattern, flags)
        self._backward: LazyPattern | None = None
        self._calls = 0
        self._cut_ok = False
        self._found: list[str] = []  # texts the pattern matched before the reverse was built

    @property
    def uses_reverse(self) -> bool:
        """Whether the reverse is built and asked first."""
        return self._backward is not None

    def search(self, text: str, backwards: str) -> re.Match | None:
        """``forward.search(text)``; ``backwards`` is ``text[::-1]``."""
        if self._backward is None and not self._built():
            match = self.forward.search(text)
            if match is not None and self._calls < self._BUILD_AFTER:
                self._found.append(text)
            return match
        assert self._backward is not None
        return self.forward.search(text) if self._backward.match(backwards) else None

    def found(self, text: str, backwards: str, pos: int = 0) -> bool:
        """Whether ``forward.search(text, pos)`` finds a match; ``backwards`` is ``text[::-1]``.

        With ``pos``, the reverse is matched against the text cut at ``pos``,
        which is the same only for a pattern that never looks before where it
        starts (no lookbehind, ``^`` or ``\\b``); for any other the reverse is
        not used.
        """
        if (self._backward is None and not self._built()) or (pos and not self._cut_ok):
            hit = self.forward.search(text, pos) is not None
            if hit and not pos and self._calls < self._BUILD_AFTER:
                self._found.append(text)
            return hit
        assert self._backward is not None
        return self._backward.match(backwards, 0, len(text) - pos) is not None

    def _built(self) -> bool:
        """Whether the reverse is built, counting this use; builds it at the use that repays it."""
        if self._calls >= self._BUILD_AFTER:
            return False  # building failed: search forward only
        self._calls += 1
        if self._calls < self._BUILD_AFTER:
            return False
        try:
            reversed_text = reverse_pattern(self.pattern, self.flags)
            backward = LazyPattern(reversed_text, self.flags)
            if not all(backward.match(text[::-1]) for text in self._found):
                return False
        except Exception:  # no reverse here (ValueError, re.error, a parser that differs)
            return False
        finally:
            self._found = []
        self._cut_ok = not any(mark in reversed_text for mark in self._SEES_PAST_END)
        self._backward = backward
        return True
