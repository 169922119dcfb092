"""The token scan of the names extractor: single-token name candidates.

One pass over the prose finds every token that may be a name: acronyms
(``NRDL``, ``TKIs``), code names (``HQP1351``, ``APG-2575``), capitalised or
camel-case words (``Ascentage``, ``PowerPoint``) and lower-case words that are
rare in English (``venetoclax``). It also returns every capitalised token, from
which ``checker.extract.names`` builds multi-word names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import chain, compress
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, NamedTuple

from checker.extract.name_wraps import Wrap, hyphen_wraps, soft_break
from checker.facts import NameMention
from checker.lexicon import zipf
from checker.namecompare import DRUG_STEMS
from checker.patterns import ChunkMemo, LazyPattern, builder, process_memo

if TYPE_CHECKING:
    from checker.document import Document

# A word: letters and digits with inner hyphens or apostrophes. Underscores
# are matched so that identifiers can be recognised and skipped. (A joining
# mark followed by word characters, rather than a mark with a look-ahead for
# one: the same matches, and no try of the look-ahead per character.)
_TOKEN = LazyPattern(r"[^\W_]\w*+(?:[-'\u2019\u2010\u2011]\w++)*+")
# Characters that, glued to the left of a token, make it part of code, a
# path, an address or a number ("os.path", "/usr", "@user", "$x", "3.5x").
_GLUE_LEFT = frozenset("._/\\@#$%&*+=<>~^|`")
# Characters that, right after a token, make it a call or part of an identifier.
_STOP_AFTER = frozenset("(_")
_POSSESSIVE = ("'s", "\u2019s")
HYPHENS = "-\u2010\u2011"

# Zipf (wordfreq) below which a lower-case word is rare enough to be a name.
RARE_ZIPF = 3.0
# Zipf above which a word at the start of a sentence is not worth recording.
_COMMON_INITIAL = 3.5

_DRUG = LazyPattern(r"(?:" + "|".join(DRUG_STEMS) + r")$", re.I)


class CapToken(NamedTuple):
    """A capitalised token: what the phrase finder needs to join runs of them."""

    start: int
    end: int  # without a possessive 's
    possessive: bool
    initial: bool  # its capital says nothing (sentence start, heading)


class TokenScan(NamedTuple):
    """The single-token mentions of a text and its capitalised tokens, both in text order."""

    mentions: list[NameMention]
    caps: list[CapToken]
    entities: set[str]  # the capitalised words written mid-sentence (``_ENTITY``)


class _Kind(NamedTuple):
    """What a token is, apart from where it stands: decided once per distinct token."""

    text: str  # without a possessive 's
    possessive: bool
    kind: str  # "word", "drug", "code", "acronym", or "number" (digits: only its capital counts)
    first_upper: bool
    common: bool  # a common English word, which says nothing at the start of a sentence
    lower: bool  # a rare lower-case word: recorded wherever it stands


_SKIP = _Kind("", False, "skip", False, False, False)
_TOKEN_KINDS: dict[str, _Kind] = process_memo({})


def _drug_like(token: str) -> bool:
    """Whether a word ends in a drug stem (any case)."""
    if token.isascii():
        return token.lower().endswith(DRUG_STEMS)
    return _DRUG.search(token) is not None


def scan(prose: str, neutral_lines: Callable[[list[int]], list[tuple[int, int]]], doc: Document) -> TokenScan:
    """Single-token mentions, and every capitalised token; ``neutral_lines`` gives, from the starts of the
    title words (``title_words``), the sorted spans of lines whose capitals say nothing (headings, title case,
    all capitals)."""
    if len(_TOKEN_KINDS) > _CHUNK_CACHE_LIMIT or len(_ENTITY_OF) > _CHUNK_CACHE_LIMIT or len(_RARE_WORDS) > _CHUNK_CACHE_LIMIT:
        _TOKEN_KINDS.clear()
        _ENTITY_OF.clear()
        _RARE_WORDS.clear()
    mentions: list[NameMention] = []
    caps: list[CapToken] = []
    entities: set[str] = set()
    starts: list[int] | None = None if prose.isascii() else []  # of every marked token: see _rare_occurrences
    # One search for the marked tokens serves both the title-case lines (their title words are marked tokens)
    # and the classification, which needs those lines first.
    matches = list((_MARKED_ASCII if prose.isascii() else _MARKED).finditer(prose))
    shout = _classify(prose, matches, neutral_lines(_title_words(prose, matches)), mentions, caps, entities, starts)
    _mark_headlines(prose, mentions, shout)
    rare, held = _rare_tokens(doc)
    if rare:
        found = _rare_mentions(prose, _rare_occurrences(prose, rare, held, doc.prose_chunks, starts))
        if found:
            # Two sorted runs with distinct starts (a rare word never starts where a marked token does).
            mentions += found
            mentions.sort(key=_mention_start)
    wraps = hyphen_wraps(prose)
    if wraps:
        mentions, caps = _join_wraps(prose, wraps, mentions, caps)
    return TokenScan(mentions, caps, entities)


def _join_wraps(prose: str, wraps: list[Wrap], mentions: list[NameMention], caps: list[CapToken]) -> tuple[list[NameMention], list[CapToken]]:
    """The mentions and capitalised tokens with each word hyphenated across a line end as one
    token, from its first half to its second ("Oye-\nlaran" is "Oyelaran")."""
    halves = {w.start for w in wraps} | {w.resume for w in wraps}
    mentions = [m for m in mentions if m.start not in halves]
    caps = [c for c in caps if c.start not in halves]
    for wrap in wraps:
        about = _token_kind(wrap.word)
        if about is _SKIP or about.kind == "number":
            continue
        end = wrap.end - 2 if about.possessive else wrap.end
        initial = _initial(prose, wrap.start)
        if about.first_upper:
            bisect.insort(caps, CapToken(wrap.start, end, about.possessive, initial))
        if about.lower or about.kind in ("acronym", "code") or not (initial and about.common):
            mention = new_mention(about.text, wrap.start, end, about.kind, initial and not about.lower, False)
            mentions.insert(bisect.bisect_left([m.start for m in mentions], wrap.start), mention)
    return mentions, caps


def _classify(
    prose: str,
    matches: list[re.Match[str]],
    neutral_lines: list[tuple[int, int]],
    mentions: list[NameMention],
    caps: list[CapToken],
    entities: set[str],
    starts: list[int] | None,
) -> list[int]:
    """Append the marked tokens (``_marked_tokens``: the search's ``matches``) that are names to ``mentions``,
    the capitalised ones to ``caps``, the capitalised words written mid-sentence to ``entities`` and, unless None,
    every marked token's start to ``starts``; return the indexes of the all-capital mentions (for the headline check)."""
    shout: list[int] = []
    known = _TOKEN_KINDS
    glue = _GLUE_LEFT
    # The neutral line that ends first after the current token (offsets arrive in increasing order, so a
    # cursor walks the spans), as its bounds: a span past the text's end stands for none.
    spans = iter(neutral_lines)
    span_start, span_end = next(spans, _NO_SPAN)
    append_mention = mentions.append
    append_cap = caps.append
    build = _build_mention  # new_mention without the call around it, once per mention
    new = tuple.__new__  # NamedTuple's own constructor is Python code: this loop runs once per capitalised token
    entity_of = _ENTITY_OF
    add_entity = entities.add
    for match in matches:
        start = match.start()
        token = match[0]
        if start:
            before = prose[start - 1]
            if before != " " and (before.isalnum() or before == "_" or before in _CONNECTORS_CHARS):
                start, token = _whole_run(prose, start, match.end())
                before = prose[start - 1] if start else ""
        else:
            before = ""
        if starts is not None:
            starts.append(start)
        # The character before a blank before the token ("" if none): both the entity test and the test that
        # the token goes on a sentence read it.
        ahead = prose[start - 2] if before == " " and start > 1 else ""
        end = match.end()
        if ahead in _LOWER_OR_COMMA:
            entity = entity_of.get(token)
            if entity is None:
                entity = entity_of[token] = _entity_in(token)
            # What _ENTITY matches at the token's start: the entity ends inside the token, or the token is
            # the entity and no hyphen follows it.
            if entity and (len(entity) < len(token) or prose[end : end + 1] != "-"):
                add_entity(entity)
        about = known.get(token)
        if about is None:
            about = known[token] = _token_kind(token)
        if about is _SKIP:
            continue
        if before in glue or match.lastindex:  # (a frozenset: "" is not in it); a call or a dotted name follows
            continue
        text, possessive, kind, first_upper, common, lower = about
        if possessive:
            end -= 2
        if lower:
            append_mention(build(text, start, end, kind, False, False))
            continue
        while span_end <= start:
            span_start, span_end = next(spans, _NO_SPAN)
        heading = span_start <= start
        if heading:
            initial = True
        elif ahead.isalpha():
            initial = False  # what _initial finds after a word and a blank, without the call
        elif ahead == "." and start > 2:
            initial = not _after_title(prose, start - 2)  # after a full stop and a blank: a sentence, unless "Dr. "
        elif before == "\n":
            initial = not soft_break(prose, start - 1)  # at a line's start: a line, unless a long one wraps
        else:
            initial = _initial(prose, start)
        if first_upper:
            append_cap(new(CapToken, (start, end, possessive, initial)))
        if kind == "number":
            continue
        if kind == "acronym":
            shout.append(len(mentions))
        elif kind != "code" and initial and common:
            continue
        append_mention(build(text, start, end, kind, initial, heading))
    return shout


def _rare_mentions(prose: str, occurrences: list[tuple[int, str]]) -> list[NameMention]:
    """The mentions the rare lower-case words' occurrences make, as ``_classify`` would make them.

    A rare word is recorded wherever it stands: its kind is always ``lower`` (``_token_kind``
    of a word that ``_rare_lower_token`` accepts), so only the glue around it is checked."""
    out: list[NameMention] = []
    known = _TOKEN_KINDS
    for start, token in occurrences:
        about = known.get(token)
        if about is None:
            about = known[token] = _rare_kind(token)
        if start and prose[start - 1] in _GLUE_LEFT:
            continue
        end = start + len(token)
        after = prose[end : end + 1]
        if after in _STOP_AFTER or (after == "." and prose[end + 1 : end + 2].isalnum()):
            continue
        if about.possessive:
            end -= 2
        out.append(_build_mention(about.text, start, end, about.kind, False, False))
    return out


def _rare_kind(token: str) -> _Kind:
    """``_token_kind`` of a token that ``_rare_lower_token`` accepts, without judging it again: a lower-case
    word or drug of five letters or more (without its possessive), with neither a digit nor an underscore."""
    possessive = token.endswith(_POSSESSIVE)
    if possessive:
        token = token[:-2]
    return _new_tuple(_Kind, (token, possessive, "drug" if _drug_like(token) else "word", False, False, True))


# Capitalised function words that mark a title-case line when they occur mid-line ("Interview With Co-Founder &
# CEO ... About The Global ...": ``checker.extract.names``).
TITLE_WORDS = frozenset("With About The Of And For In On To From By At As Its Our Into Over After Under Between A An Is Are".split())
_BLANK = frozenset(" \t")


def title_words(prose: str) -> list[int]:
    """Starts of the title words (``TITLE_WORDS``) with a blank or a tab on both sides, in text order."""
    return _title_words(prose, list((_MARKED_ASCII if prose.isascii() else _MARKED).finditer(prose)))


def _title_words(prose: str, matches: list[re.Match[str]]) -> list[int]:
    # A title word with a blank before it is a marked token, and one with a blank after it the whole token:
    # the tokens that are title words are picked out in C, and only they are tested in Python.
    out: list[int] = []
    for match in compress(matches, map(TITLE_WORDS.__contains__, map(_group, matches))):
        start, end = match.span()
        if start and prose[start - 1] in _BLANK and prose[end : end + 1] in _BLANK:
            out.append(start)
    return out


_group = itemgetter(0)
_mention_start = attrgetter("start")
_NO_SPAN = (1 << 62, 1 << 62)


# A capitalised word after a lower-case word or a comma and a blank: a proper noun in mid-sentence ("said Roger
# Bennett"), the evidence of what a document is about. Its capital starts a marked token (a token holds no blank).
_ENTITY = LazyPattern(r"[A-Z][A-Za-z]{2,}(?![\w\-])")
# token -> the entity ``_ENTITY`` matches in the token alone ("" if none). Matched in the text at the token's
# start, the pattern reads the same letters (a token is a whole run of word characters, and its letters end
# there) and, when they are the whole token, the character after it, which can only stop it as a hyphen.
_ENTITY_OF: dict[str, str] = process_memo({})


def _entity_in(token: str) -> str:
    match = _ENTITY.match(token)
    return "" if match is None else match.group()

_LOWER_OR_COMMA = frozenset("abcdefghijklmnopqrstuvwxyz,")


def _initial(prose: str, start: int) -> bool:
    """Whether a token opens a sentence, a line or a clause after a colon. A line that a long
    line of prose wraps into goes on with its sentence, and a title ("Dr.") opens none."""
    index = start - 1
    while index >= 0 and prose[index] in " \t":
        index -= 1
    if index >= 0 and prose[index] == "\n":
        return not soft_break(prose, index)
    if index > 0 and prose[index] == "." and _after_title(prose, index):
        return False
    while index >= 0:
        char = prose[index]
        if char in " \t\"'\u201c\u2018([{*#>\u2022\u00b7-\u2013\u2014":
            index -= 1
            continue
        return char in ".!?:;\n\r" or char.isdigit()
    return True


# Abbreviated titles written before a name, with a full stop that ends no sentence.
TITLES = frozenset({"Dr", "Mr", "Mrs", "Ms", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Capt", "Lt", "Sgt", "Rev", "Hon", "Insp", "Det", "Supt", "Cllr"})


_TITLE_MAX = max(map(len, TITLES))


def _after_title(prose: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` closes an abbreviated title ("Dr.")."""
    # The letters before it, read back at most one beyond the longest title: a longer word is no title either way.
    begin = stop
    limit = max(0, stop - _TITLE_MAX - 1)
    while begin > limit and prose[begin - 1].isalpha():
        begin -= 1
    return prose[begin:stop] in TITLES and (begin == 0 or not prose[begin - 1].isalnum())


def _token_kind(token: str) -> _Kind:
    """What ``token`` is (``_SKIP`` if never a name): ``_general_kind``, with the usual case first."""
    # Most distinct tokens are capitalised ASCII words ("Ascentage"): no possessive (no apostrophe), no digit, not
    # an acronym (no second capital), no capital inside, hence a word or a drug, common or not by its frequency.
    if token.istitle() and token.isalpha() and token.isascii():
        kind = "drug" if token.lower().endswith(DRUG_STEMS) else "word"
        return _new_tuple(_Kind, (token, False, kind, True, zipf(token) >= _COMMON_INITIAL, False))
    return _general_kind(token)


_new_tuple = tuple.__new__  # NamedTuple's own constructor is Python code


def _general_kind(token: str) -> _Kind:
    if token.islower() and not (len(token) >= 5 and _rare_lower_token(token)):
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
        return _Kind(token, possessive, "drug" if _drug_like(token) else "word", False, False, True)
    first_upper = first.isupper()
    if not token.isalpha() and any(c.isdigit() for c in token):
        if sum(c.isalpha() for c in token) >= 1 and any(c.isupper() for c in token):
            return _Kind(token, possessive, "code", first_upper, False, False)
        return _Kind(token, possessive, "number", first_upper, False, False)
    core = token[:-1] if token.endswith("s") and len(token) > 2 else token
    if core.isupper() and sum(c.isalpha() for c in core) >= 2:
        return _Kind(token, possessive, "acronym", first_upper, False, False)
    inner = any(c.isupper() for c in token[1:])
    common = not inner and zipf(token) >= _COMMON_INITIAL
    return _Kind(token, possessive, "drug" if _drug_like(token) else "word", first_upper, common, False)


_build_mention = builder(NameMention)


def new_mention(text: str, start: int, end: int, kind: str, initial: bool, heading: bool) -> NameMention:
    """A NameMention (the scan's values are valid by construction; see ``checker.patterns.builder``)."""
    return _build_mention(text, start, end, kind, initial, heading)


# Tokens are the matches of _TOKEN: each maximal run of word characters and inner hyphens or apostrophes, without
# the underscores, hyphens and apostrophes that open it. Most tokens are lower-case ASCII words or numbers, which are
# never names (rare words apart): the scan starts only at a word character other than a-z, 0-9 and "_" (a capital,
# an accented or non-Latin letter) and takes the rest of its run; the start of the run is found by walking back.
_CONNECTORS_CHARS = "-'\u2019\u2010\u2011"
# After a marked token, group 1 is set where a call ("(") or a dotted name ("." and a letter or digit) follows:
# ``_classify`` reads ``lastindex`` instead of slicing out and testing the characters after each token. (No
# token is followed by "_", the other character of ``_STOP_AFTER``: it would be part of the token.)
_STOP_SOURCE = r"(?:(?=(\(|\.[^\W_]))|)"
# (Its first character is a capital or a character beyond ASCII, then tested to be a letter or a digit by a
# look-behind: the search tests the two ranges of the class far faster than ``[^\Wa-z0-9_]``, which reads each
# character's Unicode category.)
_MARKED = LazyPattern(r"[A-Z\x80-\U0010ffff](?<=[^\W_])\w*+(?:[-'\u2019\u2010\u2011]\w++)*+" + _STOP_SOURCE)
# The same in an ASCII text, where the first character can only be a capital: a class of one
# range, which the search tests faster than the negated class.
_MARKED_ASCII = LazyPattern(r"[A-Z]\w*+(?:[-'\u2019\u2010\u2011]\w++)*+" + _STOP_SOURCE)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # the same test as re's \w on str patterns


def _run_start(prose: str, index: int) -> int:
    """Where the run of token characters holding ``index`` begins."""
    while index > 0:
        ch = prose[index - 1]
        if ch.isalnum() or ch == "_" or (ch in _CONNECTORS_CHARS and _is_word_char(prose[index])):
            index -= 1
        else:
            break
    return index


def _marked_tokens(prose: str) -> list[tuple[int, str]]:
    """(start, token) of every token with a letter beyond a-z (a capital, an accent), in text order
    (the tokens ``_classify`` reads as it searches)."""
    out: list[tuple[int, str]] = []
    for match in (_MARKED_ASCII if prose.isascii() else _MARKED).finditer(prose):
        start = match.start()
        if start:
            ch = prose[start - 1]
            if ch != " " and (ch.isalnum() or ch == "_" or ch in _CONNECTORS_CHARS):
                out.append(_whole_run(prose, start, match.end()))
                continue
        out.append((start, match.group()))
    return out


def _whole_run(prose: str, start: int, end: int) -> tuple[int, str]:
    """(start, token) of a marked token whose capital is inside its run ("iPhone", "year-End")."""
    token = prose[_run_start(prose, start) : end].lstrip(_RUN_STRIP)
    return end - len(token), token


_RUN_STRIP = "_" + _CONNECTORS_CHARS


def _rare_occurrences(
    prose: str, rare: set[str], held: dict[str, tuple[str, ...]], chunk_list: list[str], marked_starts: list[int] | None
) -> list[tuple[int, str]]:
    """(start, token) of the rare words' occurrences that are not marked tokens (in no set order); ``held``
    maps the distinct chunks that hold them to their rare tokens, ``chunk_list`` is ``prose.split()``.

    A token's start determines the token, so an occurrence is new unless its start was seen: among the rare words'
    (a chunk may hold a word twice) or, for a word with a letter beyond a-z, among the marked tokens' ``marked_starts``
    (marked tokens never start an ASCII lower-case token)."""
    extra: list[tuple[int, str]] = []
    seen: set[int] = set()
    marked: set[int] | None = None
    occurrences: Iterable[tuple[int, str, str]]
    if len(rare) > _FIND_EACH_MAX:
        # Many rare words: one walk over the whitespace-separated chunks that hold them
        # instead of one search through the whole text per word.
        occurrences = ((index, chunk, token) for index, chunk in _rare_chunk_positions(prose, chunk_list, held) for token in held[chunk])
    else:
        occurrences = ((0, prose, token) for token in rare)
    for index, within, token in occurrences:
        ascii_token = token.isascii()
        if ascii_token and token == within:
            # A chunk that is the token (the usual case): one occurrence, at the chunk's start,
            # with whitespace around it (and an ASCII lower-case token starts no marked token).
            if index not in seen:
                seen.add(index)
                extra.append((index, token))
            continue
        size = len(token)
        offset = within.find(token)
        while offset != -1:
            at = index + offset
            if at not in seen and _is_token(prose, at, at + size):
                if not ascii_token:
                    if marked is None:
                        marked = set(marked_starts or ())  # (None only for an ASCII text)
                    if at in marked:
                        offset = within.find(token, offset + 1)
                        continue
                seen.add(at)
                extra.append((at, token))
            offset = within.find(token, offset + 1)
    return extra


_FIND_EACH_MAX = 6  # up to this many rare words, each is found by searching the text for it


def _rare_chunk_positions(prose: str, chunk_list: list[str], held: dict[str, tuple[str, ...]]) -> Iterator[tuple[int, str]]:
    """(offset, chunk) of each chunk of ``chunk_list`` (``prose.split()``) that is a key of ``held``."""
    # (The document's few chunks that hold a rare word, not the memo's many: each test stays in the cache.)
    holds = held.__contains__
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


# The rare lower-case tokens of each chunk: most chunks recur from document to document.
_CHUNK_CACHE_LIMIT = 500_000
_RARE_IN = process_memo(ChunkMemo(_CHUNK_CACHE_LIMIT))


def _rare_tokens(doc: Document) -> tuple[set[str], dict[str, tuple[str, ...]]]:
    """The lower-case tokens of the prose that are rare enough in English to be names, and the distinct chunks
    that hold them, each with its rare tokens."""
    held = _RARE_IN.held(doc.distinct_chunks, _chunk_rare_tokens)
    return set(chain.from_iterable(held.values())), held


# ASCII punctuation but "_", and curly quotes: characters no token holds at its ends.
_EDGE_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~\u2018\u2019\u201c\u201d"


def _chunk_rare_tokens(chunk: str) -> tuple[str, ...]:
    if not chunk.isalpha():
        core = chunk.strip(_EDGE_PUNCTUATION)
        if not core.isalpha():
            if chunk.isascii() and chunk.upper() == chunk:
                return ()  # no a-z: no lower-case token ("2019", "(NRDL)", "$1.5")
            # The words of such chunks recur from chunk to chunk ("https", "github", "build-time"): each judged once.
            verdicts = _RARE_WORDS
            rare: list[str] = []
            for token in _TOKEN.findall(chunk):
                if token.islower() and len(token) >= 5:
                    verdict = verdicts.get(token)
                    if verdict is None:
                        verdict = verdicts[token] = _rare_lower_token(token)
                    if verdict:
                        rare.append(token)
            return tuple(rare)
        chunk = core  # "(word," holds one token, "word"
    # A chunk of letters is one token, with neither a hyphen nor a possessive: rare if its
    # frequency says so (what _rare_lower_token decides, without its tests).
    return (chunk,) if chunk.islower() and len(chunk) >= 5 and zipf(chunk) < RARE_ZIPF else ()


# token -> _rare_lower_token(token), for the lower-case tokens of five characters or more of chunks that are not one word.
_RARE_WORDS: dict[str, bool] = process_memo({})


def _rare_lower_token(token: str) -> bool:
    if "_" in token:
        return False
    if token.endswith(_POSSESSIVE):
        token = token[:-2]
    if len(token) < 5 or not token.replace("-", "").replace("'", "").replace("\u2019", "").isalpha():
        return False
    return _rare_lower(token)


def _rare_lower(token: str) -> bool:
    if zipf(token) >= RARE_ZIPF:
        return False
    if "-" in token or "\u2010" in token or "\u2011" in token:  # (HYPHENS)
        # A compound of common words ("year-over-year") is not a name.
        return any(zipf(part) < RARE_ZIPF for part in _HYPHEN.split(token) if len(part) >= 3)
    return True


_HYPHEN = LazyPattern("[" + HYPHENS + "]")


def _mark_headlines(prose: str, mentions: list[NameMention], shout: list[int]) -> None:
    """All-capital words next to all-capital English words are headline type, not acronyms."""
    shouting: set[int] = set()
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
                mentions[index] = replace(mention, initial=True, heading=True)
                break
            position += 1
