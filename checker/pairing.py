"""Brackets and quotation marks left unpaired in a stretch of prose (CON001).

``unpaired(prose, start, end)`` scans one paragraph and returns the marks
that have no partner in it: an opening bracket never closed, a closing one
never opened, a quotation opened and not closed (or closed and never
opened). What looks like a bracket or a quote but is something else is left
alone:

- list and enumeration markers ``a)``, ``1)``, ``iv)`` (a closing bracket
  after one to three letters or digits that stand alone);
- half-open intervals ``[0, 1)`` and ``(0, 1]``;
- emoticons ``:)``, ``;-(``, ``=)`` (one that ends the paragraph closes a parenthesis left open);
- primes after figures (``5'11"``, ``a 12" pipe``), inside a quotation too
  when a lower-case word follows and a closing quote still comes;
- apostrophes: in a word (``don't``), after a plural (``students'``),
  before a decade (``the '90s``) and in elisions (``rock 'n' roll``, ``'em``).

Single quotation marks are mostly apostrophes, so a single quote is reported
only when it plainly opens a quotation (after a space, before a capital
letter) and no mark that could close it follows in the paragraph. Double quotes are paired by direction: a straight ``"``
opens after a space or an opening bracket and closes before one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter, le
from typing import Protocol

from checker.patterns import LazyPattern

OPENERS = {"(": ")", "[": "]"}
CLOSERS = {")": "(", "]": "["}
DOUBLE_OPEN = "\u201c"  # “
DOUBLE_CLOSE = "\u201d"  # ”
SINGLE_OPEN = "\u2018"  # ‘
SINGLE_CLOSE = "\u2019"  # ’
QUOTES = '"' + DOUBLE_OPEN + DOUBLE_CLOSE + "'" + SINGLE_OPEN + SINGLE_CLOSE
_OPEN_CONTEXT = " \t\r\n([{\u2014\u2013-/" + DOUBLE_OPEN + SINGLE_OPEN
_CLOSE_CONTEXT = " \t\r\n)]}.,;:!?\u2014\u2013-/" + DOUBLE_CLOSE + SINGLE_CLOSE

_DOUBLES = '"' + DOUBLE_OPEN + DOUBLE_CLOSE
_CURLY_OPENERS = DOUBLE_OPEN + SINGLE_OPEN
_CURLY_CLOSERS = DOUBLE_CLOSE + SINGLE_CLOSE

# Intervals: "[0, 1)", "(0, 1]", "[a, b)"; emoticons ":)", ";-(", ":-)".
_INTERVAL = LazyPattern(r"[\[(]\s*[-+\u2212]?[\w.\u221e]{1,12}\s*[,;]\s*[-+\u2212]?[\w.\u221e]{1,12}\s*[\])]")
# Each of the two begins with the class of its first character and checks the one before it
# after that ("(?<!\S)" first would make the search try every position).
_EMOTICON = LazyPattern(r"[:;=](?<!\S[:;=])[-']?[()\[\]](?!\w)")
# A bracket written as a word of its own ("the [[ command", "the ]] token") is named, not used.
_BARE = LazyPattern(r"[()\[\]](?<!\S[()\[\]])[()\[\]]+(?!\S)")
# Enumeration markers: "a)", "1)", "1.)", "iv)", "B)" standing alone (after a space or at a line start).
_ENUMERATOR = LazyPattern(r"(?<![^\s\"'\u201c])(?:[a-zA-Z]|\d{1,3}|[ivxlIVXL]{1,5})\.?\)(?=\s|$|[.,;:])")
# Elisions that begin with an apostrophe: 'n', 'em, 'tis, 'twas, 'cause, 'til, 'bout, 'round, 'cos.
_ELISION = LazyPattern(r"(?:n|em|tis|twas|cause|cos|til|till|bout|round|nother|ello|s|re|ve|ll|d|t)(?![a-z])", re.I)


class _Span(Protocol):
    """A stretch of the text (``checker.document.Block``)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Unpaired:
    """One unpaired mark: where it is, the mark, and whether it opens (or closes)."""

    offset: int
    mark: str
    opens: bool
    # A quotation still open when the paragraph ends (it may go on in the next one).
    trailing: bool = False


