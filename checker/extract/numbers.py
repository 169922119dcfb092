"""The ``numbers`` extractor: quantities as written, and the arithmetic claims among them.

Public interface (stable; the cross-document facts extractor builds on it):

``parse_quantities(text, start=0, end=None, words=True) -> list[Quantity]``
    Every quantity in ``text[start:end]``, in order, with offsets into
    ``text`` (``words=False`` skips spelled-out numbers). A quantity is a number as written with its hedge, sign,
    currency, scale and unit: "$1.2 billion", "about 25%", "more than 800",
    "10%-12%", "between $5 and $7 million", "2.5x", "three-fold", "doubled",
    "130 basis points", "RMB5.2 billion", "seven". ``value``/``low``/``high``
    are in units (the scale applied) and ``low``/``high`` are the interval
    the rounding as written allows ("$1.2 billion" is 1.15e9 to 1.25e9).
    Identifiers and labels are not quantities: "Phase 3", "T315I", "Rule
    18A.05", "Order No. 27", "APG-2575", "Form 10-K", years, "(2020)", dates,
    "95% CI", p-values, footnote markers, versions, times, ordinals.

``extract(doc, sheet, settings)``
    Fills ``sheet.quantities`` from the prose of every paragraph that has a
    digit (spelled-out numbers alone carry no checkable arithmetic), then
    ``sheet.claims`` with every arithmetic claim recognised among them
    (``checker.extract.claims``), consistent or not.

Units: "" (a bare number), "%", "pp" (percentage points), "pt" (bare
"points"), "bp" (basis points), "x" (multiples) or an ISO currency code
("$" alone reads as "USD"). The grammar (:func:`grammar`) is built once on
first use: amounts in digits, by far the most common, are one regular
expression matched directly; spelled-out amounts and multiplier words are a
pyparsing grammar, imported only when one is first tried. Plain regexes find the places where a number can start
(runs of digits, and number words through a trie-shaped pattern), so text
without figures costs one scan; every pattern is compiled on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from checker.facts import Quantity
from checker.patterns import LazyPattern, compile_cached, trie_regex

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.document import Document
    from checker.facts import FactSheet

# --- vocabulary -----------------------------------------------------------------

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_MULTIPLIER_VERBS = {
    "doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "tripling": 3.0, "trebled": 3.0,
    "quadrupled": 4.0, "quadrupling": 4.0, "quintupled": 5.0, "halved": 0.5, "halving": 0.5,
}
_FOLD_WORDS = {
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
_CURRENCY_PREFIX = {
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
_CURRENCY_SUFFIX.update({code.lower(): code for code in set(_CURRENCY_PREFIX.values())})

_HEDGES = (
    "approximately", "approx.", "approx", "about", "around", "roughly", "some", "circa", "ca.", "~",
    "an estimated", "estimated", "close to", "nearly", "almost", "just under", "just over",
    "more than", "over", "above", "in excess of", "upwards of", "at least", "no less than", "not less than",
    "greater than", "exceeding", "well over", "well above", "north of",
    "less than", "under", "below", "fewer than", "up to", "at most", "no more than", "not more than",
    "well under", "well below", "as much as", "as many as",
)

# Words before a number that make it a label, not a quantity ("Phase 3", "Note 12").
_LABELS = frozenset(
    """
    phase phases no nos number rule rules form forms section sections sec item items note notes table tables
    figure figures fig figs chapter chapters ch article articles art part parts schedule exhibit exhibits
    appendix annex page pages p pp vol volume version ver v level levels stage grade class tier type series
    step round cohort arm patent iso ifrs ias asc asu frs sfas fas topic regulation directive act order
    resolution law code room suite unit floor building route highway title paragraph para clause day days
    week weeks cycle cycles q h fy cy lot batch model gen generation line lines issue box study trial
    protocol amendment region district ward gate platform scope s&p fortune ftse nasdaq russell dax cac
    nikkei stoxx msci asx dow covid windows python ios android size pillar basel solvency sprint release
    build wave tranche january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
