"""Names: name candidates, acronym definitions and aliases.

Extraction fills three fields of the fact sheet:

- ``names``: every name candidate as written. Single tokens are acronyms
  (``NRDL``, ``TKIs``), code names (``HQP1351``, ``APG-2575``), capitalised
  or camel-case words (``Ascentage``, ``PowerPoint``) and lower-case words
  that are rare in English (``venetoclax``), found by the token scan in
  ``checker.extract.name_tokens``; runs of capitalised tokens are also
  recorded as phrases here (``Ascentage Pharma``, ``Elaine Example``). A
  possessive ``'s`` is not part of the mention. ``initial`` marks mentions
  whose capitals say nothing (first word of a sentence or line, title-case
  headings, all-capital headlines).
- ``acronyms`` and ``aliases``: what parentheses say about names
  (``checker.extract.name_parens``).
- ``entities``: the capitalised words written mid-sentence, as written,
  from which the names rules tell which documents are related.

How names compare as strings is ``checker.namecompare``; which forms are
variants of one another is the names rules' business (``checker.variants``).
Everything is linear in the text: one tokenising pass, one pass over
parentheses.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from operator import attrgetter
from typing import TYPE_CHECKING

from checker.extract.name_parens import parentheses
from checker.extract.name_tokens import CapToken, new_mention, scan, title_words
from checker.extract.name_wraps import one_line, soft_break
from checker.facts import NameMention
from checker.language import other_language
from checker.lexicon import zipf
from checker.patterns import LazyPattern

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.document import Document
    from checker.facts import FactSheet

# A line without lower-case letters (checked for eight capitals afterwards): its first ASCII
# letter is a capital. (Written as "[^a-z]*[A-Z]", the pattern backtracked over a line's
# leading figures and punctuation looking for each capital among them.) Abbreviations written
# in title case stand in such a line ("SITUATION REPORT No. 7 - CYCLONE IMARA").
_CAPS_LINE_SOURCE = r"[^a-zA-Z\r\n]*+[A-Z](?:(?<![A-Za-z])(?:No|Nos|Vol|Ltd|Inc|Co|Pty|Mr|Mrs|Ms|Dr|St)(?![a-z])|[^a-z\r\n])*+(?=\n|\Z)"
_CAPS_LINE = LazyPattern(_CAPS_LINE_SOURCE)
# A line of at most 80 characters (after its leading blanks) of at most eight words, each
# starting with a capital, a digit or "&" or being a connector, the first with a capital or a
# digit, and the last not ending in closing punctuation: a heading. The words are what
# ``str.split`` would make of the line (runs of whitespace other than a line feed between; the
# line holds no "\r"), checked by the pattern itself rather than word by word in Python. The
# length and the "\r" are checked by ``_heading_lines`` on the lines the pattern matches: as a
# look-ahead before the words, they cost a scan of 80 characters on every line that opens with a
# capital, and the words reject nearly every line of prose at its second word.
_HEADING_MAX = 80
_HEADING_WORD_SOURCE = r"(?:[A-Z0-9&]\S*+|(?:of|and|the|for|in|on|to|a|an|with|de)(?!\S))"
_HEADING_LINE_SOURCE = (
    r"[ \t]*+(?=[A-Z0-9])"
    + _HEADING_WORD_SOURCE
    + r"(?:[^\S\n]++"
    + _HEADING_WORD_SOURCE
    + r"){0,7}+(?<![.,;:!?\"')\u201d])[^\S\n]*+(?=\n|\Z)"
)
_HEADING_LINE = LazyPattern(_HEADING_LINE_SOURCE)
# Both line patterns are tried at the start of the text and after each line
# feed (as "^" and "$" with re.M would be): the versions that start with the
# line feed let the search skip to each line feed, much faster than trying
# "^" at every position.
_CAPS_LINE_AFTER_FEED = LazyPattern(r"\n(" + _CAPS_LINE_SOURCE + ")")
_HEADING_LINE_AFTER_FEED = LazyPattern(r"\n(" + _HEADING_LINE_SOURCE + ")")

# A name joined to a capitalised name by a slash ("Example/ABC", a firm and its division): the
# token scan leaves it out (after a slash a token may be a path), yet it names what the document
# is about as much as a name mid-sentence does.
# The search skips to each slash; the name before it is checked by ``_slash_names``.
_AFTER_SLASH = LazyPattern(r"/([A-Z][A-Za-z]{2,})(?![\w\-/])")
_BEFORE_SLASH = LazyPattern(r"(?<![\w./\-])[A-Z][\w\-]*$")

# Lower-case words may join a run of capitalised words ("Stock Exchange of Hong Kong").
_CONNECTORS = frozenset({"of", "&", "de", "du", "la", "von", "van", "der", "del", "da"})
_CONNECTOR_MAX = max(map(len, _CONNECTORS))
_MAX_PHRASE = 6
# Characters that start no connector: a gap of a blank and then one of them never joins a run.
_NO_CONNECTOR_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") - {c[0] for c in _CONNECTORS}
# What a gap holding a line break may hold besides blanks, for the run to go on across it.
_WRAPPED_INNER = frozenset({"", *_CONNECTORS})
# A word more frequent than this opening a sentence is a function word ("The", "After"), whatever else the text writes.
_NAME_MAX_ZIPF = 5.5


def extract(doc: Document, sheet: FactSheet, settings: Settings) -> None:
    """Fill ``sheet.names``, ``sheet.acronyms`` and ``sheet.aliases``."""
    prose = doc.prose
    mentions, caps, entities = scan(prose, lambda titles: _neutral_lines(doc, titles), doc)
    phrases = _phrases(prose, caps)
    # In text order, a phrase before the single-token mention it starts with (the only two mentions that share a
    # start; the phrase ends later): two sorted runs merged by a stable sort on the start alone.
    found = phrases + mentions
    found.sort(key=_mention_start)
    sheet.names.extend(found)
    sheet.title = _title(doc, found)
    sheet.language = other_language(doc.prose_chunks)
    definitions, aliases = parentheses(prose, mentions + phrases)
    sheet.acronyms.extend(definitions)
    sheet.aliases.extend(aliases)
    if "/" in prose:
        entities.update(_slash_names(prose))
    sheet.entities.extend(sorted(entities))


_mention_start = attrgetter("start")


def _title(doc: Document, mentions: list[NameMention]) -> str:
    """The name the document's first block is, when that block is a heading and one mention is all of it
    ("# pnmenlarge", "# Out-File": a reference page's title); else "" (``mentions`` in text order)."""
    blocks = doc.paragraphs
    if not blocks or blocks[0].kind != "heading":
        return ""
    heading = blocks[0]
    for mention in mentions:
        if mention.start > heading.start:
            break
        if mention.start == heading.start and mention.end == heading.end:
            return mention.text
    return ""


def _slash_names(prose: str) -> Iterator[str]:
    """Capitalised names after a slash that joins them to a capitalised name."""
    for match in _AFTER_SLASH.finditer(prose):
        at = match.start()
        if _BEFORE_SLASH.search(prose, max(0, at - 40), at):
            yield match.group(1)


def _neutral_lines(doc: Document, titles: list[int] | None = None) -> list[tuple[int, int]]:
    """Spans of lines whose capitals are typographic: headings, title case, all capitals; ``titles`` are
    the starts of the title words (``name_tokens.title_words``), found here if None."""
    prose = doc.prose
    spans: list[tuple[int, int]] = []
    for block in doc.paragraphs:
        if block.kind == "heading":
            spans.append((block.start, block.end))
        elif block.end - block.start <= 60 and prose[block.end - 1] not in ".,;:!?\"')\u201d" and "\n" not in prose[block.start : block.end]:
            spans.append((block.start, block.end))  # a short paragraph without punctuation: a heading
    # Whole-text passes, so that ordinary lines cost nothing here.
    spans += _title_case_lines(prose, doc.line_starts, title_words(prose) if titles is None else titles)
    for start, end in _line_matches(_CAPS_LINE, _CAPS_LINE_AFTER_FEED, prose):
        if sum(c.isupper() for c in prose[start:end]) >= 8:
            spans.append((start, end))
    spans += _heading_lines(prose)
    spans.sort()
    return spans


def _title_case_lines(prose: str, starts: list[int], titles: list[int]) -> list[tuple[int, int]]:
    """Spans of the lines with two or more capitalised function words mid-line (``titles``: their starts)."""
    per_line: dict[int, int] = {}
    for start in titles:
        line = bisect.bisect_right(starts, start) - 1
        per_line[line] = per_line.get(line, 0) + 1
    return [_line_span(prose, starts, line) for line, count in per_line.items() if count >= 2]


def _heading_lines(prose: str) -> list[tuple[int, int]]:
    """Spans of short lines of capitalised words without closing punctuation: headings."""
    out: list[tuple[int, int]] = []
    for start, end in _line_matches(_HEADING_LINE, _HEADING_LINE_AFTER_FEED, prose):
        # A match ends at the line's end (its words and blanks hold no line feed).
        text = prose[start:end].lstrip(" \t")
        if len(text) <= _HEADING_MAX and "\r" not in text:
            out.append((start, end))
    return out


def _line_matches(pattern: LazyPattern, after_feed: LazyPattern, prose: str) -> Iterator[tuple[int, int]]:
    """Spans of the matches of ``pattern`` at the start of the text and after each line feed
    (``after_feed`` is the same pattern as group 1, after a line feed)."""
    match = pattern.match(prose)
    if match:
        yield match.span()
    for match in after_feed.finditer(prose):
        yield match.span(1)


def _line_span(prose: str, starts: list[int], line: int) -> tuple[int, int]:
    start = starts[line]
    end = starts[line + 1] if line + 1 < len(starts) else len(prose)
    return start, end


def _phrases(prose: str, caps: list[CapToken]) -> list[NameMention]:
    """Runs of two or more capitalised tokens ("Ascentage Pharma", "Stock Exchange of Hong Kong")."""
    out: list[NameMention] = []
    first = 0  # the index of the current run's first token: a run is a range of ``caps``
    index = 0
    last_end = -1  # where the previous token ends (-1: none yet)
    last_possessive = False
    named = _Named(prose, caps)
    for start, end, possessive, _ in caps:
        if last_end >= 0:
            # A run goes on after one blank or a connector between blanks, never after a possessive.
            if last_possessive:
                joined = False
            elif start - last_end == 1 and prose[last_end] == " ":
                joined = True  # one blank: the usual case, without a slice
            elif prose[last_end + 1] in _NO_CONNECTOR_START and prose[last_end] == " ":
                # A blank and then a word that no connector starts ("Bank said England"; most gaps): the
                # gap neither strips to a connector nor wraps around one (``_wrapped_gap``), without a slice.
                joined = False
            else:
                gap = prose[last_end:start]
                if len(gap.strip()) > _CONNECTOR_MAX:
                    # Words between (most gaps): no connector, and no line wrap around one (``_wrapped_gap``).
                    joined = False
                else:
                    if "\n" in gap:
                        gap = _wrapped_gap(prose, last_end, gap)
                    joined = gap == " " or (gap[:1] == " " and gap[-1:] == " " and gap.strip() in _CONNECTORS and gap.count(" ") == 2)
            if not joined:
                if index - first > 1:
                    _add_phrase(prose, caps[first:index], out, named)
                first = index
        index += 1
        last_end = end
        last_possessive = possessive
    if index - first > 1:
        _add_phrase(prose, caps[first:], out, named)
    return out


# Legal forms written in lower case or with full stops, which the run of capitalised tokens leaves out.
_LEGAL_TAIL = LazyPattern(r" (?:plc|PLC)(?![\w\-])| ?(?:S\.A|N\.V|B\.V|S\.p\.A|S\.A\.S|A/S)\.?(?![\w\-])")


def _wrapped_gap(prose: str, at: int, gap: str) -> str:
    """A gap holding a line break as it reads: a blank where a long prose line wraps, else itself."""
    if gap.count("\n") != 1 or gap.strip(" \t\n") not in _WRAPPED_INNER:
        return gap
    if not soft_break(prose, at + gap.index("\n")):
        return gap
    inner = gap.strip()
    return f" {inner} " if inner else " "


class _Named:
    """The capitalised words a text also writes mid-sentence: names ("Margaret"), even when
    common. Gathered on the first question: most texts never ask."""

    def __init__(self, prose: str, caps: list[CapToken]) -> None:
        self.prose = prose
        self.caps = caps
        self.words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            prose = self.prose
            self.words = {prose[t.start : t.end] for t in self.caps if not t.initial}
        return word in self.words


_cap_initial = attrgetter("initial")


def _add_phrase(prose: str, run: list[CapToken], out: list[NameMention], named: _Named) -> None:
    """Append the phrase a run of capitalised tokens makes, if it makes one."""
    if len(run) < 2:  # a single token is never a phrase
        return
    first = 0
    # A capitalised common word opening a sentence is not part of the name, unless the text
    # writes it capitalised mid-sentence too and it is no function word ("Margaret Example said").
    while first < len(run) and run[first].initial:
        word = prose[run[first].start : run[first].end]
        frequency = zipf(word)
        if frequency < 4.0 or (word in named and frequency < _NAME_MAX_ZIPF):
            break
        first += 1
    tokens = run[first:]
    if 2 <= len(tokens) <= _MAX_PHRASE:
        last = tokens[-1]
        start, end = tokens[0].start, last.end
        tail = _LEGAL_TAIL.match(prose, last.start if end - last.start == 1 else end)
        if tail is not None and not last.possessive:
            end = tail.end()  # "Example Holdings plc", "Example Holdings S.A.": the legal form is part of the name
        initial = any(map(_cap_initial, tokens))
        out.append(new_mention(one_line(prose[start:end]), start, end, "phrase", initial, False))
