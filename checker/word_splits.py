"""Splitting a run-together word into two words: the lexical decisions of the fused-words rule (TXT005).

A token such as ``ofapplication`` or ``teamnow`` is split at the point where
both parts are words (wordfreq's list, through ``checker.lexicon``), under
conditions that keep compounds and identifiers out: a function word at the
start or end (``best_split``), a closed-class word and a frequent word
(``closed_split``), or two known words that read only one way
(``content_split``, for which the rule wants evidence from the document).
Functions take ``zipf`` (word -> Zipf frequency) as an argument.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from checker.patterns import process_memo, trie_regex

Zipf = Callable[[str], float]
MIN_TOKEN = 5  # letters of the shortest token tried

_INFLECTIONS = ("s", "es", "ed", "ing", "er", "ers", "ly")

# The words a missing space most often glues to its neighbour: short,
# extremely frequent function words. A split must use one of them, which is
# what keeps compounds such as "bytearray", "subclass" or "nonlocal" (two
# common words, but neither a function word) out of the rule.
FUNCTION_WORDS = frozenset(
    """
    the of and to in for on with by at from that this an or are was were be
    has have had will not but its their our which who been than into also
    we it these those
    """.split()
)
_LONGEST_FUNCTION_WORD = max(map(len, FUNCTION_WORDS))

# Function words that open programming identifiers ("isinstance", "astype",
# "tolist", "fromkeys", "atexit", "onerror") count at the start of a token
# only when the rest is itself a function word ("tothe").
_IDENTIFIER_PREFIXES = ("to", "from", "at", "on", "as", "is", "not", "it")

# At the end of a token only these count: many words of English and of
# other languages end in "in", "on", "to", "are" ("aprotinin", "usato",
# "specificare"), and identifiers end in "to" ("sendto").
_SUFFIX_WORDS = frozenset({"the", "of", "and", "for", "with", "from", "that"})
# ... and only after a word of four letters or more: "endfor", "endwith"
# are keywords of programming and template languages.
_MIN_LEFT_PART = 4
# A three-letter word before "with", "and", "the", "that" or "from" ("orewith", "taxand") counts when it is a
# common word and not a keyword of code ("endwith", "getthe").
_SHORT_LEFT_SUFFIXES = frozenset({"with", "and", "the", "that", "from"})
_SHORT_LEFT_ZIPF = 4.0
_KEYWORD_LEFTS = frozenset("end get set let var def has use add put run map new not and for try nil all any one can out key".split())

# A token the word list knows is reported only when both parts are function
# words and it is far rarer than either: "ofthe" (Zipf 3.3) against "of" (7.4).
_RARER_BY = 4.0
# The content part of a split must be a common word; a short one must be
# very common ("one", "ten", but not "ins" from "withins even").
_PART_ZIPF = 3.5
_SHORT_PART_ZIPF = 4.5
_SHORT_PART = 3

# Two content words run together ("salesgrowth", "teamnow"): the token is
# not in the word list and reads as two known words of three letters or more.
# Without the document writing them apart, both must be frequent: compounds
# that the list does not know yet are mostly built from rarer parts
# ("bytearray": "byte" is Zipf 3.2).
_MIN_CONTENT_TOKEN = 7
_MIN_CONTENT_PART = 3
_CONTENT_PART_ZIPF = 3.8
# Two content words make a closed compound as often as a slip ("passcard",
# "frozenset", "contextmanager"), so such a split is reported only with
# evidence: one part is a closed-class word, which forms no compounds
# ("teamnow", "aboutroughly"), or the document writes the two words apart
# elsewhere ("salesgrowth" beside "sales growth").
CLOSED_CLASS = FUNCTION_WORDS | frozenset(
    """
    about after before between during against among without within across
    because while when where whether than then now just also only
    very still even never already soon their your his her they them you
    she he him its our my what which who whose would could should might must
    does did is was were are has have had been being
    two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million
    """.split()
)
# Prepositions that also open compounds ("underfund") count as closed-class
# words only at the end of a token ("childrenunder"). "over" and "through"
# end compounds too ("cutover", "fallthrough") and count nowhere.
CLOSED_AT_END = frozenset("under since until unless".split())
# A second reading into two words ("weblogger": "we blogger" or "web
# logger") means a compound, not a slip: a common first part and a known
# second part. A part this frequent counts as a known word.
_READING_LEFT_ZIPF = 4.0
_READING_ZIPF = 2.5


# A relative date run together ("lastweek", "nextmonth", "thisquarter"): a modifier of time and a unit of
# the calendar form no English compound, so the token needs no other evidence; one the word list knows at
# all is a hashtag spelling ("lastweek", Zipf 1.1) and counts while it stays this rare.
_RELATIVE_MODIFIERS = ("last", "next", "this", "past", "coming")
_CALENDAR_UNITS = (
    "day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "quarter", "quarters", "night",
    "morning", "afternoon", "evening", "season", "spring", "summer", "autumn", "fall", "winter", "decade", "century",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
)
_RELATIVE_MAX_ZIPF = 2.0


def _relative_word() -> str:
    """The regular expression of a time modifier and a calendar unit run together."""
    modifiers, units = "|".join(_RELATIVE_MODIFIERS), "|".join(sorted(_CALENDAR_UNITS, key=lambda w: (-len(w), w)))
    return f"(?:{modifiers})(?:{units})"


@lru_cache(maxsize=1)
def _relative_pattern() -> re.Pattern:
    """A lower-case word (one per line) that is a time modifier and a calendar unit run together."""
    return re.compile(f"^{_relative_word()}$".encode(), re.M)


@lru_cache(maxsize=1)
def _relative_lines() -> re.Pattern:
    """``_relative_pattern`` as a ``_line_pattern``."""
    return _line_pattern(_relative_word())


# The finders below read the distinct words joined into lines (``_lines``) with patterns of whole lines
# (``_line_pattern``). A pattern that opens with ``^`` is tried at every byte of the text (about half
# of the finders' instructions went there); one that opens with a line feed is tried only where the
# search, in C, finds a line feed: the text therefore puts one before every word, the first included.
def _lines(words: set[bytes]) -> bytes:
    """``words`` one per line, each line opened by a line feed."""
    return b"\n" + b"\n".join(words)


def _line_pattern(line: str) -> re.Pattern:
    """A pattern of ``_lines`` text whose ``findall`` gives the lines that ``line`` matches whole (as ``^line$`` would)."""
    return re.compile(f"\n({line})$".encode(), re.M)


def relative_date_split(token: str, zipf: Zipf) -> tuple[str, str] | None:
    """``token`` as a modifier and a calendar unit ("lastweek" -> "last", "week"), if it is one and rare."""
    if not _relative_pattern().match(token.encode("ascii", "replace")) or zipf(token) >= _RELATIVE_MAX_ZIPF:
        return None
    left = next(m for m in _RELATIVE_MODIFIERS if token.startswith(m))
    return left, token[len(left) :]


def word_suspects(words: set[bytes], zipf: Zipf) -> list[tuple[str, tuple[str, str]]]:
    """The words of ``words`` (distinct, as bytes) that split into a function or closed-class word and a common word."""
    out = []
    # Most words neither start nor end with a function word: one regular
    # expression over the distinct words rejects them before any lookup.
    joined = _lines(words)
    tried = set()
    for raw in _relative_lines().findall(joined):
        split = relative_date_split(raw.decode("ascii"), zipf)
        if split is not None:
            tried.add(raw)
            out.append((raw.decode("ascii"), split))
    for raw in _suspect_pattern().findall(joined):
        if len(raw) >= MIN_TOKEN and raw not in tried:
            token = raw.decode("ascii")
            split = best_split(token, zipf)
            # One without a function-word split is still read as two content words below ("withoutphotos" starts
            # with "with" and is "without" + "photos"), unless it starts as code does ("fromkeys", "endwith").
            if split is not None or token.startswith(_IDENTIFIER_PREFIXES) or token[:3] in _KEYWORD_LEFTS:
                tried.add(raw)
            if split is not None:
                out.append((token, split))
    for raw in _closed_pattern().findall(joined):
        if raw not in tried:
            token = raw.decode("ascii")
            split = closed_split(token, zipf)
            if split is not None:
                out.append((token, split))
    return out


def word_content_splits(words: set[bytes], zipf: Zipf) -> list[tuple[str, tuple[str, str]]]:
    """The unknown words of ``words`` that read one way only as two known words, and not as a closed-class slip."""
    out = []
    for raw in _content_pattern().findall(_lines(words)):
        token = raw.decode("ascii")
        split = content_split(token, zipf)
        # (``closed_split(token)``, from the split in hand: a closed reading passes its string test.)
        if split is not None and _closed_reading(split, zipf) is None and relative_date_split(token, zipf) is None:
            out.append((token, split))
    return out


@lru_cache(maxsize=1)
def _closed_pattern() -> re.Pattern:
    """A lower-case word (one per line) long enough for two content words, starting or ending with a closed-class word."""
    # Tries, not flat alternations: the end is tried after every letter of the word, against each
    # alternative that opens with the letter there (a flat list of the ~80 words made this the
    # finders' costliest pattern).
    start = trie_regex([w for w in CLOSED_CLASS if len(w) >= _MIN_CONTENT_PART])
    end = trie_regex([w for w in CLOSED_CLASS | CLOSED_AT_END if len(w) >= _MIN_CONTENT_PART])
    rest = _MIN_CONTENT_PART
    return _line_pattern(f"(?=[a-z]{{{_MIN_CONTENT_TOKEN},}}$)(?:(?:{start})[a-z]{{{rest},}}|[a-z]{{{rest},}}(?:{end}))")


@lru_cache(maxsize=1)
def _content_pattern() -> re.Pattern:
    """A lower-case word (one per line) long enough to hold two content words."""
    return _line_pattern(f"[a-z]{{{_MIN_CONTENT_TOKEN},}}")


@lru_cache(maxsize=1)
def _suspect_pattern() -> re.Pattern:
    """A lower-case word (one per line) that starts or ends with a function word."""
    prefixes, suffixes = trie_regex(list(FUNCTION_WORDS)), trie_regex(list(_SUFFIX_WORDS))  # (as for _closed_pattern)
    return _line_pattern(f"(?:(?:{prefixes})[a-z]{{2,}}|[a-z]{{3,}}(?:{suffixes}))")


def _split_points(token: str) -> list[int]:
    """Where a function word could end or start inside ``token`` (string tests only)."""
    points = [k for k in range(2, min(_LONGEST_FUNCTION_WORD, len(token) - 2) + 1) if token[:k] in FUNCTION_WORDS]
    for length in (2, 3, 4):
        if token[-length:] in _SUFFIX_WORDS and (len(token) - length >= _MIN_LEFT_PART or len(token) - length == 3 and token[-length:] in _SHORT_LEFT_SUFFIXES):
            points.append(len(token) - length)
    return points


def best_split(token: str, zipf: Zipf) -> tuple[str, str] | None:
    """The most plausible split of ``token`` into a function word and a common word, if any."""
    points = _split_points(token)
    if not points:
        return None
    frequency = zipf(token)
    if frequency > 0:
        # A known token can only split into two function words far more frequent than it (the test in the loop
        # below): the other places need no look-up of their parts ("information" is "in" and a common word).
        points = [index for index in points if token[index:] in FUNCTION_WORDS and token[:index] in CLOSED_CLASS]
        if not points:
            return None
    if frequency == 0 and _inflected_known(token, zipf):
        return None
    if frequency > 0 and token.endswith("s") and zipf(token[:-1]) >= _READING_ZIPF:
        return None  # the plural of a known word ("inits"), not "in its"
    best: tuple[float, str, str] | None = None
    for index in points:
        left, right = token[:index], token[index:]
        if left in FUNCTION_WORDS:
            other = right
            if left in _IDENTIFIER_PREFIXES and right not in FUNCTION_WORDS:
                continue
        elif right in _SUFFIX_WORDS and len(left) >= _MIN_LEFT_PART:
            other = left
        elif right in _SHORT_LEFT_SUFFIXES and len(left) == 3 and left not in _KEYWORD_LEFTS and zipf(left) >= _SHORT_LEFT_ZIPF:
            other = right  # (the left part's own test is this branch's)
        else:
            continue
        if other not in FUNCTION_WORDS and not _common(other, zipf):
            continue
        weakest = min(zipf(left), zipf(right))
        # ("whenthe", "ofthe"; not "hasher", which is a word)
        if frequency > 0 and (right not in FUNCTION_WORDS or left not in CLOSED_CLASS or weakest - frequency < _RARER_BY):
            continue
        if best is None or weakest > best[0]:
            best = (weakest, left, right)
    if best is None or (frequency == 0 and _other_reading(token, best[1], zipf)):
        return None
    return best[1], best[2]


# Not memoised: the finders judge a word once per run (``judged_words``), and a memo's upkeep
# (an lru_cache of 32k entries) cost about a quarter of what ``word_content_splits`` spent apart from look-ups.
def content_split(token: str, zipf: Zipf) -> tuple[str, str] | None:
    """The split of an unknown ``token`` into two known words, if it reads that way only once."""
    if zipf(token) > 0:
        return None
    found = None
    for index in range(_MIN_CONTENT_PART, len(token) - _MIN_CONTENT_PART + 1):
        left, right = token[:index], token[index:]
        if zipf(left) >= _READING_ZIPF and zipf(right) >= _READING_ZIPF:
            if found is not None:
                return None  # "weblogger": "web logger" or "we blogger"
            found = (left, right)
    # An inflection of a known word ("formatters") is no split: asked last, of the few tokens that split.
    return None if found is None or _inflected_known(token, zipf) else found


def closed_split(token: str, zipf: Zipf) -> tuple[str, str] | None:
    """The split of an unknown ``token`` into two frequent words, one of them closed-class ("teamnow")."""
    if not any(
        token[:index] in CLOSED_CLASS or token[index:] in CLOSED_CLASS or token[index:] in CLOSED_AT_END
        for index in range(_MIN_CONTENT_PART, len(token) - _MIN_CONTENT_PART + 1)
    ):
        return None  # most words: no lookup at all
    return _closed_reading(content_split(token, zipf), zipf)


def _closed_reading(split: tuple[str, str] | None, zipf: Zipf) -> tuple[str, str] | None:
    """``split`` (a ``content_split``) if one part is a closed-class word and both are frequent."""
    if split is None:
        return None
    left, right = split
    closed = left in CLOSED_CLASS or right in CLOSED_CLASS or right in CLOSED_AT_END
    return split if closed and _content(left, zipf) and _content(right, zipf) else None


def _other_reading(token: str, left: str, zipf: Zipf) -> bool:
    """Whether an unknown ``token`` also reads as two words split elsewhere than after ``left`` (not counting a part
    that is itself two function words run together, which the word list knows as a slip: "with" and "inthe" in
    "withinthe")."""
    return any(
        zipf(token[:index]) >= _READING_LEFT_ZIPF and zipf(token[index:]) >= _READING_ZIPF and not _function_pair(token[index:])
        for index in range(_MIN_CONTENT_PART, len(token) - _MIN_CONTENT_PART + 1)
        if index != len(left)
    )


def _function_pair(word: str) -> bool:
    """Whether ``word`` is two function words run together ("inthe", "ofthe")."""
    return any(word[:index] in FUNCTION_WORDS and word[index:] in FUNCTION_WORDS for index in range(1, len(word)))


def _content(word: str, zipf: Zipf) -> bool:
    """A frequent word (a three-letter one very frequent)."""
    threshold = _SHORT_PART_ZIPF if len(word) == _SHORT_PART else _CONTENT_PART_ZIPF
    return zipf(word) >= threshold


def _inflected_known(token: str, zipf: Zipf) -> bool:
    """``formatters``, ``inits``: an inflection of a word the list knows."""
    for suffix in _INFLECTIONS:
        if token.endswith(suffix):
            stem = token[: -len(suffix)]
            if len(stem) >= 3 and (zipf(stem) > 0 or zipf(stem + "e") > 0):
                return True
    return False


def _common(word: str, zipf: Zipf) -> bool:
    """A common word of three letters or more, the other part of a function-word split."""
    if len(word) < _SHORT_PART:
        return False
    return zipf(word) >= (_SHORT_PART_ZIPF if len(word) == _SHORT_PART else _PART_ZIPF)


# The scan for words works on UTF-8 bytes (bytes.translate is many times faster than str's):
# everything but ASCII letters becomes a space.
_NOT_LETTERS = bytes(c for c in range(33, 256) if not (65 <= c <= 90 or 97 <= c <= 122))
_SCAN_TABLE = bytes.maketrans(_NOT_LETTERS, b" " * len(_NOT_LETTERS))


def words_of(text: str) -> set[bytes]:
    """The distinct words of ``text`` that the fused-words rule reads: runs of ASCII letters, as bytes."""
    return set(text.encode("utf-8").translate(_SCAN_TABLE).split())


# The words of the run's documents, judged once each (a word recurs in many new chunks: "growth,"
# and "growth."): every word judged, and the suspects and content splits among them.
_JUDGED: set[bytes] = process_memo(set())
_WORD_SUSPECTS: dict[bytes, tuple[str, tuple[str, str]]] = process_memo({})
_WORD_CONTENT: dict[bytes, tuple[str, tuple[str, str]]] = process_memo({})
_JUDGED_LIMIT = 500_000


def judged_words(words: set[bytes], zipf: Zipf) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """``word_suspects`` and ``word_content_splits`` of ``words``, as dicts, judging only the words not judged before.

    Each finder judges every word on its own, so the words judged before keep their verdicts.
    """
    if len(_JUDGED) > _JUDGED_LIMIT:
        for memo in (_JUDGED, _WORD_SUSPECTS, _WORD_CONTENT):
            memo.clear()
    fresh = words - _JUDGED
    if fresh:
        for token, split in word_suspects(fresh, zipf):
            _WORD_SUSPECTS[token.encode("ascii")] = (token, split)
        for token, split in word_content_splits(fresh, zipf):
            _WORD_CONTENT[token.encode("ascii")] = (token, split)
        _JUDGED.update(fresh)
    # (A set intersected with a dict's keys view goes through the smaller of the two; with the dict itself,
    # through every word the run has judged a candidate.)
    suspects = dict(_WORD_SUSPECTS[raw] for raw in words & _WORD_SUSPECTS.keys())
    content = dict(_WORD_CONTENT[raw] for raw in words & _WORD_CONTENT.keys())
    return suspects, content


def in_chunk(chunk: str, candidates: dict[str, tuple[str, str]]) -> tuple[tuple[str, tuple[str, str]], ...]:
    """The ``candidates`` (words judged by ``judged_words``) that are words of ``chunk``, with their splits."""
    if not candidates or not any(token in chunk for token in candidates):
        return ()
    words = chunk.encode("utf-8").translate(_SCAN_TABLE).split()
    return tuple((token, candidates[token]) for token in (word.decode("ascii") for word in words) if token in candidates)
