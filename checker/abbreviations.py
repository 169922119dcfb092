"""The table of abbreviations of a set of documents: ``factlint abbreviations PATHS``.

Built from the fact sheets (``facts.acronyms``, the definitions ``long (SHORT)``
and ``SHORT (long)``, and ``facts.names``, the acronym mentions): one row per
acronym with its long form, where it is defined, where it is first used and
how often it occurs. An acronym that is used but never defined is marked, unless
it is well known (``checker/data/acronyms.txt`` and the vocabulary's
``acronyms``), which is marked as such. Regulatory submissions and clinical
study reports carry this table.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from checker.facts import FactSheet
from checker.finding import Position
from checker.namecompare import strip_plural


@dataclass
class Abbreviation:
    """One row of the table."""

    acronym: str
    long_form: str  # "" when never defined
    defined: str  # "path:line", "well known", "by its parts" (HR-MDS) or "not defined"
    first_used: str  # "path:line"
    count: int
    other_long_forms: list[str]


def _where(sheet: FactSheet, offset: int) -> str:
    from checker.document import offset_to_position

    position: Position = offset_to_position(sheet.line_starts, offset)
    return f"{sheet.path}:{position.line}"


def abbreviations(sheets: Sequence[FactSheet], well_known: frozenset[str]) -> list[Abbreviation]:
    """The rows, sorted by acronym."""
    rows: dict[str, Abbreviation] = {}
    first_offset: dict[str, tuple[int, int]] = {}
    for index, sheet in enumerate(sheets):
        for definition in sheet.acronyms:
            short = strip_plural(definition.short)
            row = rows.get(short)
            if row is None:
                row = rows[short] = Abbreviation(short, "", "", "", 0, [])
            if not row.long_form:
                row.long_form = definition.long
                row.defined = _where(sheet, definition.short_start)
            elif all(_key(definition.long) != _key(long) for long in [row.long_form, *row.other_long_forms]):
                row.other_long_forms.append(definition.long)
        # "CP" inside the defined "CP CML" is that acronym, not one of its own.
        inside = [(d.short_start, d.short_end) for d in sheet.acronyms if " " in d.short]
        for mention in sheet.names:
            if mention.kind != "acronym" or any(s <= mention.start and mention.end <= e for s, e in inside):
                continue
            short = strip_plural(mention.text)
            row = rows.get(short)
            if row is None:
                row = rows[short] = Abbreviation(short, "", "", "", 0, [])
            row.count += 1
            key = (index, mention.start)
            if short not in first_offset or key < first_offset[short]:
                first_offset[short] = key
                row.first_used = _where(sheet, mention.start)
    for short, row in rows.items():
        if not row.count:
            row.count = _count(sheets, short)
        if not row.defined:
            row.defined = "well known" if short in well_known else "not defined"
            parts = short.split("-")
            if row.defined == "not defined" and len(parts) > 1 and all(_known(rows, well_known, p) for p in parts):
                row.defined = "by its parts"
        if not row.first_used:
            row.first_used = row.defined
    return sorted(rows.values(), key=lambda r: (r.acronym.upper(), r.acronym))


def _key(long: str) -> tuple[str, ...]:
    """A long form without case, hyphens or plurals: "tyrosine kinase inhibitors" = "Tyrosine-kinase inhibitor"."""
    words = re.findall(r"[^\W_]+", long.lower())
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


def _known(rows: dict[str, Abbreviation], well_known: frozenset[str], part: str) -> bool:
    row = rows.get(part)
    return part in well_known or (row is not None and bool(row.long_form))


def _count(sheets: Sequence[FactSheet], short: str) -> int:
    """Occurrences of a defined form the name extractor does not list (``CP CML``): its definitions."""
    pattern = re.compile(rf"(?<!\w){re.escape(short)}s?(?!\w)")
    return sum(1 for sheet in sheets for d in sheet.acronyms if pattern.fullmatch(d.short))


def render(rows: list[Abbreviation], fmt: str) -> str:
    """The table as Markdown, CSV or JSON."""
    if fmt == "json":
        return json.dumps([asdict(r) for r in rows], indent=2, ensure_ascii=False) + "\n"
    header = ["Abbreviation", "Definition", "Defined", "First used", "Count"]
    cells = [[r.acronym, _long(r), r.defined, r.first_used, str(r.count)] for r in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(cells)
        return out.getvalue()
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in cells]
    return "\n".join(lines) + "\n"


def _long(row: Abbreviation) -> str:
    if not row.long_form:
        return ""
    if row.other_long_forms:
        return row.long_form + " (also: " + "; ".join(row.other_long_forms) + ")"
    return row.long_form
