"""CON003 skips a document whose spelling-table words are all British forms or all not (``_one_side``)."""

from __future__ import annotations

from checker.document import Document
from checker.rules.regional_spelling import RegionalSpelling, _one_side
from checker.spelling_variety import AMBIGUOUS, spellings


def test_every_pair_has_one_british_form():
    # What makes the skip safe: a word spelt both ways, a minority variety and -ise beside -ize all need a
    # British form and another one. A form standard in both varieties ("meters") is left out of the table, and its
    # counterpart ("metres") marks its own variety alone.
    table = spellings()
    for word, spelling in table.items():
        if spelling.counterpart in table:
            assert (spelling.variety == "en-GB") != (table[spelling.counterpart].variety == "en-GB"), word
        else:
            assert spelling.counterpart in AMBIGUOUS and spelling.variety is not None, word
    assert table["metres"].variety == "en-GB" and "meters" not in table


def test_one_side():
    table = spellings()
    assert _one_side(table, {"colour", "centre", "organise"})
    assert _one_side(table, {"color", "center", "organize"})
    assert not _one_side(table, {"colour", "center"})
    assert not _one_side(table, {"organise", "organize"})


def test_the_skip_keeps_the_findings():
    rule = RegionalSpelling()
    mixed = Document("a.txt", "The colour of the centre, the theatre and the metre; the color.\n")
    assert [f.message for f in rule.check(mixed, None)]
    british = Document("b.txt", "The colour of the centre, the theatre and the metre; organised.\n")
    assert list(rule.check(british, None)) == []


def test_the_similarity_gate_drops_the_pairs_difflib_s_ratio_drops() -> None:
    import difflib

    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

    from checker.spelling_variety import _similarity

    dropped = 0
    for british, american in BRITISH_ENGLISH_SPELLINGS.items():
        below = difflib.SequenceMatcher(None, british, american).ratio() < 0.75
        assert (_similarity(british, american) < 0.75) == below, (british, american)
        dropped += below
    assert dropped  # the gate drops some pairs ("gaol"/"jail")
