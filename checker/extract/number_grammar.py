"""The grammar of one amount as written, and the value it denotes.

An amount is a number with its hedge, sign, currency, scale and unit:
"$1.2 billion", "about 25%", "130 basis points", "RMB5.2 billion", "three-fold",
"doubled", "seven". :func:`grammar` holds its two forms, built once on first use:
amounts in digits, by far the most common, are one regular expression with named
parts; spelled-out amounts and multiplier words are a pyparsing grammar, imported
only when one is first tried, and only where a shortcut cannot tell what it reads (one
word alone, after a hedge or not, is most spelled-out amounts; a text that no amount
can start with is most of the rest). :func:`parse_amount` reads the amount at an offset,
and :func:`read_amount` turns its parts into an :class:`Amount` (value, the interval
its rounding allows, unit, scale, decimals, kind, exactness). Where amounts are
looked for, and which ones are quantities, is ``checker.extract.numbers``'s job.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from operator import methodcaller
from typing import Any, NamedTuple

from checker.intervals import rounding
from checker.patterns import LazyPattern, compile_cached, trie_regex, word_characters

# --- vocabulary -----------------------------------------------------------------

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
MULTIPLIER_VERBS = {
    "doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "tripling": 3.0, "trebled": 3.0,
    "quadrupled": 4.0, "quadrupling": 4.0, "quintupled": 5.0, "halved": 0.5, "halving": 0.5,
}
# Multiplier words that compare one figure with another named after them ("212 mm, more than double its
# October average of 118 mm", "£96,000, triple its low estimate"): read as a multiple only before a
# determiner, so that "double quotes", "twice a year" or "triple-check" are no amounts.
MULTIPLIER_DETERMINERS = {"double": 2.0, "twice": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0}
MULTIPLIERS = {**MULTIPLIER_VERBS, **MULTIPLIER_DETERMINERS}
# The determiners before the figure such a word multiplies ("the", "its", "last year's"), besides "that" (which
# each pattern reads in its own way: "double that", "three times that of").
DETERMINERS = "the|its|their|his|her|our|last|this"
_DETERMINER_AFTER = rf"(?=[ \t\n\r]+(?:{DETERMINERS}|that|those)\b)"


def multiplier_verb(q) -> bool:
    """Whether a multiple (a ``Quantity``) is a verb ("doubled", "tripling"): a change word in itself."""
    return q.exact and q.text.split()[-1].lower().endswith(("ed", "ing"))


def approximate_multiplier(q) -> bool:
    """Whether a multiple is a verb or a word before a determiner ("doubled", "double the"), rarely meant exactly."""
    return multiplier_verb(q) or q.exact and q.text.split()[-1].lower() in MULTIPLIER_DETERMINERS
FOLD_WORDS = {
    "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7,
    "eightfold": 8, "ninefold": 9, "tenfold": 10, "hundredfold": 100,
}
_SCALES = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "m": 1e6, "mm": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "trn": 1e12, "t": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
CURRENCY_PREFIX = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "hk$": "HKD", "nz$": "NZD", "a$": "AUD", "au$": "AUD",
    "c$": "CAD", "ca$": "CAD", "s$": "SGD", "sg$": "SGD", "r$": "BRL", "nt$": "TWD", "mx$": "MXN",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₣": "CHF",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "rmb": "CNY", "hkd": "HKD",
    "sgd": "SGD", "aud": "AUD", "cad": "CAD", "nzd": "NZD", "chf": "CHF", "inr": "INR", "krw": "KRW",
    "brl": "BRL", "zar": "ZAR", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "rs": "INR", "rs.": "INR",
}
_CURRENCY_SUFFIX = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR", "yuan": "CNY",
    "renminbi": "CNY", "yen": "JPY", "pounds sterling": "GBP", "sterling": "GBP", "rupees": "INR",
    "won": "KRW", "francs": "CHF",
}
_CURRENCY_SUFFIX.update({code.lower(): code for code in set(CURRENCY_PREFIX.values())})

HEDGES = (
    "approximately", "approx.", "approx", "about", "around", "roughly", "some", "circa", "ca.", "~",
    "an estimated", "estimated", "close to", "nearly", "almost", "just under", "just over",
    "more than", "over", "above", "in excess of", "upwards of", "at least", "no less than", "not less than",
    "greater than", "exceeding", "well over", "well above", "north of",
    "less than", "under", "below", "fewer than", "up to", "at most", "no more than", "not more than",
    "well under", "well below", "as much as", "as many as",
)


def _alternation(words) -> str:
    # Longest first; equal lengths in alphabetical order, so the pattern is the same in every
    # process (sets iterate in a per-process order) and its compiled form can be cached.
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# A multiplier word as the grammar reads it: a verb, or a word before a determiner.
_MULTIPLIER_WORD = "(?:" + _alternation(MULTIPLIER_VERBS) + "|(?:" + _alternation(MULTIPLIER_DETERMINERS) + ")" + _DETERMINER_AFTER + ")"



# --- the grammar -------------------------------------------------------------------


def _first(alternatives: str) -> str:
    """A look-ahead for the characters ``alternatives`` can start with (under the same case rule).

    Placed before an optional part that is rarely there, it fails at the first character where
    the re module would otherwise try every alternative; it matches nothing, so the part matches
    the same text as without it.
    """
    return rf"(?=(?i:[{alternatives}]))"


_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)?|\.[0-9]+"
_WORD_SCALE = r"(?i:(?:thousand|million|billion|trillion|lakh|crore)s?\b|(?:mn|mln|mio|bn|bln|tn|trn)(?![\w]))"
_ABBR_SCALE = r"(?:bn|mn|mm|MM|k|K|m|M|b|B|T|tn)(?![\w])"
_PERCENT_UNIT = (
    r"(?i:%|per\s?cent\b|percent\b|pct\b"
    r"|(?:percentage|percent|%)\s+points?\b|pp\b|ppts?\b|pts?\b(?!\.?\s*[0-9])|points?\b"
    r"|basis\s+points?\b|bps?\b)"
)
_TIMES = (
    r"(?i:[x×](?![\w])|-?\s?fold\b"
    r"|\s*times\b(?=\s+(?:higher|more|greater|larger|bigger|as|the|its|their|over|faster|lower|smaller|less|that|those|than)\b|\s+last\s+[\w-]+['’]s\b))"
)
_HEDGE = r"(?i:" + "|".join(
    re.escape(h) + (r"(?![\w])" if h[-1].isalpha() else "") for h in sorted(HEDGES, key=len, reverse=True)
) + ")"
_SIGN = r"[+\-−](?=\s?[\\$€£¥₹₩₽0-9.(A-Z])"
_CURRENCY = (
    r"\\?(?:" + _alternation(k for k in CURRENCY_PREFIX if not k[0].isalpha()) + r")"
    r"|" + _first("".join(sorted({k[0] for k in CURRENCY_PREFIX if k[0].isalpha()})))
    + r"(?i:" + _alternation(k for k in CURRENCY_PREFIX if k[0].isalpha()) + r")(?=\s?[0-9.(])"
)
_SUFFIX_CURRENCY = r"(?i:" + trie_regex(sorted(_CURRENCY_SUFFIX)) + r")\b"
# What each optional part can start with (see _first).
_HEDGE_FIRST = _first(re.escape("".join(sorted({hedge[0] for hedge in HEDGES}))))
_SCALE_FIRST = _first("tmblc")  # thousand, million, billion, trillion, lakh, crore, mn, bn, tn, ...
_UNIT_FIRST = _first("%pb")  # %, per cent, percent, pct, pp, pts, points, basis points, bps
_TIMES_FIRST = _first(r"x×\-\sft")  # x, ×, -fold, fold, times
_SUFFIX_FIRST = _first(re.escape("".join(sorted({word[0] for word in _CURRENCY_SUFFIX}))))


@lru_cache(maxsize=1)
def grammar():
    """The grammar of one amount, built once: hedge, sign, currency, number, scale, unit.

    Returns (figure, words, at_digit). Amounts written with digits, by far the
    most frequent, are one regular expression with named parts (``figure``),
    matched directly; ``at_digit`` is the same for text that starts at a digit
    (its hedge, sign and currency parts, which cannot start there, left out).
    Spelled-out numbers and multiplier words ("about two hundred and five
    million", "three-fold", "doubled") are a pyparsing grammar (``words``),
    imported and built only when such an amount is first tried.
    """
    tail = (
        rf"(?:\s*{_UNIT_FIRST}(?P<unit>{_PERCENT_UNIT})|{_TIMES_FIRST}(?P<times>{_TIMES})"
        rf"|\s+{_SUFFIX_FIRST}(?P<suffix_currency>{_SUFFIX_CURRENCY}))?"
    )
    priced = (
        rf"(?P<currency>{_CURRENCY})\s?(?P<sign2>{_SIGN})?\s?(?:(?P<negative>\()(?P<ndigits>{_DIGITS})\)|(?P<cdigits>{_DIGITS}))"
        rf"(?:\s?(?P<cscale>{_ABBR_SCALE}|{_WORD_SCALE}))?"
    )
    plain = rf"(?P<digits>{_DIGITS})(?:\s+{_SCALE_FIRST}(?P<scale>{_WORD_SCALE}))?"
    figure = compile_cached(rf"(?:{_HEDGE_FIRST}(?P<hedge>{_HEDGE})\s*)?(?:(?P<sign>{_SIGN})\s?)?(?:{priced}|{plain}){tail}")
    # At a digit no hedge, sign or currency can start (none begins with a digit), so the figure
    # there is ``plain`` and its tail: the same match without trying every hedge and currency first.
    at_digit = compile_cached(plain + tail)
    return figure, _words_grammar, at_digit


@lru_cache(maxsize=1)
def _words_grammar():
    """The pyparsing grammar of spelled-out amounts and multiplier words."""
    import pyparsing as pp

    def rx(pattern: str, flags: int = re.I):
        return pp.Regex(pattern, flags)

    hedge = rx(_HEDGE)("hedge")
    sign = rx(_SIGN, 0)("sign")
    unit_word = rx(r"(?:" + _alternation(UNITS_WORDS) + r")\b")
    tens_word = rx(
        r"(?:" + _alternation(TENS_WORDS) + r")(?:[- ](?:"
        + _alternation(k for k in UNITS_WORDS if 0 < UNITS_WORDS[k] < 10) + r")\b)?\b"
    )
    dozen = rx(r"(?:a\s+)?dozen\b")
    hundred = rx(r"hundred\b")
    small = tens_word | unit_word
    words = pp.Group(dozen | (pp.Opt(rx(r"a\b") | small) + hundred + pp.Opt(pp.Suppress(rx(r"and\b")) + small | small)) | small)("words")
    word_tail = pp.Opt(
        rx(_PERCENT_UNIT, 0)("unit") | rx(_TIMES, 0)("times").leave_whitespace() | rx(_SUFFIX_CURRENCY, 0)("suffix_currency")
    )
    spelled = pp.Opt(sign) + words + pp.Opt(rx(_WORD_SCALE, 0)("scale")) + word_tail
    fold = rx(r"(?:" + _alternation(FOLD_WORDS) + r")\b")("fold")
    multiplier = rx(_MULTIPLIER_WORD + r"\b")("verb")
    located = pp.Located(pp.Opt(hedge) + (multiplier | fold | spelled))
    located.parse_with_tabs()
    located.streamline()
    return located


# What a spelled-out amount can start with: the first element of every alternative of
# :func:`_words_grammar`, after the whitespace pyparsing skips. Where none of these matches,
# the grammar cannot match either, so it is not run.
_WORDS_FIRST = LazyPattern(
    r"[ \t\n\r]*(?:" + _SIGN + r"|(?i:" + "|".join((
        _HEDGE,
        r"(?:" + _alternation(UNITS_WORDS) + r")\b",
        r"(?:" + _alternation(TENS_WORDS) + r")",
        r"(?:a\s+)?dozen\b",
        r"hundred\b",
        r"a\b",
        r"(?:" + _alternation(FOLD_WORDS) + r")\b",
        r"(?:" + _alternation(MULTIPLIERS) + r")\b",
    )) + r"))"
)


# One number word or multiplier word alone, which most spelled-out amounts are ("seven", "doubled"): the
# alternatives of :func:`_words_grammar` in its order (multiplier, fold, then a small number), each ending
# at a word boundary as there.
_SINGLE_WORD = LazyPattern(
    r"(?:(?P<verb>" + _MULTIPLIER_WORD + r")|(?P<fold>" + _alternation(FOLD_WORDS) + r")"
    r"|(?P<words>" + _alternation(TENS_WORDS) + "|" + _alternation(UNITS_WORDS) + r"))\b",
    re.I,
)
# Whether the grammar could read on after a number word: a superset of what may come next there (a second
# word of "twenty-one", "hundred", a scale, a unit, "-fold", "times", a suffix currency), so that where it
# does not match, the grammar's amount is the word alone.
_WORD_GOES_ON = LazyPattern(
    r"(?:" + _TIMES + r")|[-\s]*(?:hundred\b|(?:" + _alternation(UNITS_WORDS) + r")\b|" + _WORD_SCALE + "|"
    + _PERCENT_UNIT + "|" + _SUFFIX_CURRENCY + ")",
    re.I,
)


# The blanks pyparsing skips before the grammar and the grammar's optional hedge, with the blanks after it.
_LEAD = LazyPattern(r"[ \t\n\r]*(?:(?P<hedge>" + _HEDGE + r")[ \t\n\r]*)?", re.I)
# What the amount after the hedge can start with: a multiplier, fold or number word, "a", "dozen", "hundred"
# (their first letters, ignoring case as the grammar does), or a sign before one of the words.
_AMOUNT_FIRST = LazyPattern(r"(?:" + _SIGN + r"[ \t\n\r]*)?(?i:[adefhnoqstz])")
# The article "a" where it starts no amount: not before "dozen" (over any blanks, as the grammar's "a dozen")
# or "hundred" (over the blanks pyparsing skips). No other word the amount can start with begins with "a".
_A_ALONE = LazyPattern(r"a\b(?!\s+dozen\b)(?![ \t\n\r]*hundred\b)", re.I)
# What :func:`_single_word` returns where the grammar certainly reads no amount.
NO_AMOUNT: tuple[dict[str, str], int] = ({}, -1)


def _single_word(source: str):
    """(tokens, end) of :func:`_words_grammar` at the start of ``source`` when that is one word alone, after a
    hedge or not ("seven", "at least one"); ``NO_AMOUNT`` where the grammar reads nothing ("above (3)",
    "a key"); else None.

    None means "neither", not "no amount": the grammar decides then. pyparsing does not go back on what
    it has matched: once a hedge is read, what follows it must be the amount.
    """
    lead = _LEAD.match(source)
    at = lead.end()
    tokens: dict[str, Any] = {"hedge": lead.group("hedge")} if lead.group("hedge") is not None else {}
    match = _SINGLE_WORD.match(source, at)
    if match is None:
        if _AMOUNT_FIRST.match(source, at) is None or _A_ALONE.match(source, at) is not None:
            return NO_AMOUNT
        return None
    kind = match.lastgroup
    if kind != "words":
        tokens[kind] = match.group()
        return tokens, match.end()  # nothing in the grammar follows a multiplier word
    if _WORD_GOES_ON.match(source, match.end()) is not None:
        return None
    tokens["words"] = [match.group()]
    return tokens, match.end()


@lru_cache(maxsize=4096)
def _parse_words(source: str):
    """(tokens, end) of the spelled-out amount at the start of ``source``, or None (memoised per string)."""
    import pyparsing as pp

    try:
        result = _words_grammar().parse_string(source)
    except pp.ParseException:
        return None
    return result["value"], result["locn_end"]



def parse_amount(text: str, begin: int, limit: int):
    """(parts, end) of one amount starting at ``begin``, or None."""
    figure = grammar()[0]
    stop = min(limit, begin + 80)
    at = begin
    while at < stop and text[at] in " \t\n\r":  # (callers start at a figure, not at spaces)
        at += 1
    match = figure.match(text, at, stop)
    if match is not None:
        tokens = match.groupdict()
        end = match.end()
    else:
        source = text[begin:stop]
        if _WORDS_FIRST.match(source) is None:
            return None  # no first word of the grammar here: the grammar would fail
        parsed = _single_word(source)
        if parsed is None:
            parsed = _parse_words(source)
        if parsed is None or parsed is NO_AMOUNT:
            return None
        tokens, length = parsed
        end = begin + length
    while end > begin and text[end - 1].isspace():
        end -= 1
    return tokens, end


class Amount(NamedTuple):
    """One amount's value in units, the interval its rounding allows, and how it is written."""

    value: float
    low: float
    high: float
    unit: str
    scale: float
    decimals: int
    kind: str  # "number", "multiple" or "range"
    exact: bool


def read_amount(tokens) -> Amount | None:
    """Value, rounding interval, unit, scale, decimals, kind and exactness of one amount."""
    get = tokens.get
    if get("verb"):
        factor = MULTIPLIERS[get("verb").lower()]
        return Amount(factor, factor, factor, "x", 1.0, 0, "multiple", True)
    if get("fold"):
        factor = float(FOLD_WORDS[get("fold").lower()])
        return Amount(factor, factor, factor, "x", 1.0, 0, "multiple", True)
    exact = False
    raw = get("digits") or get("cdigits") or get("ndigits")
    if raw:
        mantissa = float(raw.replace(",", ""))
        decimals = len(raw.split(".", 1)[1]) if "." in raw else 0
    elif get("words"):
        mantissa = float(_word_value([w.lower() for w in get("words")]))
        decimals = 0
        exact = True
    else:
        return None
    negative = bool(get("negative")) or (get("sign") or get("sign2")) in ("-", "−")
    unit = ""
    currency = get("currency")
    if currency:
        unit = CURRENCY_PREFIX.get(currency.lstrip("\\").lower().replace(" ", ""), "USD")
    scale = 1.0
    scale_word = get("scale") or get("cscale")
    if scale_word:
        scale = 1e6 if scale_word in ("M", "MM") else 1e12 if scale_word == "T" else _SCALES[scale_word.lower()]
        exact = False
    kind = "number"
    if get("unit"):
        unit = _percent_unit(get("unit"))
    if get("times"):
        unit, kind = "x", "multiple"
    if get("suffix_currency"):
        if unit:
            return None
        unit = _CURRENCY_SUFFIX[" ".join(get("suffix_currency").lower().split())]
    value = mantissa * scale
    if exact:
        low = high = value
    else:
        written = rounding(value, decimals, scale)
        low, high = written.lo, written.hi
    if negative:
        value, low, high = -value, -high, -low
    return Amount(value, low, high, unit, scale, decimals, kind, exact)


def _percent_unit(word: str) -> str:
    word = " ".join(word.lower().split())
    if word.startswith(("basis", "bp")):
        return "bp"
    if "point" in word or word.startswith("pp"):
        return "pp" if word.startswith(("percent", "%", "pp")) else "pt"
    if word.startswith("pt"):
        return "pt"
    return "%"


def _word_value(words: list[str]) -> int:
    total = 0
    current = 0
    for word in words:
        word = word.replace("a dozen", "dozen")
        if word.endswith("dozen"):
            return 12
        if word in ("a", "one") and current == 0 and total == 0 and len(words) > 1:
            current = 1
            continue
        if "hundred" in word:
            current = (current or 1) * 100
            continue
        parts = re.split(r"[- ]", word)
        for part in parts:
            current += UNITS_WORDS.get(part, 0) + TENS_WORDS.get(part, 0)
    return total + current


# --- where number words start ------------------------------------------------------------

# (``word_start``: "\b" tested after each first letter, so that a search skips to those letters.)
_NUMBER_WORDS = sorted(set(UNITS_WORDS) | set(TENS_WORDS) | set(MULTIPLIERS) | set(FOLD_WORDS) | {"a dozen", "a hundred"})
_NUMBER_WORD_SOURCE = r"(?:" + trie_regex(_NUMBER_WORDS, word_start=True) + r")\b"
_NUMBER_WORD = LazyPattern(_NUMBER_WORD_SOURCE, re.I)
_NUMBER_WORD_LOWER = LazyPattern(_NUMBER_WORD_SOURCE)  # the words are lowercase
# Where one can start in an ASCII text lowercased and folded (every character but a letter, digit or underscore
# a space): after a space, a first letter, looked back at for the words it starts. The folded copy opens the
# search with a literal, which re skips to in a tight loop, where the first letters of the words (among them
# "a", "e", "o", "t") stop a search of the text at most characters (the search took a fifth of the extractor).
_WORD_CANDIDATE = LazyPattern(
    " ([" + "".join(sorted({word[0] for word in _NUMBER_WORDS})) + "])(?<=(?=" + trie_regex(_NUMBER_WORDS) + ").)"
)
_first_start = methodcaller("start", 1)


def number_word_starts(text: str, start: int, end: int) -> list[int]:
    """Where a number or multiplier word starts in ``text[start:end]`` (``_NUMBER_WORD``'s matches), in order."""
    # The character before ``start`` is kept, since "\b" looks at it.
    floor = start - 1 if start > 0 else 0
    window = text[floor:end]
    if not window.isascii():
        return _number_words_unicode(text, start, end, floor, window)
    # On ASCII text a case-sensitive scan of the lowercased text finds the same words. Each candidate (a superset
    # of where they start: a word start in the text is one in the folded copy) is tried in turn as ``finditer``
    # tries positions, past the end of the last word found.
    lowered = window.lower()
    folded = word_characters(lowered)
    match = _NUMBER_WORD_LOWER.match
    out = []
    last = begin = start - floor
    for at in chain((begin,), map(_first_start, _WORD_CANDIDATE.finditer(folded, begin))):
        if at >= last and (found := match(lowered, at)) is not None:
            out.append(at + floor)
            last = found.end()
    return out


def _number_words_unicode(text: str, start: int, end: int, floor: int, window: str) -> list[int]:
    """Where ``_NUMBER_WORD`` matches in ``text[start:end]`` (``window`` is ``text[floor:end]``, not ASCII).

    The case-insensitive scan is slow on non-ASCII text. Lowercasing keeps every offset when it keeps the
    length, keeps whether each character is a word character (so "\\b" is unchanged), and turns every
    character that matches an ASCII letter case-insensitively into that letter, except the dotless "ı"
    and the long "ſ" (and "İ", which lowercases to two characters). Without those, the lowercase scan
    finds the same words; each is confirmed by the case-insensitive pattern.
    """
    lowered = window.lower()
    if len(lowered) != len(window) or "ı" in window or "ſ" in window:
        return [m.start() for m in _NUMBER_WORD.finditer(text, start, end)]
    match = _NUMBER_WORD.match
    return [
        m.start() + floor for m in _NUMBER_WORD_LOWER.finditer(lowered, start - floor)
        if match(text, m.start() + floor, end) is not None
    ]
