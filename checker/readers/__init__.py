"""Readers: bytes -> Document, one reader per format.

``decode`` handles encodings for every format: UTF-8 with or without a BOM,
anything else by detection (charset-normalizer), binary data refused. Each
format's reader then builds the prose view, mapping prose back to the
original offsets (same length, non-prose blanked).
"""

from __future__ import annotations

import codecs
import os
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import PurePath

from checker.document import Document
from checker.patterns import LazyPattern
from checker.signing import blake2b

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
# The module that reads each format. Text formats read decoded text (``read(path, text)``); the
# others, packages of their own, read the file's bytes (``read_bytes(path, data)``).
READERS: dict[str, str] = {
    "text": "checker.readers.text",
    "markdown": "checker.readers.markdown",
    "html": "checker.readers.html",
    "docx": "checker.readers.docx",
    "pdf": "checker.readers.pdf",
}
BINARY_FORMATS = frozenset({"docx", "pdf"})


class BinaryFileError(Exception):
    """The file is not text; it is skipped with a notice."""


class UnreadableDocument(Exception):
    """A document of a supported format with nothing to check (corrupt, encrypted, no text layer).

    The message says why, for a notice; the file is not checked.
    """


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
    # ``PurePath(path).suffix``, without building a path object for each document: the last component's
    # text from its last dot, unless that dot starts or ends the name. Only a path whose last component
    # is empty, "." or ".." (which a path object drops) needs the path object's view.
    name = os.path.basename(path)
    if name in ("", ".", ".."):
        name = PurePath(path).name
    dot = name.rfind(".")
    return FORMATS.get(name[dot:].lower() if 0 < dot < len(name) - 1 else "")


def sniff(data: bytes, format: str | None) -> str | None:
    """The format the bytes themselves declare, where the extension says nothing or something else.

    A PDF starts with ``%PDF-``; a Word document is a zip package (``PK``) holding
    ``word/document.xml``. Only these signatures are trusted: text formats are never
    guessed from bytes.
    """
    if format in BINARY_FORMATS:
        return format
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return "docx"
    return format


