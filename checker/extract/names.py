"""Names: name candidates, acronym definitions and aliases, and how names compare.

Extraction fills three fields of the fact sheet:

- ``names``: every name candidate as written. Single tokens are acronyms
  (``NRDL``, ``TKIs``), code names (``HQP1351``, ``APG-2575``), capitalised
  or camel-case words (``Ascentage``, ``PowerPoint``) and lower-case words
  that are rare in English (``venetoclax``); runs of capitalised tokens are
  also recorded as phrases (``Ascentage Pharma``, ``Elaine Example``). A
  possessive ``'s`` is not part of the mention. ``initial`` marks mentions
  whose capitals say nothing (first word of a sentence or line, title-case
  headings, all-capital headlines).
- ``acronyms``: definitions in both directions, ``long form (SHORT)`` and
  ``SHORT (long form)``, matched with the Schwartz-Hearst algorithm (the
  short form's letters found right to left in the long form, the first at
  the start of a word).
- ``aliases``: parentheses that give another name for the same thing:
  ``Olverembatinib (HQP1351)``, ``Olverembatinib (the determined English
  common name of HQP1351)``, ``Ascentage Pharma Group International (the
  "Company")``.

The second half of the module holds the comparisons the names rules share:
normal keys, plural and suffix gates, drug stems, and near-miss tests.
Everything is linear in the text: one tokenising pass, one pass over
parentheses.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress
from typing import TYPE_CHECKING

from pydantic import BaseModel

from checker.facts import AcronymDefinition, Alias, NameMention
from checker.patterns import LazyPattern

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.document import Document
    from checker.facts import FactSheet

# --- tokens -------------------------------------------------------------------

# A word: letters and digits with inner hyphens or apostrophes. Underscores
# are matched so that identifiers can be recognised and skipped.
_TOKEN = LazyPattern(r"[^\W_](?:\w|[-'\u2019\u2010\u2011](?=\w))*")
# Characters that, glued to the left of a token, make it part of code, a
# path, an address or a number ("os.path", "/usr", "@user", "$x", "3.5x").
_GLUE_LEFT = frozenset("._/\\@#$%&*+=<>~^|`")
# Characters that, right after a token, make it a call or part of an identifier.
_STOP_AFTER = frozenset("(_")
_POSSESSIVE = ("'s", "\u2019s")
_HYPHENS = "-\u2010\u2011"

# Capitalised function words that mark a title-case line when they occur
# mid-line ("Interview With Co-Founder & CEO ... About The Global ...").
# The search skips to each capital that can open one (the pattern starts with
# an alternation of literals); the blank before the word is checked by the
# caller. A match inside a word ("xThe ") is dropped there and cannot hide a
# real one: a match ends at a blank and contains none, so it never covers the
# blank before a real one.
_TITLE_WORDS = LazyPattern(
    r"(?:With|About|The|Of|And|For|In|On|To|From|By|At|As|Its|Our|Into|Over|After|Under|Between|A|An|Is|Are)(?=[ \t])"
)
# A line without lower-case letters (checked for eight capitals afterwards).
_CAPS_LINE_SOURCE = r"[^a-z\r\n]*[A-Z][^a-z\r\n]*+(?=\n|\Z)"
_CAPS_LINE = LazyPattern(_CAPS_LINE_SOURCE)
# A line of at most 80 characters whose words all start with a capital or a
# digit, or are connectors (checked word by word afterwards).
_HEADING_LINE_SOURCE = r"[ \t]*+[A-Z0-9][^\r\n]{0,79}+(?=\n|\Z)"
_HEADING_LINE = LazyPattern(_HEADING_LINE_SOURCE)
# Both line patterns are tried at the start of the text and after each line
# feed (as "^" and "$" with re.M would be): the versions that start with the
# line feed let the search skip to each line feed, much faster than trying
# "^" at every position.
_CAPS_LINE_AFTER_FEED = LazyPattern(r"\n(" + _CAPS_LINE_SOURCE + ")")
_HEADING_LINE_AFTER_FEED = LazyPattern(r"\n(" + _HEADING_LINE_SOURCE + ")")
_HEADING_WORD = LazyPattern(r"[A-Z0-9&]|(?:of|and|the|for|in|on|to|a|an|with|de)$")

# Lower-case words may join a run of capitalised words ("Stock Exchange of Hong Kong").
_CONNECTORS = frozenset({"of", "&", "de", "du", "la", "von", "van", "der", "del", "da"})
_MAX_PHRASE = 6

# Zipf (wordfreq) below which a lower-case word is rare enough to be a name.
RARE_ZIPF = 3.0
# Zipf above which a word at the start of a sentence is not worth recording.
_COMMON_INITIAL = 3.5

# International Nonproprietary Name stems of drug classes.
DRUG_STEMS = (
    "ciclib", "tinib", "rafenib", "fenib", "anib", "enib", "toclax", "clax", "parib", "lisib",
    "zomib", "degib", "zumab", "ximab", "umab", "mab", "cept", "platin", "taxel", "rubicin",
    "lutamide", "previr", "buvir", "vir", "gliptin", "gliflozin", "sartan", "pril", "olol",
    "statin", "dronate", "tide", "kinra",
)
_DRUG = LazyPattern(r"(?:" + "|".join(DRUG_STEMS) + r")$", re.I)


def _drug_like(token: str) -> bool:
    """Whether a word ends in a drug stem (any case)."""
    if token.isascii():
        return token.lower().endswith(DRUG_STEMS)
    return _DRUG.search(token) is not None


def extract(doc: Document, sheet: FactSheet, settings: Settings) -> None:
    """Fill ``sheet.names``, ``sheet.acronyms`` and ``sheet.aliases``."""
    prose = doc.prose
    neutral_lines = _neutral_lines(doc)
    mentions, caps = _tokens(prose, neutral_lines, doc)
    phrases = _phrases(prose, caps)
    sheet.names.extend(mentions)
    sheet.names.extend(phrases)
    sheet.names.sort(key=lambda m: (m.start, -m.end))
    defs, aliases = _parentheses(prose, mentions + phrases)
    sheet.acronyms.extend(defs)
    sheet.aliases.extend(aliases)


def _neutral_lines(doc: Document) -> list[tuple[int, int]]:
    """Spans of lines whose capitals are typographic: headings, title case, all capitals."""
    prose = doc.prose
    spans: list[tuple[int, int]] = []
    for block in doc.paragraphs:
        if block.kind == "heading":
            spans.append((block.start, block.end))
        elif block.end - block.start <= 60 and prose[block.end - 1] not in ".,;:!?\"')\u201d" and "\n" not in prose[block.start : block.end]:
            spans.append((block.start, block.end))  # a short paragraph without punctuation: a heading
    # Whole-text passes, so that ordinary lines cost nothing here.
    starts = doc.line_starts
    per_line: dict[int, int] = {}
    for start in map(_match_start, _TITLE_WORDS.finditer(prose)):
        if start and prose[start - 1] in " \t":
            line = bisect.bisect_right(starts, start) - 1
            per_line[line] = per_line.get(line, 0) + 1
    for line, count in per_line.items():
        if count >= 2:
            spans.append(_line_span(prose, starts, line))
    for start, end in _line_matches(_CAPS_LINE, _CAPS_LINE_AFTER_FEED, prose):
        if sum(c.isupper() for c in prose[start:end]) >= 8:
            spans.append((start, end))
    # A short line of capitalised words without closing punctuation: a heading.
    for start, end in _line_matches(_HEADING_LINE, _HEADING_LINE_AFTER_FEED, prose):
        line = prose[start:end].rstrip()
        if line[-1] in ".,;:!?\"')\u201d":
            continue
        words = line.split()
        if len(words) <= 8 and all(_HEADING_WORD.match(w) for w in words):
            spans.append((start, end))
    spans.sort()
    return spans


_match_start = re.Match.start


def _line_matches(pattern: re.Pattern, after_feed: re.Pattern, prose: str) -> Iterable[tuple[int, int]]:
    """Spans of the matches of ``pattern`` at the start of the text and after each line feed
    (``after_feed`` is the same pattern as group 1, after a line feed)."""
    match = pattern.match(prose)
    if match:
        yield match.span()
    for match in after_feed.finditer(prose):
        yield match.span(1)


def _line_span(prose: str, starts: list[int], line: int) -> tuple[int, int]:
    start = starts[line]
    end = starts[line + 1] if line + 1 < len(starts) else len(prose)
    return start, end


def _in_spans(spans: list[tuple[int, int]], offset: int, cursor: list[int]) -> bool:
    # Offsets arrive in increasing order: walk a cursor instead of searching.
    index = cursor[0]
    while index < len(spans) and spans[index][1] <= offset:
        index += 1
    cursor[0] = index
    return index < len(spans) and spans[index][0] <= offset


def _initial(prose: str, start: int) -> bool:
    """Whether a token opens a sentence, a line or a clause after a colon."""
    index = start - 1
    while index >= 0:
        char = prose[index]
        if char in " \t\"'\u201c\u2018([{*#>\u2022\u00b7-\u2013\u2014":
            index -= 1
            continue
        return char in ".!?:;\n\r" or char.isdigit()
    return True


def _tokens(prose: str, neutral_lines: list[tuple[int, int]], doc: Document) -> tuple[list[NameMention], list[tuple[int, int, bool, bool]]]:
    """Single-token mentions, and every capitalised token as (start, end, possessive, initial)."""
    from checker.lexicon import zipf

    mentions: list[NameMention] = []
    caps: list[tuple[int, int, bool, bool]] = []
    shout: list[int] = []  # indexes of all-capital mentions, for the headline check
    rare, chunk_list = _rare_tokens(doc, zipf)
    known = _TOKEN_KINDS
    if len(known) > _CHUNK_CACHE_LIMIT:
        known.clear()
    glue = _GLUE_LEFT
    stop_after = _STOP_AFTER
    spans_left = len(neutral_lines)
    index = 0  # into neutral_lines: offsets arrive in increasing order, so a cursor walks them
    append_mention = mentions.append
    append_cap = caps.append
    for start, token in _candidates(prose, rare, chunk_list):
        about = known.get(token)
        if about is None:
            about = known[token] = _token_kind(token, zipf)
        if about is _SKIP:
            continue
        if start:
            before = prose[start - 1]
            if before in glue:
                continue
        else:
            before = ""
        end = start + len(token)
        after = prose[end : end + 1]
        if after in stop_after or (after == "." and prose[end + 1 : end + 2].isalnum()):
            continue
        text, possessive, kind, first_upper, common = about
        if possessive:
            end -= 2
        if kind is _LOWER_WORD or kind is _LOWER_DRUG:
            append_mention(_mention(text, start, end, kind[1], False, False))
            continue
        while index < spans_left and neutral_lines[index][1] <= start:
            index += 1
        heading = index < spans_left and neutral_lines[index][0] <= start
        if heading:
            initial = True
        elif start > 1 and before == " " and prose[start - 2].isalpha():
            initial = False  # what _initial finds after a word and a blank, without the call
        else:
            initial = _initial(prose, start)
        if first_upper:
            append_cap((start, end, possessive, initial))
        if kind is _NUMBER:
            continue
        if kind == "acronym":
            shout.append(len(mentions))
        elif kind != "code" and initial and common:
            continue
        append_mention(_mention(text, start, end, kind, initial, heading))
    _mark_headlines(prose, mentions, shout, zipf)
    return mentions, caps


# What a token is, apart from where it stands, decided once per distinct
# token: _SKIP, or (text without a possessive 's, possessive, kind,
# capitalised, a common English word that says nothing at a sentence start).
_SKIP = ("skip",)
_NUMBER = ("number",)  # digits without a capital: only its capital (if any) counts
_LOWER_WORD = ("lower", "word")  # a rare lower-case word
_LOWER_DRUG = ("lower", "drug")
_TOKEN_KINDS: dict[str, tuple] = {}


def _token_kind(token: str, zipf) -> tuple:
    if token.islower() and not (len(token) >= 5 and _rare_lower_token(token, zipf)):
        return _SKIP
    if "_" in token:
        return _SKIP
    possessive = token.endswith(_POSSESSIVE)
    if possessive:
        token = token[:-2]
    first = token[0]
    if first.isdigit():
        return _SKIP
    if token.islower():
        if len(token) < 5:
            return _SKIP
        return (token, possessive, _LOWER_DRUG if _drug_like(token) else _LOWER_WORD, False, False)
    first_upper = first.isupper()
    if not token.isalpha() and any(c.isdigit() for c in token):
        if sum(c.isalpha() for c in token) >= 1 and any(c.isupper() for c in token):
            return (token, possessive, "code", first_upper, False)
        return (token, possessive, _NUMBER, first_upper, False)
    core = token[:-1] if token.endswith("s") and len(token) > 2 else token
    if core.isupper() and sum(c.isalpha() for c in core) >= 2:
        return (token, possessive, "acronym", first_upper, False)
    inner = any(c.isupper() for c in token[1:])
    common = not inner and zipf(token) >= _COMMON_INITIAL
    return (token, possessive, "drug" if _drug_like(token) else "word", first_upper, common)


# NameMention without pydantic's model_construct (which costs several
# microseconds a call): the same instance state, set directly.
_MENTION_FIELDS = frozenset(("text", "start", "end", "kind", "initial", "heading"))
_new_object = object.__new__
_set_dict = object.__setattr__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def _mention(text: str, start: int, end: int, kind: str, initial: bool, heading: bool) -> NameMention:
    mention = _new_object(NameMention)
    _set_dict(mention, "__dict__", {"text": text, "start": start, "end": end, "kind": kind, "initial": initial, "heading": heading})
    _set_fields_set(mention, set(_MENTION_FIELDS))
    _set_extra(mention, None)
    _set_private(mention, None)
    return mention


# Tokens are the matches of _TOKEN: each maximal run of word characters and
# inner hyphens or apostrophes, without the underscores, hyphens and
# apostrophes that open it. Most tokens are lower-case ASCII words or
# numbers, which are never names (rare words apart): the scan starts only
# at a word character other than a-z, 0-9 and "_" (a capital, an accented
# or non-Latin letter) and takes the rest of its run; the start of the run
# is found by walking back.
_CONNECTORS_CHARS = "-'\u2019\u2010\u2011"
_MARKED = LazyPattern(r"[^\Wa-z0-9_](?:\w|[-'\u2019\u2010\u2011](?=\w))*+")


def _is_word_char(ch: str) -> bool:
    # The same test as re's \w on str patterns.
    return ch.isalnum() or ch == "_"


def _run_start(prose: str, index: int) -> int:
    """Where the run of token characters holding ``index`` begins."""
    while index > 0:
        ch = prose[index - 1]
        if ch.isalnum() or ch == "_" or (ch in _CONNECTORS_CHARS and _is_word_char(prose[index])):
            index -= 1
        else:
            break
    return index


def _candidates(prose: str, rare: set[str], chunk_list: list[str] | None = None) -> list[tuple[int, str]]:
    """(start, token) of every token that may be a name, in text order."""
    out: list[tuple[int, str]] = []
    strip = "_" + _CONNECTORS_CHARS
    for match in _MARKED.finditer(prose):
        start = match.start()
        token = match.group()
        if start:
            ch = prose[start - 1]
            if ch != " " and (ch.isalnum() or ch == "_" or ch in _CONNECTORS_CHARS):
                # The capital is inside its run ("iPhone", "year-End"): take the whole run.
                end = match.end()
                token = prose[_run_start(prose, start) : end].lstrip(strip)
                start = end - len(token)
        out.append((start, token))
    if not rare:
        return out
    # The rare words' occurrences, added to the tokens found so far. A token's start
    # determines the token, so an occurrence is new unless its start was seen: among
    # the rare words' (a chunk may hold a word twice) or, for a word with a letter
    # beyond a-z, among the capitalised tokens (which never start an ASCII lower-case token).
    extra: list[tuple[int, str]] = []
    seen: set[int] = set()
    marked: set[int] | None = None
    if chunk_list is not None and len(rare) > _FIND_EACH_MAX:
        # Many rare words: one walk over the whitespace-separated chunks that hold them
        # instead of one search through the whole text per word.
        occurrences = (
            (index, chunk, token) for index, chunk in _rare_chunk_positions(prose, chunk_list) for token in _RARE_IN[chunk]
        )
    else:
        occurrences = ((0, prose, token) for token in rare)
    for index, within, token in occurrences:
        size = len(token)
        ascii_token = token.isascii()
        offset = within.find(token)
        while offset != -1:
            at = index + offset
            if at not in seen and _is_token(prose, at, at + size):
                if not ascii_token:
                    if marked is None:
                        marked = {start for start, _ in out}
                    if at in marked:
                        offset = within.find(token, offset + 1)
                        continue
                seen.add(at)
                extra.append((at, token))
            offset = within.find(token, offset + 1)
    out += extra
    out.sort()
    return out


# Up to this many rare words, each is found by searching the text for it.
_FIND_EACH_MAX = 6


def _rare_chunk_positions(prose: str, chunk_list: list[str]) -> Iterable[tuple[int, str]]:
    """(offset, chunk) of each chunk of ``chunk_list`` (``prose.split()``) that holds a rare word."""
    holds = _RARE_IN.__contains__
    find = prose.find
    size = len(prose)
    cursor = 0
    for chunk in compress(chunk_list, map(holds, chunk_list)):
        # The first occurrence from the cursor that is a whole chunk is this one: an earlier
        # whole-chunk occurrence would be an earlier chunk holding the same rare words.
        index = find(chunk, cursor)
        end = index + len(chunk)
        while (index and not prose[index - 1].isspace()) or (end < size and not prose[end].isspace()):
            index = find(chunk, index + 1)
            end = index + len(chunk)
        yield index, chunk
        cursor = end


def _is_token(prose: str, start: int, end: int) -> bool:
    """Whether the token scan yields a token exactly at start:end (whose text is a token)."""
    if end < len(prose):
        ch = prose[end]
        if _is_word_char(ch) or (ch in _CONNECTORS_CHARS and end + 1 < len(prose) and _is_word_char(prose[end + 1])):
            return False
    # Only underscores and joining hyphens or apostrophes may precede it in its run.
    index = start
    while index > 0:
        ch = prose[index - 1]
        if ch == "_" or (ch in _CONNECTORS_CHARS and _is_word_char(prose[index])):
            index -= 1
        elif ch.isalnum():
            return False
        else:
            break
    return True


# Whitespace-separated chunks known to hold no rare lower-case token, and the
# rare tokens of the others: most chunks recur from document to document.
_PLAIN_CHUNKS: set[str] = set()
_RARE_IN: dict[str, tuple[str, ...]] = {}
_CHUNK_CACHE_LIMIT = 500_000


def _rare_tokens(doc: Document, zipf) -> tuple[set[str], list[str]]:
    """The lower-case tokens of the prose that are rare enough in English to be names, and ``prose.split()``."""
    if len(_PLAIN_CHUNKS) > _CHUNK_CACHE_LIMIT:
        _PLAIN_CHUNKS.clear()
        _RARE_IN.clear()
    chunk_list = doc.prose_chunks
    chunks = doc.distinct_chunks - _PLAIN_CHUNKS
    rare: set[str] = set()
    for chunk in chunks:
        found = _RARE_IN.get(chunk)
        if found is None:
            found = tuple(t for t in _TOKEN.findall(chunk) if t.islower() and len(t) >= 5 and _rare_lower_token(t, zipf))
            if found:
                _RARE_IN[chunk] = found
            else:
                _PLAIN_CHUNKS.add(chunk)
        rare.update(found)
    return rare, chunk_list


def _rare_lower_token(token: str, zipf) -> bool:
    if "_" in token:
        return False
    if token.endswith(_POSSESSIVE):
        token = token[:-2]
    if len(token) < 5 or not token.replace("-", "").replace("'", "").replace("\u2019", "").isalpha():
        return False
    return _rare_lower(token, zipf)


def _rare_lower(token: str, zipf) -> bool:
    if zipf(token) >= RARE_ZIPF:
        return False
    if any(h in token for h in _HYPHENS):
        # A compound of common words ("year-over-year") is not a name.
        return any(zipf(part) < RARE_ZIPF for part in re.split(r"[-\u2010\u2011]", token) if len(part) >= 3)
    return True


def _mark_headlines(prose: str, mentions: list[NameMention], shout: list[int], zipf) -> None:
    """All-capital words next to all-capital English words are headline type, not acronyms."""
    shouting = set()
    for index in shout:
        mention = mentions[index]
        if len(mention.text) >= 4 and zipf(mention.text) >= 3.0:
            shouting.add(mention.start)
    if not shouting:
        return
    starts = sorted(shouting)
    for index in shout:
        mention = mentions[index]
        if mention.initial:
            continue
        position = bisect.bisect_left(starts, mention.start - 40)
        while position < len(starts) and starts[position] <= mention.end + 40:
            other = starts[position]
            if other != mention.start and "\n" not in prose[min(other, mention.start) : max(other, mention.end)]:
                mentions[index] = mention.model_copy(update={"initial": True, "heading": True})
                break
            position += 1


def _phrases(prose: str, caps: list[tuple[int, int, bool, bool]]) -> list[NameMention]:
    """Runs of two or more capitalised tokens ("Ascentage Pharma", "Stock Exchange of Hong Kong")."""
    from checker.lexicon import zipf

    out: list[NameMention] = []
    run: list[tuple[int, int, bool, bool]] = []

    def close() -> None:
        if len(run) < 2:  # a single token is never a phrase
            run.clear()
            return
        tokens = list(run)
        # A capitalised common word opening a sentence is not part of the name.
        while tokens and tokens[0][3] and zipf(prose[tokens[0][0] : tokens[0][1]]) >= 4.0:
            tokens.pop(0)
        if 2 <= len(tokens) <= _MAX_PHRASE:
            start, end = tokens[0][0], tokens[-1][1]
            initial = any(t[3] for t in tokens)
            out.append(_mention(prose[start:end], start, end, "phrase", initial, False))
        run.clear()

    for token in caps:
        if run:
            gap = prose[run[-1][1] : token[0]]
            joined = not run[-1][2] and (gap == " " or (gap[:1] == " " and gap[-1:] == " " and gap.strip() in _CONNECTORS and gap.count(" ") == 2))
            if not joined:
                if len(run) > 1:
                    close()
                else:
                    run.clear()
        run.append(token)
    if run:
        close()
    return out


# --- parentheses: acronym definitions and aliases ---------------------------------

_PAREN = LazyPattern(r"\(([^()\r\n]{1,120})\)")
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
_SHORT = LazyPattern(r"[A-Za-z][A-Za-z0-9&/.\-]*(?: [A-Za-z][A-Za-z0-9&\-]*)?")
_ALIAS_PHRASE = LazyPattern(
    r"(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:name|code|designation|brand)\s+(?:of|for)\s+(?P<a>\S+)"
    r"|(?:formerly|previously|also\s+known\s+as|a\.?k\.?a\.?|f/k/a)\s+(?P<b>.+)",
    re.I,
)
_WORD = LazyPattern(r"\S+")
# A sentence end, not an abbreviation before the parenthesis ("Solutions Inc. (CBTS)").
_SENTENCE_END = LazyPattern(r"[.!?][\"'\u201d\u2019]?\s+(?=[\"'\u201c\u2018]?[A-Z])")
_STOPWORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "an", "&", "de"})


def _acronym_shaped(text: str) -> bool:
    core = text[:-1] if text.endswith("s") and len(text) > 2 else text
    uppers = sum(c.isupper() for c in core)
    return uppers >= 2 and uppers * 2 >= sum(c.isalpha() for c in core)


def _parentheses(prose: str, mentions: list[NameMention]) -> tuple[list[AcronymDefinition], list[Alias]]:
    defs: list[AcronymDefinition] = []
    aliases: list[Alias] = []
    ending: dict[int, NameMention] | None = None  # built at the first parenthesis
    for match in _PAREN.finditer(prose):
        if ending is None:
            ending = _ending(mentions)
        open_at = match.start()
        inner = match.group(1)
        content = inner.strip()
        # (the "CDE") and ("CDE"): a defined term in quotes.
        quoted = _QUOTED.fullmatch(content)
        short = quoted.group(1) if quoted else content
        short_start = match.start(1) + inner.index(short)
        # "(HR-) MDS": the hyphen belongs to the text after the parenthesis.
        short = short.rstrip("-‐‑")
        if _SHORT.fullmatch(short) and len(short) <= 12 and _acronym_shaped(short.replace(" ", "")):
            before = prose[max(0, open_at - 300) : open_at]
            found = _long_before(before, short)
            if found is not None:
                long_text, offset = found
                long_start = open_at - len(before) + offset
                defs.append(AcronymDefinition.model_construct(
                    short=short, long=" ".join(long_text.split()), start=long_start, end=match.end(),
                    short_start=short_start, short_end=short_start + len(short),
                    long_start=long_start, long_end=long_start + len(long_text),
                ))
                continue
        name = ending.get(_skip_space_back(prose, open_at))
        # SHORT (long form)
        if name is not None and name.kind in ("acronym",) and len(content.split()) >= 2 and not quoted:
            long_text = _match_long(name.text[:-1] if name.text.endswith("s") and name.text[:-1].isupper() else name.text, content)
            if long_text is not None and content.endswith(long_text):
                long_start = match.end(1) - len(inner) + inner.rindex(long_text)
                defs.append(AcronymDefinition.model_construct(
                    short=name.text, long=" ".join(long_text.split()), start=name.start, end=match.end(),
                    short_start=name.start, short_end=name.end,
                    long_start=long_start, long_end=long_start + len(long_text),
                ))
                continue
        if name is None:
            continue
        alias = _alias(content, quoted.group(1) if quoted else None)
        if alias is not None and alias.isupper() and name.text.isupper() and len(alias) > 5:
            continue  # "QUARTERLY FINANCIAL INFORMATION (UNAUDITED)": headline type
        if alias is not None and alias.lower() != name.text.lower():
            aliases.append(Alias.model_construct(name=name.text, alias=alias, start=name.start, end=match.end()))
    return defs, aliases


_QUOTED = LazyPattern(r"(?:the\s+)?[" + _QUOTES + r"]([^" + _QUOTES + r"]+)[" + _QUOTES + r"](?:\s+or\s+.*)?")


def _ending(mentions: list[NameMention]) -> dict[int, NameMention]:
    """The name each parenthesis may follow, by its end: a drug or code name itself, otherwise
    the longest run of capitalised words ending there."""
    ending: dict[int, NameMention] = {}
    for mention in mentions:
        current = ending.get(mention.end)
        if current is None:
            ending[mention.end] = mention
        elif current.kind in ("drug", "code") or mention.kind in ("drug", "code"):
            ending[mention.end] = current if current.kind in ("drug", "code") else mention
        elif mention.start < current.start:
            ending[mention.end] = mention
    return ending


def _skip_space_back(prose: str, offset: int) -> int:
    while offset > 0 and prose[offset - 1] in " \t":
        offset -= 1
    return offset


def _alias(content: str, quoted: str | None) -> str | None:
    """The other name a parenthesis gives, if it gives one."""
    if quoted is not None:
        return quoted.strip()
    match = _ALIAS_PHRASE.fullmatch(content)
    if match:
        return (match.group("a") or match.group("b") or "").strip(_QUOTES + ".,;").strip() or None
    content = content.strip("\u00ae\u2122")
    if content.endswith(".") or (_zipf(content) >= RARE_ZIPF and not any(c.isdigit() for c in content)):
        return None  # "(Cont.)", "(CONTINUED)", "(Trial)": not another name
    # A single name or code: "Olverembatinib (HQP1351)", "imatinib (GLEEVEC)".
    if " " in content or not any(c.isalpha() for c in content):
        return None
    if any(c.isdigit() for c in content) or any(c.isupper() for c in content[1:]) or (content[0].isupper() and _zipf(content) < RARE_ZIPF):
        return content
    return None


def _zipf(word: str) -> float:
    from checker.lexicon import zipf

    return zipf(word)


def _long_before(before: str, short: str) -> tuple[str, int] | None:
    """The long form a short form in parentheses defines, searched in the words before it."""
    # The long form sits in the same clause: stop at the previous sentence end or parenthesis.
    boundary = -1
    for boundary_match in _SENTENCE_END.finditer(before):
        boundary = boundary_match.start()
    cut = max(boundary, before.rfind("("), before.rfind(")"), before.rfind(";"), before.rfind("\n\n"))
    window = before[cut + 1 :] if cut >= 0 else before
    letters = sum(c.isalnum() for c in short)
    words = list(_WORD.finditer(window))
    if not words:
        return None
    # Schwartz-Hearst's window, counting only content words: "National Medical
    # Products Administration of the People's Republic of China (the "NMPA")".
    limit = min(letters + 5, letters * 2)
    taken = 0
    first = len(words)
    while first > 0 and taken < limit:
        first -= 1
        if words[first].group().lower() not in _STOPWORDS:
            taken += 1
    words = words[first:]
    region_start = words[0].start()
    region = window[region_start : words[-1].end()]
    long_text = _match_long(short, region)
    if long_text is None:
        return None
    long_text = long_text.strip(_QUOTES + ",;: ")
    if len(long_text.split()) < 2 and not any(h in long_text for h in _HYPHENS):
        return None
    offset = (cut + 1 if cut >= 0 else 0) + region_start + region.rindex(long_text)
    return long_text, offset


def _match_long(short: str, long: str) -> str | None:
    """Schwartz-Hearst: the shortest tail of ``long`` holding ``short``'s letters in order."""
    short_chars = [c.lower() for c in short if c.isalnum()]
    if len(short_chars) < 2 or len(long) <= len(short):
        return None
    s_index = len(short_chars) - 1
    l_index = len(long) - 1
    low = long.lower()
    while s_index >= 0:
        char = short_chars[s_index]
        while l_index >= 0 and (low[l_index] != char or (s_index == 0 and l_index > 0 and low[l_index - 1].isalnum())):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    start = max(long.rfind(" ", 0, l_index + 1), long.rfind("\t", 0, l_index + 1)) + 1
    result = long[start:].strip()
    if short.lower() in result.lower().split():
        return None
    return result or None


