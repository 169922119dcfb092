"""Rule base class: metadata validated when a rule class is defined.

A rule is a class with a code (``NUM001``), a kebab-case name, a category
(fixed by the code's family), a default severity and a docstring that is its
user documentation. Document rules implement :meth:`Rule.check` and see one
document with its fact sheet. Corpus rules set ``scope = "corpus"`` and work
as a map/reduce (see ``checker.corpus``), so that no process holds every
fact sheet: :meth:`Rule.gather` takes the small plain record the rule needs
from each sheet, :meth:`Rule.aggregate` makes the object those records are
added to as documents arrive, and :meth:`Rule.check_corpus` reports from
that aggregate. Rules never do I/O, never print and never mutate their
options.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from checker.finding import Confidence, Finding, Severity
from checker.patterns import LazyPattern

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.corpus import Corpus, DocumentResult
    from checker.document import Document
    from checker.facts import Directive, FactSheet
    from checker.ledger import Ledger
    from checker.suppress import Invalid

Category = Literal["names", "encoding", "numbers", "dates", "text", "consistency"]

FAMILIES: dict[str, Category] = {
    "NAM": "names",
    "ENC": "encoding",
    "NUM": "numbers",
    "DAT": "dates",
    "TXT": "text",
    "CON": "consistency",
}

# Extractors a rule may require; the engine runs only those needed.
EXTRACTORS = ("names", "numbers", "dates", "events", "facts", "compounds")

# The docstring is the rule's documentation (``factlint rule CODE``), in these sections;
# a rule that offers fixes adds "Fix safety", one with options "Options". The examples
# under Flagged and Passes are run by tests/test_rule_docs.py.
DOC_SECTIONS = ("What it checks", "Why it matters", "Flagged", "Passes")

_CODE = re.compile(r"^(NAM|ENC|NUM|DAT|TXT|CON)\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_SECTION = LazyPattern(r"^(?P<title>[A-Z][A-Za-z ]+)\n-{3,}$", re.M)


class Rule:
    """Base class of every rule (see the module docstring)."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity] = "warning"
    # How sure the rule's findings are unless a finding says otherwise (checker.finding.Confidence);
    # a rule whose findings vary says how in a "Confidence" docstring section.
    confidence: ClassVar[Confidence] = "high"
    scope: ClassVar[Literal["document", "corpus"]] = "document"
    requires: ClassVar[tuple[str, ...]] = ()
    # Off by default: a matter of house style, or below the precision bar on real prose. Such a
    # rule runs only when a selector names it (its code, name, family prefix or category);
    # "ALL", the default selection, leaves it out.
    default_enabled: ClassVar[bool] = True
    # Formats the rule applies to; None means every format.
    formats: ClassVar[frozenset[str] | None] = None
    # Hooks: rules that judge the inline suppression directives after every other rule ran
    # (``check_suppressions``).
    reads_suppressions: ClassVar[bool] = False
    # The rule's options, if it has any: a frozen dataclass (checker.validation says how it states
    # keys, bounds and checks), validated by pydantic only when a config file sets them.
    # A plugin's pydantic model is accepted too.
    Options: ClassVar[type | None] = None

    def __init__(self, settings: Settings | None = None, options: Any = None) -> None:
        self.settings = settings
        # The reference ledger (checker.ledger), loaded once by the engine for corpus rules.
        self.ledger: Ledger | None = None
        if options is None and self.Options is not None:
            options = self.Options()
        self.options = options

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("abstract", False):
            return
        code = cls.__dict__.get("code")
        if not isinstance(code, str) or not _CODE.match(code):
            raise TypeError(f"{cls.__name__}: code must be a family prefix and 3 digits, got {code!r}")
        if not isinstance(cls.__dict__.get("name"), str) or not _NAME.match(cls.name):
            raise TypeError(f"{cls.__name__}: name must be kebab-case, got {cls.__dict__.get('name')!r}")
        expected = FAMILIES[code[:3]]
        category = cls.__dict__.get("category", expected)
        if category != expected:
            raise TypeError(f"{cls.__name__}: {code} belongs to category {expected!r}, not {category!r}")
        cls.category = expected
        if cls.severity not in ("error", "warning", "info"):
            raise TypeError(f"{cls.__name__}: bad severity {cls.severity!r}")
        if cls.confidence not in ("high", "medium", "low"):
            raise TypeError(f"{cls.__name__}: bad confidence {cls.confidence!r}")
        unknown = set(cls.requires) - set(EXTRACTORS)
        if unknown:
            raise TypeError(f"{cls.__name__}: unknown extractors {sorted(unknown)}")
        # A plugin's docstring is checked here; the built-in rules' (0.1 ms each, on every run) by the
        # test suite instead (tests/test_meta.py checks every registered rule's sections).
        if not cls.__module__.startswith("checker.rules."):
            sections = doc_sections(cls)
            missing = [s for s in DOC_SECTIONS if s not in sections]
            if missing:
                raise TypeError(f"{cls.__name__}: docstring lacks sections {missing}")

    @classmethod
    def summary(cls) -> str:
        """The first line of the docstring."""
        return (cls.__doc__ or "").strip().splitlines()[0].strip()

    def applies_to(self, format: str) -> bool:
        return self.formats is None or format in self.formats

    def check(self, doc: Document, facts: FactSheet) -> Iterable[Finding]:
        """Findings for one document (document rules)."""
        return ()

    def gather(self, sheet: FactSheet) -> Any:
        """Corpus rules, pass 1: the plain record this rule needs from one document's sheet, or None.

        Runs once per document, in the worker process that built the sheet, for every
        document of the corpus (in scope or not). A record is plain data: tuples,
        strings, numbers, booleans, None, bytes and dicts of those (the cache returns
        lists as tuples). Keep it small: the sheet is dropped, the record is kept.
        """
        return None

    def aggregate(self) -> Any:
        """Corpus rules: a new, empty aggregate; the engine calls ``add(doc, record)`` on it in document order.

        ``doc`` is the document's index in the :class:`~checker.corpus.Corpus`. The
        default (``checker.corpus.Records``) keeps every record that is not None with
        its index; a rule whose records are keyed (a name's fold key, a fact's
        subject/measure/period) can reduce them as they arrive instead.
        """
        from checker.corpus import Records

        return Records()

    def advance(self, aggregate: Any) -> None:
        """Corpus rules, optional: part of ``check_corpus``'s work, done while documents still arrive.

        When pass 1 runs in other processes (``--jobs``, ``--engine dask``), the process that
        reduces the records calls this after adding each document's, so that less of the report
        is left for after the last document, when the workers are idle. It is called often:
        return at once while there is little new. It must not change what ``check_corpus``
        reports. It is not called for a rule given a memo of the last corpus pass
        (``aggregate.memo``, from the cache): that memo is the head start already.
        """
        return None

    def check_corpus(self, corpus: Corpus, aggregate: Any) -> Iterable[Finding]:
        """Findings across the corpus (corpus rules), from the aggregate; set ``path``.

        ``corpus[doc]`` gives a document's path, scope and ``position(offset)``.
        """
        return ()

    def check_suppressions(self, facts: DocumentResult, unused: Sequence[Directive], invalid: Sequence[Invalid] = ()) -> Iterable[Finding]:
        """Findings about a document's suppression directives.

        ``unused`` suppressed nothing in this run; ``invalid`` are not read as written (checker.suppress).
        """
        return ()

    def finding(self, start: int, end: int, message: str, **kwargs) -> Finding:
        """A finding of this rule. Text quoted from a hard-wrapped line ("7 July to 21 July\n2026", "5 per\ncent") is
        quoted on one line, in the message and the evidence."""
        if "\n" in message:
            message = " ".join(message.split())
        evidence = kwargs.get("evidence")
        if evidence and "\n" in evidence:
            kwargs["evidence"] = " ".join(evidence.split())
        return Finding(self.code, start, end, message, **kwargs)


def validate_options(options: type, table: dict[str, Any]) -> Any:
    """An options table validated into the rule's ``Options`` (raises pydantic's ValidationError)."""
    if hasattr(options, "model_validate"):  # a plugin's pydantic model
        return options.model_validate(table)
    from checker.validation import validate

    return validate(options, table)


def doc_sections(rule: type[Rule]) -> dict[str, str]:
    """The docstring's sections by title (titles underlined with dashes)."""
    import inspect

    doc = inspect.cleandoc(rule.__doc__ or "")
    matches = list(_SECTION.finditer(doc))
    sections: dict[str, str] = {}
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(doc)
        sections[match.group("title").strip()] = doc[match.end() : end].strip("\n")
    return sections
