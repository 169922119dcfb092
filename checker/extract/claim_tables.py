"""Change columns of tables: "| Semi-detached | £268,500 | £281,900 | +6.8% |", and the same row of a plain-text table.

A column headed as a change ("Change", "Annual change", "% chg", "YoY", "Growth",
"Var.", "+/-", "Week-over-week", "m/m") right after two columns of figures states, in each row, how the
second figure differs from the first. A percent is checked as the relative
change, and between two percents also as points; any other figure as the
difference. The columns' order of time is not read from their headings: a row
is reported only when its stated change fits neither order (nor, for percents,
points), so only a change no reading of the table explains is a claim that
fails. Every figure stands for the range its rounding allows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from checker.facts import Claim
from checker.intervals import Interval, format_number
from checker.patterns import LazyPattern

if TYPE_CHECKING:
    from checker.document import Document
    from checker.tables import Cell

_CHANGE_HEADING = LazyPattern(
    r"\b(?:change|chg|growth|var\.?|variance|y/y|yoy|y-o-y|diff(?:erence)?|movement|[wmq]/[wmq]|wow|mom|qoq"
    r"|(?:day|week|month|quarter|year)[- ]?(?:over|on)[- ]?(?:day|week|month|quarter|year))\b|\+\s*/\s*[-\u2212\u2013]|\u0394|\u00b1",
    re.I,
)


def table_change_claims(doc: Document, plain: bool = False) -> list[Claim]:
    """The change claims of the document's pipe tables and, with ``plain``, its column-aligned plain-text tables
    (``checker.line_tables``), checked."""
    from checker.tables import tables

    claims: list[Claim] = []
    found = tables(doc)
    if plain and _aligned_change_heading(doc.prose):
        from checker.line_tables import line_tables

        found += [table for table in line_tables(doc) if table.kind == "text"]
    for table in found:
        header = table.header
        for column in range(3, len(header)):
            if not _CHANGE_HEADING.search(header[column].text):
                continue
            compared = _compared_columns(header, column)
            if compared is None:
                continue
            first, second = _in_time_order(header, *compared)
            if _CHANGE_HEADING.search(header[first].text) or _CHANGE_HEADING.search(header[second].text):
                continue  # the figures compared must be levels, not other changes
            # A heading that names the unit ("Change (%)", "% chg") makes each bare figure of its column a percent.
            percents = tuple(_PERCENT_HEADING.search(header[k].text) is not None for k in (first, second, column))
            for row in table.rows:
                if len(row) <= column:
                    continue
                cells = [_as_percent(cell) if percent else cell for cell, percent in zip((row[first], row[second], row[column]), percents)]
                claim = _row_claim(*cells)
                if claim is not None:
                    claims.append(claim)
    return claims


def _aligned_change_heading(prose: str) -> bool:
    """Whether a change heading stands on a line that is cut into columns (two blanks or a tab after its first word):
    the only place a plain-text table's change column can be headed."""
    for match in _CHANGE_HEADING.finditer(prose):
        start = prose.rfind("\n", 0, match.start()) + 1
        end = prose.find("\n", match.end())
        line = prose[start:end if end >= 0 else len(prose)].strip()
        if "  " in line or "\t" in line:
            return True
    return False


_YEAR = LazyPattern(r"(?<![\d/])(?:19|20)\d\d(?![\d/])")


def _compared_columns(header: Sequence[Cell], column: int) -> tuple[int, int] | None:
    """The two columns a change column compares: the two before it, unless its heading names the years it compares
    ("Change vs 2019": the column headed 2019 and the one before the change); None when a year it names heads no
    column before it."""
    years = _YEAR.findall(header[column].text)
    if not years:
        return column - 2, column - 1
    named = [k for k in range(column) if any(year in _YEAR.findall(header[k].text) for year in years)]
    if len(years) == 1 and len(named) == 1 and named[0] < column - 1:
        return named[0], column - 1
    if len(years) == 2 and len(named) == 2:
        return named[0], named[1]
    return None


def _in_time_order(header: Sequence[Cell], first: int, second: int) -> tuple[int, int]:
    """The two compared columns, older first when each heading names one year ("Q3 2025 | Q3 2024": the later
    year first), so that the change a finding computes runs the way the table's does; else as they stand."""
    years = [_YEAR.findall(header[k].text) for k in (first, second)]
    if all(len(found) == 1 for found in years) and years[0][0] > years[1][0]:
        return second, first
    return first, second


