"""checker.word_screen: the chunks' compounds and spelling-table words, shared by CON002 and CON003."""

from __future__ import annotations

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
