"""What reading a file noticed, for the rules that report it (the reading hook).

The engine attaches a :class:`ReadingNotes` to every document it reads from
bytes (``Document.reading``); rules read it like any other fact and decide
what to report. Nothing here knows a rule.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class UndecodableByte:
    """Where a file stopped being valid UTF-8, and how it was read instead."""

    encoding: str  # the encoding the text was decoded with
    byte_offset: int  # of the first byte that is not UTF-8 (after a UTF-8 BOM)
    byte: int  # its value
    offset: int  # the corresponding character offset in the decoded text
    line: int  # its 1-based line, counted in the bytes


@dataclass(frozen=True, slots=True)
class ReadingNotes:
    """What the reader noticed about a file's bytes."""

    undecodable: UndecodableByte | None = None


def reading_notes(data: bytes, text: str, encoding: str, bad_byte: int | None) -> ReadingNotes:
    """The notes for a file read as ``encoding`` whose first non-UTF-8 byte is ``bad_byte`` (or None)."""
    if bad_byte is None:
        return ReadingNotes()
    prefix = data[:bad_byte]
    if prefix.startswith(b"\xef\xbb\xbf"):
        prefix = prefix[3:]
    # The bad byte's character offset in the decoded text: decode the prefix the same way.
    try:
        offset = len(prefix.decode(encoding, errors="replace"))
    except LookupError:
        offset = 0
    offset = min(offset, max(len(text) - 1, 0))
    return ReadingNotes(UndecodableByte(encoding, bad_byte, data[bad_byte], offset, prefix.count(b"\n") + 1))
