"""Markdown pipe tables read into rows of cells, each cell's figure with its rounding.

The Markdown reader labels each pipe table a ``table`` block (a header row, a
delimiter row such as ``|---|---:|``, then body rows) and never labels code
blocks, so tables shown inside code are not read. The cells are read from the
document's text, not its prose view, which blanks the pipes.

A cell's figure is read as written: ``1,234``, ``$5.3``, ``(12.0)`` (a
negative), ``-4``, ``12%``, ``$1.2m``, ``16 bytes``; ``—``, ``-``, ``n/a`` or an empty cell
is missing. Each figure carries the interval its written precision stands for.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.document import Document
from checker.intervals import Interval, rounding
from checker.patterns import LazyPattern

_DELIMITER = LazyPattern(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_FIGURE = LazyPattern(
    r"(?P<open>\()?\s*(?P<sign>[-\u2212\u2013+])?\s*(?P<currency>[$\u20ac\u00a3\u00a5])?\s*"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*"
    r"(?P<scale>(?:thousand|million|billion|bn|[kKmMbB])(?![A-Za-z]))?\s*(?P<percent>%)?\s*(?P<close>\))?\s*"
    r"(?P<unit>[A-Za-z]{2,12})?\s*"
)
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
_MISSING = frozenset({"", "-", "\u2013", "\u2014", "n/a", "na", "n.a.", "nm", "n.m.", "\u2026", "..."})
# Emphasis and footnote marks around a cell's content: "**Total**", "12.0*".
_DECORATION = "*_ \t"


@dataclass(frozen=True, slots=True)
class Figure:
    """A cell's number as written: its value in units, its rounding interval and its unit."""

    value: float
    interval: Interval
    decimals: int
    currency: str  # the currency symbol or unit word written with the figure ("$", "bytes"), or ""
    percent: bool


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its text (stripped), its offsets in the document's text, its figure if any."""

    text: str
    start: int
    end: int
    figure: Figure | None
    missing: bool


@dataclass(frozen=True, slots=True)
class Table:
    """A pipe table: the header cells and the body rows (the delimiter row left out)."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    kind: str = "pipe"  # "pipe" (Markdown), "list" (labelled figures), "list-lead" (a list whose lead-in states the total), "text"


def read_figure(text: str) -> Figure | None:
    """The figure a cell's text states, or None when it is not one figure."""
    match = _FIGURE.fullmatch(text)
    if match is None or bool(match["open"]) != bool(match["close"]):
        return None
    number = match["number"]
    decimals = len(number.split(".")[1]) if "." in number else 0
    scale = _SCALES.get((match["scale"] or "").lower(), 1.0)
    value = float(number.replace(",", "")) * scale
    interval = rounding(value, decimals, scale)
    if match["open"] or match["sign"] in ("-", "\u2212", "\u2013"):
        value, interval = -value, -interval
    unit = (match["unit"] or "").lower()
    return Figure(value, interval, decimals, match["currency"] or unit.removesuffix("s"), bool(match["percent"]))


def _cell(text: str, start: int, end: int) -> Cell:
    stripped_start = start
    while stripped_start < end and text[stripped_start] in _DECORATION:
        stripped_start += 1
    stripped_end = end
    while stripped_end > stripped_start and text[stripped_end - 1] in _DECORATION:
        stripped_end -= 1
    content = text[stripped_start:stripped_end]
    missing = content.lower() in _MISSING
    figure = None if missing else read_figure(content)
    if stripped_start == stripped_end:
        stripped_start, stripped_end = start, end
    return Cell(content, stripped_start, stripped_end, figure, missing)


def _cells(text: str, start: int, end: int) -> tuple[Cell, ...]:
    """The cells of the row ``text[start:end]``, split at pipes not escaped or in inline code."""
    bounds: list[int] = []
    in_code = False
    index = start
    while index < end:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "`":
            in_code = not in_code
        elif char == "|" and not in_code:
            bounds.append(index)
        index += 1
    edges = [start - 1, *bounds, end]
    cells = [(edges[i] + 1, edges[i + 1]) for i in range(len(edges) - 1)]
    if cells and not text[cells[0][0] : cells[0][1]].strip() and bounds and not text[start : bounds[0]].strip():
        cells = cells[1:]  # the leading pipe
    if cells and not text[cells[-1][0] : cells[-1][1]].strip() and bounds and not text[bounds[-1] + 1 : end].strip():
        cells = cells[:-1]  # the trailing pipe
    return tuple(_cell(text, s, e) for s, e in cells)


def tables(doc: Document) -> list[Table]:
    """The pipe tables of a Markdown document, outside code blocks."""
    if doc.format != "markdown" or "|" not in doc.text:
        return []
    text = doc.text
    out: list[Table] = []
    for block in doc.paragraphs:
        if block.kind != "table":
            continue
        line_start = max(text.rfind("\n", 0, block.start), text.rfind("\r", 0, block.start)) + 1
        lines: list[tuple[int, int]] = []
        position = line_start
        while position < block.end:
            newline = text.find("\n", position)
            end = len(text) if newline < 0 else newline
            lines.append((position, end - 1 if end > position and text[end - 1] == "\r" else end))
            position = end + 1
        if len(lines) < 2 or not _DELIMITER.match(text, lines[1][0], lines[1][1]):
            continue
        header = _cells(text, *lines[0])
        rows = tuple(_cells(text, s, e) for s, e in lines[2:] if text[s:e].strip())
        out.append(Table(header, rows))
    return out
