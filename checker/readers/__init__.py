"""Readers: bytes -> Document, one reader per format.

``decode`` handles encodings for every format: UTF-8 with or without a BOM,
anything else by detection (charset-normalizer), binary data refused. Each
format's reader then builds the prose view, mapping prose back to the
original offsets (same length, non-prose blanked).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import PurePath

from checker.document import Document

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
}


class BinaryFileError(Exception):
    """The file is not text; it is skipped with a notice."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    bom: bool
    # For files that are not valid UTF-8: byte offset of the first invalid
    # byte, and the encoding the text was decoded with instead.
    bad_byte: int | None = None


def format_for(path: str) -> str | None:
    """The format name for a path, from its extension, or None if unsupported."""
    return FORMATS.get(PurePath(path).suffix.lower())


def decode(data: bytes) -> Decoded:
    """Decode file bytes: UTF-8 (BOM optional), else detect; refuse binary data."""
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[3:] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        return _decode_legacy(data, error.start)
    if "\x00" in text:
        raise BinaryFileError("contains NUL bytes")
    return Decoded(text, "utf-8-sig" if bom else "utf-8", bom)


def _decode_legacy(data: bytes, bad_byte: int) -> Decoded:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16")
        return Decoded(text.lstrip("\ufeff"), "utf-16", True, None)
    if b"\x00" in data[:8192]:
        raise BinaryFileError("contains NUL bytes")
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise BinaryFileError("no text encoding fits")
    # Short samples fit several single-byte code pages equally well; prefer
    # Windows-1252, by far the most common legacy encoding of published prose,
    # whenever it reads the bytes at least as cleanly as the detected one.
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence - 0.05:
            best = match
            break
    encoding = best.encoding
    text = str(best)
    if _looks_binary(text):
        raise BinaryFileError("mostly control characters")
    return Decoded(text, encoding, False, bad_byte)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    return controls / len(sample) > 0.1


def read_document(path: str, data: bytes, format: str | None = None) -> tuple[Document, Decoded]:
    """Build a Document from file bytes with the reader for its format."""
    decoded = decode(data)
    format = format or format_for(path) or "text"
    if format == "markdown":
        from checker.readers.markdown import read
    else:
        from checker.readers.text import read
    document = read(path, decoded.text)
    document.encoding = decoded.encoding
    document.bom = decoded.bom
    return document, decoded
