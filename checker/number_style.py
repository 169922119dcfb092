"""How a document writes its numbers: percent signs or words, thousands separators, unit spacing (CON005).

``styles(doc)`` returns, for each of three questions of house style, the
places written each way:

- ``percent``: ``10%``, ``10 percent``, ``10 per cent``;
- ``thousands``: ``1,500`` or ``1500``, in two classes (four digits, and five or
  more), because many house styles drop the comma in four-digit numbers only.
  Years, and numbers that are names or codes (``Windows 2000``, ``No. 1500``,
  ``ISO 9001``, ``#1200``, a number inside a word or after a hyphen) are not
  quantities and are not read; a four-digit number counts only after a
  currency sign or with its comma;
- ``units``: ``5 mg`` or ``5mg``, for units of measure and of data (``m``
  is left out: ``£5m`` is five million).

Tables are not read: a table's ``%`` beside the text's "percent" is the usual
house style (AP, Chicago).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from checker.extract.unicode_chars import only_ascii_digits
from checker.patterns import LazyPattern

_CURRENCY = "$\u00a3\u20ac"
_UNITS = (
    "mg|g|kg|mcg|\u00b5g|ng|ml|mL|km|cm|mm|nm|\u00b5m|kb|KB|MB|GB|TB|Mb|Gb|Kbps|kbps|Mbps|Gbps|Hz|kHz|MHz|GHz|"
    "kW|MW|GW|kWh|MWh|mAh|mph|kph|lb|lbs|oz|ft|mmHg|mmol|mol|IU"
)


def _patterns(digit: str) -> tuple[LazyPattern, LazyPattern]:
    """The searches for percentages and units, and for thousands; ``digit`` is what a class of decimal digits holds.

    Each pattern begins with the character class of its first character, so that a search skips
    ahead to the candidates; the look-behind that a number starts clean comes after that character.
    """
    d = f"[{digit}]"
    number = rf"{d}(?<![\w.,]{d}){d}*(?:[.,]{d}+)*"
    # A percentage or an amount with a unit, in one search: both begin with a whole number (a match
    # never ends inside one), so the two never overlap nor both match at one place.
    percent_or_unit = rf"{number}(?:(%)|[ \u00a0]((?i:percent))\b|[ \u00a0]((?i:per cent))\b|([ \u00a0]?)({_UNITS})(?![\w]))"
    # Four or more digits with or without thousands separators, in one search (at one place at most
    # one of the two can match, and neither match holds another's start).
    thousands = (
        rf"[$\u00a3\u20ac{digit}](?<![\w.,\-/#].)"
        rf"(?:(?:(?<={d}){d}{{0,2}}|(?<=[$\u00a3\u20ac]){d}{{1,3}})(?:,{d}{{3}})+(?![\w,]|\.{d})"
        rf"|((?<={d}){d}{{3,}}|(?<=[$\u00a3\u20ac]){d}{{4,}})(?![\w,]|\.{d}))"
    )
    return LazyPattern(percent_or_unit), LazyPattern(thousands)


# By whether the text's only decimal digits are 0-9: the patterns are then written with ``[0-9]`` for
# ``\d``, which match alike there, and re tests a range of ASCII characters faster than the Unicode
# category (both searches over the 10 MB sample: 0.19 -> 0.11 CPU s).
_PATTERNS = {False: _patterns(r"\d"), True: _patterns("0-9")}


# In ASCII text the searches run on its bytes with every digit made "0" (bytes.translate): the searches
# then begin with a literal character, which re skips to many times faster than to a class (those over
# the 10 MB sample's ASCII documents: 0.055 -> 0.016 CPU s). Offsets are the text's; the units outside
# ASCII are left out, and the one currency sign is "$" (a "$" search of its own, merged by position).
_DIGITS_AS_ZERO = bytes.maketrans(b"0123456789", b"0000000000")
_ASCII_UNITS = "|".join(unit for unit in _UNITS.split("|") if unit.isascii())


@cache
def _ascii_searches() -> tuple[re.Pattern[bytes], re.Pattern[bytes], re.Pattern[bytes]]:
    """The percent-or-unit search, and the thousands search from a digit and from "$", on such bytes."""
    percent_or_unit = rb"0(?<![\w.,]0)0*(?:[.,]0+)*(?:(%)|[ ]((?i:percent))\b|[ ]((?i:per cent))\b|([ ]?)(" + _ASCII_UNITS.encode() + rb")(?![\w]))"
    tail = rb"(?![\w,]|\.0)"
    from_digit = rb"0(?<![\w.,\-/#]0)(?:0{0,2}(?:,000)+" + tail + rb"|(000+)" + tail + rb")"
    from_dollar = rb"\$(?<![\w.,\-/#]\$)(?:0{1,3}(?:,000)+" + tail + rb"|(0{4,})" + tail + rb")"
    return re.compile(percent_or_unit), re.compile(from_digit), re.compile(from_dollar)


def _searches(prose: str, ascii_bytes: bool = True) -> tuple[Iterable[re.Match], Iterable[re.Match]]:
    """The matches of the percent-or-unit search and of the thousands search over ``prose``, in order.

    Group 1 of a thousands match is None for a number with separators; the groups of a
    percent-or-unit match are those of ``_patterns``. ``ascii_bytes=False`` makes an ASCII text
    searched as any other (for tests).
    """
    if ascii_bytes and prose.isascii():
        percent_or_unit, from_digit, from_dollar = _ascii_searches()
        text = prose.encode("ascii").translate(_DIGITS_AS_ZERO)
        thousands: list[re.Match] = list(from_digit.finditer(text))
        if b"$" in text:
            # One search from either would go on after each match: keep the first match at each place
            # and drop those inside it (a match from a digit inside "$1,500" ends where that one does).
            merged = []
            end = 0
            for match in sorted((*thousands, *from_dollar.finditer(text)), key=re.Match.start):
                if match.start() >= end:
                    merged.append(match)
                    end = match.end()
            thousands = merged
        return percent_or_unit.finditer(text), thousands
    percent_or_unit_str, thousands_str = _PATTERNS[only_ascii_digits(prose)]
    return percent_or_unit_str.finditer(prose), thousands_str.finditer(prose)


# Names and codes: a capitalised word or an id marker right before the number.
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][A-Za-z]*|\bNo\.?|\bno\.|#|\bNos?\.)[ \u00a0]$")


@dataclass
class Styles:
    """Places written each way, by question and form."""

    percent: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    thousands: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    units: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def _in_table(doc, offset: int) -> bool:
    index = doc.paragraph_at(offset)
    return index is not None and doc.paragraphs[index].kind == "table"


def _is_name(prose: str, start: int) -> bool:
    return bool(_NAME_BEFORE.search(prose, max(0, start - 12), start))


def styles(doc) -> Styles:
    """The document's number styles (see the module docstring)."""
    prose = doc.prose
    percent_or_unit, thousands = _searches(prose)
    out = Styles()
    units: dict[str, list[tuple[int, int]]] = {}
    for match in percent_or_unit:
        if _in_table(doc, match.start()):
            continue
        if match.group(5) is None:
            form = "%" if match.group(1) else ("percent" if match.group(2) else "per cent")
            out.percent.setdefault(form, []).append((match.start(), match.end()))
        else:
            units.setdefault("spaced" if match.group(4) else "unspaced", []).append((match.start(), match.end()))
    plain: dict[str, list[tuple[int, int]]] = {}
    for match in thousands:
        grouped = match.group(1) is None
        written = prose[match.start() : match.end()]
        currency = written[0] if written[0] in _CURRENCY else ""
        digits = written[len(currency) :].replace(",", "")
        if _in_table(doc, match.start()) or (not currency and _is_name(prose, match.start())):
            continue
        if len(digits) == 4 and not grouped and not currency:
            continue  # a year, a code or a count: four bare digits say nothing
        size = "four-digit" if len(digits) == 4 else "five-digit or longer"
        form = f"{size} numbers with a thousands separator" if grouped else f"{size} numbers without a thousands separator"
        (out.thousands if grouped else plain).setdefault(form, []).append((match.start() + len(currency), match.end()))
    out.thousands.update(plain)  # the forms with separators first, as the forms are named in messages
    out.units = units
    return out
