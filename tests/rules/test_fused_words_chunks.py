"""TXT005 (and checker.word_screen) find the chunks that hold a candidate word by searching them joined."""

from __future__ import annotations

from checker.word_screen import chunks_holding


def test_chunks_holding_are_the_chunks_with_the_word_inside():
    chunks = ["the", "ofthe,", "proofthey", "x", "(ofthe)", "teamnow", "ofth", "e"]
    tokens = {"ofthe", "teamnow", "absent"}
    expected = {index for index, chunk in enumerate(chunks) if any(token in chunk for token in tokens)}
    assert expected == {1, 2, 4, 5}
    assert chunks_holding("\n".join(chunks), chunks, tokens) == expected


def test_a_word_across_two_chunks_is_not_in_either():
    chunks = ["of", "the", "ofthe"]
    assert chunks_holding("\n".join(chunks), chunks, {"ofthe"}) == {2}
    assert chunks_holding("\n".join(chunks[:2]), chunks[:2], {"ofthe"}) == set()


def test_a_word_judged_in_one_chunk_is_found_in_another():
    # Each word of new chunks is judged once per process: "ofapplication" judged in the first
    # document's chunk "ofapplication," is still a suspect in the second's "ofapplication.",
    # and a word judged plain stays plain.
    from checker.document import Document
    from checker.lexicon import zipf
    from checker.patterns import release_memos
    from checker.rules.fused_words import _splits

    release_memos()
    first = Document("a.txt", "We stopped at the stage ofapplication, for approval.")
    second = Document("b.txt", "They reached the stage ofapplication. The review was quick.")
    for doc in (first, second):
        suspects, _ = _splits(doc, zipf)
        assert dict(suspects) == {"ofapplication": ("of", "application")}
    assert _splits(Document("c.txt", "The stage of application, for approval."), zipf) == ([], [])
