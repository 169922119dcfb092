"""ENC007: a word spelled with look-alike letters from another script ("Ascentаge" with a Cyrillic а)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from checker.finding import Edit, Finding, Fix
from checker.patterns import LazyPattern
from checker.rule import Rule

if TYPE_CHECKING:
    from checker.document import Document
    from checker.facts import FactSheet

_GREEK_OR_CYRILLIC = LazyPattern("[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]")
_LATIN = LazyPattern("[A-Za-z\u00c0-\u024f]")
_WORD_END = LazyPattern(r"[^\W\d_]*")
_WORD_START = LazyPattern(r"[^\W\d_]*$")
# Where a Latin letter touches a Greek or Cyrillic one, in the text mapped to
# one code letter per character ("L" Latin, "C" Greek or Cyrillic).
_TOUCH = LazyPattern("LC|CL")
# Characters on each side of a word read to tell the script of its context.
_CONTEXT = 40


class MixedScriptWord(Rule):
    """A Latin word with a Cyrillic or Greek look-alike letter inside (or the reverse).

    What it checks
    --------------
    Reports a word whose letters are nearly all of one script but include
    letters of another script that look identical: "Ascentаge" with a
    Cyrillic "а" (U+0430), "Οlverembatinib" with a Greek capital omicron, or
    a Russian word with a Latin "o". Only whole-glyph look-alikes count, so
    scientific notation that mixes scripts on purpose ("TNFα", "Hα", "μm",
    IPA such as "θɪŋk") is left alone, as are words written entirely in one
    script. A short word whose letters do not settle its script ("Τo" or
    "Ιn" with a Greek capital, "ΤΟΤAL" with three) is read in the script of
    the other words on its line.

    Why it matters
    --------------
    The word looks right but is a different string: search does not find
    it, spell checkers and the names rules treat it as an unknown word, and
    look-alike letters are a known way to spoof names and links.

    Fix safety
    ----------
    The suggested fix replaces the look-alike letters with the letters of
    the word's own script; it is shown, not applied automatically.

    Flagged
    -------
        Ascentаge Pharma (the fourth-last letter is Cyrillic)

    Passes
    ------
        Ascentage Pharma; TNFα and IL-6 levels; the Greek letter α in αβ-crystallin.
    """

    code = "ENC007"
    name = "mixed-script-word"
    severity = "warning"

    def check(self, doc: Document, facts: FactSheet) -> Iterator[Finding]:
        prose = doc.prose
        if prose.isascii():
            return
        from checker.extract.encoding import encoding_facts
        from checker.extract.unicode_chars import characters

        found = encoding_facts(doc)
        if not any(_GREEK_OR_CYRILLIC.match(ch) for ch in found.non_ascii):
            return
        chars = characters(prose)
        table = {ord(ch): "L" if _LATIN.match(ch) else "C" if _GREEK_OR_CYRILLIC.match(ch) else " " for ch in chars}
        codes = prose.translate(table)
        garbled: list[tuple[int, int]] | None = None
        done = -1
        for touch in _TOUCH.finditer(codes):
            if touch.start() < done:
                continue
            start = _WORD_START.search(prose, max(0, touch.start() - 60), touch.start() + 1).start()
            end = _WORD_END.match(prose, touch.start() + 1).end()
            done = end
            word = prose[start:end]
            result = _lookalikes(word, partial(_context_script, prose, start, end))
            if result is None:
                continue
            if garbled is None:
                garbled = [(run.start, run.end) for run in found.garbled_runs]
            if any(s < end and start < e for s, e in garbled):
                continue
            yield self._finding(start, end, word, *result)

    def _finding(self, start: int, end: int, word: str, script: str, intruder: str, fixed: str) -> Finding:
        from checker.extract.unicode_chars import describe

        odd = [(i, ch) for i, ch in enumerate(word) if ch != fixed[i]]
        if len(odd) == 1:
            ch = odd[0][1]
            detail = f'"{ch}" is the {intruder} letter {describe(ch)}, not {script} "{fixed[odd[0][0]]}"'
        else:
            letters = ", ".join(f'"{ch}"' for _, ch in odd)
            detail = f"{len(odd)} letters ({letters}) are {intruder} look-alikes of {script} letters"
        return self.finding(
            start,
            end,
            f'"{word}" mixes scripts: {detail}',
            evidence=f'{script} letters: {len(word) - len(odd)}; {intruder}: {len(odd)} ('
            + ", ".join(f"U+{ord(ch):04X}" for _, ch in odd)
            + f'); with {script} letters only it reads "{fixed}"',
            fix=Fix((Edit(start, end, fixed),), "display", f"Use {script} letters throughout"),
        )


def _lookalikes(word: str, context: Callable[[], str | None]) -> tuple[str, str, str] | None:
    """(word's script, intruder script, word respelt) when the minority letters are all look-alikes.

    A word whose letters do not settle its script ("Τo" with a Greek capital
    Tau, "ΤΟΤAL" with three Greek capitals) takes the script of the words
    around it (``context``).
    """
    from checker.extract.unicode_chars import info

    counts: dict[str, int] = {}
    for ch in word:
        script = info(ch).script
        if script in ("Common", "Inherited"):
            continue
        counts[script] = counts.get(script, 0) + 1
    if len(counts) != 2:
        return None
    roman = _as_roman_numeral(word, counts)
    if roman is not None:
        return roman
    (major, major_count), (minor, minor_count) = sorted(counts.items(), key=lambda item: -item[1])
    if major_count > minor_count and major_count >= 2:
        found = _respelt(word, major, minor)
        if found is not None:
            return found
    around = context()
    if around is None or around not in counts:
        return None
    other = minor if around == major else major
    return _respelt(word, around, other)


def _context_script(text: str, start: int, end: int) -> str | None:
    """The script of most letters near ``text[start:end]`` (outside it), if clearly one."""
    from checker.extract.unicode_chars import info

    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    # The same line only: a heading or a line in another language says nothing.
    before = before[max(before.rfind("\n"), before.rfind("\r")) + 1 :]
    after = after.split("\n", 1)[0].split("\r", 1)[0]
    counts: dict[str, int] = {}
    for ch in before + after:
        if ch.isalpha():
            script = info(ch).script
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None
    (best, count), *rest = sorted(counts.items(), key=lambda item: -item[1])
    if count < 3 or (rest and rest[0][1] * 3 > count):
        return None
    return best


def _respelt(word: str, major: str, minor: str) -> tuple[str, str, str] | None:
    """(major, minor, word respelt in ``major``) when every ``minor`` letter has a look-alike there."""
    from checker.extract.unicode_chars import LOOKALIKES, info

    table = LOOKALIKES.get((major, minor))
    if table is None:
        return None
    out = []
    for ch in word:
        if info(ch).script == minor:
            replacement = table.get(ch)
            if replacement is None:
                return None
            out.append(replacement)
        else:
            out.append(ch)
    return major, minor, "".join(out)


def _as_roman_numeral(word: str, counts: dict[str, int]) -> tuple[str, str, str] | None:
    """A Roman numeral typed with look-alike letters ("ХХI" with Cyrillic Х): respelt in Latin."""
    from checker.extract.unicode_chars import LOOKALIKES

    other = next((script for script in counts if script != "Latin"), None)
    table = LOOKALIKES.get(("Latin", other or ""))
    if "Latin" not in counts or table is None or other is None:
        return None
    latin = "".join(table.get(ch, ch) for ch in word)
    if len(word) < 2 or not set(latin) <= set("IVXLCDM"):
        return None
    return "Latin", other, latin

