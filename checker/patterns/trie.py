"""Alternations of words as prefix tries."""

from __future__ import annotations

import re


def trie_regex(words: list[str]) -> str:
    """A regex matching any of ``words``, factored by common prefixes (the re module does not do this).

    Longest first at every branch point, and the same text whatever the order of ``words``.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            # Longest first: the optional tail is tried before stopping here.
            return f"(?:{body})?"
        return body

    return build(trie)
