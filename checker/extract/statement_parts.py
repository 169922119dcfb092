"""The parts of a fact statement read in context: the document's organisation, subjects, periods, the fact itself.

The statement grammar (``checker.extract.statement_grammar``) finds where a
statement may be; these functions decide what its groups mean in this
document (whom "we" stands for, which year "full-year" is) and build the
:class:`~checker.facts.FactStatement`.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.extract.statement_grammar import NAME, ORG_PRONOUN, PLURAL_SUBJECT
from checker.extract.statement_terms import (
    COMPANY_LEVEL,
    CORPORATE,
    LEGAL_WORDS,
    PERIOD,
    YEAR,
    fact_measure,
    figure_interval,
    parse_period,
    period_from_groups,
    subject_key,
)
from checker.patterns import LazyPattern as _Lazy

if TYPE_CHECKING:
    import datetime as dt

    from checker.config import Settings
    from checker.document import Document, Sentence
    from checker.facts import FactSheet, FactStatement, Quantity


# --- the document's organisation ---------------------------------------------

_SPACE = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"  # a space or one line break, never a blank line
# A corporate ending after a space, the space checked on each match: led by the words
# themselves, the pattern lets re skip ahead to a possible first letter (a lookbehind in
# front would have it try every position). An ending holds no space, so a match that is
# not after a space never hides one that is.
_CORPORATE_WORD = _Lazy(rf"(?:{CORPORATE})(?![\w])")
_ORG_BEFORE = _Lazy(rf"(?<![\w&\-])((?:[A-Z][\w&\-]*|&)(?:{_SPACE}(?:[A-Z][\w&\-]*|&)){{0,3}}){_SPACE}\Z")
_COMPANY_MARKER = _Lazy(r"\((?:the\s+)?[\"\u201c]Company[\"\u201d]")
_DEFINED_COMPANY = _Lazy(
    rf"\b((?:[A-Z][\w&\-]*{_SPACE}){{0,4}}[A-Z][\w&\-.]*)[ \t]*\((?:the\s+)?[\"\u201c]Company[\"\u201d]"
)
# Words that start a capitalised run without being part of a name.
_NOT_NAME = frozenset(
    """
    the a an this that these those in on at for during through over throughout by of and but or
    while whereas as so our its their his her my your we it they he she i total net full annual
    revenue revenues sales together overall meanwhile also additionally further furthermore
    moreover however today yesterday since after before when where which with from to q fy
    january february march april may june july august september october november december
    first second third fourth fiscal calendar year quarter half last this next both all each
    compared versus record reported
    """.split()
)


def document_organisation(prose: str) -> str | None:
    """The organisation a document is about (see "Subjects" in ``checker.extract.statements``), as written."""
    for marker in _COMPANY_MARKER.finditer(prose):
        defined = _DEFINED_COMPANY.search(prose, max(0, marker.start() - 120), marker.end())
        name = clean_name(defined.group(1)) if defined else ""
        if name:
            return name
    counts: dict[str, int] = {}
    display: dict[str, str] = {}
    for ending in _CORPORATE_WORD.finditer(prose):
        if prose[ending.start() - 1 : ending.start()] not in (" ", "\t", "\n"):
            continue
        match = _ORG_BEFORE.search(prose, max(0, ending.start() - 80), ending.start())
        if match is None:
            continue
        name = clean_name(" ".join((match.group(1) + " " + ending.group(0)).split()))
        if not name:
            continue
        key = subject_key(name)
        counts[key] = counts.get(key, 0) + 1
        if key not in display or len(name) < len(display[key]):
            display[key] = name
    if not counts:
        return None
    for key, name in display.items():
        # "Halvard Instruments Inc. makes gauges. Halvard Instruments reported ...": the name is
        # mentioned without its legal ending too, and each mention counts.
        stem = _without_legal_ending(name)
        if stem != name:
            counts[key] = max(counts[key], len(re.findall(rf"(?<![\w&-]){re.escape(stem)}(?![\w&-])", prose)))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    best, count = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0
    if count >= 2 and count >= 2 * runner:
        return display[best]
    return None


def _without_legal_ending(name: str) -> str:
    """A name without its trailing legal words ("Halvard Instruments Inc." -> "Halvard Instruments")."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(".,") in LEGAL_WORDS:
        words.pop()
    return " ".join(words)


