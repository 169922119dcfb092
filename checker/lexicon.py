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
from bisect import bisect_left
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
    hundred at most, against 321k), by bisection in about 7 steps. A prefix looked up often
    enough for its range to pay off as a dict (the slice of the blob split at its line feeds:
    about as costly as ``_DICT_AFTER`` bisections per word) becomes one, so a long run costs
    a dict look-up per word and at most about as much again as loading the whole list, while
    a run on one small file still reads only the few words it asks about.
    """

    def __init__(self, blob: bytes, offsets: array, buckets: array, starts: array) -> None:
        self.blob = blob
        self.offsets = offsets  # offsets[i]..offsets[i+1]-1 is word i (each ends with b"\n")
        self.buckets = buckets
        self.starts = starts  # 65,537 entries: starts[65536] is the number of words
        self.size = len(buckets)
        self.ranges: dict[int, dict[bytes, int]] = {}  # two-byte prefix -> its words' buckets
        self.searched: dict[int, int] = {}  # two-byte prefix -> bisections so far

    def get(self, word: str) -> int | None:
        key = word.encode("utf-8")
        blob, offsets = self.blob, self.offsets
        if len(key) >= 2:
            prefix = key[0] << 8 | key[1]
            words = self.ranges.get(prefix)
            if words is not None:
                return words.get(key)
            low, high = self.starts[prefix], self.starts[prefix + 1]
            searched = self.searched[prefix] = self.searched.get(prefix, 0) + 1
            if searched * _DICT_AFTER >= high - low:
                # Each word ends with a line feed: the split leaves an empty piece at the end, which zip drops.
                words = self.ranges[prefix] = dict(zip(blob[offsets[low] : offsets[high]].split(b"\n"), self.buckets[low:high]))
                return words.get(key)
        else:
            low, high = 0, self.size
        index = bisect_left(range(high), key, low, high, key=lambda i: blob[offsets[i] : offsets[i + 1] - 1])
        if index < high and blob[offsets[index] : offsets[index + 1] - 1] == key:
            return self.buckets[index]
        return None


# A prefix's range becomes a dict once it has been searched once per this many of its words:
# a bisection (about 7 steps of a Python key function) costs about as much as putting that
# many words in a dict, so the bisections before the switch cost at most as much as the dict.
_DICT_AFTER = 20


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
