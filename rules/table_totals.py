"""NUM007: a Total row or column of a table (Markdown, plain text) or a Total item of a list that its parts do not add up to."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract.claim_evidence import replace_number
from checker.finding import Finding, Related
from checker.line_tables import line_tables
from checker.patterns import LazyPattern, ascii_lower
from checker.rule import Rule
from checker.table_sums import (
    SUB_ITEM,
    TOTAL,
    adds_up,
    computation,
    currencies_of,
    most_decimals,
    numeric_column,
    parts_between,
    percent_column,
    qualifier,
    sum_text,
    total_confidence,
    total_rows_above,
    written_scale,
)
from checker.tables import Cell, Table, tables

# The last row of a breakdown labelled "All" and a noun or two ("All types", "All age groups"), never the rest
# ("All other", "All others"): statistical tables label their total so. ``_ALL_LINE``: a line that may open such a
# row, in the lower-cased prose (where a pipe table's pipes are blanks).
_ALL_ROW = LazyPattern(r"all(?:\s+(?!others?\b)[\w-]+){0,2}", re.I)
_ALL_LINE = LazyPattern(r"\n[ \t]*all[ \t]")
# Column headings of figures that do not add up across a row.
_NOT_ADDITIVE = LazyPattern(
    r"\b(?:price|rate|ratio|average|avg|mean|median|margin|growth|change|yield|per|score|index|share|"
    r"%|percent|pct|multiple|x)\b|%",
    re.I,
)
_PERCENT_HEADING = LazyPattern(r"%|\(%\)|per\s*cent|percent|pct|share(?:\s+\(%\))?", re.I)
_HEADER_SCALE = LazyPattern(r"\b(?:thousands?|millions?|billions?|bn|mn|[kmb])\b|[$\u20ac\u00a3\u00a5%]", re.I)
# The lead-in of a list that states its total says "in all" (line_tables._TOTAL_WORD), searched in the
# lower-cased prose without its "i": ignoring case, "\u0130" and "\u0131" match it too.
_IN_ALL = LazyPattern(r"n\s+all")


class TableTotals(Rule):
    """A Total row or Total column of a table, or a Total item of a list, that its parts do not add up to.

    What it checks
    --------------
    Tables in three shapes: a Markdown pipe table; a column-aligned
    plain-text table (columns cut at two or more spaces or a tab, as a
    report printed to text or a PDF's text lays them out); and a list of
    labelled figures ("- Retail: $1.2 million", one figure per item), read
    as one column. A row (or item) whose label starts with "Total" ("Total",
    "Totals", "Total revenue", "Subtotal", "Grand total") or ends with it
    ("Q1 total") must equal, in every column of figures, the sum of the rows
    above it back to the header or to the previous total row (a grand total
    may also be the sum of everything above it). A first column that ranks
    the rows (1, 2, 3, ... and a blank on the total row) is set aside, and
    the labels are read from the column after it ("| | Top ten total |").
    A column headed "Total" must equal the sum of the columns of figures to
    its left in each row (or of the last few of them: leading columns may be
    context), when those columns are of one unit and none holds prices, rates, averages or
    shares. A list whose lead-in states its total ("Grants totalled $3.6
    million across three programmes:") must add up to it, unless the lead-in
    says the items are only some of it ("included", "such as"). Rounding of
    every figure is allowed for: each figure stands for every value that
    rounds to it.

    Rows that are parts of a part ("of which ...", or a label starting with a
    dash) are not added. Percent columns are never added, and a column with a
    missing figure ("—", "n/a", an empty cell) is not checked. Tables inside
    code blocks are not read. A Markdown table whose header row holds figures
    ("| Failing | 16 |") has its header row counted as a part; a year in a
    heading ("2025 pairs") labels its column.

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
    def check(self, doc, facts) -> Iterator[Finding]:
        # (``ascii_lower`` stands for ``lower()`` here: the words searched in it, "total", "altogether", "comb", "told",
        # and "n" and "all" of ``_IN_ALL``, hold no "i" or "k", and lower-casing makes no character white space, nor
        # one that is white space anything else, ``_IN_ALL``'s "\\s".)
        prose = ascii_lower(doc.prose)
        # A table's last row labelled "All ..." ("All types", "All regions") is its total too (``_ALL_ROW``).
        said = "total" in prose or _ALL_LINE.search(prose) is not None
        # Without the word, a Total row or column is only possible in a pipe table (read from the text)
        # and a total only in a list whose lead-in states it.
        piped = said or (doc.format == "markdown" and any(block.kind == "table" for block in doc.paragraphs) and _says_total(doc.text))
        led = said or _may_lead_total(prose)  # (which then need not look for "total" again)
        if not (piped or led):
            return
        for table in (*(tables(doc) if piped else ()), *(line_tables(doc, lead_only=not said) if led else ())):
            table = _without_rank(table)
            yield from self._total_rows(table)
            yield from self._total_column(table)

    def _total_rows(self, table: Table) -> Iterator[Finding]:
        width = len(table.header)
        boundaries = [-1]  # the header, then each total row: where a total's parts may start
        last = len(table.rows) - 1
        for index, row in enumerate(table.rows):
            if not row or not (TOTAL.match(row[0].text) or index == last and boundaries == [-1] and _all_row_sums(table, index)):
                continue
            for column in range(1, min(width, len(row))):
                if percent_column(table, column) or _NOT_ADDITIVE.search(table.header[column].text):
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
            parts = parts_between(table, boundary + 1, index, column)
            if parts is None:
                if not candidates:
                    return None  # a missing or unreadable figure among the nearest parts
                break
            if parts:
                candidates.append(parts)
        # A grand total as the sum of the total rows above it and the rows after the last of them.
        tail = parts_between(table, boundaries[-1] + 1, index, column) or []
        if not tail:
            # Right after other total rows: a grand total of those whose labels say they are its parts
            # ("Total current assets" and "Total non-current assets" make "Total assets").
            above = total_rows_above(table, index, column, boundaries[1:])
            if len(above) < 2:
                return None
            candidates.insert(0, above)
            kind = "total rows"
        elif len(boundaries) > 1:
            above = total_rows_above(table, index, column, boundaries[1:])
            if above:
                candidates.append([*above, *tail])
        if not candidates or any(adds_up(parts, total) for parts in candidates):
            return None
        parts = candidates[0]
        if any(cell.figure is None or cell.figure.percent for cell in parts) or len(currencies_of([*parts, total])) > 1:
            return None
        heading = table.header[column].text
        if table.kind in ("list", "list-lead"):
            kind = kind.replace("rows", "items")
        rows = kind[:-1] if len(parts) == 1 else f"{len(parts)} {kind}"
        verb = "adds" if len(parts) == 1 else "add"
        if table.kind == "list-lead":
            written = replace_number(total.text, sum(c.figure.value for c in parts if c.figure is not None) / written_scale(parts), most_decimals(parts))
            message = f'the total "{total.text}" before the list does not match its {rows}, which {verb.removesuffix("s")} up to {written}'
        elif table.kind == "list":
            written = replace_number(total.text, sum(c.figure.value for c in parts if c.figure is not None) / written_scale(parts), most_decimals(parts))
            message = f'the "{table.rows[index][0].text}" item says "{total.text}", but the {rows} above it {verb} up to {written}'
        else:
            where = f'the "{heading}" column' if heading else f"column {column + 1}"
            message = (f'the "{table.rows[index][0].text}" row says "{total.text}" in {where}, but the {rows} above it '
                       f"{verb} up to {sum_text(parts)}")
        return self.finding(
            total.start,
            total.end,
            message,
            evidence=f"{computation(parts)}; the total row says {total.text}",
            related=tuple(Related(cell.start, cell.end, "a part of the total") for cell in parts),
            confidence=total_confidence(parts, total, inferred=kind == "total rows"),
        )

    def _total_column(self, table: Table) -> Iterator[Finding]:
        header = table.header
        column = next((i for i, cell in enumerate(header) if i > 0 and TOTAL.match(cell.text)), None)
        if column is None:
            return
        # A column of percents beside each count ("Votes for | % | Votes against | % | Total cast") is no part.
        columns = [i for i in range(1, column) if numeric_column(table, i) and not _PERCENT_HEADING.fullmatch(header[i].text)]
        if len(columns) < 2:
            return
        units = {tuple(sorted(set(_HEADER_SCALE.findall(header[i].text.lower())))) for i in (*columns, column)}
        if len(units) > 1 or any(_NOT_ADDITIVE.search(header[i].text) for i in columns):
            return
        words = qualifier(header[column].text)
        if words and len({qualifier(header[i].text) == words for i in columns}) > 1:
            return  # "Total allocated (virtual) CPUs" beside "(virtual)" and "(physical)" columns: two measures
        for row in table.rows:
            if len(row) <= column or not row or SUB_ITEM.match(row[0].text):
                continue
            total = row[column]
            parts = [row[i] for i in columns]
            if total.figure is None or total.figure.percent or any(cell.figure is None for cell in parts):
                continue
            if len(currencies_of([*parts, total])) > 1 or any(cell.figure is not None and cell.figure.percent for cell in parts):
                continue
            if any(adds_up(parts[k:], total) for k in range(len(parts) - 1)):
                continue  # all the columns, or the last few: "Time | Pending | RS1 | RS2 | RS3 | Total" totals the RS columns
            label = row[0].text
            yield self.finding(
                total.start,
                total.end,
                f'the "{header[column].text}" column says "{total.text}" for "{label}", but the {len(parts)} '
                f"figures to its left add up to {sum_text(parts)}",
                evidence=f"{computation(parts)}; the total column says {total.text}",
                related=tuple(Related(cell.start, cell.end, "a part of the total") for cell in parts),
                confidence=total_confidence(parts, total, inferred=False),
            )



def _without_rank(table: Table) -> Table:
    """The table without its first column when that column ranks or numbers the rows ("| Rank | Brand | ... |", "| # |
    ...") and the labels are in the second: the first column's figures are whole numbers counting 1, 2, 3, ... down the
    rows (blank in a total row), and the second column's cells are words. Else the table itself."""
    if len(table.header) < 3 or len(table.rows) < 3:
        return table
    ranks: list[int] = []
    for row in table.rows:
        if len(row) < 3:
            return table
        first, second = row[0], row[1]
        if second.figure is not None or not second.text:
            return table
        if first.text in ("", "-"):
            if not TOTAL.match(second.text):
                return table  # a blank rank beside an ordinary row: not a column of ranks
            continue
        if not first.text.rstrip(".").isdigit():
            return table
        ranks.append(int(first.text.rstrip(".")))
    if len(ranks) < 3 or ranks != list(range(ranks[0], ranks[0] + len(ranks))) or ranks[0] > 1:
        return table
    return Table(table.header[1:], tuple(row[1:] for row in table.rows), table.kind)


def _all_row_sums(table: Table, index: int) -> bool:
    """Whether the row at ``index``, the last, is labelled "All ..." and reads as the sum of the rows above rather than
    their average ("All types" under the prices of four kinds of house): in every column it is at least half their sum."""
    row = table.rows[index]
    if index < 2 or not _ALL_ROW.fullmatch(row[0].text):
        return False
    for column in range(1, len(row)):
        total = row[column].figure
        parts = parts_between(table, 0, index, column)
        if total is None or not parts:
            continue
        if total.value < 0.5 * sum(cell.figure.value for cell in parts if cell.figure is not None):
            return False
    return True


def _says_total(text: str) -> bool:
    """``"total" in text.lower()``: the test of ``ascii_lower``'s text, on its UTF-8 bytes (no decoding needed)."""
    if text.isascii():
        return "total" in text.lower()
    return b"total" in text.encode("utf-8", "surrogatepass").lower()


def _may_lead_total(prose: str) -> bool:
    """Whether the lower-cased ``prose`` (or ``ascii_lower``'s) can hold a list's lead-in that states a total.

    Such a lead-in says "total", "in all", "altogether", "combined" or "all told"
    (``line_tables._TOTAL_WORD``, ignoring case). Lower-casing keeps every such match, but for an
    "i" ("\u0130" and "\u0131" match it when case is ignored), left out of the search. The caller
    asks only of a text without "total", which is not looked for again.
    """
    # (_IN_ALL's search tries every "n": it is asked only of a text that holds its "all", about half of them.)
    return "altogether" in prose or "comb" in prose or "told" in prose or ("all" in prose and _IN_ALL.search(prose) is not None)
