"""NUM007's gate reads the text with only its ASCII letters lower-cased: it decides as the text lower-cased in full would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.patterns import ascii_lower
from checker.rules.table_totals import _may_lead_total, _says_total

_PIECES = st.sampled_from(
    ["total", "TOTAL", "ToT", "al", "AL", "in", "IN", "\u0130n", "\u0131n", "n", "N", "all", "ALL", "All", "altogether", "ALTOGETHER",
     "COMB", "comb", "TOLD", "told", " ", "\u00a0", "\u2003", "\n", "\u212a", "k", "\u00c9", "\u00e9", "\u00df", "\u03a3", "\ud800", "x"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_gate_decides_as_on_the_text_lower_cased(text: str) -> None:
    lowered, cheap = text.lower(), ascii_lower(text)
    assert ("total" in cheap) == ("total" in lowered) == _says_total(text)
    if "total" not in lowered:  # (the rule asks only then)
        assert _may_lead_total(cheap) == _may_lead_total(lowered)


def test_only_ascii_letters_are_lower_cased() -> None:
    assert ascii_lower("TOTAL \u00c9T\u00c9 \u212a \ud800") == "total \u00c9t\u00c9 \u212a \ud800"
    assert _may_lead_total(ascii_lower("IN\u00a0ALL, \u00c9T\u00c9"))
    assert not _may_lead_total(ascii_lower("\u00c9T\u00c9: IN\u00c9ALL"))
