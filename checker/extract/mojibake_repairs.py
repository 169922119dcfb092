"""Mojibake that ftfy can repair, one repair per damaged word (``mojibake_repairs``).

Lines without a two-character clue of mojibake never reach ftfy; the
repaired line is aligned with the damaged one (``checker.extract.alignment``)
to find which words changed, and each change is checked for an encoding
chain that turns the repair back into the damage exactly.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache

from checker.extract.unicode_chars import non_ascii_characters

# Two-character clues of mojibake, cheap to search for: a UTF-8 lead byte
# read as Windows-1252/Latin-1 ("Ã", "â", "Ð") followed by a continuation
# byte read the same way; the same for Windows-1251 ("вЂ", "Р°"), Mac OS
# Roman ("‚Äô", "√©") and Windows-1253. Only lines with a clue go to ftfy.
# Windows-1250 (Central European: "Ĺ‚", "Ă©") and code page 437 ("├⌐")
# place lead and continuation bytes elsewhere: their pairs are built from
# the code pages themselves.


def _byte_class(encoding: str, low: int, high: int) -> str:
    """A character class body: the characters bytes ``low``..``high`` stand for in ``encoding``."""
    chars = {bytes([code]).decode(encoding, errors="ignore") for code in range(low, high + 1)} - {""}
    return "".join(re.escape(ch) for ch in sorted(chars))


_OTHER_CODE_PAGES = ("cp1250", "cp437", "mac_roman")
_OTHER_LEADS = "".join(_byte_class(name, 0xC2, 0xF4) for name in _OTHER_CODE_PAGES)
_OTHER_CONTINUATIONS = "".join(_byte_class(name, 0x80, 0xBF) for name in _OTHER_CODE_PAGES)
_CONTINUATION_1252 = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_CONTINUATION_1251 = "\u0080-\u00bf\u0402-\u040f\u0452-\u045f\u0490\u0491\u2013-\u2026\u2030\u2039\u203a\u20ac\u2116\u2122"
_clue_pattern = cache(lambda: re.compile(
    f"[\u00c2-\u00f4][{_CONTINUATION_1252}]"
    f"|[\u0420\u0421\u0432][{_CONTINUATION_1251}]"
    "|\u201a[\u00c4\u00c3]|\u221a[\u00b1\u2202\u2020\u2260\u00ae\u2122\u00b4\u2264\u2265\u00a5\u00b5\u00f8\u00a9]|\u2248[\u00b0\u00a2]"
    "|[\u0392\u0393\u039e\u039f\u03b2][\u0080-\u00bf\u20ac\u2018-\u201e\u2020-\u2026\u0384-\u038f]"
    + "".join(f"|[{_byte_class(name, 0xC2, 0xF4)}][{_byte_class(name, 0x80, 0xBF)}]" for name in _OTHER_CODE_PAGES)
))
_LEADS = frozenset(map(chr, range(0xC2, 0xF5))) | frozenset("\u0420\u0421\u0432\u201a\u221a\u2248\u0392\u0393\u039e\u039f\u03b2") | frozenset(
    bytes([code]).decode(name, errors="ignore") for name in _OTHER_CODE_PAGES for code in range(0xC2, 0xF5)
)
# The same clues as one pair of character classes: much faster to search.
_pair = cache(lambda: re.compile(
    f"[\u00c2-\u00f4\u0420\u0421\u0432\u201a\u221a\u2248\u0392\u0393\u039e\u039f\u03b2{_OTHER_LEADS}]"
    f"[{_CONTINUATION_1252}{_CONTINUATION_1251}\u00c4\u00c3\u00b1\u2202\u2260\u00ae\u00b4\u2264\u2265\u00a5\u00b5\u00f8\u00a9\u00b0\u00a2\u0384-\u038f"
    f"{_OTHER_CONTINUATIONS}]"
))
_space = cache(lambda: re.compile(r"\s"))
# C1 control -> the Windows-1252 character of the same byte.
_C1_AS_1252 = {
    code: bytes([code]).decode("cp1252") for code in range(0x80, 0xA0) if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


@dataclass(frozen=True, slots=True)
class Repair:
    """A stretch of mojibake and ftfy's repair of it."""

    start: int
    end: int
    replacement: str
    # (encoding wrongly used, encoding of the bytes) steps that turn the
    # replacement back into the damaged text exactly; None if no steps do.
    chain: tuple[tuple[str, str], ...] | None
    steps: tuple[tuple[str, str], ...]  # the (wrong, right) encoding pairs of ftfy's plan for the line
    plan: tuple[tuple[str, str], ...]  # ftfy's plan for the line


def mojibake_repairs(prose: str) -> list[Repair]:
    """Mojibake in ``prose``, one repair per damaged word, found and repaired by ftfy.

    Lines without a two-character clue of mojibake never reach ftfy. Lone
    C1 controls that are Windows-1252 characters read as Latin-1 are left
    out: they are the invisible-character rule's to report.
    """
    if prose.isascii():
        return []
    leads = non_ascii_characters(prose) & _LEADS
    if not leads:
        return []
    clue = _clue(prose, 0, leads)
    if clue is None:
        return []
    import ftfy
    from ftfy.badness import is_bad

    out: list[Repair] = []
    end = 0
    while clue is not None:
        # The line starts after the last break before the clue: search back only to the
        # end of the line before (a break itself), not to the start of the document.
        start = max(prose.rfind("\n", end, clue), prose.rfind("\r", end, clue)) + 1
        if not start and end:
            start = max(prose.rfind("\n", 0, end), prose.rfind("\r", 0, end)) + 1
        end = _line_end(prose, clue)
        line = prose[start:end]
        if is_bad(line):
            fixed, plan = ftfy.fix_and_explain(line, _config())
            if fixed != line and plan:
                steps = _steps(plan)
                for a, b, replacement, chain in _changes(line, fixed, steps):
                    if line[a:b].translate(_C1_AS_1252) != replacement:
                        out.append(Repair(start + a, start + b, replacement, chain, steps, tuple(plan)))
        clue = _clue(prose, end, leads)
    return out


