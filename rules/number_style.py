"""CON005: numbers written in two styles in one document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from checker.finding import Edit, Finding, Fix, Related
from checker.patterns import LazyPattern, has_digit
from checker.rule import Rule

_MAX_RELATED = 5
# "consistent": the majority style needs at least this many numbers and this many times the other's.
_PERCENT_FORMS = frozenset({"%", "percent", "per cent"})
_NUMBERS_MIN = 3
_NUMBERS_RATIO = 2
_SINGULAR = LazyPattern(r"\b(percentage|number|ordinal|unit|amount)s\b")


def _numeral(value: int, ordinal: bool) -> str:
    if not ordinal:
        return str(value)
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def _the_other(n: int, what: str) -> str:
    """ "the other 2 percentages here are" / "the other percentage here is": ``what`` is plural."""
    if n == 1:
        one = _SINGULAR.sub(r"\1", what, count=1)
        return f"the other {one} here is"
    return f"the other {n} {what} here are"


def _spacing(form: str) -> str:
    return "with a space before the unit" if form == "spaced" else "without a space before the unit"


class NumberStyle(Rule):
    """Numbers written in two styles in one document: ``10%`` and ``10 per cent``, ``1,500`` and ``15000``, ``5 mg`` and ``5mg``.

    What it checks
    --------------
    Four questions of house style, each answered two ways in one document:

    - percentages: ``10%``, ``10 percent`` and ``10 per cent``;
    - thousands separators: ``12,500`` beside ``14500``, compared among
      numbers of five digits or more, and among four-digit ones (``$1,500``
      beside ``$1500``) apart, since many house styles drop the comma in
      four-digit numbers only. Years and numbers that name or code
      something (``Windows 2000``, ``No. 1500``, ``ISO 9001``) are not
      read, nor a bare four-digit number without a currency sign, unless
      it counts what the plural noun after it names ("1286 pieces", not a
      year of 1900 to 2100) where the document writes four-digit numbers
      with a separator at least twice as often: such a count may be
      reported, never set the style;
    - units: ``5 mg`` beside ``5mg`` (units of measure and of data; ``m``
      is not read, since ``£5m`` is five million);
    - scales of money: ``£85m`` beside ``£640 million``, ``$4.2bn`` beside
      ``$4.2 billion``.

    The less frequent form is reported at its first place, with the counts
    of each form and the other places. Tables are not read, but for the
    separators of amounts of money (``$2214`` in a column of ``$2,486``): a
    ``%`` in a table beside "percent" in the text is the usual style.

    The vocabulary chooses the percent style: ``"%"``, ``"percent"`` or
    ``"per cent"`` in ``[tool.factlint.vocabulary] accept`` or as a
    ``prefer`` key is never reported and the other styles are reported
    against it; a style listed as a ``prefer`` variant (``prefer = {"per
    cent" = ["percent", "%"]}``) is reported even when the document writes
    no other.

    With the ``numbers`` option (off by default) it also reads whether small
    numbers are written in numerals or in words (``4 patients`` or ``four
    patients``), in one of three styles:

    - ``"consistent"``: numbers from one to nine, numbers from 10 to 100,
      and the ordinals of each, are four kinds; a kind written one way at
      least 3 times and twice as often as the other way makes the other
      way's numbers findings;
    - ``"ap"``: words for one to nine, numerals from 10 (ordinals alike:
      ``fourth``, ``12th``);
    - ``"chicago"``: words for every whole number up to one hundred.

    Only numbers both guides leave to the house style are read. Left alone:
    numerals with units, percentages, money, multiples and ``million``
    (``5 mg``, ``3%``, ``$4``, ``3 million``), ages (``aged 7``, ``Mrs Hassan,
    59,``, ``a 7-year-old``), dates and times (``5 May``, ``6 to 9
    January``, ``7 pm``), scores and dashed ranges (``3-1``), decimals,
    numbers that name or number something (``page 4``, ``Phase 3``, ``No.
    1``, ``version 2``, ``Key Stages 1, 3 and 4``, ``10 Downing Street``,
    ``Halo 2``), list markers; a number opening a sentence (spelled out in
    both guides); a numeral in the same sentence as a larger one (one series
    is written alike: ``between 8 and 12``); words in compounds and
    fractions (``five-year``, ``two-thirds``, ``one fifth``), ``one``,
    ``first`` and ``second`` (pronouns, idioms and units as often as
    numbers: ``no one``, ``one day``, ``a second``), capitalised words
    (``Formula One``) and idioms (``one or two``, ``one in ten``); headings,
    title lines and tables.

    Off by default: the styles are a house choice, and on real prose (every
    finding judged on the BBC news and TAT-QA corpora, kept in
    ``bench/judged/CON005-numbers-*.csv``) ``"ap"`` is right on 24 of 33
    lines (72.7%; the misses are a company named "3" and a number in a
    calculation), ``"chicago"`` on 362 of its 439 lines (82.5%; 84 of a
    random sample of 100, ``python bench/judged_consistency.py --numbers
    chicago --sample 100``, seed 2026; the misses are mostly ages the rule
    does not recognise, then a larger number of the same kind nearby, names
    and labels such as the operator "3" or an "18 certificate", and units
    written out), ``"consistent"`` on its 2 findings (too few to vouch for
    it: those documents seldom mix styles).

    Why it matters
    --------------
    House styles and journals fix one way to write numbers; two ways in one
    document look careless, and a missing separator makes ``15000`` easy to
    misread by a factor of ten.

    Flagged
    -------
        Sales rose 12% in March, 9% in April and 4 per cent in May.

        Each tablet holds 5 mg; the syrup holds 10 mg per dose and the patch 20mg.

    With ``numbers = "consistent"``:

        Three nurses came. We saw five wards, seven clinics and two labs, and 4 patients left.

    Passes
    ------
        Sales rose 12 per cent in March and 9 per cent in April.

        The 2019 report counted 1500 stores, 12,000 staff and 45,000 customers.

    With ``numbers = "ap"``:

        Four nurses saw 12 patients on 5 May; no one left, and the 3-1 score stood on page 4.

    Options
    -------
    ``percent``: whether percent styles are compared (default true).
    ``separators``: whether thousands separators are compared (default true).
    ``units``: whether the space before units is compared (default true).
    ``scales``: whether "m" and "bn" are compared with "million" and
    "billion" after a currency sign (default true).
    ``numbers``: how small numbers are written, one of off, consistent, ap
    and chicago (default off; see above). ``"consistent"`` follows the
    document's own majority, ``"ap"`` and ``"chicago"`` those guides.

    Fix safety
    ----------
    The suggested numeral or word of the ``numbers`` check is display-only.
    """

    code = "CON005"
    name = "number-style"
    severity = "warning"
    # Neither form is wrong as written: the document is inconsistent, and which form goes is a choice.
    confidence = "medium"

    @dataclass(frozen=True, slots=True, kw_only=True)
    class Options:
        percent: bool = True
        separators: bool = True
        units: bool = True
        scales: bool = True
        numbers: Literal["off", "consistent", "chicago", "ap"] = "off"

    def check(self, doc, facts) -> Iterator[Finding]:
        if not has_digit(doc.prose):
            return
        from checker.number_style import styles

        options = self.options if isinstance(self.options, self.Options) else self.Options()
        found = styles(doc)
        if options.percent:
            preferred, rejected = self._percent_vocabulary()
            yield from self._compare(doc, found.percent, "percentages", lambda form: f'with "{form}"', preferred)
            for form, wanted in rejected.items():
                if form in found.percent and len(found.percent) == 1:
                    for s, e in found.percent[form]:
                        yield self.finding(s, e, f'"{doc.text[s:e]}" is written with "{form}"; the vocabulary prefers "{wanted}"')
        if options.separators:
            for size in ("four-digit", "five-digit or longer"):
                group = {form: places for form, places in found.thousands.items() if form.startswith(size)}
                yield from self._compare(doc, group, f"{size} numbers", lambda form: form.split(" numbers ")[1])
        if options.units:
            yield from self._compare(doc, found.units, "units", _spacing)
        if options.scales:
            yield from self._compare(doc, found.scales, "amounts of money", lambda form: f"with {form}")
        if options.numbers != "off":
            yield from self._numbers(doc, options.numbers)

    def _numbers(self, doc, mode: str) -> Iterator[Finding]:
        from checker.number_words import number_words, spelled

        written = [w for w in number_words(doc) if not w.excused]
        if mode == "consistent":
            yield from self._numbers_consistent(doc, written)
            return
        for w in written:
            if mode == "ap" and w.numeral == (w.value < 10):
                want = "words" if w.numeral else "numerals"
                why = "AP style spells out numbers from one to nine and writes 10 and above in numerals"
            elif mode == "chicago" and w.numeral:
                want, why = "words", "Chicago style spells out whole numbers from one to one hundred"
            else:
                continue
            text = doc.text[w.start : w.end]
            replacement = spelled(w.value, w.ordinal) if want == "words" else _numeral(w.value, w.ordinal)
            yield self.finding(
                w.start,
                w.end,
                f'"{text}" is written in {"numerals" if w.numeral else "words"}; {why} ("{replacement}")',
                evidence=f"configured number style: {mode}",
                fix=Fix((Edit(w.start, w.end, replacement),), "display", f'Write "{replacement}"'),
            )

    def _numbers_consistent(self, doc, written) -> Iterator[Finding]:
        from checker.number_words import spelled

        classes: dict[str, list] = {}
        for w in written:
            size = "from one to nine" if w.value < 10 else "from 10 to 100"
            classes.setdefault(f"{'ordinals' if w.ordinal else 'numbers'} {size}", []).append(w)
        for what, items in classes.items():
            numerals = [w for w in items if w.numeral]
            words = [w for w in items if not w.numeral]
            major, minor = (numerals, words) if len(numerals) > len(words) else (words, numerals)
            if len(major) < _NUMBERS_MIN or len(major) < _NUMBERS_RATIO * len(minor):
                continue
            style = "numerals" if major is numerals else "words"
            example = doc.text[major[0].start : major[0].end]
            counts = f"{what}: in numerals {len(numerals)}\u00d7, in words {len(words)}\u00d7"
            for w in minor:
                text = doc.text[w.start : w.end]
                replacement = spelled(w.value, w.ordinal) if style == "words" else _numeral(w.value, w.ordinal)
                related = tuple(Related(o.start, o.end, f"in {style}") for o in major[:_MAX_RELATED])
                yield self.finding(
                    w.start,
                    w.end,
                    f'"{text}" is written in {"words" if style == "numerals" else "numerals"}; '
                    f'{_the_other(len(major), what)} written in {style} ("{example}")',
                    evidence=counts,
                    related=related,
                    fix=Fix((Edit(w.start, w.end, replacement),), "display", f'Write "{replacement}"'),
                )

    def _percent_vocabulary(self) -> tuple[set[str], dict[str, str]]:
        """Percent styles the vocabulary accepts (``accept``, ``prefer`` keys), and each rejected one's preferred style."""
        vocabulary = self.settings.vocabulary if self.settings is not None else None
        if vocabulary is None:
            return set(), {}
        preferred = {w.lower() for w in (*vocabulary.accept, *vocabulary.prefer)} & _PERCENT_FORMS
        rejected = {
            v.lower(): wanted.lower()
            for wanted, variants in vocabulary.prefer.items()
            for v in variants
            if v.lower() in _PERCENT_FORMS and wanted.lower() in _PERCENT_FORMS
        }
        return preferred, rejected

    def _compare(self, doc, forms: dict[str, list[tuple[int, int]]], what: str, label, preferred: frozenset[str] | set[str] = frozenset()) -> Iterator[Finding]:
        if len(forms) < 2:
            return
        order = sorted(forms, key=lambda f: (f not in preferred, -len(forms[f]), forms[f][0][0]))
        reference = order[0]
        counts = ", ".join(f"{label(f)} {len(forms[f])}\u00d7" for f in order)
        for form in order[1:]:
            if form in preferred:
                continue
            places = forms[form]
            first = places[0]
            written = doc.text[first[0] : first[1]]
            example = doc.text[forms[reference][0][0] : forms[reference][0][1]]
            related = tuple(Related(s, e, "the same style again") for s, e in places[1:]) + tuple(
                Related(s, e, f"{label(reference)}") for s, e in forms[reference][:_MAX_RELATED]
            )
            m = len(forms[reference])
            yield self.finding(
                first[0],
                first[1],
                f'"{written}" is written {label(form)}; {_the_other(m, what)} written {label(reference)} ("{example}")',
                evidence=f"{what} in this document: {counts}",
                related=related,
            )
