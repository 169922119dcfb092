"""TXT001: a Markdown escape such as ``\\$62.2`` left in a plain-text file."""

from __future__ import annotations

from collections.abc import Iterator

from checker.finding import Edit, Finding, Fix
from checker.patterns import LazyPattern
from checker.restructuredtext import looks_like_restructuredtext
from checker.rule import Rule

# A backslash before ASCII punctuation, each in a context where a Markdown
# writer escapes it and where prose, not code, regular expressions or LaTeX,
# is the plausible reading. Characters whose escaped form is also common
# outside Markdown (quotes, parentheses, ``\|``, ``\^``, a backquote) are
# not reported at all.
_CANDIDATE = LazyPattern(r"\\[$*_#\[\].\-+<>~&%]")

# "\$62.2", "US\$5", "\$.5", "\~\$4"
_DOLLAR = LazyPattern(r"\\\$(?=\.?\d)")
# "\[1\]", "\[sic\]", "\[Company\]": a short bracketed note with no math in it
_BRACKETS = LazyPattern(r"\\\[([A-Za-z0-9][A-Za-z0-9 .,;:'&/\-]{0,60})\\\]")
# "\_emphasis\_": words between two escaped underscores on one line
_EMPHASIS = LazyPattern(r"\\_[A-Za-z][A-Za-z ,'-]{0,60}\\_")
_WORD_END = LazyPattern(r"([A-Za-z]+) $")
_WORD_START = LazyPattern(r" ([A-Za-z]+)")

# A backslash before a letter, a digit or another backslash anywhere in the
# paragraph (``C:\Users``, ``\n``, ``\alpha``, ``\d+``, ``\\``) means the
# paragraph uses backslashes on purpose: it is left alone.
_TECHNICAL = LazyPattern(r"\\[A-Za-z0-9\\{}]")


class MarkupEscape(Rule):
    """A Markdown escape such as ``\\$62.2`` shown literally in a plain-text, HTML, Word or PDF file.

    What it checks
    --------------
    Reports a backslash directly before a punctuation mark that Markdown
    escapes (``\\$``, ``\\*``, ``\\_``, ``\\#``, ``\\[...\\]``, ``\\%`` after a
    figure, ``1\\.``, ``\\-`` or ``\\*`` at the start of a line, ...) in a plain-text,
    HTML, Word or PDF file, where nothing will remove it (a Markdown source
    pasted into a web page or a document keeps its backslashes). Markdown files
    are not checked: there the backslash is correct and invisible once rendered.

    A ``.txt`` file that is reStructuredText source (a PEP, Sphinx pages:
    directives such as ``.. note::``, roles such as ``:func:`len```,
    references, simple tables, or inline literals with a ``::`` literal
    block) is not checked: its escapes (``\\*args``) are meant and rendering
    removes them.

    The rule stays quiet where backslashes are meant: a paragraph that also
    contains a Windows path (``C:\\Users``), an escape sequence (``\\n``),
    LaTeX (``\\alpha``) or a regular expression (``\\d+``), and escapes written
    inside quotes, as in a text that explains escaping.

    Why it matters
    --------------
    The backslash is a leftover of converting Markdown (or copying from a
    Markdown editor) to plain text. Readers see ``\\$62.2 million`` instead of
    ``$62.2 million``, and search, copy-paste and number extraction stumble
    on it.

    Fix safety
    ----------
    The fix removes the backslash; it is safe.

    Flagged
    -------
        Olverembatinib generated full-year sales of \\$62.2 million.

    Passes
    ------
        Olverembatinib generated full-year sales of $62.2 million.
        The files are in C:\\Users\\Public\\$Recycle.Bin.
    """

    code = "TXT001"
    name = "markup-escape"
    severity = "warning"
    # Every format but Markdown, where the backslash is an escape that rendering removes.
    formats = frozenset({"text", "html", "docx", "pdf"})

    def check(self, doc, facts) -> Iterator[Finding]:
        prose = doc.prose
        if "\\" not in prose or not _CANDIDATE.search(prose):
            return
        if doc.format == "text" and looks_like_restructuredtext(doc.text):
            return  # reStructuredText kept as .txt: its escapes are meant, as in Markdown
        for block in doc.paragraphs:
            if prose.find("\\", block.start, block.end) < 0:
                continue
            if _TECHNICAL.search(prose, block.start, block.end):
                continue
            paired = _paired_escapes(prose, block.start, block.end)
            run: list[int] = []
            for match in _CANDIDATE.finditer(prose, block.start, block.end):
                at = match.start()
                if not (at in paired or _is_prose_escape(doc, at)):
                    continue
                # A run such as "\_\_\_" or "\*\*" is one finding.
                if run and at != run[-1] + 2:
                    yield self._finding(prose, run)
                    run = []
                run.append(at)
            if run:
                yield self._finding(prose, run)

    def _finding(self, prose: str, run: list[int]) -> Finding:
        start, end = run[0], run[-1] + 2
        escaped = prose[start:end]
        plain = escaped.replace("\\", "")
        word_start, word_end = start, end
        while word_start > 0 and word_start > start - 24 and not prose[word_start - 1].isspace():
            word_start -= 1
        while word_end < len(prose) and word_end < end + 24 and not prose[word_end].isspace():
            word_end += 1
        while word_end > end and prose[word_end - 1] in ".,;:":
            word_end -= 1
        shown = prose[word_start:word_end]
        return self.finding(
            start,
            end,
            f'"{shown}" contains the Markdown escape "{escaped}", which a plain-text file shows literally',
            evidence=f'backslash before "{plain}" in a .txt file; Markdown would render it as "{plain}"',
            fix=Fix(tuple(Edit(at, at + 1, "") for at in run), "safe", f'Remove the backslash: "{plain}"'),
        )