# --- comparing names ----------------------------------------------------------------

# Endings that turn one word into another (plural, tense, derivation):
# words differing only there are forms of one word, not spelling variants.
SUFFIXES = frozenset(
    """
    s es ies ed d er ers ing ings ly y ic ical ically al ally ion ions ive ives able ible
    ism ist ists ity ize ise ized ised izes ises ment ments ness ous or ors an ans ian ians
    """.split()
) | {""}


def fold(text: str) -> str:
    """Case-folded, without diacritics, typographic apostrophes and hyphens normalised."""
    if text.isascii():
        return text.lower()
    stripped = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return stripped.casefold().replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-")


def join_key(text: str) -> str:
    """The key that case, diacritic, hyphen and space variants share: ``BCR-ABL`` -> ``bcrabl``."""
    folded = fold(text)
    if folded.isalnum():
        return folded  # nothing to remove (the common case: one word)
    return _JOIN_SEPARATORS.sub("", folded)


_JOIN_SEPARATORS = LazyPattern(r"[\s\-\u2010\u2011']+")
_NON_SPACE = LazyPattern(r"\S+")


def suffix_variants(a: str, b: str) -> bool:
    """Whether two folded words differ only by an inflection or derivation ending."""
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    # Allow the shared stem to have lost a final e or y ("licence"/"licensing").
    for back in (0, 1):
        stem = common - back
        if stem < 3:
            break
        x, y = a[stem:], b[stem:]
        if {x, y} in ({"", "r"}, {"", "rs"}, {"", "d"}) and a[:stem].endswith("e"):
            return True  # "tokenize" / "tokenizer", "license" / "licensed"
        # Two different single letters ("Deloitte" / "Deloittd") are a slip, not an ending.
        if x in SUFFIXES and y in SUFFIXES and not (len(x) == 1 and len(y) == 1):
            if "d" in (x, y) and not a[:stem].endswith("e"):
                continue  # "-d" ends only words in "-e" ("licensed"), never "Ethertronicsd"
            return True
    return False


