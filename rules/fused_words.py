"""TXT005: two words run together: ``ofapplication``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.finding import Edit, Finding, Fix
from checker.patterns import LazyPattern
from checker.rule import Rule
from checker.word_screen import screen
from checker.word_splits import word_content_splits, word_suspects, words_of

# A lower-case token standing alone in prose: not part of a capitalised,
# hyphenated, dotted, slashed, underscored or prefixed identifier
# ("s:notend"), not a call ("getattr("), not an attribute ("x.tolist"),
# not next to digits.
_TOKEN = LazyPattern(
    r"(?<![\w\-\u2010\u2011./\\@#$%&*+=<>~^|`'\u2019:])"
    r"([a-z]{5,})"
    r"(?![\w\-\u2010\u2011/\\@#$%&*+=<>~^|`(\[{]|[.'\u2019:][\w])"
)
# The words on either side (blanked Markdown leaves runs of spaces, hence
# "[ ]*"); a figure or closing punctuation may follow instead of a word, and
# a plural possessive's apostrophe may end the word before ("Pupils' ").
_WORD_BEFORE = LazyPattern(
    r"(?:^|(?<=[\s(\"\u201c]))([A-Za-z]+(?:-[A-Za-z]+)*|\d[\d,.]*%?)[,;:)\"\u201d'\u2019]?[ ]*(?:\r\n|\r|\n)?[ ]*\(?$"
)
_WORD_AFTER = LazyPattern(
    r"[ ]*(?:\r\n|\r|\n)?[ ]*(?:([A-Za-z]+(?:-[A-Za-z]+)*|[A-Z][A-Za-z]*\d+)(?:['\u2019]s)?(?=[\s,.;:!?)]|$)|[$\u20ac\u00a3]?\d)"
    r"|[,.;:!?)\"\u201d\u2019]+(?=\s|$)"
)
# Lines of code, tables and configuration.
_CODE_LINE = LazyPattern(r"\t|::|>>>|->|[={}|<>]")
_LETTERS = LazyPattern(r"[A-Za-z]+")
# Marks of a technical document: code spans, calls, snake_case or camelCase names.
_SNAKE_CASE = LazyPattern(r"[a-z]_[a-z]")
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

# The words around the token must be real words: it sits in running prose.
_NEIGHBOUR_ZIPF = 2.0


class FusedWords(Rule):
    """Two words run together without a space, such as ``ofapplication``.

    What it checks
    --------------
    Reports a lower-case word that is not in the English word list but
    splits into a very common function word ("of", "the", "and", "for", ...)
    (or a common word of three letters before "with", "and", "the", "that"
    or "from": ``orewith``) and another common word: ``ofapplication`` (of +
    application), ``thecompany``, ``costfor``; and a few frequent slips that
    the word list knows but that are far rarer than their parts (``ofthe``,
    ``inthe``).

    Two content words run together (``teamnow``, ``salesgrowth``) are
    reported when the word list does not know the token, it reads one way
    only as two known words, and there is evidence of a slip rather than a
    closed compound: both words are frequent and one is a closed-class word
    ("now", "about", "their"), or the document, if it holds no code, writes
    the two words apart elsewhere ("sales growth"). A token with a second
    reading (``weblogger``: "web logger") or that the text uses again, in any
    case or inside an identifier, is the writer's term and is not reported.
    A known but rare token is reported when both parts are closed-class
    words far more frequent than it (``ofthe``, ``whenthe``). A relative
    date run together (``lastweek``, ``nextmonth``, ``thisquarter``: "last",
    "next", "this", "past" or "coming" and a unit of the calendar) needs no
    other evidence: such pairs form no English compound.

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

    Confidence
    ----------
    ``high`` for a relative date run together and for an unknown token made
    of a function word and a common word (``ofapplication``); ``medium`` for
    two content words (``teamnow``, ``salesgrowth``) and for a known but rare
    token (``ofthe``), where a compound or a name is possible.

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
    confidence = "medium"

    def check(self, doc, facts) -> Iterator[Finding]:
        from checker.lexicon import zipf

        prose = doc.prose
        found = []
        suspects, content = _splits(doc, zipf)
        for token, split in suspects + _written_apart_suspects(doc, content):
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
            found += [(place, token, split) for place in places]
        for start, token, (left, right) in sorted(found):
            end = start + len(token)
            yield self.finding(
                start,
                end,
                f'"{token}" looks like two words run together: "{left} {right}"',
                evidence=_evidence(token, left, right, zipf),
                fix=Fix((Edit(start + len(left), start + len(left), " "),), "display", f'Write "{left} {right}"'),
                confidence=_confidence(token, left, right, zipf),
            )


