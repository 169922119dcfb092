"""CON004: one multi-word term capitalised two ways in one document."""

from __future__ import annotations

from collections.abc import Iterator

from checker.finding import Edit, Finding, Fix, Related
from checker.rule import Rule

_MAX_RELATED = 5


class CapitalisationConsistency(Rule):
    """One multi-word term capitalised in two ways in one document (off by default).

    What it checks
    --------------
    Groups the runs of two to four words that begin and end with a content
    word (``Board of Directors``, ``Phase 3``, ``Labour Party``) by their
    words and reports the less frequent capitalisation: ``phase 3`` in a
    document that writes ``Phase 3`` elsewhere, ``board of directors`` beside
    ``Board of Directors``. The finding sits on the first place of the
    minority form, with counts and the other places.

    Capitals that say nothing are not counted: the first word of a sentence,
    headings and title-like lines, anything directly before or after another
    capitalised word (a title before a name, ``Prime Minister Tony Blair``;
    a piece of a longer name, ``Royal Bank of Scotland``) and words in
    capitals. Single words are not compared (``State``/``state``,
    ``Bill``/``bill`` are different words as often as not).

    Off by default: its precision on real prose is below the 90% bar, 68%
    (60 of 88 findings judged true on the BBC news and TAT-QA corpora,
    ``bench/judged/CON.csv``): about 85% on news stories, under 20% on annual reports, which
    capitalise defined terms ("the Credit Facilities") and cited titles
    ("ASC 740, Income Taxes") on purpose beside the generic phrase. Enable
    it where a house style fixes the capitals of terms.

    A form written in ``[tool.factlint.vocabulary] accept`` or as a
    ``prefer`` key, capitals as listed, is never reported, and the other
    forms of its term are reported against it whatever the counts.

    Why it matters
    --------------
    House styles fix the capitals of defined terms, titles and trial phases;
    two forms in one document look careless and can suggest two different
    things (the Board of a company and any board).

    Fix safety
    ----------
    The suggested edit to the majority form is display-only.

    Flagged
    -------
        Enrolment in the Phase 3 study closed in May. The Phase 3 results are
        due in June, and a phase 3 extension is planned.

    Passes
    ------
        The prime minister spoke. Prime Minister Tony Blair left.

        Phase 3 data are due. Three phase 2 trials ended.
    """

    code = "CON004"
    name = "capitalisation-consistency"
    severity = "warning"
    confidence = "medium"
    default_enabled = False

    def check(self, doc, facts) -> Iterator[Finding]:
        from checker.capitals import term_forms

        vocabulary = self.settings.vocabulary if self.settings is not None else None
        # The vocabulary's forms, as written: capitals are the question here.
        preferred = set(vocabulary.accept) | set(vocabulary.prefer) if vocabulary is not None else set()
        reported: list[tuple[int, int]] = []
        for term in sorted(term_forms(doc), key=lambda t: -len(t.key.split())):
            order = sorted(term.forms, key=lambda f: (f not in preferred, -len(term.forms[f]), term.forms[f][0][0]))
            reference = order[0]
            counts = ", ".join(f'"{f}" {len(term.forms[f])}\u00d7' for f in order)
            for form in order[1:]:
                if form in preferred:
                    continue
                places = term.forms[form]
                if any(s <= places[0][0] and places[0][1] <= e for s, e in reported):
                    continue
                reported.extend(places)
                n, m = len(places), len(term.forms[reference])
                related = tuple(Related(s, e, f'"{form}" again') for s, e in places[1:]) + tuple(
                    Related(s, e, f'"{reference}"') for s, e in term.forms[reference][:_MAX_RELATED]
                )
                yield self.finding(
                    places[0][0],
                    places[0][1],
                    f'"{form}" ({n}\u00d7) is capitalised "{reference}" in {m} other place{"s" if m != 1 else ""}',
                    evidence=f"capitals of one term outside sentence starts and headings: {counts}",
                    related=related,
                    fix=Fix(tuple(Edit(s, e, reference) for s, e in places), "display", f'Write "{reference}"'),
                )