def drug_stem_pair(a: str, b: str) -> bool:
    """Two drug names built on one stem with different prefixes: different drugs."""
    from rapidfuzz.distance import Levenshtein

    for stem in DRUG_STEMS:
        if a.endswith(stem) and b.endswith(stem):
            pa, pb = a[: -len(stem)], b[: -len(stem)]
            return Levenshtein.distance(pa, pb) >= 2 or min(len(pa), len(pb)) < 3
    return False


def max_distance(length: int) -> int:
    """Edits allowed between two words of this (shorter) length: 0 below 6 letters."""
    if length < 6:
        return 0
    return 1 if length < 10 else 2


@lru_cache(maxsize=65536)
def edit_distance(a: str, b: str, cutoff: int = 2) -> int:
    """Optimal string alignment distance (transpositions count once), capped at cutoff + 1."""
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b, score_cutoff=cutoff)


def describe_edit(a: str, b: str) -> str:
    """A short description of how ``b`` differs from ``a`` (for evidence)."""
    from rapidfuzz.distance import Levenshtein

    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]:
            return f"'{a[diffs[0]]}{a[diffs[1]]}' swapped"
    parts = []
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(a, b).as_list():
        if tag == "insert":
            parts.append(f"'{b[j1:j2]}' added")
        elif tag == "delete":
            parts.append(f"'{a[i1:i2]}' dropped")
        elif tag == "replace":
            parts.append(f"'{a[i1:i2]}' -> '{b[j1:j2]}'")
    return ", ".join(parts) or "identical"


