"""Brackets and quotation marks left unpaired in a stretch of prose (CON001).

``unpaired(prose, start, end)`` scans one paragraph and returns the marks
that have no partner in it: an opening bracket never closed, a closing one
never opened, a quotation opened and not closed (or closed and never
opened). What looks like a bracket or a quote but is something else is left
alone:

- list and enumeration markers ``a)``, ``1)``, ``iv)`` (a closing bracket
  after one to three letters or digits that stand alone);
- half-open intervals ``[0, 1)`` and ``(0, 1]``;
- emoticons ``:)``, ``;-(``;
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
from dataclasses import dataclass

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
_MARK = LazyPattern("[" + re.escape("()[]" + QUOTES) + "]")

# Intervals: "[0, 1)", "(0, 1]", "[a, b)"; emoticons ":)", ";-(", ":-)".
_INTERVAL = LazyPattern(r"[\[(]\s*[-+\u2212]?[\w.\u221e]{1,12}\s*[,;]\s*[-+\u2212]?[\w.\u221e]{1,12}\s*[\])]")
_EMOTICON = LazyPattern(r"(?<!\S)[:;][-']?[()\[\]](?!\w)")
# A bracket written as a word of its own ("the [[ command", "the ]] token") is named, not used.
_BARE = LazyPattern(r"(?<!\S)[()\[\]]{2,}(?!\S)")
# Enumeration markers: "a)", "1)", "iv)", "B)" standing alone (after a space or at a line start).
_ENUMERATOR = LazyPattern(r"(?<![^\s\"'\u201c])(?:[a-zA-Z]|\d{1,3}|[ivxlIVXL]{1,5})\)(?=\s|$|[.,;:])")
# Elisions that begin with an apostrophe: 'n', 'em, 'tis, 'twas, 'cause, 'til, 'bout, 'round, 'cos.
_ELISION = LazyPattern(r"(?:n|em|tis|twas|cause|cos|til|till|bout|round|nother|ello|s|re|ve|ll|d|t)(?![a-z])", re.I)


@dataclass(frozen=True, slots=True)
class Unpaired:
    """One unpaired mark: where it is, the mark, and whether it opens (or closes)."""

    offset: int
    mark: str
    opens: bool
    # A quotation still open when the paragraph ends (it may go on in the next one).
    trailing: bool = False


def _masked(prose: str, start: int, end: int) -> tuple[set[int], set[int]]:
    """Offsets of brackets that are not brackets (intervals, emoticons), and of enumerator closers."""
    out: set[int] = set()
    segment = prose[start:end]
    for pattern in (_INTERVAL, _EMOTICON, _BARE):
        for match in pattern.finditer(segment):
            out.update(start + i for i in range(match.start(), match.end()) if segment[i] in "()[]")
    enumerators = {start + match.end() - 1 for match in _ENUMERATOR.finditer(segment)}
    return out, enumerators


def _brackets(prose: str, start: int, end: int, marks: list[int]) -> list[Unpaired]:
    if not marks:
        return []
    skip, enumerators = _masked(prose, start, end)
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
            if offset not in enumerators:
                out.append(Unpaired(offset, char, False))
            continue
        # Whatever was opened inside the matching bracket and not closed is unclosed.
        out.extend(Unpaired(o, c, True) for o, c in stack[depth + 1 :])
        for _, c in stack[depth:]:
            open_count[c] -= 1
        del stack[depth:]
    out.extend(Unpaired(o, c, True) for o, c in stack)
    return out


def _direction(prose: str, offset: int, start: int, end: int) -> str:
    """'open', 'close' or '' (either) for a straight quote, from the characters around it."""
    before = prose[offset - 1] if offset > start else " "
    after = prose[offset + 1] if offset + 1 < end else " "
    opens = before in _OPEN_CONTEXT and not after.isspace()
    closes = after in _CLOSE_CONTEXT and not before.isspace()
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return ""


def _doubles(prose: str, start: int, end: int, marks: list[int]) -> list[Unpaired]:
    """Unpaired double quotes; a quotation may hold another one ("... the "Father of the House" ...")."""
    out: list[Unpaired] = []
    if not marks:
        return out
    stack: list[int] = []
    last_close = _last_double_closer(prose, start, end, marks)
    for offset in marks:
        char = prose[offset]
        if char == '"':
            if offset > start and prose[offset - 1].isdigit() and (not stack or _inch_mark(prose, offset, last_close)):
                continue  # a prime: 12" or 5'11" (inside a quotation: "my 13" laptop")
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
    return out


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


def unpaired(prose: str, start: int, end: int, quotes: bool = True) -> list[Unpaired]:
    """The unpaired marks of ``prose[start:end]``, in order."""
    # The scans visit only the marks' offsets, found by one search of the paragraph.
    brackets: list[int] = []
    doubles: list[int] = []
    singles: list[int] = []
    for match in _MARK.finditer(prose, start, end):
        char = match.group()
        (brackets if char in "()[]" else doubles if char in _DOUBLES else singles).append(match.start())
    found = _brackets(prose, start, end, brackets)
    if quotes:
        found += _doubles(prose, start, end, doubles) + _singles(prose, start, end, singles)
    return sorted(found, key=lambda u: u.offset)


def opens_with_quote(prose: str, start: int, end: int) -> bool:
    """Whether a paragraph begins with a quotation mark (the convention for a quotation that goes on)."""
    text = prose[start:end].lstrip()
    return bool(text) and text[0] in QUOTES
