"""The reference ledger: facts known to be true, that documents must agree with.

Configured by ``ledger = "facts.toml"`` (relative to the project root), the
ledger is a TOML file of ``[[fact]]`` tables::

    [[fact]]
    subject = "Olverembatinib"
    measure = "sales"              # a measure phrase (see checker.extract.statement_terms)
    period = "2024"                # "2024", "FY2024", "Q4 2024", "H1 2024"; omit for timeless facts
    value = "$34.4 million"        # as a writer would state it: the rounding is read from it
    source = "2024 annual report"  # optional

``value`` may also be a number, exact, with an optional ``unit`` ("USD",
"EUR", ...; none for counts) and ``scale`` ("thousand", "million",
"billion"). Founding and first-approval years are plain integers
(``value = 2009``). A fact that no document states is fine; a document that
states a ledger fact with a value the ledger's value cannot round to is
reported (NUM103), and growth claims use ledger values as the prior figure
(NUM102).

``load_ledger`` raises :class:`checker.config.ConfigError` naming the file
and line of anything malformed (the CLI exits 2). ``to_ledger`` writes the
facts a corpus states in this format, so a ledger can start from the
documents themselves (``factlint facts --corpus DIR``).
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.config import ConfigError

_KEYS = frozenset({"subject", "measure", "period", "value", "unit", "scale", "source"})
_SCALES = {"": 1.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_YEAR_MEASURES = frozenset({"founded", "first approval"})


@dataclass(frozen=True, slots=True)
class LedgerFact:
    """One known fact; ``low``/``high`` is what its value as written allows."""

    subject: str
    subject_key: str
    measure: str
    period: str
    value: float
    low: float
    high: float
    unit: str
    text: str  # the value as written in the ledger
    source: str | None
    line: int


@dataclass(frozen=True, slots=True)
class Ledger:
    path: str
    facts: tuple[LedgerFact, ...]

    @property
    def name(self) -> str:
        """The file name, for messages."""
        return Path(self.path).name

    def find(self, subject_key: str, measure: str, period: str, unit: str, organisation: bool = False) -> list[LedgerFact]:
        """Ledger facts for a document statement's key (subject key already made corpus-canonical)."""
        from checker.statements_compare import same_measure

        return [
            fact
            for fact in self.facts
            if fact.subject_key == subject_key
            and fact.period == period
            and fact.unit == unit
            and same_measure(measure, organisation, fact.measure)
        ]


