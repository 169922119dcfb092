"""The arithmetic of a table's totals: which cells are a total's parts, their sum, and how far a total misses it.

What NUM007 (``table-totals``) computes on the tables that ``checker.tables`` and
``checker.line_tables`` read: the rows above a Total row back to the header or
the previous total (``parts_between``), the total rows a grand total is made of
(``total_rows_above``), whether the parts add up within the rounding of every figure
(``adds_up``), the evidence (``computation``, ``sum_text``) and the finding's
confidence (``confidence``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from checker.finding import Confidence
from checker.intervals import Interval, format_number
from checker.patterns import LazyPattern
from checker.tables import Cell, Table

# "Total", "Subtotal", "Grand total", and a label ending in "total" ("Q1 total", "Group total").
TOTAL = LazyPattern(r"(?:(?:grand|overall)\s+)?(?:sub-?)?totals?\b|[\w-]+(?:\s+[\w-]+)?\s+totals?$", re.I)
# A part of a part, not a part of the total: "of which online", "- of which", "– online".
SUB_ITEM = LazyPattern(r"(?:of\s+which|o/w|thereof|including|incl\.)\b|[-\u2013\u2014]\s", re.I)
YEAR = LazyPattern(r"(?:FY\s?|fiscal\s+)?(?:19|20)\d\d[A-Za-z]?", re.I)


def qualifier(heading: str) -> str:
    """The words in parentheses in a column heading ("Requested (physical) CPUs" -> "physical"), lowercased."""
    match = re.search(r"\(([^()]*)\)", heading)
    return match.group(1).strip().lower() if match else ""


def total_rows_above(table: Table, index: int, column: int, totals: Sequence[int]) -> list[Cell]:
    """The total rows above row ``index``, nearest first, while their labels fit its label."""
    words = _label_words(table.rows[index][0].text)
    out: list[Cell] = []
    for row in (table.rows[i] for i in reversed(totals)):
        other = _label_words(row[0].text)
        if not (other <= words or words <= other) or len(row) <= column or row[column].figure is None:
            break
        out.append(row[column])
    return out[::-1]


def _label_words(label: str) -> set[str]:
    return set(re.findall(r"[a-z]+", label.lower())) - {"total", "totals", "subtotal", "sub", "grand", "and", "the", "of"}


def parts_between(table: Table, first: int, last: int, column: int) -> list[Cell] | None:
    """The cells of rows ``first`` to ``last - 1`` that are parts; None when one is missing."""
    parts: list[Cell] = []
    heading = table.header[column] if column < len(table.header) else None
    if first == 0 and heading is not None and heading.figure is not None and not YEAR.match(heading.text):
        # "| Failing | 16 |" as the header row: a Markdown table whose first row is data. A year, alone or
        # naming what the column counts ("2025 pairs"), labels the column.
        parts.append(heading)
    for row in table.rows[first:last]:
        if not row or TOTAL.match(row[0].text) or SUB_ITEM.match(row[0].text):
            continue
        figures = row[1:]
        if figures and all(cell.missing for cell in figures):
            continue  # a heading row inside the table: "**Americas**" with no figures
        if len(row) <= column:
            return None
        cell = row[column]
        if cell.figure is None:
            return None
        parts.append(cell)
    return parts


def total_confidence(parts: Sequence[Cell], total: Cell, inferred: bool) -> Confidence:
    """How far the total misses its parts' sum: "high" a full rounding step or more past it, "low" under a quarter step.

    The step is the total's own rounding or, when wider, the width of the sum's interval (the parts'
    rounding added up). A grand total checked against the total rows whose labels fit it is at most
    "medium": which rows are its parts was inferred from their labels.
    """
    interval = Interval.exact(0.0)
    for cell in parts:
        assert cell.figure is not None
        interval = interval + cell.figure.interval
    assert total.figure is not None
    stated = total.figure.interval
    step = max(stated.hi - stated.lo, 10.0 ** -total.figure.decimals, interval.hi - interval.lo)
    steps = max(stated.lo - interval.hi, interval.lo - stated.hi, 0.0) / step
    level: Confidence = "high" if steps >= 1.0 else "low" if steps < 0.25 else "medium"
    if inferred:
        return "low" if level != "high" else "medium"
    return level


def adds_up(parts: Sequence[Cell], total: Cell) -> bool:
    """Whether the parts' sum, with every figure's rounding, can be the total, and is not farther from it than
    independent roundings plausibly carry it: three standard deviations of their errors, or a full rounding step.

    Eight counts and their total can miss by four only if every one of them was rounded the same way by
    nearly half a unit, which is far less likely than a slip ("All types 135" under rows adding up to 131)."""
    interval = Interval.exact(0.0)
    bounds: list[Interval] = []
    for cell in parts:
        assert cell.figure is not None
        bounds.append(cell.figure.interval)
        interval = interval + cell.figure.interval
    assert total.figure is not None
    if not interval.meets(total.figure.interval):
        return False
    bounds.append(total.figure.interval)
    if any(math.isinf(b.lo) or math.isinf(b.hi) for b in bounds):
        return True
    halves = [(b.hi - b.lo) / 2 for b in bounds]
    spread = 3 * math.sqrt(sum(h * h for h in halves) / 3)  # uniform rounding errors: variance h² / 3 each
    miss = abs(sum((b.lo + b.hi) / 2 for b in bounds[:-1]) - (bounds[-1].lo + bounds[-1].hi) / 2)
    return miss <= max(spread, 2 * max(halves)) + 1e-9


def percent_column(table: Table, column: int) -> bool:
    """Whether a column holds percents (its heading or any figure says so)."""
    heading = table.header[column].text if column < len(table.header) else ""
    if "%" in heading or re.search(r"\bper\s*cent|percent|\bpct\b", heading, re.I):
        return True
    figures = [row[column].figure for row in table.rows if len(row) > column]
    return any(figure is not None and figure.percent for figure in figures)


def numeric_column(table: Table, column: int) -> bool:
    """Whether any row has a figure in the column."""
    return any(len(row) > column and row[column].figure is not None for row in table.rows)


def currencies_of(cells: Sequence[Cell]) -> set[str]:
    """The currency symbols written in the cells ("$12.0" and "30.5" are of one currency)."""
    return {cell.figure.currency for cell in cells if cell.figure is not None and cell.figure.currency}


def most_decimals(parts: Sequence[Cell]) -> int:
    """The most decimals any of the figures is written with."""
    return max((cell.figure.decimals for cell in parts if cell.figure is not None), default=0)


def written_scale(parts: Sequence[Cell]) -> float:
    """The unit the figures are written in (1 unless each figure carries one scale, as "$1.2m")."""
    scales = {round(abs(cell.figure.value) / abs(float(_digits(cell.text))), 0) for cell in parts
              if cell.figure is not None and _digits(cell.text) not in ("", "0", "0.0")}
    return scales.pop() if len(scales) == 1 and 0 not in scales else 1.0


def _digits(text: str) -> str:
    match = re.search(r"\d[\d,]*(?:\.\d+)?|\.\d+", text)
    return match[0].replace(",", "") if match else ""


def sum_text(parts: Sequence[Cell]) -> str:
    """The parts' sum, written in their scale and precision ("6.8" for "$4.2 million" + ...)."""
    total = sum(cell.figure.value for cell in parts if cell.figure is not None) / written_scale(parts)
    return format_number(total, most_decimals(parts))


def computation(parts: Sequence[Cell]) -> str:
    """The evidence: "12.0 + 30.5 + 7.2 = 49.7"."""
    terms = []
    for index, cell in enumerate(parts):
        negative = cell.figure is not None and cell.figure.value < 0
        written = cell.text.strip("()").lstrip("-\u2212\u2013").strip()
        if index == 0:
            terms.append(f"-{written}" if negative else written)
        else:
            terms.append(f"{'-' if negative else '+'} {written}")
    return f"{' '.join(terms)} = {sum_text(parts)}"