# After a number: a month name makes it a day ("1 July 2020").
_MONTH_AFTER = LazyPattern(
    r"\s*(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?",
    re.I,
)
_CI_AFTER = LazyPattern(r"\s*(?:CI\b|C\.I\.|(?:confidence|credible|prediction|tolerance)\s+(?:interval|level|limit))", re.I)
_P_VALUE_BEFORE = LazyPattern(r"\b[pP]\s*(?:-?\s*values?\s*(?:of|was|were|is|=|<|>|≤|≥)?|[=<>≤≥])\s*$")
# Characters after a number that make it part of an identifier, date, time or version.
_GLUED_AFTER = LazyPattern(r"[A-Za-z0-9_]|[-–/.:,][A-Za-z0-9]")
_TOKEN_TAIL = LazyPattern(r"[\w.,/:–-]*")
_NOUN_AFTER = LazyPattern(r"\s+([A-Za-z][a-z]+(?:-[a-z]+)?)")
_NOT_NOUNS = frozenset(
    """
    a an the and or of to in on at by for from with as than per was were is are be been has have had
    will would may might can could shall should this that these those which who whom whose it its their
    our his her year years month months quarter quarters percent cent compared versus vs while during
    over under up down more less fewer about approximately respectively each between through into out
    including included excluding plus minus times fold
    """.split()
)

# Where a quantity can start: a run of digits (checked in Python for what is glued before it),
# or a number or multiplier word (a regex factored as a trie, so it fails fast on other words).
_DIGIT_RUN = LazyPattern(r"[0-9][0-9,.]*")


_NUMBER_WORD_SOURCE = (
    r"\b(?:" + trie_regex(sorted(set(_UNITS_WORDS) | set(_TENS_WORDS) | set(_MULTIPLIER_VERBS) | set(_FOLD_WORDS)
                             | {"a dozen", "a hundred"})) + r")\b"
)
_NUMBER_WORD = LazyPattern(_NUMBER_WORD_SOURCE, re.I)
_NUMBER_WORD_LOWER = LazyPattern(_NUMBER_WORD_SOURCE)  # the words are lowercase
_CODE_WORDS = frozenset(k.rstrip(".") for k in _CURRENCY_PREFIX if k[0].isalpha())


def _alternation(words) -> str:
    # Longest first; equal lengths in alphabetical order, so the pattern is the same in every
    # process (sets iterate in a per-process order) and its compiled form can be cached.
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# Everything that may precede the number core within one quantity, anchored at the core. Only the
# start of the match is used, and it is the leftmost start from which the whole pattern can match
# whatever the order of the alternatives: the words are tries (each position fails on its first
# character instead of trying every word), which match the same strings as the plain alternations.
_PREFIX = LazyPattern(
    r"(?:(?<![\w.])(?:" + trie_regex(sorted(_HEDGES)) + r")\s*)?[+\-−]?\s?"
    r"(?:\\?(?:" + trie_regex(sorted(k for k in _CURRENCY_PREFIX if not k[0].isalpha())) + r")\s?|"
    r"\b(?:" + trie_regex(sorted(k for k in _CURRENCY_PREFIX if k[0].isalpha())) + r")\s?)?[+\-−]?\(?$",
    re.I,
)


# --- the grammar -------------------------------------------------------------------


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
    r"|\s*times\b(?=\s+(?:higher|more|greater|larger|bigger|as|the|over|faster|lower|smaller|less|that|than)\b))"
)
_HEDGE = r"(?i:" + "|".join(
    re.escape(h) + (r"(?![\w])" if h[-1].isalpha() else "") for h in sorted(_HEDGES, key=len, reverse=True)
) + ")"
_SIGN = r"[+\-−](?=\s?[\\$€£¥₹₩₽0-9.(A-Z])"
_CURRENCY = (
    r"\\?(?:" + _alternation(k for k in _CURRENCY_PREFIX if not k[0].isalpha()) + r")"
    r"|(?i:" + _alternation(k for k in _CURRENCY_PREFIX if k[0].isalpha()) + r")(?=\s?[0-9.(])"
)
_SUFFIX_CURRENCY = r"(?i:" + _alternation(_CURRENCY_SUFFIX) + r")\b"