def load_ledger(path: str | Path) -> Ledger:
    """Read and validate a ledger file (see the module docstring)."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: ledger file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: ledger cannot be read: {error}") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        where = f"{path}:{line.group(1)}" if line else str(path)
        raise ConfigError(f"{where}: ledger is not valid TOML: {error}") from None
    unknown = sorted(set(data) - {"fact"})
    if unknown:
        raise ConfigError(f"{path}:{_key_line(raw, unknown[0], 0, None) or 1}: unknown top-level key {unknown[0]!r} (expected [[fact]] tables)")
    tables = data.get("fact", [])
    if not isinstance(tables, list):
        raise ConfigError(f"{path}:{_key_line(raw, 'fact', 0, None) or 1}: 'fact' must be an array of tables ([[fact]])")
    headers = [m.start() for m in re.finditer(r"(?m)^[ \t]*\[\[[ \t]*fact[ \t]*\]\]", raw)]
    facts = []
    for index, table in enumerate(tables):
        begin = headers[index] if index < len(headers) else 0
        end = headers[index + 1] if index + 1 < len(headers) else None
        facts.append(_fact(path, raw, table, begin, end))
    return Ledger(str(path), tuple(facts))


def _line(raw: str, offset: int) -> int:
    return raw.count("\n", 0, offset) + 1


def _key_line(raw: str, key: str, begin: int, end: int | None) -> int | None:
    match = re.compile(rf"(?m)^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=").search(raw, begin, len(raw) if end is None else end)
    return _line(raw, match.start()) if match else None


def _fact(path: Path, raw: str, table: Any, begin: int, end: int | None) -> LedgerFact:
    from checker.extract.statement_terms import PERIOD_RE, normalise_measure, parse_period, subject_key

    header = _line(raw, begin)

    def fail(message: str, key: str | None = None) -> ConfigError:
        line = (_key_line(raw, key, begin, end) if key else None) or header
        return ConfigError(f"{path}:{line}: {message}")

    if not isinstance(table, dict):
        raise fail("each fact must be a table")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} (expected {', '.join(sorted(_KEYS))})", unknown[0])
    for key in ("subject", "measure", "value"):
        if key not in table:
            raise fail(f"fact lacks {key!r}")
    subject = table["subject"]
    if not isinstance(subject, str) or not subject_key(subject):
        raise fail("subject must be a non-empty string", "subject")
    measure_text = table["measure"]
    measure = normalise_measure(measure_text) if isinstance(measure_text, str) else None
    if measure is None:
        from checker.extract.statement_terms import MEASURES

        known = ", ".join(MEASURES)
        raise fail(f"unknown measure {measure_text!r} (known: {known}, and their synonyms)", "measure")
    period = table.get("period", "")
    if isinstance(period, int) and not isinstance(period, bool):
        period = str(period)
    if not isinstance(period, str):
        raise fail("period must be a string such as \"2024\", \"Q4 2024\" or \"FY2024\"", "period")
    period = " ".join(period.split())
    if period:
        match = PERIOD_RE.fullmatch(period)
        canonical = parse_period(match) if match and not match.groupdict().get("rel") else None
        if canonical is None and re.fullmatch(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])", period):
            canonical = period  # a headcount's month
        if canonical is None:
            raise fail(f"unreadable period {period!r} (use \"2024\", \"FY2024\", \"Q4 2024\", \"H1 2024\" or \"2024-12\")", "period")
        period = canonical
    source = table.get("source")
    if source is not None and not isinstance(source, str):
        raise fail("source must be a string", "source")
    value, low, high, unit, text = _value(table, measure, fail)
    return LedgerFact(
        subject=subject.strip(),
        subject_key=subject_key(subject),
        measure=measure,
        period=period,
        value=value,
        low=low,
        high=high,
        unit=unit,
        text=text,
        source=source,
        line=header,
    )


def _value(table: dict, measure: str, fail) -> tuple[float, float, float, str, str]:
    value = table["value"]
    unit = table.get("unit", "")
    scale_word = table.get("scale", "")
    if isinstance(value, bool):
        raise fail("value must be a string or a number", "value")
    if measure in _YEAR_MEASURES:
        year = value if isinstance(value, int) else int(value) if isinstance(value, str) and re.fullmatch(r"\d{4}", value.strip()) else None
        if year is None or not 1000 <= year <= 2999:
            raise fail(f"{measure} takes a year (value = 2009), got {value!r}", "value")
        return float(year), float(year), float(year), "year", str(year)
    if isinstance(value, str):
        if "unit" in table or "scale" in table:
            raise fail("unit and scale go with a numeric value; a string value states its own", "unit" if "unit" in table else "scale")
        from checker.extract.numbers import parse_quantities
        from checker.extract.statement_terms import figure_interval

        text = " ".join(value.split())
        quantities = parse_quantities(text)
        if len(quantities) != 1 or quantities[0].start != 0 or quantities[0].end != len(text):
            raise fail(f"value {value!r} is not one figure (write it as a document would: \"$34.4 million\", \"800\")", "value")
        q = quantities[0]
        if q.unit in ("%", "pp", "pt", "bp", "x"):
            raise fail(f"value {value!r} is a {q.unit!r} figure; the ledger holds amounts and counts", "value")
        low, high = figure_interval(q.value, q.low, q.high, q.text, q.hedge, scale=q.scale or 1.0)
        return q.value, low, high, q.unit, text
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        raise fail("value must be a string or a finite number", "value")
    if not isinstance(unit, str):
        raise fail("unit must be a string such as \"USD\"", "unit")
    unit = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "RMB": "CNY"}.get(unit.strip(), unit.strip().upper())
    if unit and not re.fullmatch(r"[A-Z]{3}", unit):
        raise fail(f"unit {unit!r} is not a currency code such as \"USD\"", "unit")
    if not isinstance(scale_word, str) or scale_word.strip().lower() not in _SCALES:
        raise fail(f"scale must be one of {', '.join(repr(s) for s in _SCALES if s)}", "scale")
    amount = float(value) * _SCALES[scale_word.strip().lower()]
    text = f"{value}{' ' + scale_word.strip() if scale_word.strip() else ''}{' ' + unit if unit else ''}"
    return amount, amount, amount, unit, text


# --- writing a ledger from a corpus -----------------------------------------------------------


def to_ledger(sheets: Sequence[Any]) -> str:
    """The facts a corpus states, as a ledger (TOML) a user can review and keep."""
    from checker.extract.statement_terms import canonical_subjects

    statements = [(sheet, fact) for sheet in sheets for fact in sheet.facts]
    canonical = canonical_subjects(fact.subject_key for _, fact in statements)
    groups: dict[tuple, list] = {}
    for sheet, fact in statements:
        key = (canonical[fact.subject_key], fact.measure, fact.period, fact.unit)
        groups.setdefault(key, []).append((sheet, fact))
    documents = len({sheet.path for sheet, _ in statements})
    out = [
        f"# factlint reference ledger: {len(groups)} facts stated in {documents} of {len(sheets)} documents.",
        "# Check every value before relying on it, and delete the facts you do not want enforced.",
    ]
    for items in groups.values():
        # The most precise statement leads ("$60.9 million" over "$61 million").
        items = sorted(items, key=lambda item: item[1].high - item[1].low)
        sheet, fact = items[0]
        out.append("")
        out.append("[[fact]]")
        out.append(f"subject = {_string(_display_subject(items))}")
        out.append(f"measure = {_string(fact.measure)}")
        if fact.period:
            out.append(f"period = {_string(fact.period)}")
        out.append(f"value = {int(fact.value)}" if fact.unit == "year" else f"value = {_string(fact.text)}")
        out.append(f"source = {_string(_where(sheet, fact))}")
        for other_sheet, other in items[1:]:
            agrees = other.low <= fact.high and fact.low <= other.high
            label = "also stated" if agrees else "CONFLICTING"
            out.append(f"# {label}: {other.text} ({_where(other_sheet, other)})")
    return "\n".join(out) + "\n"


def _display_subject(items: Iterable) -> str:
    # The longest spelling is the most explicit ("Norwind Robotics" over "Norwind").
    return max((fact.subject for _, fact in items), key=len)


def _where(sheet: Any, fact: Any) -> str:
    return f"{sheet.path} line {sheet.position(fact.start)[0]}"


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)
