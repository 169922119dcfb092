"""English word frequencies (wordfreq), loaded once per process, on first use.

wordfreq's English list (321k words, Zipf scale: 7 is "the", 3 is about one
per million words, 0 is unseen) tells common words from rare ones: the names
rules use it to tell a drug name from an English word, the fused-words rule
to tell ``ofapplication`` from ``application``.

Loading the list costs about 100 ms (importing wordfreq itself costs 80 ms
more), too much for a pre-commit run on one file. So the first use writes a
compact index to the user's cache directory (sorted words, their offsets,
frequency buckets and where each two-byte prefix starts, keyed by wordfreq's
version), and later runs search it with a binary search, loading in about a
millisecond. Without a writable
cache directory the list is simply loaded into memory.
"""

from __future__ import annotations

import math
import os
from array import array
from bisect import bisect_left, bisect_right
from functools import lru_cache

from checker.patterns import process_memo

_MAGIC = b"factlint-lexicon-2\n"
# The format is in the file's name too: format 1's files ("wordfreq-en-*.idx") are left alone, as a
# version of factlint that reads them removes every other "wordfreq-en-" file when it writes one.
_FILE_PREFIX = "lexicon-2-wordfreq-en-"


class _Index:
    """Sorted UTF-8 words with offsets and frequency buckets, searched by their two-byte prefix.

    ``starts[k]`` is the first word not below the two bytes ``k >> 8, k & 255``: a word of two
    bytes or more is searched only among the words that share its first two bytes (a few
    hundred, a few thousand at most, against 321k). The first search of a prefix lists every
    ``_STEP``-th word of its range (a sparse index, about 20k short strings if every prefix is
    searched); a search then bisects that list in C and finds the word among the ``_STEP``
    words after its block's first with one ``bytes.find``, with no Python key function. A
    word of one byte is searched by bisection over the whole list.
    """

    def __init__(self, blob: bytes, offsets: array, buckets: array, starts: array) -> None:
        self.blob = blob
        self.offsets = offsets  # offsets[i]..offsets[i+1]-1 is word i (each ends with b"\n")
        self.buckets = buckets
        self.starts = starts  # 65,537 entries: starts[65536] is the number of words
        self.size = len(buckets)
        self.blocks: dict[int, tuple[int, int, list[bytes]]] = {}  # prefix -> (low, high, every _STEP-th word)

    def get(self, word: str) -> int | None:
        key = word.encode("utf-8")
        if b"\n" in key:
            return None  # no word of the index holds a line feed (and the search below relies on it)
        blob, offsets = self.blob, self.offsets
        if len(key) < 2:
            index = bisect_left(range(self.size), key, key=lambda i: blob[offsets[i] : offsets[i + 1] - 1])
            if index < self.size and blob[offsets[index] : offsets[index + 1] - 1] == key:
                return self.buckets[index]
            return None
        prefix = key[0] << 8 | key[1]
        found = self.blocks.get(prefix)
        if found is None:
            low, high = self.starts[prefix], self.starts[prefix + 1]
            found = self.blocks[prefix] = (low, high, [blob[offsets[i] : offsets[i + 1] - 1] for i in range(low, high, _STEP)])
        low, high, firsts = found
        block = bisect_right(firsts, key) - 1  # the block whose first word is the last one not above the key
        if block < 0:
            return None
        first = low + block * _STEP
        last = min(first + _STEP, high)
        begin, end = offsets[first], offsets[last]
        # The key is a word of the block if ``key + "\n"`` occurs at the start of one of its words
        # (a word holds no line feed); an occurrence inside a longer word is passed over.
        needle = key + b"\n"
        at = blob.find(needle, begin, end)
        while at != -1:
            if at == begin or blob[at - 1] == 10:
                return self.buckets[bisect_left(offsets, at, first, last)]
            at = blob.find(needle, at + 1, end)
        return None


# Words per block of the sparse index: a search finds its word among this many with one
# ``bytes.find``, and the index holds one string per this many words.
_STEP = 16


_TABLE: dict[str, int] | _Index | None = None


def _table() -> dict[str, int] | _Index:
    global _TABLE
    if _TABLE is None:
        _TABLE = _load_cached() or _load()
    return _TABLE


def _data_file() -> str:
    import importlib.util

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is not installed")
    return os.path.join(spec.submodule_search_locations[0], "data", "large_en.msgpack.gz")


