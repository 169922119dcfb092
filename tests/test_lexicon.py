"""The word-frequency lexicon: the cached index agrees with wordfreq itself."""

from __future__ import annotations

import random

import pytest

from checker import lexicon


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(lexicon, "_TABLE", None)
    lexicon.zipf.cache_clear()
    yield tmp_path
    monkeypatch.setattr(lexicon, "_TABLE", None)
    lexicon.zipf.cache_clear()


def test_first_use_writes_the_index_and_later_uses_read_it(fresh):
    assert isinstance(lexicon._table(), dict)
    assert list((fresh / "factlint").glob("*.idx"))
    lexicon._TABLE = None
    assert isinstance(lexicon._table(), lexicon._Index)


def test_index_agrees_with_wordfreq(fresh):
    wordfreq = pytest.importorskip("wordfreq")
    lexicon._table()
    lexicon._TABLE = None
    index = lexicon._table()
    assert isinstance(index, lexicon._Index)
    words = random.Random(7).sample(sorted(wordfreq.get_frequency_dict("en")), 500)
    for word in words + ["the", "of", "application", "don't"]:
        assert lexicon.zipf(word) == pytest.approx(wordfreq.zipf_frequency(word, "en"), abs=0.011), word
    assert lexicon.zipf("lisaftoclax") == 0.0
    assert lexicon.zipf("Don\u2019t") == lexicon.zipf("don't") > 5


def test_a_corrupt_index_is_rebuilt(fresh):
    lexicon._table()
    (index,) = (fresh / "factlint").glob("*.idx")
    index.write_bytes(lexicon._MAGIC + b"\x05\x00")
    lexicon._TABLE = None
    assert lexicon.zipf("the") > 7



def test_every_word_is_found_through_the_index(fresh):
    """The index's hash table finds every word of the list (one- and many-byte words alike), and no other."""
    table = lexicon._table()
    assert isinstance(table, dict)
    lexicon._TABLE = None
    index = lexicon._table()
    assert isinstance(index, lexicon._Index)
    words = sorted(word for word in table if "\n" not in word)
    # Every word, and words that are not in the list, near words that are (before, between and after
    # them in the sorted list, and inside longer words: "cat" in "bobcat").
    absent = [w for word in words[:: max(1, len(words) // 5000)] for w in (word + "zq", word[:-1], "\x00" + word, word + "\uffff", word[1:])]
    for word in words + absent + ["\u00e9t\u00e9", "na\u00efve"]:
        assert index.get(word) == table.get(word), word
    # Two neighbouring words joined by a line feed are no word, though the index separates its words with one.
    for first, second in zip(words[1000:1100], words[1001:1101]):
        assert index.get(first + "\n" + second) is None
