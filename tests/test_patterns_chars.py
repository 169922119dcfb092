"""Fast exact tests and copies of a text's characters (``checker.patterns.chars``)."""

from __future__ import annotations


def test_word_characters_keeps_offsets_and_only_ascii_word_characters() -> None:
    from checker.patterns import word_characters

    for text in ("", "On 5 May, 2024-05-06: Q1/H2_x!", "Ünïcödé 5 ﬁve\u00a0six\tseven\n€3", "a" * 300 + "\u2019s"):
        folded = word_characters(text)
        assert len(folded) == len(text)
        for char, kept in zip(text, folded):
            assert kept == (char if char.isascii() and (char.isalnum() or char == "_") else " ")
