"""NAM002: an undefined acronym one slip away from a defined one (``NRDLC`` next to ``NRDL``)."""

from __future__ import annotations

from collections.abc import Iterable

from checker.finding import Edit, Finding, Fix, Related
from checker.rule import Rule


class AcronymVariants(Rule):
    """An acronym that is never defined but is one slip away from one that is.

    What it checks
    --------------
    Reports an acronym that the document never defines, that is not a
    well-known acronym, and that differs from an acronym the document does
    define by one letter added or dropped (``NRDLC`` / ``NRDL``), by two
    neighbouring letters swapped (``NDRL``), or by a doubled letter moved
    (``OOR`` / ``ORR``). It must also be rarer than the defined acronym.

    A plain change of one letter is not reported: ``CML``, ``CLL``, ``AML``,
    ``ALL`` and ``ALK`` are all distinct terms. Well-known acronyms (a list
    shipped with factlint of regulators, exchanges, finance terms, oncology
    targets and diseases, plus ``[tool.factlint.vocabulary] acronyms`` and
    ``accept``) count as defined. Plurals (``TKIs``) count as their acronym.

    Why it matters
    --------------
    Readers cannot look up an acronym that is defined nowhere; when it is a
    slip for a defined one, they may take it for a different programme,
    list or measure.

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
    requires = ("names",)

    def check(self, doc, facts) -> Iterable[Finding]:
        from checker.extract.names import acronym_slip, defined_elsewhere, strip_plural

        definitions: dict = {}
        for definition in facts.acronyms:
            short = strip_plural(definition.short)
            if short.isalpha() and short.isupper():
                definitions.setdefault(short, definition)
        if not definitions:
            return
        known = defined_elsewhere(self.settings)
        mentions: dict[str, list] = {}
        for mention in facts.names:
            if mention.kind == "acronym":
                core = strip_plural(mention.text)
                if core.isalpha() and core.isupper():
                    mentions.setdefault(core, []).append(mention)
        for form, found in mentions.items():
            if form in definitions or form in known or any(m.heading for m in found):
                continue
            best = None
            for anchor, definition in definitions.items():
                slip = acronym_slip(form, anchor)
                uses = len(mentions.get(anchor, ()))
                if slip and len(found) < uses and (best is None or uses > best[2]):
                    best = (anchor, slip, uses, definition)
            if best is None:
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
                yield self.finding(mention.start, mention.end, message, evidence=evidence, related=related, fix=fix)
