"""Parentheses in the names extractor: acronym definitions and aliases.

- Definitions in both directions, ``long form (SHORT)`` and ``SHORT (long
  form)``, matched with the Schwartz-Hearst algorithm (the short form's letters
  found right to left in the long form, the first at the start of a word).
- Aliases: parentheses that give another name for the same thing:
  ``Olverembatinib (HQP1351)``, ``Olverembatinib (the determined English
  common name of HQP1351)``, ``Ascentage Pharma Group International (the
  "Company")``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

from checker.extract.name_tokens import HYPHENS, RARE_ZIPF
from checker.extract.name_wraps import hyphen_wraps
from checker.facts import AcronymDefinition, Alias, NameMention
from checker.lexicon import zipf
from checker.patterns import LazyPattern

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


class Parentheses(NamedTuple):
    """What the parentheses of a text say about its names."""

    definitions: list[AcronymDefinition]
    aliases: list[Alias]


def acronym_shaped(text: str) -> bool:
    """Whether a token looks like an acronym: at least two capitals, and capitals for half its letters."""
    core = text[:-1] if text.endswith("s") and len(text) > 2 else text
    uppers = sum(c.isupper() for c in core)
    return uppers >= 2 and uppers * 2 >= sum(c.isalpha() for c in core)


_WITH_YEAR = re.compile(r"([A-Z][A-Za-z&]{1,11})[ \t]+(?:(?:19|20)\d\d|['\u2019]\d\d)")


def parentheses(prose: str, mentions: list[NameMention]) -> Parentheses:
    """The acronym definitions and aliases of ``prose``, whose name mentions are ``mentions``."""
    found = Parentheses([], [])
    matches = list(_PAREN.finditer(prose))
    if not matches:
        return found
    # Where a name before each parenthesis would end (before its blanks): the only names asked about.
    name_ends = [_skip_space_back(prose, match.start()) for match in matches]
    ending = _ending(compress(mentions, map(set(name_ends).__contains__, map(_mention_end, mentions))))
    for match, name_end in zip(matches, name_ends):
        inner = match.group(1)
        content = inner.strip()
        # (the "CDE") and ("CDE"): a defined term in quotes.
        quoted = _QUOTED.fullmatch(content)
        dated = None if quoted else _WITH_YEAR.fullmatch(content)
        # "Nordic Symposium on Coastal Hydrodynamics (NSCH 2026)": an event's acronym with its year.
        definition = _long_then_short(prose, match, quoted.group(1) if quoted else dated.group(1) if dated else content)
        if definition is not None:
            found.definitions.append(definition)
            continue
        name = ending.get(name_end)
        if name is None:
            continue
        # SHORT (long form)
        if name.kind == "acronym" and len(content.split()) >= 2 and not quoted:
            definition = _short_then_long(name, match)
            if definition is not None:
                found.definitions.append(definition)
                continue
        alias = _alias(content, quoted.group(1) if quoted else None)
        if alias is not None and alias.isupper() and name.text.isupper() and len(alias) > 5:
            continue  # "QUARTERLY FINANCIAL INFORMATION (UNAUDITED)": headline type
        if alias is not None and alias.lower() != name.text.lower():
            found.aliases.append(Alias(name=name.text, alias=alias, start=name.start, end=match.end()))
    return found


def _long_then_short(prose: str, match: re.Match[str], short: str) -> AcronymDefinition | None:
    """``long form (SHORT)``: ``short`` is the parenthesis' content, or its quoted term."""
    short_start = match.start(1) + match.group(1).index(short)
    # "(HR-) MDS": the hyphen belongs to the text after the parenthesis.
    short = short.rstrip("-‐‑")
    if not (_SHORT.fullmatch(short) and len(short) <= 12 and acronym_shaped(short.replace(" ", ""))):
        return None
    open_at = match.start()
    before = prose[max(0, open_at - 300) : open_at]
    found = _long_before(before, short)
    if found is None:
        return None
    long_text, offset = found
    long_start = open_at - len(before) + offset
    return AcronymDefinition(
        short=short, long=" ".join(_unwrapped(prose, long_start, long_text).split()), start=long_start, end=match.end(),
        short_start=short_start, short_end=short_start + len(short),
        long_start=long_start, long_end=long_start + len(long_text),
    )  # fmt: skip


def _unwrapped(prose: str, start: int, text: str) -> str:
    """``text`` (at ``start`` in ``prose``) with each word hyphenated across a line end joined ("Protected Designa-\ntion
    of Origin" is "Protected Designation of Origin"); a compound's own hyphen stays ("Long-\nTerm")."""
    if "-\n" not in text:
        return text
    line_start = prose.rfind("\n", 0, start) + 1
    for wrap in reversed(hyphen_wraps(prose[line_start : start + len(text)])):
        at, until = wrap.start + line_start - start, wrap.end + line_start - start
        if at >= 0:
            text = text[:at] + wrap.word + text[until:]
    return text


def _short_then_long(name: NameMention, match: re.Match[str]) -> AcronymDefinition | None:
    """``SHORT (long form)``: ``name`` is the acronym before the parenthesis."""
    inner = match.group(1)
    content = inner.strip()
    long_text = _match_long(name.text[:-1] if name.text.endswith("s") and name.text[:-1].isupper() else name.text, content)
    if long_text is None or not content.endswith(long_text):
        return None
    long_start = match.end(1) - len(inner) + inner.rindex(long_text)
    return AcronymDefinition(
        short=name.text, long=" ".join(long_text.split()), start=name.start, end=match.end(),
        short_start=name.start, short_end=name.end,
        long_start=long_start, long_end=long_start + len(long_text),
    )  # fmt: skip


_QUOTED = LazyPattern(r"(?:the\s+)?[" + _QUOTES + r"]([^" + _QUOTES + r"]+)[" + _QUOTES + r"](?:\s+or\s+.*)?")


_mention_end = attrgetter("end")


def _ending(mentions: Iterable[NameMention]) -> dict[int, NameMention]:
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
    if "://" in content or content.lower().startswith("www."):
        return None  # "CloudFlare (https://...)": a link, not another name
    match = _ALIAS_PHRASE.fullmatch(content)
    if match:
        return (match.group("a") or match.group("b") or "").strip(_QUOTES + ".,;").strip() or None
    content = content.strip("\u00ae\u2122")
    if content.endswith(".") or (zipf(content) >= RARE_ZIPF and not any(c.isdigit() for c in content)):
        return None  # "(Cont.)", "(CONTINUED)", "(Trial)": not another name
    # A single name or code: "Olverembatinib (HQP1351)", "imatinib (GLEEVEC)".
    if " " in content or not any(c.isalpha() for c in content):
        return None
    if any(c.isdigit() for c in content) or any(c.isupper() for c in content[1:]) or (content[0].isupper() and zipf(content) < RARE_ZIPF):
        return content
    return None


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
    if len(long_text.split()) < 2 and not any(h in long_text for h in HYPHENS):
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