def decode(data: bytes, text_format: bool = False, encoding: str | None = None) -> Decoded:
    """Decode file bytes: UTF-8 (BOM optional), else detect; refuse binary data.

    With ``text_format`` (the file's extension names a text format), valid UTF-8 with a
    few stray NUL characters (one, or at most 1%) is text: one NUL byte must not turn a file into "binary"
    and its findings into a pass.

    With ``encoding`` (the encoding an earlier read of the file detected), bytes that decode in
    it are read in it, not detected again: ``--fix`` re-reads its own output this way, so that
    a fix never changes how the rest of the file reads.
    """
    if encoding is not None:
        pinned = _decode_pinned(data, encoding)
        if pinned is not None:
            return pinned
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[3:] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        return _decode_legacy(data, error.start)
    if "\x00" in text and not (text_format and text.count("\x00") <= max(1, len(text) // 100)):
        raise BinaryFileError("contains NUL bytes")
    return Decoded(text, "utf-8-sig" if bom else "utf-8", bom)


def _decode_pinned(data: bytes, encoding: str) -> Decoded | None:
    """``data`` read in a legacy ``encoding``; None for UTF-8 and UTF-16 (their BOM decides) or bytes it cannot decode."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    if name.startswith(("utf-8", "utf-16", "utf-32")):
        return None
    if b"\x00" in data[:8192]:
        raise BinaryFileError("contains NUL bytes")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if _looks_binary(text):
        raise BinaryFileError("mostly control characters")
    try:
        data.decode("utf-8")
        bad_byte = None
    except UnicodeDecodeError as error:
        bad_byte = error.start
    return Decoded(text, encoding, False, bad_byte)


def _decode_legacy(data: bytes, bad_byte: int) -> Decoded:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # The byte order is part of the encoding, so that a fix writes the file back in it.
        encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        try:
            text, bad = data[2:].decode(encoding), None
        except UnicodeDecodeError as error:
            # Odd length or a lone surrogate: keep what decodes, replace the rest, and report
            # the first bad byte (a reading note for the encoding rules) rather than failing the run.
            text, bad = data[2:].decode(encoding, errors="replace"), min(error.start + 2, len(data) - 1)
        return Decoded(text.lstrip("\ufeff"), encoding, True, bad)
    if b"\x00" in data[:8192]:
        raise BinaryFileError("contains NUL bytes")
    encoding, western = "cp1252", _as_western(data)
    if western is not None:
        text = western
    else:
        from charset_normalizer import from_bytes

        # Text with no NUL byte is not UTF-16 or UTF-32 without a BOM, whatever the statistics say.
        best = next((match for match in from_bytes(data) if not match.encoding.startswith(("utf_16", "utf_32"))), None)
        if best is not None:
            encoding, text = best.encoding, str(best)
        else:  # nothing fits well: Latin-1 maps every byte, so nothing is lost
            encoding, text = "latin-1", data.decode("latin-1")
    if _looks_binary(text):
        raise BinaryFileError("mostly control characters")
    return Decoded(text, encoding, False, bad_byte)


# Characters that Windows-1252 text of Western European languages uses beyond ASCII. The second
# line holds the Latin-1 signs (soft hyphen, currency sign, pilcrow, not sign, spacing accents) that
# Windows-1250 has at the same bytes, so they say nothing of another code page; detection alone
# read files with them as cp775, cp852 or even UTF-16.
_WESTERN = frozenset(
    "\u00a0\u00a3\u00a7\u00a9\u00ab\u00ae\u00b0\u00b1\u00b2\u00b3\u00b5\u00b7\u00bb\u00bd\u00bc\u00be\u00bf\u00a1\u00a2\u00a5\u00d7\u00f7"
    "\u00a4\u00a6\u00a8\u00ac\u00ad\u00b4\u00b6\u00b8"
    "\u20ac\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u2013\u2014\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
)


# The soft hyphen (U+00AD) and the acute accent (U+00B4, "don\u00b4t") belong inside Western words.
_SYMBOL_IN_WORD = LazyPattern(r"[^\W\d_][\u00a1-\u00ac\u00ae-\u00b3\u00b5-\u00bf\u00d7\u00f7\u2020-\u2122][^\W\d_]")


def _as_western(data: bytes) -> str | None:
    """The text as Windows-1252 when that reads as Western European prose, else None.

    Statistical detection is unreliable on short files, and short files are
    common here (a paragraph, a note). Windows-1252 is by far the most common
    legacy encoding of published Western prose; accept it when every
    non-ASCII character it yields is a Latin letter or common typography. A
    Central European file (cp1250 "ł" is cp1252 "³" beside letters) or a
    Cyrillic one fails this test and goes to detection.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for char in set(text):
        if char < "\x80":
            continue
        if char in _WESTERN or ("\u00c0" <= char <= "\u00ff" and char.isalpha()):
            continue
        return None
    # A symbol between two letters ("Za\u00bf\u00f3\u0142" read from cp1250) is a letter of another code page.
    if _SYMBOL_IN_WORD.search(text):
        return None
    # Western prose is mostly ASCII letters; text whose letters are mostly from the upper half
    # is another alphabet (Cyrillic cp1251 reads as "\u00cf\u00f0\u00e8\u00e2\u00e5\u00f2" in cp1252).
    letters = sum(1 for char in text if char.isalpha())
    upper_half = sum(1 for char in text if char >= "\u00c0" and char.isalpha())
    if letters and upper_half / letters > 0.3:
        return None
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    return controls / len(sample) > 0.1


def read_document(path: str, data: bytes, format: str | None = None, encoding: str | None = None) -> tuple[Document, Decoded]:
    """Build a Document from file bytes with the reader for its format (``encoding``: as for ``decode``)."""
    import importlib

    known = sniff(data, format or format_for(path))
    if known in BINARY_FORMATS:
        document = _read_binary(importlib.import_module(READERS[known]), known, path, data)
        return document, Decoded(document.text, "utf-8", False)
    decoded = decode(data, text_format=known is not None, encoding=encoding)
    document = importlib.import_module(READERS[known or "text"]).read(path, decoded.text)
    document.encoding = decoded.encoding
    document.bom = decoded.bom
    return document, decoded


# Word and PDF documents read in this process, by path, format and content digest: the formatters (source
# lines), the baseline and SARIF fingerprints (content keys) read a document again after the run, and parsing a
# PDF costs about 100 ms a page. A document's bytes decide its content, so a hit is the same Document.
_BINARY_MEMO: OrderedDict[tuple[str, str, bytes], Document] = OrderedDict()
_BINARY_MEMO_CHARS = 32_000_000  # text kept at most (characters), oldest dropped first


def _read_binary(reader, known: str, path: str, data: bytes) -> Document:
    """``reader.read_bytes(path, data)``, once per path and content in this process."""
    key = (path, known, blake2b(data, digest_size=16).digest())
    found = _BINARY_MEMO.get(key)
    if found is not None:
        _BINARY_MEMO.move_to_end(key)
        return found
    document = reader.read_bytes(path, data)
    _BINARY_MEMO[key] = document
    while len(_BINARY_MEMO) > 1 and sum(len(kept.text) for kept in _BINARY_MEMO.values()) > _BINARY_MEMO_CHARS:
        _BINARY_MEMO.popitem(last=False)
    return document
