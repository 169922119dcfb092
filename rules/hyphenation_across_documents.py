"""CON006: one compound hyphenated in one document and closed or open in a related one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, cast

from checker.finding import Edit, Finding, Fix, Related
from checker.rule import Rule

if TYPE_CHECKING:
    from checker.corpus import Corpus
    from checker.facts import FactSheet
    from checker.variants_corpus import NameCorpus
    from checker.variants_related import Relatedness

_MAX_RELATED = 10
_FORMS = ("hyphenated", "closed", "open")
_HYPHENATED = 0

# One place of one form: (document, form index, start, end, follower, noun)
Place = tuple[int, int, int, int, str, bool]


def _spelling(first: str, second: str, form: int) -> str:
    return (f"{first}-{second}", f"{first}{second}", f"{first} {second}")[form]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# A name tells two documents are related when it is no ordinary word: a single word rarer than
# this, or a longer name with a word rarer than _PHRASE_WORD_ZIPF or a title before it.
_NAME_ZIPF = 3.0
_PHRASE_WORD_ZIPF = 3.5
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "Lady", "Baroness", "Dame", "Prof", "President", "Senator"})


def telling(name: str) -> bool:
    """Whether a name shared by two documents says they are related ("Autodesk", "Mr Howard", not "Balance Sheets" or "FASB")."""
    from checker.lexicon import zipf

    words = name.split()
    if len(words) == 1:
        # An acronym in capitals is as often a regulator's or a standard's, written by unrelated filings alike.
        return not name.isupper() and zipf(name) < _NAME_ZIPF
    return words[0] in _TITLES or any(zipf(word) < _PHRASE_WORD_ZIPF for word in words)


class CompoundCorpus:
    """Every document's compounds by their two words, and the names that tell which documents are related."""

    def __init__(self) -> None:
        self.places: dict[tuple[str, str], list[Place]] = {}
        self.related: dict[int, tuple[str, ...]] = {}  # as NameCorpus.related (checker.variants_related)
        self.documents = 0

    def add(self, doc: int, record: Any) -> None:
        """Reduce one document's record (see :meth:`HyphenationAcrossDocuments.gather`)."""
        if record is None:
            return
        names, mentions = record
        if names:
            self.related[doc] = tuple(names)
        places = self.places
        for first, second, form, start, end, follower, noun in mentions:
            places.setdefault((first, second), []).append((doc, form, start, end, follower, noun))


