"""English word frequencies (wordfreq), loaded once per process, on first use.

wordfreq's English list (321k words, Zipf scale: 7 is "the", 3 is about one
per million words, 0 is unseen) tells common words from rare ones: the names
rules use it to tell a drug name from an English word, the fused-words rule
to tell ``ofapplication`` from ``application``.
"""

from __future__ import annotations

import math
from functools import lru_cache

_FREQUENCIES: dict[str, float] | None = None


def _frequencies() -> dict[str, float]:
    global _FREQUENCIES
    if _FREQUENCIES is None:
        import wordfreq

        _FREQUENCIES = wordfreq.get_frequency_dict("en")
    return _FREQUENCIES


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of a word (case-insensitive; curly apostrophes folded); 0.0 if unseen."""
    frequency = _frequencies().get(word.lower().replace("\u2019", "'"))
    if not frequency:
        return 0.0
    return round(math.log10(frequency) + 9, 2)


def is_word(word: str, minimum: float = 1.0) -> bool:
    """Whether ``word`` is a known English word at least this frequent."""
    return zipf(word) >= minimum
