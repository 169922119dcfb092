"""The names extractor's shortcuts against the general code they stand in for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import name_tokens

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
