"""CON003: British and American spellings mixed in one document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from checker.finding import Edit, Finding, Fix, Related
from checker.rule import Rule

_WORD = re.compile(r"(?<![\w'\u2019\-])[a-z]{3,}(?![\w\-])")
_NAMES = {"en-GB": "British", "en-US": "American"}
_MAX_RELATED = 5
# A variety dominates when it has at least this many words and this many times the other's.
_MIN_DOMINANT = 3
_RATIO = 3


class RegionalSpelling(Rule):
    """British and American spellings mixed in one document.

    What it checks
    --------------
    Finds the words of a document that have a British and an American
    spelling, from the word list of the ``breame`` package (``colour``/
    ``color``, ``tumour``/``tumor``, ``randomised``/``randomized``), and
    reports:

    - one word spelt both ways (``randomised`` and ``randomized``): the less
      frequent spelling;
    - words of the minority variety when one variety clearly dominates (at
      least 3 words and 3 times as many as the other): ``color`` in a
      document that otherwise writes ``centre``, ``favour`` and ``tumour``.
      The message names the dominant variety.

    ``-ize`` is British too (Oxford spelling), so it never counts as
    American; ``-ise`` and ``-ize`` are compared with each other instead.
    Spellings that are standard in both varieties, usually in another sense,
    are never counted: ``program`` (a British computer program),
    ``check``, ``meter``, ``tire``, ``draft``, ``disc``, ``judgment``,
    ``licensed``. Capitalised words are names or sentence starts and are not
    read (the World Health Organization, the Labor Party).

    Why it matters
    --------------
    Journals, regulators and house styles ask for one variety of English in
    one document; mixed spellings usually mean text pasted from elsewhere.

    Fix safety
    ----------
    The suggested respelling is display-only.

    Flagged
    -------
        Patients were randomised to two arms. The randomised arm grew; the
        randomized arm did not.

        The centre painted the theatre and the harbour in its favourite
        colours; the color of the labor office stayed.

    Passes
    ------
        The centre realized a computer program to measure the colour of the tyres.

        The World Health Organization and the Labor Party met at the centre.

    Options
    -------
    ``spelling``: the variety every word must be in, ``"en-US"`` or
    ``"en-GB"``, or ``"consistent"``: whichever the document mostly uses (the
    default). With ``"en-US"`` every British spelling is reported, with
    ``"en-GB"`` every American one (``-ize`` is accepted, and compared with
    ``-ise``).
    """

    code = "CON003"
    name = "regional-spelling"
    severity = "warning"
    # Neither form is wrong as written: the document is inconsistent, and which form goes is a choice.
    confidence = "medium"

    @dataclass(frozen=True, slots=True, kw_only=True)
    class Options:
        spelling: Literal["consistent", "en-US", "en-GB"] = "consistent"

    def check(self, doc, facts) -> Iterator[Finding]:
        from checker.spelling_variety import spellings

        table = spellings()
        # Most documents hold no word of the table: one findall (no Match objects) tells, and only
        # the others are walked again for the places.
        present = table.keys() & set(_WORD.findall(doc.prose))
        if not present:
            return
        places: dict[str, list[tuple[int, int]]] = {}
        for match in _WORD.finditer(doc.prose):
            word = match.group()
            if word in present:
                places.setdefault(word, []).append((match.start(), match.end()))
        if not places:
            return
        mode = self.options.spelling if isinstance(self.options, self.Options) else "consistent"
        reported: set[str] = set()
        # One word spelt both ways: the less frequent spelling.
        for word, spots in places.items():
            other = table[word].counterpart
            if other in places and (len(spots), -spots[0][0]) < (len(places[other]), -places[other][0][0]):
                reported.add(word)
                n, m = len(spots), len(places[other])
                message = f'"{word}" ({n}\u00d7) is spelt "{other}" in {m} other place{"s" if m != 1 else ""}'
                yield self._finding(doc, word, other, spots, places[other], message)
        yield from self._varieties(doc, table, places, reported, mode)
        yield from self._ize(doc, table, places, reported, mode)

    def _varieties(self, doc, table, places, reported, mode) -> Iterator[Finding]:
        by_variety: dict[str, list[str]] = {"en-GB": [], "en-US": []}
        for word in places:
            variety = table[word].variety
            if variety is not None:
                by_variety[variety].append(word)
        count = {v: sum(len(places[w]) for w in words) for v, words in by_variety.items()}
        if mode == "consistent":
            gb, us = count["en-GB"], count["en-US"]
            major = "en-GB" if gb > us else "en-US"
            minor = "en-US" if major == "en-GB" else "en-GB"
            if count[major] < _MIN_DOMINANT or count[major] < _RATIO * count[minor]:
                return
        else:
            major = mode
            minor = "en-US" if mode == "en-GB" else "en-GB"
        examples = ", ".join(f'"{w}"' for w in sorted(by_variety[major], key=lambda w: places[w][0][0])[:3])
        for word in by_variety[minor]:
            if word in reported:
                continue
            reported.add(word)
            other = table[word].counterpart
            if mode == "consistent":
                why = f"this document otherwise writes {_NAMES[major]} English ({count[major]} words such as {examples})"
            else:
                why = f"the configured spelling is {mode}"
            message = f'"{word}" is the {_NAMES[minor]} spelling ({_NAMES[major]}: "{other}"); {why}'
            yield self._finding(doc, word, other, places[word], places.get(other, []), message)

    def _ize(self, doc, table, places, reported, mode) -> Iterator[Finding]:
        if mode == "en-US":
            return  # -ise is reported as British above
        ise = [w for w in places if table[w].ize and table[w].variety == "en-GB"]
        ize = [w for w in places if table[w].ize and table[w].variety is None]
        n_ise, n_ize = sum(len(places[w]) for w in ise), sum(len(places[w]) for w in ize)
        if max(n_ise, n_ize) < _MIN_DOMINANT or max(n_ise, n_ize) < _RATIO * min(n_ise, n_ize):
            return
        major, minor = ("-ise", ize) if n_ise > n_ize else ("-ize", ise)
        examples = ", ".join(f'"{w}"' for w in sorted(ise if major == "-ise" else ize, key=lambda w: places[w][0][0])[:3])
        for word in minor:
            if word in reported:
                continue
            reported.add(word)
            other = table[word].counterpart
            message = f'"{word}" is spelt with {"-ize" if major == "-ise" else "-ise"}; this document otherwise writes {major} ({examples})'
            yield self._finding(doc, word, other, places[word], places.get(other, []), message)

    def _finding(self, doc, word, other, spots, others, message) -> Finding:
        first, rest = spots[0], spots[1:]
        related = tuple(Related(s, e, f'"{word}" again') for s, e in rest) + tuple(Related(s, e, f'"{other}"') for s, e in others[:_MAX_RELATED])
        fix = Fix(tuple(Edit(s, e, other) for s, e in spots), "display", f'Write "{other}"')
        return self.finding(first[0], first[1], message, evidence=f'"{word}" {len(spots)}\u00d7, "{other}" {len(others)}\u00d7', related=related, fix=fix)
