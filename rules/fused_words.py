"""TXT005: two words run together: ``ofapplication``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from checker.finding import Edit, Finding, Fix
from checker.patterns import LazyPattern
from checker.rule import Rule

# A lower-case token standing alone in prose: not part of a capitalised,
# hyphenated, dotted, slashed, underscored or prefixed identifier
# ("s:notend"), not a call ("getattr("), not an attribute ("x.tolist"),
# not next to digits.
_MIN_TOKEN = 5
_TOKEN = LazyPattern(
    r"(?<![\w\-\u2010\u2011./\\@#$%&*+=<>~^|`'\u2019:])"
    r"([a-z]{5,})"
    r"(?![\w\-\u2010\u2011/\\@#$%&*+=<>~^|`(\[{]|[.'\u2019:][\w])"
)
# The words on either side (blanked Markdown leaves runs of spaces, hence
# "[ ]*"); a figure or closing punctuation may follow instead of a word.
_WORD_BEFORE = LazyPattern(
    r"(?:^|(?<=[\s(\"\u201c]))([A-Za-z]+(?:-[A-Za-z]+)*|\d[\d,.]*%?)[,;:)\"\u201d]?[ ]*(?:\r\n|\r|\n)?[ ]*\(?$"
)
_WORD_AFTER = LazyPattern(
    r"[ ]*(?:\r\n|\r|\n)?[ ]*(?:([A-Za-z]+(?:-[A-Za-z]+)*|[A-Z][A-Za-z]*\d+)(?=[\s,.;:!?)]|$)|[$\u20ac\u00a3]?\d)"
    r"|[,.;:!?)\"\u201d\u2019]+(?=\s|$)"
)
# The cheap scan for suspects works on UTF-8 bytes (bytes.translate is many
# times faster than str's): everything but ASCII letters becomes a space.
_NOT_LETTERS = bytes(c for c in range(33, 256) if not (65 <= c <= 90 or 97 <= c <= 122))
_SCAN_TABLE = bytes.maketrans(_NOT_LETTERS, b" " * len(_NOT_LETTERS))
# Lines of code, tables and configuration.
_CODE_LINE = LazyPattern(r"\t|::|>>>|->|[={}|<>]")
_LETTERS = LazyPattern(r"[A-Za-z]+")
# Marks of a technical document: code spans, camelCase or snake_case names, calls.
_TECHNICAL = LazyPattern(r"`|\b[a-z]+[A-Z][a-z]|[a-z]_[a-z]|\w\(\)")
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
_IDENTIFIER_PREFIXES = frozenset({"to", "from", "at", "on", "as", "is", "not", "it"})

# At the end of a token only these count: many words of English and of
# other languages end in "in", "on", "to", "are" ("aprotinin", "usato",
# "specificare"), and identifiers end in "to" ("sendto").
_SUFFIX_WORDS = frozenset({"the", "of", "and", "for", "with", "from", "that"})
# ... and only after a word of four letters or more: "endfor", "endwith"
# are keywords of programming and template languages.
_MIN_LEFT_PART = 4

# English prose has about one of these in three words; text with fewer than
# one in eight (counted over the characters around the token) is code, a
# table or another language.
_COMMON = frozenset(
    """
    the of and to a in is that for it with as was on be by are this from or
    an at not which have has will can we our their its
    """.split()
)
_MIN_COMMON_SHARE = 0.125
_WINDOW = 400

# A token the word list knows is reported only when both parts are function
# words and it is far rarer than either: "ofthe" (Zipf 3.3) against "of" (7.4).
_RARER_BY = 4.0
# The content part of a split must be a common word; a short one must be
# very common ("one", "ten", but not "ins" from "withins even").
_PART_ZIPF = 3.5
_SHORT_PART_ZIPF = 4.5
_SHORT_PART = 3
# The words around the token must be real words: it sits in running prose.
_NEIGHBOUR_ZIPF = 2.0

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
    through because while when where whether than then now just also only
    very still even never already soon their your his her they them you
    she he him its our my what which who whose would could should might must
    does did is was were are has have had been being
    """.split()
)
# Prepositions that also open compounds ("overmighty", "underfund") count
# as closed-class words only at the end of a token ("childrenunder").
CLOSED_AT_END = frozenset("over under since until unless".split())
# A second reading into two words ("weblogger": "we blogger" or "web
# logger") means a compound, not a slip: a common first part and a known
# second part. A part this frequent counts as a known word.
_READING_LEFT_ZIPF = 4.0
_READING_ZIPF = 2.5