def _masked(prose: str, start: int, end: int) -> set[int]:
    """Offsets of brackets that are not brackets (intervals, emoticons, brackets named as words)."""
    out: set[int] = set()
    segment = prose[start:end]
    # An interval holds a comma or a semicolon, an emoticon a colon or a semicolon: most paragraphs
    # with brackets need only the search for brackets named as words.
    patterns = [_BARE]
    if ";" in segment:
        patterns += (_INTERVAL, _EMOTICON)
    else:
        if "," in segment:
            patterns.append(_INTERVAL)
        if ":" in segment or "=" in segment:
            patterns.append(_EMOTICON)
    for pattern in patterns:
        for match in pattern.finditer(segment):
            word = match.group()
            if pattern is _BARE and ("()" in word or "[]" in word):
                continue  # an empty list or tuple ("false, [])"): its brackets pair, and so does the rest
            out.update(start + i for i in range(match.start(), match.end()) if segment[i] in "()[]")
    return out


def _enumerators(prose: str, start: int, end: int) -> set[int]:
    """Offsets of the closers of enumeration markers ("a)", "2)")."""
    return {start + match.end() - 1 for match in _ENUMERATOR.finditer(prose[start:end])}


def _nested(prose: str, start: int, marks: list[int]) -> bool:
    """Whether the brackets at ``marks`` pair up, each closing the last one opened, and none can be masked.

    Then ``_brackets`` finds nothing: a closer always closes the top of its stack, and an interval
    (the one mask left possible) takes an opener and the closer right after it, which is such a pair.
    The masks that could unpair the others need a bracket right after a bracket (``_BARE``) or after
    ``:``, ``;``, ``=``, ``-`` or ``'`` (``_EMOTICON``).
    """
    for offset in marks:
        if offset > start and prose[offset - 1] in _MASK_SIGNS:
            return False
    return _pair_up("".join([prose[offset] for offset in marks]))


def _pair_up(sequence: str) -> bool:
    """Whether the brackets ``sequence`` (only brackets) pair up, each closing the last one opened."""
    while sequence:
        shorter = sequence.replace("()", "").replace("[]", "")
        if len(shorter) == len(sequence):
            return False
        sequence = shorter
    return True


# What a bracket follows when a mask may take it (see ``_nested``).
_MASK_SIGNS = "()[]:;=-'"


def _brackets(prose: str, start: int, end: int, marks: list[int]) -> list[Unpaired]:
    if not marks or _nested(prose, start, marks):
        return []
    skip = _masked(prose, start, end)
    enumerators: set[int] | None = None  # needed only for a closer that closes nothing: found then
    stack: list[tuple[int, str]] = []
    open_count = {"(": 0, "[": 0}  # so that a closer with no opener costs no search of the stack
    out: list[Unpaired] = []
    for offset in marks:
        char = prose[offset]
        if offset in skip:
            continue
        if char in OPENERS:
            stack.append((offset, char))
            open_count[char] += 1
            continue
        opener = CLOSERS[char]
        depth = None
        if open_count[opener]:
            depth = next(i for i in range(len(stack) - 1, -1, -1) if stack[i][1] == opener)
        if depth is None:
            # "a)" or "2)" closing nothing: an enumeration marker ("(2018 C)" closes its bracket).
            if enumerators is None:
                enumerators = _enumerators(prose, start, end)
            if offset not in enumerators:
                out.append(Unpaired(offset, char, False))
            continue
        # Whatever was opened inside the matching bracket and not closed is unclosed.
        out.extend(Unpaired(o, c, True) for o, c in stack[depth + 1 :])
        for _, c in stack[depth:]:
            open_count[c] -= 1
        del stack[depth:]
    if stack and stack[-1][1] == "(" and marks[-1] in skip and _ends_with_smiley(prose, marks[-1], end):
        stack.pop()  # "(... code? :-)": the smiley that ends the paragraph ends the aside too
    out.extend(Unpaired(o, c, True) for o, c in stack)
    return out


