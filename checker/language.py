"""Whether a document's prose is in a language other than English, told by its commonest words.

The names rules tell a name from an ordinary word by an English word list: in a page
translated into Spanish or German every ordinary word is rare in English, and its
inflections ("responder" / "responderá", "Bereich" / "Bereiche") look like one name
spelled two ways. ``other_language`` counts, among a document's first words, those
that are among the commonest words of English and of each of a few other languages
(wordfreq's lists, kept as a table by ``scripts/make_language_words.py``): a document is
in another language when that language's common words are many and English's few. Korean,
Japanese and Chinese are told by their scripts (Hangul, kana, Han ideographs), which no such
word list reads. A document with few common words of any language (a list of names, handles
or commands) is not judged: it keeps being checked as English.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

# Languages a translated page of documentation is commonly in, with a word list in wordfreq of words as spaces
# separate them (Chinese and Japanese are not written with spaces; wordfreq's Korean list is of particles).
CANDIDATES = ("es", "pt", "fr", "de", "it", "nl", "id", "pl", "tr", "sv", "ru", "uk", "vi")
TOP = 40  # the commonest words of a language that are counted
_WORDS = 400  # the first chunks of a document that are read
_MIN_WORDS = 100  # fewer words than this: not judged
_ENGLISH_PLAIN = 0.2  # English's common words make at least this share of English prose's first chunks
_MIN_SHARE = 0.15  # another language's common words must make at least this share
_LEAD = 2  # ... and outnumber English's this many times
# Korean, Japanese and Chinese are told by their scripts instead: no word list reads them as spaces separate them.
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_KANA = re.compile("[\u3040-\u30ff]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_MIN_LETTERS = 300  # fewer letters than this among the first chunks: the script is not judged
_SCRIPT_SHARE = 0.3  # the share of the letters in those scripts that makes the prose theirs


def _common(language: str) -> frozenset[str]:
    from checker.language_words import COMMON

    return COMMON[language]


def other_language(chunks: Sequence[str]) -> str:
    """The language code of the prose whose whitespace-separated ``chunks`` these are, when it is not English
    (one of ``CANDIDATES``); "" for English, and for prose too short or with too few common words to tell."""
    first = list(islice(chunks, _WORDS))
    # Most documents: English's common words, as written, are plenty among the first chunks (one C-level pass).
    if len(first) >= _MIN_WORDS and sum(map(_common("en").__contains__, first)) >= _ENGLISH_PLAIN * len(first):
        return ""
    script = _script(first)
    if script or len(first) < _MIN_WORDS:
        return script
    words = [chunk.lower() for chunk in first if chunk.isalpha()]
    total = len(words)
    if total < _MIN_WORDS:
        return ""
    english = sum(map(_common("en").__contains__, words))
    best, hits = "", 0
    for language in CANDIDATES:
        count = sum(map(_common(language).__contains__, words))
        if count > hits:
            best, hits = language, count
    if hits >= _MIN_SHARE * total and hits >= _LEAD * english:
        return best
    return ""


def _script(chunks: list[str]) -> str:
    """ "ko", "ja" or "zh" when Hangul, kana or Han ideographs make a good share of the letters of ``chunks``
    (a page of Korean, Japanese or Chinese, English names and terms among it), else ""."""
    text = "".join(chunks)
    letters = sum(map(str.isalpha, text))
    if letters < _MIN_LETTERS:
        return ""
    hangul, kana, han = (len(pattern.findall(text)) for pattern in (_HANGUL, _KANA, _HAN))
    if hangul + kana + han < _SCRIPT_SHARE * letters:
        return ""
    if hangul >= kana + han:
        return "ko"
    return "ja" if kana else "zh"  # Chinese is written without kana
