"""ENC008: leftovers of HTML and PDF conversion: entities, ligatures, "treat- ment"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from checker.finding import Edit, Finding, Fix, Related
from checker.patterns import LazyPattern
from checker.rule import Rule
from checker.urls import in_url

if TYPE_CHECKING:
    from checker.document import Document
    from checker.facts import FactSheet

# "&amp;lt;" is "<" escaped twice: one finding for the whole chain.
_ENTITY = LazyPattern(r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Characters of HTML's own syntax: a text about HTML may write their references on purpose.
_HTML_SYNTAX = frozenset("&<>\"'")
# Punctuation that belongs inside words: apostrophes, hyphens, the middle dot.
_IN_WORD = frozenset("\u2019\u02bc-\u2010\u2011\u00b7")
_LIGATURE = LazyPattern("[\ufb00-\ufb06]")
_LIGATURES = frozenset("\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06")
# "treat- ment": a hyphen and a space in the middle of a line, between two
# lower-case fragments. Found from the hyphen, which is rare, then the
# first fragment is read backwards.
_BROKEN = LazyPattern(r"-[ \t]+([a-z]{2,})(?![\w\-\u2010\u2011])")
_FIRST = LazyPattern(r"(?<![\w\-\u2010\u2011])[A-Za-z]{2,}$")
# A hyphenated word both of whose parts are rarer than this, and whose letters joined make a word at least this common,
# is one word split ("imple-mentation"), not a compound.
_SPLIT_PART_MAX_ZIPF = 2.0
_SPLIT_JOINED_MIN_ZIPF = 3.5
# A running header or footer that a PDF's text carried into the middle of a sentence: "Page 4 of 9", or a title and a
# separator before the page ("Summary | Page 7"), between two words of the sentence. "see Page 4 for" is a reference.
# Searched from "Page", a literal the search skips to; the title before it is then read back from there.
_PAGE_MARK = r"Page[ \t]+\d{1,4}(?P<of>[ \t]+of[ \t]+\d{1,4})?"
_PAGE_NUMBER = LazyPattern(_PAGE_MARK + r"(?=[ \t]+[a-z0-9])")
_PAGE_TITLE = LazyPattern(r"(?<=[a-z,;] )(?:[A-Z][\w&.'’-]*(?:[ \t]+[A-Z][\w&.'’-]*){0,5}[ \t]*(?P<bar>\|)?[ \t]*)?$")
# The same mark on a line of its own, after a title and a separator or as "Page N of M", inside a sentence that the
# lines around it carry on ("... via a new priority / Council | Committee 9 December 2026 | Page 6 of 14 / junction,
# with ..."): the line before ends without a full stop and the next line goes on in lower case.
_PAGE_LINE_END = LazyPattern(_PAGE_MARK + r"[ \t]*(?=\n)")
# A running header or footer as a PDF lays it out: a title, a wide gap and the page number ("Remote Work and Local
# Service Employment          14"), or the number first.
# (Searched from its three blanks, a literal the search skips to, at the start of a run of blanks only: tried inside
# a run, the blanks after it would be read again from each of them.)
_GAP_NUMBER_END = LazyPattern(r"(?<![ \t])   [ \t]*+\d{1,4}[ \t]*(?=\n)")
_RUNNING_TITLE = LazyPattern(r"[ \t]*(?:\d{1,4}[ \t]{3,})?[A-Z][\w&'’,:/.-]*(?:[ \t][\w&'’,:/.-]+){1,11}[ \t]*$")
_SENTENCE_GOES_ON = LazyPattern(r"[a-z,;][ \t]*\n(?:[ \t]*\n)?$")
_GOES_ON_LOWER = LazyPattern(r"\n(?:[ \t]*\n)?[ \t]*[a-z]")
# Lower-case words standing alone, and the letters a PDF font's ligatures stand for, the longest first.
_LOWER_WORD = LazyPattern(r"(?<![\w\-\u2010\u2011'’])[a-z]+(?![\w\-\u2010\u2011'’])")
_LIGATURE_LETTERS = ("ffi", "ffl", "ff", "fi", "fl")
_LIGATURE_JOINED_MIN_ZIPF = 3.0
# The words of one or two letters; any other such fragment ("o ce", "de ned") is no word, whatever the word list says
# of it (its counts come from names, initials and abbreviations).
_SHORT_WORDS = frozenset("a i am an as at be by do go he if in is it me my no of on or so to up us we".split())


def _fragment_is_word(fragment: str, zipf) -> bool:
    """Whether ``fragment`` is an English word on its own (a short one only if it is listed)."""
    return fragment in _SHORT_WORDS if len(fragment) <= 2 else zipf(fragment) >= _SPLIT_PART_MAX_ZIPF
# Words after which a hyphen is a suspended prefix ("pre- and post-operative").
_SUSPENDED = frozenset("and or to nor but than versus vs via through as".split())


class ExtractionArtifact(Rule):
    """HTML entities, PDF ligatures and end-of-line hyphenation left in the middle of a line.

    What it checks
    --------------
    Reports five leftovers of converting documents to text:

    - HTML character references in plain-text files (``&amp;``,
      ``&#8217;``, ``&nbsp;``), one finding per reference with its other
      occurrences in the document as related places; Markdown files are not
      checked for these, because Markdown renders them;
    - typographic ligatures from PDF fonts (U+FB00 to U+FB06: "ﬁ", "ﬂ",
      "ﬀ", "ﬃ", "ﬄ", "ﬅ", "ﬆ");
    - end-of-line hyphenation that is now in the middle of a line
      ("treat- ment", "in- crease"), when the joined word is a more common
      English word than its second half (or a known one, "contri- butory",
      when the second half is no word at all). Suspended hyphens ("pre- and
      post-operative", "short- to medium-term") are left alone. A hyphen
      left without its space splits a word too ("imple-mentation"), when
      neither half is a word and the two joined are a common one;
    - in text from a PDF, or with another of these signs of one, a
      ligature lost in conversion, leaving a space in its word ("the
      estimated coe cient", "signi cant", "o ce"): two lower-case
      fragments, one of them no word, that make a common word with "ffi",
      "ffl", "ff", "fi" or "fl" between them;
    - a page's running header or footer in the middle of a sentence ("eased
      to 4.1%, from Statistical Bulletin Page 4 of 9 4.3% in August",
      "the Agency has Summary | Page 7 strengthened"): "Page N of M", or a
      title and "|" before "Page N", between two words. A reference ("see
      Page 4 for details") is not one. The mark may also stand on a line of
      its own, and so may a title and its page number after a wide gap
      ("Remote Work and Local Service Employment      14") in a text file
      that shows another sign of coming from a PDF (a broken word, a page
      mark), when the line before ends without a full stop and the next
      goes on in lower case.

    Why it matters
    --------------
    Readers see "&amp;" and "treat- ment" instead of "&" and "treatment";
    search, spell checking and the other rules do not recognise a word
    written with a ligature character ("ﬁnancial") or broken in two.

    Fix safety
    ----------
    Replacing a ligature with its letters is safe and applied by ``--fix``,
    and so is replacing an HTML character reference (every occurrence of it)
    with the character it stands for, except for the references to HTML's
    own syntax (``&amp;``, ``&lt;``, ``&gt;``, ``&quot;``, ``&apos;`` and
    their numeric forms), which a text about HTML may mean literally, of
    invisible characters (``&nbsp;``, ``&shy;``), and of punctuation inside a
    word other than an apostrophe or a hyphen ("Blair&#191;s" stands for
    "¿" where an apostrophe was lost): those are suggestions, and so is any
    reference inside a URL (a fix never rewrites a link). Joining a broken word is a suggestion too: it may have
    been meant as a hyphenated compound.

    Flagged
    -------
        Research &amp; development costs rose, driven by treat- ment of ﬁve patients.

    Passes
    ------
        Research & development costs rose for pre- and post-operative treatment of five patients.
    """

    code = "ENC008"
    name = "extraction-artifact"
    severity = "warning"
    confidence = "medium"

    def check(self, doc: Document, facts: FactSheet) -> Iterator[Finding]:
        prose = doc.prose
        if doc.format == "text" and "&" in prose:
            yield from self._entities(prose)
        if not prose.isascii():
            from checker.extract.unicode_chars import non_ascii_characters

            if non_ascii_characters(prose) & _LIGATURES:
                yield from self._ligatures(prose)
        pdf = doc.format == "pdf"  # whether the text shows signs of coming from a PDF
        if "- " in prose or "-\t" in prose:
            for finding in self._broken_words(prose):
                pdf = True
                yield finding
        if "-" in prose:
            yield from self._split_words(doc)
        if "Page" in prose:
            for finding in self._page_marks(doc):
                pdf = True
                yield finding
        # Running headers are read in a PDF's text, and whether they repeat tells whether a text file is one.
        heads = _head_lines(prose) if (pdf and doc.format != "markdown" or doc.format == "text") and "   " in prose else []
        if not pdf and doc.format == "text":
            pdf = _repeated_running_head(heads)
        if pdf:
            yield from self._running_heads(doc, heads)
            yield from self._lost_ligatures(prose)

    def _lost_ligatures(self, prose: str) -> Iterator[Finding]:
        """"the estimated coe cient": a ligature ("ffi") that a PDF's text lost, leaving a space in the word.

        Read only in text that comes from a PDF or shows another sign of it: two lower-case fragments a space apart,
        one of them no word (Zipf under 2), that make a common word with one of the ligatures' letters between.
        """
        from checker.lexicon import zipf

        words = list(_LOWER_WORD.finditer(prose))
        for left, right in zip(words, words[1:], strict=False):
            if right.start() != left.end() + 1 or prose[left.end()] != " ":
                continue
            head, tail = left.group(), right.group()
            if _fragment_is_word(head, zipf) and _fragment_is_word(tail, zipf):
                continue
            for letters in _LIGATURE_LETTERS:
                joined = head + letters + tail
                joined_zipf = zipf(joined)
                if joined_zipf >= _LIGATURE_JOINED_MIN_ZIPF:
                    start, end = left.start(), right.end()
                    yield self.finding(
                        start,
                        end,
                        f'"{prose[start:end]}" looks like "{joined}" with its ligature "{letters}" lost in conversion from PDF',
                        evidence=f'word frequency (Zipf): "{joined}" {joined_zipf:.1f}, "{head}" {zipf(head):.1f}, "{tail}" {zipf(tail):.1f}',
                        fix=Fix((Edit(start, end, joined),), "display", f'Write "{joined}"'),
                    )
                    break

    def _page_marks(self, doc: Document) -> Iterator[Finding]:
        """"eased to 4.1%, from Statistical Bulletin Page 4 of 9 4.3% in August": a page's header or footer mid-sentence."""
        prose = doc.prose
        for match in _PAGE_NUMBER.finditer(prose):
            title = _PAGE_TITLE.search(prose, max(0, match.start() - 80), match.start())
            if title is None or not (match.group("of") or title.group("bar")):
                continue
            if doc.in_table(match.start()):
                continue
            start, end = title.start(), match.end()
            yield self.finding(
                start,
                end,
                f'"{prose[start:end]}" looks like a page header or footer left in the middle of a sentence',
                evidence="a page number between two words of one sentence, as text extracted from a PDF carries it",
                fix=Fix((Edit(start - 1, end, ""),), "display", "Remove the page mark"),
            )
        for match in _PAGE_LINE_END.finditer(prose):
            line_start = prose.rfind("\n", 0, match.start()) + 1
            title = prose[line_start:match.start()]
            if not (match.group("of") or title.rstrip().endswith("|")) or len(title) > 100:
                continue
            finding = self._mark_line(doc, line_start, match.end(), "a line holding only a page mark")
            if finding is not None:
                yield finding

    def _running_heads(self, doc: Document, heads: list[_HeadLine]) -> Iterator[Finding]:
        """"... There is no evidence of / Remote Work and Local Service Employment      14 / differential pre-trends":
        a page's running header, a title and its page number (``heads``), on a line of its own inside a sentence."""
        for head in heads:
            finding = self._mark_line(doc, head.start, head.end, "a title and a page number on a line of their own")
            if finding is not None:
                yield finding

    def _mark_line(self, doc: Document, line_start: int, line_end: int, holding: str) -> Finding | None:
        """The finding for a page mark on the line from ``line_start`` to ``line_end`` (``holding`` says what the line
        holds), if it stands inside a sentence: the line before it ends without a full stop, the next one goes on in
        lower case (a blank line either side is allowed), and neither is a table's."""
        prose = doc.prose
        if (
            _SENTENCE_GOES_ON.search(prose, max(0, line_start - 4), line_start) is None
            or _GOES_ON_LOWER.match(prose, line_end) is None
            or doc.in_table(line_start)
        ):
            return None
        start = line_end - len(prose[line_start:line_end].lstrip())
        return self.finding(
            start,
            line_end,
            f'"{" ".join(prose[start:line_end].split())}" looks like a page header or footer left in the middle of a sentence',
            evidence=f"{holding}, between two lines of one sentence, as text extracted from a PDF carries it",
            fix=Fix((Edit(line_start, line_end + 1, ""),), "display", "Remove the page mark"),
        )

    def _entities(self, prose: str) -> Iterator[Finding]:
        import html

        # entity as written -> (what it stands for, times escaped, its occurrences)
        seen: dict[str, tuple[str, int, list[tuple[int, int]]]] = {}
        for match in _ENTITY.finditer(prose):
            entity = match.group()
            if entity in seen:
                seen[entity][2].append(match.span())
                continue
            meaning, times = entity, 0
            while "&" in meaning:
                decoded = html.unescape(meaning)
                if decoded == meaning:
                    break
                meaning, times = decoded, times + 1
            if times == 0:
                continue  # not an entity HTML knows
            seen[entity] = (meaning, times, [match.span()])
        for entity, (meaning, times, spans) in seen.items():
            shown = _visible(meaning)
            twice = "" if times == 1 else " (escaped twice)" if times == 2 else f" (escaped {times} times)"
            (start, end), rest = spans[0], spans[1:]
            more = f" ({len(rest)} more time{'s' if len(rest) > 1 else ''} in this document)" if rest else ""
            yield self.finding(
                start,
                end,
                f'"{entity}" is an HTML character reference{twice} in plain text{more}; it stands for "{shown}"',
                evidence=f"HTML decodes {entity} as {shown}" + "".join(f" (U+{ord(ch):04X})" for ch in meaning[:2]),
                related=tuple(Related(s, e, f'"{entity}" again') for s, e in rest),
                fix=Fix(
                    tuple(Edit(s, e, meaning) for s, e in spans),
                    "safe" if _fits(prose, spans, meaning) and not any(in_url(prose, s) for s, _ in spans) else "display",
                    f'Replace with "{shown}"' + (f" ({len(spans)} places)" if rest else ""),
                ),
            )

    def _ligatures(self, prose: str) -> Iterator[Finding]:
        import unicodedata

        for match in _LIGATURE.finditer(prose):
            ligature = match.group()
            letters = unicodedata.normalize("NFKC", ligature)
            start, end = match.span()
            word = _word_at(prose, start, end)
            yield self.finding(
                start,
                end,
                f'"{word}" contains the ligature "{ligature}" (U+{ord(ligature):04X}) instead of the letters "{letters}"',
                evidence=f"U+{ord(ligature):04X} {unicodedata.name(ligature)} is a presentation form of \"{letters}\"",
                fix=Fix((Edit(start, end, letters),), "safe", f'Replace with "{letters}"'),
            )

    def _split_words(self, doc: Document) -> Iterator[Finding]:
        """"imple-mentation": a word split by a hyphen that a line end left behind, neither part a word of its own."""
        from checker.compounds import lone_spans
        from checker.lexicon import zipf
        from checker.word_screen import screen

        prose = doc.prose
        for first, second in sorted(screen(doc).compounds):
            if zipf(first) >= _SPLIT_PART_MAX_ZIPF or zipf(second) >= _SPLIT_PART_MAX_ZIPF:
                continue
            joined = first + second
            joined_zipf = zipf(joined)
            if joined_zipf < _SPLIT_JOINED_MIN_ZIPF:
                continue
            evidence = f'word frequency (Zipf): "{joined}" {joined_zipf:.1f}, "{first}" {zipf(first):.1f}, "{second}" {zipf(second):.1f}'
            for start, end in lone_spans(prose, first + "-", second, "-"):
                yield self._joined(prose, start, end, joined, evidence)

    def _joined(self, prose: str, start: int, end: int, joined: str, evidence: str, whole: tuple[int, int] | None = None) -> Finding:
        """The finding for a word broken by end-of-line hyphenation at ``prose[start:end]`` (``whole``: the word
        written whole elsewhere in the document)."""
        return self.finding(
            start,
            end,
            f'"{prose[start:end]}" is a word broken by end-of-line hyphenation; it reads "{joined}"',
            evidence=evidence,
            related=(Related(*whole, f'"{joined}" written as one word'),) if whole else (),
            fix=Fix((Edit(start, end, joined),), "display", f'Join as "{joined}"'),
        )

    def _broken_words(self, prose: str) -> Iterator[Finding]:
        from checker.lexicon import zipf

        for match in _BROKEN.finditer(prose):
            head = _FIRST.search(prose, max(0, match.start() - 40), match.start())
            if head is None:
                continue
            first, second = head.group(), match.group(1)
            if second.lower() in _SUSPENDED:
                continue
            joined = first + second
            joined_zipf = zipf(joined)
            second_zipf = zipf(second)
            # The joined word must be common and more common than the second half (else "well- being" and "co-
            # operation" are compounds with a space too many), or known when the second half is no word ("contri- butory"),
            # or written whole elsewhere in the document ("avail- ability" in a report on "availability").
            if joined_zipf < 2.0:
                continue
            evidence = f'word frequency (Zipf): "{joined}" {joined_zipf:.1f}, "{second}" {second_zipf:.1f}'
            whole = None
            if second_zipf > 0 and (joined_zipf < 3.0 or joined_zipf <= second_zipf):
                found = re.search(r"(?<![\w\-\u2010\u2011])" + re.escape(joined) + r"(?![\w\-\u2010\u2011])", prose, re.I)
                if found is None:
                    continue
                whole = found.span()
                evidence = f'"{found.group()}" is written as one word elsewhere in the document; ' + evidence
            start, end = head.start(), match.end()
            yield self._joined(prose, start, end, joined, evidence, whole)


class _HeadLine(NamedTuple):
    """A line that may be a page's running header: a title, then a page number after a wide gap."""

    start: int
    end: int
    title: str
    number: str


def _head_lines(prose: str) -> list[_HeadLine]:
    """The lines of ``prose`` that hold a title and a page number after a wide gap, and nothing else."""
    out = []
    for match in _GAP_NUMBER_END.finditer(prose):
        line_start = prose.rfind("\n", 0, match.start()) + 1
        title = _RUNNING_TITLE.match(prose, line_start, match.start())
        if title is not None:
            out.append(_HeadLine(line_start, match.end(), title.group(), match.group().strip()))
    return out


def _repeated_running_head(heads: list[_HeadLine]) -> bool:
    """Whether a title of three words or more stands on lines of its own (``heads``) with two different page numbers
    ("Brackenshire Libraries Annual Statistics 2025/26      7", then "... 8"): a sign of a PDF's text."""
    pages: dict[str, set[str]] = {}
    for head in heads:
        if len(words := head.title.split()) >= 3:
            numbers = pages.setdefault(" ".join(words), set())
            numbers.add(head.number)
            if len(numbers) >= 2:
                return True
    return False


def _fits(prose: str, spans: list[tuple[int, int]], meaning: str) -> bool:
    """Whether the character an entity stands for can replace it everywhere without a doubt.

    Not HTML's own syntax (a text about HTML means it literally), and not
    punctuation inside a word other than an apostrophe or a hyphen:
    "Blair&#191;s" stands for "¿", but the writer meant an apostrophe that a
    conversion lost.
    """
    if meaning in _HTML_SYNTAX or _visible(meaning) != meaning:
        return False  # HTML's syntax, or an invisible character ("&nbsp;") that other rules report
    if len(meaning) != 1 or meaning.isalnum() or meaning in _IN_WORD:
        return True
    return not any(0 < s and e < len(prose) and prose[s - 1].isalpha() and prose[e].isalpha() for s, e in spans)


def _visible(text: str) -> str:
    if text.isprintable() and not text.isspace():
        return text
    return " ".join(f"U+{ord(ch):04X}" for ch in text)


def _word_at(text: str, start: int, end: int) -> str:
    left = start
    while left > 0 and start - left < 30 and text[left - 1].isalpha():
        left -= 1
    right = end
    while right < len(text) and right - end < 30 and text[right].isalpha():
        right += 1
    return text[left:right]