def _ends_with_smiley(prose: str, offset: int, end: int) -> bool:
    """Whether the masked ``)`` at ``offset`` is an emoticon's and only white space follows it."""
    return prose[offset] == ")" and prose[offset - 1] in ":;=-'" and not prose[offset + 1 : end].strip()


def _direction(prose: str, offset: int, start: int, end: int) -> str:
    """'open', 'close' or '' (either) for a straight quote, from the characters around it."""
    before = prose[offset - 1] if offset > start else " "
    after = prose[offset + 1] if offset + 1 < end else " "
    # Right inside a curly quotation a straight mark opens or closes one of its own (“"x"”).
    if before in _CURLY_OPENERS and after not in _CURLY_CLOSERS:
        return "open"
    if after in _CURLY_CLOSERS and before not in _CURLY_OPENERS:
        return "close"
    # A quotation opened right inside another before a word (""name" of a type": code quoted in code).
    if before == '"' and after.isalnum() and (offset - 1 == start or prose[offset - 2] != '"'):
        return "open"
    opens = before in _OPEN_CONTEXT and not after.isspace()
    closes = after in _CLOSE_CONTEXT and not before.isspace()
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return ""


def _doubles(prose: str, start: int, end: int, marks: list[int]) -> list[Unpaired]:
    """Unpaired double quotes; a quotation may hold another one ("... the "Father of the House" ...").

    Inside a quotation, ``13" laptop`` reads as an inch mark; when that reading leaves marks unpaired and
    reading those figures' marks as closing quotes pairs every mark ("x += 1" can, "0" through "9"), the
    paragraph is read the second way.
    """
    if not marks:
        return []
    out, inches = _paired_doubles(prose, start, end, marks, True)
    if out and inches:
        again, _ = _paired_doubles(prose, start, end, marks, False)
        if not again:
            return again
    return out


def _paired_doubles(prose: str, start: int, end: int, marks: list[int], inches: bool) -> tuple[list[Unpaired], bool]:
    """The unpaired double quotes, and whether a mark after a figure inside a quotation was read as an inch
    mark (read so only when ``inches``)."""
    out: list[Unpaired] = []
    stack: list[int] = []
    last_close = _last_double_closer(prose, start, end, marks)
    read_inch = False
    for offset in marks:
        char = prose[offset]
        if char == '"':
            if offset > start and prose[offset - 1].isdigit():
                if not stack:
                    continue  # a prime: 12" or 5'11"
                if _inch_mark(prose, offset, last_close):
                    read_inch = True
                    if inches:
                        continue  # inside a quotation: "my 13" laptop"
            direction = _direction(prose, offset, start, end)
        elif char == DOUBLE_OPEN:
            direction = "open"
        else:
            direction = "close"
        if not stack:
            if direction == "close":
                out.append(Unpaired(offset, char, False))
            else:
                stack.append(offset)
        elif direction == "open":
            if _reopens(prose, offset, start):
                stack.pop()  # the quotation goes on in a new (merged) paragraph
            stack.append(offset)
        else:
            stack.pop()
    out.extend(Unpaired(o, prose[o], True, trailing=True) for o in stack)
    return out, read_inch


def _inch_mark(prose: str, offset: int, last_close: int) -> bool:
    """Inside a quotation, ``13"`` is an inch mark when a lower-case word follows and a closing quote comes later."""
    return re.match(r"[ \-][a-z]", prose[offset + 1 : offset + 3]) is not None and last_close > offset + 2


