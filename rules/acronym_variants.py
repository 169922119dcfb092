"""NAM002: an undefined acronym one slip away from a defined one (``NRDLC`` next to ``NRDL``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from checker.acronym_spelling import named_in_parentheses
from checker.extract.name_parens import acronym_shaped
from checker.finding import Confidence, Edit, Finding, Fix, Related
from checker.lexicon import zipf
from checker.namecompare import strip_plural
from checker.rule import Rule

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.document import Document
    from checker.facts import AcronymDefinition, FactSheet, NameMention


class AcronymVariants(Rule):
    """An acronym that is never defined but is one slip away from one that is.

    What it checks
    --------------
    Reports an acronym that the document never defines, that is not a
    well-known acronym, and that differs from an acronym the document does
    define by one letter added or dropped (``NRDLC`` / ``NRDL``), by two
    neighbouring letters swapped (``NDRL``), or by a doubled letter moved
    (``OOR`` / ``ORR``). Two swapped letters are reported whatever the
    counts (``disease control rate (DCR)`` once, ``DRC`` once); an added or
    dropped letter only when the form is no more frequent than the defined
    acronym, and a letter added in front (``XARPU`` next to ``ARPU``) is a
    derived term, not a slip (nor is ``OMDL`` next to a defined ``AOMDL``).
    An English word in capitals is not a slip, except a rarer word written
    once whose two letters swapped make a defined acronym (``OPT`` beside
    ``on-time performance (OTP)``); nor is a term of its
    own: a form used three times or more, a word of a long form (``QRAM with
    ranked slots (QRAMR)``), or a form the text names in parentheses of its
    own (``the shell service (SSHD)``).

    Without a definition, an acronym of four letters or more written once
    that is one written three times or more with two neighbouring letters
    swapped is a slip too (``A GSCE grade 4`` beside ``GCSE`` three times).

    A letter typed as the key beside it on the keyboard is a slip in an
    acronym of four letters or more (``IDNC`` once, beside a defined
    ``IDMC``); another change of one letter, or one in a shorter acronym, is
    not reported: ``CML``, ``CLL``, ``AML``, ``ALL`` and ``ALK`` are all
    distinct terms. Well-known acronyms (a list shipped with factlint of
    regulators, exchanges, finance terms, oncology targets and diseases, plus
    ``[tool.factlint.vocabulary] acronyms`` and ``accept``) count as defined. Plurals (``TKIs``) count as their acronym.

    Why it matters
    --------------
    Readers cannot look up an acronym that is defined nowhere; when it is a
    slip for a defined one, they may take it for a different programme,
    list or measure.

    Confidence
    ----------
    ``high`` for two swapped letters or a moved doubled letter (a typing
    slip of the defined acronym, rarely another term); ``medium`` for a
    letter added or dropped, which is now and then a related term the
    document never defines, and for a neighbouring key.

    Fix safety
    ----------
    A suggestion only (never applied by ``--fix``): it replaces the variant
    with the defined acronym, but the variant may be a different acronym that
    the document never defines.

    Flagged
    -------
        Coverage on the National Reimbursement Drug List (NRDL) began in
        2024, and NRDL listing lifted sales. Last year was the first full
        year of NRDLC coverage.

    Passes
    ------
        It treats chronic lymphocytic leukemia (CLL) and acute lymphoblastic
        leukemia (ALL); a second compound targets ALK and CML.
    """

    code = "NAM002"
    name = "acronym-variants"
    severity = "warning"
    confidence = "medium"
    requires = ("names",)

    def check(self, doc: Document, facts: FactSheet) -> Iterable[Finding]:
        definitions: dict[str, AcronymDefinition] = {}
        for definition in facts.acronyms:
            short = strip_plural(definition.short)
            if short.isalpha() and short.isupper():
                definitions.setdefault(short, definition)
        mentions: dict[str, list[NameMention]] = {}
        for mention in facts.names:
            if mention.kind == "acronym":
                core = strip_plural(mention.text)
                if core.isalpha() and core.isupper():
                    mentions.setdefault(core, []).append(mention)
        if not definitions:
            if len(mentions) > 1 and any(len(found) >= _OWN_TERM_USES for found in mentions.values()):
                yield from self._swapped_in_undefined(doc, mentions, mentions)
            return
        known = defined_elsewhere(self.settings)
        in_long_forms = _words_of_long_forms(facts)
        unmatched: dict[str, list[NameMention]] = {}  # forms that are no slip of a defined acronym
        for form, found in mentions.items():
            if form in definitions or form in known or any(m.heading for m in found):
                continue
            if form in in_long_forms or any(named_in_parentheses(doc.prose, m.start, m.end) for m in found):
                continue  # a term of its own: "FOCIL with ranked transactions (FOCILR)", "the SSH service (SSHD)"
            best = None
            for anchor, definition in definitions.items():
                slip = acronym_slip(form, anchor)
                uses = len(mentions.get(anchor, ()))
                if slip and _counts_as_slip(form, anchor, slip, len(found), uses) and (best is None or uses > best[2]):
                    best = (anchor, slip, uses, definition)
            if best is None:
                unmatched[form] = found
                continue
            anchor, slip, uses, definition = best
            line = doc.position(definition.short_start).line
            message = (
                f"'{form}' is not defined and differs from '{anchor}' ({definition.long}, defined on line {line}) "
                f"by one slip ({slip})"
            )
            evidence = f"'{form}' {len(found)}\u00d7, never defined and not a well-known acronym; '{anchor}' {uses}\u00d7"
            related = (Related(definition.short_start, definition.short_end, f"'{anchor}' defined here"),)
            for mention in found:
                replacement = anchor + mention.text[len(form) :]
                fix = Fix((Edit(mention.start, mention.end, replacement),), "display", f'Write "{replacement}"')
                confidence: Confidence = "medium" if slip.endswith(("added", "dropped")) or "neighbouring key" in slip else "high"
                yield self.finding(mention.start, mention.end, message, evidence=evidence, related=related, fix=fix, confidence=confidence)
        yield from self._swapped_in_undefined(doc, unmatched, mentions)

    def _swapped_in_undefined(
        self, doc: Document, forms: dict[str, list[NameMention]], mentions: dict[str, list[NameMention]]
    ) -> Iterable[Finding]:
        """Among ``forms``, an acronym of four letters or more written once that is one of ``mentions`` written three
        times or more, never defined, with two neighbouring letters swapped ("A GSCE grade 4" beside "GCSE" three times)."""
        swapped: dict[str, str] = {}  # each frequent acronym with two neighbouring letters swapped, and the acronym
        for frequent, uses in mentions.items():
            if len(uses) >= _OWN_TERM_USES and len(frequent) >= 4:
                for i in range(len(frequent) - 1):
                    if frequent[i] != frequent[i + 1]:
                        swapped.setdefault(frequent[:i] + frequent[i + 1] + frequent[i] + frequent[i + 2 :], frequent)
        known = None
        for form, found in forms.items():
            anchor = swapped.get(form)
            if anchor is None or len(found) != 1 or found[0].heading or zipf(form.lower()) >= 3.0:
                continue
            known = defined_elsewhere(self.settings) if known is None else known
            if form in known:
                continue
            mention, uses = found[0], mentions[anchor]
            replacement = anchor + mention.text[len(form) :]
            yield self.finding(
                mention.start, mention.end,
                f"'{form}' is not defined and is '{anchor}', written {len(uses)} times, with two letters swapped",
                evidence=f"'{form}' 1\u00d7, never defined and not a well-known acronym; '{anchor}' {len(uses)}\u00d7",
                related=(Related(uses[0].start, uses[0].end, f"'{anchor}' written here"),),
                fix=Fix((Edit(mention.start, mention.end, replacement),), "display", f'Write "{replacement}"'),
                confidence="medium",
            )


def _counts_as_slip(form: str, anchor: str, slip: str, count: int, uses: int) -> bool:
    """Whether counts and shape let an undefined acronym be a slip of a defined one."""
    frequency = zipf(form.lower())
    if slip == "two letters swapped" and count == 1 and frequency < _COMMON_WORD:
        # Written once, two letters of a defined acronym swapped make a slip even where they spell a
        # rarer word ("OPT" beside "on-time performance (OTP)", "ARD" beside "ADR"); a common one in
        # capitals is a word of its own (a label, a key, an emphasis).
        return True
    if frequency >= 3.0:
        return False  # an English word in capitals ("DRAG")
    if slip == "two letters swapped":
        return True  # judged against the definition itself, whatever the counts
    if slip.endswith("added") and form[1:] == anchor:
        return False  # a letter before a defined acronym makes a derived term (a per-unit metric)
    if slip.endswith("dropped") and anchor[1:] == form:
        return False  # and the defined acronym is such a derived term of the form
    if count >= _OWN_TERM_USES:
        return False  # a slip is not repeated that often: a term of its own ("CRIU" beside "CRI")
    if "neighbouring key" in slip and count > 1:
        return False  # a mistyped key is a slip made once
    return count <= uses


# Words at least this frequent (Zipf scale: "drag", "tap", "net") are words of their own when written in capitals.
_COMMON_WORD = 4.0
# An undefined acronym used this often, one letter apart from a defined one, is a term of its own.
_OWN_TERM_USES = 3


def _words_of_long_forms(facts: FactSheet) -> frozenset[str]:
    """The words of the document's long forms: an acronym there is what a defined one is built on."""
    return frozenset(word for definition in facts.acronyms for word in re.findall(r"[^\W_]+", definition.long))



