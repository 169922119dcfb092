"""How a document writes its numbers: percent signs or words, thousands separators, unit spacing (CON005).

``styles(doc)`` returns, for each of three questions of house style, the
places written each way:

- ``percent``: ``10%``, ``10 percent``, ``10 per cent``;
- ``thousands``: ``1,500`` or ``1500``, in two classes (four digits, and five or
  more), because many house styles drop the comma in four-digit numbers only.
  Years, and numbers that are names or codes (``Windows 2000``, ``No. 1500``,
  ``ISO 9001``, ``#1200``, a number to dial or to text, ``text STATUS to
  27750``, a number inside a word or after a hyphen, a number with a leading
  zero, ``company number 04418826``, a reference joined to another by a
  slash, ``Case number: 1804417/2025``) are not
  quantities and are not read; a four-digit number counts only after a
  currency sign or with its comma;
- ``units``: ``5 mg`` or ``5mg``, for units of measure and of data (``m``
  is left out: ``£5m`` is five million);
- ``scales``: ``£85m`` or ``£85 million``, ``$4.2bn`` or ``$4.2 billion``, for
  amounts of money.

Tables (pipe tables, and column-aligned tables in plain text) are not read,
but for the separators of amounts of money: a table's ``%`` beside the text's
"percent" is the usual house style (AP, Chicago), while ``$2214`` in a column of
``$2,486`` and ``$1,958`` is a slip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.number_searches import searches
from checker.patterns import LazyPattern

# Names and codes: a capitalised word or an id marker right before the number.
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][A-Za-z]*|\bNo\.?|\bno\.|#|\bNos?\.)[ \u00a0]$")
# Numbers to dial or to text: "texting STATUS to 27750", "call 18005550163", "PIN 12345".
_DIALLED_BEFORE = re.compile(r"\b(?:(?:text(?:ing)?|sms)\s+(?:\w+\s+)?to|dial(?:l?ing)?|call(?:ing)?|phone|fax|pin|code|ext\.?|extension)[ \u00a0]$", re.I)


@dataclass
class Styles:
    """Places written each way, by question and form."""

    percent: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    thousands: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    units: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    scales: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


# An amount of money with its scale abbreviated ("£85m", "$4.2bn", "€1.5 bn") or written out ("£85 million").
_SCALED_MONEY = LazyPattern(
    r"[$\u00a3\u20ac](?<![\w.,].)\d[\d,]*(?:\.\d+)?(?:(?P<short>\s?(?:m|bn)(?![\w\u00b2\u00b3]))|\s+(?P<long>million|billion)\b)"
)


def _is_name(prose: str, start: int) -> bool:
    return bool(_NAME_BEFORE.search(prose, max(0, start - 12), start) or _DIALLED_BEFORE.search(prose, max(0, start - 30), start))


def _in_code(prose: str, start: int, end: int) -> bool:
    """Whether the digits at ``start:end`` are joined by a slash to other digits or letters ("1804417/2025",
    "2025/1804417"), by a hyphen to letters ("AB-123456"), or by one blank to digits before them, as the groups of a
    telephone number are ("07700 900412"); "10000-20000" is a range of amounts."""
    after = prose[end : end + 2]
    before = prose[max(0, start - 2) : start]
    if len(after) == 2 and (after[0] == "/" and after[1].isalnum() or after[0] == "-" and after[1].isalpha()):
        return True
    return len(before) == 2 and (
        before[1] == "/" and before[0].isalnum() or before[1] == "-" and before[0].isalpha() or before[1] in " \u00a0" and before[0].isdigit()
    )


# A plural noun right after a number: what it counts ("1286 pieces of worked flint", "9842 attendances").
_COUNTED_NOUN = LazyPattern(r"[ \t]+[a-z]{2,}s\b(?!['’-])")


# Before a count inside a sentence: a lower-case word or a comma ("saw 9842 attendances", ", 1286 pieces"), not a
# clause's start, where a number may be a name ("... the bypass: 8131 does not price"). (After "and" such a name
# before a verb in -s, "and 8279 reuses", is still read as a count.)
_INSIDE_BEFORE = LazyPattern(r"(?:[a-z]|,)[ \t]+$")


def _count_of(prose: str, start: int, end: int, digits: str) -> bool:
    """Whether four bare digits at ``start:end`` count something: a plural noun follows, a word or a comma of the
    sentence stands before, and they are no year of the last two centuries ("2025 prices" is a year as a modifier)."""
    return (
        not 1900 <= int(digits) <= 2100
        and _COUNTED_NOUN.match(prose, end) is not None
        and _INSIDE_BEFORE.search(prose, max(0, start - 3), start) is not None
    )


def _add_counts(grouped: dict[str, list[tuple[int, int]]], plain: dict[str, list[tuple[int, int]]], counts: list[tuple[int, int]]) -> None:
    """The bare four-digit counts join the four-digit numbers written without a separator only where those written
    with one are at least two, and at least twice as many as all without: a count may be reported, never be the style
    the others are reported against (a technical text's "4096 bytes" beside one "8,192")."""
    with_form, without_form = "four-digit numbers with a thousands separator", "four-digit numbers without a thousands separator"
    separated = len(grouped.get(with_form, []))
    bare = plain.get(without_form, [])
    if separated >= 2 and separated >= 2 * (len(bare) + len(counts)):
        plain[without_form] = sorted(bare + counts)


def _text_table_spans(doc, percent_or_unit: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The spans of a plain-text document's column-aligned tables, when it writes percentages both with "%" and
    in words (the only case where a table's "%" could be counted against the text's words)."""
    forms = {form for _, _, form in percent_or_unit}
    if doc.format == "markdown" or "%" not in forms or not forms & {"percent", "per cent"}:
        return []
    from checker.line_tables import line_tables

    spans = []
    for table in line_tables(doc):
        if table.kind == "text":
            cells = [cell for row in (table.header, *table.rows) for cell in row]
            spans.append((min(c.start for c in cells), max(c.end for c in cells)))
    return spans


def styles(doc) -> Styles:
    """The document's number styles (see the module docstring)."""
    prose = doc.prose
    percent_or_unit, numbers = searches(prose)
    out = Styles()
    units: dict[str, list[tuple[int, int]]] = {}
    text_tables = _text_table_spans(doc, percent_or_unit)
    for start, end, form in percent_or_unit:
        if doc.in_table(start) or any(s <= start < e for s, e in text_tables):
            continue
        if form in ("spaced", "unspaced"):
            units.setdefault(form, []).append((start, end))
        else:
            out.percent.setdefault(form, []).append((start, end))
    plain: dict[str, list[tuple[int, int]]] = {}
    counts: list[tuple[int, int]] = []  # bare four-digit counts ("1286 pieces"): read only beside a clear majority
    for start, end, grouped in numbers:
        currency = 1 if prose[start] in "$\u00a3\u20ac" else 0
        digits = prose[start + currency : end].replace(",", "")
        if not currency and (doc.in_table(start) or _is_name(prose, start)):
            continue  # (an amount of money is read in a table too: "| $2,486 | $2214 |")
        if len(digits) == 4 and not grouped and not currency:
            if _count_of(prose, start, end, digits) and not _in_code(prose, start, end):
                counts.append((start, end))
            continue  # a year, a code or a count: four bare digits say little
        if digits.startswith("0") and not grouped:
            continue  # "company number 04418826": no amount is written with a leading zero
        if not grouped and not currency and _in_code(prose, start, end):
            continue  # "Case number: 1804417/2025": a reference joined to another number
        size = "four-digit" if len(digits) == 4 else "five-digit or longer"
        form = f"{size} numbers with a thousands separator" if grouped else f"{size} numbers without a thousands separator"
        (out.thousands if grouped else plain).setdefault(form, []).append((start + currency, end))
    if counts:
        _add_counts(out.thousands, plain, counts)
    out.thousands.update(plain)  # the forms with separators first, as the forms are named in messages
    out.units = units
    if "$" in prose or "\u00a3" in prose or "\u20ac" in prose:
        for match in _SCALED_MONEY.finditer(prose):
            if not doc.in_table(match.start()):
                form = "the scale abbreviated" if match.group("short") else "the scale in words"
                out.scales.setdefault(form, []).append(match.span())
    return out
