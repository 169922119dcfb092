"""How two names compare as strings: folding, shared keys, inflection endings, drug stems,
British and American spellings, and a readable description of an edit.

The name rules and the variant search share these; none of them knows a rule.
"""

from __future__ import annotations

import unicodedata

from checker.patterns import LazyPattern

# rapidfuzz is imported where it is used: the names extractor imports this module for
# DRUG_STEMS, and a run that never compares names should not pay for loading it.

# International Nonproprietary Name stems of drug classes.
DRUG_STEMS = (
    "ciclib", "tinib", "rafenib", "fenib", "anib", "enib", "toclax", "clax", "parib", "lisib",
    "zomib", "degib", "zumab", "ximab", "umab", "mab", "cept", "platin", "taxel", "rubicin",
    "lutamide", "previr", "buvir", "vir", "gliptin", "gliflozin", "sartan", "pril", "olol",
    "statin", "dronate", "tide", "kinra",
)  # fmt: skip

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
    joined = folded.replace(" ", "")
    if joined.isalnum():
        return joined  # only spaces to remove (the common case of a phrase; no separator is alphanumeric)
    return _JOIN_SEPARATORS.sub("", joined)


_JOIN_SEPARATORS = LazyPattern(r"[\s\-\u2010\u2011']+")


# Endings that make two words of one stem in English, each pair of one vowel ("mutable" / "mutably",
# "idempotent" / "idempotence", "deallocate" / "deallocator", "instantiate" / "instantiable", "parenthesis" /
# "parenthesize"): an adverb beside its adjective, a noun beside its adjective or verb. Pairs that mix the vowel
# ("-ant" / "-ence", "-ance" / "-ence") are left out: "independant", "existance" are slips, not other words.
DERIVATION_PAIRS = tuple(
    tuple(pair.split("/"))
    for pair in """able/ably ible/ibly ent/ence ent/ency ent/ently ence/ency ency/ently ant/ance ant/ancy ant/antly
    ance/ancy ancy/antly ate/ator ate/ators ate/able is/ize is/ise""".split()
)


def derivation_pair(a: str, b: str) -> bool:
    """Whether two folded words are one stem with two endings of ``DERIVATION_PAIRS`` (a stem of three letters or more)."""
    for x, y in DERIVATION_PAIRS:
        for one, other in ((a, b), (b, a)):
            if one.endswith(x) and other.endswith(y) and len(one) - len(x) >= 3 and one[: len(one) - len(x)] == other[: len(other) - len(y)]:
                return True
    return False


def suffix_variants(a: str, b: str) -> bool:
    """Whether two folded words differ only by an inflection or derivation ending."""
    if derivation_pair(a, b):
        return True
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
        if {x, y} == {"", "n"} and a[:stem].endswith("a"):
            return True  # a place and its people: "Kenya" / "Kenyan", "Sri Lanka" / "Sri Lankan"
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


def describe_edit(a: str, b: str) -> str:
    """A short description of how ``b`` differs from ``a`` (for evidence)."""
    from rapidfuzz.distance import Levenshtein

    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]:
            return f"'{a[diffs[0]]}{a[diffs[1]]}' swapped"
    parts = []
    for op in Levenshtein.opcodes(a, b):
        if op.tag == "insert":
            parts.append(f"'{b[op.dest_start : op.dest_end]}' added")
        elif op.tag == "delete":
            parts.append(f"'{a[op.src_start : op.src_end]}' dropped")
        elif op.tag == "replace":
            parts.append(f"'{a[op.src_start : op.src_end]}' -> '{b[op.dest_start : op.dest_end]}'")
    return ", ".join(parts) or "identical"


# British and American spellings of one word are a house-style matter.
_STANDARD = (
    (LazyPattern(r"(?<=[a-z]{2})is(?=(?:e|ed|es|er|ers|ing|ation|ations|ational|able)$)"), "iz"),
    (LazyPattern(r"(?<=[a-z])ys(?=(?:e|ed|es|er|ers|ing)$)"), "yz"),
    (LazyPattern(r"our(?=(?:s|ed|ing|ful|able|ite|ites|ism|al|ally)?$)"), "or"),
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


def strip_plural(acronym: str) -> str:
    """``TKIs`` -> ``TKI``; other tokens unchanged."""
    if len(acronym) > 2 and acronym.endswith("s") and acronym[:-1].isupper():
        return acronym[:-1]
    return acronym


# A capital after a lower-case letter: "PowerPoint", "iPhone".
_CAMEL = LazyPattern(r"[^\W\d_](?<![A-Z])[A-Z]")


def camel_case(text: str) -> bool:
    """Whether a capital follows a lower-case letter somewhere in ``text`` ("PowerPoint", "iPhone")."""
    return _CAMEL.search(text) is not None
