"""NAM001: one name spelled in more than one way, within a document or across the corpus."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from checker.finding import Applicability, Confidence, Edit, Finding, Fix, Related
from checker.patterns import builder
from checker.rule import Rule

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.corpus import Corpus
    from checker.facts import FactSheet
    from checker.variants_corpus import NameCorpus
    from checker.variants_data import Occurrence, Occurrences, VariantPair

# Related(start, end, message, path), its slots set directly (``checker.patterns.builder``): a frequent name's
# finding lists up to _MAX_RELATED places, 126,000 on the 90.7 MB corpus.
_related = builder(Related)
# Related locations listed per finding, at most.
_MAX_RELATED = 50


class NameVariants(Rule):
    """A name written in two ways: ``Lisafoclax`` here, ``Lisaftoclax`` there.

    What it checks
    --------------
    Groups the names of every document in the corpus (people, companies,
    drugs, code names, acronyms, multi-word names) and reports forms that
    look like one name spelled differently:

    - near misses: one letter added, dropped, changed, or two letters
      swapped (two edits for names of ten letters or more), with the same
      first letter: ``Lisafoclax`` / ``Lisaftoclax``; in a name of
      capitalised words joined by hyphens, a near miss in one of its words
      (``Brennack-Solvang`` / ``Brennak-Solvang``, ``Vasquez-Oort`` /
      ``Vasquez-Ort``), unless both words are ordinary English words
      (``North-East`` / ``North-West``);
    - case, hyphen, space and accent variants: ``BCR-ABL`` / ``Bcr-Abl`` /
      ``BCR ABL``, ``Sjogren`` / ``Sjögren``;
    - multi-word names that differ in one word: ``Elaine Example`` /
      ``Elaine Exampel``, including a regional spelling inside a proper
      name (``Harbour Centre`` / ``Harbour Center``; ordinary words in two
      spellings are left alone).

    A surname or place name that is also an English word (``Marlow``,
    ``Browne``) is compared only inside a recurring multi-word proper name,
    where the first name, title or other words are the evidence
    (``Marlowe Springs`` three times, ``Marlow Springs`` once), and only in a
    document that writes both. A legal name (``Example Holdings plc``,
    ``Example Group S.A.``) is written one way, so two forms of it that
    differ even by an ending are reported. A name wrapped across a line
    break, or hyphenated at a line end (``Oye-`` / ``laran``), is read as one
    name and located across both lines.

    Forms are compared across documents only when the documents are
    related: they share distinctive names besides the one compared (see
    ``checker.variants_related``), and a difference in accents alone only
    when they share a name of two words or more; a corpus of unrelated
    documents is not a vote. Which form is right is decided by the vocabulary, else by a
    definition in the text (``Association of Examples (AOE)``), else by
    counts within the related documents; the message says which. A name
    given only in an alias's parenthesis (``Nuget (C#)``, ``INVALID (0xfe)``,
    ``Pierre Example (Spectrm)``: as often a gloss or an affiliation as a
    spelling) decides only when it is no rarer than the other form; when it
    is rarer, the evidence disagrees and the pair is not reported. An acronym
    written in capitals in one document and as a word in another
    (``NASDAQ`` / ``Nasdaq``) is a house style, not a variant.

    One finding per document that writes the rarer form, at its first
    place, naming the other form and how often each occurs; the other places
    of both forms are listed as related locations, and the fix rewrites them
    all.

    Never reported: two ordinary English words (``form`` / ``from``), a rare
    form that is itself an English word or one made by a prefix or a
    derivational suffix from an ordinary word (``misdetected``,
    ``compilable`` beside ``composable``, ``routability`` beside
    ``reusability``; not an inflection: ``begining`` is still a slip), acronyms of five letters or fewer
    and code names compared by spelling (``CML`` / ``CLL``, ``APG-2575`` /
    ``APG-2557``), words that differ by an ending (``inhibitor`` /
    ``inhibitors``) or are one stem with two English endings of one vowel
    (``mutable`` / ``mutably``, ``idempotent`` / ``idempotence``,
    ``deallocate`` / ``deallocator``; ``independant`` / ``independent``
    is still a slip), drugs that share a stem but not a prefix (``imatinib``
    / ``nilotinib``), names that a document declares as aliases
    (``Olverembatinib (HQP1351)``), a name a document is titled with (its
    first block a heading that is the name alone: ``# pnmenlarge``, a
    reference page beside ``# pamenlarge``), the words of a document whose
    prose is in another language (``checker.language``: its commonest words
    are Spanish, German, Ukrainian..., or its script Korean, Japanese or
    Chinese; the English word list cannot tell its
    names from its words, so NAM001 does not read it), possessives (``Pfizer's``), plurals
    (``TKIs``), capitals at the start of a sentence or in a heading, two full
    names as frequent as each other and written side by side each time
    (``Jordan Reyes and Jordana Reyes``: two people), and an identifier
    always written in lower camel case beside a lower-case word (``forKey``
    / ``forked``).

    Why it matters
    --------------
    A misspelt drug, company or person name is a factual error that spell
    checkers cannot see: they either do not know the name or have been told
    to accept both spellings. Readers, search engines and regulators treat
    the two spellings as two different things.

    Confidence
    ----------
    From the evidence of each finding. ``high``: the vocabulary lists or
    prefers the other form, or the document that writes the variant also
    writes the other form at least three times as often, or defines it (a
    near miss spelled once next to a name used five times). ``medium``:
    the other form is written only in other, related documents, or the two
    forms are about as frequent (the side reported is then a guess).
    ``low``: the differing word is itself an English word (``Marlow`` /
    ``Marlowe``), paired only because the rest of a recurring proper name
    is the same in one document.

    Fix safety
    ----------
    Decided by the vocabulary. A form listed in ``prefer`` is replaced by its
    canonical form: a safe fix, applied by ``--fix``. A form close to a
    canonical or an accepted form gets an unsafe fix (``--unsafe-fixes``).
    Without the vocabulary the rule does not pretend to know which form is
    right: it reports the rarer form (when both are equally frequent, it says
    so and picks one in a fixed order: the form the English word list knows
    better, then alphabetical order) and offers the other as a suggestion only.
    Configure the right spelling in ``pyproject.toml``::

        [tool.factlint.vocabulary]
        prefer = { "Lisaftoclax" = ["Lisafoclax"] }
        accept = ["venetoclax", "navitoclax"]

    Flagged
    -------
        Lisafoclax is approved for CLL. Lisafoclax is a Bcl-2 inhibitor.
        Sales of Lisaftoclax reached $10.1 million.

    Passes
    ------
        Venetoclax and navitoclax are both Bcl-2 inhibitors; imatinib and
        nilotinib target BCR-ABL. Pfizer's pipeline includes two TKIs.
    """

    code = "NAM001"
    name = "name-variants"
    severity = "warning"
    confidence = "medium"
    scope = "corpus"
    requires = ("names",)

    def __init__(self, settings: Settings | None = None, options: Any = None) -> None:
        super().__init__(settings, options)
        self._ahead: _NearAhead | None = None  # the near-pair search done ahead (``advance``), once asked

    def gather(self, sheet: FactSheet) -> tuple | None:
        from checker.variants_corpus import gather_names

        return gather_names(sheet)

    def aggregate(self) -> NameCorpus:
        from checker.variants_corpus import NameCorpus

        return NameCorpus()

    def advance(self, aggregate: NameCorpus) -> None:
        # The near-pair search, the largest part of the report on a large corpus, compares the words
        # that have come so far while documents still arrive (``_NearAhead``).
        if self._ahead is None:
            self._ahead = _NearAhead()
        self._ahead.step(aggregate)

    def check_corpus(self, corpus: Corpus, aggregate: NameCorpus) -> Iterable[Finding]:
        # Imported here: the grouping loads rapidfuzz, which a run without NAM001 never needs.
        from checker.variants_reuse import Search

        memo = aggregate.memo
        if self._ahead is not None and memo is None:
            memo = {"near": self._ahead.stored()}
        aggregate.attach(corpus)
        vocabulary = self.settings.vocabulary if self.settings is not None else None
        # After a few documents changed, only the pairs they can change are searched (checker.variants_reuse).
        search = Search(aggregate, vocabulary, memo)
        for pair in search.pairs():
            if not any(corpus[o.sheet].in_scope for o in pair.variant_occurrences):
                continue
            findings = list(self._findings(pair, corpus))
            search.found(pair, findings)
            yield from findings
        yield from search.kept()
        aggregate.memo = search.memo()

    def _findings(self, pair: VariantPair, sheets: Corpus) -> Iterable[Finding]:
        variant, reference = pair.variant, pair.reference
        n, m = len(pair.variant_occurrences), len(pair.reference_occurrences)
        if pair.basis == "listed":
            message = f"'{variant}' is listed as a variant of '{reference}' in [tool.factlint.vocabulary] prefer"
            applicability: Applicability = "safe"
        elif pair.basis == "prefer":
            message = f"'{variant}' ({n}\u00d7) looks like a variant of the preferred '{reference}' ({m}\u00d7)"
            applicability = "unsafe"
        elif pair.basis == "accept":
            message = f"'{variant}' ({n}\u00d7) looks like a variant of the accepted '{reference}' ({m}\u00d7)"
            applicability = "unsafe"
        elif pair.basis == "definition":
            message = f"'{variant}' ({n}\u00d7) looks like a variant of '{reference}' ({m}\u00d7), the form a definition in the text gives"
            applicability = "display"
        elif pair.basis == "tie":
            message = (
                f"'{variant}' ({n}\u00d7) looks like a variant of '{reference}' ({m}\u00d7); both occur equally "
                f"often, so which one is the variant is a guess; if '{variant}' is right, add it to "
                "[tool.factlint.vocabulary] prefer"
            )
            applicability = "display"
        else:
            within = " in related documents" if pair.basis == "related" else ""
            message = (
                f"'{variant}' ({n}\u00d7) looks like a variant of '{reference}' ({m}\u00d7{within}); "
                f"if '{variant}' is right, add it to [tool.factlint.vocabulary] prefer"
            )
            applicability = "display"
        from checker.variants_data import per_sheet

        besides = per_sheet(pair.reference_occurrences)  # document -> places of the other form there
        files = len(besides)
        evidence = (
            f"{pair.how}; '{reference}' occurs {m}\u00d7 in {files} file{'s' if files != 1 else ''}, "
            f"'{variant}' {n}\u00d7; to keep '{variant}': prefer = {{ \"{variant}\" = [\"{reference}\"] }}"
        )
        others = _first_places(pair.reference_occurrences, besides, sheets)
        again, named = f"'{variant}' again", f"'{reference}'"
        by_sheet: dict[int, list[Occurrence]] = {}
        for occurrence in sorted(pair.variant_occurrences, key=lambda o: (o.sheet, o.start)):
            by_sheet.setdefault(occurrence.sheet, []).append(occurrence)
        for index, occurrences in by_sheet.items():
            sheet = sheets[index]
            if not sheet.in_scope:
                continue
            beside = besides.get(index, 0)
            # One finding per document, at the first place; the others are related locations.
            first, rest = occurrences[0], occurrences[1:]
            related = tuple(_related(o.start, o.end, again, sheet.path) for o in rest) + tuple(
                _related(o.start, o.end, named, sheets[o.sheet].path) for o in others
            )
            # A name hyphenated across a line end ("Oye-\nlaran") is longer than its form: left for the writer.
            edits = tuple(Edit(o.start, o.end, pair.replacement) for o in occurrences if o.end - o.start == len(variant))
            fix = Fix(edits, applicability, f'Write "{pair.replacement}"') if edits else None
            confidence = variant_confidence(pair, len(occurrences), beside)
            yield self.finding(first.start, first.end, message, evidence=evidence, related=related, fix=fix, path=sheet.path, confidence=confidence)


def _first_places(occurrences: Occurrences | list[Occurrence], counts: dict[int, int], sheets: Corpus) -> list[Occurrence]:
    """The first ``_MAX_RELATED`` of some occurrences in the order of their documents' paths, then
    of their offsets; ``counts``: how many each document has. Only the documents that come first
    are looked at: a frequent name has thousands of places."""
    from checker.variants_data import in_sheets

    paths = {index: sheets[index].path for index in counts}
    if len(set(paths.values())) != len(paths):  # two documents of one path: their places interleave
        return sorted(occurrences, key=lambda o: (sheets[o.sheet].path, o.start))[:_MAX_RELATED]
    first: set[int] = set()
    total = 0
    for index in sorted(counts, key=paths.__getitem__):
        if total >= _MAX_RELATED:
            break
        first.add(index)
        total += counts[index]
    return sorted(in_sheets(occurrences, first), key=lambda o: (paths[o.sheet], o.start))[:_MAX_RELATED]


def variant_confidence(pair: VariantPair, here: int, beside: int) -> Confidence:
    """How sure a finding is, from its evidence: ``here`` places of the variant in its document, ``beside`` of the other form there."""
    if pair.basis in ("listed", "prefer", "accept"):
        return "high"  # the user's vocabulary decides
    if pair.wordlike:
        return "low"  # an English word, paired on the evidence of the name around it
    if beside == 0:
        return "medium"  # the other form only in other (related) documents
    if pair.basis == "definition" or (pair.basis == "count" and beside >= 3 * here):
        return "high"  # a slip written next to the form used several times, or defined
    return "medium"


# New forms between two steps of the near-pair search done ahead: few enough that a step mostly
# compares only its new words (``NearPairs`` compares everything again when more than 2,000 new words outnumber the words held).
_AHEAD_FORMS = 2500


class _NearAhead:
    """NAM001's near-pair search done ahead (``Rule.advance``): the words of the forms reduced so far.

    ``NearPairs`` (``checker.variants_memo``) gives the pairs of a word list from those of any
    earlier list, in ``near_pairs``' order, so the pairs found ahead serve the search at the end as a
    memo of the last corpus pass would, and only the words that came after the last step are
    compared then. On the 90.7 MB perf-prose corpus the steps cost about what one search over every
    word costs (2.8 CPU s), but while the worker processes still run pass 1.
    """

    def __init__(self) -> None:
        from checker.variants_memo import NearPairs

        self.near = NearPairs()
        self.terms: dict[str, None] = {}  # the words compared, in the order ``spelling_variants`` lists them
        self.forms = 0  # forms of the aggregate already looked at (it only ever adds forms, in order)

    def step(self, corpus: NameCorpus) -> None:
        forms = corpus.forms
        if len(forms) - self.forms < _AHEAD_FORMS:
            return
        from itertools import islice

        from checker.variants_near import search_terms  # the words the search compares, as it chooses them

        new = {form: forms[form] for form in islice(forms, self.forms, None)}
        self.forms = len(forms)
        self.terms.update(dict.fromkeys(search_terms(new, corpus.kinds)))
        self.near.update(list(self.terms))  # the pairs are kept in ``near``; they are reported at the end

    def stored(self) -> object:
        return self.near.stored()
