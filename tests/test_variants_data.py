"""NAM001's packed occurrences and its reduction: what they give is what the occurrences, read one by one, say."""

from __future__ import annotations

import random
from array import array
from types import SimpleNamespace

from checker.facts import NameMention
from checker.variants_corpus import KINDS, NameCorpus, gather_names
from checker.variants_data import Occurrence, Occurrences, in_sheets, per_sheet, sheets_of


def _occurrences(rng: random.Random, count: int) -> list[Occurrence]:
    return [Occurrence(rng.randrange(6), rng.randrange(1000), rng.randrange(1000), rng.random() < 0.3, rng.random() < 0.3) for _ in range(count)]


def test_packed_queries_agree_with_the_occurrences() -> None:
    rng = random.Random(16)
    for count in (0, 1, 2, 7, 40):
        plain = _occurrences(rng, count)
        packed = Occurrences(plain)
        assert list(packed) == plain
        assert packed.sheets() == sheets_of(plain) == {o.sheet for o in plain}
        counts: dict[int, int] = {}
        for o in plain:
            counts[o.sheet] = counts.get(o.sheet, 0) + 1
        assert dict(per_sheet(packed)) == dict(per_sheet(plain)) == counts
        wanted = {0, 3}
        assert in_sheets(packed, wanted) == in_sheets(plain, wanted) == [o for o in plain if o.sheet in wanted]
        kept, headings = packed.split_headings()
        assert list(kept) == [o for o in plain if not o.heading]
        assert headings == [o for o in plain if o.heading]
        if not headings:
            assert kept is packed  # nothing to take out: not copied
        copy = packed.copy()
        copy.append(Occurrence(9, 1, 2, False, False))
        assert list(packed) == plain  # the copy is its own


def test_add_packed_across_widths() -> None:
    big = 2**40
    occurrences = Occurrences([Occurrence(1, 2, 3, False, True)])
    occurrences.add_packed(array("q", [2 * 4, 5, 6]))  # a 64-bit array whose numbers fit in 32 bits
    occurrences.add_packed(array("q", [3 * 4 + 2, big, big + 4]))  # and one whose numbers do not
    occurrences.add_packed(array("i", [4 * 4, 7, 8]))
    occurrences.add_packed([5 * 4 + 1, 9, 10])
    assert list(occurrences) == [
        Occurrence(1, 2, 3, False, True),
        Occurrence(2, 5, 6, False, False),
        Occurrence(3, big, big + 4, True, False),
        Occurrence(4, 7, 8, False, False),
        Occurrence(5, 9, 10, False, True),
    ]


def _sheet(mentions: list[NameMention]) -> SimpleNamespace:
    return SimpleNamespace(names=mentions, aliases=(), entities=(), acronyms=())


def test_reduction_files_each_mention_under_its_form_in_order() -> None:
    rng = random.Random(7)
    texts = ["Example", "EXAMPLE", "Harbour Centre", "APG-2575", "imatinib", "AB"]
    documents = []
    offset = 0
    for _ in range(5):
        mentions = []
        for _ in range(rng.randrange(1, 30)):
            text = rng.choice(texts)
            # (A text is now and then both a multi-word name and a single token: two forms.)
            kind = "phrase" if " " in text or rng.random() < 0.1 else rng.choice([k for k in KINDS if k != "phrase"])
            start = offset + rng.randrange(10_000)
            mentions.append(NameMention(text=text, start=start, end=start + len(text), kind=kind, initial=rng.random() < 0.3, heading=rng.random() < 0.2))
        documents.append(sorted(mentions, key=lambda m: m.start))
        offset = 2**33 if offset == 0 else 0  # one document's offsets beyond 32 bits
    # The last document's index times 4 is beyond 32 bits, its offsets are not: its record is packed in 32 bits.
    index = [0, 1000, 2000, 3000, 600_000_000]
    corpus = NameCorpus()
    for doc, mentions in enumerate(documents):
        corpus.add(index[doc], gather_names(_sheet(mentions)))  # type: ignore[arg-type]
    forms: dict[str, list[Occurrence]] = {}
    phrases: dict[str, list[Occurrence]] = {}
    kinds: dict[str, str] = {}
    capitals: dict[int, list[int]] = {}
    for doc, mentions in enumerate(documents):
        for m in mentions:
            target = phrases if m.kind == "phrase" else forms
            target.setdefault(m.text, []).append(Occurrence(index[doc], m.start, m.end, m.initial, m.heading))
            if m.kind != "phrase":
                kinds.setdefault(m.text, m.kind)
                if m.text.isupper() and len(m.text) > 1:
                    capitals.setdefault(index[doc], []).extend((m.start, m.end))
    assert {text: list(found) for text, found in corpus.forms.items()} == forms
    assert list(corpus.forms) == list(forms)  # forms in the order first written
    assert {text: list(found) for text, found in corpus.phrases.items()} == phrases
    assert corpus.kinds == kinds
    assert {doc: list(spans) for doc, spans in corpus.capitals.items()} == capitals