def strip_plural(acronym: str) -> str:
    """``TKIs`` -> ``TKI``; other tokens unchanged."""
    if len(acronym) > 2 and acronym.endswith("s") and acronym[:-1].isupper():
        return acronym[:-1]
    return acronym


def acronym_slip(variant: str, anchor: str) -> str | None:
    """How an undefined acronym is one slip away from a defined one, or None.

    Counted as slips: one letter added or dropped (``NRDLC``/``NRDL``), two
    neighbouring letters swapped (``NDRL``), and a doubled letter moved
    (``OOR``/``ORR``). A plain one-letter substitution is not: ``CML``,
    ``CLL``, ``AML``, ``ALL`` and ``ALK`` are all distinct terms.
    """
    if min(len(variant), len(anchor)) < 3 or variant == anchor:
        return None
    if abs(len(variant) - len(anchor)) == 1:
        longer, shorter = (variant, anchor) if len(variant) > len(anchor) else (anchor, variant)
        for index in range(len(longer)):
            if longer[:index] + longer[index + 1 :] == shorter:
                return f"'{longer[index]}' added" if longer is variant else f"'{longer[index]}' dropped"
        return None
    if len(variant) != len(anchor):
        return None
    diffs = [i for i, (x, y) in enumerate(zip(variant, anchor)) if x != y]
    if len(diffs) == 2 and diffs[1] == diffs[0] + 1 and variant[diffs[0]] == anchor[diffs[1]] and variant[diffs[1]] == anchor[diffs[0]]:
        return "two letters swapped"
    if len(diffs) == 1:
        i = diffs[0]
        doubled_in_variant = (i > 0 and variant[i] == variant[i - 1]) or (i + 1 < len(variant) and variant[i] == variant[i + 1])
        doubled_in_anchor = (i > 0 and anchor[i] == anchor[i - 1]) or (i + 1 < len(anchor) and anchor[i] == anchor[i + 1])
        if doubled_in_variant and doubled_in_anchor:
            return "doubled letter moved"
    return None


