"""The shortcuts of CON002's word screen and compound search give what the paths they replace give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.compounds import chunk_compounds

_RUN = re.compile(r"[\w\-\u2010\u2011]+")
_COMPOUND = re.compile(r"([a-z]{1,20})[-\u2010\u2011]([a-z]{2,20})")


def _runs_matched_whole(chunk: str) -> tuple[tuple[str, str], ...]:
    """What chunk_compounds gave before: each run of the chunk with a hyphen, matched whole by the compound pattern."""
    return tuple(
        (match.group(1), match.group(2))
        for run in _RUN.findall(chunk)
        if ("-" in run or "\u2010" in run or "\u2011" in run) and (match := _COMPOUND.fullmatch(run)) and _kept(match.group(1), match.group(2))
    )


def _kept(first: str, second: str) -> bool:
    """Not "a-", and "re-" only before a vowel ("re-elect"), never in "re-act"."""
    return first != "a" and (first != "re" or (second[0] in "aeiou" and second != "act"))


_CHUNK_PIECES = st.sampled_from(
    ["long", "term", "e", "mail", "re", "a", "x", "up", "-", "\u2010", "\u2011", "_", "1", "\u00e9", "\u00c9", "\u0663", ".", "(", ")",
     "'", "/", "K", "\u00b2", "abcdefghijklmnopqrstu", "ab"]
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(_CHUNK_PIECES, max_size=10).map("".join))
def test_one_search_finds_the_runs_that_are_compounds(chunk: str) -> None:
    assert chunk_compounds(chunk) == _runs_matched_whole(chunk)


def test_compound_examples() -> None:
    for chunk in ["long-term", "(long-term)", "long-term,follow-up", "x-ray", "re-cover", "a-b", "e-mail\u2011address.", "a-b-c",
                  "long-term_x", "\u00e9long-term", "long-term\u00e9", "1long-term", "abcdefghijklmnopqrstu-ab", "ab-abcdefghijklmnopqrstu",
                  "co-op's", "well\u2010known", "--", "-ab", "ab-", "Long-term", "long-Term", "re-elect", "re-act", "re-ab"]:  # fmt: skip
        assert chunk_compounds(chunk) == _runs_matched_whole(chunk), chunk


_SCREEN_PIECES = st.sampled_from(
    ["colour", "color", "centre", "favour", "organize", "long", "term", "-", "\u2010", "\u2011", "re", "a", "e", "mail", "x", "ofthe",
     "the", "teamnow", "sales", "growth", "\u00e9", "1", "_", ",", ".", "(", ")", "'", "/", "C", "ab"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.sets(st.lists(_SCREEN_PIECES, min_size=1, max_size=6).map("".join).filter(lambda chunk: chunk.split() == [chunk]), max_size=25))
def test_judging_the_chunks_together_gives_what_judging_each_gives(chunks: set[str]) -> None:
    # _judge_many reads a chunk that holds a hyphen and no spelling-table word for its compounds
    # alone; _judge (the compounds and the table words of one chunk) is the path it replaces.
    from checker.lexicon import zipf
    from checker.spelling_variety import spellings
    from checker.word_screen import _judge, _judge_many

    table = spellings()
    found = _judge_many(table, zipf, chunks)
    screened = {chunk: tuple(item for item in items if type(item) is str or len(item) == 2) for chunk, items in found.items()}
    expected = {chunk: judged for chunk in chunks if (judged := _judge(table, chunk))}
    assert {chunk: items for chunk, items in screened.items() if items} == expected


def test_judging_the_chunks_together_examples() -> None:
    from checker.lexicon import zipf
    from checker.spelling_variety import spellings
    from checker.word_screen import _judge, _judge_many

    table = spellings()
    chunks = {"colour-term", "long-term", "long-term,colour", "colour", "(colour)", "x-ray", "re-cover", "--", "colour\u2010blind",
              "e-mail\u2011address.", "plain", "ofthe-colour", "discolouration-x"}  # fmt: skip
    found = _judge_many(table, zipf, chunks)
    for chunk in chunks:
        items = tuple(item for item in found.get(chunk, ()) if type(item) is str or len(item) == 2)
        assert items == _judge(table, chunk), chunk


_TEXT_PIECES = st.sampled_from(["long", "term", "-", "\u2010", "\u2011", " ", "\n", "x", "_", "\u00e9", "1", ".", "longterm", "long-term"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(_TEXT_PIECES, max_size=14).map("".join), st.sampled_from(["long-", "long"]))
def test_the_hyphens_the_prose_holds_give_the_spans_of_all_three(text: str, head: str) -> None:
    # compound_forms passes lone_spans only the hyphens that the prose holds.
    from checker.compounds import HYPHENS, lone_spans

    held = "".join(hyphen for hyphen in HYPHENS if hyphen in text)
    assert lone_spans(text, head, "term", held) == lone_spans(text, head, "term")


def test_compound_forms_with_each_hyphen() -> None:
    from checker.compounds import compound_forms

    for text in ["A long-term loan; a long term loan. A long\u2010term plan.", "A long\u2011term loan and a long term loan.",
                 "A follow\u2010up. A follow-up. We sent a followup.", "e\u2011mail and email and e-mail"]:  # fmt: skip
        forms = compound_forms(text)
        assert forms, text
        assert all(len(form.hyphenated) == sum(text.count(form.first + h + form.second) for h in "-\u2010\u2011") for form in forms), text