def acronym_slip(variant: str, anchor: str) -> str | None:
    """How an undefined acronym is one slip away from a defined one, or None.

    Counted as slips: one letter added or dropped (``NRDLC``/``NRDL``), two
    neighbouring letters swapped (``NDRL``), a doubled letter moved
    (``OOR``/``ORR``), and in four letters or more a letter typed as its
    neighbouring key (``IDNC``/``IDMC``). Another one-letter substitution is
    not: ``CML``, ``CLL``, ``AML``, ``ALL`` and ``ALK`` are all distinct terms.
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
        if len(variant) >= _KEY_SLIP_LENGTH and variant[i] in _KEY_NEIGHBOURS.get(anchor[i], ""):
            return f"'{anchor[i]}' typed as its neighbouring key '{variant[i]}'"
    return None


# Letters beside each letter on a QWERTY keyboard. A substitution of a neighbouring key in an acronym of
# four letters or more ("IDNC" for "IDMC") is a typing slip; a shorter one, or another substitution, makes
# a term of its own as often ("CML" / "CLL", "ALK" / "ALL").
_KEY_ROWS = ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")
_KEY_SLIP_LENGTH = 4  # (three letters: "RFC" beside a defined "RTC" is another term)


def _neighbours(row: int, i: int) -> str:
    """The keys beside and diagonally above and below the key at ``i`` of ``row`` (rows staggered as on a keyboard)."""
    places = [(row, i - 1), (row, i + 1), (row - 1, i), (row - 1, i + 1), (row + 1, i - 1), (row + 1, i)]
    return "".join(_KEY_ROWS[r][j] for r, j in places if 0 <= r < len(_KEY_ROWS) and 0 <= j < len(_KEY_ROWS[r]))


_KEY_NEIGHBOURS = {key: _neighbours(row, i) for row, keys in enumerate(_KEY_ROWS) for i, key in enumerate(keys)}


@lru_cache(maxsize=1)
def known_acronyms() -> frozenset[str]:
    """The shipped list of well-known acronyms that count as defined (checker/data/acronyms.txt)."""
    from importlib.resources import files  # (here: importing it costs a one-file run 1-2 ms)

    text = files("checker.data").joinpath("acronyms.txt").read_text(encoding="utf-8")
    out: set[str] = set()
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
    return base | frozenset(vocabulary.acronyms) | frozenset(a for a in vocabulary.accept if acronym_shaped(a))