class FusedWords(Rule):
    """Two words run together without a space, such as ``ofapplication``.

    What it checks
    --------------
    Reports a lower-case word that is not in the English word list but
    splits into a very common function word ("of", "the", "and", "for", ...)
    and another common word: ``ofapplication`` (of + application),
    ``thecompany``, ``costfor``; and a few frequent slips that the word list
    knows but that are far rarer than their parts (``ofthe``, ``inthe``).

    Two content words run together (``teamnow``, ``salesgrowth``) are
    reported when the word list does not know the token, it reads one way
    only as two known words, and there is evidence of a slip rather than a
    closed compound: both words are frequent and one is a closed-class word
    ("now", "about", "their"), or the document, if it holds no code, writes
    the two words apart elsewhere ("sales growth"). A token with a second
    reading (``weblogger``: "web logger") or that the text uses again, in any
    case or inside an identifier, is the writer's term and is not reported.
    A known but rare token is reported when both parts are closed-class
    words far more frequent than it (``ofthe``, ``whenthe``).

    Only words in running English prose are checked: between two real
    words, outside code lines, tables and other languages. Capitalised
    words, names, drug and code names (``venetoclax``, ``HQP1351``), words
    with digits, underscores, dots or slashes, URLs, programming identifiers
    (``getattr(``, ``x.tolist``, ``isinstance``, ``bytearray``, ``endfor``)
    and inflected forms of known words (``formatters``) are never reported.

    Why it matters
    --------------
    A lost space is easy to miss when proofreading, and spell checkers that
    skip unknown technical words skip it too. It also breaks search: nobody
    finds "application" in "ofapplication".

    The suggested split is shown but not applied automatically: the rule
    cannot be certain that the word is not a name or a term of art.

    Fix safety
    ----------
    A suggestion only (never applied by ``--fix``): it inserts the missing
    space, but a run-together word may be a name or a term the word list does
    not know.

    Flagged
    -------
        accelerate the review process at the stage ofapplication for approval

    Passes
    ------
        accelerate the review process at the stage of application for approval
        olverembatinib and venetoclax; the bytearray type
    """

    code = "TXT005"
    name = "fused-words"
    severity = "warning"

    def check(self, doc, facts) -> Iterator[Finding]:
        from checker.lexicon import zipf

        prose = doc.prose
        found = []
        for token, split in _suspects(doc, zipf):
            places = []
            position = prose.find(token)
            while position >= 0:
                match = _TOKEN.match(prose, position)
                if match and match.end() == position + len(token) and _in_running_prose(doc, position, match.end(), zipf):
                    places.append(position)
                position = prose.find(token, position + 1)
            # An unknown word the text uses again, in any case or inside a
            # longer identifier ("weblogger" twice, "keypath" beside "keyPath"
            # and "keypaths"), is the writer's term; a lost space happens once.
            if places and zipf(token) == 0 and _used_again(prose, token):
                continue
            if places and best_split(token, zipf) is None and not _slip_evidence(doc.text, split, zipf):
                continue
            found += [(place, token, split) for place in places]
        for start, token, (left, right) in sorted(found):
            end = start + len(token)
            yield self.finding(
                start,
                end,
                f'"{token}" looks like two words run together: "{left} {right}"',
                evidence=_evidence(token, left, right, zipf),
                fix=Fix((Edit(start + len(left), start + len(left), " "),), "display", f'Write "{left} {right}"'),
            )


def _evidence(token: str, left: str, right: str, zipf) -> str:
    known = zipf(token)
    seen = f"is rare in English (Zipf {known:.1f})" if known else "is not in the English word list"
    return f'"{token}" {seen}; "{left}" (Zipf {zipf(left):.1f}) and "{right}" (Zipf {zipf(right):.1f}) are common words'


# Whitespace-separated chunks of earlier documents of the run that hold no
# suspect, and the suspects of the others: most chunks recur.
_PLAIN_CHUNKS: set[str] = set()
_SUSPECTS_IN: dict[str, tuple[tuple[str, tuple[str, str]], ...]] = {}
_CACHE_LIMIT = 500_000
# Separators that end a chunk (str.split) but not a word of the byte scan.
_CONTROL_SEPARATORS = ("\x1c", "\x1d", "\x1e", "\x1f")


