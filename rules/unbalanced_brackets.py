"""CON001: a bracket or quotation mark opened and not closed within its paragraph (or the reverse)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checker.code_in_text import filled, literal_blocks, uneven_literals
from checker.finding import Finding
from checker.pairing import Marks, Unpaired, opens_with_quote, unpaired
from checker.patterns import LazyPattern
from checker.restructuredtext import looks_like_restructuredtext
from checker.rule import Rule

_NAMES = {
    "(": "parenthesis",
    ")": "parenthesis",
    "[": "bracket",
    "]": "bracket",
    '"': "quotation mark",
    "\u201c": "quotation mark",
    "\u201d": "quotation mark",
    "'": "quotation mark",
    "\u2018": "quotation mark",
}


# Code left in plain text: a quote or bracket right after "=" (``text="Click"``, ``x=(1``), or a
# paragraph whose every line is indented like a code block.
_CODE_SIGN = LazyPattern(r"\w=[\"'(\[]")
_INDENTED = LazyPattern(r"(?m)^(?! {4}|\t)[ \t]*\S")


def _in_url(text: str, offset: int) -> bool:
    """Whether ``offset`` is inside a whitespace-free token of the source that holds a URL."""
    start = offset
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = offset
    while end < len(text) and not text[end].isspace():
        end += 1
    token = text[start:end]
    return "://" in token or "www." in token


# A line of a code block: a fence, or a line indented four columns or more.
_CODE_LINE = LazyPattern(r"(?m)^(?:[ ]{0,3}(?:```|~~~)|(?:[ ]{4}|\t)[ \t]*\S)")


def _across_code(doc, block, after, found: list[Unpaired], bridged: set[int]) -> list[Unpaired]:
    """``found`` without the brackets it opens that the paragraph ``after`` closes, when only a code block stands
    between the two ("the spec (as below:" / code / "), then ..."); the closing brackets go into ``bridged``."""
    prose = doc.prose
    if prose[block.end : after.start].strip() or _CODE_LINE.search(doc.text, block.end, after.start) is None:
        return found  # no code block between (the reader blanks one in the prose; other markup it blanks is no block)
    alone = unpaired(prose, after.start, after.end, False)
    together = {mark.offset for mark in unpaired(prose, block.start, after.end, False)}
    closed = [mark.offset for mark in alone if not mark.opens and mark.offset not in together]
    if not closed:
        return found
    bridged.update(closed)
    return [mark for mark in found if not (mark.opens and mark.mark in "([") or mark.offset in together]


def _looks_like_code(prose: str, source: str) -> bool:
    """Whether a paragraph reads as code: an assignment in its prose, or every line of its source indented.

    The indentation is the source's: the prose view blanks a list marker and emphasis ("- **14:09** Engineers"),
    which would make the line look indented."""
    return ("=" in prose and _CODE_SIGN.search(prose) is not None) or not _INDENTED.search(source)


def _without_code(doc, start: int, end: int, quotes: bool, restructured: bool, found: list[Unpaired]) -> list[Unpaired]:
    """The unpaired marks again, with the code and markup of the source read as letters (see ``filled``)."""
    text = filled(doc.prose, doc.text, start, end, restructured)
    if text == doc.prose[start:end]:
        return found
    out = [Unpaired(start + u.offset, u.mark, u.opens, u.trailing) for u in unpaired(text, 0, len(text), quotes)]
    if restructured:
        # A literal is code, read as a letter above; its own brackets still pair ("f(*(x for x in y)").
        for literal_start, literal_end in uneven_literals(doc.text, start, end):
            out += unpaired(doc.text, literal_start, literal_end, False)
        out.sort(key=lambda u: u.offset)
    return out


class UnbalancedBrackets(Rule):
    """A bracket or quotation mark opened and never closed in its paragraph, or closed and never opened.

    What it checks
    --------------
    Pairs the parentheses, square brackets and double quotation marks
    (straight and curly) of each paragraph and reports the ones left without
    a partner: ``the treatment arm (n = 48 had``, ``a dose of 5 mg]``,
    ``He said "we will file in March.``. A single quotation mark is reported
    only when it plainly opens a quotation and nothing after it in the
    paragraph could close it.

    It is not fooled by list and enumeration markers (``a)``, ``1.)``,
    ``iv)``), half-open intervals (``[0, 1)``), emoticons (``:)``), primes
    after figures (``5'11"``), apostrophes (``don't``, ``students'``,
    ``the '90s``, ``rock 'n' roll``), or by markup: in Markdown and HTML only
    the prose is read, without link targets, tags and code. A quotation
    that runs over several paragraphs is not reported when, by the usual
    convention, the next paragraph opens with a quotation mark, and a
    bracket opened before a code block and closed after it (``(for
    example:`` / code / ``) and ...``) is paired across the block. Brackets
    that belong to a URL (``wiki/Foo_(bar)``) are not counted. Tables are
    not checked, nor is what looks like code left in plain text (a
    paragraph indented like a code block, ``name="value"``). Marks right
    beside Markdown code or emphasis (``"`10.0.0.1`"``) touch a word, not a
    space. Marks written as values are not paired: a quoted punctuation
    character (``'"'``, ``"("``, ``‘)’``), an empty string (``""``), a line made of
    one quote mark repeated (a section underline, a docstring's quotes).
    Straight quotes right inside curly ones (``“": value"”``) open
    and close a quotation of their own. In reStructuredText kept as plain
    text, inline literals (````"/dev/fd"````), literal blocks (after
    ``::``) and doctest blocks are code: only a literal that both opens and
    closes a kind of bracket, unevenly (````f(*(x for x in y)````), is
    reported.

    Why it matters
    --------------
    An unclosed bracket or quote leaves the reader unsure where an aside or
    a quotation ends, and often marks text lost in an edit: the closing half
    went with a deleted clause, or a quotation was cut short.

    Flagged
    -------
        The treatment arm (n = 48 had a median age of 61 years.

        He said "we will file in March. The board agreed.

    Passes
    ------
        Choose a) the standard dose or b) the reduced dose; the value lies in [0, 1).

        He is 5'11" tall, loved rock 'n' roll in the '90s and read the students' notes.

        "We will file in March," he said. "The board agreed.

        "It was approved," she added.

    Options
    -------
    ``quotes``: whether quotation marks are checked as well as brackets
    (default true).
    """

    code = "CON001"
    name = "unbalanced-brackets"
    severity = "warning"

    @dataclass(frozen=True, slots=True, kw_only=True)
    class Options:
        quotes: bool = True

    def check(self, doc, facts) -> Iterator[Finding]:
        prose = doc.prose
        if not any(mark in prose for mark in "()[]\"'\u201c\u201d\u2018"):
            return
        quotes = self.options.quotes if isinstance(self.options, self.Options) else True
        paragraphs = doc.paragraphs
        marks = Marks(prose)
        restructured: bool | None = None  # whether the text is reStructuredText: asked at the first unpaired mark
        literal: set[int] = set()
        bridged: set[int] = set()  # closing brackets that close what a paragraph before a code block opened
        for index in marks.holders(paragraphs):  # a paragraph without marks has none unpaired
            block = paragraphs[index]
            if block.kind == "table":
                continue
            found = unpaired(prose, block.start, block.end, quotes, marks)
            # Most paragraphs pair every mark: the tests for code are asked only of those that do not.
            if not found:
                continue
            line_start = doc.line_bounds(block.start)[0]
            if _looks_like_code(prose[line_start : block.end], doc.text[line_start : block.end]):
                continue
            if restructured is None:
                restructured = doc.format == "text" and looks_like_restructuredtext(doc.text)
                if restructured:
                    literal = literal_blocks(doc.text, paragraphs)
            if index in literal:
                continue
            found = _without_code(doc, block.start, block.end, quotes, restructured, found)
            if any(mark.opens and mark.mark in "([" for mark in found) and index + 1 < len(paragraphs):
                found = _across_code(doc, block, paragraphs[index + 1], found, bridged)
            goes_on = index + 1 < len(paragraphs) and opens_with_quote(prose, paragraphs[index + 1].start, paragraphs[index + 1].end)
            for mark in found:
                if mark.offset in bridged:
                    continue  # the bracket a paragraph before the code block opened
                if mark.trailing and goes_on:
                    continue  # a quotation continued in the next paragraph
                if prose.startswith("\u00e2\u20ac", mark.offset - 2):
                    continue  # "2026â€“2031": a dash's UTF-8 read as Windows-1252, which ENC002 reports
                if _in_url(doc.text, mark.offset):
                    continue  # "wiki/Foo_(bar)": the reader leaves part of such a link target in the prose
                what = _NAMES.get(mark.mark, "mark")
                if mark.opens:
                    message = f"'{mark.mark}' opens a {what} that is not closed in its paragraph"
                else:
                    message = f"'{mark.mark}' closes a {what} that was not opened in its paragraph"
                yield self.finding(mark.offset, mark.offset + 1, message, evidence=f"paragraph at line {doc.position(block.start).line}")
