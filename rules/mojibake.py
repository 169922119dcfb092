"""ENC002: mojibake, UTF-8 text that was decoded with a legacy encoding."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from checker.finding import Edit, Finding, Fix
from checker.rule import Rule

if TYPE_CHECKING:
    from checker.document import Document
    from checker.facts import FactSheet

# Two-character clues of mojibake, cheap to search for: a UTF-8 lead byte
# read as Windows-1252/Latin-1 ("Ã", "â", "Ð") followed by a continuation
# byte read the same way; the same for Windows-1251 ("вЂ", "Р°"), Mac OS
# Roman ("‚Äô", "√©") and Windows-1253. Only lines with a clue go to ftfy.
_CONTINUATION_1252 = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_CONTINUATION_1251 = "\u0080-\u00bf\u0402-\u040f\u0452-\u045f\u0490\u0491\u2013-\u2026\u2030\u2039\u203a\u20ac\u2116\u2122"
_CLUE = re.compile(
    f"[\u00c2-\u00f4][{_CONTINUATION_1252}]"
    f"|[\u0420\u0421\u0432][{_CONTINUATION_1251}]"
    "|\u201a[\u00c4\u00c3]|\u221a[\u00b1\u2202\u2020\u2260\u00ae\u2122\u00b4\u2264\u2265\u00a5\u00b5\u00f8\u00a9]|\u2248[\u00b0\u00a2]"
    "|[\u0392\u0393\u039e\u039f\u03b2][\u0080-\u00bf\u20ac\u2018-\u201e\u2020-\u2026\u0384-\u038f]"
)
_LEADS = frozenset(map(chr, range(0xC2, 0xF5))) | frozenset("\u0420\u0421\u0432\u201a\u221a\u2248\u0392\u0393\u039e\u039f\u03b2")
# The same clues as one pair of character classes: much faster to search.
_PAIR = re.compile(
    "[\u00c2-\u00f4\u0420\u0421\u0432\u201a\u221a\u2248\u0392\u0393\u039e\u039f\u03b2]"
    f"[{_CONTINUATION_1252}{_CONTINUATION_1251}\u00c4\u00c3\u00b1\u2202\u2260\u00ae\u00b4\u2264\u2265\u00a5\u00b5\u00f8\u00a9\u00b0\u00a2\u0384-\u038f]"
)
_SPACE = re.compile(r"\s")
# C1 control -> the Windows-1252 character of the same byte.
_C1_AS_1252 = {
    code: bytes([code]).decode("cp1252") for code in range(0x80, 0xA0) if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}

ENCODING_NAMES = {
    "sloppy-windows-1252": "Windows-1252",
    "windows-1252": "Windows-1252",
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1",
    "iso-8859-1": "Latin-1",
    "sloppy-windows-1251": "Windows-1251",
    "sloppy-windows-1250": "Windows-1250",
    "sloppy-windows-1253": "Windows-1253",
    "sloppy-windows-1254": "Windows-1254",
    "sloppy-windows-1257": "Windows-1257",
    "macroman": "Mac OS Roman",
    "cp437": "code page 437",
    "iso-8859-2": "Latin-2",
}


class Mojibake(Rule):
    """Mojibake: UTF-8 text that was decoded with the wrong legacy encoding (Windows-1252, Latin-1).

    What it does
    ------------
    Reports text that was written as UTF-8 and then read as Windows-1252,
    Latin-1, Mac OS Roman or another legacy encoding (sometimes twice), so
    that each accented letter or curly quote became two or three odd
    characters. Detection and repair use ftfy, which recognises the
    character sequences that mojibake produces and that real text does not:
    correct accented text in any language ("œuvre", "România", "Mähren",
    "Việt Nam"), Greek and mathematical symbols stay quiet.

    Why it matters
    --------------
    "MÃ¼nchen" is not "München" to a reader, to search or to the names
    rules, and the damage spreads each time the text is copied.

    The fix replaces each damaged sequence with ftfy's repair. It is safe,
    and applied by ``--fix``, when the repair only undoes the wrong decoding
    and re-encoding the repaired text gives back the damaged text exactly;
    otherwise (a byte was lost on the way) it is a suggestion.

    Example
    -------
    Flagged::

        The companyâ€™s office in MÃ¼nchen opened in 2020.

    Passes::

        The company’s office in München opened in 2020.
    """

    code = "ENC002"
    name = "mojibake"
    severity = "warning"

    def check(self, doc: Document, facts: FactSheet) -> Iterator[Finding]:
        prose = doc.prose
        if prose.isascii():
            return
        from checker.extract.unicode_text import characters

        if not characters(prose) & _LEADS:
            return
        clue = _clue(prose, 0)
        if clue is None:
            return
        from ftfy.badness import is_bad

        while clue is not None:
            start = max(prose.rfind("\n", 0, clue), prose.rfind("\r", 0, clue)) + 1
            end = _line_end(prose, clue)
            text = prose[start:end]
            if is_bad(text):
                yield from self._repair(start, text)
            clue = _clue(prose, end)

    def _repair(self, offset: int, text: str) -> Iterator[Finding]:
        import ftfy

        from checker.extract.unicode_text import excerpt

        fixed, plan = ftfy.fix_and_explain(text, _config())
        if fixed == text or not plan:
            return
        pairs = _pairs(plan)
        evidence = "ftfy repair: " + ", ".join(f"{step} {name}" for step, name in plan)
        for start, end, replacement, chain in _changes(text, fixed, pairs):
            damaged = text[start:end]
            if damaged.translate(_C1_AS_1252) == replacement:
                continue  # C1 controls read from Windows-1252 are reported by invisible-character
            how = _how(chain or pairs or [("sloppy-windows-1252", "utf-8")])
            yield self.finding(
                offset + start,
                offset + end,
                f'"{excerpt(damaged, 40)}" is mojibake ({how}); it should read "{excerpt(replacement, 40)}"',
                evidence=evidence,
                fix=Fix(
                    (Edit(offset + start, offset + end, replacement),),
                    "safe" if chain else "display",
                    f'replace with "{replacement}"',
                ),
            )


def _clue(text: str, position: int) -> int | None:
    """Offset of the next mojibake clue at or after ``position``."""
    for pair in _PAIR.finditer(text, position):
        if _CLUE.match(text, pair.start()):
            return pair.start()
    return None


def _line_end(text: str, offset: int) -> int:
    ends = [i for i in (text.find("\n", offset), text.find("\r", offset)) if i != -1]
    return min(ends) if ends else len(text)


_CONFIG = None


def _config():
    global _CONFIG
    if _CONFIG is None:
        import ftfy

        # Encoding repairs only: no quote straightening, no normalisation,
        # nothing that other rules report (ligatures, entities, controls).
        _CONFIG = ftfy.TextFixerConfig(
            unescape_html=False,
            remove_terminal_escapes=False,
            fix_encoding=True,
            restore_byte_a0=True,
            replace_lossy_sequences=True,
            decode_inconsistent_utf8=True,
            fix_c1_controls=False,
            fix_latin_ligatures=False,
            fix_character_width=False,
            uncurl_quotes=False,
            fix_line_breaks=False,
            fix_surrogates=False,
            remove_control_chars=False,
            normalization=None,
            explain=True,
        )
    return _CONFIG


def _changes(text: str, fixed: str, pairs: list[tuple[str, str]]) -> list[tuple[int, int, str, list[tuple[str, str]] | None]]:
    """Changed spans of ``text``, one per word: (start, end, replacement, encoding chain).

    The chain is the (wrong encoding, right encoding) steps that turn the
    replacement back into the damaged text, or None when no chain does (then the repair is lossy
    or uncertain). A difference that the alignment left as a bare deletion
    ("Â£" vs "£" aligns the "£") is widened by a character or two until it
    round-trips.
    """
    from difflib import SequenceMatcher

    spans: list[list[int]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, text, fixed, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if spans and not _SPACE.search(text, spans[-1][1], i1):
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    out = []
    for i1, i2, j1, j2 in spans:
        best = None
        for left, right in ((0, 0), (0, 1), (1, 0), (1, 1), (0, 2), (2, 0)):
            a, b, c, d = i1 - left, i2 + right, j1 - left, j2 + right
            if a < 0 or c < 0 or b > len(text) or d > len(fixed):
                continue
            if text[a:i1] != fixed[c:j1] or text[i2:b] != fixed[j2:d]:
                continue
            chain = None if "\ufffd" in fixed[c:d] else _round_trip(fixed[c:d], text[a:b], pairs)
            if chain:
                best = (a, b, fixed[c:d], chain)
                break
        out.append(best or (i1, i2, fixed[j1:j2], None))
    return out


def _pairs(plan) -> list[tuple[str, str]]:
    """(encoding the text was wrongly read as, encoding it really was) for each step of a plan."""
    out = []
    wrong = None
    for step, name in plan:
        if step == "encode":
            wrong = name
        elif step == "decode" and wrong is not None:
            out.append((wrong, name))
            wrong = None
    return out


def _how(chain: list[tuple[str, str]]) -> str:
    wrong, right = chain[0]
    right_name = "UTF-8" if right == "utf-8" else ENCODING_NAMES.get(right, right)
    times = " twice" if len(chain) > 1 else ""
    return f"{right_name} read as {ENCODING_NAMES.get(wrong, wrong)}{times}"


def _round_trip(repaired: str, damaged: str, pairs: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """The steps that turn the repair back into the damage, if any do."""
    import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy" codecs)

    chains = [pairs] if pairs else []
    for wrong in ("sloppy-windows-1252", "latin-1"):
        chains += [[(wrong, "utf-8")], [(wrong, "utf-8")] * 2]
    for chain in chains:
        text = repaired
        try:
            for wrong, right in reversed(chain):
                text = text.encode(right).decode(wrong)
        except (UnicodeError, LookupError):
            continue
        if text == damaged and text != repaired:
            return chain
    return None
