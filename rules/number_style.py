"""CON005: numbers written in two styles in one document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checker.finding import Finding, Related
from checker.rule import Rule

_MAX_RELATED = 5


def _spacing(form: str) -> str:
    return "with a space before the unit" if form == "spaced" else "without a space before the unit"


class NumberStyle(Rule):
    """Numbers written in two styles in one document: ``10%`` and ``10 per cent``, ``1,500`` and ``15000``, ``5 mg`` and ``5mg``.

    What it checks
    --------------
    Three questions of house style, each answered two ways in one document:

    - percentages: ``10%``, ``10 percent`` and ``10 per cent``;
    - thousands separators: ``12,500`` beside ``14500``, compared among
      numbers of five digits or more, and among four-digit ones (``$1,500``
      beside ``$1500``) apart, since many house styles drop the comma in
      four-digit numbers only. Years and numbers that name or code
      something (``Windows 2000``, ``No. 1500``, ``ISO 9001``) are not
      read, nor a bare four-digit number without a currency sign;
    - units: ``5 mg`` beside ``5mg`` (units of measure and of data; ``m``
      is not read, since ``£5m`` is five million).

    The less frequent form is reported at its first place, with the counts
    of each form and the other places. Tables are not read: a ``%`` in a
    table beside "percent" in the text is the usual style.

    Why it matters
    --------------
    House styles and journals fix one way to write numbers; two ways in one
    document look careless, and a missing separator makes ``15000`` easy to
    misread by a factor of ten.

    Flagged
    -------
        Sales rose 12% in March, 9% in April and 4 per cent in May.

        Each tablet holds 5 mg; the syrup holds 10 mg per dose and the patch 20mg.

    Passes
    ------
        Sales rose 12 per cent in March and 9 per cent in April.

        The 2019 report counted 1500 stores, 12,000 staff and 45,000 customers.

    Options
    -------
    ``percent``: whether percent styles are compared (default true).
    ``separators``: whether thousands separators are compared (default true).
    ``units``: whether the space before units is compared (default true).
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

    def check(self, doc, facts) -> Iterator[Finding]:
        if not any(c.isdigit() for c in doc.prose):
            return
        from checker.number_style import styles

        options = self.options if isinstance(self.options, self.Options) else self.Options()
        found = styles(doc)
        if options.percent:
            yield from self._compare(doc, found.percent, "percentages", lambda form: f'with "{form}"')
        if options.separators:
            for size in ("four-digit", "five-digit or longer"):
                group = {form: places for form, places in found.thousands.items() if form.startswith(size)}
                yield from self._compare(doc, group, f"{size} numbers", lambda form: form.split(" numbers ")[1])
        if options.units:
            yield from self._compare(doc, found.units, "units", _spacing)

    def _compare(self, doc, forms: dict[str, list[tuple[int, int]]], what: str, label) -> Iterator[Finding]:
        if len(forms) < 2:
            return
        order = sorted(forms, key=lambda f: (-len(forms[f]), forms[f][0][0]))
        reference = order[0]
        counts = ", ".join(f"{label(f)} {len(forms[f])}\u00d7" for f in order)
        for form in order[1:]:
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
                f'"{written}" is written {label(form)}; the other {m} {what} here are written {label(reference)} ("{example}")',
                evidence=f"{what} in this document: {counts}",
                related=related,
            )