@lru_cache(maxsize=1)
def grammar():
    """The grammar of one amount, built once: hedge, sign, currency, number, scale, unit.

    Returns (figure, words). Amounts written with digits, by far the most
    frequent, are one regular expression with named parts (``figure``),
    matched directly. Spelled-out numbers and multiplier words ("about two
    hundred and five million", "three-fold", "doubled") are a pyparsing
    grammar (``words``), imported and built only when such an amount is
    first tried.
    """
    tail = (
        rf"(?:\s*(?P<unit>{_PERCENT_UNIT})|(?P<times>{_TIMES})|\s+(?P<suffix_currency>{_SUFFIX_CURRENCY}))?"
    )
    priced = (
        rf"(?P<currency>{_CURRENCY})\s?(?P<sign2>{_SIGN})?\s?(?:(?P<negative>\()(?P<ndigits>{_DIGITS})\)|(?P<cdigits>{_DIGITS}))"
        rf"(?:\s?(?P<cscale>{_ABBR_SCALE}|{_WORD_SCALE}))?"
    )
    plain = rf"(?P<digits>{_DIGITS})(?:\s+(?P<scale>{_WORD_SCALE}))?"
    figure = compile_cached(rf"(?:(?P<hedge>{_HEDGE})\s*)?(?:(?P<sign>{_SIGN})\s?)?(?:{priced}|{plain}){tail}")
    return figure, _words_grammar


@lru_cache(maxsize=1)
def _words_grammar():
    """The pyparsing grammar of spelled-out amounts and multiplier words."""
    import pyparsing as pp

    def rx(pattern: str, flags: int = re.I):
        return pp.Regex(pattern, flags)

    hedge = rx(_HEDGE)("hedge")
    sign = rx(_SIGN, 0)("sign")
    unit_word = rx(r"(?:" + _alternation(_UNITS_WORDS) + r")\b")
    tens_word = rx(
        r"(?:" + _alternation(_TENS_WORDS) + r")(?:[- ](?:"
        + _alternation(k for k in _UNITS_WORDS if 0 < _UNITS_WORDS[k] < 10) + r")\b)?\b"
    )
    dozen = rx(r"(?:a\s+)?dozen\b")
    hundred = rx(r"hundred\b")
    small = tens_word | unit_word
    words = pp.Group(dozen | (pp.Opt(rx(r"a\b") | small) + hundred + pp.Opt(pp.Suppress(rx(r"and\b")) + small | small)) | small)("words")
    word_tail = pp.Opt(
        rx(_PERCENT_UNIT, 0)("unit") | rx(_TIMES, 0)("times").leave_whitespace() | rx(_SUFFIX_CURRENCY, 0)("suffix_currency")
    )
    spelled = pp.Opt(sign) + words + pp.Opt(rx(_WORD_SCALE, 0)("scale")) + word_tail
    fold = rx(r"(?:" + _alternation(_FOLD_WORDS) + r")\b")("fold")
    multiplier = rx(r"(?:" + _alternation(_MULTIPLIER_VERBS) + r")\b")("verb")
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
        r"(?:" + _alternation(_UNITS_WORDS) + r")\b",
        r"(?:" + _alternation(_TENS_WORDS) + r")",
        r"(?:a\s+)?dozen\b",
        r"hundred\b",
        r"a\b",
        r"(?:" + _alternation(_FOLD_WORDS) + r")\b",
        r"(?:" + _alternation(_MULTIPLIER_VERBS) + r")\b",
    )) + r"))"
)


@lru_cache(maxsize=4096)
def _parse_words(source: str):
    """(tokens, end) of the spelled-out amount at the start of ``source``, or None (memoised per string)."""
    import pyparsing as pp

    try:
        result = _words_grammar().parse_string(source)
    except pp.ParseException:
        return None
    return result["value"], result["locn_end"]


# --- parsing -------------------------------------------------------------------------

