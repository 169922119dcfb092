"""checker.word_screen: the chunks' compounds and spelling-table words, shared by CON002 and CON003."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.document import Document
from checker.word_screen import screen


def test_screen_finds_compounds_and_table_words():
    doc = Document("doc.txt", "A long-term plan (the follow-up) in colour; re-cover, Colour and e-mail\u2011address.\n")
    found = screen(doc)
    assert found.compounds == {("long", "term"), ("follow", "up")}
    assert found.spellings == {"colour"}


def test_screen_answers_each_document_for_itself():
    first = Document("a.txt", "The centre of the long-term plan.\n")
    second = Document("b.txt", "The center of the short-term plan.\n")
    assert screen(first).spellings == {"centre"}
    assert screen(second).spellings == {"center"}
    assert screen(second).compounds == {("short", "term")}
    assert screen(first).compounds == {("long", "term")}


def test_screen_reads_runs_of_ascii_lower_case_letters():
    # A chunk with another letter holds runs of a-z all the same (CON003 then tests each place's edges).
    assert screen(Document("doc.txt", "colour\u00e9 Centre\n")).spellings == {"colour"}


def test_judging_chunks_together_agrees_with_judging_each():
    from checker.lexicon import zipf
    from checker.spelling_variety import spellings
    from checker.word_screen import _judge, _judge_many

    table = spellings()
    chunks = {
        "colour", "colour,", "(colours)", "Colour", "discolouration", "long-term", "re-cover", "a-b", "x-ray",
        "e-mail\u2011address.", "well\u2010known", "centre/center", "co-op's", "plain", "ab", "", "the", "a-b-c",
        "follow-up-colour", "colour\u00e9", "x", "ofapplication,", "(thecompany)", "teamnow.", "salesgrowth.", "ofthe-colour",
    }  # fmt: skip
    expected = {}
    for chunk in chunks:
        expected.update(_judge_many(table, zipf, {chunk}))
    assert _judge_many(table, zipf, chunks) == expected
    for chunk in chunks:
        assert set(_judge(table, chunk)) <= set(expected.get(chunk, ()))
    items = {item for found in expected.values() for item in found}
    assert "colour" in items and ("long", "term") in items
    assert ("ofapplication", ("of", "application"), False) in items and ("salesgrowth", ("sales", "growth"), True) in items


def test_screen_gives_the_fused_word_candidates():
    found = screen(Document("doc.txt", "The stage ofapplication, the teamnow and thecompany's long-term colour; salesgrowth.\n"))
    assert found.suspects == {"ofapplication": ("of", "application"), "thecompany": ("the", "company"), "teamnow": ("team", "now")}
    assert found.content == {"salesgrowth": ("sales", "growth")}
    assert found.compounds == {("long", "term")} and found.spellings == {"colour"}


_RUNS = st.sampled_from(
    ["colour", "Colour", "COLOUR", "colours", "xcolour", "ColourED", "centre", "Centre", "favour", "de", "ab", "a", "é", "\u00e9colour",
     "colour\u00e9", "1", "-", "'", " ", "\n", "_", "z"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_RUNS, max_size=12).map("".join))
def test_table_words_are_the_runs_of_lower_case_letters_that_the_table_lists(text: str) -> None:
    from checker.spelling_variety import spellings
    from checker.word_screen import _LETTERS, table_words
    from checker.word_splits import words_of

    table = spellings()
    assert table_words(words_of(text), table) == set(_LETTERS.findall(text)) & table.keys()
