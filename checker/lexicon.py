"""English word frequencies (wordfreq), loaded once per process, on first use.

wordfreq's English list (321k words, Zipf scale: 7 is "the", 3 is about one
per million words, 0 is unseen) tells common words from rare ones: the names
rules use it to tell a drug name from an English word, the fused-words rule
to tell ``ofapplication`` from ``application``.
"""

from __future__ import annotations

import math
from functools import lru_cache

_BUCKETS: dict[str, int] | None = None


def _buckets() -> dict[str, int]:
    """word -> frequency bucket (bucket i holds words of frequency 10^(-i/100)).

    Reads wordfreq's packaged English list directly: importing wordfreq itself
    costs about 80 ms (it loads tokenisers for every language), which a
    pre-commit run on one file should not pay. Falls back to wordfreq's API
    if the data format is not the one known here.
    """
    global _BUCKETS
    if _BUCKETS is None:
        try:
            _BUCKETS = _read_cbpack()
        except Exception:
            import wordfreq

            _BUCKETS = {
                word: round(-math.log10(freq) * 100) for word, freq in wordfreq.get_frequency_dict("en").items()
            }
    return _BUCKETS


def _read_cbpack() -> dict[str, int]:
    import gzip
    import importlib.util
    import os
    from itertools import chain, repeat

    import msgpack

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is not installed")
    path = os.path.join(spec.submodule_search_locations[0], "data", "large_en.msgpack.gz")
    with open(path, "rb") as handle:
        data = msgpack.unpackb(gzip.decompress(handle.read()), raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"unknown wordfreq data format {header!r}")
    buckets = data[1:]
    words = chain.from_iterable(buckets)
    indices = chain.from_iterable(repeat(i, len(bucket)) for i, bucket in enumerate(buckets))
    return dict(zip(words, indices))


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of a word (case-insensitive; curly apostrophes folded); 0.0 if unseen."""
    bucket = _buckets().get(word.lower().replace("\u2019", "'"))
    if bucket is None:
        return 0.0
    return round(9 - bucket / 100, 2)


def is_word(word: str, minimum: float = 1.0) -> bool:
    """Whether ``word`` is a known English word at least this frequent."""
    return zipf(word) >= minimum
