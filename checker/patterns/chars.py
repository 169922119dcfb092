"""Fast exact tests of a text's characters, for the early exits of scans over a whole document."""

from __future__ import annotations

import re

_DECIMAL = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """``any(ch.isdigit() for ch in text)``, without a Python loop over the characters.

    Every decimal digit (``\\d``) is a digit; ``str.isdigit`` also takes superscripts and the
    like, which only a text outside ASCII can hold.
    """
    if _DECIMAL.search(text) is not None:
        return True
    return not text.isascii() and any(ch.isdigit() for ch in text)
