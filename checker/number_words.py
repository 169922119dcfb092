"""Small numbers written as numerals or as words (CON005's ``numbers`` option).

``number_words(doc)`` returns every small number of a document's running text
that a style guide would write one way or the other, each as a
:class:`Written`: its value, whether it is an ordinal, whether it is written
in numerals or in words, and whether it is *excused*, written in the form
that both guides (AP and Chicago) want whatever the house style is:

- numerals with units, percentages, money, multiples and large round
  numbers (``5 mg``, ``3%``, ``$4``, ``3 million``), ages (``aged 7``,
  ``a 7-year-old``), dates and times (``5 May``, ``May 5``, ``7 pm``,
  ``7:30``), scores and ranges (``3-1``), decimals and fractions;
- numbers that name or number something: after a label (``page 4``,
  ``Figure 2``, ``Phase 3``, ``No. 1``, ``version 2``, ``step 3``), before
  or after a capitalised word (``10 Downing Street``, ``Channel 4``,
  ``Formula One``), list markers and bracketed references (``(3)``);
- a number opening a sentence (spelled out in both guides) and a numeral
  in the same sentence as a larger numeral (numbers in one series are
  written alike: ``between 8 and 12``);
- words in compounds and fractions (``five-year``, ``two-thirds``),
  ``one``, ``first`` and ``second`` (a pronoun, an idiom or a unit as often
  as a number: ``no one``, ``one day``, ``a second``) and idioms (``one or
  two``, ``on all fours``, ``ten to one``);
- headings, tables and quotations' titles are not read (only paragraphs).

Numbers above one hundred are not read: the guides agree on numerals there
(round numbers aside, which say too little to compare).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}  # fmt: skip
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90}
# Words that say "a number" less often than something else.
_UNREAD_WORDS = frozenset({"zero", "one", "first", "second"})

_ALPHA = "A-Za-z\u00c0-\u024f"
_WORD = re.compile(rf"(?<![{_ALPHA}\d\-\u2010\u2011'\u2019])[{_ALPHA}]+(?:[-\u2010\u2011][{_ALPHA}]+)*")
_NUMERAL = re.compile(
    r"(?<![\w.,\-\u2010\u2011\u2013/#$\u00a3\u20ac\u00a5+=\u2212~\u00d7:'\u2019])([1-9]\d{0,2})(st|nd|rd|th)?"
    r"(?![\w%\u00b0\u2032\u2033'\u2019\u00d7+=:)]|[.,/]\d|[\-\u2010\u2011\u2013]\w)"
)
# Between two numerals of one list or range: "1, 3 and 4", "6 to 9", "4 or 5".
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and|or|to|&|-|\u2013|\u2014)\s*")
_SENTENCE_WORD_ZIPF = 4.5
_SENTENCE_END = re.compile(r"[.!?]['\"\u2019\u201d)\]]*\s*$")

_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Before a numeral: the numeral is a label or an age ("page 4", "aged 7").
_LABELS = frozenset(
    """page pages p pp figure figures fig table tables section sections chapter chapter part parts volume vol no nos
    number item items step steps phase phases stage stages level levels grade grades round rounds game games line lines
    paragraph para note notes article articles rule rules schedule appendix exhibit column columns row rows version
    versions v release category class type types tier tiers division group cohort arm unit units room floor platform
    route series season episode track size model question questions box lot plot flat apartment suite gate terminal
    channel act scene verse study year years week weeks day days month months hour quarter q half match test innings
    aged age ages over under nearly almost about around only top bottom term key form option options point points
    lane block ward district zone region area sector site wave dose visit cycle day-to-day seat seats slot order
    position place rank ranked ranking number-one hole holes lap laps leg legs set sets heat heats race races
    grant award plan bill scope""".split()
)
# After a numeral: a unit, a currency, a multiple, a time or a thing of counts that the guides write in figures.
_AFTER = frozenset(
    """percent per pc percentage points point pts basis bps mg g kg mcg ml l km cm mm m miles mile mi mph kph km/h feet ft
    foot inch inches in yards yard metres meters metre meter kilometres kilometers kilometre acres acre hectares hectare
    pounds pound lb lbs ounces ounce oz grams gram kilograms kilogram tonnes tonne tons ton litres liters litre liter
    gallons gallon pints pint degrees degree c f am pm a.m p.m o'clock o\u2019clock gmt bst utc et pt cet million millions
    billion billions trillion bn mn m k thousand thousands hundred hundreds dozen crore lakh dollars dollar cents cent
    pence p euros euro yen yuan rupees rupee francs franc times x year-old years-old goals goal runs run wickets wicket
    votes vote seats stars star sets games points-to per-cent bp mb gb tb kb mbps gbps hz khz mhz ghz kw mw gw kwh mwh
    megabits megabytes gigabits gigabytes kilobits kilobytes terabytes
    volts volt watts watt amps mah bits bit bytes byte pixels px dpi rpm fps seconds second minutes minute mins min
    secs sec hrs hr""".split()
)
_AGE_AFTER = re.compile(r"\s+(?:years?|months?|weeks?)[ \-\u2010\u2011]old\b|[\-\u2010\u2011](?:year|month|week|day)s?[\-\u2010\u2011]old\b", re.I)
# An age before the numeral: "Mrs Hassan, 59,", "at the age of just 28", "He was 84,".
_AGE_BEFORE = re.compile(rf"(?:\b[A-Z][{_ALPHA}]+,|\b[Aa]ge of(?: just| only)?|\b(?:[Hh]e|[Ss]he) (?:was|is),?)[ \u00a0]+$")
_IDIOMS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a)\s+or\s+(?:two|three|four|five|six|seven|eight|nine|ten)\b"
    r"|\bon all fours\b|\bsixes and sevens\b|\bten to one\b|\bnine times out of ten\b|\bat (?:sixes|nines)\b"
    r"|\bnine to five\b|\bcloud nine\b|\bten a penny\b|\bforty winks\b|\bsixth sense\b|\bseventh heaven\b"
    r"|\bthe (?:two|three|four|five) of (?:us|them|you|those|these)\b|\b(?:two|three|four|five)fold\b|\btwenty[- ]four seven\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine) (?:in|out of) (?:ten|twenty|a hundred|\d+)\b"
    r"|\bhigh five\b|\bten-four\b|\bthe (?:big|top) (?:three|four|five|six|ten)\b|\bthe twelve apostles\b",
    re.I,
)
_SERIES_SPAN = 30
_PREV_WORD = re.compile(rf"([{_ALPHA}][{_ALPHA}.'\u2019]*)[ \u00a0]+$")
_NEXT_WORD = re.compile(rf"[ \u00a0]+([{_ALPHA}][{_ALPHA}.'\u2019\-/]*)")
_FUNCTION_CAPS = frozenset(
    """a an the and or but of in on at to by for with from into about after before between during over under
    some all only just about around nearly almost more less than at least up down off out as if when while since
    until so yet then there here this that these those its it his her their our my your we they he she i you
    each every both either neither no not nor per via among across against along despite within without""".split()
)


@dataclass(frozen=True, slots=True)
class Written:
    """One small number as written."""

    start: int
    end: int
    value: int
    ordinal: bool
    numeral: bool
    excused: bool  # written as both guides want, whatever the house style (see the module docstring)


def _word_value(word: str) -> tuple[int, bool] | None:
    """(value, ordinal) of a number word up to ninety-nine (``twenty-one``, ``thirty-third``), or None."""
    lower = word.lower()
    for table, ordinal in ((_UNITS_WORDS, False), (_TENS_WORDS, False), (_ORDINAL_UNITS, True), (_ORDINAL_TENS, True)):
        if lower in table:
            return table[lower], ordinal
    parts = re.split(r"[-\u2010\u2011]", lower)
    if len(parts) == 2 and parts[0] in _TENS_WORDS:
        if parts[1] in _UNITS_WORDS and 0 < _UNITS_WORDS[parts[1]] < 10:
            return _TENS_WORDS[parts[0]] + _UNITS_WORDS[parts[1]], False
        if parts[1] in _ORDINAL_UNITS and _ORDINAL_UNITS[parts[1]] < 10:
            return _TENS_WORDS[parts[0]] + _ORDINAL_UNITS[parts[1]], True
    return None


def _headline(prose: str, start: int, end: int) -> bool:
    """A one-line paragraph without a full stop: a title, a caption, a list item."""
    text = prose[start:end].strip()
    return "\n" not in text and text[-1:] not in ".!?:;\"\u201d'\u2019)"


def _sentence_start(prose: str, start: int, sentence_start: int) -> bool:
    """Whether only quotes, brackets or a list marker stand between the sentence start and ``start``."""
    before = prose[sentence_start:start]
    return not re.search(rf"[{_ALPHA}]{{2}}", before) and not re.search(r"\d{2}", before)


def _prev(prose: str, start: int) -> str:
    match = _PREV_WORD.search(prose, max(0, start - 30), start)
    return match.group(1) if match else ""


def _next(prose: str, end: int) -> str:
    match = _NEXT_WORD.match(prose, end)
    return match.group(1) if match else ""


def _ordinary(word: str) -> bool:
    """A capitalised sentence opener that is an ordinary word ("Later"), not a name ("Halo")."""
    from checker.lexicon import zipf

    return not word.isupper() and zipf(word.lower()) >= _SENTENCE_WORD_ZIPF


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.lower().rstrip(".") not in _FUNCTION_CAPS


def _numeral_excused(prose: str, start: int, end: int, sentence_start: int, ordinal: bool) -> bool:
    before, after = _prev(prose, start), _next(prose, end)
    lead = prose[max(0, start - 2) : start]
    tail = prose[end : end + 2]
    if before and _sentence_start(prose, start - len(before) - 1, sentence_start) and _ordinary(before):
        before = before.lower()  # the sentence's first word: "Later 4 patients left" (but "Halo 2 sold")
    if _capitalised(before) or _capitalised(after) or _capitalised(after.split("-")[0]):
        return True  # a name, an address, a label: "Channel 4", "10 Downing Street", "Phase 3"
    if ordinal and _word_value(before) is not None:
        return True  # a fraction: "one 5th"
    b, a = before.lower().rstrip(".'\u2019"), after.lower().rstrip(".,;:'\u2019")
    if b in _LABELS or b in _MONTHS or a in _MONTHS or a in _AFTER or a.split("-")[0] in _AFTER:
        return True
    if a == "of" and _NEXT_WORD.match(prose, end + 3) and _next(prose, end + 3).lower() in _MONTHS:
        return True  # "the 5th of May"
    if _AGE_AFTER.match(prose, end) or _AGE_BEFORE.search(prose, max(0, start - 40), start):
        return True
    if lead.endswith("(") and tail.startswith(")") or lead.endswith("[") or tail.startswith("]"):
        return True  # "(3)", "[2]": a reference or a list item
    if tail[:1] in (")", ".") and re.search(r"(?:^|\n)[ \t]*(?:[(\[])?$", prose[max(0, start - 6) : start]):
        return True  # a list marker "1." or "2)"
    if re.match(r"\s*(?:-|\u2013)\s*\d", prose[end : end + 4]):
        return True  # a score or a range written with a dash: "3-1", "4 \u2013 6"
    if re.match(r"\s*(?:to|-|\u2013|and|or)\s*\d+[-\u2010\u2011]", prose[end : end + 12]):
        return True  # a range of a compound: "2 to 5-year"
    return False


def _word_excused(prose: str, start: int, end: int, word: str, sentence_start: int) -> bool:
    if word.lower() in _UNREAD_WORDS or "-" in word and _word_value(word) is None:
        return True
    if word[:1].isupper():
        return True  # a name or a sentence start ("Formula One", "Five people died")
    following = prose[end : end + 1]
    if following in ("-", "\u2010", "\u2011"):
        return True  # a compound: "five-year", "two-thirds"
    after = _next(prose, end).lower().rstrip(".,;:'\u2019")
    if after in _AFTER or after in ("thirds", "quarters", "fifths", "sixths", "eighths", "tenths", "halves"):
        return True
    if _AGE_AFTER.match(prose, end) or _prev(prose, start).lower() in ("aged", "age", "ages"):
        return True
    before = _prev(prose, start)
    if _capitalised(before) and before != "I" and not _sentence_start(prose, start - len(before) - 1, sentence_start):
        return True  # "Channel Four", "Henry Eighth"
    parsed = _word_value(word)
    if _word_value(before) is not None and parsed is not None and parsed[1]:
        return True  # a fraction: "one eightieth"
    return False


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls in one of the sorted, disjoint ``spans``."""
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def _near(offsets: list[int], offset: int, span: int) -> bool:
    """Whether one of the sorted ``offsets`` is less than ``span`` from ``offset``."""
    index = bisect.bisect_left(offsets, offset - span + 1)
    return index < len(offsets) and offsets[index] < offset + span


