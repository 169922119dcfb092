"""checker.namecompare: the keys that variants of a name share."""

from __future__ import annotations

import pytest

from checker.namecompare import join_key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Rust", "rust"),
        ("New York", "newyork"),  # only spaces to remove
        ("Apache  Software Foundation", "apachesoftwarefoundation"),
        ("BCR-ABL", "bcrabl"),
        ("New-York City", "newyorkcity"),  # a hyphen beside the spaces
        ("O'Brien Smith", "obriensmith"),
        ("New\tYork", "newyork"),  # whitespace other than a space
        ("Zoë Müller", "zoemuller"),
        ("AT&T Labs", "at&tlabs"),  # what is neither a letter, a digit nor a separator stays
        ("  ", ""),
    ],
)
def test_join_key_drops_case_diacritics_and_separators(text: str, key: str) -> None:
    assert join_key(text) == key
