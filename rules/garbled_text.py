"""ENC003: runs of characters that cannot be real text (PDF-extraction garbage)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.finding import Finding
from checker.rule import Rule

if TYPE_CHECKING:
    from checker.document import Document
    from checker.extract.garbled import GarbledRun
    from checker.facts import FactSheet


class GarbledText(Rule):
    """Garbled text: characters from many unrelated scripts, unassigned code points or ``(cid:N)`` codes.

    What it checks
    --------------
    Reports each run of characters that cannot be real text, spanning the
    whole run:

    - letters that change script inside a word every character or two
      (Canadian syllabics, Arabic, Malayalam, Myanmar, Oriya, ...), which is
      what a PDF extractor produces from a font without a Unicode map;
    - combining marks with no letter of their own script to sit on;
    - unassigned or private-use code points;
    - ``(cid:123)`` glyph codes left by PDF text extractors;
    - three or more replacement characters (U+FFFD) in a row.

    Real multilingual text stays quiet: Chinese, Japanese, Korean, Arabic,
    Hebrew, Cyrillic, Greek, Devanagari and other scripts form whole words,
    and Latin may mix freely with Han, Kana and Hangul (as Unicode's
    mixed-script detection, UTS #39, allows). Names written in another
    script inside English text, IPA, mathematical symbols and emoji are
    all fine. A lone replacement character is reported by
    ``replacement-character`` instead.

    Why it matters
    --------------
    The run stands for text that was lost, typically a Chinese or Japanese
    title in a document extracted from PDF. Readers see noise, search and
    translation tools fail on it, and nothing can be recovered from the
    characters themselves: the original must be copied again from the source.

    There is no automatic fix.

    Flagged
    -------
        the Provisions for Drug Registration* (ᖹۜൗ̅၍ଣ፬ج'(਷࢕̹ఙ္ຖ) and

    Passes
    ------
        Ascentage Pharma (亚盛医药) and Sony (ソニー株式会社) reported results.
    """

    code = "ENC003"
    name = "garbled-text"
    severity = "warning"
    confidence = "medium"

    def check(self, doc: Document, facts: FactSheet) -> Iterator[Finding]:
        prose = doc.prose
        if prose.isascii() and "(cid:" not in prose:
            return
        from checker.extract.encoding import encoding_facts

        for run in encoding_facts(doc).garbled_runs:
            yield self.finding(run.start, run.end, _message(run, prose), evidence=_evidence(run, prose))


def _message(run: GarbledRun, text: str) -> str:
    from checker.extract.unicode_chars import excerpt

    quoted = excerpt(text[run.start : run.end])
    length = run.end - run.start
    if run.cid:
        return f'"{quoted}" holds {run.cid} PDF glyph code{"s" if run.cid > 1 else ""} that were never decoded into text'
    if length == 1 and (run.private or run.unassigned):
        what = "a private-use code point" if run.private else "an unassigned code point"
        return f'"{quoted}" is {what}, which has no meaning outside one font or program'
    if run.replacement and run.replacement == length:
        return f'"{quoted}" is a run of {length} replacement characters: the text here was lost in decoding'
    parts = []
    if len(run.scripts) > 1:
        parts.append(f"letters from {len(run.scripts)} scripts")
    if run.unassigned:
        parts.append(f"{run.unassigned} unassigned code point{'s' if run.unassigned > 1 else ''}")
    if run.private:
        parts.append(f"{run.private} private-use code point{'s' if run.private > 1 else ''}")
    if run.orphan_marks:
        parts.append(f"{run.orphan_marks} combining mark{'s' if run.orphan_marks > 1 else ''} without a base letter")
    if run.replacement:
        parts.append(f"{run.replacement} replacement character{'s' if run.replacement > 1 else ''}")
    listed = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] if parts else "no readable text"
    return f'"{quoted}" ({length} characters) is garbled text: {listed}'


def _evidence(run: GarbledRun, text: str) -> str:
    from checker.extract.unicode_chars import info

    if run.cid:
        return f"{run.cid} (cid:N) tokens: glyph identifiers of a PDF font without a Unicode map"
    items = []
    if run.scripts:
        items.append("scripts: " + ", ".join(run.scripts))
    if run.switches:
        items.append(f"script changes inside words: {run.switches}")
    if run.orphan_marks:
        items.append(f"marks without a base of their script: {run.orphan_marks}")
    junk = [f"U+{ord(ch):04X}" for ch in text[run.start : run.end] if info(ch).kind in ("unassigned", "private")]
    if junk:
        shown = ", ".join(junk[:6]) + (", ..." if len(junk) > 6 else "")
        items.append(f"unassigned or private-use: {shown}")
    if run.replacement:
        items.append(f"U+FFFD: {run.replacement}")
    return "; ".join(items)
