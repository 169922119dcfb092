"""Unicode character classes shared by the encoding rules (ENC).

Not a fact-sheet extractor: a library the ENC rules import lazily. It knows,
for any character, its script, whether it is a letter, a combining mark, an
unassigned or private-use code point (``info``); it finds the runs of
characters that cannot be real text (``garbled_runs``) and the mojibake
that ftfy can repair (``mojibake_repairs``), and holds the table of
look-alike letters (``LOOKALIKES``).

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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import regex

# The ``regex`` module (Unicode script and property classes) and every
# pattern here are loaded on first use: most documents are ASCII or Latin
# text that never needs them.

# Unicode script long names (Unicode 17), most frequent first: the first
# match wins in the classifier below.
SCRIPTS = (
    "Common Inherited Latin Han Cyrillic Greek Arabic Hiragana Katakana Hangul Hebrew Devanagari Thai "
    "Bengali Tamil Telugu Kannada Malayalam Gujarati Gurmukhi Oriya Sinhala Armenian Georgian Ethiopic "
    "Khmer Lao Myanmar Tibetan Mongolian Bopomofo Syriac Thaana Nko Samaritan Mandaic Cherokee "
    "Canadian_Aboriginal Ogham Runic Tagalog Hanunoo Buhid Tagbanwa Limbu Tai_Le New_Tai_Lue Buginese "
    "Tai_Tham Balinese Sundanese Batak Lepcha Ol_Chiki Glagolitic Tifinagh Coptic Yi Lisu Vai Bamum "
    "Syloti_Nagri Phags_Pa Saurashtra Kayah_Li Rejang Javanese Cham Tai_Viet Meetei_Mayek Braille "
    "Linear_B Lycian Carian Old_Italic Gothic Old_Permic Ugaritic Old_Persian Deseret Shavian Osmanya "
    "Osage Elbasan Caucasian_Albanian Vithkuqi Linear_A Cypriot Imperial_Aramaic Palmyrene Nabataean "
    "Hatran Phoenician Lydian Meroitic_Hieroglyphs Meroitic_Cursive Kharoshthi Old_South_Arabian "
    "Old_North_Arabian Manichaean Avestan Inscriptional_Parthian Inscriptional_Pahlavi Psalter_Pahlavi "
    "Old_Turkic Old_Hungarian Hanifi_Rohingya Yezidi Old_Sogdian Sogdian Old_Uyghur Chorasmian Elymaic "
    "Brahmi Kaithi Sora_Sompeng Chakma Mahajani Sharada Khojki Multani Khudawadi Grantha Newa Tirhuta "
    "Siddham Modi Takri Ahom Dogra Warang_Citi Dives_Akuru Nandinagari Zanabazar_Square Soyombo "
    "Pau_Cin_Hau Bhaiksuki Marchen Masaram_Gondi Gunjala_Gondi Makasar Kawi Cuneiform Cypro_Minoan "
    "Egyptian_Hieroglyphs Anatolian_Hieroglyphs Bassa_Vah Pahawh_Hmong Medefaidrin Miao Tangut Nushu "
    "Khitan_Small_Script Duployan SignWriting Nyiakeng_Puachue_Hmong Toto Wancho Nag_Mundari "
    "Mende_Kikakui Adlam Tangsa Mro Garay Gurung_Khema Kirat_Rai Ol_Onal Sunuwar Todhri Tulu_Tigalari "
    "Sidetic Tai_Yo Beria_Erfe Tolong_Siki"
).split()

# UTS #39 "highly restrictive": Latin may mix with Han + Hiragana + Katakana,
# Han + Bopomofo or Han + Hangul. Greek and Cyrillic are added here because
# mixing them with Latin (IPA, "TNFα", look-alike letters) is the concern of
# the mixed-script-word rule, not a sign of garbage.
COMPATIBLE = frozenset("Latin Greek Cyrillic Han Hiragana Katakana Hangul Bopomofo".split())
_COMPATIBLE_GROUP = "Latin/Greek/Cyrillic/CJK"

Kind = Literal["letter", "mark", "common", "space", "format", "control", "unassigned", "private", "replacement"]


@dataclass(frozen=True, slots=True)
class CharInfo:
    """What the encoding rules need to know about one character."""

    script: str  # Unicode script; "Common", "Inherited" or "Unknown" when none applies
    kind: Kind
    group: str | None  # compatibility group of letters (None for the rest)
    # For marks: the scripts whose letters the mark may follow (None: any).
    follows: frozenset[str] | None = None


_INFO: dict[str, CharInfo] = {}
_SCX: dict[str, regex.Pattern] = {}
# The scripts of most text, tried first: a pattern of a few scripts compiles
# in a fraction of the time that the pattern of all of them takes. (A
# character has exactly one script, so the order of the tries does not matter.)
_FREQUENT_SCRIPTS = SCRIPTS[:10]


def _script_pattern(names: Sequence[str]) -> regex.Pattern:
    import regex

    return regex.compile("|".join(rf"(\p{{sc={name}}})" for name in names))


_frequent_scripts = cache(lambda: _script_pattern(_FREQUENT_SCRIPTS))
_all_scripts = cache(lambda: _script_pattern(tuple(SCRIPTS)))


@cache
def _category() -> regex.Pattern:
    import regex

    return regex.compile(
        r"(?P<space>\s)|(?P<unassigned>[\p{Cn}\p{Cs}])|(?P<private>\p{Co})|(?P<control>\p{Cc})"
        r"|(?P<format>\p{Cf})|(?P<mark>\p{M})|(?P<letter>[\p{L}\p{N}\p{P}\p{S}])"
    )


def script_of(ch: str) -> str:
    """The Unicode script of a character ("Unknown" if it has none)."""
    match = _frequent_scripts().match(ch)
    if match and match.lastindex:
        return _FREQUENT_SCRIPTS[match.lastindex - 1]
    match = _all_scripts().match(ch)
    return SCRIPTS[match.lastindex - 1] if match and match.lastindex else "Unknown"


def script_extensions(ch: str) -> frozenset[str]:
    """The scripts a character is used with (Unicode Script_Extensions)."""
    import regex

    out = []
    for name in SCRIPTS[2:]:
        pattern = _SCX.get(name)
        if pattern is None:
            pattern = _SCX[name] = regex.compile(rf"\p{{scx={name}}}")
        if pattern.match(ch):
            out.append(name)
    return frozenset(out)


def info(ch: str) -> CharInfo:
    """Script and kind of one character (cached)."""
    found = _INFO.get(ch)
    if found is None:
        found = _INFO[ch] = _classify(ch)
    return found


def _classify(ch: str) -> CharInfo:
    if ch == "\ufffd":
        return CharInfo("Common", "replacement", None)
    match = _category().match(ch)
    category = match.lastgroup if match else "letter"
    if category == "unassigned":
        return CharInfo("Unknown", "unassigned", None)
    if category in ("space", "private", "control", "format"):
        return CharInfo("Common", category, None)  # type: ignore[arg-type]
    script = script_of(ch)
    if category == "mark":
        return CharInfo(script, "mark", None, script_extensions(ch) or None)
    if script in ("Common", "Inherited", "Unknown"):
        return CharInfo(script, "common", None)
    return CharInfo(script, "letter", group_of(script))


def group_of(script: str) -> str:
    """The compatibility group of a script (scripts in one group mix freely)."""
    return _COMPATIBLE_GROUP if script in COMPATIBLE else script


def describe(ch: str) -> str:
    """``U+0430 CYRILLIC SMALL LETTER A`` (the name when Python knows it)."""
    import unicodedata

    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {name}".rstrip()


# --- garbled runs ------------------------------------------------------------------


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
_mark_after_space = cache(lambda: _regex_compile(r"(?:^|\s)\p{M}"))
_cid = cache(lambda: re.compile(r"\(cid:\d+\)(?:[ \t]*\(cid:\d+\))*"))
_blank_line = cache(lambda: re.compile(r"\n[ \t]*\n|\r\n[ \t]*\r\n|\r[ \t]*\r"))
_ascii_word = cache(lambda: re.compile(r"[A-Za-z]{3,}"))
_punctuation = cache(lambda: _regex_compile(r"\p{P}"))
_non_ascii_visible = cache(lambda: re.compile(r"[^\x00-\x7f\s]"))
# Events this close (in characters) belong to the same run.
_GAP = 12
# Bases that display a mark on its own (dotted circle, no-break space).
_DISPLAY_BASES = frozenset("\u25cc\u00a0\u202f")

Event = tuple[int, int, str]


def _regex_compile(pattern: str) -> regex.Pattern:
    import regex

    return regex.compile(pattern)


def garbled_runs(prose: str) -> list[GarbledRun]:
    """Runs of garbled text in ``prose`` (see the module docstring)."""
    runs: list[GarbledRun] = []
    if "(cid:" in prose:
        for match in _cid().finditer(prose):
            runs.append(GarbledRun(match.start(), match.end(), (), 0, 0, 0, 0, 0, match.group().count("(cid:")))
    # Evidence is only ever gathered on lines holding a character beyond
    # Latin and general punctuation: without one there is nothing to do.
    if not prose.isascii() and _beyond_latin().search(prose) and _may_hold_garbage(prose, characters(prose)):
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


# --- look-alike letters ------------------------------------------------------------

# Letters of one script that look exactly like a letter of another (after
# Unicode's confusables.txt, restricted to whole-glyph look-alikes of the
# basic Latin, Greek and Cyrillic letters).
CYRILLIC_AS_LATIN = dict(
    zip(
        "аеорсухіјѕһԁԛԝӏАВЕКМНОРСТХІЈЅҮԚԜ",
        "aeopcyxijshdqwlABEKMHOPCTXIJSYQW",
    )
)
GREEK_AS_LATIN = dict(zip("οϲϳΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ocjABEZHIKMNOPTYX"))
LATIN_AS_CYRILLIC = {latin: cyrillic for cyrillic, latin in CYRILLIC_AS_LATIN.items() if cyrillic not in "һԁԛԝӏԚԜ"}
LATIN_AS_GREEK = {latin: greek for greek, latin in GREEK_AS_LATIN.items() if greek not in "ϲϳ"}

LOOKALIKES: dict[tuple[str, str], dict[str, str]] = {
    # (script of the word, script of the intruder) -> intruder -> letter of the word's script
    ("Latin", "Cyrillic"): CYRILLIC_AS_LATIN,
    ("Latin", "Greek"): GREEK_AS_LATIN,
    ("Cyrillic", "Latin"): LATIN_AS_CYRILLIC,
    ("Greek", "Latin"): LATIN_AS_GREEK,
}


def excerpt(text: str, limit: int = 16) -> str:
    """``text`` for a message: shortened, with invisible and unassigned characters escaped."""
    shown = text if len(text) <= limit else text[: limit - 1] + "\u2026"
    out = []
    for ch in shown:
        item = info(ch)
        if item.kind in ("unassigned", "private", "control", "format") or (item.kind == "space" and ch not in " "):
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)


_emoji_part = cache(lambda: _regex_compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f\u20e3\U000e007f]"))
_right_to_left = cache(lambda: _regex_compile(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]"))


def is_emoji_part(ch: str) -> bool:
    """Whether ``ch`` is an emoji, a skin-tone modifier, VS16, a keycap or a cancel tag."""
    return bool(_emoji_part().match(ch))


def has_right_to_left(text: str) -> bool:
    """Whether ``text`` holds a letter of a right-to-left script (Hebrew, Arabic, ...)."""
    return bool(_right_to_left().search(text))


# The last two answers are kept: several rules ask about the same document
# one after another, some about its text and some about its prose view.
_LAST_CHARS: list[tuple[str, frozenset[str]]] = [("", frozenset()), ("", frozenset())]


_LAST_NON_ASCII: list[tuple[str, frozenset[str]]] = [("", frozenset()), ("", frozenset())]
_non_ascii = cache(lambda: re.compile("[^\x00-\x7f]"))


def non_ascii_characters(text: str) -> frozenset[str]:
    """The distinct non-ASCII characters of ``text`` (cached like ``characters``).

    Cheaper than ``characters``: most of a text is ASCII, and only the
    non-ASCII characters are collected.
    """
    for seen, chars in _LAST_NON_ASCII:
        if seen is text:
            return chars
    chars = frozenset(_non_ascii().findall(text))
    _LAST_NON_ASCII[1] = _LAST_NON_ASCII[0]
    _LAST_NON_ASCII[0] = (text, chars)
    return chars


def characters(text: str) -> frozenset[str]:
    """The distinct characters of ``text`` (cached for the last two texts asked about)."""
    for seen, chars in _LAST_CHARS:
        if seen is text:
            return chars
    chars = frozenset(text)
    _LAST_CHARS[1] = _LAST_CHARS[0]
    _LAST_CHARS[0] = (text, chars)
    return chars


# --- mojibake ------------------------------------------------------------------------

# Two-character clues of mojibake, cheap to search for: a UTF-8 lead byte
# read as Windows-1252/Latin-1 ("Ã", "â", "Ð") followed by a continuation
# byte read the same way; the same for Windows-1251 ("вЂ", "Р°"), Mac OS
# Roman ("‚Äô", "√©") and Windows-1253. Only lines with a clue go to ftfy.
_CONTINUATION_1252 = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_CONTINUATION_1251 = "\u0080-\u00bf\u0402-\u040f\u0452-\u045f\u0490\u0491\u2013-\u2026\u2030\u2039\u203a\u20ac\u2116\u2122"
_clue_pattern = cache(lambda: re.compile(
    f"[\u00c2-\u00f4][{_CONTINUATION_1252}]"
    f"|[\u0420\u0421\u0432][{_CONTINUATION_1251}]"
    "|\u201a[\u00c4\u00c3]|\u221a[\u00b1\u2202\u2020\u2260\u00ae\u2122\u00b4\u2264\u2265\u00a5\u00b5\u00f8\u00a9]|\u2248[\u00b0\u00a2]"
    "|[\u0392\u0393\u039e\u039f\u03b2][\u0080-\u00bf\u20ac\u2018-\u201e\u2020-\u2026\u0384-\u038f]"
))
_LEADS = frozenset(map(chr, range(0xC2, 0xF5))) | frozenset("\u0420\u0421\u0432\u201a\u221a\u2248\u0392\u0393\u039e\u039f\u03b2")
# The same clues as one pair of character classes: much faster to search.
_pair = cache(lambda: re.compile(
    "[\u00c2-\u00f4\u0420\u0421\u0432\u201a\u221a\u2248\u0392\u0393\u039e\u039f\u03b2]"
    f"[{_CONTINUATION_1252}{_CONTINUATION_1251}\u00c4\u00c3\u00b1\u2202\u2260\u00ae\u00b4\u2264\u2265\u00a5\u00b5\u00f8\u00a9\u00b0\u00a2\u0384-\u038f]"
))
_space = cache(lambda: re.compile(r"\s"))
# C1 control -> the Windows-1252 character of the same byte.
_C1_AS_1252 = {
    code: bytes([code]).decode("cp1252") for code in range(0x80, 0xA0) if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


@dataclass(frozen=True, slots=True)
class Repair:
    """A stretch of mojibake and ftfy's repair of it."""

    start: int
    end: int
    replacement: str
    # (encoding wrongly used, encoding of the bytes) steps that turn the
    # replacement back into the damaged text exactly; None if no steps do.
    chain: tuple[tuple[str, str], ...] | None
    steps: tuple[tuple[str, str], ...]  # the (wrong, right) encoding pairs of ftfy's plan for the line
    plan: tuple[tuple[str, str], ...]  # ftfy's plan for the line


