"""TXT004: the same word twice in a row: ``the the``."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated

from checker.finding import Edit, Finding, Fix, Related
from checker.patterns import LazyPattern, ascii_lower
from checker.restructuredtext import looks_like_restructuredtext
from checker.rule import Rule
from checker.validation import after

# A word, then one space or one line break (never a blank line: a paragraph
# break ends the check), then the same word. Letters only: "10 10" is not a
# doubled word. A regular expression with a back-reference is slow on long
# texts, so it runs only for the words that a cheap scan found next to
# themselves (see ``_candidates``), and starts with the literal word so that
# the search is fast; the character before the word is checked separately.
_AFTER = r"[\w'\u2019\-@\\]|\.\w|:/"  # what may not follow the second word ("sftp sftp://" is code)
_PAIR = r"({0})( |[ ]*(?:\r\n|\r|\n)[ ]*)({0})(?!" + _AFTER + ")"
_NOT_BEFORE = LazyPattern(r"[\w'\u2019\-./@\\]")
# The parts of _PAIR after the first word, for the search without a pattern per word.
_LINE_BREAK = LazyPattern(r"[ ]*(?:\r\n|\r|\n)[ ]*")
_NOT_AFTER = LazyPattern(_AFTER)
_GAP_OPENS = frozenset(" \r\n")  # what the blank between the two words starts with
# ASCII punctuation and digits become spaces for the cheap scan, which works
# on UTF-8 bytes because bytes.translate is many times faster than str's.
# The table also lower-cases A-Z (all that bytes.lower changes), in the same pass.
_NOT_LETTERS = bytes(c for c in range(33, 127) if not chr(c).isalpha())
_UPPER = bytes(range(65, 91))
_SCAN_TABLE = bytes.maketrans(_NOT_LETTERS + _UPPER, b" " * len(_NOT_LETTERS) + _UPPER.lower())
_WORD_BEFORE = LazyPattern(r"([^\W\d_]+)[ ]*(?:\r\n|\r|\n)?[ ]*$")
_WORD_AFTER = LazyPattern(r"[ ]*(?:\r\n|\r|\n)?[ ]*([^\W\d_]+)")
_QUOTES = "\"'`\u2018\u2019\u201c\u201d"

# Lines of code or grammar, where a name often ends one line and starts the
# next ("value_pattern ::= attr" / "attr ::= ...").
_CODE_LINE = LazyPattern(r"\t|::=|>>>|[={}|<>]|->|\(\)|[a-z]+[A-Z][a-z]+[A-Z]|^[ \t]*\$[ \t]", re.M)
# A line of prose has a few words; a line with one or two is a command, a
# keyword or a label.
_MIN_LINE_WORDS = 3
_LETTERS = LazyPattern(r"[^\W\d_]+")

# Doubles that English grammar or idiom produces on purpose: "she had had
# enough", "he said that that was fine", "what it is is a risk", "what it
# was was ...", "I do do it", "gave her her keys", and doubled intensifiers
# and interjections ("very very", "bye bye"). "no no", "well well" and
# "more more" are left out: in written prose they are slips ("as well well as").
# "is is" and "was was" pass only after a pseudo-cleft's subject (``_CLEFT``).
ALLOWED = frozenset(
    """
    had that do her
    very really much many so far long too
    bye ha haha ho blah tut chop knock hush
    """.split()
)

# Before "is is" / "was was", the subject clause of a pseudo-cleft ("what it is is", "the thing is is").
_CLEFT = LazyPattern(r"\b(?:what|whatever|where|how|why|who|all|thing|problem|question|point|issue|reason|trouble|fact|truth)\b[^.;:!?]*$", re.I)

# Never doubled on purpose: removing the second one is a safe fix.
_FUNCTION = frozenset(
    """
    the a an of to in on at for from with by and or but nor as into onto upon
    about than its our their your my his this these those which who whom whose
    are were be been being has have will would shall should can could may might
    must not if when where while because although though
    """.split()
)


# Words that can end one clause and open the next: "if you look back on
# it it will be", "add to this this new law". After a preposition the first
# is its object, and the second starts the next clause. Not after "of",
# which ends a clause rarely ("none of these these problems" is a slip).
# Phrasal verbs whose particle is followed by the same word as a preposition: "check in in the hall",
# "logging in in the future", "figure out out-of-tree login". Common English phrasal verbs, by particle.
_PHRASAL = {
    "in": frozenset("check log sign opt plug fill drop join tune turn hand chime move zoom break dial phase bake build "
                    "factor lock pencil usher vote wire".split()),
    "out": frozenset("figure find check log sign opt carry point rule sort work hand turn print roll phase spell map "
                     "filter strip weed".split()),
    "on": frozenset("turn log put carry build switch take focus".split()),
    "up": frozenset("set sign look pick bring show clean make back sum spin start wrap open free".split()),
    "off": frozenset("turn log sign switch kick spin write".split()),
}
_CLAUSE_ENDERS = frozenset("it this that there here then".split())
_PREPOSITIONS = frozenset(
    """
    to in on at for from with by about into onto upon over under after
    before behind through against without within across around
    """.split()
)
# Running prose has about one function word in three; a line with fewer than
# one in eight (and a figure) is a table row or header left in extracted
# text ("Price volume volume mix 2019 2018").
_MIN_FUNCTION_SHARE = 0.125
_DIGIT = LazyPattern(r"\d")



def _single_words(value: tuple[str, ...]) -> tuple[str, ...]:
    """The ``allow`` option's check: single words, lower-cased."""
    for word in value:
        if not word.isalpha():
            raise ValueError(f"expected single words, got {word!r}")
    return tuple(word.lower() for word in value)