def clean_name(name: str) -> str:
    """A capitalised run without the leading words that are not part of a name ("In Norwind" -> "Norwind")."""
    words = name.split()
    while words and words[0].lower().strip(".,") in _NOT_NAME:
        words.pop(0)
    return " ".join(words)


# --- per-document state ---------------------------------------------------------


def is_currency(q: Quantity) -> bool:
    """Whether a quantity is an amount of money (not a percent, a multiple or a count)."""
    return bool(q.unit) and q.unit not in ("%", "pp", "bp", "x")


class Window(NamedTuple):
    """The text of a sentence before a point, and the offset in the prose of its first character."""

    text: str
    offset: int


class Context:
    """Per-document state: the organisation, the document date, settings."""

    def __init__(self, doc: Document, sheet: FactSheet, settings: Settings | None) -> None:
        self.doc = doc
        self.sheet = sheet
        self.prose = doc.prose
        self.organisation = document_organisation(doc.prose)
        self.org_key = subject_key(self.organisation) if self.organisation else None
        self.settings = settings
        fiscal_end = getattr(getattr(settings, "dates", None), "fiscal_year_end", None)
        self.calendar_fiscal = fiscal_end == "12-31"
        self.quantities = sorted(sheet.quantities, key=lambda q: q.start)
        self.facts: list[FactStatement] = []
        self.seen: set[tuple[int, int]] = set()

    @cached_property
    def date(self) -> dt.date | None:
        """The document date, found on first use: most documents state no statement that needs it."""
        if "dates" in self.sheet.extracted:
            anchor = self.sheet.document_date
        else:  # the dates extractor did not run (it is not a dependency): the same date, found here
            from checker.extract.document_date import document_date

            anchor = document_date(self.doc, self.settings)
        return anchor.date if anchor is not None else None

    @cached_property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def before(self, sentence: Sentence, end: int, limit: int = 240) -> Window:
        """The sentence's text before ``end`` and the offset of its first character.

        A window cut short of the sentence start begins with NUL, so ``^`` in
        a pattern means the sentence start and nothing else.
        """
        start = max(sentence.start, end - limit)
        text = self.prose[start:end]
        if text.endswith("\\"):  # "\$62.2 million" in plain text
            text = text[:-1]
        if start > sentence.start:
            return Window("\0" + text, start - 1)
        return Window(text, start)

    def add(self, fact: FactStatement) -> None:
        """Keep ``fact``, unless a statement of the same figure is already kept."""
        if (fact.start, fact.end) in self.seen:
            return
        self.seen.add((fact.start, fact.end))
        self.facts.append(fact)


# --- periods ---------------------------------------------------------------------


def periods_in(ctx: Context, groups: dict[str, Any], prefix: str) -> list[str | None]:
    """The period named by the groups under ``prefix`` ("l_", "a_", ...): none, or one (None when unclear)."""
    sub = {k[len(prefix) :]: v for k, v in groups.items() if k.startswith(prefix)}
    if not any(sub.values()):
        return []
    return [period_from_groups(sub, ctx.year, ctx.calendar_fiscal)]


_SENTENCE_PERIOD = _Lazy(
    rf"(?:in|during|for|throughout)\s+(?:the\s+)?(?:{PERIOD})\s*,", re.I
)


def sentence_period(ctx: Context, sentence: Sentence) -> str | None:
    """"In 2025, revenue was $60.9 million and net loss was $12.3 million": the opening period holds for the sentence."""
    match = _SENTENCE_PERIOD.match(ctx.prose, sentence.start, sentence.end)
    return parse_period(match, ctx.year, ctx.calendar_fiscal) if match else None


