"""ENC005: invisible characters inside the text: zero-width spaces, stray BOMs, control characters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.finding import Applicability, Edit, Finding, Fix
from checker.patterns import LazyPattern
from checker.rule import Rule

if TYPE_CHECKING:
    from checker.document import Document
    from checker.facts import FactSheet

# Tab, line feed, carriage return, vertical tab and form feed are layout, not
# junk (a form feed is a page break in extracted text). Bidirectional
# embeddings, overrides and isolates belong to bidi-control (ENC006).
_CANDIDATE = LazyPattern(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff\ufff9-\ufffb"
    "\U000e0000-\U000e007f]+"
)
_ANSI = LazyPattern(r"\x1b\[[0-?]*[ -/]*[@-~]")

NAMES = {
    "\u00ad": "soft hyphen",
    "\u061c": "Arabic letter mark",
    "\u180e": "Mongolian vowel separator",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u2060": "word joiner",
    "\u2061": "invisible function application",
    "\u2062": "invisible times",
    "\u2063": "invisible separator",
    "\u2064": "invisible plus",
    "\ufeff": "byte order mark",
    "\x1b": "escape character",
}

# Scripts written without spaces between words, where a zero-width space or
# word joiner marks a word boundary on purpose.
_UNSPACED = frozenset(
    "Thai Lao Khmer Myanmar Tibetan Han Hiragana Katakana Javanese Balinese Tai_Tham Tai_Le New_Tai_Lue "
    "Buginese Sundanese Cham Tai_Viet".split()
)
# Scripts that use joiners inside words (Persian, the Indic scripts, emoji aside).
_NOT_JOINING = frozenset({"Latin", "Greek", "Cyrillic", "Common", "Inherited", "Unknown"})


class InvisibleCharacter(Rule):
    """Invisible characters inside the text: zero-width spaces, joiners, stray BOMs, control characters.

    What it checks
    --------------
    Reports characters that take no space on screen but are part of the
    text: zero-width spaces, zero-width joiners and non-joiners, word
    joiners and invisible mathematical operators inside ordinary words,
    byte order marks (U+FEFF) in the middle of a file, soft hyphens (U+00AD)
    in plain-text files, direction marks in text without right-to-left
    script, Unicode tag characters, and control characters other than tab,
    line breaks and form feed (terminal colour codes included).

    Legitimate uses stay quiet: a zero-width joiner inside an emoji sequence
    (👨‍👩‍👧), joiners and non-joiners in Persian, Arabic and Indic words,
    zero-width spaces between words of Thai, Khmer, Lao, Myanmar, Chinese or
    Japanese, tag characters in a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿), and soft hyphens
    in Markdown.

    Why it matters
    --------------
    Invisible characters split words that look whole: "Ascen<U+200B>tage" with a
    zero-width space inside is not found by search, is counted as two names
    by the names rules, and fails spell checking. Control characters are
    leftovers of terminals and broken conversions; tag characters can carry
    hidden instructions.

    Fix safety
    ----------
    The fix removes the characters; it is safe for everything except
    control characters between two letters, which may have stood for a
    separator and are only suggested.

    Flagged
    -------
        Ascen<U+200B>tage Pharma

    (``<U+200B>`` stands for the invisible zero-width space.)

    Passes
    ------
        Ascentage Pharma 👩‍🔬 (a zero-width joiner inside an emoji)
    """

    code = "ENC005"
    name = "invisible-character"
    severity = "warning"

    def check(self, doc: Document, facts: FactSheet) -> Iterator[Finding]:
        prose = doc.prose
        if prose.isascii():
            if not _has_ascii_control(prose):
                return
        else:
            from checker.extract.unicode_chars import non_ascii_characters

            # (The ASCII candidates are the controls that _has_ascii_control looks for.)
            if not any(_CANDIDATE.match(ch) for ch in non_ascii_characters(prose)) and not _has_ascii_control(prose):
                return
        for match in _CANDIDATE.finditer(prose):
            start, end = match.span()
            flagged = [_flagged(doc, index, start, end) for index in range(start, end)]
            index = start
            while index < end:
                if not flagged[index - start]:
                    index += 1
                    continue
                stop = index
                while stop < end and flagged[stop - start]:
                    stop += 1
                ansi = _ANSI.match(prose, index) if prose[stop - 1] == "\x1b" or prose[index] == "\x1b" else None
                if ansi and ansi.end() > stop:
                    stop = ansi.end()
                yield self._finding(prose, index, stop, ansi is not None)
                index = stop

    def _finding(self, text: str, start: int, end: int, ansi: bool) -> Finding:
        from checker.extract.unicode_chars import excerpt

        chars = text[start:end]
        if ansi:
            what = f"a terminal escape sequence ({excerpt(chars, 20)})"
        else:
            names = []
            for ch in dict.fromkeys(chars):
                names.append(f"{_name(ch)} (U+{ord(ch):04X})")
            count = len(chars)
            what = ("an invisible " + names[0]) if count == 1 else f"{count} invisible characters: " + ", ".join(names)
        word = _word_at(text, start, end)
        controls = any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in chars)
        between_letters = start > 0 and end < len(text) and not text[start - 1].isspace() and not text[end].isspace()
        applicability: Applicability = "display" if controls and between_letters and not ansi else "safe"
        fix = Fix((Edit(start, end, ""),), applicability, "Remove the invisible characters")
        meant = _windows_1252(chars)
        if meant:
            # C1 controls are usually Windows-1252 punctuation read as Latin-1.
            what += f', probably "{meant}" (Windows-1252 read as Latin-1)'
            fix = Fix((Edit(start, end, meant),), "display", f'Replace with "{meant}"')
        return self.finding(
            start,
            end,
            f'"{excerpt(word, 40)}" contains {what}',
            evidence="code points: " + " ".join(f"U+{ord(ch):04X}" for ch in chars[:12]),
            fix=fix,
        )


def _windows_1252(chars: str) -> str | None:
    """What C1 controls stand for if they are Windows-1252 bytes read as Latin-1."""
    if not all("\x80" <= ch <= "\x9f" for ch in chars):
        return None
    try:
        return chars.encode("latin-1").decode("cp1252")
    except UnicodeDecodeError:
        return None


# Every byte but the ASCII controls that are candidates (all but tab, line breaks and form feed).
_NOT_CONTROL = bytes(sorted(set(range(256)) - {*range(0x09), *range(0x0E, 0x20), 0x7F}))


def _has_ascii_control(text: str) -> bool:
    # The bytes left when every other byte is deleted from the UTF-8 (where no byte of a longer
    # character is below 0x80) are the controls: bytes.translate is several times faster than a search.
    return bool(text.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL))


def _name(ch: str) -> str:
    if ch in NAMES:
        return NAMES[ch]
    code = ord(ch)
    if 0xE0000 <= code <= 0xE007F:
        return "tag character"
    if 0xFFF9 <= code <= 0xFFFB:
        return "interlinear annotation character"
    return "control character"


def _flagged(doc: Document, index: int, start: int, end: int) -> bool:
    """Whether the invisible character at ``index`` (in the run start:end) is a defect."""
    text, format = doc.prose, doc.format
    ch = text[index]
    code = ord(ch)
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if ch == "\u00ad":
        return format == "text"
    if 0x80 <= code <= 0x9F:
        # A byte of mojibake ("â€\x9d") is the mojibake rule's to report.
        return not re.search("[\u00c2-\u00f4]", text[max(0, start - 3) : start])
    if ch == "\u200d":
        return not (_emoji(before) or _emoji(after) or _joining(before) or _joining(after))
    if ch == "\u200c":
        return not (_joining(before) or _joining(after))
    if ch in "\u200b\u2060":
        return not (_script(before) in _UNSPACED or _script(after) in _UNSPACED)
    if ch in "\u200e\u200f\u061c":
        return not _right_to_left_line(doc, index)
    if ch == "\u180e":
        return not (_script(before) == "Mongolian" or _script(after) == "Mongolian")
    if 0xE0000 <= code <= 0xE007F:
        return not (before == "\U0001f3f4" and text[end - 1] == "\U000e007f")
    return True


def _script(ch: str) -> str:
    if not ch:
        return "Unknown"
    from checker.extract.unicode_chars import script_of

    return script_of(ch)


def _joining(ch: str) -> bool:
    return bool(ch) and not ch.isascii() and _script(ch) not in _NOT_JOINING


def _emoji(ch: str) -> bool:
    if not ch:
        return False
    from checker.extract.unicode_chars import is_emoji_part

    return is_emoji_part(ch)


def _right_to_left_line(doc: Document, index: int) -> bool:
    from checker.extract.unicode_chars import has_right_to_left

    line_start, line_end = doc.line_bounds(index)
    return has_right_to_left(doc.prose[line_start:line_end])


def _word_at(text: str, start: int, end: int) -> str:
    left = start
    while left > 0 and start - left < 30 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and right - end < 30 and not text[right].isspace():
        right += 1
    return text[left:right]