def _confidence(token: str, left: str, right: str, zipf) -> str:
    """high: a relative date, or an unknown token that is a function word and a common word; else medium."""
    from checker.word_splits import FUNCTION_WORDS, relative_date_split

    if relative_date_split(token, zipf) is not None:
        return "high"
    if zipf(token) == 0 and (left in FUNCTION_WORDS or right in FUNCTION_WORDS):
        return "high"
    return "medium"


def _evidence(token: str, left: str, right: str, zipf) -> str:
    known = zipf(token)
    seen = f"is rare in English (Zipf {known:.1f})" if known else "is not in the English word list"
    return f'"{token}" {seen}; "{left}" (Zipf {zipf(left):.1f}) and "{right}" (Zipf {zipf(right):.1f}) are common words'


# Separators that end a chunk (str.split) but not a word of the byte scan.
_CONTROL_SEPARATORS = ("\x1c", "\x1d", "\x1e", "\x1f")
_Splits = list[tuple[str, tuple[str, str]]]


def _splits(doc, zipf) -> tuple[_Splits, _Splits]:
    """The document's suspects and content splits, each judged once per distinct chunk of the run.

    Suspects: distinct lower-case words that split into a function or
    closed-class word and a common word (``word_suspects``). Content splits:
    unknown words that read as two known words only one way, and not as a
    closed-class slip (``word_content_splits``). Both are found in the
    document's chunks with what the other word rules look for there
    (``checker.word_screen``), unless a control character that splits chunks
    but not words makes the chunks' words differ from the text's.
    """
    prose = doc.prose
    if any(separator in prose for separator in _CONTROL_SEPARATORS):
        words = words_of(prose)
        return word_suspects(words, zipf), word_content_splits(words, zipf)
    found = screen(doc)
    return list(found.suspects.items()), list(found.content.items())


def _written_apart_suspects(doc, content: _Splits) -> _Splits:
    """The ``content`` splits of a code-free document whose two words it also writes apart."""
    text = doc.text
    if not content or "`" in text or "()" in text or ("_" in text and _SNAKE_CASE.search(text)):
        return []
    folded = _folded(text)
    out = [(token, split) for token, split in content if _written_apart(text, split, folded)]
    # Asked last, of the few documents with a candidate.
    if out and any(word[:1].islower() and not word.islower() for word in words_of(text)):
        return []  # "nodeName"
    return out


def _used_again(prose: str, token: str) -> bool:
    """Whether ``token``'s letters occur more than once in the text, ignoring case."""
    return len(re.findall(re.escape(token), prose, re.IGNORECASE)) > 1


def _folded(text: str) -> str:
    """``text`` in lower case, for a quick test before a search that ignores case (``_written_apart``).

    Wherever a case-insensitive search for lower-case ASCII words matches in
    ``text``, a plain search matches in this: ``str.lower`` maps every
    character that such a search takes for an ASCII letter to that letter
    ("A", the Kelvin sign), but for three: "\u0130" (dotted capital I, which
    becomes "i" and a combining dot), the dotless "\u0131" and the long
    "\u017f", mapped here to "i" and "s" (and the combining dot removed).
    """
    folded = text.lower()
    if not folded.isascii():
        folded = folded.replace("\u0307", "").replace("\u0131", "i").replace("\u017f", "s")
    return folded


def _written_apart(text: str, split: tuple[str, str], folded: str) -> bool:
    """Whether the text writes the two words of ``split`` apart somewhere, and never hyphenated.

    Asked of documents without code only: technical writing names things in
    code ("nodeName", "`gas_limit`") and writes the same names closed in
    prose ("nodename"), where a closed form beside the open one is a term.
    So is a name the text also hyphenates ("Cert-Manager") or an acronym
    ("CSI driver" beside "csidriver").

    ``folded`` is ``_folded(text)``: the words written apart must be there,
    which a search starting with a word finds many times faster than one
    starting with ``\b`` and ignoring case (about 0.1 ms against 8 ms in
    60 KB), so the full searches run only where they can succeed.
    """
    left, right = split
    if not re.search(rf"{left.lower()}\s+{right.lower()}", folded):
        return False
    if re.search(rf"\b{left}-{right}\b", text, re.IGNORECASE):
        return False
    return any(not match.group(1).isupper() for match in re.finditer(rf"\b({left})\s+{right}\b", text, re.IGNORECASE))


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
