"""TXT005 finds the chunks that hold a candidate word by searching them joined."""

from __future__ import annotations

from checker.rules.fused_words import _chunks_holding


def test_chunks_holding_are_the_chunks_with_the_word_inside():
    chunks = ["the", "ofthe,", "proofthey", "x", "(ofthe)", "teamnow", "ofth", "e"]
    tokens = {"ofthe", "teamnow", "absent"}
    expected = {index for index, chunk in enumerate(chunks) if any(token in chunk for token in tokens)}
    assert expected == {1, 2, 4, 5}
    assert _chunks_holding("\n".join(chunks), chunks, tokens) == expected


def test_a_word_across_two_chunks_is_not_in_either():
    chunks = ["of", "the", "ofthe"]
    assert _chunks_holding("\n".join(chunks), chunks, {"ofthe"}) == {2}
    assert _chunks_holding("\n".join(chunks[:2]), chunks[:2], {"ofthe"}) == set()
