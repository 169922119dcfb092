"""The names extractor's shortcuts against the general code they stand in for."""

from __future__ import annotations

import re
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.document import Document
from checker.extract import name_tokens, names
from checker.lexicon import zipf

_WORDS = [
    "A", "I", "As", "Ss", "Xs", "Ays", "The", "Ascentage", "Venetoclax", "Imatinib", "Trastuzumab", "Margaret",
    "Sales", "Statins", "McDonald", "NRDL", "TKIs", "CEO", "iPhone", "O'Brien's", "Acme's", "Co-Founder", "X1",
    "Q3", "HQP1351", "APG-2575", "\u00c9cole", "Z\u00fcrich", "\u00c9COLE", "Abc_def", "venetoclax", "Alpha\u2019s",
]  # fmt: skip


def test_the_kind_of_a_capitalised_word_is_the_general_kind():
    for token in _WORDS:
        assert name_tokens._token_kind(token) == name_tokens._general_kind(token), token


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="AaBbSsXxTtIiNn\u00c9\u00e9'1-", min_size=1, max_size=8))
def test_the_kind_of_any_token_is_the_general_kind(text):
    for token in name_tokens._TOKEN.findall(text):
        assert name_tokens._token_kind(token) == name_tokens._general_kind(token), token


def _phrases_slow(prose: str, caps: list[name_tokens.CapToken]) -> list:
    """``names._phrases`` deciding every gap by slicing it out (as before the gap shortcut)."""
    out: list = []
    run: list = []
    last_end, last_possessive = -1, False
    named = names._Named(prose, caps)
    for cap in caps:
        if last_end >= 0:
            if last_possessive:
                joined = False
            else:
                gap = prose[last_end : cap.start]
                if len(gap.strip()) > names._CONNECTOR_MAX:
                    joined = False
                else:
                    if "\n" in gap:
                        gap = names._wrapped_gap(prose, last_end, gap)
                    joined = gap == " " or (gap[:1] == " " and gap[-1:] == " " and gap.strip() in names._CONNECTORS and gap.count(" ") == 2)
            if not joined:
                names._add_phrase(prose, run, out, named)
                run = []
        run.append(cap)
        last_end, last_possessive = cap.end, cap.possessive
    names._add_phrase(prose, run, out, named)
    return out


_GAPS = [" ", "  ", " of ", " of  ", "  of ", " \u00a0of ", " of\u00a0 ", " \tde ", " o ", " d ", " x ", " said ", " ofx ", " & ",
         "\n", " \n", "\n ", " of\n", "\nof ", " \n of \n", "\t", "&", " 1 ", " l ", " von ", " v ", ", ", "'s "]  # fmt: skip
_LONG_LINE = "a long line of prose that wraps here and there before the name " * 2


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Bank", "England", "The", "Margaret", "Acme's", "NRDL"]), st.sampled_from(_GAPS)), min_size=1, max_size=8))
def test_phrases_decide_each_gap_as_the_slice_would(pairs):
    for lead in ("", _LONG_LINE):
        prose = lead + "".join(word + gap for word, gap in pairs) + "end."
        doc = Document("doc.txt", prose)
        scan = name_tokens.scan(prose, partial(names._neutral_lines, doc), doc)
        assert names._phrases(prose, scan.caps) == _phrases_slow(prose, scan.caps), prose


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aZQ09_-'.$()\u00e9\u00c9\u2019,/", min_size=1, max_size=10).map(lambda s: s.replace("a", "venetoclax")))
def test_the_rare_tokens_of_a_chunk_are_those_of_the_general_search(chunk):
    # The general case's search, which the shortcut for ASCII chunks without a-z skips.
    rare = tuple(t for t in name_tokens._TOKEN.findall(chunk) if t.islower() and len(t) >= 5 and name_tokens._rare_lower_token(t))
    assert name_tokens._chunk_rare_tokens(chunk) == rare


@pytest.mark.parametrize(
    ("token", "rare"),
    [
        ("year-over-year", False),  # common parts
        ("venetoclax-based", True),  # a rare part
        ("year\u2010over\u2010year", False),
        ("venetoclax\u2011based", True),
        ("two-zorbulite", True),
        ("ab-cd-ef", False),  # no part of three letters
        ("zorbulite", True),
        ("therefore", False),
    ],
)
def test_a_compound_is_rare_when_a_part_is(token, rare):
    # The parts as re.split with the hyphens' class gives them, as before the precompiled pattern.
    parts = [p for p in re.split(r"[-\u2010\u2011]", token) if len(p) >= 3]
    assert name_tokens._rare_lower(token) == rare
    if any(h in token for h in name_tokens.HYPHENS):
        assert rare == (zipf(token) < name_tokens.RARE_ZIPF and any(zipf(p) < name_tokens.RARE_ZIPF for p in parts))


_TAIL = " and the sentence goes on with plain lower-case words for a good while after it"
_OPENERS = ["", " ", "  ", ". ", ".  ", "Dr. ", "Mr. ", "etc. ", ", ", "\n", "\n  ", ": ", "(", "\u201c", "- ", "3 ", "x "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_OPENERS), st.sampled_from(["Acme", "The", "NRDL", "Margaret", "Q3"])), min_size=1, max_size=10))
def test_whether_a_capitalised_token_opens_a_sentence_is_what_initial_says(pairs):
    for lead in ("", _LONG_LINE):
        # A tail longer than a short paragraph without closing punctuation (a heading, which the test skips).
        prose = lead + "".join(opener + word for opener, word in pairs) + _TAIL
        doc = Document("doc.txt", prose)
        neutral = names._neutral_lines(doc)
        for cap in name_tokens.scan(prose, partial(names._neutral_lines, doc), doc).caps:
            if not any(start <= cap.start < end for start, end in neutral):
                assert cap.initial == name_tokens._initial(prose, cap.start), (prose, cap)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aeiouvntclxmb-'\u2019\u00e9s", min_size=5, max_size=14))
def test_the_kind_of_a_rare_word_is_the_general_kind(text):
    for token in [*name_tokens._TOKEN.findall(text), "venetoclax", "venetoclax's", "zorbulite\u2019s", "imatinib", "feltuzumab"]:
        if token.islower() and len(token) >= 5 and name_tokens._rare_lower_token(token):
            assert name_tokens._rare_kind(token) == name_tokens._general_kind(token), token
