"""The words of dates: month and weekday names, number words and ordinals, period units.

Lookups from a word to its value (``month_number("Sept.") == 9``) and the
alternations that the date grammar (:mod:`checker.extract.date_grammar`) builds from them.
"""

from __future__ import annotations

import re
from functools import cache

from checker.patterns import trie_regex

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}

NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
).split()
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
UNIT_NAMES = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
    "quarter": "quarter", "quarters": "quarter", "year": "year", "years": "year",
    "decade": "decade", "decades": "decade",
}


@cache
def month_alternation() -> str:
    """Every month name and abbreviation the grammar accepts, as one factored alternation."""
    names = []
    for name in MONTH_NAMES:
        names += [name, name.upper()]
    for abbr in MONTH_ABBREVIATIONS:
        names += [abbr.title(), abbr.title() + ".", abbr.upper(), abbr.upper() + "."]
    return trie_regex(names)


@cache
def weekday_alternation() -> str:
    """Every weekday name and abbreviation the grammar accepts, as one factored alternation."""
    names = []
    for name in WEEKDAY_NAMES:
        names += [name, name.upper()]
    for abbr in WEEKDAY_ABBREVIATIONS:
        names += [abbr.title(), abbr.title() + ".", abbr.upper(), abbr.upper() + "."]
    return trie_regex(names)


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept.", "DECEMBER"), else None."""
    key = word.rstrip(".").lower()
    for index, name in enumerate(MONTH_NAMES, 1):
        if key == name.lower():
            return index
    return MONTH_ABBREVIATIONS.get(key)


def weekday_number(word: str) -> int | None:
    """0 (Monday) to 6 for a weekday name or abbreviation, else None."""
    key = word.rstrip(".").lower()
    for index, name in enumerate(WEEKDAY_NAMES):
        if key == name.lower():
            return index
    return WEEKDAY_ABBREVIATIONS.get(key)


def number_value(word: str) -> float | None:
    """The value of a count written in digits or words ("five", "twenty-one", "a")."""
    text = word.lower().replace(",", "").strip()
    text = re.sub(r"[\s-]+", " ", text)
    if text in ("a", "an"):
        return 1.0
    if text in ("a dozen", "dozen"):
        return 12.0
    try:
        return float(text)
    except ValueError:
        pass
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS.index(text))
    parts = text.split()
    if parts and parts[0] in TENS:
        value = TENS[parts[0]]
        if len(parts) == 2 and parts[1] in NUMBER_WORDS[1:10]:
            value += NUMBER_WORDS.index(parts[1])
        elif len(parts) > 1:
            return None
        return float(value)
    if text == "hundred" or text == "a hundred":
        return 100.0
    return None


def ordinal_value(word: str) -> int | None:
    """The value of an ordinal in words or digits ("third", "3rd"), else None."""
    text = word.lower()
    if text in ORDINALS:
        return ORDINALS.index(text) + 1
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", text)
    return int(match.group(1)) if match else None


def two_digit_year(text: str) -> int:
    """A year written with two digits ("'25", "99") as four: 1970-2069."""
    value = int(text.lstrip("'\u2019"))
    if value < 100:
        return 2000 + value if value < 70 else 1900 + value
    return value
