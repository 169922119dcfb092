"""Runs of characters that cannot be real text (``garbled_runs``).

Garbled text is what a PDF extractor produces from a font without a Unicode
map: each glyph becomes an arbitrary code point, so a Chinese phrase turns
into letters from a dozen unrelated scripts, marks with nothing to combine
with, and unassigned code points. Real multilingual text looks different
even when scripts are mixed: every script forms whole words. Following
Unicode's mixed-script detection (UTS #39, "highly restrictive" profile),
Latin, Greek and Cyrillic may mix with Han, Hiragana, Katakana, Hangul and
Bopomofo without comment; what counts as evidence is

- a change of script inside a word where one side is at most two letters
  long (garbage changes script at almost every character),
- a combining mark with no base letter of its own script,
- an unassigned or private-use code point, a noncharacter, or U+FFFD.

A run is garbled when it holds at least three such events at a density of
at least one per three or four characters, or any private-use or unassigned
code point of the Basic Multilingual Plane.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from checker.extract.unicode_chars import CharInfo, group_of, info, non_ascii_characters, regex_compile


@dataclass(frozen=True, slots=True)
class GarbledRun:
    """A run of characters that cannot be real text, and the evidence for it."""

    start: int
    end: int
    scripts: tuple[str, ...]  # scripts of the letters in the run, in order of appearance
    switches: int  # script changes inside words with a side of at most two letters
    orphan_marks: int  # combining marks without a base of their script
    unassigned: int
    private: int
    replacement: int
    cid: int = 0  # "(cid:123)" tokens


# Lines, and tokens (no whitespace), that contain a character beyond Latin
# and general punctuation: only those can hold evidence.
_BEYOND_LATIN = "[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]"
_beyond_latin = cache(lambda: re.compile(_BEYOND_LATIN))
_line = cache(lambda: re.compile(r"(?<![^\n])[^\n]*?" + _BEYOND_LATIN + r"[^\n]*"))
_token = cache(lambda: re.compile(r"(?<!\S)\S*?" + _BEYOND_LATIN + r"\S*"))
_mark_after_space = cache(lambda: regex_compile(r"(?:^|\s)\p{M}"))
_cid = cache(lambda: re.compile(r"\(cid:\d+\)(?:[ \t]*\(cid:\d+\))*"))
_blank_line = cache(lambda: re.compile(r"\n[ \t]*\n|\r\n[ \t]*\r\n|\r[ \t]*\r"))
_ascii_word = cache(lambda: re.compile(r"[A-Za-z]{3,}"))
_ascii_letter = cache(lambda: re.compile(r"[A-Za-z]"))
_punctuation = cache(lambda: regex_compile(r"\p{P}"))
_non_ascii_visible = cache(lambda: re.compile(r"[^\x00-\x7f\s]"))
# Events this close (in characters) belong to the same run.
_GAP = 12
# Bases that display a mark on its own (dotted circle, no-break space).
_DISPLAY_BASES = frozenset("\u25cc\u00a0\u202f")

Event = tuple[int, int, str]


def garbled_runs(prose: str) -> list[GarbledRun]:
    """Runs of garbled text in ``prose`` (see the module docstring)."""
    runs: list[GarbledRun] = []
    if "(cid:" in prose:
        for match in _cid().finditer(prose):
            runs.append(GarbledRun(match.start(), match.end(), (), 0, 0, 0, 0, 0, match.group().count("(cid:")))
    # Evidence is only ever gathered on lines holding a character beyond
    # Latin and general punctuation: without one there is nothing to do.
    if not prose.isascii() and _may_hold_any(prose):
        events: list[Event] = []
        for line in _line().finditer(prose):
            # Most lines hold one script (or compatible ones): skip them whole.
            if _may_hold_garbage(line.group()):
                for match in _token().finditer(prose, line.start(), line.end()):
                    token = match.group()
                    if _needs_scan(token) or info(token[0]).kind == "mark":
                        _token_events(prose, match.start(), match.end(), events)
        if events:
            runs.extend(_runs(prose, events))
    runs.sort(key=lambda run: run.start)
    return runs


def _token_events(text: str, start: int, end: int, events: list[Event]) -> None:
    """Append the evidence events of one whitespace-free token."""
    segments: list[list] = []  # [group, start, end, letters]
    base: CharInfo | None = None
    base_char = ""
    for index in range(start, end):
        ch = text[index]
        item = info(ch)
        kind = item.kind
        if kind in ("unassigned", "private", "replacement"):
            events.append((index, index + 1, kind))
            base, base_char = item, ch
            continue
        if kind == "format":
            continue  # joiners and the like neither carry nor break a script
        if kind == "mark":
            if base is None or base.kind in ("unassigned", "private", "replacement"):
                events.append((index, index + 1, "mark"))
            elif item.follows is not None and base.script not in item.follows and base_char not in _DISPLAY_BASES:
                events.append((index, index + 1, "mark"))
            continue
        base, base_char = item, ch
        if kind != "letter":
            continue
        if segments and segments[-1][0] == item.group:
            segments[-1][2] = index + 1
            segments[-1][3] += 1
        else:
            segments.append([item.group, index, index + 1, 1])
    for left, right in zip(segments, segments[1:]):
        left_short = left[3] <= 2
        right_short = right[3] <= 2
        if left_short or right_short:
            events.append((left[1] if left_short else right[1], right[2] if right_short else left[2], "switch"))


def _needs_scan(chunk: str) -> bool:
    """Whether a chunk of text can hold evidence: more than one script group,
    a mark that cannot follow any letter in it, or a junk code point. Text
    in one script (or compatible ones) is the common case and costs little."""
    return _profile(chunk)[0]


def _may_hold_any(prose: str) -> bool:
    """Whether ``prose`` holds a character beyond Latin and general punctuation and ``_may_hold_garbage``.

    Judged on its distinct non-ASCII characters, and one ASCII letter when it has any: ASCII is
    never beyond Latin, all its letters are of one script group, and none of its characters is a
    mark or a junk code point, so one letter tells ``_profile`` all that ASCII can (a test holds
    this to the whole set of characters). The non-ASCII characters are usually known already (other
    checks ask for them), and collecting them is cheaper than collecting every character.
    """
    chars = non_ascii_characters(prose)
    if not _beyond_latin().search("".join(chars)):
        return False
    return _may_hold_garbage(prose, chars | {"a"} if _ascii_letter().search(prose) else chars)


def _may_hold_garbage(chunk: str, chars: frozenset[str] | None = None) -> bool:
    scan, marks = _profile(chunk, chars)
    return scan or (marks and _mark_after_space().search(chunk) is not None)


def _profile(chunk: str, chars: frozenset[str] | None = None) -> tuple[bool, bool]:
    """(whether the chunk needs a closer look, whether it holds combining marks)."""
    groups: set[str] = set()
    marks: set[frozenset[str]] = set()
    has_marks = False
    for ch in set(chunk) if chars is None else chars:
        item = info(ch)
        if item.group is not None:
            groups.add(item.group)
        elif item.kind in ("unassigned", "private", "replacement"):
            return True, True
        elif item.kind == "mark":
            has_marks = True
            if item.follows is not None:
                marks.add(item.follows)
    if len(groups) > 1:
        return True, has_marks
    return any(not groups & {group_of(script) for script in follows} for follows in marks), has_marks


def _runs(text: str, events: list[Event]) -> list[GarbledRun]:
    events.sort()
    clusters: list[list[Event]] = []
    end = -1
    for event in events:
        if clusters and event[0] - end <= _GAP and _bridgeable(text[end : event[0]]):
            clusters[-1].append(event)
            end = max(end, event[1])
        else:
            clusters.append([event])
            end = event[1]
    out = []
    for cluster in clusters:
        run = _assess(text, cluster)
        if run is not None:
            out.append(run)
    return out


_EDGE = 4


def _garbage_edge(ch: str) -> bool:
    if ch.isascii() or ch.isspace() or _punctuation().match(ch):
        return False
    return info(ch).kind in ("letter", "mark", "common", "unassigned", "private")


def _bridgeable(gap: str) -> bool:
    return not _blank_line().search(gap) and not _ascii_word().search(gap)


def _assess(text: str, cluster: list[Event]) -> GarbledRun | None:
    start = min(e[0] for e in cluster)
    end = max(e[1] for e in cluster)
    counts = {"switch": 0, "mark": 0, "unassigned": 0, "private": 0, "replacement": 0}
    for _event_start, _, kind in cluster:
        counts[kind] += 1
    visible = len(_non_ascii_visible().findall(text, start, end))
    evidence = len(cluster)
    # A private-use code point, or an unassigned one in the Basic Multilingual
    # Plane, is junk on its own; unassigned code points elsewhere may be
    # characters newer than this program's Unicode tables (new emoji).
    junk = any(kind == "private" or (kind == "unassigned" and ord(text[s]) < 0x10000) for s, _, kind in cluster)
    if not (junk or (evidence >= 3 and evidence * 10 >= visible * 3)):
        return None
    # Garbage at the edges of a run may carry no evidence of its own (three
    # Latin-looking letters in a row); take up to a few more non-ASCII
    # characters of the same word.
    limit = start - _EDGE
    while start > 0 and start > limit and _garbage_edge(text[start - 1]):
        start -= 1
    limit = end + _EDGE
    while end < len(text) and end < limit and _garbage_edge(text[end]):
        end += 1
    scripts: list[str] = []
    for ch in text[start:end]:
        item = info(ch)
        if item.kind in ("letter", "mark") and item.script not in ("Common", "Inherited") and item.script not in scripts:
            scripts.append(item.script)
    return GarbledRun(
        start, end, tuple(scripts), counts["switch"], counts["mark"], counts["unassigned"], counts["private"], counts["replacement"]
    )