@lru_cache(maxsize=1)
def known_acronyms() -> frozenset[str]:
    """The shipped list of well-known acronyms that count as defined (checker/data/acronyms.txt)."""
    from importlib.resources import files

    text = files("checker.data").joinpath("acronyms.txt").read_text(encoding="utf-8")
    out = set()
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.add(entry)
    return frozenset(out)


def defined_elsewhere(settings: Settings | None) -> frozenset[str]:
    """Acronyms that count as defined: the shipped list plus the vocabulary's."""
    base = known_acronyms()
    if settings is None:
        return base
    vocabulary = settings.vocabulary
    return base | frozenset(vocabulary.acronyms) | frozenset(a for a in vocabulary.accept if _acronym_shaped(a))


def spans(items: Iterable[NameMention]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in items]


# --- variant groups across documents ------------------------------------------------
#
# The names rules see every fact sheet of the corpus. ``find_variants``
# collects each form's occurrences over all of them and pairs every form that
# looks like a variant with the form it is a variant of: first by a shared key
# (case, hyphens, spaces, diacritics), then by edit distance between single
# words (blocked by first letter and length, so never all against all), then
# between multi-word names that differ in one word.

# A form reported as a variant must be unknown to the English word list (whose
# rarest words have a Zipf value of about 1), and
# the form it is compared with must be rare in English or used as a proper noun.
VARIANT_MAX_ZIPF = 1.0
REFERENCE_MAX_ZIPF = 3.5
# Case and separator variants: the name must not be an ordinary word.
CASE_MAX_ZIPF = 4.0
SEPARATOR_MAX_ZIPF = 3.5