def _cache_path() -> str | None:
    """The index file, keyed by wordfreq's version and the size of its data file.

    (Not by the file's time: every new virtual environment would get its own index.)
    """
    try:
        data_file = _data_file()
        size = os.stat(data_file).st_size
    except (OSError, ImportError):
        return None
    from checker.files import cache_dir

    return os.path.join(cache_dir(), f"{_FILE_PREFIX}{_wordfreq_version(data_file)}-{size}.idx")


def _wordfreq_version(data_file: str) -> str:
    """The version in the name of wordfreq's ``.dist-info`` directory ("unknown" if none)."""
    packages = os.path.dirname(os.path.dirname(os.path.dirname(data_file)))
    try:
        for entry in os.scandir(packages):
            name = entry.name
            if name.startswith("wordfreq-") and name.endswith(".dist-info"):
                return name[len("wordfreq-") : -len(".dist-info")]
    except OSError:
        pass
    return "unknown"


def _load_cached() -> dict[str, int] | _Index | None:
    path = _cache_path()
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        if data.startswith(_MAGIC):
            return _parse(data)
    except (OSError, ValueError):
        pass
    table = _load()  # this process uses the dict; the index serves the next runs
    try:
        _write_index(path, table)
    except OSError:
        pass
    return table


def _parse(data: bytes) -> _Index:
    position = len(_MAGIC)
    count = int.from_bytes(data[position : position + 4], "little")
    blob_size = int.from_bytes(data[position + 4 : position + 8], "little")
    position += 8
    offsets = array("I")
    offsets.frombytes(data[position : position + 4 * (count + 1)])
    position += 4 * (count + 1)
    buckets = array("H")
    buckets.frombytes(data[position : position + 2 * count])
    position += 2 * count
    starts = array("I")
    starts.frombytes(data[position : position + 4 * _PREFIXES])
    position += 4 * _PREFIXES
    blob = data[position : position + blob_size]
    if len(offsets) != count + 1 or len(buckets) != count or len(starts) != _PREFIXES or len(blob) != blob_size:
        raise ValueError("truncated lexicon index")
    return _Index(blob, offsets, buckets, starts)


_PREFIXES = 65537  # every two-byte prefix, and the end


def _write_index(path: str, table: dict[str, int]) -> None:
    words = sorted((w.encode("utf-8"), b) for w, b in table.items() if "\n" not in w)
    offsets = array("I", [0])
    pieces = []
    position = 0
    for word, _ in words:
        pieces.append(word + b"\n")
        position += len(word) + 1
        offsets.append(position)
    buckets = array("H", [b for _, b in words])
    keys = [word for word, _ in words]
    starts = array("I", [bisect_left(keys, bytes((k >> 8, k & 255))) for k in range(_PREFIXES - 1)] + [len(keys)])
    blob = b"".join(pieces)
    data = _MAGIC + len(words).to_bytes(4, "little") + len(blob).to_bytes(4, "little")
    data += offsets.tobytes() + buckets.tobytes() + starts.tobytes() + blob
    from checker.files import write_atomic

    os.makedirs(os.path.dirname(path), exist_ok=True)
    write_atomic(path, data, durable=False)
    # Indexes of other wordfreq versions in this format go; those of other formats stay, so that
    # two factlint versions installed side by side do not delete each other's index on every run.
    for entry in os.scandir(os.path.dirname(path)):
        if entry.name.startswith(_FILE_PREFIX) and entry.name.endswith(".idx") and entry.path != path:
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def _load() -> dict[str, int]:
    """word -> frequency bucket (bucket i holds words of frequency 10^(-i/100))."""
    try:
        return _read_cbpack()
    except Exception:
        import wordfreq

        return {word: round(-math.log10(freq) * 100) for word, freq in wordfreq.get_frequency_dict("en").items()}


def _read_cbpack() -> dict[str, int]:
    """Read wordfreq's packaged English list without importing wordfreq."""
    import gzip
    from itertools import chain, repeat

    import msgpack

    with open(_data_file(), "rb") as handle:
        data = msgpack.unpackb(gzip.decompress(handle.read()), raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"unknown wordfreq data format {header!r}")
    buckets = data[1:]
    words = chain.from_iterable(buckets)
    indices = chain.from_iterable(repeat(i, len(bucket)) for i, bucket in enumerate(buckets))
    return dict(zip(words, indices))


@process_memo
@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of a word (case-insensitive; curly apostrophes folded); 0.0 if unseen."""
    bucket = _table().get(word.lower().replace("\u2019", "'"))
    if bucket is None:
        return 0.0
    return round(9 - bucket / 100, 2)
