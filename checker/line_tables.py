"""Tables written without pipes: a list of labelled figures, and a column-aligned plain-text table.

Both are read into the :class:`~checker.tables.Table` of a Markdown pipe table,
so that the checks on a table's totals read them alike.

A **list of labelled figures** is a run of two or more list items, each a label,
a colon or a dash, and one figure ("- Retail: $1.2 million", "• Q1 total – 410"):
one column of figures whose heading is the line that introduces the list
("Revenue by segment:"), when there is one; a lead-in that states the
list's total ("Revenue totalled $2.4 million across two segments:") gives
the table a Total row. In Markdown the items are the
document's list blocks; in other formats, lines of one paragraph that start
with a bullet ("-", "*", "•", "–") or a number ("1.", "2)").

A **plain-text table** is a paragraph of three or more lines, each cut into
cells at runs of two or more spaces, at tabs or at leader dots ("Millbrook
....... 14,220"), as a report printed to text or a PDF's text lays columns
out: every body line has the same number of cells, its first cell a label and
the others figures (or missing, "—"). The first line
is the header when its cells are not figures, or are years ("2024  2023");
a header line without a label cell is given an empty one. Rows numbered 1,
2, 3 ... in their first cell have that number as their label. Rules drawn
with dashes or equals signs are skipped; above them, a header may stack its
headings over two or three lines ("Avg price" over "Oct 2025").

Offsets are the document's prose offsets, like the rest of its facts. When a
block is not one of these shapes exactly, it is not read: no table is better
than a misread one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from checker.document import Document
from checker.patterns import LazyPattern, has_digit
from checker.table_sums import YEAR as _YEAR
from checker.tables import Cell, Table, read_figure

_MISSING = frozenset({"-", "\u2013", "\u2014", "n/a", "na", "n.a.", "nm", "n.m.", "\u2026", "..."})
_BULLET = LazyPattern(r"[ \t]*(?:[-*+\u2022\u00b7\u2013]|\d{1,2}[.)])[ \t]+")
# "Retail: $1.2 million", "Q1 total – 410", "Other: (0.3)"; the figure ends the item (a full stop may follow).
# Possessive runs of blanks: a line padded with hundreds of spaces (a table flattened into a list
# item) made the backtracking form take seconds; these match exactly the same items.
_ITEM = LazyPattern(r"(?P<label>[^\s:][^:\n]*?)(?:[ \t]*+:|[ \t]++[-\u2013\u2014=])[ \t]++(?P<figure>[^:\n]*?)[ \t]*+\.?+[ \t]*+$")
_LEAD_FIGURE = LazyPattern(
    r"[$\u20ac\u00a3\u00a5]?\d[\d,]*(?:\.\d+)?(?:\s*(?:thousand|million|billion|bn|[kmb])(?![A-Za-z]))?%?", re.I
)
_TOTAL_WORD = LazyPattern(r"\b(?:total(?:s|led|ed|ling|ing)?|in\s+all|altogether|combined|all\s+told)\b", re.I)
_PART_WORD = LazyPattern(r"\b(?:includ\w*|of\s+which|such\s+as|among|some|other|spent|top|largest|main)\b", re.I)
# Runs of two or more spaces, tabs, or leader dots ("Millbrook district ....... 14,220", as a printed list sets them).
_CELL_BREAK = LazyPattern(r"\t+[ \t]*| {2,}\t*| ?(?:\.[ ]?){3,}[ \t]*|[ ]?\u2026+[ \t]*")
# A rule drawn under a table's header or above its total row: a line of dashes, equals signs or box rules.
_RULE_LINE = LazyPattern(r"[ \t]*(?:[-=_\u2500\u2501\u2014\u2013][ \t+|:]*){3,}")


def line_tables(doc: Document, lead_only: bool = False) -> list[Table]:
    """The lists of labelled figures and the plain-text tables of a document.

    With ``lead_only``, only the lists whose lead-in states their total (``"list-lead"``): the
    only tables with a total in a document that never says "total".
    """
    prose = doc.prose
    if not has_digit(prose):
        return []
    out: list[Table] = []
    blocks = doc.paragraphs
    run: list[int] = []
    plain = doc.format != "markdown"
    for index, block in enumerate(blocks):
        # (Most items are one line: the find spares copying and stripping them.)
        if block.kind == "list" and (prose.find("\n", block.start, block.end) < 0 or "\n" not in prose[block.start:block.end].strip()):
            if run and run[-1] != index - 1:
                out.extend(_list_table(doc, run, lead_only))
                run = []
            run.append(index)
            continue
        if run:
            out.extend(_list_table(doc, run, lead_only))
            run = []
        if plain and block.kind in ("paragraph", "list"):
            out.extend(_paragraph_tables(doc, block.start, block.end, lead_only))
    if run:
        out.extend(_list_table(doc, run, lead_only))
    return out


def _list_table(doc: Document, indices: list[int], lead_only: bool = False) -> list[Table]:
    """A run of Markdown list blocks as a one-column table, headed by the paragraph just before it."""
    if len(indices) < 2:
        return []  # a single item is no table (``_items_table``): skip reading it
    prose = doc.prose
    heading = ""
    first = indices[0]
    if first > 0:
        before = doc.paragraphs[first - 1]
        text = prose[before.start:before.end].strip()
        if text.endswith(":"):
            heading = text
    if lead_only and not _states_total(heading):
        return []
    items = []
    for index in indices:
        block = doc.paragraphs[index]
        line_start = block.start + len(prose[block.start:block.end]) - len(prose[block.start:block.end].lstrip())
        items.append((line_start, block.end))
    table = _items_table(prose, items, heading, heading_start=doc.paragraphs[first - 1].start if heading else items[0][0])
    return [table] if table is not None else []


def _paragraph_tables(doc: Document, start: int, end: int, lead_only: bool = False) -> list[Table]:
    """A bulleted list, or a column-aligned table, written as the lines of one paragraph."""
    prose = doc.prose
    if prose.count("\n", start, end) < 2:
        return []  # fewer than three lines, blank or not
    if lead_only and prose.find(":", start, end) < 0:
        return []  # no lead-in ending with a colon, the only kind read then
    lines = _lines(prose, start, end)
    if len(lines) < 3:
        return []
    bullets = [(s, e) for s, e in lines if _BULLET.match(prose, s, e)]
    if len(bullets) >= 2:
        first = lines.index(bullets[0])
        if lines[first:first + len(bullets)] != bullets:
            return []  # bullets interrupted by other lines
        heading = prose[lines[first - 1][0]:lines[first - 1][1]].strip() if first else ""
        if lead_only and not (heading.endswith(":") and _states_total(heading)):
            return []
        items = [(_BULLET.match(prose, s, e).end(), e) for s, e in bullets]
        table = _items_table(prose, items, heading if heading.endswith(":") else "", heading_start=start)
        return [table] if table is not None else []
    if lead_only or ("  " not in prose[start:end] and "\t" not in prose[start:end]):
        return []
    rules = [index for index, (s, e) in enumerate(lines) if _RULE_LINE.fullmatch(prose, s, e)]
    # Rules ("----") as a report printed to text draws them: under a header of one to three lines, and between
    # body rows (above a total row).
    header = lines[: rules[0]] if rules and 1 <= rules[0] <= 3 else None
    if rules:
        lines = [line for index, line in enumerate(lines) if index not in rules and (header is None or index > rules[0])]
    if len(lines) < (2 if header else 3):
        return []
    table = _aligned_table(prose, lines, header)
    return [table] if table is not None else []


def _lines(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    position = start
    while position < end:
        newline = prose.find("\n", position, end)
        stop = end if newline < 0 else newline
        if prose[position:stop].strip():
            out.append((position, stop))
        position = stop + 1
    return out


def _items_table(prose: str, items: list[tuple[int, int]], heading: str, heading_start: int) -> Table | None:
    """List items "label: figure" as rows of a one-column table; None unless every item is one."""
    if len(items) < 2:
        return None
    rows = []
    for item_start, item_end in items:
        match = _ITEM.match(prose, item_start, item_end)  # (positions in the prose)
        if match is None:
            return None
        figure_text = match.group("figure")
        cell = _cell(figure_text, match.start("figure"))
        if cell.figure is None and not cell.missing:
            return None
        label = match.group("label").strip()
        label_start = match.start("label")
        rows.append((Cell(label, label_start, label_start + len(label), None, False), cell))
    header = (Cell("", heading_start, heading_start, None, True), Cell(heading, heading_start, heading_start + len(heading), None, False))
    lead = _lead_total(prose, heading, heading_start, [cell for _, cell in rows])
    if lead is not None:
        rows.append((Cell("Total", lead.start, lead.start, None, False), lead))
        return Table(header, tuple(rows), "list-lead")
    return Table(header, tuple(rows), "list")


def _states_total(heading: str) -> bool:
    """Whether a list's lead-in can state the list's total (a necessary condition of ``_lead_total``)."""
    return bool(heading) and _TOTAL_WORD.search(heading) is not None


def _lead_total(prose: str, heading: str, heading_start: int, cells: list[Cell]) -> Cell | None:
    """The total a list's lead-in states ("Revenue totalled $2.4 million across two segments:"), if any.

    The lead-in must hold exactly one figure besides years, say it is a total ("total", "in all",
    "altogether", "combined") and not that the items are some of it ("including", "of which", "such
    as"); "Our 12 stores sold:" or "Of the $2.4 million raised, we spent:" state no total of the items.
    """
    if not heading or not any(ch.isdigit() for ch in heading):
        return None
    found = [m for m in _LEAD_FIGURE.finditer(heading) if not _YEAR.fullmatch(m.group().strip())]
    if len(found) != 1 or "%" in found[0].group():
        return None
    match = found[0]
    cell = _cell(match.group(), heading_start + match.start())
    if cell.figure is None:
        return None
    currencies = {c.figure.currency for c in cells if c.figure is not None}
    if _TOTAL_WORD.search(heading) is None or _PART_WORD.search(heading) or currencies - {cell.figure.currency}:
        return None
    return cell


def _cell(text: str, start: int) -> Cell:
    content = text.strip().strip("*_")
    offset = text.find(content) if content else 0
    missing = content.lower() in _MISSING
    return Cell(content, start + offset, start + offset + len(content), None if missing else read_figure(content), missing)


def _split(prose: str, start: int, end: int) -> list[Cell]:
    """A line cut into cells at runs of two or more spaces, at tabs or at leader dots."""
    cells = []
    position = start
    line = prose[start:end]
    leading = len(line) - len(line.lstrip())
    position = start + leading
    for match in _CELL_BREAK.finditer(prose, position, end):
        if match.start() > position:
            cells.append(_cell(prose[position:match.start()], position))
        position = match.end()
    if position < end and prose[position:end].strip():
        cells.append(_cell(prose[position:end].rstrip(), position))
    return cells


def _aligned_table(prose: str, lines: list[tuple[int, int]], header_lines: list[tuple[int, int]] | None = None) -> Table | None:
    """A column-aligned table: a header line, then body lines of a label and figures, all of one width.

    With ``header_lines`` (the lines above a rule), those are the header, however many, and ``lines`` is the body."""
    rows = [_split(prose, s, e) for s, e in lines]
    first, body = (rows[0], rows[1:]) if header_lines is None else ([], rows)
    width = len(body[0])
    if width < 2 or any(len(row) != width for row in body):
        return None
    if _numbered(body):
        body = [[replace(row[0], figure=None), *row[1:]] for row in body]
    for row in body:
        if row[0].figure is not None or any(cell.figure is None and not cell.missing for cell in row[1:]):
            return None  # a body row is a label, then figures
    if header_lines is not None:
        header = _stacked_header(prose, header_lines, [line[0] for line in lines], body)
        return Table(header, tuple(tuple(row) for row in body), "text") if header is not None else None
    header_line = lines[0]
    indented = prose[prose.rfind("\n", 0, header_line[0]) + 1:header_line[0] + 1][:1].isspace()
    if len(first) == width - 1 and indented:  # "          Q1     Q2     Total": no label cell
        first = [Cell("", header_line[0], header_line[0], None, True), *first]
    if len(first) != width:
        return None
    headed = all(cell.figure is None or _YEAR.fullmatch(cell.text) for cell in first[1:])
    if not headed:
        if first[0].figure is not None or any(cell.figure is None and not cell.missing for cell in first[1:]):
            return None
        body = [first, *body]
        first = [Cell("", header_line[0], header_line[0], None, True) for _ in range(width)]
    return Table(tuple(first), tuple(tuple(row) for row in body), "text")


def _stacked_header(prose: str, header_lines: list[tuple[int, int]], body_starts: list[int], body: list[list[Cell]]) -> tuple[Cell, ...] | None:
    """The header of a table whose column headings are stacked over several lines ("Avg price" over "Oct 2025"),
    one heading per body column: each heading cell goes to the columns whose cells it overlaps, by position on the
    line (one heading may span several), and a column's pieces are joined top to bottom. None when a heading cell
    overlaps no column, or two of one line fall in one column: the columns are not where the header says."""
    width = len(body[0])
    rows = list(zip(body, body_starts))
    spans = [(min(row[k].start - line for row, line in rows), max(row[k].end - line for row, line in rows)) for k in range(width)]
    pieces: list[list[Cell]] = [[] for _ in range(width)]
    for start, end in header_lines:
        taken: set[int] = set()
        for cell in _split(prose, start, end):
            if cell.figure is not None and not _YEAR.fullmatch(cell.text):
                return None  # a heading is words or a year
            lo, hi = cell.start - start, cell.end - start
            # A heading over several columns ("--- Average rent ---" over two) heads each of them.
            columns = [k for k, (a, b) in enumerate(spans) if min(hi, b) > max(lo, a)]
            if not columns or taken.intersection(columns):
                return None
            taken.update(columns)
            for column in columns:
                pieces[column].append(cell)
    if not pieces[1:] or any(not column for column in pieces[1:]):
        return None  # every column of figures has a heading
    first = header_lines[0][0]
    return tuple(
        Cell(" ".join(cell.text.strip("-=_ ") for cell in column), column[0].start, column[-1].end, None, False)
        if column
        else Cell("", first, first, None, True)
        for column in pieces
    )


def _numbered(body: list[list[Cell]]) -> bool:
    """Whether the first cells of the rows number them 1, 2, 3 ... (a resolution's or an item's number): labels, not figures."""
    return len(body) >= 3 and all(row[0].text == str(index) for index, row in enumerate(body, 1))