Occurrence = tuple  # (sheet index, start, end, initial, heading)


class VariantPair:
    """One form reported as a variant of another, with both forms' occurrences."""

    __slots__ = ("variant", "reference", "variant_occurrences", "reference_occurrences", "how", "basis", "replacement")

    def __init__(self, variant, reference, variant_occurrences, reference_occurrences, how, basis, replacement=None):
        self.variant = variant
        self.reference = reference
        self.variant_occurrences = variant_occurrences
        self.reference_occurrences = reference_occurrences
        self.how = how  # what differs: "case", "hyphens or spaces", "diacritics", "spelling: 't' added"
        # Why the reference is taken as right: "listed" (prefer lists the variant),
        # "prefer", "accept", "count" (more frequent) or "tie".
        self.basis = basis
        self.replacement = replacement or reference


class _Vocab:
    def __init__(self, vocabulary) -> None:
        self.accept_exact = frozenset(vocabulary.accept) if vocabulary else frozenset()
        self.accept_fold = frozenset(fold(a) for a in self.accept_exact)
        self.preferred: dict[str, str] = {}  # fold -> canonical
        self.listed: list[tuple[str, str]] = []  # (variant, canonical)
        for canonical, variants in (vocabulary.prefer.items() if vocabulary else ()):
            self.preferred[fold(canonical)] = canonical
            for variant in variants:
                self.listed.append((variant, canonical))
        self.rejected_fold = frozenset(fold(v) for v, _ in self.listed)

    def decides(self, a: str, b: str, fa: str, fb: str) -> tuple[str, str] | None:
        """(reference, basis) when the vocabulary says which of two forms is right."""
        for form, key in ((a, fa), (b, fb)):
            canonical = self.preferred.get(key)
            # Forms that differ only in case need the canonical form exactly.
            if canonical is not None and (form == canonical or fa != fb):
                return form, "prefer"
        exact = [f for f in (a, b) if f in self.accept_exact]
        if len(exact) == 1:
            return exact[0], "accept"
        folded = [f for f, k in ((a, fa), (b, fb)) if k in self.accept_fold]
        if len(folded) == 1 and fa != fb:
            return folded[0], "accept"
        return None

    def both_accepted(self, a: str, b: str, fa: str, fb: str) -> bool:
        if fa != fb:
            return fa in self.accept_fold and fb in self.accept_fold
        return a in self.accept_exact and b in self.accept_exact


def _collect(sheets) -> tuple[dict, dict, dict, set]:
    forms: dict[str, list] = {}
    kinds: dict[str, str] = {}
    phrases: dict[str, list] = {}
    aliases: set[tuple[str, str]] = set()
    for index, sheet in enumerate(sheets):
        for mention in sheet.names:
            target = phrases if mention.kind == "phrase" else forms
            target.setdefault(mention.text, []).append((index, mention.start, mention.end, mention.initial, mention.heading))
            if mention.kind != "phrase":
                kinds.setdefault(mention.text, mention.kind)
        for alias in sheet.aliases:
            b = fold(alias.alias)
            for a in (fold(alias.name), *(fold(word) for word in alias.name.split())):
                # Names that merely look alike ("Deloite ... (Deloitte)") are not
                # vouched for by the parenthesis: a slip there is still a slip.
                if a != b and not (a[:1] == b[:1] and edit_distance(a, b) <= 2):
                    aliases.add((a, b))
                    aliases.add((b, a))
    return forms, kinds, phrases, aliases


def find_variants(sheets, vocabulary=None) -> list[VariantPair]:
    """Every form in the corpus that looks like a variant of another form."""
    vocab = _Vocab(vocabulary)
    forms, kinds, phrases, aliases = _collect(sheets)
    pairs: dict[str, VariantPair] = {}
    _listed(vocab, forms, phrases, pairs)
    _key_variants(vocab, forms, phrases, pairs)
    reported_terms = _spelling_variants(vocab, forms, kinds, aliases, pairs)
    _phrase_variants(vocab, phrases, aliases, reported_terms, pairs)
    return list(pairs.values())


def _listed(vocab: _Vocab, forms, phrases, pairs) -> None:
    """Forms that ``prefer`` lists as rejected."""
    for variant, canonical in vocab.listed:
        exact = fold(variant) == fold(canonical)
        matched: dict[str, list] = {}
        reference: list = []
        for table in (forms, phrases):
            for form, occurrences in table.items():
                if form == canonical or (not exact and fold(form) == fold(canonical)):
                    reference.extend(occurrences)
                elif form == variant or (not exact and fold(form) == fold(variant)):
                    matched[form] = occurrences
        for form, occurrences in matched.items():
            pairs[form] = VariantPair(form, canonical, occurrences, reference, "listed in prefer", "listed", _recase(canonical, form))


def _recase(canonical: str, form: str) -> str:
    """The canonical form written in the case style of ``form`` where that style is plain."""
    if fold(canonical) == fold(form):
        return canonical
    if form.islower():
        return canonical.lower()
    if form.isupper() and len(form) > 1:
        return canonical.upper()
    return canonical


def _has_inner_upper(form: str) -> bool:
    return any(c.isupper() for c in form[1:])


def _name_like(form: str) -> bool:
    if _has_inner_upper(form) or any(c.isdigit() for c in form):
        return True
    parts = [p for p in re.split(r"[\s\-\u2010\u2011]+", form) if p]
    return len(parts) > 1 and all(p[0].isupper() for p in parts)


_CAMEL = LazyPattern(r"[^\W\d_](?<![A-Z])[A-Z]")


def _separator_form(form: str) -> str:
    return re.sub(r"\s+", " ", form.lower().replace("\u2010", "-").replace("\u2011", "-").replace("\u2019", "'"))


def _key_variants(vocab: _Vocab, forms, phrases, pairs) -> None:
    from checker.lexicon import zipf

    groups: dict[str, dict[str, list]] = {}
    for form, occurrences in forms.items():
        key = join_key(form)
        if (len(key) >= 3 and key.isalpha()) or sum(c.isalpha() for c in key) >= 3:
            groups.setdefault(key, {})[form] = occurrences
    # Two capitalised words that another document writes as one ("BCR ABL").
    for text, occurrences in phrases.items():
        words = list(_NON_SPACE.finditer(text))
        for left, right in zip(words, words[1:]):
            if right.start() - left.end() != 1:
                continue
            bigram = text[left.start() : right.end()]
            key = join_key(bigram)
            if key in groups:
                spans = [(o[0], o[1] + left.start(), o[1] + right.end(), o[3], o[4]) for o in occurrences]
                groups[key].setdefault(bigram, []).extend(spans)
    for key, members in groups.items():
        if len(members) < 2:
            continue
        _key_group(vocab, key, members, pairs, zipf)


