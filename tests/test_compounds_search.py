"""CON002's one-pass word index finds the closed and open forms the look-behind patterns find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.compounds import compound_forms

_PIECES = st.sampled_from(["follow", "up", "followup", " ", "  ", "\t", "\n", "-", "\u2010", "_", "x", "\u00e9", "5", ".", "a"])


def _pattern(blanks: bool) -> str:
    gap = "[ \t]+" if blanks else ""
    return rf"(?<![\w\-\u2010\u2011])follow{gap}up(?![\w\-\u2010\u2011])"


def _forms(text: str):
    found = [forms for forms in compound_forms(text) if (forms.first, forms.second) == ("follow", "up")]
    return found[0] if found else None


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_word_index_agrees_with_the_patterns(tail: str) -> None:
    text = "a follow-up. " + tail
    closed = [m.span() for m in re.finditer(_pattern(False), text)]
    opened = [m.span() for m in re.finditer(_pattern(True), text)]
    forms = _forms(text)
    if forms is None:
        assert not closed
        return
    assert forms.closed == closed  # every closed form is reported
    assert set(forms.open) <= set(opened)  # open forms are the pattern's, filtered by context


def test_examples() -> None:
    forms = _forms("A follow-up call. We sent a followup and a follow up call.")
    assert forms is not None
    assert forms.closed == [(28, 36)]
    assert forms.open == [(43, 52)]
    assert _forms("A follow-up. x-followup followupx") is None


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", "word", " ", "\t", "\n", "\r", "1", "-", "\u00e9", "the", "x" * 35]), max_size=12))
def test_the_word_before_is_what_the_search_back_finds(pieces):
    from checker.compounds import _before_word

    text = "".join(pieces)
    pattern = re.compile(r"([A-Za-z]+)[ \t]+$")
    for start in range(len(text) + 1):
        match = pattern.search(text, max(0, start - 30), start)
        assert _before_word(text, start) == (match.group(1).lower() if match else None), (text, start)


def test_open_forms_with_other_blanks_between() -> None:
    # One space, a tab, several spaces: each is the open form (the text is searched with its
    # runs of blanks as one space).
    text = "A follow-up call. A follow up call. A follow\tup call. A follow  \t up call."
    forms = _forms(text)
    assert forms is not None
    assert forms.open == [(20, 29), (38, 47), (56, 68)]
    forms = _forms("A follow-up call. A follow\tup call.")
    assert forms is not None
    assert forms.open == [(20, 29)]


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_the_callers_split_and_compounds_give_what_the_text_alone_gives(tail: str) -> None:
    # CON002 passes the document's chunks, their compounds and its prose.split(); the text alone must agree.
    from checker.document import Document
    from checker.word_screen import screen

    text = "a follow-up. Follow  up\tthe follow up. " + tail
    doc = Document("doc.txt", text)
    assert compound_forms(doc.prose, doc.distinct_chunks, screen(doc).compounds, doc.prose_chunks) == compound_forms(doc.prose)


def _open_words(text: str, first: str, second: str) -> list[str]:
    found = [forms for forms in compound_forms(text) if (forms.first, forms.second) == (first, second)]
    return [text[start:end] for start, end in found[0].open] if found else []


def test_an_adjective_compound_open_before_another_noun_after_a_determiner() -> None:
    # Hyphenated before one noun and open before another: the same modifier, written two ways.
    text = "Replacing lines is the centre of our long-term capital plan. Funding for the long term plan comes from rates."
    assert _open_words(text, "long", "term") == ["long term"]
    text = "Four full-time teaching posts, and two full time positions for support staff."
    assert _open_words(text, "full", "time") == ["full time"]
    assert _open_words("A self-signed certificate. Use a self signed key.", "self", "signed") == ["self signed"]
    assert _open_words("Two mixed-use sites. The mixed use plan.", "mixed", "use") == ["mixed use"]


def test_an_open_pair_that_is_not_a_modifier_there_is_not_counted() -> None:
    # Not after a determiner (a verb and its object), a compound of two nouns (often left open before a
    # noun), and a pair the text also writes as a noun of its own: none is counted.
    assert _open_words("A full-time post. She works full time hours.", "full", "time") == []
    assert _open_words("Property-wrapper types. The property wrapper attribute.", "property", "wrapper") == []
    assert _open_words("A high-speed link. The high speed train. It runs at high speed.", "high", "speed") == []
    # A participle after the pair opens a clause of its own.
    assert _open_words("Fixed-rate products. At the end of a fixed rate choosing to stay.", "fixed", "rate") == []