_BETWEEN_BEFORE = LazyPattern(r"\bbetween\s+$", re.I)
_FROM_BEFORE = LazyPattern(r"\bfrom\s+$", re.I)
# A change word just before a figure: "increased $0.2 billion to $1.3 billion" is not a range.
_CHANGE_BEFORE = LazyPattern(
    r"\b(?:increase[sd]?|decrease[sd]?|rose|rise|fell|fall|grew|growth|declined?|dropped|drop|up|down|by|change[sd]?|"
    r"gain(?:ed)?|reduc(?:ed|tion)|improved?|improvement|higher|lower)\b(?:\s+(?:of|by))?\s*(?:an?\s+)?$",
    re.I,
)
_RANGE_SEPARATOR = LazyPattern(r"\s*[-–—]\s*|\s+to\s+", re.I)
_AND_SEPARATOR = LazyPattern(r"\s+and\s+", re.I)

_Amount = tuple  # (value, low, high, unit, scale, decimals, kind, exact)


def parse_quantities(text: str, start: int = 0, end: int | None = None, words: bool = True) -> list[Quantity]:
    """Every quantity in ``text[start:end]``, with offsets into ``text`` (``words``: spelled-out numbers too)."""
    end = len(text) if end is None else end
    out: list[Quantity] = []
    position = start
    for core in _starts(text, start, end, words):
        if core < position:
            continue
        begin = _prefix_start(text, max(start, position), core)
        quantity = _quantity_at(text, begin, core, end)
        if quantity is not None:
            out.append(quantity)
            position = quantity.end
        else:
            tail = _TOKEN_TAIL.match(text, core + 1, end)
            position = max(core + 1, tail.end() if tail else core + 1)
    return out


def _starts(text: str, start: int, end: int, words: bool) -> list[int]:
    """Offsets where a quantity's number can start, in order."""
    out = []
    for match in _DIGIT_RUN.finditer(text, start, end):
        at = match.start()
        previous = text[at - 1] if at > start else " "
        if previous.isalpha():
            if _word_before(text, start, at) in _CODE_WORDS:  # "RMB5.2 billion"
                out.append(at)
        elif previous == ".":
            if at - 1 == start or not text[at - 2].isalnum():  # ".75"
                out.append(at - 1)
        elif previous not in ",_":
            out.append(at)
    if words:
        # On ASCII text a case-sensitive scan of the lowercased text finds the same words, twice as fast;
        # the character before ``start`` is kept, since "\b" looks at it.
        floor = start - 1 if start > 0 else 0
        window = text[floor:end]
        if window.isascii():
            found = [m.start() + floor for m in _NUMBER_WORD_LOWER.finditer(window.lower(), start - floor)]
        else:
            found = _number_words_unicode(text, start, end, floor, window)
        if found:
            out = sorted(out + found)
    return out


_HEDGE_LONGEST = max(len(hedge) for hedge in _HEDGES)
# sign, space, backslash, the longest currency, space, sign, parenthesis, and a final line break "$" may stop at
_PREFIX_TAIL = max(len(key) for key in _CURRENCY_PREFIX) + 7
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


_PREFIX_CHARS = frozenset("$€£¥₹₩₽₣(+-−~\\")
_DIGIT_CHARS = frozenset("0123456789")


def _word_before(text: str, floor: int, at: int) -> str:
    """The word (letters, "&", ".") that ends just before ``at``, skipping spaces; lowercased."""
    end = at
    while end > floor and text[end - 1] in " \t\u00a0":
        end -= 1
    start = end
    while start > floor and (text[start - 1].isalpha() or text[start - 1] in "&."):
        start -= 1
    return text[start:end].lower().strip(".")


_HEDGE_SET = frozenset(_HEDGES)
# The last word of every hedge: the words before a number can end with a hedge only if they end with one of these.
_HEDGE_LAST = frozenset(hedge.split()[-1] for hedge in _HEDGES)


def _prefix_words(text: str, floor: int, core: int) -> bool:
    """Whether the words just before ``core`` end with a hedge or a currency code."""
    window = text[max(floor, core - 30):core].lower().split()
    if not window:
        return False
    last = window[-1]
    if last.rstrip(".") in _CODE_WORDS:
        return True
    if last not in _HEDGE_LAST:
        return False
    return any(" ".join(window[-k:]) in _HEDGE_SET for k in (1, 2, 3) if len(window) >= k)