def _key_group(vocab: _Vocab, key: str, members: dict[str, list], pairs, zipf) -> None:
    # Occurrences in headings, whose capitals say nothing, count for the form
    # written alike apart from case, when there is one. (At the start of a
    # sentence only the first letter is in doubt, and differences there are
    # never reported.)
    counts: dict[str, list] = {form: [o for o in occ if not o[4]] for form, occ in members.items()}
    for form, occurrences in members.items():
        for occurrence in occurrences:
            if occurrence[4]:
                same = [f for f in members if _separator_form(f) == _separator_form(form) and counts[f]]
                target = max(same, key=lambda f: (len(counts[f]), f)) if same else form
                counts[target].append(occurrence)
    present = [f for f in counts if counts[f]]
    if len(present) < 2:
        return
    reference, basis = _choose(vocab, present, counts)
    for form in present:
        if form == reference or form in pairs:
            continue
        if vocab.both_accepted(form, reference, fold(form), fold(reference)):
            continue
        a, b = _separator_form(form), _separator_form(reference)
        if a != b:
            if _strip_marks(a) == _strip_marks(b):
                how = "hyphens or spaces"
            elif fold(a) == fold(b):
                how = "diacritics"
            else:
                how = "hyphens, spaces or diacritics"
            if how == "diacritics":
                ok = zipf(fold(form)) < SEPARATOR_MAX_ZIPF
            else:
                ok = _name_like(form) and _name_like(reference) and zipf(key) < SEPARATOR_MAX_ZIPF
                # "ExceptionGroup" / "Exception Group": a camel-case identifier
                # next to the words it is made of is not a misspelling.
                if (" " in form and _CAMEL.search(reference) and " " not in reference) or (
                    " " in reference and _CAMEL.search(form) and " " not in form
                ):
                    ok = False
            occurrences = members[form]
        else:
            how = "case"
            letters = sum(c.isalpha() for c in form)
            ok = (
                (letters >= 4 or (letters >= 3 and any(c.isdigit() for c in form)))
                and not form.islower()
                and not reference.islower()
                and form[1:] != reference[1:]
                and not _title_case_alike(form, reference)
                and (_has_inner_upper(form) or _has_inner_upper(reference))
                and zipf(key) < CASE_MAX_ZIPF
            )
            occurrences = [o for o in members[form] if not o[4]]
        if ok and occurrences:
            pairs[form] = VariantPair(form, reference, occurrences, counts[reference], how, basis)


def _title_case_alike(a: str, b: str) -> bool:
    """Forms that differ only in capitals opening their parts: "Stock-Based" / "Stock-based"."""
    parts_a = re.split(r"([\s\-\u2010\u2011]+)", a)
    parts_b = re.split(r"([\s\-\u2010\u2011]+)", b)
    return len(parts_a) == len(parts_b) and all(x[1:] == y[1:] for x, y in zip(parts_a, parts_b))


def _strip_marks(text: str) -> str:
    return re.sub(r"[\s\-\u2010\u2011]+", "", text)


def _choose(vocab: _Vocab, present: list[str], counts: dict[str, list]) -> tuple[str, str]:
    """The form the others are compared with, and why it was chosen."""
    for form in present:
        canonical = vocab.preferred.get(fold(form))
        if canonical == form:
            return form, "prefer"
    accepted = [f for f in present if f in vocab.accept_exact]
    if len(accepted) == 1:
        return accepted[0], "accept"
    ranked = sorted(present, key=lambda f: (-len(counts[f]), f))
    tie = len(ranked) > 1 and len(counts[ranked[0]]) == len(counts[ranked[1]])
    return ranked[0], "tie" if tie else "count"


def _spelling_variants(vocab: _Vocab, forms, kinds, aliases, pairs) -> set[tuple[str, str]]:
    """Single words one or two edits apart (OSA distance, blocked by first letter and length)."""
    from checker.lexicon import zipf

    terms: dict[str, dict[str, list]] = {}
    for form, occurrences in forms.items():
        kind = kinds[form]
        if kind == "code" or (kind == "acronym" and len(form) < 6):
            continue
        term = fold(form)
        if len(term) < 6 or not term.isalpha():
            continue
        terms.setdefault(term, {})[form] = occurrences
    buckets: dict[tuple[str, int], list[str]] = {}
    for term in terms:
        buckets.setdefault((term[0], len(term)), []).append(term)
    info = _TermInfo(terms, zipf)  # computed only for the terms that have a near neighbour
    reported: set[tuple[str, str]] = set()
    blocks: list[tuple[str, int, list[str]]] = []
    for term in terms:
        length = len(term)
        reach = max_distance(length)
        choices = []
        for other_length in range(length, length + reach + 1):
            choices.extend(buckets.get((term[0], other_length), ()))
        if len(choices) >= 2:
            blocks.append((term, reach, choices))
    near = _near_words() if blocks else None
    for term, reach, choices in blocks:
        length = len(term)
        for other, _distance in near(term, choices, reach):
            if other == term or (len(other) == length and other < term):
                continue
            if (term, other) in aliases or not _may_be_variants(term, other, terms):
                continue
            pair = _orient(vocab, term, other, info)
            if pair is None:
                continue
            variant, reference, basis = pair
            v_form, r_form = info[variant][0], info[reference][0]
            if v_form in pairs:
                continue
            reported.add((term, other))
            reported.add((other, term))
            how = f"spelling: {describe_edit(reference, variant)}"
            occurrences = [o for f in terms[variant] for o in terms[variant][f]]
            reference_occurrences = [o for f in terms[reference] for o in terms[reference][f]]
            pairs[v_form] = VariantPair(v_form, r_form, occurrences, reference_occurrences, how, basis, _recase(r_form, v_form))
    return reported


