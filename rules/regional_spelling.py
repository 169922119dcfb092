"""CON003: British and American spellings mixed in one document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from checker.finding import Edit, Finding, Fix, Related
from checker.rule import Rule
from checker.word_screen import screen

# A word is a run of three or more lower-case letters (``checker.word_screen``), with no word
# character, apostrophe or hyphen before it and no word character or hyphen after it.
_NOT_BEFORE = "'\u2019-_"
_NOT_AFTER = "-_"
_NAMES = {"en-GB": "British", "en-US": "American"}
_MAX_RELATED = 5
# A variety dominates when it has at least this many words and this many times the other's.
_MIN_DOMINANT = 3
_RATIO = 3


def _vocabulary(settings) -> tuple[set[str], dict[str, str]]:
    """The spellings the vocabulary accepts (``accept`` and ``prefer`` keys), and each rejected one's preferred form."""
    vocabulary = settings.vocabulary if settings is not None else None
    if vocabulary is None:
        return set(), {}
    preferred = {w.lower() for w in vocabulary.accept} | {w.lower() for w in vocabulary.prefer}
    rejected = {variant.lower(): wanted.lower() for wanted, variants in vocabulary.prefer.items() for variant in variants}
    return preferred, rejected


def _places(prose: str, word: str) -> list[tuple[int, int]]:
    """The spans where ``word`` (lower-case letters) stands as a word of its own."""
    out = []
    size = len(word)
    at = prose.find(word)
    while at != -1:
        end = at + size
        before = prose[at - 1] if at else " "
        after = prose[end] if end < len(prose) else " "
        if not (before.isalnum() or before in _NOT_BEFORE or after.isalnum() or after in _NOT_AFTER):
            out.append((at, end))
        at = prose.find(word, at + 1)
    return out


def _one_side(table, words: set[str]) -> bool:
    """Whether ``words`` are all British forms or all not: then no finding is possible without a configured spelling
    or a rejected variant, since every pair has one British form (``-ise`` is British, ``-ize`` has no variety), a
    word spelt both ways needs both, and a minority variety or ``-ise``/``-ize`` form needs the other side present."""
    return len({table[word].variety == "en-GB" for word in words}) < 2


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

    The vocabulary has the last word: a spelling listed in
    ``[tool.factlint.vocabulary] accept`` or as a ``prefer`` key is never
    reported (its counterpart is, wherever both are written), and one listed
    as a ``prefer`` variant is always reported.

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
        prose = doc.prose
        # The runs of lower-case letters hold every word of the table the document writes; only
        # those are then found, each by a literal search.
        present = screen(doc).spellings
        if not present:
            return
        mode = self.options.spelling if isinstance(self.options, self.Options) else "consistent"
        preferred, rejected = _vocabulary(self.settings)
        if mode == "consistent" and not rejected and _one_side(table, present):
            return
        found = {word: spots for word in present if (spots := _places(prose, word))}
        if not found:
            return
        places = dict(sorted(found.items(), key=lambda item: item[1][0]))  # in the order of the text
        # Spellings the vocabulary accepts are never reported; those it rejects always are.
        reported: set[str] = set(preferred)
        for word, spots in places.items():
            other = table[word].counterpart
            if word in rejected and word not in preferred:
                reported.add(word)
                wanted = rejected[word]
                message = f'"{word}" is listed as a variant of "{wanted}" in the vocabulary'
                yield self._finding(doc, word, wanted, spots, places.get(wanted, []), message)
        # One word spelt both ways: the less frequent spelling, or the one the vocabulary does not list.
        for word, spots in places.items():
            other = table[word].counterpart
            if word in reported or other not in places:
                continue
            fewer = (len(spots), -spots[0][0]) < (len(places[other]), -places[other][0][0])
            if other in preferred or (fewer and other not in reported):
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
