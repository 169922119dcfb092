"""Issue 19: ordinary large inputs take linear time.

Each test counts the work done (characters compared, characters scanned,
calls), never wall time, on the input that used to be quadratic, and fails
without its fix. ``bench/hostile.py`` times the same inputs as a whole process.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest

from checker.extract.alignment import differences
from checker.extract.unicode_text import mojibake_repairs


def _opcodes(text: str, fixed: str) -> list[tuple[int, int, int, int]]:
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in SequenceMatcher(None, text, fixed, autojunk=False).get_opcodes() if tag != "equal"]


# --- ENC002: the differences between a line and its repair ----------------------------


@pytest.fixture
def compared(monkeypatch):
    """The area (characters of one side x characters of the other) that SequenceMatcher searches, in all."""
    work = [0]
    search = SequenceMatcher.find_longest_match

    def counting(self, alo=0, ahi=None, blo=0, bhi=None):
        ahi = len(self.a) if ahi is None else ahi
        bhi = len(self.b) if bhi is None else bhi
        work[0] += (ahi - alo) * (bhi - blo)
        return search(self, alo, ahi, blo, bhi)

    monkeypatch.setattr(SequenceMatcher, "find_longest_match", counting)
    return work


@pytest.mark.parametrize("unit", ["caf\u00c3\u00a9 \u00e2\u20ac\u201c ", "the company\u00e2\u20ac\u2122s report on M\u00c3\u00bcnchen and more words here "])
def test_mojibake_line_is_compared_word_by_word(compared, unit):
    sizes = (2_000, 4_000)
    work = []
    for size in sizes:
        compared[0] = 0
        repairs = mojibake_repairs(unit * (size // len(unit)))
        assert repairs
        work.append(compared[0])
    # Whole-line comparison searched about size x size / 2 characters (2 million at 2,000 characters).
    assert work[1] <= 2.2 * work[0]
    assert work[1] <= 20 * sizes[1]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("caf\u00c3\u00a9 na\u00c3\u00afve", "caf\u00e9 na\u00efve"),
        ("voil\u00c3  tout", "voil\u00e0 tout"),  # a lost 0xA0 byte restored: a space is gone
        ("L\u00c3 -bas et L\u00c3 -bas x", "L\u00e0-bas et L\u00e0-bas x"),  # and two words are one
        ("\u00c3\u00a0 \u00c2\u00a3 the above", "\u00e0 \u00a3 the above"),
        ("Ã\xa0 привет Ελλάδα  dÃ©jÃ", "à привет Ελλάδα  déjÃ"),
        ("a â€? b", "a \ufffd b"),  # a lossy sequence: a "?" is gone
        ("", ""),
        ("   ", " "),
    ],
)
def test_differences_are_those_of_the_whole_line_comparison(text, fixed):
    assert differences(text, fixed) == _opcodes(text, fixed)


def test_differences_of_repetitive_merged_words_stay_linear(compared):
    # Every "LÃ -bas" became "Là-bas": no two words line up, the alignment resynchronises at each.
    assert differences("L\u00c3 -bas " * 20, "L\u00e0-bas " * 20) == _opcodes("L\u00c3 -bas " * 20, "L\u00e0-bas " * 20)
    work = []
    for count in (200, 400):
        compared[0] = 0
        found = differences("L\u00c3 -bas " * count, "L\u00e0-bas " * count)
        assert found == [(x, x + 2, y, y + 1) for x, y in zip(range(1, 8 * count, 8), range(1, 7 * count, 7))]
        work.append(compared[0])
    assert work[1] <= 2.2 * work[0]