def _near_words():
    """``near(term, choices, reach)``: the choices within ``reach`` OSA edits of ``term``,
    as (choice, distance), nearest first (rapidfuzz)."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    def near(term: str, choices: list[str], reach: int) -> list[tuple[str, int]]:
        return [(other, distance) for other, distance, _ in process.extract(term, choices, scorer=OSA.distance, score_cutoff=reach, limit=None)]

    return near


def _may_be_variants(a: str, b: str, terms: dict[str, dict[str, list]]) -> bool:
    """Gates that tell two different words from one word spelled two ways."""
    if suffix_variants(a, b) or drug_stem_pair(a, b):
        return False
    na, nb = spelling_standard(a), spelling_standard(b)
    if na == nb or suffix_variants(na, nb):
        return False  # "amortisation" / "amortization", "normaliser" / "normalized"
    forms_a, forms_b = terms[a], terms[b]
    # An edit at a capital inside a camel-case name changes its parts: "Cython" / "CPython".
    for x in forms_a:
        for y in forms_b:
            if (_CAMEL.search(x) or _CAMEL.search(y)) and _edit_touches_capital(x, y):
                return False
    # A proper noun next to an ordinary lower-case word: "Chardet" / "charset".
    style_a, style_b = _case_style(forms_a), _case_style(forms_b)
    if style_a and style_b and style_a != style_b:
        return False
    return True


def _edit_touches_capital(x: str, y: str) -> bool:
    from rapidfuzz.distance import Levenshtein

    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(x.lower(), y.lower()).as_list():
        if tag != "equal" and (any(c.isupper() for c in x[i1:i2]) or any(c.isupper() for c in y[j1:j2])):
            return True
    return False


def _case_style(members: dict[str, list]) -> str | None:
    """"proper" or "lower" when every mid-sentence occurrence agrees, else None."""
    styles = {("proper" if form[0].isupper() else "lower") for form, occurrences in members.items() if any(not o[3] for o in occurrences)}
    return styles.pop() if len(styles) == 1 else None


# British and American spellings of one word are a house-style matter.
_STANDARD = (
    (LazyPattern(r"(?<=[a-z]{2})is(?=(?:e|ed|es|er|ers|ing|ation|ations|ational|able)$)"), "iz"),
    (LazyPattern(r"(?<=[a-z])ys(?=(?:e|ed|es|er|ers|ing)$)"), "yz"),
    (LazyPattern(r"our(?=(?:s|ed|ing|ful|able|ite|ites|ism)?$)"), "or"),
    (LazyPattern(r"(?<=[a-z]{2})tre(?=s?$)"), "ter"),
    (LazyPattern(r"(?<=[aeiou])ll(?=(?:ed|ing|er|ers)$)"), "l"),
    (LazyPattern(r"(?:(?<=^h)|(?<=^an)|(?<=^p)|(?<=leuk)|(?<=^orthop))ae"), "e"),
    (LazyPattern(r"(?:(?<=^)|(?<=^f))oe"), "e"),
    (LazyPattern(r"ogue$"), "og"),
    (LazyPattern(r"(?<=[a-z]{3})ence$"), "ense"),
)


def spelling_standard(word: str) -> str:
    """A folded word with British spellings mapped to American ones."""
    for pattern, replacement in _STANDARD:
        word = pattern.sub(replacement, word)
    return word


class _TermInfo(dict):
    """term -> ``_term_info`` of the term, computed on first lookup."""

    def __init__(self, terms: dict[str, dict[str, list]], zipf) -> None:
        super().__init__()
        self.terms = terms
        self.zipf = zipf

    def __missing__(self, term: str) -> tuple[str, int, float, bool]:
        value = self[term] = _term_info(self.terms[term], self.zipf)
        return value


def _term_info(members: dict[str, list], zipf) -> tuple[str, int, float, bool]:
    """(display form, count, Zipf, used as a proper noun) of a folded term."""
    display = max(members, key=lambda f: (len(members[f]), f))
    count = sum(len(o) for o in members.values())
    inner = [form for form, occ in members.items() for o in occ if not o[3]]
    proper = bool(inner) and all(form[0].isupper() for form in inner)
    return display, count, zipf(fold(display)), proper


def _orient(vocab: _Vocab, a: str, b: str, info) -> tuple[str, str, str] | None:
    """(variant, reference, basis) for two folded terms, or None when they are not variants."""
    form_a, count_a, zipf_a, proper_a = info[a]
    form_b, count_b, zipf_b, proper_b = info[b]
    if zipf_a >= 3.0 and zipf_b >= 3.0:
        return None  # two English words ("form", "from")
    if vocab.both_accepted(form_a, form_b, a, b):
        return None
    decided = vocab.decides(form_a, form_b, a, b)
    if decided is not None:
        reference = a if decided[0] == form_a else b
        basis = decided[1]
    elif count_a != count_b:
        reference, basis = (a, "count") if count_a > count_b else (b, "count")
    else:
        # Equal counts: the form the word list knows better, then alphabetical order.
        reference = min((a, b), key=lambda t: (-info[t][2], t))
        basis = "tie"
    variant = b if reference == a else a
    if info[variant][2] >= VARIANT_MAX_ZIPF and basis in ("count", "tie"):
        return None  # the rarer form is itself a word
    if basis in ("count", "tie") and not _rare_next_to_frequent(info[variant][1], info[reference][1]):
        return None
    if basis in ("count", "tie") and not (info[reference][2] < REFERENCE_MAX_ZIPF or info[reference][3]):
        return None  # a slip of an ordinary word is a spelling matter, not a name
    return variant, reference, basis


def _rare_next_to_frequent(variant_count: int, reference_count: int) -> bool:
    """A slip is rarer than the name it slips from: two names both in steady use are two names."""
    return variant_count <= 2 or variant_count * 3 <= reference_count


def _phrase_variants(vocab: _Vocab, phrases, aliases, reported_terms, pairs) -> None:
    """Multi-word names that differ in one word ("Elaine Example" / "Elaine Exampel")."""
    from checker.lexicon import zipf

    folded: dict[str, dict[str, list]] = {}
    for text, occurrences in phrases.items():
        folded.setdefault(fold(text), {})[text] = occurrences
    blocks: dict[tuple, list[tuple[str, int]]] = {}
    for key in folded:
        words = key.split()
        for index, word in enumerate(words):
            if len(word) >= 4 and word.isalpha():
                # The differing words must share their first letter: part of the block key.
                block = (len(words), index, word[0], tuple(words[:index] + words[index + 1 :]))
                blocks.setdefault(block, []).append((key, index))
    for members in blocks.values():
        if len(members) < 2:
            continue
        for position, (a, index) in enumerate(members):
            for b, _ in members[position + 1 :]:
                wa, wb = a.split()[index], b.split()[index]
                if wa[0] != wb[0] or (wa, wb) in reported_terms or (wa, wb) in aliases:
                    continue
                if edit_distance(wa, wb) > (1 if min(len(wa), len(wb)) < 10 else 2):
                    continue
                if suffix_variants(wa, wb) or drug_stem_pair(wa, wb) or spelling_standard(wa) == spelling_standard(wb):
                    continue
                count_a = sum(len(o) for o in folded[a].values())
                count_b = sum(len(o) for o in folded[b].values())
                display_a = max(folded[a], key=lambda f: len(folded[a][f]))
                display_b = max(folded[b], key=lambda f: len(folded[b][f]))
                decided = vocab.decides(display_a, display_b, a, b)
                if decided is not None:
                    reference, basis = (a, decided[1]) if decided[0] == display_a else (b, decided[1])
                elif count_a != count_b:
                    reference, basis = (a, "count") if count_a > count_b else (b, "count")
                else:
                    reference, basis = min(a, b), "tie"
                variant = b if reference == a else a
                v_word = variant.split()[index]
                if zipf(v_word) >= VARIANT_MAX_ZIPF and basis in ("count", "tie"):
                    continue
                v_count, r_count = (count_b, count_a) if variant == b else (count_a, count_b)
                if basis in ("count", "tie") and not _rare_next_to_frequent(v_count, r_count):
                    continue
                v_display = display_b if variant == b else display_a
                r_display = display_a if variant == b else display_b
                if v_display in pairs:
                    continue
                how = f"spelling: {describe_edit(reference.split()[index], v_word)}"
                occurrences = [o for f in folded[variant].values() for o in f]
                reference_occurrences = [o for f in folded[reference].values() for o in f]
                pairs[v_display] = VariantPair(v_display, r_display, occurrences, reference_occurrences, how, basis)
