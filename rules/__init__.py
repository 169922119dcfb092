"""Built-in rules, installed as ``checker.rules``.

``INDEX`` lists every built-in rule: its code, name, whether it is on by default,
and the module (in this package) and class that define it. Adding a rule means
adding its line here (tests/test_registry_index.py checks every line against the
class it names, and every rule class in the package against the index). The
registry selects rules from the index and imports only the modules of the rules
selected, so a run that checks one family does not pay for importing the others.
``BUILTIN``, every built-in rule class, imports them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.rule import Rule

# (code, name, on by default, module under checker.rules, class), in code order.
INDEX: tuple[tuple[str, str, bool, str, str], ...] = (
    ('CON001', 'unbalanced-brackets', True, 'unbalanced_brackets', 'UnbalancedBrackets'),
    ('CON002', 'hyphenation-consistency', True, 'hyphenation', 'HyphenationConsistency'),
    ('CON003', 'regional-spelling', True, 'regional_spelling', 'RegionalSpelling'),
    ('CON004', 'capitalisation-consistency', False, 'capitalisation', 'CapitalisationConsistency'),
    ('CON005', 'number-style', True, 'number_style', 'NumberStyle'),
    ('CON006', 'hyphenation-across-documents', False, 'hyphenation_across_documents', 'HyphenationAcrossDocuments'),
    ('DAT001', 'weekday-mismatch', True, 'weekday_mismatch', 'WeekdayMismatch'),
    ('DAT002', 'impossible-date', True, 'impossible_date', 'ImpossibleDate'),
    ('DAT003', 'past-event-after-document-date', True, 'tense_date', 'PastEventAfterDocumentDate'),
    ('DAT004', 'future-event-before-document-date', True, 'tense_date', 'FutureEventBeforeDocumentDate'),
    ('DAT005', 'relative-date-conflict', True, 'relative_date_conflict', 'RelativeDateConflict'),
    ('DAT006', 'period-count-mismatch', True, 'period_count', 'PeriodCountMismatch'),
    ('DAT007', 'release-date-order', True, 'release_date_order', 'ReleaseDateOrder'),
    ('DAT008', 'event-date-conflict', True, 'event_date_conflict', 'EventDateConflict'),
    ('ENC001', 'non-utf8-file', True, 'non_utf8', 'NonUtf8File'),
    ('ENC002', 'mojibake', True, 'mojibake', 'Mojibake'),
    ('ENC003', 'garbled-text', True, 'garbled_text', 'GarbledText'),
    ('ENC004', 'replacement-character', True, 'replacement_character', 'ReplacementCharacter'),
    ('ENC005', 'invisible-character', True, 'invisible_characters', 'InvisibleCharacter'),
    ('ENC006', 'bidi-control', True, 'bidi_controls', 'BidiControl'),
    ('ENC007', 'mixed-script-word', True, 'mixed_script_words', 'MixedScriptWord'),
    ('ENC008', 'extraction-artifact', True, 'extraction_artifacts', 'ExtractionArtifact'),
    ('NAM001', 'name-variants', True, 'name_variants', 'NameVariants'),
    ('NAM002', 'acronym-variants', True, 'acronym_variants', 'AcronymVariants'),
    ('NAM003', 'acronym-redefined', True, 'acronym_definitions', 'AcronymRedefined'),
    ('NAM004', 'acronym-before-definition', True, 'acronym_definitions', 'AcronymBeforeDefinition'),
    ('NAM005', 'surname-variants', True, 'surname_variants', 'SurnameVariants'),
    ('NUM001', 'percent-change', True, 'percent_change', 'PercentChange'),
    ('NUM002', 'percentage-points', True, 'percentage_points', 'PercentagePoints'),
    ('NUM003', 'multiples', True, 'multiples', 'Multiples'),
    ('NUM004', 'shares', True, 'shares', 'Shares'),
    ('NUM005', 'totals', True, 'totals', 'Totals'),
    ('NUM006', 'cagr', True, 'cagr', 'CompoundGrowth'),
    ('NUM007', 'table-totals', True, 'table_totals', 'TableTotals'),
    ('NUM101', 'conflicting-facts', True, 'conflicting_facts', 'ConflictingFacts'),
    ('NUM102', 'growth-vs-prior-period', True, 'growth_prior_period', 'GrowthVsPriorPeriod'),
    ('NUM103', 'ledger-mismatch', True, 'ledger_mismatch', 'LedgerMismatch'),
    ('TXT001', 'markup-escape', True, 'markup_escape', 'MarkupEscape'),
    ('TXT002', 'paragraph-split', True, 'paragraph_split', 'ParagraphSplit'),
    ('TXT003', 'suspended-hyphen', True, 'suspended_hyphen', 'SuspendedHyphen'),
    ('TXT004', 'doubled-word', True, 'doubled_word', 'DoubledWord'),
    ('TXT005', 'fused-words', True, 'fused_words', 'FusedWords'),
    ('TXT100', 'unused-suppression', True, 'unused_suppression', 'UnusedSuppression'),
    ('TXT101', 'invalid-suppression', True, 'invalid_suppression', 'InvalidSuppression'),
)


# The codes of the rules whose scope is "corpus" (every other rule's is "document"): a run that finds every
# document and the corpus as the last run left them imports only these (checker.registry's deferred rules).
CORPUS: frozenset[str] = frozenset({"CON006", "DAT008", "NAM001", "NUM101", "NUM102", "NUM103"})


def load(module: str, attr: str) -> type[Rule]:
    """The rule class ``attr`` of ``checker.rules.<module>``, imported on first use."""
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), attr)


def __getattr__(name: str) -> tuple[type[Rule], ...]:
    if name == "BUILTIN":
        return tuple(load(module, attr) for _, _, _, module, attr in INDEX)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