def _prefix_start(text: str, floor: int, core: int) -> int:
    # Most numbers have no prefix: test the character and the word before them first.
    previous = core - 1
    while previous > floor and text[previous] in " \t\u00a0":
        previous -= 1
    if previous < floor or (text[previous] not in _PREFIX_CHARS and not _prefix_words(text, floor, core)):
        return core
    # A prefix is a hedge, spaces, and a tail of at most _PREFIX_TAIL characters (sign, currency, parenthesis),
    # so it cannot start more than _HEDGE_LONGEST characters before the run of spaces that ends where the tail
    # can start: the search skips what lies before (its look-behinds still see the text there).
    lower = max(floor, core - 40)
    spaces = core - _PREFIX_TAIL
    while spaces > lower and text[spaces - 1].isspace():
        spaces -= 1
    match = _PREFIX.search(text, max(lower, spaces - _HEDGE_LONGEST), core)
    begin = match.start() if match else core
    while begin < core and text[begin].isspace():
        begin += 1
    return begin


def _parse_amount(text: str, begin: int, limit: int):
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
        parsed = _parse_words(source)
        if parsed is None:
            return None
        tokens, length = parsed
        end = begin + length
    while end > begin and text[end - 1].isspace():
        end -= 1
    return tokens, end


def _quantity_at(text: str, begin: int, core: int, limit: int) -> Quantity | None:
    parsed = _parse_amount(text, begin, limit) if begin != core else None
    if parsed is None:
        begin = core
        if text[core] in _DIGIT_CHARS:
            # A figure at a digit is the digits grammar or nothing (no first word of the words grammar is
            # a digit). Four digits alone that read as a year are dropped before any other work: they are
            # a plain number with no hedge, which the year test below rejects.
            match = grammar()[0].match(text, core, min(limit, core + 80))
            if match is None:
                return None
            end = match.end()
            if end == core + 4 and _YEAR.fullmatch(text, core, end) is not None:
                return None
            while end > core and text[end - 1].isspace():
                end -= 1
            if (
                match.group("unit") is None and match.group("suffix_currency") is None
                and _label_before(text, core) and _RANGE_SEPARATOR.match(text, end, limit) is None
            ):
                # After a label ("Note 12", "December 31"), a figure with no unit and no range is
                # rejected by _acceptable whether it is plain or not ("between" is not a label).
                return None
            parsed = match.groupdict(), end
        else:
            parsed = _parse_amount(text, begin, limit)
            if parsed is None:
                return None
    tokens, end = parsed
    hedge = tokens.get("hedge")
    hedge = " ".join(hedge.lower().split()) if hedge else None
    amount = _amount(tokens)
    if amount is None:
        return None
    value, low, high, unit, scale, decimals, kind, exact = amount
    if (
        kind == "number" and unit == "" and scale == 1.0 and decimals == 0 and not exact and not hedge
        and 1800 <= value <= 2100 and _YEAR.fullmatch(text[begin:end].strip("()").lstrip("+-−"))
    ):
        return None  # a year: no range starts with one (_join_range) and _acceptable rejects it
    before = text[max(0, begin - 12):begin]
    between = _BETWEEN_BEFORE.search(before) is not None
    separator = (_AND_SEPARATOR if between else _RANGE_SEPARATOR).match(text, end, limit)
    if separator is not None and not tokens.get("verb") and not tokens.get("fold"):
        second = _parse_amount(text, separator.end(), limit)
        if second is not None and not second[0].get("hedge"):
            word = separator.group().strip().lower()
            joined = _join_range(
                amount, _amount(second[0]), word, between, _FROM_BEFORE.search(before) is not None,
                _CHANGE_BEFORE.search(text, max(0, begin - 40), begin) is not None,
            )
            if joined is not None:
                amount, end = joined, second[1]
                if between:
                    begin = begin - len(before) + _BETWEEN_BEFORE.search(before).start()
    if not _acceptable(text, begin, end, amount, hedge, limit):
        return None
    if text[begin] == "\\":
        begin += 1  # a Markdown escape ("\\$62.2 million") is not part of the figure
    value, low, high, unit, scale, decimals, kind, exact = amount
    noun = ""
    if unit == "" and kind == "number":
        match = _NOUN_AFTER.match(text, end, min(limit, end + 40))
        if match and match.group(1).lower() not in _NOT_NOUNS:
            noun = match.group(1).lower()
    return _new_quantity(text[begin:end], begin, end, value, low, high, unit, scale, hedge, decimals, kind, exact, noun)


