"""Where a repaired line differs from the original, in time linear in the line.

``difflib.SequenceMatcher`` over a whole line is quadratic when the line is
long and repetitive (a 34 KB line of mojibake took over five minutes). A
mojibake repair changes letters, not the spaces between words, so the two
lines are aligned word by word and ``SequenceMatcher`` compares only the
words that differ. Where a repair did change a space (ftfy's restoration of a
lost byte 0xA0 turns "LÃ -bas" into "Là-bas") or dropped an ASCII character (a
lossy "?"), the stretch from the word before to the next space where the two
lines agree again is compared as a whole. The lines agree again where their
ASCII skeletons (ASCII letters, digits and punctuation; a repair never changes
these) match, looked for within a few words.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from itertools import accumulate, compress
from operator import ne

# (start, end) in the original line and (start, end) in the repaired line
Difference = tuple[int, int, int, int]

_SPACES = re.compile(r"\s+")
_SPLIT = re.compile(r"(\s+)").split  # words and runs of spaces, alternately, from a word (maybe empty)
_NOT_SKELETON = bytes(range(0x1C, 0x21)) + b"\t\n\x0b\x0c\r?"
_ASCII_SPLIT = re.compile(r"([\x00-\x7f]+)").split  # other characters and runs of ASCII, alternately
_LONG = 64  # a word longer than this is compared piece by piece (no word of prose is as long)
_WINDOW = 8  # words looked ahead, on each side, for the space where the lines agree again


def differences(text: str, fixed: str) -> list[Difference]:
    """The spans where ``text`` and ``fixed`` differ, in order: the opcodes other than "equal" of ``SequenceMatcher``."""
    aligned = _word_pairs(text, fixed)
    if aligned is not None:
        return [difference for pair in aligned for difference in _compare(text, fixed, pair)]
    a, b = _tokens(text), _tokens(fixed)
    pairs: list[Difference] = []  # aligned stretches, each a word, a run of spaces or a stretch compared whole
    floor = 0  # pairs before this index are not taken back
    i = j = 0
    while i < len(a) and j < len(b):
        (s1, e1), (s2, e2) = a[i], b[j]
        if _agree(text[s1:e1], fixed[s2:e2], word=i % 2 == 0):
            pairs.append((s1, e1, s2, e2))
            i, j = i + 1, j + 1
            continue
        # Restart at the word before, compare from there up to where the lines agree again.
        back = min(2 - i % 2, len(pairs) - floor)
        del pairs[len(pairs) - back :]
        i, j = i - back, j - back
        found = _resync(text, fixed, a, b, i, j)
        if found is None:
            break
        x, y = found
        pairs.append((a[i][0], a[x][0], b[j][0], b[y][0]))
        pairs.append((*a[x], *b[y]))
        floor = len(pairs)
        i, j = x + 1, y + 1
    if i < len(a) or j < len(b):  # what is left is compared whole
        start1 = a[i][0] if i < len(a) else len(text)
        start2 = b[j][0] if j < len(b) else len(fixed)
        if len(pairs) > floor and pairs[-1][1] == start1 and pairs[-1][3] == start2:
            start1, _, start2, _ = pairs.pop()
        pairs.append((start1, len(text), start2, len(fixed)))
    return [difference for pair in pairs for difference in _compare(text, fixed, pair)]


def _compare(text: str, fixed: str, pair: Difference, split: bool = True) -> list[Difference]:
    """The differences within one aligned pair of stretches (``split``: a long one piece by piece)."""
    s1, e1, s2, e2 = pair
    original, repaired = text[s1:e1], fixed[s2:e2]
    if original == repaired:
        return []
    if split and len(original) > _LONG:
        # A long word (a line of Chinese or Japanese has no spaces): where its runs of ASCII
        # are the same in the repair, only the stretches between them are compared.
        a, b = _ASCII_SPLIT(original), _ASCII_SPLIT(repaired)
        if len(a) == len(b) and a[1::2] == b[1::2]:
            starts_a, starts_b = list(accumulate(map(len, a), initial=0)), list(accumulate(map(len, b), initial=0))
            return [
                difference
                for k in compress(range(0, len(a), 2), map(ne, a[0::2], b[0::2]))
                for difference in _compare(
                    text, fixed, (s1 + starts_a[k], s1 + starts_a[k + 1], s2 + starts_b[k], s2 + starts_b[k + 1]), split=False
                )
            ]
    # A long piece that could not be split (a line of Chinese or Japanese whose lost bytes became
    # U+FFFD on both sides) leaves out the characters that fill more than 1% of it, as difflib's
    # autojunk does: each of them would otherwise be tried against every other.
    opcodes = SequenceMatcher(None, original, repaired, autojunk=len(original) > _LONG).get_opcodes()
    return [(s1 + i1, s1 + i2, s2 + j1, s2 + j2) for tag, i1, i2, j1, j2 in opcodes if tag != "equal"]


def _word_pairs(text: str, fixed: str) -> list[Difference] | None:
    """The pairs of words that differ, when the two lines have the same spaces and every such pair agrees.

    The usual case, found without a Python step per word: the general walk
    below would pair every word and run of spaces with its counterpart and
    compare the same pairs.
    """
    a, b = _SPLIT(text), _SPLIT(fixed)
    if len(a) != len(b) or a[1::2] != b[1::2]:
        return None
    starts_a, starts_b = list(accumulate(map(len, a), initial=0)), list(accumulate(map(len, b), initial=0))
    pairs = []
    for k in compress(range(0, len(a), 2), map(ne, a[0::2], b[0::2])):
        if not _agree(a[k], b[k], word=True):
            return None
        pairs.append((starts_a[k], starts_a[k + 1], starts_b[k], starts_b[k + 1]))
    return pairs


def _tokens(line: str) -> list[tuple[int, int]]:
    """(start, end) of each word and each run of spaces, alternately, from a word (maybe empty)."""
    out: list[tuple[int, int]] = []
    position = 0
    for match in _SPACES.finditer(line):
        out.append((position, match.start()))
        out.append(match.span())
        position = match.end()
    out.append((position, len(line)))
    return out


def _skeleton(text: str) -> bytes:
    """The ASCII characters of ``text`` other than spaces and "?": what a mojibake repair leaves as it was."""
    return text.encode("ascii", "ignore").translate(None, _NOT_SKELETON)


def _agree(original: str, repaired: str, word: bool) -> bool:
    """Whether a word or run of spaces of the original line pairs with one of the repaired line."""
    if original == repaired:
        return True
    return word and not original.isascii() and _skeleton(original) == _skeleton(repaired)


def _resync(text: str, fixed: str, a: list[tuple[int, int]], b: list[tuple[int, int]], i: int, j: int) -> tuple[int, int] | None:
    """The nearest equal runs of spaces after ``a[i]`` and ``b[j]`` before which the two lines have the same skeleton.

    A pair followed by the same word is preferred, then one followed by words that agree:
    a word that is all non-ASCII ("€", "привет") has an empty skeleton, so skeletons
    alone can pair a run of spaces with the one a word too early.
    """
    first_a, first_b = i + 1 + i % 2, j + 1 + j % 2  # the first run of spaces after each start (odd indices)
    candidates_a = [(x, _skeleton(text[a[i][0] : a[x][0]])) for x in range(first_a, min(len(a), first_a + 2 * _WINDOW), 2)]
    candidates_b = [(y, _skeleton(fixed[b[j][0] : b[y][0]])) for y in range(first_b, min(len(b), first_b + 2 * _WINDOW), 2)]
    best: tuple[tuple[int, int], int, int] | None = None
    for x, skeleton_a in candidates_a:
        for y, skeleton_b in candidates_b:
            if skeleton_a != skeleton_b or text[slice(*a[x])] != fixed[slice(*b[y])]:
                continue
            after, after_fixed = text[slice(*a[x + 1])], fixed[slice(*b[y + 1])]
            key = (0 if after == after_fixed else 1 if _agree(after, after_fixed, word=True) else 2, x + y)
            if best is None or key < best[0]:
                best = (key, x, y)
    return None if best is None else (best[1], best[2])
