"""Names wrapped across a line break: one name, written on two lines.

Plain text copied from a PDF or hard-wrapped at 72 columns breaks lines in
mid-sentence. A line break there is a space ("the Civic\\nCentre"), and a
word hyphenated at the end of a line is one word ("Oye-\\nlaran"). The names
extractor asks this module two things: whether a line break is such a soft
wrap (so the word after it does not open a sentence, and a multi-word name
goes on across it), and which words are hyphenated across a line end (so
the two halves are one name, located from the first half to the second).
"""

from __future__ import annotations

from typing import NamedTuple

from checker.lexicon import zipf
from checker.patterns import LazyPattern

# A wrapped prose line is long; a short line is a heading, a list item or a signature.
SOFT_LINE_MIN = 40
# A word hyphenated at a line end is the letters (``[^\W\d_]``) before "-\n", with no word
# character, hyphen or apostrophe before them, and a lower-case word on the next line. The
# search looks for the line end and what follows it, and walks back over the first half:
# searching for the first half would try every position of the text.
_WRAP_RESUME = LazyPattern(r"-\n[ \t]*([a-z][^\W\d_]*)")
_NOT_BEFORE = "_-'\u2019"
# Common words that, written solid, are rare: the hyphen is the compound's own ("well-\nknown").
_COMMON = 3.0
# Words after a suspended hyphen ("pre- and post-operative").
_SUSPENDED = frozenset({"and", "or", "nor", "to"})


def soft_break(prose: str, newline: int) -> bool:
    """Whether the line break at ``newline`` is a wrap inside a sentence: the line before is
    long, has lower-case words and ends in a letter or a comma (not in a full stop), and the
    next line is not blank."""
    end = newline
    while end > 0 and prose[end - 1] in " \t\r":
        end -= 1
    if end == 0:
        return False
    last = prose[end - 1]
    if not (last.isalpha() or last == ","):
        return False
    if prose[newline + 1 : newline + 2] in ("\n", "\r", ""):
        return False
    return _prose_line(prose, end)


def _prose_line(prose: str, end: int) -> bool:
    """Whether the line that ends at ``end`` is a long line of prose (not a heading, a list item, a table row)."""
    start = prose.rfind("\n", 0, end) + 1
    if end - start < SOFT_LINE_MIN:
        return False
    line = prose[start:end]
    return any(c.islower() for c in line) and not line.lstrip().startswith(("#", "|", "- ", "* "))


class Wrap(NamedTuple):
    """A word hyphenated at a line end."""

    start: int  # of its first half
    split: int  # end of its first half (the hyphen)
    resume: int  # start of its second half
    end: int
    word: str  # the halves joined


def hyphen_wraps(prose: str) -> list[Wrap]:
    """The words hyphenated across a line end that are one word broken by the layout: not a
    compound of two common words ("well-\\nknown"), nor a suspended hyphen ("pre-\\nand post-")."""
    if "-\n" not in prose:
        return []
    out: list[Wrap] = []
    taken = 0  # the end of the last wrap: two wraps do not share letters ("ab-\ncd-\nef" is one)
    for match in _WRAP_RESUME.finditer(prose):
        split = match.start()
        start = split
        while start > 0 and _letter(prose[start - 1]):
            start -= 1
        if start == split or start < taken:
            continue
        if start > 0 and (prose[start - 1].isalnum() or prose[start - 1] in _NOT_BEFORE):
            continue
        taken = match.end(1)
        first, second = prose[start:split], match.group(1)
        if second in _SUSPENDED or not _prose_line(prose, split):
            continue
        if zipf(first.lower()) >= _COMMON and zipf(second) >= _COMMON and zipf((first + second).lower()) < _COMMON:
            continue
        out.append(Wrap(start, split, match.start(1), match.end(1), first + second))
    return out


def _letter(ch: str) -> bool:
    # re's [^\W\d_]: a word character that is not a decimal digit nor "_".
    return ch.isalnum() and not ch.isdecimal()


def one_line(text: str) -> str:
    """A name as written across a soft wrap, on one line: "Civic\\nCentre" -> "Civic Centre",
    "Oye-\\nlaran" -> "Oyelaran" (a hyphen at a line end inside a name is a wrapped word's)."""
    if "\n" not in text:
        return text
    return " ".join(_HYPHEN_BREAK.sub("", text).split())


_HYPHEN_BREAK = LazyPattern(r"-\n[ \t]*")