class DoubledWord(Rule):
    """The same word twice in a row, such as ``the the``.

    What it checks
    --------------
    Reports a word repeated immediately, ignoring case and line breaks
    (``the\\nthe`` is the usual way it happens) but never across a paragraph
    break or punctuation. Repeats that English uses on purpose are left alone:
    "had had", "that that", "do do", "her her", "is is" and "was was" after
    the subject of a pseudo-cleft ("what it is is a risk", "all it was was
    luck"; not ", is is enclosed"), and doubled intensifiers and
    interjections such as "very very" or "bye bye".
    Nor are a repeat whose second word is capitalised (``Walla Walla``, or a
    term followed by its description), a word said three times ("blah blah
    blah"), a double in quotes, single letters other than "a", figures
    ("10 10"), and lines of code, listings and tab-separated tables.
    A capitalised word in mid-sentence or a word in capitals followed by
    the same word ("the Parameter parameter", "Web Services services",
    "the OFFICIAL official notice") is a name, a label or emphasis; a
    capital that only opens a sentence ("The the") is still a slip. Shell
    command lines (``$ pip install``), a word repeated as a URL scheme
    ("sftp sftp://") and the literal blocks of a ``.txt`` file that is
    reStructuredText source (indented after "::" or a code directive) are
    code.
    A phrasal verb's particle followed by the same word as a preposition
    ("check in in the hall", "logging in in the future") is grammatical.
    Two more are read as a clause break, not a slip: "it", "this" or "there"
    after a preposition ("if you look back on it it will be", "add to this
    this new law"); and a repeated word on a line of figures and labels with
    hardly any function words, a table header left in extracted text ("Price
    volume volume mix 2019 2018").

    Why it matters
    --------------
    A doubled word is almost always an editing slip, and the eye skips it:
    readers notice it only after publication.

    Options
    -------
    ``allow``: words whose doubling the house style allows, beyond the
    built-in ones (for example ``allow = ["bora"]``); case is ignored.

    Confidence
    ----------
    ``high`` for articles, prepositions, conjunctions and auxiliaries ("the
    the"), which are never doubled on purpose; ``medium`` for other words,
    where a rare construction may be meant.

    Fix safety
    ----------
    The fix deletes the second word. It is safe for articles, prepositions,
    conjunctions and auxiliaries ("the the", "of of", "will will"), which are
    never doubled on purpose; for other words it is unsafe, because a rare
    construction may be intended.

    Flagged
    -------
        The company expects to file the
        the application in the first quarter.

    Passes
    ------
        By March the company had had two approvals.
    """

    code = "TXT004"
    name = "doubled-word"
    severity = "warning"

    @dataclass(frozen=True, slots=True, kw_only=True)
    class Options:
        """``[tool.factlint.rules.doubled-word]``."""

        # Words whose doubling the house style allows, beyond the built-in ones.
        allow: Annotated[tuple[str, ...], after(_single_words)] = ()

    def check(self, doc, facts) -> Iterator[Finding]:
        prose, text = doc.prose, doc.text
        encoded = prose.encode("utf-8")
        candidates = _candidates(encoded)
        if isinstance(self.options, self.Options) and self.options.allow:
            candidates -= set(self.options.allow)
        if not candidates:
            return
        memo: dict = {}  # per line: what the line-wide checks found, computed once
        for span in sorted(_spans(*_haystack(prose, candidates), candidates)):
            first, second = prose[span[0] : span[1]], prose[span[2] : span[3]]
            lower = first.lower()
            if len(first) == 1 and lower != "a":
                continue
            # "name Name" (a table of terms), "Walla Walla", "THE THE".
            if second[0].isupper():
                continue
            # "the Parameter parameter", "Web Services services", "OFFICIAL official": a name, a label or
            # emphasis, then the word; a capital that only opens a sentence ("The the") is a slip.
            if first[0].isupper() and ((len(first) > 1 and first.isupper()) or not _sentence_initial(prose, span[0])):
                continue
            # "what it is is a risk", "all it was was luck": a pseudo-cleft, not a slip (", is is enclosed" is one).
            if lower in ("is", "was") and _CLEFT.search(prose, max(0, span[0] - 60), span[0]):
                continue
            # Blanked markup between the words ("the `x` the") is not a double.
            if not text[span[1] : span[2]].isspace():
                continue
            if not _plausible(doc, span, memo):
                continue
            yield self._finding(text, span)

    def _finding(self, text: str, span: tuple[int, int, int, int]) -> Finding:
        first, second = text[span[0] : span[1]], text[span[2] : span[3]]
        start, end = span[2], span[3]
        # Delete the second word and the spaces after it on the same line;
        # at the end of a line, the spaces before it instead.
        after = end
        while after < len(text) and text[after] in " \t":
            after += 1
        if after > end and after < len(text) and text[after] not in "\r\n":
            edit = Edit(start, after, "")
        else:
            edit = Edit(span[1], end, "")
        safe = first.lower() in _FUNCTION
        # Across a line break the second word is on a line of its own: point at it too.
        related = (Related(start, end, f'the second "{second}", on the next line'),) if "\n" in text[span[1] : span[2]] else ()
        return self.finding(
            span[0],
            end,
            f'"{first} {second}" repeats the word "{second}"',
            evidence=f'"{first}" is followed directly by "{second}"',
            related=related,
            fix=Fix((edit,), "safe" if safe else "unsafe", f'Delete the second "{second}"'),
            confidence="high" if safe else "medium",
        )


