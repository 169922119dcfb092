"""NAM001's packed occurrences and its reduction: what they give is what the occurrences, read one by one, say."""

from __future__ import annotations

import random
from array import array
from types import SimpleNamespace

from checker.facts import NameMention
from checker.variants_corpus import KINDS, NameCorpus, gather_names
from checker.variants_data import Occurrence, Occurrences, in_sheets, joined, mid_sentence, per_sheet, sheets_of


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


def test_shortcuts_agree_with_reading_the_occurrences_one_by_one() -> None:
    """``in_sheets`` (picked in C), ``mid_sentence`` and ``joined`` (packed lists copied as they are) against
    the occurrences read one by one, in 32-bit and 64-bit packed lists and in plain lists."""
    rng = random.Random(61)
    big = 2**40
    for count in (0, 1, 3, 25, 200):
        plain = _occurrences(rng, count)
        if count == 3:
            plain = [o._replace(initial=True) for o in plain]  # none mid-sentence
        wide = [o._replace(start=o.start + big, end=o.end + big) for o in plain]
        for occurrences in (plain, wide):
            packed = Occurrences(occurrences)
            assert mid_sentence(packed) == mid_sentence(occurrences) == any(not o.initial for o in occurrences)
            for wanted in (set(), {0}, {2, 5}, {0, 1, 2, 3, 4, 5}, {99}):
                assert in_sheets(packed, wanted) == [o for o in occurrences if o.sheet in wanted]
    for sizes in ((), (0,), (4, 0, 7), (30, 1, 12, 5)):
        parts = [_occurrences(rng, size) for size in sizes]
        if len(parts) > 2:
            parts[1] = [o._replace(start=o.start + big, end=o.end + big) for o in parts[1]]  # a 64-bit part among 32-bit ones
        for shapes in ("packed", "plain", "mixed"):
            given = [Occurrences(part) if shapes == "packed" or (shapes == "mixed" and i % 2) else part for i, part in enumerate(parts)]
            expected = Occurrences(o for part in parts for o in part)
            found = joined(given)
            assert list(found) == list(expected)
            assert found._data.typecode == expected._data.typecode
    narrow = joined([Occurrences([Occurrence(1, 2, 3, False, False)]).copy()])
    wide_fits = Occurrences()
    wide_fits.add_packed(array("q", [4, 5, 6]))  # a 64-bit list whose numbers fit in 32 bits
    assert joined([narrow, wide_fits])._data.typecode == Occurrences(list(narrow) + list(wide_fits))._data.typecode == "i"


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
    return SimpleNamespace(names=mentions, aliases=(), entities=(), acronyms=(), title="", language="")


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


def test_filing_some_forms_files_their_places_as_filing_every_form_does() -> None:
    """``_add_some_places`` (a few changed documents: only the forms the search reads) against ``_add_places``."""
    from checker.extract import names
    from checker.facts import FactSheet
    from checker.readers import read_document
    from checker.testing import settings_from

    text = (
        "# Quorvantix Update\n\nQuorvantix and Elaine Example met Halvorsen. Elaine Example said Quorvantix works; "
        "Halvorsen agreed with Dana Okafor. Okafor met Elaine and Quorvantix again. Castorvine Labs hosted Halvorsen.\n"
    )
    doc, _ = read_document("doc.md", text.encode("utf-8"))
    sheet = FactSheet(path="doc.md", format=doc.format, names=[], acronyms=[], aliases=[])
    names.extract(doc, sheet, settings_from())
    texts, groups, typecode, packed, *_ = gather_names(sheet)
    forms: dict = {}
    phrases: dict = {}
    NameCorpus._add_places(7, texts, groups, typecode, packed, forms, phrases, {})
    assert len(forms) >= 4 and len(phrases) >= 2
    for only in ({"Quorvantix"}, {"Elaine Example", "Halvorsen"}, {"Okafor", "Castorvine Labs", "Elaine"}, set(texts), {"absent"}):
        some_forms: dict = {}
        some_phrases: dict = {}
        NameCorpus._add_some_places(7, texts, groups, typecode, packed, some_forms, some_phrases, only)
        assert {k: list(v) for k, v in some_forms.items()} == {k: list(v) for k, v in forms.items() if k in only}
        assert {k: list(v) for k, v in some_phrases.items()} == {k: list(v) for k, v in phrases.items() if k in only}


def test_the_names_of_held_records_are_those_filed_in_order_with_the_kind_where_first_written() -> None:
    from checker.extract import names
    from checker.facts import FactSheet
    from checker.readers import read_document
    from checker.testing import settings_from

    texts = [
        "Quorvantix and Elaine Example met HALVORSEN. Elaine Example said Quorvantix works.\n",
        "# Halvorsen\n\nHalvorsen agreed with Dana Okafor and Castorvine Labs. Lisaftoclax grew.\n",
        "Nothing here names anything at all.\n",
        "The Halvorsen review: Okafor, Quorvantix, Zentrovimab and Elaine Exampel met. Dana Okafor agreed.\n",
        "Lisaftoclax, lisaftoclax and LISAFTOCLAX sold; Castorvine Labs and Castorvine said so.\n",
    ]
    held, filed = NameCorpus(), NameCorpus()
    held.hold()
    for doc, text in enumerate(texts):
        document, _ = read_document(f"d{doc}.md", text.encode("utf-8"))
        sheet = FactSheet(path=f"d{doc}.md", format=document.format, names=[], acronyms=[], aliases=[])
        names.extract(document, sheet, settings_from())
        record = gather_names(sheet)
        held.add(doc, record)
        filed.add(doc, record)
    forms, phrases, kinds = held.names()
    assert list(forms) == list(filed.forms) and list(phrases) == list(filed.phrases)
    assert list(kinds.items()) == list(filed.kinds.items())
    assert len(forms) > 8 and len(phrases) > 3 and len(set(kinds.values())) > 1


def test_a_form_written_as_two_kinds_keeps_the_kind_where_first_written_when_held() -> None:
    from array import array

    def record(texts: tuple, groups: tuple) -> tuple:
        places = array("i", [n for i in range(len(groups) // 4) for n in (0, 10 * i, 10 * i + 5)]).tobytes()
        return texts, groups, "i", places, b"", (), (), (), (), ""

    records = [
        record(("Alpha", "Beta Gamma", "Delta"), (0, 0, 0, 1, 1, 1, 1, 1, 2, 0, 2, 1)),
        record(("Delta", "Alpha", "Epsilon", "Beta Gamma"), (0, 0, 3, 1, 1, 0, 4, 1, 2, 0, 1, 1, 3, 1, 1, 1)),
        record(("Zeta", "Delta"), (0, 0, 4, 1, 1, 0, 0, 1)),
    ]
    held, filed = NameCorpus(), NameCorpus()
    held.hold()
    for doc, each in enumerate(records):
        held.add(doc, each)
        filed.add(doc, each)
    forms, phrases, kinds = held.names()
    assert list(kinds.items()) == list(filed.kinds.items()) == [("Alpha", KINDS[0]), ("Delta", KINDS[2]), ("Epsilon", KINDS[1]), ("Zeta", KINDS[4])]
    assert list(forms) == list(filed.forms) and list(phrases) == list(filed.phrases) == ["Beta Gamma"]
