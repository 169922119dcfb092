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
("$" alone reads as "USD"). The grammar of one amount and the value it
denotes are ``checker.extract.number_grammar``'s; this module finds where
amounts start, which of them are quantities, and joins ranges. Plain regexes
find the places where a number can start (runs of digits, and number words
through a trie-shaped pattern), so text without figures costs one scan; every
pattern is compiled on first use.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checker.extract.number_grammar import (
    CURRENCY_PREFIX,
    HEDGES,
    Amount,
    grammar,
    number_word_starts,
    parse_amount,
    read_amount,
)
from checker.facts import Quantity
from checker.patterns import LazyPattern, builder, trie_regex

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.document import Document
    from checker.facts import FactSheet

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
    our his her we you they he she us them year years month months quarter quarters percent cent compared versus vs while during
    over under up down more less fewer about approximately respectively each between through into out
    including included excluding plus minus times fold
    """.split()
)

# Where a quantity can start: a run of digits (checked in Python for what is glued before it),
# or a number or multiplier word (a regex factored as a trie, so it fails fast on other words).
_DIGIT_RUN = LazyPattern(r"[0-9][0-9,.]*")
# A paragraph with no digit is parsed only for a count in words listed by its parts after "were" or "are" ("The six
# incidents were three network, two deployment and two power events"), the one claim of words alone
# (``claim_totals.were_total_claims``); the verb and a count after it are searched for first.
_COUNT_WORDS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty"
_WORDS_TOTAL = LazyPattern(
    rf"\b(?:[Tt]he|[Aa]ll|[Tt]hese|[Tt]hose|[Ii]ts|[Oo]ur|[Tt]heir)\s+(?:{_COUNT_WORDS})\s+(?:[A-Za-z][\w'’-]*\s+){{1,3}}?"
    rf"(?:were|are)\s+(?:one|{_COUNT_WORDS})\b"
)


# The verb and a count after it, each pattern opening with a literal that the search skips to.
_WERE_COUNT = LazyPattern(rf"were\s+(?:one|{_COUNT_WORDS})\b")
_ARE_COUNT = LazyPattern(rf"are\s+(?:one|{_COUNT_WORDS})\b")


def _count_after_verb(prose: str, start: int, end: int) -> bool:
    """Whether "were" or "are" and a count in words follow each other in ``prose[start:end]`` (the quick test)."""
    return _WERE_COUNT.search(prose, start, end) is not None or _ARE_COUNT.search(prose, start, end) is not None


def _words_total(prose: str, start: int, end: int) -> bool:
    """Whether ``prose[start:end]``, which has no digit, may hold a count in words and its parts."""
    return _count_after_verb(prose, start, end) and _WORDS_TOTAL.search(prose, start, end) is not None


_CODE_WORDS = frozenset(k.rstrip(".") for k in CURRENCY_PREFIX if k[0].isalpha())
_CODE_LAST = frozenset(word[-1] for word in _CODE_WORDS)  # a word before a digit ends with its letter before it


# Everything that may precede the number core within one quantity, anchored at the core. Only the
# start of the match is used, and it is the leftmost start from which the whole pattern can match
# whatever the order of the alternatives: the words are tries (each position fails on its first
# character instead of trying every word), which match the same strings as the plain alternations.
_PREFIX = LazyPattern(
    r"(?:(?<![\w.])(?:" + trie_regex(sorted(HEDGES)) + r")\s*)?[+\-−]?\s?"
    r"(?:\\?(?:" + trie_regex(sorted(k for k in CURRENCY_PREFIX if not k[0].isalpha())) + r")\s?|"
    r"\b(?:" + trie_regex(sorted(k for k in CURRENCY_PREFIX if k[0].isalpha())) + r")\s?)?[+\-−]?\(?$",
    re.I,
)


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
            if previous.lower() in _CODE_LAST and _word_before(text, start, at) in _CODE_WORDS:  # "RMB5.2 billion"
                out.append(at)
        elif previous == ".":
            if at - 1 == start or not text[at - 2].isalnum():  # ".75"
                out.append(at - 1)
        elif previous not in ",_":
            out.append(at)
    if words:
        found = number_word_starts(text, start, end)
        if found:
            out = sorted(out + found)
    return out


_HEDGE_LONGEST = max(len(hedge) for hedge in HEDGES)
# sign, space, backslash, the longest currency, space, sign, parenthesis, and a final line break "$" may stop at
_PREFIX_TAIL = max(len(key) for key in CURRENCY_PREFIX) + 7
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


_HEDGE_SET = frozenset(HEDGES)
# The last word of every hedge: the words before a number can end with a hedge only if they end with one of these.
_HEDGE_LAST = frozenset(hedge.split()[-1] for hedge in HEDGES)


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


def _quantity_at(text: str, begin: int, core: int, limit: int) -> Quantity | None:
    parsed = parse_amount(text, begin, limit) if begin != core else None
    labelled = None  # whether a label stands before ``core``, once asked
    if parsed is None:
        begin = core
        if text[core] in _DIGIT_CHARS:
            # A figure at a digit is the digits grammar or nothing (no first word of the words grammar is
            # a digit). Four digits alone that read as a year are dropped before any other work: they are
            # a plain number with no hedge, which the year test below rejects.
            if _rejected_unread(text, core):
                return None
            match = grammar()[2].match(text, core, min(limit, core + 80))
            if match is None:
                return None
            end = match.end()
            if end == core + 4 and _YEAR.fullmatch(text, core, end) is not None:
                return None
            while end > core and text[end - 1].isspace():
                end -= 1
            if _rejected_at_end(text, end, limit):
                return None
            if match.group("unit") is None and match.group("suffix_currency") is None:
                labelled = _label_before(text, core)
                if labelled and _RANGE_SEPARATOR.match(text, end, limit) is None:
                    # After a label ("Note 12", "December 31"), a figure with no unit and no range is
                    # rejected by _acceptable whether it is plain or not ("between" is not a label).
                    return None
            parsed = match.groupdict(), end
        else:
            parsed = parse_amount(text, begin, limit)
            if parsed is None:
                return None
    tokens, end = parsed
    hedge = tokens.get("hedge")
    hedge = " ".join(hedge.lower().split()) if hedge else None
    amount = read_amount(tokens)
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
        second = parse_amount(text, separator.end(), limit)
        if second is not None and not second[0].get("hedge"):
            word = separator.group().strip().lower()
            joined = _join_range(
                amount, read_amount(second[0]), word, between, _FROM_BEFORE.search(before) is not None,
                _CHANGE_BEFORE.search(text, max(0, begin - 40), begin) is not None,
            )
            if joined is not None:
                amount, end = joined, second[1]
                if between:
                    begin = begin - len(before) + _BETWEEN_BEFORE.search(before).start()
    if not _acceptable(text, begin, end, amount, hedge, limit, labelled if begin == core else None):
        return None
    if text[begin] == "\\":
        begin += 1  # a Markdown escape ("\\$62.2 million") is not part of the figure
    value, low, high, unit, scale, decimals, kind, exact = amount
    noun = ""
    if unit == "" and kind == "number":
        match = _NOUN_AFTER.match(text, end, min(limit, end + 40))
        if match and match.group(1).lower() not in _NOT_NOUNS:
            noun = match.group(1).lower()
    # (An Amount's kind is one of Quantity's.)
    return _build_quantity(text[begin:end], begin, end, value, low, high, unit, scale, hedge, decimals, kind, exact, noun)


# Quantity's fields in declaration order, set without the frozen dataclass's keyword ``__init__``
# (see ``checker.patterns.builder``): about 3 us less per quantity.
_build_quantity = builder(Quantity)


def _join_range(
    first: Amount, second: Amount | None, separator: str, between: bool, after_from: bool, after_cue: bool = True
) -> Amount | None:
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
    return Amount((v1 + v2) / 2, min(l1, l2), max(h1, h2), u1, s2, max(d1, d2), kind, e1 and e2)


def _acceptable(
    text: str, start: int, end: int, amount: Amount, hedge: str | None, limit: int, labelled: bool | None = None
) -> bool:
    """Reject identifiers, labels, years, dates, times, versions, p-values and footnote markers.

    Every test rejects on its own, so they run cheapest and most frequent first. ``labelled``: whether
    ``_label_before(text, start)`` holds, where already known.
    """
    value, low, high, unit, scale, decimals, kind, exact = amount
    if _glued_before(text, start) or _glued_after(text, end, limit):
        return False
    plain = kind == "number" and not exact and unit == "" and scale == 1.0
    if plain:
        if decimals == 0 and not hedge:
            digits_text = text[start:end].strip("()").lstrip("+-−")
            if _YEAR.fullmatch(digits_text):
                return False  # a year
        if _label_before(text, start) if labelled is None else labelled:
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
    if (
        not plain and unit in ("", "x") and not exact and kind != "range"
        and (_label_before(text, start) if labelled is None else labelled)
    ):
        return False
    return True


_YEAR = LazyPattern(r"1[89][0-9]{2}|20[0-9]{2}|2100")


# Two rejections decided before a figure at a digit is read further, each one that _acceptable makes of the
# finished quantity. Its start stays the digit (only "between" moves a start back, and it ends in a blank);
# only a range separator could move its end, and none starts but at a dash ("5-10%").


def _rejected_unread(text: str, core: int) -> bool:
    """Whether a figure at the digit ``core``, with nothing before it, is glued to what precedes it ("COVID-19")."""
    return _glued_before(text, core)


def _rejected_at_end(text: str, end: int, limit: int) -> bool:
    """Whether a figure at a digit, read to ``end``, is glued to what follows where no range can go on ("3.5.3")."""
    return _glued_after(text, end, limit) and text[end] not in "-–"


def _glued_before(text: str, start: int) -> bool:
    """Whether a figure starting at ``start`` is glued to a word or an identifier before it ("x86", "EIP-1559")."""
    if start == 0:
        return False
    previous = text[start - 1]
    if previous.isalnum() or previous == "_":
        return True
    return start > 1 and previous in "-–/.:" and text[start - 2].isalnum()


def _glued_after(text: str, end: int, limit: int) -> bool:
    """Whether a figure ending at ``end`` is glued to a letter or digit after it ("3.5.3", "8:30", "2024a"; "2.5x"
    and "10%" end in their suffix); a comma or period followed by anything but a digit ends a clause."""
    after = text[end:min(limit, end + 3)]
    if not after or _GLUED_AFTER.match(after) is None:
        return False
    return not (after[0] in ",." and not after[1:2].isdigit())


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
    words = _count_after_verb(prose, 0, len(prose))  # (then each paragraph without a digit is asked)
    if first is None and not (words and _words_total(prose, 0, len(prose))):
        return  # no figure anywhere: nothing to parse
    # Spelled-out numbers alone carry no checkable arithmetic: a paragraph needs a digit. The first digit
    # at or after ``searched`` is ``digit`` (none lies between), so a paragraph starting at or after
    # ``searched`` and ending at or before ``digit`` has none; in document order, one search serves
    # every paragraph up to the next digit.
    searched, digit = 0, first.start() if first is not None else len(prose)
    search = _DIGIT_RUN.search
    for block in doc.paragraphs:
        start, end = block.start, block.end
        if start < searched or digit < start:
            match = search(prose, start)
            searched, digit = start, (match.start() if match is not None else len(prose))
        if digit < end or words and _words_total(prose, start, end):
            quantities.extend(parse_quantities(prose, start, end))
    sheet.quantities.extend(quantities)
    if quantities:
        from checker.extract.claims import find_claims

        sheet.claims.extend(find_claims(doc, quantities))
