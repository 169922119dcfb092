"""NAM003 and NAM004: an acronym defined twice differently, or used before its definition."""

from __future__ import annotations

import re
from collections.abc import Iterable

from checker.acronym_spelling import named_in_parentheses, spelled_tail
from checker.finding import Finding, Related
from checker.namecompare import fold, strip_plural
from checker.patterns import LazyPattern
from checker.restructuredtext import is_section_rule
from checker.rule import Rule

# Words that do not change what an acronym stands for ("Cluster API Provider for Azure").
_MINOR_WORDS = frozenset({"the", "a", "an", "of", "for", "and", "in", "on", "to", "by", "with", "from", "at", "or"})


def _long_key(long: str) -> tuple[str, ...]:
    words = re.findall(r"[^\W_]+", fold(long))
    # Plurals and function words do not change what an acronym stands for.
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in _MINOR_WORDS)


def _same_meaning(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    # One long form extends the other ("... Administration" / "... Administration of China").
    return longer[: len(shorter)] == shorter or longer[-len(shorter) :] == shorter


def _definitions(facts) -> dict[str, list]:
    out: dict[str, list] = {}
    for definition in facts.acronyms:
        out.setdefault(strip_plural(definition.short), []).append(definition)
    return out


class AcronymRedefined(Rule):
    """An acronym defined twice with different long forms.

    What it checks
    --------------
    Reports the second definition of an acronym when its long form differs
    from the first one: ``acute lymphoblastic leukemia (ALL)`` and later
    ``acute lymphocytic leukemia (ALL)``. Differences of case, hyphens,
    plurals, small words ("the", "of", "for"), or one long form extending the
    other ("... Drug Administration" / "... Drug Administration of China") do
    not count. Only long forms whose words' initials spell the acronym count
    as definitions: a remark in parentheses (``CRI (CPU shares and quota)``,
    ``(see below)``, ``(SLOs, in fact)``) defines nothing.

    Why it matters
    --------------
    Two expansions of one acronym leave the reader unsure which one is
    meant, and often one of them is simply wrong.

    Confidence
    ----------
    ``high`` when the definition comes in a later paragraph than the use;
    ``medium`` when it comes later in the same paragraph, where a writer
    sometimes names a term first and spells it out a sentence later on
    purpose.

    Flagged
    -------
        Patients with minimal residual disease (MRD) were enrolled. The
        measurable residual disease (MRD) rate was 64%.

    Passes
    ------
        Patients with minimal residual disease (MRD) were enrolled. Minimal
        residual diseases (MRD) fell.
    """

    code = "NAM003"
    name = "acronym-redefined"
    severity = "warning"
    requires = ("names",)

    def check(self, doc, facts) -> Iterable[Finding]:
        for short, definitions in _definitions(facts).items():
            # Only long forms whose words' initials spell the acronym count: prose in
            # parentheses ("CRI (CPU shares, quota ...)", "(see below)") defines nothing.
            spelled = [(d, tail) for d in definitions if (tail := spelled_tail(d.short, d.long))]
            if len(spelled) < 2:
                continue
            first, first_long = spelled[0]
            first_key = _long_key(first_long)
            reported: list[tuple[str, ...]] = []
            for later, later_long in spelled[1:]:
                key = _long_key(later_long)
                if _same_meaning(first_key, key) or any(_same_meaning(key, k) for k in reported):
                    continue
                reported.append(key)
                line = doc.position(first.short_start).line
                message = f"'{short}' is defined as '{later_long}' here but as '{first_long}' on line {line}"
                yield self.finding(
                    later.start,
                    later.end,
                    message,
                    evidence=f"two long forms for '{short}': '{first_long}', '{later_long}'",
                    related=(Related(first.start, first.end, f"'{short}' first defined here"),),
                )


class AcronymBeforeDefinition(Rule):
    """An acronym used before the sentence that defines it.

    What it checks
    --------------
    Reports the first use of an acronym that comes before the document's
    definition of it (``... TKI ... tyrosine kinase inhibitor (TKI)``). Only
    a long form whose words' initials spell the acronym counts as its
    definition: a later ``DONE (delayed by one week)`` or ``API (see the
    appendix)`` expands nothing.
    Headings and title lines are not counted: a title may use an acronym
    that the text defines below it, and a one-line title (no closing full
    stop) whose acronym the first sentence of the body defines is quiet too,
    and so are a line underlined as a heading (``-----``) and a contents
    entry linking to a section of the page (``[Why QVR?](#why-qvr)``), nor
    the label of a field in a header block above the first sentence (``- RFC
    PR: ...``); a short list item is a use (``- Seasonal ACE: 118 units``),
    and a question in parentheses defines nothing. A use that names
    the acronym where it stands, alone in parentheses after words
    (``edge computing platform(ECX)``), introduces it: neither it nor the
    uses after it are counted. Neither is a sentence
    that lists acronyms and then defines them in turn (``measures such as
    ABC, DEF, Gross Margin (GM) and Net Sales (NS) ...``): two or more other
    definitions follow the use in its sentence.

    Why it matters
    --------------
    A definition helps only readers who have not yet met the acronym. Moving
    the definition to the first use is usually a one-line edit.

    Flagged
    -------
        Resistance to TKI therapy is common. A tyrosine kinase inhibitor
        (TKI) blocks the enzyme.

    Passes
    ------
        A tyrosine kinase inhibitor (TKI) blocks the enzyme. Resistance to
        TKI therapy is common.
    """

    code = "NAM004"
    name = "acronym-before-definition"
    severity = "info"
    confidence = "medium"
    requires = ("names",)

    def check(self, doc, facts) -> Iterable[Finding]:
        # Only an acronym with a definition whose long form spells it: a later "SIG-arch
        # for cross cutting KEPs" or "DONE (...)" is no expansion to be used before.
        # A use counts as before the definition when it comes before the first one of
        # any kind ("... Solutions Inc. (CBTS)" defines CBTS as well).
        firsts, definitions = {}, {}
        for short, defs in _definitions(facts).items():
            # (A question in parentheses defines nothing: "turning down a WG (how many members need to weigh in?)".)
            spelled = next((d for d in defs if spelled_tail(d.short, d.long) and not d.long.endswith("?")), None)
            if spelled is not None:
                firsts[short], definitions[short] = defs[0].start, spelled
        if not definitions:
            return
        reported: set[str] = set()
        for mention in facts.names:
            if mention.kind not in ("acronym", "code") or mention.heading and not _in_list_item(doc, mention.start):
                continue  # (a short list item reads as a heading to the names extractor, yet uses what it names)
            short = strip_plural(mention.text)
            definition = definitions.get(short)
            if definition is None or short in reported or mention.start >= firsts[short]:
                continue
            if _in_a_list_of_definitions(doc, facts, mention, short) or _title_defined_below(doc, mention, definition):
                continue
            if named_in_parentheses(doc.prose, mention.start, mention.end):
                reported.add(short)  # "edge computing platform(BEC)" introduces it here, for the uses after too
                continue
            if _underlined(doc.prose, mention.end) or _links_to_a_section(doc.text, mention.end) or _field_line(doc.text, mention.start):
                continue  # a heading, a contents entry that mirrors one, or a field of a header block is no use
            reported.add(short)
            line = doc.position(definition.short_start).line
            same_paragraph = doc.paragraph_at(mention.start) == doc.paragraph_at(definition.start)
            yield self.finding(
                mention.start,
                mention.end,
                f"'{mention.text}' is used before its definition on line {line} ('{definition.long}')",
                evidence=f"first use at offset {mention.start}, definition at offset {definition.start}",
                related=(Related(definition.start, definition.end, f"'{short}' defined here"),),
                confidence="medium" if same_paragraph else "high",
            )


def _sentence_at(doc, offset: int):
    for sentence in doc.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence
    return None


def _in_a_list_of_definitions(doc, facts, mention, short: str) -> bool:
    """Whether the use opens a list of acronyms that its sentence goes on to define."""
    sentence = _sentence_at(doc, mention.start)
    if sentence is None:
        return False
    others = {strip_plural(d.short) for d in facts.acronyms if mention.end <= d.start < sentence.end and strip_plural(d.short) != short}
    return len(others) >= 2


def _in_list_item(doc, offset: int) -> bool:
    """Whether ``offset`` lies in an item of a list ("- Seasonal ACE: 118 units") that is no field of a header block
    above the text's first sentence ("- RFC PR: [rust-lang/rfcs#2803](...)")."""
    index = doc.paragraph_at(offset)
    if index is None or doc.paragraphs[index].kind != "list":
        return False
    if not _FIELD_LABEL.match(doc.text, doc.text.rfind("\n", 0, offset) + 1):
        return True
    prose = doc.prose
    return any(
        block.kind == "paragraph" and (". " in prose[block.start : block.end] or prose[block.start : block.end].rstrip().endswith("."))
        for block in doc.paragraphs[:index]
    )


def _title_defined_below(doc, mention, definition) -> bool:
    """A one-line title whose acronym the first sentence of the body defines."""
    paragraphs = doc.paragraphs
    if len(paragraphs) < 2 or not paragraphs[0].start <= mention.start < paragraphs[0].end:
        return False
    title = doc.prose[paragraphs[0].start : paragraphs[0].end]
    if "\n" in title.strip() or len(title.split()) > 20 or title.rstrip()[-1:] in ".!?:;":
        return False
    body = [s for s in doc.sentences if s.paragraph == 1]
    return bool(body) and body[0].start <= definition.start < body[0].end


# A field of a header block: a label of a few words (no digits: "KEP-3695: ..." is a title) and a colon opening
# the line ("**Neutral citation:** [2025] EWHC 611 (TCC)", "Title: ..."), and a value too short to be a sentence.
_FIELD_LABEL = LazyPattern(r"[ \t]*(?:[-*][ \t]+)?(?:\*\*|__)?[A-Z][^\W\d_]*(?:[ -][^\W\d_]+){0,3}:(?:\*\*|__)?[ \t]")
_FIELD_MAX_WORDS = 12


def _field_line(text: str, offset: int) -> bool:
    """Whether ``offset`` lies in the value of a header field line ("Label: value"): a line whose next line is
    blank or another field (not a sentence wrapped after a label: "* Performance:  Local SSDs achieve ...")."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)]
    label = _FIELD_LABEL.match(line)
    if label is None or label.end() > offset - start or len(line[label.end() :].split()) > _FIELD_MAX_WORDS or ". " in line:
        return False
    if end < 0:
        return True
    next_end = text.find("\n", end + 1)
    following = text[end + 1 : next_end if next_end >= 0 else len(text)]
    return not following.strip() or _FIELD_LABEL.match(following) is not None


def _underlined(prose: str, offset: int) -> bool:
    """Whether the line holding ``offset`` is a heading underlined by the next line (``-----``, ``=====``)."""
    line_end = prose.find("\n", offset)
    if line_end < 0:
        return False
    next_end = prose.find("\n", line_end + 1)
    return is_section_rule(prose[line_end + 1 : next_end if next_end >= 0 else len(prose)])


def _links_to_a_section(text: str, offset: int) -> bool:
    """Whether ``offset`` is inside the text of a link to a section of the same page (``[Why QVR?](#why-qvr)``)."""
    line_end = text.find("\n", offset)
    after = text[offset : line_end if line_end >= 0 else len(text)]
    close = after.find("](#")  # the text may hold brackets of its own: "[[Scoped for GA] Survey](#...)"
    return close >= 0 and "[" not in after[:close] and "](" not in after[:close]