def _suspects(doc, zipf) -> list[tuple[str, tuple[str, str]]]:
    """Distinct lower-case words of the text that split into a function word and a common word."""
    if len(_PLAIN_CHUNKS) > _CACHE_LIMIT:
        _PLAIN_CHUNKS.clear()
        _SUSPECTS_IN.clear()
    prose = doc.prose
    if any(separator in prose for separator in _CONTROL_SEPARATORS):
        return _word_suspects(_words(prose), zipf)
    # The words are those of the document's distinct chunks (the chunks are
    # shared with the names extractor); chunks judged before cost nothing.
    out: dict[str, tuple[str, str]] = {}
    new: list[str] = []
    for chunk in doc.distinct_chunks - _PLAIN_CHUNKS:
        found = _SUSPECTS_IN.get(chunk)
        if found is None:
            new.append(chunk)
        else:
            out.update(found)
    if new:
        suspects = dict(_word_suspects(_words("\n".join(new)), zipf))
        if suspects:
            for chunk in new:
                if any(token in chunk for token in suspects):
                    found = tuple((token, suspects[token]) for token in _words_str(chunk) if token in suspects)
                    if found:
                        _SUSPECTS_IN[chunk] = found
                        out.update(found)
                        continue
                _PLAIN_CHUNKS.add(chunk)
        else:
            _PLAIN_CHUNKS.update(new)
    return list(out.items())


def _words(text: str) -> set[bytes]:
    """The distinct words of the scan: runs of ASCII letters, as bytes."""
    return set(text.encode("utf-8").translate(_SCAN_TABLE).split())


def _words_str(chunk: str) -> list[str]:
    return [word.decode("ascii") for word in chunk.encode("utf-8").translate(_SCAN_TABLE).split()]


def _word_suspects(words: set[bytes], zipf) -> list[tuple[str, tuple[str, str]]]:
    """The words of ``words`` that split into a function word and a common word."""
    out = []
    # Most words neither start nor end with a function word: one regular
    # expression over the distinct words rejects them before any lookup.
    joined = b"\n".join(words)
    tried = set()
    for raw in _suspect_pattern().findall(joined):
        if len(raw) >= _MIN_TOKEN:
            tried.add(raw)
            token = raw.decode("ascii")
            split = best_split(token, zipf)
            if split is not None:
                out.append((token, split))
    for raw in _content_pattern().findall(joined):
        if raw not in tried:
            token = raw.decode("ascii")
            split = content_split(token, zipf)
            if split is not None:
                out.append((token, split))
    return out


@lru_cache(maxsize=1)
def _content_pattern() -> re.Pattern:
    """A lower-case word (one per line) long enough to hold two content words."""
    return re.compile(f"^[a-z]{{{_MIN_CONTENT_TOKEN},}}$".encode(), re.M)


@lru_cache(maxsize=1)
def _suspect_pattern() -> re.Pattern:
    """A lower-case word (one per line) that starts or ends with a function word."""
    prefixes = "|".join(sorted(FUNCTION_WORDS, key=lambda w: (-len(w), w)))  # the same in every process
    suffixes = "|".join(sorted(_SUFFIX_WORDS, key=lambda w: (-len(w), w)))
    return re.compile(f"^(?:(?:{prefixes})[a-z]{{2,}}|[a-z]{{{_MIN_LEFT_PART},}}(?:{suffixes}))$".encode(), re.M)


def _split_points(token: str) -> list[int]:
    """Where a function word could end or start inside ``token`` (string tests only)."""
    points = [k for k in range(2, min(_LONGEST_FUNCTION_WORD, len(token) - 2) + 1) if token[:k] in FUNCTION_WORDS]
    for length in (2, 3, 4):
        if token[-length:] in _SUFFIX_WORDS and len(token) - length >= _MIN_LEFT_PART:
            points.append(len(token) - length)
    return points


def best_split(token: str, zipf) -> tuple[str, str] | None:
    """The most plausible split of ``token`` into a function word and a common word, if any."""
    points = _split_points(token)
    if not points:
        return None
    frequency = zipf(token)
    if frequency == 0 and _inflected_known(token, zipf):
        return None
    best: tuple[float, str, str] | None = None
    for index in points:
        left, right = token[:index], token[index:]
        if left in FUNCTION_WORDS:
            other = right
            if left in _IDENTIFIER_PREFIXES and right not in FUNCTION_WORDS:
                continue
        elif right in _SUFFIX_WORDS and len(left) >= _MIN_LEFT_PART:
            other = left
        else:
            continue
        if other not in FUNCTION_WORDS and not _common(other, zipf):
            continue
        weakest = min(zipf(left), zipf(right))
        if frequency > 0 and (right not in CLOSED_CLASS or left not in CLOSED_CLASS or weakest - frequency < _RARER_BY):
            continue
        if best is None or weakest > best[0]:
            best = (weakest, left, right)
    if best is None or (frequency == 0 and _other_reading(token, best[1], zipf)):
        return None
    return best[1], best[2]