class HyphenationAcrossDocuments(Rule):
    """One compound hyphenated in one document and closed up or open in a related one.

    What it checks
    --------------
    The across-documents part of CON002: a lower-case two-word compound
    written one way in a document (``e-mail``, ``follow-up``, ``long-term
    loan``) and another way in a related document (``email``, ``followup``,
    ``long term loan``). Documents are related when they share a distinctive
    name (``checker.variants_related``, as NAM001 compares names across
    documents) that is no ordinary word: a single word rarer than Zipf 3
    that is not an acronym in capitals (``Autodesk``, not ``Balance`` or
    ``FASB``, which unrelated filings all write), or a longer name after a
    title or with a rare word (``Mr Howard``, ``Oliver Letwin``, not
    ``Consolidated Balance Sheets``). Two unrelated documents are never
    compared, so a corpus of unrelated files is not a vote.

    For each document, the form it mostly writes is compared with the forms
    of its related documents; when the related group writes another form
    more often, the finding sits on the document's first place of its own
    form, gives the count of each form in the group, and lists the places of
    the other form in the related documents. A document that mixes forms
    inside itself is CON002's finding, not this one's.

    The exceptions are CON002's. An open form counts only where it does the
    hyphenated one's job: before the same noun (``long-term loan`` /
    ``long term loan``), or as a noun after an article at the end of a clause
    (``a follow-up.`` / ``a follow up.``); after a pronoun, an auxiliary or
    "to" the two words are a verb and its particle (``we will follow up``),
    and after a verb an adjectival compound is open (``the result is well
    known``): neither counts. Compounds with ``re-`` (``re-cover`` /
    ``recover``), with the article ``a``, and anything capitalised (names such
    as ``Rolls-Royce``) are left alone. A closed form counts when its word
    splits into the two words of the hyphenated one (see
    ``checker.extract.compounds``).

    The vocabulary decides which form is right: a form listed in
    ``[tool.factlint.vocabulary] accept`` or as a ``prefer`` key is never
    reported, and the others are reported against it. Otherwise the form the
    related documents write more often is the reference; on a tie, the form
    met first in the corpus order.

    Off by default: which documents belong together is a guess from shared
    names, and one style across a document set is a house's choice. Select
    it with ``--select CON006`` (or ``hyphenation-across-documents``). Its
    precision on real prose, every finding judged (``bench/judged/CON.csv``):
    27 of 27 true on the BBC news stories and the TAT-QA annual-report
    paragraphs, each corpus linted as one set (``python
    bench/judged_consistency.py --select CON006``); 30 of 35 (86%) when those
    corpora, Python's help topics and installed packages' descriptions are
    linted as one set (``python bench/judged.py --select CON006``), where
    unrelated projects share technical names (``Unicode``, ``CPython``) and
    are taken for related.

    Why it matters
    --------------
    A house style asks for one spelling of a term across a document set: the
    chapters of a report, the pages of a site, the releases of one company.
    Mixed forms look careless and search for one form misses the other.

    Fix safety
    ----------
    The suggested edit to the related documents' form is display-only: which
    spelling the house prefers is the writer's call.

    Flagged
    -------
        a.txt:  Staff at Contoso reply by e-mail. The e-mail goes out daily.
        b.txt:  Staff at Contoso read email at noon.

    Passes
    ------
        a.txt:  Staff at Contoso reply by e-mail.
        b.txt:  Staff at Fabrikam read email at noon.
        c.txt:  Nurses at Litware book a follow-up visit.
        d.txt:  At Litware, nurses will follow up by phone.

    """

    code = "CON006"
    name = "hyphenation-across-documents"
    severity = "warning"
    # Which documents belong together is inferred from shared names; which form is right is a choice.
    confidence = "low"
    scope = "corpus"
    requires = ("names", "compounds")
    default_enabled = False

    def gather(self, sheet: FactSheet) -> tuple | None:
        from checker.variants_related import document_names

        if not sheet.compounds:
            return None
        names = tuple(sorted(name for name in set(document_names(sheet.names)) | set(sheet.entities) if telling(name)))
        if not names:
            return None  # related to nothing: never compared
        mentions = tuple((m.first, m.second, _FORMS.index(m.form), m.start, m.end, m.follower, m.noun) for m in sheet.compounds)
        return names, mentions

    def aggregate(self) -> CompoundCorpus:
        return CompoundCorpus()

    def check_corpus(self, corpus: Corpus, aggregate: CompoundCorpus) -> Iterable[Finding]:
        from checker.variants_related import Relatedness

        aggregate.documents = len(corpus)
        vocabulary = self.settings.vocabulary if self.settings is not None else None
        preferred: set[str] = set()
        if vocabulary is not None:
            preferred = {w.lower() for w in vocabulary.accept} | {w.lower() for w in vocabulary.prefer}
        relatedness: Relatedness | None = None
        for (first, second), places in aggregate.places.items():
            documents = {p[0] for p in places}
            if len(documents) < 2 or not any(p[1] == _HYPHENATED for p in places) or all(p[1] == _HYPHENATED for p in places):
                continue
            if relatedness is None:
                relatedness = Relatedness(cast("NameCorpus", aggregate))
            yield from self._compound(first, second, places, corpus, relatedness, preferred)

    def _compound(
        self, first: str, second: str, places: list[Place], corpus: Corpus, relatedness: Relatedness, preferred: set[str]
    ) -> Iterator[Finding]:
        followers: dict[int, set[str]] = {}
        nouns: set[int] = set()
        for doc, form, _, _, follower, noun in places:
            if form == _HYPHENATED:
                followers.setdefault(doc, set())
                if follower:
                    followers[doc].add(follower)
                if noun:
                    nouns.add(doc)
        # doc -> spelling -> its places there (an open form only where it does a hyphenated one's job)
        written: dict[int, dict[str, list[tuple[int, int]]]] = {}
        for doc, form, start, end, follower, noun in sorted(places, key=lambda p: (p[0], p[2])):
            if form == 2 and not any(
                ((follower and follower in found) or (noun and other in nouns)) and relatedness.related(doc, other)
                for other, found in followers.items()
            ):
                continue
            spots = written.setdefault(doc, {}).setdefault(_spelling(first, second, form), [])
            if not spots or spots[-1] != (start, end):  # a closed word split two ways is one place
                spots.append((start, end))
        known = relatedness.names  # a document's distinctive names: one without any is related to no other
        for doc, mine in written.items():
            if not corpus[doc].in_scope or known(doc) is None:
                continue
            own = min(mine, key=lambda s: (s not in preferred, -len(mine[s]), mine[s][0][0]))
            if own in preferred:
                continue
            partners = [other for other in written if other != doc and known(other) is not None and relatedness.related(doc, other)]
            if not partners:
                continue
            group = sorted({doc, *partners})
            totals: dict[str, int] = {}
            met: dict[str, tuple[int, int]] = {}
            for index in group:
                for spelling, spots in written[index].items():
                    totals[spelling] = totals.get(spelling, 0) + len(spots)
                    met.setdefault(spelling, (index, spots[0][0]))
            reference = min(totals, key=lambda s: (s not in preferred, -totals[s], met[s]))
            if reference == own:
                continue
            elsewhere = [(index, spot) for index in partners for spot in written[index].get(reference, ())]
            if not elsewhere:
                continue
            yield self._finding(doc, own, reference, mine, elsewhere, totals, partners, corpus, relatedness)

    def _finding(
        self,
        doc: int,
        own: str,
        reference: str,
        mine: dict[str, list[tuple[int, int]]],
        elsewhere: list[tuple[int, tuple[int, int]]],
        totals: dict[str, int],
        partners: list[int],
        corpus: Corpus,
        relatedness: Relatedness,
    ) -> Finding:
        sheet = corpus[doc]
        spots = mine[own]
        documents = sorted({index for index, _ in elsewhere})
        names = sorted({name for index in documents for name in relatedness.shared(doc, index)})
        counts = ", ".join(f'"{s}" {n}\u00d7' for s, n in sorted(totals.items(), key=lambda kv: -kv[1]))
        message = (
            f'"{own}" ({len(spots)}\u00d7 here) is written "{reference}" in {_plural(len(elsewhere), "place")} '
            f"in {_plural(len(documents), 'related document')}"
        )
        shown = ", ".join(f'"{n}"' for n in names[:3])
        evidence = f"forms of one compound in this document and {_plural(len(partners), 'related document')}: {counts}; related by {shown}"
        related = tuple(Related(s, e, f'"{own}" again', path=sheet.path) for s, e in spots[1:]) + tuple(
            Related(s, e, f'"{reference}"', path=corpus[index].path) for index, (s, e) in elsewhere[:_MAX_RELATED]
        )
        edits = tuple(Edit(s, e, reference) for s, e in spots)
        first = spots[0]
        return self.finding(first[0], first[1], message, evidence=evidence, related=related, fix=Fix(edits, "display", f'Write "{reference}"'), path=sheet.path)
