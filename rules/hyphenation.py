"""CON002: one compound written hyphenated in one place and closed or open in another."""

from __future__ import annotations

from collections.abc import Iterator

from checker.compounds import Forms, compound_forms, phrase_forms
from checker.finding import Edit, Finding, Fix, Related
from checker.rule import Rule
from checker.word_screen import screen

_MAX_RELATED = 5


def _spellings(forms: Forms) -> dict[str, list[tuple[int, int]]]:
    words = forms.words
    out = {"-".join(words): forms.hyphenated, "".join(words): forms.closed, " ".join(words): forms.open}
    return {spelling: places for spelling, places in out.items() if places}


class HyphenationConsistency(Rule):
    """One compound written hyphenated in one place and closed up or open in another.

    What it checks
    --------------
    Groups the lower-case two-word compounds of a document by their words and
    reports the less frequent of their spellings: ``e-mail`` beside
    ``email``, ``follow-up`` beside ``followup``, ``a long-term loan`` beside
    ``a long term loan``. The finding sits on the first place of the less
    frequent form, gives the count of every form, and lists the other places.

    Compounds of three or four words are compared too, hyphenated and open:
    ``buy-to-let landlords`` beside ``buy to let landlords``, ``like-for-like
    (LFL) sales`` beside ``Like for like sales``. Their open form counts only
    before a noun that a hyphenated place comes before too, in the singular
    or the plural ("week-over-week changes", "the week over week change")
    unless an inner word is "and", "or" or "to"; elsewhere the words are
    usually a phrase of their own ("from ship to shore", "keep it up to
    date"). The first word may be capitalised, as at a sentence's
    start; the others may not ("Stoke-on-Trent" is a name).

    An open form of two words counts only where it does the same job as the hyphenated
    one: before the same noun (``long-term loan`` / ``long term loan``), or,
    for an adjective compound, between a determiner and another noun
    (``our long-term capital plan`` / ``the long term plan``) where the
    document never writes the two words as a noun of their own, or
    between the same two words as a hyphenated place (``a median follow-up
    of`` / ``a median follow up of``), or as a noun after an article or
    "no" at the end of a clause or before a preposition (``a follow-up.`` /
    ``a follow up.``, ``a by-election in``), or before a finite verb when the compound is a verb
    and its particle or the text also writes the hyphenated form as a
    subject (``a follow up fell``, ``the half marathon had``). Style guides
    hyphenate a compound before a noun and leave it open after a verb, so ``a well-known result`` and ``the result
    is well known``, or ``the follow-up visit`` and ``we will follow up``,
    pass. Compounds with ``re-`` before a consonant are left alone, because
    the hyphen there often makes another word (``re-cover``/``recover``,
    ``re-sign``/``resign``); before a vowel it only parts the two vowels
    (``re-elect``/``reelect``). Anything capitalised is left alone too (names
    such as ``Rolls-Royce``).

    The vocabulary decides which form is right: a form listed in
    ``[tool.factlint.vocabulary] accept`` or as a ``prefer`` key is never
    reported, and the others are reported against it. Otherwise, on a tie
    the form met second is reported.

    Why it matters
    --------------
    House style and every style guide ask for one spelling of a term in one
    document. Mixed forms look careless in a submission or a report, and
    search for one form misses the other.

    Fix safety
    ----------
    The suggested edit to the majority form is display-only: which spelling
    the house prefers is the writer's call.

    Flagged
    -------
        Send the form by e-mail. The e-mail address is below. Reply by email.

        The long-term loan was repaid; a long term loan is cheaper.

    Passes
    ------
        It is a well-known result. The result is well known.

        The follow-up visit is in May; nurses will follow up by phone.

        We re-cover the seats. The company will recover its costs.

    """

    code = "CON002"
    name = "hyphenation-consistency"
    severity = "warning"
    # Neither form is wrong as written: the document is inconsistent, and which form goes is a choice.
    confidence = "medium"

    def check(self, doc, facts) -> Iterator[Finding]:
        prose = doc.prose
        if "-" not in prose and "\u2010" not in prose and "\u2011" not in prose:
            return
        vocabulary = self.settings.vocabulary if self.settings is not None else None
        preferred = set()
        if vocabulary is not None:
            preferred = {w.lower() for w in vocabulary.accept} | {w.lower() for w in vocabulary.prefer}
        found = compound_forms(prose, doc.distinct_chunks, screen(doc).compounds, doc.prose_chunks) + phrase_forms(prose)
        for forms in sorted(found, key=lambda forms: forms.hyphenated[0]):
            spellings = _spellings(forms)
            order = sorted(spellings, key=lambda s: (s not in preferred, -len(spellings[s]), spellings[s][0][0]))
            reference = order[0]
            counts = ", ".join(f'"{s}" {len(p)}\u00d7' for s, p in sorted(spellings.items(), key=lambda kv: kv[1][0][0]))
            for spelling in order[1:]:
                if spelling in preferred:
                    continue
                places = spellings[spelling]
                n, m = len(places), len(spellings[reference])
                first, rest = places[0], places[1:]
                related = tuple(Related(s, e, f'"{spelling}" again') for s, e in rest) + tuple(
                    Related(s, e, f'"{reference}"') for s, e in spellings[reference][:_MAX_RELATED]
                )
                edits = tuple(Edit(s, e, _cased(doc.text[s:e], reference)) for s, e in places)
                yield self.finding(
                    first[0],
                    first[1],
                    f'"{spelling}" ({n}\u00d7) is written "{reference}" in {m} other place{"s" if m != 1 else ""}',
                    evidence=f"forms of one compound in this document: {counts}",
                    related=related,
                    fix=Fix(edits, "display", f'Write "{reference}"'),
                )


def _cased(written: str, reference: str) -> str:
    return reference[:1].upper() + reference[1:] if written[:1].isupper() else reference
