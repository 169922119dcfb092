"""TXT004: the same word twice in a row: ``the the``."""

from __future__ import annotations

import re
from typing import Iterator

from checker.finding import Edit, Finding, Fix
from checker.rule import Rule

# Two runs of letters separated by spaces or one line break (never a blank
# line: a paragraph break ends the check). Letters only: "10 10" is not a
# doubled word.
_PAIR = re.compile(
    r"(?<![\w'\u2019\-./@\\])([^\W\d_]+)( |[ ]*(?:\r\n|\r|\n)[ ]*)([^\W\d_]+)(?![\w'\u2019\-@\\]|\.\w)"
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ ]*(?:\r\n|\r|\n)?[ ]*$")
_WORD_AFTER = re.compile(r"[ ]*(?:\r\n|\r|\n)?[ ]*([^\W\d_]+)")
_QUOTES = "\"'`\u2018\u2019\u201c\u201d"

# Lines of code or grammar, where a name often ends one line and starts the
# next ("value_pattern ::= attr" / "attr ::= ...").
_CODE_LINE = re.compile(r"\t|::=|>>>|[={}|<>]|->|\(\)|[a-z]+[A-Z][a-z]+[A-Z]")
# A line of prose has a few words; a line with one or two is a command, a
# keyword or a label.
_MIN_LINE_WORDS = 3
_LETTERS = re.compile(r"[^\W\d_]+")

# Doubles that English grammar or idiom produces on purpose: "she had had
# enough", "he said that that was fine", "what it is is a risk", "what it
# was was ...", "I do do it", "gave her her keys", and doubled intensifiers
# and interjections ("very very", "bye bye"). "no no", "well well" and
# "more more" are left out: in written prose they are slips ("as well well as").
ALLOWED = frozenset(
    """
    had that is was do her
    very really much many so far long too
    bye ha haha ho blah tut chop knock hush
    """.split()
)

# Never doubled on purpose: removing the second one is a safe fix.
_FUNCTION = frozenset(
    """
    the a an of to in on at for from with by and or but nor as into onto upon
    about than its our their your my his this these those which who whom whose
    are were be been being has have will would shall should can could may might
    must not if when where while because although though
    """.split()
)


class DoubledWord(Rule):
    """The same word twice in a row, such as ``the the``.

    What it does
    ------------
    Reports a word repeated immediately, ignoring case and line breaks
    (``the\\nthe`` is the usual way it happens) but never across a paragraph
    break or punctuation. Repeats that English uses on purpose are left alone:
    "had had", "that that", "is is", "was was", "do do", "her her", and
    doubled intensifiers and interjections such as "very very" or "bye bye".
    Two capitalised words (``Walla Walla``, ``Duran Duran``), single letters
    other than "a", and figures ("10 10") are not reported either.

    Why it matters
    --------------
    A doubled word is almost always an editing slip, and the eye skips it:
    readers notice it only after publication.

    The fix deletes the second word. It is safe for articles, prepositions,
    conjunctions and auxiliaries ("the the", "of of", "will will"), which are
    never doubled on purpose; for other words it is unsafe, because a rare
    construction may be intended.

    Example
    -------
    Flagged::

        The company expects to file the
        the application in the first quarter.

    Passes::

        By March the company had had two approvals.
    """

    code = "TXT004"
    name = "doubled-word"
    severity = "warning"

    def check(self, doc, facts) -> Iterator[Finding]:
        prose, text = doc.prose, doc.text
        position = 0
        while True:
            match = _PAIR.search(prose, position)
            if match is None:
                return
            # Overlapping pairs ("the the the"): resume at the second word.
            position = match.start(3)
            first, second = match.group(1), match.group(3)
            lower = first.lower()
            if lower != second.lower() or lower in ALLOWED:
                continue
            if len(first) == 1 and lower != "a":
                continue
            # "name Name" (a table of terms), "Walla Walla", "THE THE".
            if second[0].isupper():
                continue
            # Blanked markup between the words ("the `x` the") is not a double.
            if not text[match.end(1) : match.start(3)].isspace():
                continue
            if not _plausible(prose, match):
                continue
            yield self._finding(text, match)

    def _finding(self, text: str, match: re.Match) -> Finding:
        first, second = match.group(1), match.group(3)
        start, end = match.start(3), match.end(3)
        # Delete the second word and the spaces after it on the same line;
        # at the end of a line, the spaces before it instead.
        after = end
        while after < len(text) and text[after] in " \t":
            after += 1
        if after > end and after < len(text) and text[after] not in "\r\n":
            edit = Edit(start, after, "")
        else:
            edit = Edit(match.end(1), end, "")
        safe = first.lower() in _FUNCTION
        return self.finding(
            match.start(1),
            end,
            f'"{first} {second}" repeats the word "{second}"',
            evidence=f'"{first}" is followed directly by "{second}"',
            fix=Fix((edit,), "safe" if safe else "unsafe", f'Delete the second "{second}"'),
        )


def _lines(prose: str, start: int, end: int) -> str:
    """The whole lines covering ``prose[start:end]``."""
    line_start = max(prose.rfind("\n", 0, start), prose.rfind("\r", 0, start)) + 1
    line_end = len(prose)
    for stop in ("\n", "\r"):
        at = prose.find(stop, end)
        if at >= 0:
            line_end = min(line_end, at)
    return prose[line_start:line_end]


def _plausible(prose: str, match: re.Match) -> bool:
    """In running prose: not a triple, not quoted, not code, next to another word."""
    lower = match.group(1).lower()
    start, end = match.start(1), match.end(3)
    before = _WORD_BEFORE.search(prose, max(0, start - 40), start)
    after = _WORD_AFTER.match(prose, end, min(len(prose), end + 40))
    # "blah blah blah", "spam spam spam": repetition on purpose.
    if (before and before.group(1).lower() == lower) or (after and after.group(1).lower() == lower):
        return False
    # "1 root root 30736": a listing, not a sentence ("2019 and and 2018" is).
    if before is None and after is None and lower not in _FUNCTION:
        return False
    # '"the the"': the text is talking about the double.
    if (start > 0 and prose[start - 1] in _QUOTES) or (end < len(prose) and prose[end] in _QUOTES):
        return False
    lines = _lines(prose, start, end)
    if _CODE_LINE.search(lines):
        return False
    if any(len(_LETTERS.findall(line)) < _MIN_LINE_WORDS for line in lines.splitlines()):
        return False
    # Inside an inline code span of a plain-text file.
    line_start = max(prose.rfind("\n", 0, start), prose.rfind("\r", 0, start)) + 1
    return prose.count("`", line_start, start) % 2 == 0