_QUANTITY_FIELDS = ("text", "start", "end", "value", "low", "high", "unit", "scale", "hedge", "decimals", "kind", "exact", "noun")
_set_attribute = object.__setattr__


_QUANTITY_FIELDS_SET = frozenset(_QUANTITY_FIELDS)


def _new_quantity(text, start, end, value, low, high, unit, scale, hedge, decimals, kind, exact, noun) -> Quantity:
    """``Quantity.model_construct`` with every field given, in field order, without its per-call overhead.

    Sets what ``model_construct`` sets (the fields in field order, the set of
    fields given, no extra and no private values), so the objects are the same.
    """
    quantity = object.__new__(Quantity)
    _set_attribute(quantity, "__dict__", {
        "text": text, "start": start, "end": end, "value": value, "low": low, "high": high, "unit": unit,
        "scale": scale, "hedge": hedge, "decimals": decimals, "kind": kind, "exact": exact, "noun": noun,
    })
    _set_attribute(quantity, "__pydantic_fields_set__", set(_QUANTITY_FIELDS_SET))
    _set_attribute(quantity, "__pydantic_extra__", None)
    _set_attribute(quantity, "__pydantic_private__", None)
    return quantity


def _amount(tokens) -> _Amount | None:
    """Value, rounding interval, unit, scale, decimals, kind and exactness of one amount."""
    get = tokens.get
    if get("verb"):
        factor = _MULTIPLIER_VERBS[get("verb").lower()]
        return factor, factor, factor, "x", 1.0, 0, "multiple", True
    if get("fold"):
        factor = float(_FOLD_WORDS[get("fold").lower()])
        return factor, factor, factor, "x", 1.0, 0, "multiple", True
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
        unit = _CURRENCY_PREFIX.get(currency.lstrip("\\").lower().replace(" ", ""), "USD")
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
        half = 0.5 * 10.0 ** (-decimals) * scale
        low, high = value - half, value + half
    if negative:
        value, low, high = -value, -high, -low
    return value, low, high, unit, scale, decimals, kind, exact


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
            current += _UNITS_WORDS.get(part, 0) + _TENS_WORDS.get(part, 0)
    return total + current


def _join_range(
    first: _Amount, second: _Amount | None, separator: str, between: bool, after_from: bool, after_cue: bool = True
) -> _Amount | None:
    """One range quantity from two amounts, or None when they are not a range."""
    if second is None or (after_from and not between):
        return None  # "from A to B" is a change, not a range
    v1, l1, h1, u1, s1, d1, k1, e1 = first
    v2, l2, h2, u2, s2, d2, k2, e2 = second
    if k1 == "number" and not u1 and d1 == 0 and 1800 <= v1 <= 2100 and s1 == 1.0:
        return None  # a year: "2018 to $31,560"
    inherits = False
    if not u1 and u2:
        u1, inherits = u2, True
    elif u1 and not u2 and s2 != 1.0 and s1 == 1.0:
        u2 = u1  # "$5-7 million"
    if s1 == 1.0 and s2 != 1.0:
        factor = s2
        v1, l1, h1, s1 = v1 * factor, l1 * factor, h1 * factor, s2
        inherits = True
    if u1 != u2:
        return None
    if not between:
        if separator == "to" and not inherits and not (s1 == s2 and v2 <= 2 * v1 and not after_cue):
            return None
        if not u2 and s2 == 1.0:
            return None  # bare "5-10", "2019-2020": not a range of quantities
    if v2 < v1:
        return None
    kind = "range"
    return (v1 + v2) / 2, min(l1, l2), max(h1, h2), u1, s2, max(d1, d2), kind, e1 and e2