def _last_double_closer(prose: str, start: int, end: int, marks: list[int]) -> int:
    """The offset of the last double quote (of ``marks``) that closes by its context, or -1."""
    for offset in reversed(marks):
        char = prose[offset]
        if char == DOUBLE_CLOSE or (char == '"' and _direction(prose, offset, start, end) == "close"):
            return offset
    return -1


def _reopens(prose: str, offset: int, start: int) -> bool:
    """Whether an opening quote inside an open quotation starts a new sentence of it.

    By the convention for quotations over several paragraphs, each paragraph
    reopens the quotation without the last one closing it; where the
    paragraph breaks were lost (one paragraph per line in much extracted
    text), the reopening stands after a sentence's full stop.
    """
    position = offset
    while position > start and prose[position - 1].isspace():
        position -= 1
    return position == start or prose[position - 1] in ".!?\u2026"


def _singles(prose: str, start: int, end: int, marks: list[int]) -> list[Unpaired]:
    """Single quotes that plainly open a quotation that nothing after them can close."""
    out: list[Unpaired] = []
    if not marks:
        return out
    last_closer = _last_single_closer(prose, start, end, marks)
    for offset in marks:
        char = prose[offset]
        if char not in ("'", SINGLE_OPEN):
            continue
        before = prose[offset - 1] if offset > start else " "
        after = prose[offset + 1] if offset + 1 < end else " "
        if before not in _OPEN_CONTEXT or not after.isupper():
            # An apostrophe in a word, a prime, a decade ('90s), or a lower-case word that may be
            # an elision ('bot, 'em): only a capitalised quotation is taken for one.
            continue
        if _ELISION.match(prose, offset + 1, end):
            continue
        if last_closer <= offset + 1:
            out.append(Unpaired(offset, char, True, trailing=True))
    return out


def _last_single_closer(prose: str, start: int, end: int, marks: list[int]) -> int:
    """The offset of the last mark (of ``marks``) that could close a single quotation (``students'`` counts), or -1."""
    for offset in reversed(marks):
        if prose[offset] in ("'", SINGLE_CLOSE):
            after = prose[offset + 1] if offset + 1 < end else " "
            if not (after.isalpha() or after.isdigit()):
                return offset
    return -1


def _offsets(chars: str, prose: str) -> list[int]:
    """The sorted offsets in ``prose`` of each of ``chars``."""
    # One str.find per occurrence: much faster than a regular expression's scan for a class of
    # characters, since marks are sparse and str.find skips to each one.
    out: list[int] = []
    append = out.append
    find = prose.find
    runs = 0
    for char in chars:
        at = find(char)
        if at != -1:
            runs += 1
        while at != -1:
            append(at)
            at = find(char, at + 1)
    if runs > 1:
        out.sort()
    return out