_PERCENT_HEADING = LazyPattern(r"%|\bper\s*cent\b|\bpercent(?:age)?\b|\bpct\b", re.I)


def _as_percent(cell: Cell) -> Cell:
    """The cell with its figure read as a percent (a bare figure in a column headed as one)."""
    figure = cell.figure
    if figure is None or figure.percent or figure.currency:
        return cell
    return replace(cell, figure=replace(figure, percent=True))


def _row_claim(a_cell: Cell, b_cell: Cell, stated_cell: Cell) -> Claim | None:
    a, b, stated = a_cell.figure, b_cell.figure, stated_cell.figure
    if a is None or b is None or stated is None or a.percent != b.percent or a.currency != b.currency:
        return None
    if stated.value and b.value != a.value and (stated.value > 0) != (b.value > a.value):
        # Every reading is tried both ways; the one shown runs the way the stated change's sign does ("| $455 | $440
        # | +4.1% |": 455 / 440 - 1 = +3.4%).
        a_cell, b_cell, a, b = b_cell, a_cell, b, a
    low = high = None
    if a.percent and not stated.percent and stated.currency in _POINTS:
        # "| 4.25% | 4.00% | -35 bp |": a change of two percents in basis points or points.
        per_point = _POINTS[stated.currency]
        stated_points = stated.interval * (1.0 / per_point)
        readings = [b.interval - a.interval, a.interval - b.interval]
        points = (b.value - a.value) * per_point
        unit = stated_cell.text.strip("*_ \t").lstrip("+-\u2212\u2013 0123456789.,")
        computed = f"{'+' if points >= 0 else '-'}{format_number(abs(points), stated.decimals)} {unit}"
        detail = f"{_shown(b_cell)} - {_shown(a_cell)} = {computed}"
        parts = ((a_cell.start, a_cell.end), (b_cell.start, b_cell.end))
        if any(reading.meets(stated_points) for reading in readings):
            return Claim(kind="percent-change", start=stated_cell.start, end=stated_cell.end, consistent=True, stated=stated_cell.text, parts=parts)
        detail += f" (the row's two figures in either order); the table says {stated_cell.text}"
        return Claim(
            kind="percent-change", start=stated_cell.start, end=stated_cell.end, consistent=False, detail=detail,
            stated=stated_cell.text, computed=computed, parts=parts,
        )
    if stated.percent:
        if a.value <= 0 or b.value <= 0:
            return None
        forward = (b.interval / a.interval - Interval.exact(1.0)) * 100.0
        low, high = forward.lo, forward.hi
        backward = (a.interval / b.interval - Interval.exact(1.0)) * 100.0
        readings = [forward, backward]
        if a.percent:
            readings += [b.interval - a.interval, a.interval - b.interval]  # points
        point = (b.value / a.value - 1) * 100
        computed = f"{point:+.{max(1, stated.decimals)}f}%"
        detail = f"{_shown(b_cell)} / {_shown(a_cell)} - 1 = {computed}"
        kind = "percent-change"
    else:
        if stated.currency and stated.currency != a.currency:
            return None
        readings = [b.interval - a.interval, a.interval - b.interval]
        point = b.value - a.value
        computed = f"{'+' if point >= 0 else '-'}{format_number(abs(point), max(a.decimals, b.decimals))}"
        detail = f"{_shown(b_cell)} - {_shown(a_cell)} = {computed}"
        kind = "change"
    parts = ((a_cell.start, a_cell.end), (b_cell.start, b_cell.end))
    if any(reading.meets(stated.interval) for reading in readings):
        return Claim(kind=kind, start=stated_cell.start, end=stated_cell.end, consistent=True, stated=stated_cell.text, parts=parts)
    detail += f" (the row's two figures in either order); the table says {stated_cell.text}"
    return Claim(
        kind=kind, start=stated_cell.start, end=stated_cell.end, consistent=False, detail=detail,
        stated=stated_cell.text, computed=computed, low=low, high=high, parts=parts,
    )


# The units of a change between two percents, in points per percentage point.
_POINTS = {"bp": 100.0, "pp": 1.0, "pt": 1.0, "point": 1.0}


def _shown(cell: Cell) -> str:
    return cell.text.strip("*_ \t")