_FULL_YEAR = _Lazy(r"full[\s\-]+year|annual|yearly", re.I)
_ANY_YEAR = _Lazy(rf"(?<![\w$.,]){YEAR}(?![\w%]|[.,]\d)")


def topic_year(ctx: Context, phrase: str, sentence: Sentence, previous: Sentence | None) -> str | None:
    """"Full-year" sales with no year: the one year named in the previous sentence."""
    if not _FULL_YEAR.search(phrase) or previous is None:
        return None
    if _ANY_YEAR.search(ctx.prose, sentence.start, sentence.end):
        return None
    years = set(_ANY_YEAR.findall(ctx.prose, previous.start, previous.end))
    return years.pop() if len(years) == 1 else None


# --- subjects --------------------------------------------------------------------

_ANAPHORIC = frozenset("these those this that such other others each its their his her some any certain remaining".split())
_PRONOUNS = frozenset({"we", "our", "the company", "our company", "the group", "the company's", "the group's"})
_TOTAL = _Lazy(r"(?:total|consolidated)\b", re.I)


class Subject(NamedTuple):
    """Whom a statement is about (None: unclear), and whether that is an organisation."""

    name: str | None
    organisation: bool


UNCLEAR = Subject(None, False)


def subject_of(ctx: Context, groups: dict[str, Any], kind: str, measure: str, phrase: str) -> Subject:
    """Who the statement is about, and whether that is an organisation; :data:`UNCLEAR` if unclear."""
    raw = (groups.get("subj") or groups.get("poss") or "").strip()
    raw = re.sub(r"['\u2019]s\Z", "", raw)
    lowered = re.sub(r"\s+", " ", raw.lower()).replace("\u2019", "'")
    organisation = Subject(ctx.organisation, True) if ctx.organisation else UNCLEAR
    if lowered in _PRONOUNS:
        return organisation
    if lowered and re.fullmatch(PLURAL_SUBJECT, lowered):
        # "these two products drove total revenue": the company's total.
        return organisation if _TOTAL.match(phrase.strip()) else UNCLEAR
    if lowered.split(" ", 1)[0] in _ANAPHORIC:
        return UNCLEAR  # "These revenues", "Such sales", "Other revenue": some part of a whole
    name = clean_name(raw)
    if not name:
        # No subject: a company-wide measure belongs to the document's organisation.
        company_level = measure in COMPANY_LEVEL or measure == "revenue" or bool(_TOTAL.match(phrase.strip()))
        return organisation if company_level and kind in ("nominal", "employer") else UNCLEAR
    key = subject_key(name)
    if not key:
        return UNCLEAR
    is_org = _is_organisation(ctx, name, key)
    if not is_org and (ctx.organisation is None or _common_words(name)):
        # "China sales", "Service revenue": not a named subject. A product or segment
        # counts only in a document about a known organisation: "Foodservice" in an
        # unnamed company's report could be any company's segment.
        return UNCLEAR
    return Subject(name, is_org)


def implicit(groups: dict[str, Any]) -> bool:
    """Whether a statement names no subject at all ("Total revenue for 2025 was ...")."""
    raw = re.sub(r"['\u2019]s\Z", "", (groups.get("subj") or groups.get("poss") or "").strip())
    lowered = re.sub(r"\s+", " ", raw.lower()).replace("\u2019", "'")
    if lowered in _PRONOUNS or re.fullmatch(PLURAL_SUBJECT, lowered):
        return False
    return not clean_name(raw)


