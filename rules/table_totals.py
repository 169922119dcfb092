"""NUM007: a Total row or Total column of a Markdown table that its parts do not add up to."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from checker.finding import Confidence, Finding, Related
from checker.intervals import Interval, format_number
from checker.rule import Rule
from checker.tables import Cell, Table, tables

_TOTAL = re.compile(r"(?:sub-?)?totals?\b", re.I)
# A part of a part, not a part of the total: "of which online", "- of which", "– online".
_SUB_ITEM = re.compile(r"(?:of\s+which|o/w|thereof|including|incl\.)\b|[-\u2013\u2014]\s", re.I)
# Column headings of figures that do not add up across a row.
_NOT_ADDITIVE = re.compile(
    r"\b(?:price|rate|ratio|average|avg|mean|median|margin|growth|change|yield|per|score|index|share|"
    r"%|percent|pct|multiple|x)\b|%",
    re.I,
)
_HEADER_SCALE = re.compile(r"\b(?:thousands?|millions?|billions?|bn|mn|[kmb])\b|[$\u20ac\u00a3\u00a5%]", re.I)


class TableTotals(Rule):
    """A Total row or Total column of a Markdown table that its parts do not add up to.

    What it checks
    --------------
    In a Markdown pipe table, a row whose first cell starts with "Total"
    ("Total", "Totals", "Total revenue", "Subtotal") must equal, in every
    column of figures, the sum of the rows above it back to the header or to
    the previous total row (a grand total may also be the sum of everything
    above it). A column headed "Total" must equal the sum of the columns of
    figures to its left in each row, when those columns are of one unit and
    none holds prices, rates, averages or shares. Rounding of every figure is
    allowed for: each figure stands for every value that rounds to it.

    Rows that are parts of a part ("of which ...", or a label starting with a
    dash) are not added. Percent columns are never added, and a column with a
    missing figure ("—", "n/a", an empty cell) is not checked. Tables inside
    code blocks are not read.

    Why it matters
    --------------
    A table's total is where readers check the figures; one that its own rows
    contradict means a row is missing, outdated or mistyped.

    Confidence
    ----------
    From the margin by which the total misses the sum of its parts, in
    rounding steps (the total's last digit, or the width of the sum's range
    when wider): a full step or more is high, under a quarter of a step low,
    medium between. A grand total checked against the total rows whose
    labels fit it is at most medium (its parts were chosen by their labels).

    Flagged
    -------
        | Segment  | Revenue |
        |----------|--------:|
        | Products |    12.0 |
        | Services |    30.5 |
        | Other    |     7.2 |
        | Total    |    51.7 |

    Passes
    ------
        | Segment  | Revenue |
        |----------|--------:|
        | Products |    12.0 |
        | Services |    30.5 |
        | Other    |     7.2 |
        | Total    |    49.7 |
    """

    code = "NUM007"
    name = "table-totals"
    severity = "error"
    formats = frozenset({"markdown"})

    def check(self, doc, facts) -> Iterator[Finding]:
        for table in tables(doc):
            yield from self._total_rows(table)
            yield from self._total_column(table)

    def _total_rows(self, table: Table) -> Iterator[Finding]:
        width = len(table.header)
        boundaries = [-1]  # the header, then each total row: where a total's parts may start
        for index, row in enumerate(table.rows):
            if not row or not _TOTAL.match(row[0].text):
                continue
            for column in range(1, min(width, len(row))):
                if _percent_column(table, column) or _NOT_ADDITIVE.search(table.header[column].text):
                    continue
                finding = self._check_row_total(table, index, column, boundaries)
                if finding is not None:
                    yield finding
            boundaries.append(index)

    def _check_row_total(self, table: Table, index: int, column: int, boundaries: list[int]) -> Finding | None:
        total = table.rows[index][column]
        if total.figure is None or total.figure.percent:
            return None
        candidates: list[list[Cell]] = []
        kind = "rows"
        for boundary in reversed(boundaries):
            parts = _parts(table, boundary + 1, index, column)
            if parts is None:
                if not candidates:
                    return None  # a missing or unreadable figure among the nearest parts
                break
            if parts:
                candidates.append(parts)
        # A grand total as the sum of the total rows above it and the rows after the last of them.
        tail = _parts(table, boundaries[-1] + 1, index, column) or []
        if not tail:
            # Right after other total rows: a grand total of those whose labels say they are its parts
            # ("Total current assets" and "Total non-current assets" make "Total assets").
            subtotals = _subtotals(table, index, column, boundaries[1:])
            if len(subtotals) < 2:
                return None
            candidates.insert(0, subtotals)
            kind = "total rows"
        elif len(boundaries) > 1:
            subtotals = _subtotals(table, index, column, boundaries[1:])
            if subtotals:
                candidates.append([*subtotals, *tail])
        if not candidates or any(_adds_up(parts, total) for parts in candidates):
            return None
        parts = candidates[0]
        if any(cell.figure is None or cell.figure.percent for cell in parts) or len(_currencies([*parts, total])) > 1:
            return None
        heading = table.header[column].text
        where = f'"{heading}" column' if heading else f"column {column + 1}"
        rows = kind[:-1] if len(parts) == 1 else f"{len(parts)} {kind}"
        return self.finding(
            total.start,
            total.end,
            f'the "{table.rows[index][0].text}" row says "{total.text}" in the {where}, but the {rows} above it '
            f"{'adds' if len(parts) == 1 else 'add'} up to {_sum_text(parts)}",
            evidence=f"{_computation(parts)}; the total row says {total.text}",
            related=tuple(Related(cell.start, cell.end, "a part of the total") for cell in parts),
            confidence=_confidence(parts, total, inferred=kind == "total rows"),
        )

    def _total_column(self, table: Table) -> Iterator[Finding]:
        header = table.header
        column = next((i for i, cell in enumerate(header) if i > 0 and _TOTAL.match(cell.text)), None)
        if column is None:
            return
        columns = [i for i in range(1, column) if _numeric_column(table, i)]
        if len(columns) < 2:
            return
        units = {tuple(sorted(set(_HEADER_SCALE.findall(header[i].text.lower())))) for i in (*columns, column)}
        if len(units) > 1 or any(_NOT_ADDITIVE.search(header[i].text) for i in columns):
            return
        qualifier = _qualifier(header[column].text)
        if qualifier and len({_qualifier(header[i].text) == qualifier for i in columns}) > 1:
            return  # "Total allocated (virtual) CPUs" beside "(virtual)" and "(physical)" columns: two measures
        for row in table.rows:
            if len(row) <= column or not row or _SUB_ITEM.match(row[0].text):
                continue
            total = row[column]
            parts = [row[i] for i in columns]
            if total.figure is None or total.figure.percent or any(cell.figure is None for cell in parts):
                continue
            if len(_currencies([*parts, total])) > 1 or any(cell.figure is not None and cell.figure.percent for cell in parts):
                continue
            if _adds_up(parts, total):
                continue
            label = row[0].text
            yield self.finding(
                total.start,
                total.end,
                f'the "{header[column].text}" column says "{total.text}" for "{label}", but the {len(parts)} '
                f"figures to its left add up to {_sum_text(parts)}",
                evidence=f"{_computation(parts)}; the total column says {total.text}",
                related=tuple(Related(cell.start, cell.end, "a part of the total") for cell in parts),
                confidence=_confidence(parts, total, inferred=False),
            )


def _qualifier(heading: str) -> str:
    """The words in parentheses in a column heading ("Requested (physical) CPUs" -> "physical"), lowercased."""
    match = re.search(r"\(([^()]*)\)", heading)
    return match.group(1).strip().lower() if match else ""


def _subtotals(table: Table, index: int, column: int, totals: Sequence[int]) -> list[Cell]:
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


def _parts(table: Table, first: int, last: int, column: int) -> list[Cell] | None:
    """The cells of rows ``first`` to ``last - 1`` that are parts; None when one is missing."""
    parts: list[Cell] = []
    for row in table.rows[first:last]:
        if not row or _TOTAL.match(row[0].text) or _SUB_ITEM.match(row[0].text):
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


def _confidence(parts: Sequence[Cell], total: Cell, inferred: bool) -> Confidence:
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


def _adds_up(parts: Sequence[Cell], total: Cell) -> bool:
    interval = Interval.exact(0.0)
    for cell in parts:
        assert cell.figure is not None
        interval = interval + cell.figure.interval
    assert total.figure is not None
    return interval.meets(total.figure.interval)


def _percent_column(table: Table, column: int) -> bool:
    heading = table.header[column].text if column < len(table.header) else ""
    if "%" in heading or re.search(r"\bper\s*cent|percent|\bpct\b", heading, re.I):
        return True
    figures = [row[column].figure for row in table.rows if len(row) > column]
    return any(figure is not None and figure.percent for figure in figures)


def _numeric_column(table: Table, column: int) -> bool:
    return any(len(row) > column and row[column].figure is not None for row in table.rows)


def _currencies(cells: Sequence[Cell]) -> set[str]:
    """The currency symbols written in the cells ("$12.0" and "30.5" are of one currency)."""
    return {cell.figure.currency for cell in cells if cell.figure is not None and cell.figure.currency}


def _decimals(parts: Sequence[Cell]) -> int:
    return max((cell.figure.decimals for cell in parts if cell.figure is not None), default=0)


def _scale(parts: Sequence[Cell]) -> float:
    """The unit the figures are written in (1 unless each figure carries one scale, as "$1.2m")."""
    scales = {round(abs(cell.figure.value) / abs(float(_digits(cell.text))), 0) for cell in parts
              if cell.figure is not None and _digits(cell.text) not in ("", "0", "0.0")}
    return scales.pop() if len(scales) == 1 and 0 not in scales else 1.0


def _digits(text: str) -> str:
    match = re.search(r"\d[\d,]*(?:\.\d+)?|\.\d+", text)
    return match[0].replace(",", "") if match else ""


def _sum_text(parts: Sequence[Cell]) -> str:
    scale = _scale(parts)
    total = sum(cell.figure.value for cell in parts if cell.figure is not None) / scale
    return format_number(total, _decimals(parts))


def _computation(parts: Sequence[Cell]) -> str:
    terms = []
    for index, cell in enumerate(parts):
        negative = cell.figure is not None and cell.figure.value < 0
        written = cell.text.strip("()").lstrip("-\u2212\u2013").strip()
        if index == 0:
            terms.append(f"-{written}" if negative else written)
        else:
            terms.append(f"{'-' if negative else '+'} {written}")
    return f"{' '.join(terms)} = {_sum_text(parts)}"
