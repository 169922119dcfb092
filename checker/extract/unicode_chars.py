"""What the encoding rules need to know about single characters.

For any character: its Unicode script, whether it is a letter, a combining
mark, an unassigned or private-use code point (``info``), its name
(``describe``); the table of look-alike letters between Latin, Greek and
Cyrillic (``LOOKALIKES``); and the distinct characters of a text
(``characters``, ``non_ascii_characters``), and whether its only decimal
digits are 0-9 (``only_ascii_digits``). Runs of garbage are found in
``checker.extract.garbled``, mojibake in ``checker.extract.mojibake_repairs``.
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


def regex_compile(pattern: str) -> regex.Pattern:
    """``regex.compile`` (the module is imported on first use)."""
    import regex

    return regex.compile(pattern)


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


_emoji_part = cache(lambda: regex_compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f\u20e3\U000e007f]"))
_right_to_left = cache(lambda: regex_compile(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]"))


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
_ascii_runs = cache(lambda: re.compile("[\x00-\x7f]+"))


def non_ascii_characters(text: str) -> frozenset[str]:
    """The distinct non-ASCII characters of ``text`` (cached like ``characters``).

    Cheaper than ``characters``: most of a text is ASCII, and only the
    non-ASCII characters are collected.
    """
    for seen, chars in _LAST_NON_ASCII:
        if seen is text:
            return chars
    # The text without its ASCII runs (one string built in C), then its distinct characters: twice
    # as fast as collecting each non-ASCII character as a string of its own (findall).
    chars = frozenset(_ascii_runs().sub("", text))
    _LAST_NON_ASCII[1] = _LAST_NON_ASCII[0]
    _LAST_NON_ASCII[0] = (text, chars)
    return chars


def only_ascii_digits(text: str) -> bool:
    """Whether the only decimal digits of ``text`` (what ``\\d`` matches) are 0-9.

    A pattern may then write ``[0-9]`` for ``\\d``: the two match alike in such a
    text, and ``re`` tests a range of ASCII characters faster than a Unicode category.
    """
    return text.isascii() or not any(ch.isdecimal() for ch in non_ascii_characters(text))


def characters(text: str) -> frozenset[str]:
    """The distinct characters of ``text`` (cached for the last two texts asked about)."""
    for seen, chars in _LAST_CHARS:
        if seen is text:
            return chars
    chars = frozenset(text)
    _LAST_CHARS[1] = _LAST_CHARS[0]
    _LAST_CHARS[0] = (text, chars)
    return chars