def _paired_escapes(prose: str, start: int, end: int) -> set[int]:
    """Offsets of the backslashes of pairs like ``\\[1\\]`` and ``\\_emphasis\\_``."""
    out: set[int] = set()
    for pattern in (_BRACKETS, _EMPHASIS):
        for match in pattern.finditer(prose, start, end):
            at = match.start()
            if _quoted(prose, at) or (at > 0 and not (prose[at - 1].isspace() or prose[at - 1] == "(")):
                continue
            out.add(at)
            out.add(match.end() - 2)
    return out

def _quoted(prose: str, at: int) -> bool:
    """The escape is written inside quotes or right after another backslash."""
    return at > 0 and prose[at - 1] in "\"'`\u2018\u201c\\"


def _is_prose_escape(doc, at: int) -> bool:
    prose = doc.prose
    char = prose[at + 1]
    before = prose[at - 1] if at > 0 else "\n"
    after = prose[at + 2] if at + 2 < len(prose) else "\n"
    if _quoted(prose, at):
        return False
    if char == "$":
        # Unambiguous: a backslash before an amount is never meant in prose.
        return _DOLLAR.match(prose, at) is not None and (before.isspace() or before.isalpha() or before in "(~-\u2013\u2014/")
    line_start, line_end = doc.line_bounds(at)
    # A tab-separated table or listing, or inside a "quoted string": code.
    if prose.find("\t", line_start, line_end) >= 0 or prose.count('"', line_start, at) % 2:
        return False
    if char == "%":
        return before.isdigit() and _ends_word(prose, at + 2)
    if char == "*":
        # "\*Excludes", "2019\*", "\*\*\*"; not "a\*b", "2\*3" or "\*.c"
        if prose[at - 2 : at] == "\\*" or prose.startswith("\\*", at + 2):
            return True
        if after == " " and not prose[line_start:at].strip():
            return True  # "\* item": a bullet escaped at the start of a line
        if before.isspace() or before in "(":
            return after.isalpha()
        return (before.isalnum() or before in ")]%") and _ends_word(prose, at + 2)
    if char == "_":
        # "\_\_\_", a blank to fill in ("\_emphasis\_" is a pair); not
        # "$VIM\_vimrc" or a regular expression.
        return prose.startswith("\\_", at + 2) or prose[at - 2 : at] == "\\_"
    if char == "#":
        # "\#1", "\# 2", "\#hashtag"
        return (before.isspace() or before in "(") and (after.isalnum() or after == " ")
    if char == "&":
        # "R\&D", "Johnson \& Johnson"; not "concat \& concat" (a regular expression)
        if before.isupper() and after.isupper():
            return True
        return before == " " and after == " " and _capitalised_around(prose, at)
    if char == "~":
        # "\~50%", "\~\$4"
        return (before.isspace() or before == "(") and (after.isdigit() or after == "\\")
    if char in "<>":
        # "\<5%", "\>\$1 million"
        return (before.isspace() or before == "(") and (after.isdigit() or after == "\\" or after == "$")
    if char == ".":
        # "2019\. The": an ordered-list marker escaped at the start of a line
        digits = at
        while digits > 0 and prose[digits - 1].isdigit():
            digits -= 1
        return digits < at and after in " \t\n\r" and not prose[line_start:digits].strip()
    if char in "-+":
        # "\- item": a bullet escaped at the start of a line
        return after == " " and not prose[line_start:at].strip()
    return False


def _ends_word(prose: str, index: int) -> bool:
    """Whitespace, the end, or closing punctuation then whitespace follows."""
    while index < len(prose) and prose[index] in ".,;:)":
        index += 1
    return index >= len(prose) or prose[index].isspace()


def _capitalised_around(prose: str, at: int) -> bool:
    before = _WORD_END.search(prose, max(0, at - 30), at)
    after = _WORD_START.match(prose, at + 2)
    return bool(before and after and before.group(1)[0].isupper() and after.group(1)[0].isupper())