def _clue(text: str, position: int, leads: AbstractSet[str] = _LEADS) -> int | None:
    """Offset of the next mojibake clue at or after ``position`` (``leads``: the characters of ``_LEADS`` that
    ``text`` holds, when known).

    A clue is tried where ``_pair``'s search finds a pair, left to right and each search past the
    last pair. Most texts hold few lead characters (the first of a pair: ``_LEADS``): the pairs
    are then looked for only at their places, each lead found by ``str.find`` at memchr speed,
    where the search tests every character of the text against the class.
    """
    clue = _clue_pattern()
    pair = _pair()
    places = _places(text, position, leads) if len(leads) <= _FEW_LEADS else None
    if places is not None:
        after = position  # where the search would look for the next pair
        for place in places:
            if place >= after and pair.match(text, place):
                if clue.match(text, place):
                    return place
                after = place + 2
        return None
    for found in pair.finditer(text, position):
        if clue.match(text, found.start()):
            return found.start()
    return None


# At most this many lead characters are found one by one, and only while they are sparse (at most one
# in this many characters): many places would each cost a call where the search costs a character's test.
_FEW_LEADS = 8
_SPARSE = 64


def _places(text: str, position: int, leads: AbstractSet[str]) -> list[int] | None:
    """The sorted offsets, from ``position`` on, of the characters of ``leads`` in ``text``; None if there are many."""
    limit = (len(text) - position) // _SPARSE
    places: list[int] = []
    find = text.find
    for lead in leads:
        at = find(lead, position)
        while at != -1:
            places.append(at)
            if len(places) > limit:
                return None
            at = find(lead, at + 1)
    places.sort()
    return places


_BREAK_CHAR = re.compile(r"[\r\n]")


def _line_end(text: str, offset: int) -> int:
    """The first ``\\n`` or ``\\r`` at or after ``offset``, or ``len(text)`` (one scan, to the line's end)."""
    found = _BREAK_CHAR.search(text, offset)
    return found.start() if found else len(text)


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


def _changes(text: str, fixed: str, steps: tuple[tuple[str, str], ...]) -> list[tuple[int, int, str, tuple[tuple[str, str], ...] | None]]:
    """Changed spans of ``text``, one per word: (start, end, replacement, encoding chain).

    The chain is the (wrong encoding, right encoding) steps that turn the
    replacement back into the damaged text, or None when no chain does (then the repair is lossy
    or uncertain). A difference that the alignment left as a bare deletion
    ("Â£" vs "£" aligns the "£") is widened by a character or two until it
    round-trips.
    """
    from checker.extract.alignment import differences

    spans: list[list[int]] = []
    for i1, i2, j1, j2 in differences(text, fixed):
        if spans and not _space().search(text, spans[-1][1], i1):
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    out: list[tuple[int, int, str, tuple[tuple[str, str], ...] | None]] = []
    for i1, i2, j1, j2 in spans:
        best: tuple[int, int, str, tuple[tuple[str, str], ...] | None] | None = None
        for left, right in ((0, 0), (0, 1), (1, 0), (1, 1), (0, 2), (2, 0)):
            a, b, c, d = i1 - left, i2 + right, j1 - left, j2 + right
            if a < 0 or c < 0 or b > len(text) or d > len(fixed):
                continue
            if text[a:i1] != fixed[c:j1] or text[i2:b] != fixed[j2:d]:
                continue
            chain = None if "\ufffd" in fixed[c:d] else _round_trip(fixed[c:d], text[a:b], steps)
            if chain:
                best = (a, b, fixed[c:d], chain)
                break
        out.append(best or (i1, i2, fixed[j1:j2], None))
    return out


def _steps(plan) -> tuple[tuple[str, str], ...]:
    """(encoding the text was wrongly read as, encoding it really was) for each step of a plan."""
    out = []
    wrong = None
    for step, name in plan:
        if step == "encode":
            wrong = name
        elif step == "decode" and wrong is not None:
            out.append((wrong, name))
            wrong = None
    return tuple(out)


_WRONG_ENCODINGS = ("sloppy-windows-1252", "latin-1", "sloppy-windows-1251", "sloppy-windows-1250", "macroman", "cp437")


def _round_trip(repaired: str, damaged: str, steps: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...] | None:
    """The steps that turn the repair back into the damage, if any do."""
    import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy" codecs)

    chains = [steps] if steps else []
    # When ftfy repaired the line piece by piece (``decode_inconsistent_utf8``) its
    # plan names no encoding: try the legacy encodings it knows, most frequent first.
    for wrong in _WRONG_ENCODINGS:
        chains += [((wrong, "utf-8"),), ((wrong, "utf-8"),) * 2]
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
