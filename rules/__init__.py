"""Built-in rules, installed as ``checker.rules``.

``BUILTIN`` is an explicit tuple: adding a rule means importing it here.
Rule modules keep their top-level imports light (heavy libraries are
imported by the extractors or inside ``check``), because the registry
imports every rule module on every run.
"""

from __future__ import annotations

from checker.rule import Rule

# names (NAM)
from checker.rules.acronym_definitions import AcronymBeforeDefinition, AcronymRedefined
from checker.rules.acronym_variants import AcronymVariants

# encoding (ENC)
from checker.rules.bidi_controls import BidiControl

# numbers (NUM)
from checker.rules.cagr import CompoundGrowth
from checker.rules.capitalisation import CapitalisationConsistency

# facts across documents
from checker.rules.conflicting_facts import ConflictingFacts

# text (TXT)
from checker.rules.doubled_word import DoubledWord
from checker.rules.event_date_conflict import EventDateConflict
from checker.rules.extraction_artifacts import ExtractionArtifact
from checker.rules.fused_words import FusedWords
from checker.rules.garbled_text import GarbledText
from checker.rules.growth_prior_period import GrowthVsPriorPeriod

# consistency (CON)
from checker.rules.hyphenation import HyphenationConsistency
from checker.rules.hyphenation_across_documents import HyphenationAcrossDocuments

# dates (DAT)
from checker.rules.impossible_date import ImpossibleDate
from checker.rules.invalid_suppression import InvalidSuppression
from checker.rules.invisible_characters import InvisibleCharacter
from checker.rules.ledger_mismatch import LedgerMismatch
from checker.rules.markup_escape import MarkupEscape
from checker.rules.mixed_script_words import MixedScriptWord
from checker.rules.mojibake import Mojibake
from checker.rules.multiples import Multiples
from checker.rules.name_variants import NameVariants
from checker.rules.non_utf8 import NonUtf8File
from checker.rules.number_style import NumberStyle
from checker.rules.paragraph_split import ParagraphSplit
from checker.rules.percent_change import PercentChange
from checker.rules.percentage_points import PercentagePoints
from checker.rules.period_count import PeriodCountMismatch
from checker.rules.regional_spelling import RegionalSpelling
from checker.rules.relative_date_conflict import RelativeDateConflict
from checker.rules.release_date_order import ReleaseDateOrder
from checker.rules.replacement_character import ReplacementCharacter
from checker.rules.shares import Shares
from checker.rules.suspended_hyphen import SuspendedHyphen
from checker.rules.table_totals import TableTotals
from checker.rules.tense_date import FutureEventBeforeDocumentDate, PastEventAfterDocumentDate
from checker.rules.totals import Totals
from checker.rules.unbalanced_brackets import UnbalancedBrackets
from checker.rules.unused_suppression import UnusedSuppression
from checker.rules.weekday_mismatch import WeekdayMismatch

BUILTIN: tuple[type[Rule], ...] = (
    # text
    MarkupEscape,
    ParagraphSplit,
    SuspendedHyphen,
    DoubledWord,
    FusedWords,
    UnusedSuppression,
    InvalidSuppression,
    # encoding
    NonUtf8File,
    Mojibake,
    GarbledText,
    ReplacementCharacter,
    InvisibleCharacter,
    BidiControl,
    MixedScriptWord,
    ExtractionArtifact,
    # names
    NameVariants,
    AcronymVariants,
    AcronymRedefined,
    AcronymBeforeDefinition,
    # numbers
    PercentChange,
    PercentagePoints,
    Multiples,
    Shares,
    Totals,
    CompoundGrowth,
    TableTotals,
    # dates
    WeekdayMismatch,
    ImpossibleDate,
    PastEventAfterDocumentDate,
    FutureEventBeforeDocumentDate,
    RelativeDateConflict,
    PeriodCountMismatch,
    ReleaseDateOrder,
    EventDateConflict,
    # facts across documents
    ConflictingFacts,
    GrowthVsPriorPeriod,
    LedgerMismatch,
    # consistency (CON)
    UnbalancedBrackets,
    HyphenationConsistency,
    RegionalSpelling,
    CapitalisationConsistency,
    NumberStyle,
    HyphenationAcrossDocuments,
)
