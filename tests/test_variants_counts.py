"""NAM001's heading counts (``checker.variants._counts``): its shortcuts (one form to count for; the next
heading occurrence in the same document) against the loop that decides every occurrence on its own."""

from __future__ import annotations

import random
from typing import cast

from checker.variants import _counts, _separator_form
from checker.variants_data import Forms, Occurrence, Occurrences


def _reference(members: Forms) -> Forms:
    """``_counts`` as it was before its shortcuts: every heading occurrence decided on its own."""
    counts: Forms = {}
    headings: dict[str, list[Occurrence]] = {}
    for form, occurrences in members.items():
        counts[form] = [o for o in occurrences if not o.heading]
        found = [o for o in occurrences if o.heading]
        if found:
            headings[form] = found
    separated = {form: _separator_form(form) for form in members}
    for form, found in headings.items():
        same = [f for f in members if separated[f] == separated[form] and counts[f]]
        for occurrence in found:
            here = [f for f in same if occurrence.sheet in {o.sheet for o in counts[f]}]
            pool = here or same
            target = max(pool, key=lambda f: (len(counts[f]), f)) if pool else form
            cast(list, counts[target]).append(occurrence)
    return counts


def _members(rng: random.Random) -> Forms:
    forms = rng.sample(["Foo-Bar", "foo bar", "FOO-BAR", "Foo Bar", "FooBar", "Ärger", "arger", "Zed Corp"], rng.randrange(1, 6))
    members: Forms = {}
    for form in forms:
        places = []
        for _ in range(rng.randrange(0, 12)):
            sheet = rng.randrange(4)
            start = rng.randrange(500)
            # Runs of heading places in one document, as a document's headings repeat a name.
            for _ in range(rng.choice((1, 1, 2, 3))):
                places.append(Occurrence(sheet, start, start + len(form), rng.random() < 0.3, rng.random() < 0.45))
                start += 40
        members[form] = Occurrences(places) if rng.random() < 0.6 else places
    return members


def test_counts_agree_with_deciding_every_heading_occurrence_on_its_own() -> None:
    rng = random.Random(157)
    shortcuts = 0
    for _ in range(3000):
        members = _members(rng)
        before = {form: list(occurrences) for form, occurrences in members.items()}
        expected = {form: list(occurrences) for form, occurrences in _reference(members).items()}
        found = {form: list(occurrences) for form, occurrences in _counts(members).items()}
        assert found == expected
        assert {form: list(occurrences) for form, occurrences in members.items()} == before  # the members are only read
        shortcuts += any(o.heading for occurrences in members.values() for o in occurrences)
    assert shortcuts > 1000


def test_separator_forms_of_words_are_those_of_the_pattern() -> None:
    """``_separator_form`` returns a letters-and-digits form as it is, where the pattern had nothing to replace."""
    import re

    rng = random.Random(85)
    words = ["Foo", "bar", "BCR", "ABL", "Jürgen", "x2", "ǅ", "٣"]
    pieces = words + ["\u00a0", " ", "  ", "\t", "\u2028", "-", "\u2010", "\u2011", "\u2019", "'", "\u3000", "\u0085"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 6))) for _ in range(5000)] + pieces
    for text in texts:
        expected = re.sub(r"\s+", " ", text.lower().replace("\u2010", "-").replace("\u2011", "-").replace("\u2019", "'"))
        assert _separator_form(text) == expected, repr(text)