class Marks:
    """The offsets of a text's brackets, double and single quotation marks, found once for all its paragraphs."""

    __slots__ = ("brackets", "doubles", "singles", "capital_singles", "every", "bracket_text", "after_signs")

    def __init__(self, prose: str) -> None:
        self.brackets = _offsets("()[]", prose)
        # For ``nested``, the test of ``_nested`` on a paragraph's brackets without a loop over them:
        # the brackets in a row, and the offsets of those right after a sign that lets a mask take them.
        self.bracket_text = "".join([prose[offset] for offset in self.brackets])
        self.after_signs = [offset for offset in self.brackets if offset and prose[offset - 1] in _MASK_SIGNS]
        self.doubles = _offsets(_DOUBLES, prose)
        self.singles = _offsets("'" + SINGLE_OPEN + SINGLE_CLOSE, prose)
        # The single quotes before a capital letter: only those can open a quotation (``_singles``);
        # most single quotes are apostrophes, before a lower-case letter or a space.
        self.capital_singles = [offset for offset in self.singles if prose[offset + 1 : offset + 2].isupper()]
        self.every = sorted(self.brackets + self.doubles + self.singles)

    def any_within(self, start: int, end: int) -> bool:
        """Whether ``prose[start:end]`` holds a mark."""
        every = self.every
        index = bisect_left(every, start)
        return index < len(every) and every[index] < end

    def holders(self, spans: Sequence[_Span]) -> list[int]:
        """The indices of ``spans`` that hold a mark, in order: those for which ``any_within`` is true.

        Spans in order and not overlapping (a document's paragraphs) are reached from the marks, by
        bisection, so that the many spans without a mark cost nothing; others are each asked.
        """
        every = self.every
        starts = [span.start for span in spans]
        ends = [span.end for span in spans]
        if not (all(map(le, starts, ends)) and all(map(le, ends[:-1], starts[1:]))):
            return [index for index, span in enumerate(spans) if self.any_within(span.start, span.end)]
        out: list[int] = []
        count, position, index = len(every), 0, -1
        while position < count:
            # The last span that starts at or before the mark: the only one that can hold it (an empty
            # span sharing its start comes before it).
            index = bisect_right(starts, every[position], index if index > 0 else 0) - 1
            if index >= 0 and every[position] < ends[index]:
                out.append(index)
                position = bisect_left(every, ends[index], position)
            elif index + 1 < len(starts):
                # A mark before the first span or between two: go on at the next span's first mark.
                position = bisect_left(every, starts[index + 1], position + 1)
            else:
                break
        return out

    def nested(self, start: int, end: int, first: int, last: int) -> bool:
        """``_nested`` of the brackets of ``prose[start:end]``, which are ``brackets[first:last]``."""
        after_signs = self.after_signs
        index = bisect_left(after_signs, start + 1)  # as in ``_nested``, a bracket at ``start`` is not asked what precedes it
        if index < len(after_signs) and after_signs[index] < end:
            return False
        return _pair_up(self.bracket_text[first:last])


_OFFSET = attrgetter("offset")


def _within(offsets: list[int], start: int, end: int) -> list[int]:
    return offsets[bisect_left(offsets, start) : bisect_left(offsets, end)] if offsets else offsets


def unpaired(prose: str, start: int, end: int, quotes: bool = True, marks: Marks | None = None) -> list[Unpaired]:
    """The unpaired marks of ``prose[start:end]``, in order (``marks``: those of ``prose``, if known)."""
    # The scans visit only the marks' offsets, found by one search of the text per kind.
    if marks is None:
        marks = Marks(prose[start:end]) if start or end != len(prose) else Marks(prose)
        if start:
            marks = _shifted(marks, start)
    # Most paragraphs' brackets pair up: that is told from the whole text's marks, without a list of the paragraph's.
    brackets = marks.brackets
    first = bisect_left(brackets, start)
    last = bisect_left(brackets, end, first)
    found = [] if first == last or marks.nested(start, end, first, last) else _brackets(prose, start, end, brackets[first:last])
    if quotes:
        # Most texts have no double quotes, nor a single one before a capital: the searches are skipped.
        doubles = _within(marks.doubles, start, end)
        if doubles:
            found += _doubles(prose, start, end, doubles)
        if marks.capital_singles and _within(marks.capital_singles, start, end):
            found += _singles(prose, start, end, _within(marks.singles, start, end))
    if len(found) > 1:
        found.sort(key=_OFFSET)
    return found


def _shifted(marks: Marks, by: int) -> Marks:
    """``marks`` found in a slice, as offsets in the whole text."""
    for name in ("brackets", "doubles", "singles", "capital_singles", "every", "after_signs"):
        setattr(marks, name, [offset + by for offset in getattr(marks, name)])
    return marks


def opens_with_quote(prose: str, start: int, end: int) -> bool:
    """Whether a paragraph begins with a quotation mark (the convention for a quotation that goes on)."""
    text = prose[start:end].lstrip()
    return bool(text) and text[0] in QUOTES
