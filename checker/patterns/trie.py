"""Alternations of words as prefix tries."""

from __future__ import annotations

import re


def trie_regex(words: list[str], word_start: bool = False) -> str:
    """A regex matching any of ``words``, factored by common prefixes (the re module does not do this).

    Longest first at every branch point, and the same text whatever the order of ``words``.
    With ``word_start``, it matches what ``\\b(?:...)`` would: the words where a word starts (or,
    for a word whose first character is not a word character, where one ends). The test is a
    look-behind placed after each first character, so that the pattern still opens with those
    characters and a search skips straight to them, as it cannot past a leading ``\\b``.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict, top: bool = False) -> str:
        ends = "" in node
        branches = [re.escape(char) + (_boundary(char) if top else "") + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            # Longest first: the optional tail is tried before stopping here.
            return f"(?:{body})?"
        return body

    if word_start and "" in trie:
        raise ValueError("an empty word has no first character to test after")
    return build(trie, top=word_start)


def _boundary(char: str) -> str:
    """A look-behind, placed just after ``char``, that holds where ``\\b`` before ``char`` would."""
    if re.fullmatch(r"\w", char):
        return rf"(?<!\w{re.escape(char)})"
    return rf"(?<=\w{re.escape(char)})"
