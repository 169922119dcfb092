"""Plain text: everything is prose; paragraphs are separated by blank lines."""

from __future__ import annotations

from checker.document import Document


def read(path: str, text: str) -> Document:
    return Document(path, text, format="text")
