"""The lexicon's hash table against the word list it indexes."""

from __future__ import annotations

import random
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import lexicon


def _index(table: dict[str, int], size: int) -> lexicon._Index:
    """An index of ``table`` as ``_write_index`` lays it out, with ``size`` slots."""
    words = sorted((w.encode("utf-8"), b) for w, b in table.items() if "\n" not in w)
    offsets = array("I", [0])
    for word, _ in words:
        offsets.append(offsets[-1] + len(word) + 1)
    blob = b"".join(word + b"\n" for word, _ in words)
    return lexicon._Index(blob, offsets, array("H", [b for _, b in words]), lexicon._hash_slots([w for w, _ in words], size))


_SMALL = {
    "the": 227, "of": 246, "a": 261, "I": 300, "application": 480, "don't": 420, "na\u00efve": 590, "\u00e9t\u00e9": 610,
    "cat": 470, "bobcat": 640, "ca": 650, "cats": 520, "": 700, "x": 600, "\u6f22\u5b57": 720,
}  # fmt: skip

_ABSENT = ["th", "thee", "bob", "bobca", "at", "cat\n", "ca\nt", "naive", "\u00e9t", "lisaftoclax", "A", "the ", " the", "y", "\u6f22"]


@pytest.mark.parametrize("size", [16, 32, 64, 1024])
def test_every_word_and_no_other_is_found_in_a_small_table(size):
    # 16 slots for 15 words: long probe chains, one empty slot; 1024: nearly every word at its own slot.
    index = _index(_SMALL, size)
    for word in [*_SMALL, *_ABSENT]:
        assert index.get(word) == _SMALL.get(word), (word, size)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.text(alphabet="ab\u00e9\n'-z", max_size=6), st.integers(0, 900), max_size=40),
    st.lists(st.text(alphabet="ab\u00e9\n'-z", max_size=7), max_size=20),
)
def test_look_ups_equal_the_dict(table, others):
    table = {w: b for w, b in table.items() if "\n" not in w}  # (the index leaves such words out)
    for size in (1 << (len(table)).bit_length(), 1 << (3 * len(table) + 2).bit_length()):
        index = _index(table, size)
        for word in [*table, *others]:
            assert index.get(word) == table.get(word), (word, size)


def test_the_written_index_finds_what_the_list_holds(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(lexicon, "_TABLE", None)
    table = lexicon._table()
    assert isinstance(table, dict)
    monkeypatch.setattr(lexicon, "_TABLE", None)
    index = lexicon._table()
    assert isinstance(index, lexicon._Index)
    assert len(index.slots) >= 3 * len(table) and len(index.slots) & (len(index.slots) - 1) == 0
    words = random.Random(3).sample(sorted(table), 20_000)
    absent = [w for word in words[:3000] for w in (word + "s", word[:-1], word.upper(), word + "\u00e9")]
    for word in words + absent:
        assert index.get(word) == table.get(word), word
    monkeypatch.setattr(lexicon, "_TABLE", None)


def test_a_table_without_an_empty_slot_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(lexicon, "_TABLE", None)
    lexicon._table()
    (path,) = (tmp_path / "factlint").glob("*.idx")
    data = bytearray(path.read_bytes())
    start = len(lexicon._MAGIC)
    data[start + 8 : start + 12] = (3).to_bytes(4, "little")  # fewer slots than words
    with pytest.raises(ValueError):
        lexicon._parse(bytes(data))
    monkeypatch.setattr(lexicon, "_TABLE", None)


def test_zipf_is_the_bucket_rounded_to_two_places():
    # Every bucket the list uses, each asked twice (computed, then remembered), and an absent word.
    table = lexicon._table()
    by_bucket: dict[int, str] = {}
    for word in random.Random(5).sample(sorted(lexicon._load()), 60_000):
        by_bucket.setdefault(table.get(word), word)
    assert len(by_bucket) > 300
    for _ in range(2):
        for bucket, word in by_bucket.items():
            assert lexicon.zipf.__wrapped__(word) == round(9 - bucket / 100, 2), word
    assert lexicon.zipf.__wrapped__("lisaftoclax") == 0.0