def _haystack(prose: str, words: set[str]) -> tuple[str, int]:
    """The text in which ``words`` are searched doubled, and the flags of that search.

    A case-sensitive search for a literal is fast: the lower-cased text, where lower-casing keeps
    every offset. Of the characters beyond ASCII only "\u212a" (the Kelvin sign, "k") and "\u0130"
    ("i" and a combining dot) lower-case to ASCII letters; without them, ASCII words lie at the same
    places in the text with only its ASCII letters lower-cased (``ascii_lower``,
    many times faster than ``str.lower`` beyond ASCII), and what the search tests around them
    (blanks, line breaks, word characters, punctuation) reads the same either way.
    """
    if not prose.isascii() and "\u212a" not in prose and "\u0130" not in prose and all(map(str.isascii, words)):
        return ascii_lower(prose), 0
    lowered = prose.lower()
    return (lowered, 0) if len(lowered) == len(prose) else (prose, re.IGNORECASE)


def _spans(haystack: str, flags: int, words: set[str]) -> list[tuple[int, int, int, int]]:
    """Each place where one of ``words`` stands twice in a row: (start, end, second start, second end)."""
    spans = []
    pairs = _literal_pairs if flags == 0 else _pattern_pairs
    for word in words:
        position = 0
        while pair := pairs(haystack, word, position, flags):
            start = pair[0]
            if start > 0 and _NOT_BEFORE.match(haystack, start - 1):
                position = start + 1
                continue
            spans.append(pair)
            # Overlapping pairs ("the the the"): resume at the second word.
            position = pair[2]
    return spans


@lru_cache(maxsize=1024)
def _pair_pattern(word: str, flags: int) -> re.Pattern:
    return re.compile(_PAIR.format(re.escape(word)), flags)


def _pattern_pairs(haystack: str, word: str, position: int, flags: int) -> tuple[int, int, int, int] | None:
    """The first match of ``_PAIR`` for ``word`` from ``position``: (start, end, second start, second end)."""
    match = _pair_pattern(word, flags).search(haystack, position)
    return (match.start(), match.end(1), match.start(3), match.end(3)) if match else None


def _literal_pairs(haystack: str, word: str, position: int, flags: int = 0) -> tuple[int, int, int, int] | None:
    """What ``_pattern_pairs`` finds without flags, without compiling a pattern per word
    (a document has hundreds of candidate words, each compiled once): the word is a literal."""
    size = len(word)
    find, startswith = haystack.find, haystack.startswith
    start = find(word, position)
    while start != -1:
        end = start + size
        # Most places of a short word are inside a longer one ("a" in "data"): the gap before a second
        # word opens with a space or a line break, a test of one character before any search.
        if haystack[end : end + 1] in _GAP_OPENS:
            if startswith(" ", end) and startswith(word, end + 1):
                second = end + 1  # one blank (a line break cannot follow it then: a letter does)
            else:
                breaks = _LINE_BREAK.match(haystack, end)
                second = breaks.end() if breaks and startswith(word, breaks.end()) else -1
            if second != -1 and not _NOT_AFTER.match(haystack, second + size):
                return start, end, second, second + size
        start = find(word, start + 1)
    return None


