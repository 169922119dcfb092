"""TXT002: a sentence broken in two by a blank line."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.finding import Edit, Finding, Fix
from checker.patterns import LazyPattern
from checker.restructuredtext import looks_like_restructuredtext
from checker.rule import Rule

# The end of the first paragraph: a word ending in a lower-case letter,
# possibly followed by a comma ("running out of", "So, while", "Members").
_TAIL = LazyPattern(r"(?<![\w\-'\u2019])([A-Za-z][A-Za-z'\u2019\-]*[a-z]|[a-z]),?$")
# The start of the second: a lower-case word, or a figure or an amount
# ("options, due to", "\$10.1 million", "2.4 percent").
_HEAD_WORD = LazyPattern(r"([a-z][a-z'\u2019\-]*[a-z]|[a-z])(?=[\s,;]|$)")
# ... or the whole continuation is one word that closes the sentence
# ("...as the platform" / "matures.").
_HEAD_LAST_WORD = LazyPattern(r"([a-z][a-z'\u2019\-]*[a-z])[.!?][\"'\u201d\u2019)]*[ \t]*$")
# "Dear shareholders,", "Hello everyone,": a salutation on its own line
# ends with a comma and is followed by a new paragraph, never a continuation.
_MAX_SALUTATION_WORDS = 6
_HEAD_FIGURE = LazyPattern(r"(?:\\?[$\u20ac\u00a3\u00a5]|(?:US|HK|RMB|A|C)\\?\$)?\d[\d,.]*%?(?=[\s,;]|$)")
# "1 Adjustment of ...": a footnote, not a figure continuing a sentence.
_FOOTNOTE = LazyPattern(r"\d{1,2}[ \t]+[A-Z]")
# Lines that are not running prose: list items, table rows, code.
_LIST_ITEM = LazyPattern(r"[ \t]*(?:[-*+\u2022\u2023\u25e6\u2013\u2014>]|#\.|\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.)])[ \t]")
_TABLE_ROW = LazyPattern(r"\t|\||\S {3,}\S|[=+#]{3,}")
_CODE = LazyPattern(r"[={}]|::|->|[A-Za-z_]\(|[a-z_]\.[a-z_]{2,}")
# "ocs - wrapper for ...", "optional arguments:": a term being defined, a label.
_DEFINITION = LazyPattern(r"\s*\S+(?: \S+)? [-\u2013\u2014] |\s*[^.!?]{0,40}:$")
# "...; and" closes an item of a list written as paragraphs.
_LIST_TAIL = LazyPattern(r";\s*(?:and|or|and/or)$")
# Between two HTML paragraphs: the end of one paragraph element and the start of the next, and whitespace.
_HTML_GAP = LazyPattern(r"(?:\s|</?(?:p|div)(?:\s[^<>]*)?>)*", re.I)
_TITLE_SEPARATOR = LazyPattern(r": | [-\u2013\u2014] ")
_SENTENCE_END = LazyPattern(r"[.!?](?:\s|$)")
_WORD = LazyPattern(r"[A-Za-z][A-Za-z'\u2019\-]*")
_LOWER_WORD = LazyPattern(r"(?<![\w.])[a-z][a-z'\u2019\-]*(?![\w(])")

# Words that cannot end a sentence: prepositions, articles, conjunctions.
_BINDING_WORDS = frozenset(
    """
    the a an of to in on at by for from with into onto about over under between among through during against
    without within across after before and or but nor than as that which whose
    """.split()
)
# First characters a continuation can have ("US$" and "HK$" amounts included).
_HEAD_START = frozenset("abcdefghijklmnopqrstuvwxyz0123456789$\\\u20ac\u00a3\u00a5UHRAC")
_TAIL_WINDOW = 80
_MIN_WORDS_BEFORE = 3  # words on the last line of the first paragraph
_MIN_HEAD_ZIPF = 2.0  # the continuing word is an English word, not a name like "yq"
_MIN_LOWER_AFTER = 2  # lower-case words among the first six after a figure


class ParagraphSplit(Rule):
    """A sentence broken in two by a blank line.

    What it checks
    --------------
    Reports a paragraph that ends without closing punctuation, in the middle
    of a sentence, when the next paragraph (after a blank line) continues
    it: it starts with a lower-case word or with a figure or an amount.

    A continuation of one word that closes the sentence ("...as the
    platform" / blank line / "matures.") is reported too.

    In a document whose paragraphs often end without closing punctuation
    (meeting notes, chat logs, lists of commands: more than 30% of them, and
    at least four), a missing full stop is the writer's habit, so there a
    split is reported only when a sentence ends in one of the two
    paragraphs (they are prose, not fragments).

    Headings, titles, list items, table rows, code, speaker labels such as
    ``Dr. Dajun Yang:``, salutations such as "Dear fellow shareholders," on
    a line of their own, and lines ending in a colon or semicolon are not
    reported, nor is a paragraph that is indented differently from the one
    before it, nor, in a ``.txt`` file that is reStructuredText source, an
    indented paragraph (a literal block of code or a quotation there). In
    Markdown only two ordinary paragraphs are compared, and a
    single line break (a soft wrap) is never a paragraph break. In HTML the
    break is the end of one ``p`` (or ``div``) element and the start of the
    next, with nothing else between them.

    Why it matters
    --------------
    A stray blank line, often left by copying from a PDF or a web page, cuts
    a sentence in two: readers pause at a break that is not there, and tools
    that work sentence by sentence (search snippets, translation, the other
    rules of this linter) see two fragments.

    Confidence
    ----------
    ``high`` when the first paragraph ends with a word that cannot end a
    sentence (a preposition, an article, a conjunction: "running out of");
    ``medium`` otherwise.

    Fix safety
    ----------
    The fix joins the two paragraphs with a space. It is unsafe: the rule
    cannot know that no text was lost at the break.

    Flagged
    -------
        Patients with blood cancers were running out of

        options, due to a variety of factors.

    Passes
    ------
        Patients with blood cancers were running out of options,
        due to a variety of factors.
    """

    code = "TXT002"
    name = "paragraph-split"
    severity = "warning"
    confidence = "medium"

    def check(self, doc, facts) -> Iterator[Finding]:
        paragraphs = doc.paragraphs
        prose, text = doc.prose, doc.text
        restructured: bool | None = None  # asked once, of the first candidate pair
        unpunctuated: bool | None = None
        for first, second in zip(paragraphs, paragraphs[1:]):
            # Cheap tests first: the first ends in a letter or a comma, the
            # second starts in lower case, with a figure or an amount.
            if not (prose[first.end - 1].isalpha() or prose[first.end - 1] == ",") or prose[second.start] not in _HEAD_START:
                continue
            if first.kind != "paragraph" or second.kind != "paragraph":
                continue
            gap = text[first.end : second.start]
            if doc.format == "html":
                # Two paragraph elements with nothing but whitespace between them.
                if not _HTML_GAP.fullmatch(gap) or "<" not in gap:
                    continue
            # Only whitespace with a blank line between: nothing blanked
            # (code, comments) and not a soft wrap.
            elif not gap.isspace() or gap.count("\n") + gap.count("\r") - gap.count("\r\n") < 2:
                continue
            tail_line = doc.line_bounds(first.end - 1)
            head_line = doc.line_bounds(second.start)
            tail = _TAIL.search(prose, max(tail_line[0], first.end - _TAIL_WINDOW), first.end)
            if tail is None or not _prose_tail(doc, first, tail_line):
                continue
            if (
                prose[second.end - 1] not in _CLOSING
                and not _SENTENCE_END.search(prose, second.start, second.end)
                and not _SENTENCE_END.search(prose, first.start, first.end)
            ):
                if unpunctuated is None:
                    unpunctuated = _leaves_lines_open(doc)
                if unpunctuated:
                    continue  # notes, chat, commands: a line without a full stop is the writer's habit
            head = _continuation(doc, second.start, head_line[1])
            if head is None:
                continue
            indent = _indent(prose, doc.line_bounds(first.start)[0])
            if doc.format != "html" and _indent(prose, head_line[0]) != indent:
                continue
            if indent and doc.format == "text":
                # In reStructuredText kept as .txt an indented block is a literal block (code) or a quotation.
                if restructured is None:
                    restructured = looks_like_restructuredtext(text)
                if restructured:
                    continue
            yield self._finding(doc, first.end, second.start, tail.start(), head)

    def _finding(self, doc, gap_start: int, gap_end: int, tail_start: int, head_end: int) -> Finding:
        text, prose = doc.text, doc.prose
        before = text[tail_start:gap_start]
        after = text[gap_end:head_end]
        shown_before = " ".join(_last_words(prose[max(0, gap_start - 80) : gap_start]))
        shown_after = " ".join(prose[gap_end : gap_end + 40].split()[:3])
        where = "in the next paragraph element" if doc.format == "html" else "after a blank line"
        # "running out of" / "options": a preposition, article or conjunction cannot end a sentence.
        confidence = "high" if before.rstrip(",").lower() in _BINDING_WORDS else "medium"
        return self.finding(
            tail_start,
            head_end,
            f'The sentence "... {shown_before}" continues {where}: "{shown_after} ..."',
            evidence=f'the paragraph ends with "{before}" (no closing punctuation) and the next starts with "{after}"',
            fix=Fix((Edit(gap_start, gap_end, " "),), "unsafe", "Join the two paragraphs"),
            confidence=confidence,
        )


# A document whose paragraphs often end without closing punctuation (notes, chat logs, command lists) gives no
# evidence by a missing full stop: there a split counts only when a sentence ends in one of the two paragraphs.
_OPEN_SHARE = 0.3
_MIN_OPEN = 4
_CLOSING = frozenset('.!?:;"\')\u201d\u2019]*_`')


def _leaves_lines_open(doc) -> bool:
    """Whether many of the document's paragraphs of three words or more end without closing punctuation."""
    prose = doc.prose
    counted = open_ = 0
    blocks = doc.paragraphs
    for index, block in enumerate(blocks):
        if block.kind == "list" and doc.format == "text":
            # A plain-text list (read as its items) counts as the one paragraph it is written as: by its last item.
            if index + 1 < len(blocks) and blocks[index + 1].kind == "list":
                continue
        elif block.kind != "paragraph" or prose.count(" ", block.start, block.end) < 2:
            continue
        counted += 1
        open_ += prose[block.end - 1] not in _CLOSING
    return open_ >= _MIN_OPEN and open_ > _OPEN_SHARE * counted


def _last_words(segment: str, count: int = 4) -> list[str]:
    """Up to ``count`` words at the end of ``segment``, not reaching back past a sentence end."""
    words: list[str] = []
    for word in reversed(segment.split()):
        if words and word[-1] in ".!?:;":
            break
        words.insert(0, word)
        if len(words) == count:
            break
    return words


def _indent(prose: str, line_start: int) -> int:
    index = line_start
    while index < len(prose) and prose[index] in " \t":
        index += 1
    return index - line_start


def _prose_tail(doc, block, tail_line: tuple[int, int]) -> bool:
    """The first paragraph ends in running prose, not a title, list item, table row or code."""
    prose = doc.prose
    line = prose[tail_line[0] : block.end]
    first_line = prose[block.start : doc.line_bounds(block.start)[1]]
    if _LIST_ITEM.match(first_line) or _LIST_ITEM.match(line):
        return False
    if _TABLE_ROW.search(line) or _CODE.search(line):
        return False
    if _LIST_TAIL.search(prose, block.start, block.end):
        return False
    if len(_WORD.findall(line)) < _MIN_WORDS_BEFORE:
        return False  # a heading, a caption, a keyword
    if prose[block.end - 1] == "," and block.start >= tail_line[0] and len(_WORD.findall(line)) <= _MAX_SALUTATION_WORDS:
        return False  # "Dear fellow shareholders,": a salutation on its own line
    if _SENTENCE_END.search(prose, block.start, block.end):
        return True  # a sentence ended earlier: this is prose, not a title
    # "yq: Command-line YAML processor - jq wrapper for YAML documents".
    if _TITLE_SEPARATOR.search(prose, block.start, block.end):
        return False
    # A title capitalises most of its words; prose does not.
    words = _WORD.findall(line)
    lower = sum(1 for word in words if word[0].islower())
    return lower * 2 >= len(words)


def _continuation(doc, start: int, line_end: int) -> int | None:
    """End of the first word of a paragraph that continues a sentence, or None."""
    from checker.lexicon import zipf

    prose = doc.prose

    line = prose[doc.line_bounds(start)[0] : line_end]
    if _LIST_ITEM.match(line) or _TABLE_ROW.search(line) or _CODE.search(line) or _DEFINITION.match(line):
        return None
    head = _HEAD_WORD.match(prose, start, line_end)
    if head is None:
        # One known word closing the sentence: rarer words qualify ("stabilises.").
        last = _HEAD_LAST_WORD.match(prose, start, line_end)
        if last is not None and zipf(last.group(1)) > 0:
            return last.end(1)
    if head is not None and zipf(head.group(1)) < _MIN_HEAD_ZIPF:
        return None  # "yq transcodes YAML": a name, not a continuation
    if head is not None and len(head.group(1)) == 1 and head.group(1) != "a":
        return None  # "c * 10^q", "p / 0 / n": a variable of a formula, not a word
    if head is None:
        head = _HEAD_FIGURE.match(prose, start, line_end)
        if head is None or _FOOTNOTE.match(prose, start, line_end):
            return None
        # A figure must be followed by words: "\$10.1 million in its first ...".
        opening = prose[head.end() : line_end].split()[:6]
        lower = sum(1 for word in opening if _LOWER_WORD.fullmatch(word.rstrip(",;.")))
        if lower < _MIN_LOWER_AFTER:
            return None
    return head.end()
