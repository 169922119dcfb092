"""NAM001's near pairs held while a word list only grows (the search done ahead while documents arrive):
each step compares only the new words, and holds what a step from scratch would hold."""

from __future__ import annotations

import random

from checker.variants_memo import NearPairs
from checker.variants_near import near_pairs


def _words(rng: random.Random) -> list[str]:
    stems = ["quorvantix", "melindorax", "bellatrine", "castorvine", "zentrovimab", "lisaftoclax", "halvorsen"]
    out = []
    for stem in stems:
        out.append(stem)
        for _ in range(6):
            i = rng.randrange(1, len(stem))
            out.append(stem[:i] + rng.choice("aeioutxz") + stem[i + 1 :])
            out.append(stem[:i] + stem[i + 1 :])
            out.append(stem[:i] + rng.choice("aeioutxz") + stem[i:])
    words = list(dict.fromkeys(w for w in out if len(w) >= 6))
    rng.shuffle(words)
    return words


def test_a_growing_list_holds_the_pairs_of_a_list_compared_from_scratch() -> None:
    rng = random.Random(29)
    for _ in range(12):
        words = _words(rng)
        grown = NearPairs()
        rebuilt = NearPairs()
        sizes = sorted(rng.sample(range(1, len(words)), 5)) + [len(words)]
        for size in sizes:
            step = words[:size]
            grown.update(step)
            rebuilt = NearPairs(rebuilt.stored())  # loaded from stored pairs: the step filters and files every word again
            rebuilt.update(step)
            assert grown.stored() == rebuilt.stored()  # the same pairs, stored in the same order
            assert list(NearPairs(grown.stored()).pairs(step)) == list(near_pairs(step))
        assert list(grown.pairs(words)) == list(near_pairs(words))


def test_a_list_that_does_not_only_grow_is_compared_as_before() -> None:
    rng = random.Random(30)
    words = _words(rng)
    held = NearPairs()
    held.update(words[:40])
    held.update(words[:60])  # grown: the new words join the buckets
    changed = words[5:70]  # five words dropped at the front, some added: not a grown list
    assert list(held.pairs(changed)) == list(near_pairs(changed))
    assert list(held.pairs(words)) == list(near_pairs(words))


def test_more_than_two_thousand_new_words_among_more_held_are_compared_one_by_one(monkeypatch) -> None:
    """Only new words that outnumber the words held make every word be compared again."""
    import checker.variants_near as near

    rng = random.Random(31)
    letters = "abcdefghij"
    words = list(dict.fromkeys("".join(rng.choice(letters) for _ in range(rng.randrange(6, 9))) for _ in range(6000)))[:5000]
    held = NearPairs()
    held.update(words[:2400])
    with_many_new = NearPairs()
    with_many_new.update(words[:1000])
    expected = list(near_pairs(words))

    def refuse(*args, **kwargs):
        raise AssertionError("every word was compared again")

    monkeypatch.setattr(near, "near_pairs", refuse)
    held.update(words[:4800])  # 2,400 new words, as many as held: one by one
    assert list(held.pairs(words)) == expected
    try:
        with_many_new.update(words)  # 4,000 new words among 1,000 held: all again
    except AssertionError as error:
        assert "compared again" in str(error)
    else:
        raise AssertionError("the new words were compared one by one")