def mojibake_repairs(prose: str) -> list[Repair]:
    """Mojibake in ``prose``, one repair per damaged word, found and repaired by ftfy.

    Lines without a two-character clue of mojibake never reach ftfy. Lone
    C1 controls that are Windows-1252 characters read as Latin-1 are left
    out: they are the invisible-character rule's to report.
    """
    if prose.isascii() or not non_ascii_characters(prose) & _LEADS:
        return []
    clue = _clue(prose, 0)
    if clue is None:
        return []
    import ftfy
    from ftfy.badness import is_bad

    out: list[Repair] = []
    end = 0
    while clue is not None:
        # The line starts after the last break before the clue: search back only to the
        # end of the line before (a break itself), not to the start of the document.
        start = max(prose.rfind("\n", end, clue), prose.rfind("\r", end, clue)) + 1
        if not start and end:
            start = max(prose.rfind("\n", 0, end), prose.rfind("\r", 0, end)) + 1
        end = _line_end(prose, clue)
        line = prose[start:end]
        if is_bad(line):
            fixed, plan = ftfy.fix_and_explain(line, _config())
            if fixed != line and plan:
                steps = _steps(plan)
                for a, b, replacement, chain in _changes(line, fixed, steps):
                    if line[a:b].translate(_C1_AS_1252) != replacement:
                        out.append(Repair(start + a, start + b, replacement, chain, steps, tuple(plan)))
        clue = _clue(prose, end)
    return out


