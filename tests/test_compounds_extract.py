"""The compounds extractor (CON006's facts): which forms of a compound a document's sheet records."""

from __future__ import annotations

import dataclasses
import random
import re

from checker.extract.compounds import _FIND_AT_MOST, _splits, compound_mentions
from checker.facts import CompoundMention


def _forms(text: str) -> set[tuple[str, str, str, str, bool]]:
    return {(m.form, m.first, m.second, m.follower, m.noun) for m in compound_mentions(text)}


def test_hyphenated_forms_with_the_word_after_them_and_bare_nouns() -> None:
    found = _forms("We booked a follow-up visit. They made a follow-up. A long-term loan, then.")
    assert ("hyphenated", "follow", "up", "visit", False) in found
    assert ("hyphenated", "follow", "up", "", True) in found
    assert ("hyphenated", "long", "term", "loan", False) in found


def test_closed_words_split_into_two_known_words_only() -> None:
    found = {(first, second) for form, first, second, _, _ in _forms("Send an email or go online; every newspaper, another election.") if form == "closed"}
    assert {("e", "mail"), ("on", "line"), ("news", "paper")} <= found
    assert not {pair for pair in found if pair[0] + pair[1] in ("every", "another", "election", "send")}


def test_open_forms_only_where_a_hyphenated_one_could_stand() -> None:
    found = _forms("Nurses will follow up by phone. A long term loan. Plans for the long term. We set up shop.")
    opened = {(first, second, follower, noun) for form, first, second, follower, noun in found if form == "open"}
    assert ("long", "term", "loan", False) in opened  # before a content word
    assert ("long", "term", "", True) in opened  # a noun between an article and a clause boundary
    assert not any(first in ("follow", "set") for first, *_ in opened)  # a verb and its particle after "will", "we"


def test_re_words_a_words_and_capitals_are_left_out() -> None:
    found = _forms("We re-cover seats. A-list guests fly Rolls-Royce. E-mail us.")
    assert not any(form == "hyphenated" for form, *_ in found)


def test_closed_places_are_the_whole_words_in_order() -> None:
    # Few closed words (each searched for) and more than forty (the words listed): the places are the
    # occurrences that stand as whole words, not those inside longer words or hyphenated runs.
    few = "An email, emails, e-mail and email-like; email.\n(email) xemail email"
    many = few + " " + (
        "newspaper online database workflow output input sunlight football something anything everything somewhere"
        " anywhere everyone someone birthday weekend website homepage password keyboard bedroom bathroom classroom"
        " playground background headline deadline airport rainfall snowfall sunset sunrise daylight lifetime overtime"
        " timeline outline guideline mainland landmark bookmark trademark newspapers databases"
    )
    assert len({word for word in many.split() if _splits(word)}) > _FIND_AT_MOST
    for text in (few, many):
        places = [(m.start, m.end) for m in compound_mentions(text) if m.form == "closed" and (m.first, m.second) in (("e", "mail"), ("news", "paper"))]
        wanted = [m.span() for m in re.finditer(r"(?<![\w\-\u2010\u2011])(?:email|newspaper)(?![\w\-\u2010\u2011])", text)]
        assert places == wanted and places


def test_mentions_are_built_with_the_fields_in_their_order() -> None:
    # The extractor builds CompoundMention positionally (checker.patterns.builder).
    assert [field.name for field in dataclasses.fields(CompoundMention)] == ["first", "second", "form", "start", "end", "follower", "noun"]
    (mention,) = compound_mentions("A long-term loan.")
    assert mention == CompoundMention(first="long", second="term", form="hyphenated", start=2, end=11, follower="loan", noun=False)


def test_patterns_opening_with_a_letter_match_as_with_a_leading_look_behind() -> None:
    # Each pattern tests what precedes its first word after that word's first letter; the forms with the
    # test in front are the reference.
    from checker.extract import compounds

    hyphens = r"\w\-\u2010\u2011"
    reference = {
        compounds._WORD: rf"(?<![{hyphens}])[a-z]{{3,40}}(?![{hyphens}])",
        compounds._HYPHENATED: rf"(?<![{hyphens}])([a-z]{{1,20}})[-\u2010\u2011]([a-z]{{2,20}})(?![{hyphens}])",
        compounds._PAIR: rf"(?<![{hyphens}])([a-z]{{2,20}})[ \t]+(?=([a-z]{{2,20}})(?![{hyphens}]))",
    }
    rng = random.Random(11)
    pieces = ["ab", "long", "term", "x", "-", "\u2010", "_", "5", " ", "\t", "  ", "\n", "A", "\u00e9", ".", "e", "mail"]
    for _ in range(3_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        for pattern, source in reference.items():
            expected = [(m.span(), m.groups()) for m in re.finditer(source, text)]
            assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == expected, (text, source)
