"""English word frequencies (wordfreq), loaded once per process, on first use.

wordfreq's English list (321k words, Zipf scale: 7 is "the", 3 is about one
per million words, 0 is unseen) tells common words from rare ones: the names
rules use it to tell a drug name from an English word, the fused-words rule
to tell ``ofapplication`` from ``application``.

Loading the list costs about 100 ms (importing wordfreq itself costs 80 ms
more), too much for a pre-commit run on one file. So the first use writes a
compact index to the user's cache directory (sorted words, their offsets,
frequency buckets and a hash table of the words, keyed by wordfreq's
version), and later runs look words up in the hash table, loading in about a
millisecond. Without a writable
cache directory the list is simply loaded into memory.
"""

from __future__ import annotations

import math
import os
from array import array
from functools import lru_cache
from zlib import crc32

from checker.patterns import process_memo

_MAGIC = b"factlint-lexicon-3\n"
# The format is in the file's name too: format 1's files ("wordfreq-en-*.idx") are left alone, as a
# version of factlint that reads them removes every other "wordfreq-en-" file when it writes one;
# so are format 2's ("lexicon-2-wordfreq-en-*.idx"), which another version may still read.
_FILE_PREFIX = "lexicon-3-wordfreq-en-"


class _Index:
    """Sorted UTF-8 words with offsets and frequency buckets, found through a hash table.

    ``slots`` is an open-addressing table (linear probing) of word numbers, ``_EMPTY`` where
    none, addressed by the CRC-32 of the word's UTF-8 bytes; it has at least three slots per
    word, so that most words absent from the list (the names the names rules look up) meet an
    empty slot at once, and a word of the list is found at the first or second slot it tries.
    A look-up costs a few C calls, with no bisection and nothing built on the first use of a
    part of the list. (Format 2 bisected a sparse index per two-byte prefix, built on the
    prefix's first search, and found the word in its block with ``bytes.find``: about 16,000
    instructions a look-up, 20,000 with the index's building, 7,800 look-ups per MB of prose.)
    """

    def __init__(self, blob: bytes, offsets: array, buckets: array, slots: array) -> None:
        self.blob = blob
        self.offsets = offsets  # offsets[i]..offsets[i+1]-1 is word i (each ends with b"\n")
        self.buckets = buckets
        self.slots = slots  # a power of two of them
        self.mask = len(slots) - 1

    def get(self, word: str) -> int | None:
        if "\n" in word:
            return None  # no word of the index holds a line feed (and the comparison below relies on it)
        key = word.encode("utf-8")
        slots = self.slots
        slot = crc32(key) & self.mask
        index = slots[slot]
        if index == _EMPTY:
            return None  # (most absent words)
        # Word ``index`` is the key if the blob holds ``key + "\n"`` at its offset (a word holds no line feed).
        needle = key + b"\n"
        offsets, mask, found_at = self.offsets, self.mask, self.blob.startswith
        while index != _EMPTY:
            if found_at(needle, offsets[index]):
                return self.buckets[index]
            slot = (slot + 1) & mask
            index = slots[slot]
        return None


# An empty slot of the hash table (no word number).
_EMPTY = 0xFFFFFFFF


def _hash_slots(words: list[bytes], size: int) -> array:
    """The hash table of ``_Index`` (``size``: a power of two above the number of words): each word's
    number at the first free slot from its hash."""
    slots = array("I", [_EMPTY]) * size
    mask = len(slots) - 1
    for index, word in enumerate(words):
        slot = crc32(word) & mask
        while slots[slot] != _EMPTY:
            slot = (slot + 1) & mask
        slots[slot] = index
    return slots


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
    name = identity()
    if name is None:
        return None
    from checker.files import cache_dir

    return os.path.join(cache_dir(), f"{_FILE_PREFIX}{name}.idx")


def identity() -> str | None:
    """What names the word frequencies: wordfreq's version and the size of its data file (None without wordfreq)."""
    try:
        data_file = _data_file()
        size = os.stat(data_file).st_size
    except (OSError, ImportError):
        return None
    return f"{_wordfreq_version(data_file)}-{size}"


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
    slot_count = int.from_bytes(data[position + 8 : position + 12], "little")
    position += 12
    offsets = array("I")
    offsets.frombytes(data[position : position + 4 * (count + 1)])
    position += 4 * (count + 1)
    buckets = array("H")
    buckets.frombytes(data[position : position + 2 * count])
    position += 2 * count
    slots = array("I")
    slots.frombytes(data[position : position + 4 * slot_count])
    position += 4 * slot_count
    blob = data[position : position + blob_size]
    if len(offsets) != count + 1 or len(buckets) != count or len(slots) != slot_count or len(blob) != blob_size:
        raise ValueError("truncated lexicon index")
    if slot_count < count + 1 or slot_count & (slot_count - 1):
        raise ValueError("corrupt lexicon index")  # a probe must meet an empty slot, and the mask needs a power of two
    return _Index(blob, offsets, buckets, slots)


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
    slots = _hash_slots([word for word, _ in words], 1 << (3 * len(words) - 1).bit_length())  # at least 3 slots a word
    blob = b"".join(pieces)
    data = _MAGIC + len(words).to_bytes(4, "little") + len(blob).to_bytes(4, "little") + len(slots).to_bytes(4, "little")
    data += offsets.tobytes() + buckets.tobytes() + slots.tobytes() + blob
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
    # (Rounding a float to two places costs as much as the look-up: done once per bucket.)
    value = _ZIPF_OF_BUCKET.get(bucket)
    if value is None:
        value = _ZIPF_OF_BUCKET[bucket] = round(9 - bucket / 100, 2)
    return value


# bucket -> its Zipf frequency, as ``zipf`` rounds it (a few hundred buckets: no bound needed).
_ZIPF_OF_BUCKET: dict[int, float] = {}