def _acceptable(text: str, start: int, end: int, amount: _Amount, hedge: str | None, limit: int) -> bool:
    """Reject identifiers, labels, years, dates, times, versions, p-values and footnote markers.

    Every test rejects on its own, so they run cheapest and most frequent first.
    """
    value, low, high, unit, scale, decimals, kind, exact = amount
    if start > 0:
        previous = text[start - 1]
        if previous.isalnum() or previous == "_":
            return False
        if start > 1 and previous in "-–/.:" and (text[start - 2].isalnum()):
            return False
    after = text[end:min(limit, end + 3)]
    if after and _GLUED_AFTER.match(after):
        # "2.5x" and "10%" end in their suffix; a letter or digit glued after is an identifier.
        if not (after[0] in ",." and not after[1:2].isdigit()):
            return False
    plain = kind == "number" and not exact and unit == "" and scale == 1.0
    if plain:
        if decimals == 0 and not hedge:
            digits_text = text[start:end].strip("()").lstrip("+-−")
            if _YEAR.fullmatch(digits_text):
                return False  # a year
        if _label_before(text, start):
            return False
        if _MONTH_AFTER.match(text, end, min(limit, end + 12)):
            return False  # a day: "1 July 2020"
        if text[start] == "(" or (start > 0 and text[start - 1] in "([" and text[end:end + 1] in ")]"):
            if _blank_before(text, start) or text[start - 1] == "[":
                return False  # a footnote marker: "(1)" opening a line, "[3]"
    elif unit == "%" and _CI_AFTER.match(text, end, min(limit, end + 30)):
        return False
    if _p_value_before(text[max(0, start - 24):start]):
        return False
    # (A plain number has passed this test above.)
    if not plain and unit in ("", "x") and not exact and kind != "range" and _label_before(text, start):
        return False
    return True


_YEAR = LazyPattern(r"1[89][0-9]{2}|20[0-9]{2}|2100")


def _blank_before(text: str, start: int) -> bool:
    """Whether ``text[line_start:start - 1]`` is blank, ``line_start`` the start of the line holding ``start``.

    Read backwards from ``start - 2`` to the first character that is not a blank,
    never copying the line: copying it for each of many figures on one long line
    was quadratic.
    """
    if start == 0:
        return not text[:-1].strip()  # (the slice above, ``text[0:-1]``, at the very start)
    at = start - 2
    if text[start - 1] == "\n":
        return True
    while at >= 0 and text[at] != "\n":
        if not text[at].isspace():
            return False
        at -= 1
    return True


def _label_before(text: str, start: int) -> bool:
    word = _word_before(text, max(0, start - 24), start)
    if word in _LABELS:
        return True
    at = start - 1
    while at >= 0 and text[at] in " \t\u00a0":
        at -= 1
    return at >= 0 and text[at] in "#§№"


def _p_value_before(before: str) -> bool:
    tail = before.rstrip()
    if not tail or (tail[-1] not in "=<>≤≥" and "value" not in tail[-12:].lower()):
        return False
    return _P_VALUE_BEFORE.search(before) is not None


# --- the extractor ----------------------------------------------------------------------


def extract(doc: Document, sheet: FactSheet, settings: Settings) -> None:
    """Fill ``sheet.quantities`` and ``sheet.claims``."""
    prose = doc.prose
    quantities: list[Quantity] = []
    first = _DIGIT_RUN.search(prose)
    if first is None:
        return  # no figure anywhere: nothing to parse
    # Spelled-out numbers alone carry no checkable arithmetic: a paragraph needs a digit. The first digit
    # at or after ``searched`` is ``digit`` (none lies between), so a paragraph starting at or after
    # ``searched`` and ending at or before ``digit`` has none; in document order, one search serves
    # every paragraph up to the next digit.
    searched, digit = 0, first.start()
    search = _DIGIT_RUN.search
    for block in doc.paragraphs:
        start, end = block.start, block.end
        if start < searched or digit < start:
            match = search(prose, start)
            searched, digit = start, (match.start() if match is not None else len(prose))
        if digit < end:
            quantities.extend(parse_quantities(prose, start, end))
    sheet.quantities.extend(quantities)
    if quantities:
        from checker.extract.claims import find_claims

        sheet.claims.extend(find_claims(doc, quantities))