def _candidates(encoded: bytes) -> set[str]:
    """Words that occur twice in a row somewhere in the text (``encoded``: its UTF-8), ignoring case and punctuation (a superset)."""
    from itertools import compress, islice
    from operator import eq

    words = encoded.translate(_SCAN_TABLE).split()
    # The words equal to the next one, compared without a Python-level loop.
    found = {a.decode("utf-8", "replace") for a in set(compress(words, map(eq, words, islice(words, 1, None))))}
    return {word for word in found if word.isalpha() and word not in ALLOWED and (len(word) > 1 or word == "a")}


_LITERAL_INTRO = LazyPattern(r"::[ \t]*$|^[ \t]*\.\. (?:code|code-block|sourcecode|literalinclude)::")


def _literal_block(prose: str, line_start: int) -> bool:
    """Whether the indented line at ``line_start`` belongs to a block introduced by "::" or a code directive."""
    indent = len(prose[line_start:]) - len(prose[line_start:].lstrip(" \t"))
    end = line_start
    while end > 0:
        start = prose.rfind("\n", 0, end - 1) + 1
        line = prose[start : end - 1].rstrip("\r")
        if line.strip() and len(line) - len(line.lstrip(" \t")) < indent:
            return bool(_LITERAL_INTRO.search(line))
        end = start
        if end == 0:
            break
    return False


def _verb_base(word: str) -> set[str]:
    """The base forms a verb form may come from ("plugged" -> plug, "logging" -> log, "checks" -> check)."""
    bases = {word}
    for suffix in ("ed", "ing", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            bases.add(stem)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                bases.add(stem[:-1])  # "plugg" -> "plug"
            bases.add(stem + "e")  # "figur" -> "figure"
    return bases


def _sentence_initial(prose: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a list item (markup before it skipped)."""
    index = start
    while index > 0 and prose[index - 1] in " \t*_#>[(\"'\u201c\u2018-\u2022":
        index -= 1
    return index == 0 or prose[index - 1] in "\n\r.!?:;"


def _plausible(doc, span: tuple[int, int, int, int], memo: dict) -> bool:
    """In running prose: not a triple, not quoted, not code, next to another word."""
    prose = doc.prose
    lower = prose[span[0] : span[1]].lower()
    start, end = span[0], span[3]
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
    if lower in _CLAUSE_ENDERS and before is not None and before.group(1).lower() in _PREPOSITIONS:
        return False
    if lower in _PHRASAL and before is not None and _verb_base(before.group(1).lower()) & _PHRASAL[lower]:
        return False  # "checked in in the hall": a phrasal verb's particle, then the preposition
    # The line-wide checks read whole lines: done once per line, not once per pair on it
    # (a long line with many doubles would otherwise be read again for each).
    bounds = doc.line_bounds(start, end)
    line = memo.get(bounds)
    if line is None:
        lines = prose[bounds[0] : bounds[1]]
        line = memo[bounds] = (
            _CODE_LINE.search(lines) is not None,
            _table_line(lines),
            any(len(_LETTERS.findall(one)) < _MIN_LINE_WORDS for one in lines.splitlines()),
        )
    code, table, short = line
    if code or short or (lower not in _FUNCTION and table):
        return False
    if doc.format == "text" and prose[bounds[0] : bounds[0] + 1] in (" ", "\t") and _literal_block(prose, bounds[0]):
        # reStructuredText kept as .txt: a literal block (after "::" or a code directive) is code.
        restructured = memo.get("restructured")
        if restructured is None:
            restructured = memo["restructured"] = looks_like_restructuredtext(doc.text)
        if restructured:
            return False
    # Inside an inline code span of a plain-text file.
    line_start = doc.line_bounds(start)[0]
    ticks = memo.get(("`", line_start))
    if ticks is None:
        ticks = memo[("`", line_start)] = _backticks(prose, line_start)
    return bisect.bisect_left(ticks, start) % 2 == 0


def _backticks(prose: str, line_start: int) -> list[int]:
    """Where the backticks of the line starting at ``line_start`` are."""
    line_end = prose.find("\n", line_start)
    line_end = len(prose) if line_end < 0 else line_end
    found, position = [], prose.find("`", line_start, line_end)
    while position >= 0:
        found.append(position)
        position = prose.find("`", position + 1, line_end)
    return found


def _table_line(lines: str) -> bool:
    """A line of figures and labels (a table row or header), not a sentence."""
    words = [word.lower() for word in _LETTERS.findall(lines)]
    function = sum(1 for word in words if word in _FUNCTION or word in _PREPOSITIONS)
    return _DIGIT.search(lines) is not None and function < _MIN_FUNCTION_SHARE * len(words)
