"""The searches of the number-style rule (CON005): percentages and units, and numbers of four digits or more.

``searches(prose)`` returns the places of both searches, in order, as the
searches over the text find them: ``(start, end, form)`` for a percentage or an
amount with a unit (form ``"%"``, ``"percent"``, ``"per cent"``, ``"spaced"`` or
``"unspaced"``), and ``(start, end, grouped)`` for a number of four digits or
more, with thousands separators or without.

Where the only decimal digits of the text are 0-9 (nearly every text), the
searches run on its UTF-8 bytes with every digit made "0" (``bytes.translate``):
each then begins with a literal character, which ``re`` skips to many times
faster than to a class of characters (the searches over the 10 MB sample:
0.11 -> 0.03 CPU s). The byte searches are the text searches with ASCII for
Unicode in their look-arounds, so they find every place the text searches find;
a place next to a character outside ASCII (where the two may disagree: "é5",
"5 mgé") is searched again in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from checker.extract.unicode_chars import only_ascii_digits
from checker.patterns import LazyPattern

_UNITS = (
    "mg|g|kg|mcg|\u00b5g|ng|ml|mL|km|cm|mm|nm|\u00b5m|kb|KB|MB|GB|TB|Mb|Gb|Kbps|kbps|Mbps|Gbps|Hz|kHz|MHz|GHz|"
    "kW|MW|GW|kWh|MWh|mAh|mph|kph|lb|lbs|oz|ft|mmHg|mmol|mol|IU"
)
_CURRENCIES = ("$", "\u00a3", "\u20ac")


def _patterns(digit: str) -> tuple[LazyPattern, LazyPattern]:
    """The searches of the text for percentages and units, and for thousands; ``digit`` is what a class of decimal digits holds.

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


# By whether the text's only decimal digits are 0-9 (``[0-9]`` is tested faster than ``\d``).
_PATTERNS = {False: _patterns(r"\d"), True: _patterns("0-9")}
_DIGITS_AS_ZERO = bytes.maketrans(b"0123456789", b"0000000000")


@cache
def _byte_searches() -> tuple[re.Pattern[bytes], re.Pattern[bytes], dict[bytes, re.Pattern[bytes]]]:
    """The percent-or-unit search, the thousands search from a digit and from each currency sign, on UTF-8 bytes."""
    space = rb"(?:[ ]|\xc2\xa0)"
    units = "|".join(re.escape(unit) for unit in _UNITS.split("|")).encode()
    percent_or_unit = (
        rb"0(?<![\w.,]0)0*(?:[.,]0+)*(?:(%)|" + space + rb"((?i:percent))\b|" + space + rb"((?i:per cent))\b|(" + space
        + rb"?)(" + units + rb")(?![\w]))"
    )
    tail = rb"(?![\w,]|\.0)"
    from_digit = rb"0(?<![\w.,\-/#]0)(?:0{0,2}(?:,000)+" + tail + rb"|(000+)" + tail + rb")"
    from_sign = {}
    for sign in _CURRENCIES:
        code = re.escape(sign.encode())
        from_sign[sign.encode()] = re.compile(code + rb"(?<![\w.,\-/#]" + code + rb")(?:0{1,3}(?:,000)+" + tail + rb"|(0{4,})" + tail + rb")")
    return re.compile(percent_or_unit), re.compile(from_digit), from_sign


def _form(match: re.Match) -> str:
    if match.group(5) is None:
        return "%" if match.group(1) else ("percent" if match.group(2) else "per cent")
    return "spaced" if match.group(4) else "unspaced"


def searches(prose: str, use_bytes: bool = True) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, bool]]]:
    """The percentages and amounts with units of ``prose``, and its numbers of four digits or more (see the module docstring).

    ``use_bytes=False`` searches the text itself (for tests).
    """
    ascii_digits = only_ascii_digits(prose)
    percent_or_unit, thousands = _PATTERNS[ascii_digits]
    if not (use_bytes and ascii_digits):
        return (
            [(m.start(), m.end(), _form(m)) for m in percent_or_unit.finditer(prose)],
            [(m.start(), m.end(), _grouped(m)) for m in thousands.finditer(prose)],
        )
    byte_percent, byte_digit, byte_signs = _byte_searches()
    text = prose.encode("utf-8", "surrogatepass").translate(_DIGITS_AS_ZERO)
    percent_matches = list(byte_percent.finditer(text))
    number_matches = list(byte_digit.finditer(text))
    for sign, search in byte_signs.items():
        if sign in text:
            number_matches += search.finditer(text)
    if prose.isascii():  # byte offsets are the text's, and the byte searches find what the text searches find
        return (
            [(m.start(), m.end(), _form(m)) for m in percent_matches],
            _first_at_each_place([(m.start(), m.end(), _grouped(m)) for m in number_matches]),
        )
    offsets = _char_offsets(text, [*percent_matches, *number_matches])
    return (
        _in_text(prose, text, percent_matches, offsets, percent_or_unit, _form),
        _in_text(prose, text, number_matches, offsets, thousands, _grouped),
    )


def _grouped(match: re.Match) -> bool:
    """Whether a thousands match is written with separators."""
    return match.group(1) is None


def _in_text(prose: str, text: bytes, matches: list[re.Match], offsets: dict[int, int], pattern: LazyPattern, kind: Callable[[re.Match], Any]) -> list:
    """Byte matches as places of the text: ``(start, end, kind(match))``, a match next to a character outside ASCII searched again there."""
    found = []
    for m in matches:
        start = offsets[m.start()]
        if _near_non_ascii(text, m):
            again = pattern.match(prose, start)
            if again is not None:
                found.append((again.start(), again.end(), kind(again)))
        else:
            found.append((start, offsets[m.end()], kind(m)))
    return _first_at_each_place(found)


def _near_non_ascii(text: bytes, match: re.Match) -> bool:
    """Whether a byte match has a character outside ASCII just before or just after it (its look-arounds read ASCII only)."""
    start, end = match.start(), match.end()
    return (start > 0 and text[start - 1] >= 0x80) or (end < len(text) and text[end] >= 0x80)


def _char_offsets(text: bytes, matches: list[re.Match]) -> dict[int, int]:
    """The text offset of each byte offset where one of ``matches`` starts or ends (both lie between characters)."""
    out: dict[int, int] = {}
    byte = char = 0
    for offset in sorted({*(m.start() for m in matches), *(m.end() for m in matches)}):
        char += len(text[byte:offset].decode("utf-8", "surrogatepass"))
        byte = offset
        out[offset] = char
    return out


def _first_at_each_place(found: list) -> list:
    """``found`` in order of place, without those that start inside an earlier one (as one search would go on after a match).

    The searches from a digit and from a currency sign both find "1,500" in "$1,500"; one search
    of the text finds "$1,500" and goes on after it. Such matches end where the earlier one does.
    """
    found.sort(key=lambda item: item[0])
    out = []
    end = -1
    for item in found:
        if item[0] >= end:
            out.append(item)
            end = item[1]
    return out
