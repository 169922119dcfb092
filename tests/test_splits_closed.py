"""checker.word_splits: ``word_content_splits`` tests the closed reading on the split in hand, as ``closed_split`` would.

``word_content_splits`` keeps a content split only when the token is no closed-class slip. It used to
ask ``closed_split(token)``, which splits the token again; it now asks ``_closed_reading`` of the split
it holds. The two are compared here, on the real word list and on made-up ones.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import word_splits as ws
from checker.lexicon import zipf

PIECES = sorted(ws.CLOSED_CLASS | ws.CLOSED_AT_END) + [
    "team", "sales", "growth", "web", "logger", "blogger", "format", "formatters", "about", "roughly",
    "children", "cost", "market", "share", "price", "caf\u00e9", "na\u00efve", "week", "last", "ab", "x",
]  # fmt: skip


def _old_content_splits(words: set[bytes], zipf) -> list[tuple[str, tuple[str, str]]]:
    """``word_content_splits`` as it was, asking ``closed_split`` of the token."""
    out = []
    for raw in ws._content_pattern().findall(ws._lines(words)):
        token = raw.decode("ascii")
        split = ws.content_split(token, zipf)
        if split is not None and ws.closed_split(token, zipf) is None and ws.relative_date_split(token, zipf) is None:
            out.append((token, split))
    return out


def _tokens(pairs) -> set[bytes]:
    return {(left + right).encode() for left, right in pairs}


def _made_up(known: dict[str, float]):
    """A word list of ``known`` words (all others unknown)."""
    return lambda word: known.get(word, 0.0)


@pytest.mark.parametrize("source", ["real", "made-up"])
def test_every_piece_pair(source: str) -> None:
    pairs = [(left, right) for left in PIECES for right in PIECES]
    frequencies = _made_up({piece: 3.0 + len(piece) % 3 for piece in PIECES}) if source == "made-up" else zipf
    words = _tokens(pairs)
    assert ws.word_content_splits(words, frequencies) == _old_content_splits(words, frequencies)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(PIECES + [""])), max_size=20),
    st.dictionaries(st.sampled_from(PIECES), st.sampled_from([0.0, 1.0, 2.5, 3.8, 4.5, 6.0]), max_size=40),
)
def test_generated(pairs, known: dict[str, float]) -> None:
    words = _tokens(pairs)
    for frequencies in (zipf, _made_up(known)):
        assert ws.word_content_splits(words, frequencies) == _old_content_splits(words, frequencies)


@pytest.mark.parametrize("token", ["teamnow", "aboutroughly", "childrenunder", "salesgrowth", "weblogger", "nowteam"])
def test_closed_reading_is_closed_split(token: str) -> None:
    assert ws._closed_reading(ws.content_split(token, zipf), zipf) == ws.closed_split(token, zipf)