def _clue(text: str, position: int) -> int | None:
    """Offset of the next mojibake clue at or after ``position``."""
    clue = _clue_pattern()
    for pair in _pair().finditer(text, position):
        if clue.match(text, pair.start()):
            return pair.start()
    return None


_BREAK_CHAR = re.compile(r"[\r\n]")


def _line_end(text: str, offset: int) -> int:
    """The first ``\\n`` or ``\\r`` at or after ``offset``, or ``len(text)`` (one scan, to the line's end)."""
    found = _BREAK_CHAR.search(text, offset)
    return found.start() if found else len(text)


_CONFIG = None


def _config():
    global _CONFIG
    if _CONFIG is None:
        import ftfy

        # Encoding repairs only: no quote straightening, no normalisation,
        # nothing that other rules report (ligatures, entities, controls).
        _CONFIG = ftfy.TextFixerConfig(
            unescape_html=False,
            remove_terminal_escapes=False,
            fix_encoding=True,
            restore_byte_a0=True,
            replace_lossy_sequences=True,
            decode_inconsistent_utf8=True,
            fix_c1_controls=False,
            fix_latin_ligatures=False,
            fix_character_width=False,
            uncurl_quotes=False,
            fix_line_breaks=False,
            fix_surrogates=False,
            remove_control_chars=False,
            normalization=None,
            explain=True,
        )
    return _CONFIG


