"""A document's text as HTML for the ``html`` report: numbered lines, findings marked in place.

Every character of the document is escaped; control, bidi and undecodable
characters are shown as visible ``\\u202e``-style tokens, so a hostile
document can neither break the page nor reorder what it shows.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Characters that must not reach the page as they are: C0 controls but tab, DEL, C1 controls, bidi
# controls and marks, lone surrogates (cannot be written as UTF-8), and noncharacters.
_HIDDEN = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_TRAILING_BREAK = re.compile(r"(?:\r\n|\r|\n)\Z")
# A document longer than this shows only the lines around its marks.
FULL_TEXT_LIMIT = 200_000
CONTEXT_LINES = 3


def _token(match: re.Match[str]) -> str:
    if match.group() in "\r\n":
        return '<span class="cc" title="line break">\u21b5</span>'
    code = ord(match.group())
    name = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return f'<span class="cc" title="U+{code:04X}">{name}</span>'


def text(value: object) -> str:
    """Any string for an element's content or an attribute value: escaped, controls made visible as text."""
    escaped = html.escape(str(value), quote=True)
    if _HIDDEN.search(escaped) is None:
        return escaped
    return _HIDDEN.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", escaped)


def source(value: str) -> str:
    """Document text for the page: escaped, controls shown as marked tokens."""
    escaped = html.escape(value, quote=False)
    if _HIDDEN.search(escaped) is None:
        return escaped
    return _HIDDEN.sub(_token, escaped)


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to highlight: a finding (``related`` False) or one of its related places."""

    start: int
    end: int
    finding: str  # the finding's element id
    severity: str
    related: bool = False
    title: str = ""


def render_text(doc_id: str, body: str, starts: list[int], marks: list[Mark]) -> str:
    """``body`` as a ``<pre>`` of numbered lines (ids ``{doc_id}L{n}``) with ``marks`` highlighted."""
    length = len(body)
    starts = starts or [0]
    cuts: set[int] = {0, length}
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    points: dict[int, list[int]] = {}  # zero-width marks (at a line end, say)
    for index, mark in enumerate(marks):
        start = max(0, min(mark.start, length))
        end = max(start, min(mark.end, length))
        if end == start and start < length and body[start] not in "\r\n":
            end = start + 1
        if end == start:
            points.setdefault(start, []).append(index)
            cuts.add(start)
            continue
        opening.setdefault(start, []).append(index)
        closing.setdefault(end, []).append(index)
        cuts.update((start, end))
    visible = _visible_lines(body, starts, marks)
    out = ['<pre class="text">']
    active: dict[int, None] = {}
    ordered = sorted(cuts)
    cursor = 0  # index into ordered
    previous_shown = 0
    for number, line_start in enumerate(starts, 1):
        line_end = starts[number] if number < len(starts) else length
        content_end = line_end - len(m.group()) if (m := _TRAILING_BREAK.search(body, line_start, line_end)) else line_end
        # Keep the set of open marks in step for the lines skipped or shown.
        shown = visible is None or number in visible
        if shown and visible is not None and number - previous_shown > 1:
            out.append(f'<span class="gap">\u22ef {number - previous_shown - 1} lines \u22ef</span>')
        if shown:
            previous_shown = number
            out.append(f'<span class="l" id="{doc_id}L{number}" data-n="{number}">')
        position = line_start
        while cursor < len(ordered) and ordered[cursor] < line_start:
            cursor += 1
        while True:
            for index in closing.get(position, ()):
                active.pop(index, None)
            for index in opening.get(position, ()):
                active[index] = None
            if shown and position in points and position < content_end:
                out.append(_mark("", [marks[i] for i in points[position]], point=True))
            while cursor < len(ordered) and ordered[cursor] <= position:
                cursor += 1
            following = ordered[cursor] if cursor < len(ordered) else length
            stop = min(following, line_end)
            if shown and position < content_end:
                piece = source(body[position : min(stop, content_end)])
                out.append(_mark(piece, [marks[i] for i in active]) if active else piece)
            if stop >= line_end or stop <= position:
                break
            position = stop
        if shown and content_end in points:
            out.append(_mark("", [marks[i] for i in points[content_end]], point=True))
        if shown:
            out.append("</span>")  # each line is a block: no line break between them
    if visible is not None and previous_shown < len(starts):
        out.append(f'<span class="gap">\u22ef {len(starts) - previous_shown} lines \u22ef</span>')
    out.append("</pre>")
    return "".join(out)


def _mark(content: str, covering: list[Mark], point: bool = False) -> str:
    ids = " ".join(dict.fromkeys(m.finding for m in covering))
    primary = [m for m in covering if not m.related]
    rank = {"error": 2, "warning": 1, "info": 0}
    if primary:
        severity = max((m.severity for m in primary), key=lambda s: rank.get(s, 0))
        kind = f"hl sev-{severity}"
    else:
        kind = "rel"
    if point:
        kind += " pt"
    title = "\n".join(dict.fromkeys(m.title for m in covering if m.title))
    return f'<mark class="{kind}" data-f="{ids}" title="{text(title)}">{content}</mark>'


def _visible_lines(body: str, starts: list[int], marks: list[Mark]) -> set[int] | None:
    """None (every line) for a document of ordinary length, else the lines around its marks."""
    if len(body) <= FULL_TEXT_LIMIT:
        return None
    import bisect

    lines: set[int] = set()
    for mark in marks:
        first = bisect.bisect_right(starts, mark.start)
        last = bisect.bisect_right(starts, max(mark.start, mark.end - 1))
        lines.update(range(max(1, first - CONTEXT_LINES), min(len(starts), last + CONTEXT_LINES) + 1))
    return lines


def fix_preview(body: str, start: int, end: int, replacement: str, width: int = 40) -> str:
    """One edit on its own line: the text around it with the old text struck out and the new one inserted."""
    start, end = max(0, min(start, len(body))), max(0, min(max(start, end), len(body)))
    line_start = max(body.rfind("\n", 0, start), body.rfind("\r", 0, start)) + 1
    breaks = [i for i in (body.find("\n", end), body.find("\r", end)) if i >= 0]
    line_end = min(breaks) if breaks else len(body)
    before, after = body[max(line_start, start - width) : start], body[end : min(line_end, end + width)]
    lead = "\u2026" if start - width > line_start else ""
    tail = "\u2026" if end + width < line_end else ""
    old = f"<del>{source(body[start:end])}</del>" if end > start else ""
    if replacement and not replacement.strip(" "):  # a space alone would not show
        shown = "\u2423" * len(replacement)
        new = f'<ins title="{len(replacement)} space(s)">{shown}</ins>'
    else:
        new = f"<ins>{source(replacement)}</ins>" if replacement else ""
    return f"{lead}{source(before)}{old}{new}{source(after)}{tail}"