def number_words(doc) -> list[Written]:
    """The small numbers of the document's running text (see the module docstring)."""
    prose = doc.prose
    out: list[Written] = []
    idioms = [(m.start(), m.end()) for m in _IDIOMS.finditer(prose)]
    for sentence in doc.sentences:
        block = doc.paragraphs[sentence.paragraph]
        if block.kind != "paragraph" or _headline(prose, block.start, block.end):
            continue
        found: list[Written] = []
        large = False  # a numeral above the small ones in this sentence (years aside)
        for match in _NUMERAL.finditer(prose, sentence.start, sentence.end):
            value, ordinal = int(match.group(1)), bool(match.group(2))
            if value > 100 and not (1000 <= value <= 2100):
                large = True
            if value > 100 or value == 0:
                continue
            if value >= 10:
                large = large or not ordinal
            excused = _sentence_start(prose, match.start(), sentence.start) or _numeral_excused(prose, match.start(), match.end(), sentence.start, ordinal)
            found.append(Written(match.start(), match.end(), value, ordinal, True, excused))
        for match in _WORD.finditer(prose, sentence.start, sentence.end):
            word = match.group()
            parsed = _word_value(word) if word[0] in "zotfsenZOTFSEN" else None
            if parsed is None:
                continue
            value, ordinal = parsed
            excused = (
                _sentence_start(prose, match.start(), sentence.start)
                or _word_excused(prose, match.start(), match.end(), word, sentence.start)
                or _inside(idioms, match.start())
            )
            found.append(Written(match.start(), match.end(), value, ordinal, False, excused))
        found.sort(key=lambda w: w.start)
        numerals = [w for w in found if w.numeral]
        # A list or range shares a member's excuse: "Key Stages 1, 3 and 4", "6 to 9 January".
        shared = [w.excused for w in numerals]
        run = 0
        for i in range(1, len(numerals) + 1):
            if i == len(numerals) or not _JOINED.fullmatch(prose, numerals[i - 1].end, numerals[i].start):
                if any(shared[run:i]):
                    shared[run:i] = [True] * (i - run)
                run = i
        numerals = [Written(w.start, w.end, w.value, w.ordinal, True, e) for w, e in zip(numerals, shared)]
        found = numerals + [w for w in found if not w.numeral]
        if large:  # one series, written alike: "between 8 and 12 patients"
            found = [w if not w.numeral or w.value >= 10 else Written(w.start, w.end, w.value, w.ordinal, True, True) for w in found]
        small = [w.start for w in found if not w.numeral and not w.excused and w.value < 10]
        # "nine or eleven", "between eight and twelve": one series, in words
        found = [
            Written(w.start, w.end, w.value, w.ordinal, False, True)
            if not w.numeral and w.value >= 10 and _near(small, w.start, _SERIES_SPAN)
            else w
            for w in found
        ]
        out.extend(sorted(found, key=lambda w: w.start))
    return out


def spelled(value: int, ordinal: bool) -> str:
    """A number from 1 to 100 in words (``21`` -> ``twenty-one``, ``3rd`` -> ``third``)."""
    if value == 100:
        return "one hundredth" if ordinal else "one hundred"
    cardinals = {v: k for k, v in (_UNITS_WORDS | _TENS_WORDS).items()}
    ordinals = {v: k for k, v in (_ORDINAL_UNITS | _ORDINAL_TENS).items()}
    table = ordinals if ordinal else cardinals
    if value in table:
        return table[value]
    tens, units = divmod(value, 10)
    return f"{cardinals[tens * 10]}-{table[units]}"