def _changes(text: str, fixed: str, steps: tuple[tuple[str, str], ...]) -> list[tuple[int, int, str, tuple[tuple[str, str], ...] | None]]:
    """Changed spans of ``text``, one per word: (start, end, replacement, encoding chain).

    The chain is the (wrong encoding, right encoding) steps that turn the
    replacement back into the damaged text, or None when no chain does (then the repair is lossy
    or uncertain). A difference that the alignment left as a bare deletion
    ("Â£" vs "£" aligns the "£") is widened by a character or two until it
    round-trips.
    """
    from checker.extract.alignment import differences

    spans: list[list[int]] = []
    for i1, i2, j1, j2 in differences(text, fixed):
        if spans and not _space().search(text, spans[-1][1], i1):
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    out: list[tuple[int, int, str, tuple[tuple[str, str], ...] | None]] = []
    for i1, i2, j1, j2 in spans:
        best: tuple[int, int, str, tuple[tuple[str, str], ...] | None] | None = None
        for left, right in ((0, 0), (0, 1), (1, 0), (1, 1), (0, 2), (2, 0)):
            a, b, c, d = i1 - left, i2 + right, j1 - left, j2 + right
            if a < 0 or c < 0 or b > len(text) or d > len(fixed):
                continue
            if text[a:i1] != fixed[c:j1] or text[i2:b] != fixed[j2:d]:
                continue
            chain = None if "\ufffd" in fixed[c:d] else _round_trip(fixed[c:d], text[a:b], steps)
            if chain:
                best = (a, b, fixed[c:d], chain)
                break
        out.append(best or (i1, i2, fixed[j1:j2], None))
    return out


def _steps(plan) -> tuple[tuple[str, str], ...]:
    """(encoding the text was wrongly read as, encoding it really was) for each step of a plan."""
    out = []
    wrong = None
    for step, name in plan:
        if step == "encode":
            wrong = name
        elif step == "decode" and wrong is not None:
            out.append((wrong, name))
            wrong = None
    return tuple(out)


def _round_trip(repaired: str, damaged: str, steps: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...] | None:
    """The steps that turn the repair back into the damage, if any do."""
    import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy" codecs)

    chains = [steps] if steps else []
    for wrong in ("sloppy-windows-1252", "latin-1"):
        chains += [((wrong, "utf-8"),), ((wrong, "utf-8"),) * 2]
    for chain in chains:
        text = repaired
        try:
            for wrong, right in reversed(chain):
                text = text.encode(right).decode(wrong)
        except (UnicodeError, LookupError):
            continue
        if text == damaged and text != repaired:
            return chain
    return None