_OPENING = _Lazy(
    rf"\s*(?:(?:in|during|for|throughout)\s+(?:the\s+)?(?:{PERIOD.replace('?P<', '?P<o_')})\s*,?\s*)?"
    r"(?:(?:overall|in\s+total|together|today|currently|meanwhile|additionally|also)\s*,?\s*)?"
    rf"(?:(?:{PERIOD})[\s\-]+)?(?:(?:total|consolidated|net)\s+)?\Z",
    re.I,
)
_ANNOUNCED_THAT = _Lazy(
    rf"\s*(?P<subj>{ORG_PRONOUN}|{NAME})\s+(?:(?:today|also)\s+)?(?:announced|reported|said|noted|stated|disclosed)\s+that\s+"
    rf"(?:(?:{PERIOD})[\s\-]+)?(?:(?:total|consolidated|net)\s+)?\Z",
    re.I,
)


def opens_statement(ctx: Context, sentence: Sentence, at: int) -> bool:
    """Whether a subject-less statement at ``at`` speaks for the whole company.

    Only when nothing but a period or an adverb comes before it in the
    sentence, when the organisation itself "reported that ...", or when it
    continues ("... and net loss was") a statement already taken from the
    same sentence.
    """
    if _OPENING.match(ctx.prose, sentence.start, at):
        return True
    announced = _ANNOUNCED_THAT.match(ctx.prose, sentence.start, at)
    if announced:
        subject = announced.group("subj")
        return subject.lower() in _PRONOUNS or _is_organisation(ctx, subject, subject_key(subject))
    before = ctx.prose[sentence.start : at]
    if re.search(r"\band\s+(?:(?:total|consolidated|net)\s+)?\Z", before):
        return any(sentence.start <= fact.start < at for fact in ctx.facts)
    return False


def _is_organisation(ctx: Context, name: str, key: str) -> bool:
    """The document's organisation (or its first words: "Norwind"), or a name with a corporate ending."""
    if ctx.org_key and (key == ctx.org_key or ctx.org_key.startswith(key + " ")):
        return True
    return bool(re.search(rf"\s(?:{CORPORATE})\Z", name))


def _common_words(name: str) -> bool:
    """Whether every word of a name is an everyday English word (or a short capitalised code)."""
    from checker.lexicon import zipf

    words = re.findall(r"[A-Za-z][A-Za-z&\-]*", name)
    if not words:
        return True
    return all(zipf(word) >= 3.0 or (word.isupper() and len(word) <= 3) for word in words)


# --- the fact --------------------------------------------------------------------


def make_fact(
    ctx: Context, subject: str, organisation: bool, measure: str, phrase: str, period: str, q: Quantity, hedge: str | None, statement_start: int
) -> FactStatement:
    """The statement that ``subject``'s ``measure`` for ``period`` is the figure ``q`` (with its hedge)."""
    from checker.facts import FactStatement

    value, low, high = q.value, q.low, q.high  # in units: the numbers extractor applies the scale
    scale = q.scale or 1.0
    low, high = figure_interval(value, low, high, q.text, hedge, scale=scale)
    start = q.start + 1 if ctx.doc.text.startswith("\\", q.start) else q.start  # "\$62.2 million"
    text = ctx.doc.text[start : q.end]
    if hedge and not text.lower().startswith(hedge.lower()):
        text = f"{hedge} {text}"
    return FactStatement(
        subject=subject,
        measure=fact_measure(measure, organisation),
        period=period,
        value=value,
        low=low,
        high=high,
        unit=q.unit,
        text=text,
        start=start,
        end=q.end,
        subject_key=subject_key(subject),
        organisation=organisation,
        phrase=re.sub(r"\s+", " ", phrase.strip()),
        statement_start=statement_start,
        statement_end=q.end,
        growth=None,
        named=_named(ctx.prose[statement_start:q.start], subject),
    )


def _named(statement: str, subject: str) -> bool:
    """Whether the words of a statement before its figure name the subject (its first word will do)."""
    first = subject_key(subject).split(" ", 1)[0]
    return bool(first) and re.search(rf"(?<![\w&-]){re.escape(first)}(?![\w&-])", statement.lower()) is not None