def content_split(token: str, zipf) -> tuple[str, str] | None:
    """The split of an unknown ``token`` into two known words, if it reads that way only once."""
    if zipf(token) > 0 or _inflected_known(token, zipf):
        return None
    found = None
    for index in range(_MIN_CONTENT_PART, len(token) - _MIN_CONTENT_PART + 1):
        left, right = token[:index], token[index:]
        if zipf(left) >= _READING_ZIPF and zipf(right) >= _READING_ZIPF:
            if found is not None:
                return None  # "weblogger": "web logger" or "we blogger"
            found = (left, right)
    return found


def _slip_evidence(text: str, split: tuple[str, str], zipf) -> bool:
    """Two frequent words of which one is closed-class, or two words the document writes apart."""
    left, right = split
    closed = left in CLOSED_CLASS or right in CLOSED_CLASS or right in CLOSED_AT_END
    if closed and _content(left, zipf) and _content(right, zipf):
        return True
    return _written_apart(text, split)


def _other_reading(token: str, left: str, zipf) -> bool:
    """Whether an unknown ``token`` also reads as two words split elsewhere than after ``left``."""
    return any(
        zipf(token[:index]) >= _READING_LEFT_ZIPF and zipf(token[index:]) >= _READING_ZIPF
        for index in range(_MIN_CONTENT_PART, len(token) - _MIN_CONTENT_PART + 1)
        if index != len(left)
    )


def _used_again(prose: str, token: str) -> bool:
    """Whether ``token``'s letters occur more than once in the text, ignoring case."""
    return len(re.findall(re.escape(token), prose, re.IGNORECASE)) > 1


def _written_apart(text: str, split: tuple[str, str]) -> bool:
    """Whether a document without code writes the two words of ``split`` apart somewhere.

    Technical writing names things in code ("nodeName", "`gas_limit`") and
    writes the same names closed in prose ("nodename"): there a closed form
    beside the open one is a term, not a slip.
    """
    if _TECHNICAL.search(text):
        return False
    return re.search(rf"\b{split[0]}\s+{split[1]}\b", text, re.IGNORECASE) is not None


def _content(word: str, zipf) -> bool:
    threshold = _SHORT_PART_ZIPF if len(word) == _SHORT_PART else _CONTENT_PART_ZIPF
    return zipf(word) >= threshold


def _inflected_known(token: str, zipf) -> bool:
    """``formatters``, ``inits``: an inflection of a word the list knows."""
    for suffix in _INFLECTIONS:
        if token.endswith(suffix):
            stem = token[: -len(suffix)]
            if len(stem) >= 3 and (zipf(stem) > 0 or zipf(stem + "e") > 0):
                return True
    return False


def _common(word: str, zipf) -> bool:
    if len(word) < _SHORT_PART:
        return False
    return zipf(word) >= (_SHORT_PART_ZIPF if len(word) == _SHORT_PART else _PART_ZIPF)


def _real_word(word: str, zipf) -> bool:
    """A common word, a capitalised one (a name: "EBITDA", "Intel") or a figure."""
    return word[0].isupper() or word[0].isdigit() or all(zipf(part) >= _NEIGHBOUR_ZIPF for part in word.split("-"))


def _in_running_prose(doc, start: int, end: int, zipf) -> bool:
    """Between real words, on a line that is not code, in English text."""
    prose = doc.prose
    before = _WORD_BEFORE.search(prose, max(0, start - 40), start)
    if before is None or not _real_word(before.group(1), zipf):
        return False
    after = _WORD_AFTER.match(prose, end, min(len(prose), end + 40))
    if after is None or (after.group(1) is not None and not _real_word(after.group(1), zipf)):
        return False
    line_start, line_end = doc.line_bounds(start, end)
    if _CODE_LINE.search(prose, line_start, line_end):
        return False
    words = [w.lower() for w in _LETTERS.findall(prose, max(0, start - _WINDOW), end + _WINDOW)]
    common = sum(1 for w in words if w in _COMMON)
    return common >= _MIN_COMMON_SHARE * len(words)
