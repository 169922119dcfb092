"""Fast exact tests of a text's characters, for the early exits of scans over a whole document."""

from __future__ import annotations

from checker.patterns.lazy import LazyPattern

_DECIMAL = LazyPattern(r"\d")


def has_digit(text: str) -> bool:
    """``any(ch.isdigit() for ch in text)``, without a Python loop over the characters.

    Every decimal digit (``\\d``) is a digit; ``str.isdigit`` also takes superscripts and the
    like, which only a text outside ASCII can hold.
    """
    if _DECIMAL.search(text) is not None:
        return True
    return not text.isascii() and any(ch.isdigit() for ch in text)


# Every byte but an ASCII letter, digit or underscore made a space.
_WORD_BYTES = bytes(code if chr(code).isascii() and (chr(code).isalnum() or chr(code) == "_") else 32 for code in range(256))


def word_characters(text: str) -> str:
    """``text`` with every character but an ASCII letter, digit or underscore made a space, at the same offsets
    (a character outside ASCII is one space). A search of it opens on a literal space, which ``re`` skips to in a
    tight loop, where a search of the text tests a class at every character."""
    return text.encode("ascii", "replace").translate(_WORD_BYTES).decode("ascii")


def ascii_lower(text: str) -> str:
    """``text`` with its ASCII letters lower-cased and every other character as it is, at the same offsets.

    Through ``bytes.lower`` of the UTF-8, several times faster than ``str.lower`` beyond ASCII. It is
    ``text.lower()`` for what a search of ASCII words reads there, but for two characters beyond ASCII that
    lower-case to ASCII letters: "\u0130" ("i" and a combining dot) and "\u212a" (the Kelvin sign, "k").
    """
    if text.isascii():
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
