"""Where URLs are in text that no reader has marked up (plain-text files).

The Markdown reader blanks URLs out of the prose view, so rules never see
them there; in a ``.txt`` file a URL is prose like any other word. Rules
whose fixes must not rewrite a link ask ``in_url`` before offering a safe fix.
"""

from __future__ import annotations

from checker.patterns import LazyPattern

# A whitespace-free token that starts like a URL, after opening punctuation.
_URL_START = LazyPattern(r"[\s<>\"'(\[]*(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)")
_SPACE = LazyPattern(r"\s")


def in_url(text: str, offset: int) -> bool:
    """Whether ``offset`` is inside a URL: a whitespace-free token that starts like one."""
    start = offset
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = _SPACE.search(text, offset)
    return _URL_START.match(text[start : end.start() if end else len(text)]) is not None
