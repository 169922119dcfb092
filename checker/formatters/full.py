"""``full`` (default): each finding with its source line, caret underline,
evidence and related places, then a summary by rule.
"""

from __future__ import annotations

from pathlib import Path

from checker.formatters import documents_phrase, printable, stale_phrase, summary

_COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render(result, stream, settings=None, color=False, quiet=False) -> None:
    paint = (lambda code, text: f"{code}{text}{_RESET}") if color else (lambda code, text: text)
    lines_cache: dict[str, list[str]] = {}
    for d in result.diagnostics:
        head = f"{paint(_BOLD, f'{printable(d.path)}:{d.line}:{d.column}:')} {paint(_COLORS[d.severity], d.rule)} {printable(d.message)}"
        sure = "" if d.confidence == "high" else f", {d.confidence} confidence"
        stream.write(head + f" [{d.severity}{sure}]\n")
        if getattr(d, "location", None):
            stream.write(f"      = at: {printable(d.location)}\n")
        source = _line(lines_cache, d.path, d.line, getattr(result, "in_memory", {}))
        if source is not None:
            gutter = f"{d.line:>5} | "
            shown = source.replace("\t", " ")
            width = (d.end_column - d.column) if d.end_line == d.line else len(shown) - d.column + 1
            width = max(1, min(width, _WINDOW))
            shown, column = _window(shown, d.column - 1, width)
            # Escape control characters; the caret follows the escaped text.
            span = shown[column : column + width]
            before, under = printable(shown[:column]), printable(span)
            shown, column, width = before + under + printable(shown[column + width :]), len(before), width + len(under) - len(span)
            stream.write(f"{gutter}{shown}\n")
            stream.write(" " * (len(gutter) - 2) + "| " + " " * column + paint(_COLORS[d.severity], "^" * width) + "\n")
        if d.evidence:
            stream.write(f"      = evidence: {printable(d.evidence)}\n")
        for r in d.related:
            note = f": {printable(r.message)}" if r.message else ""
            stream.write(f"      = related: {printable(r.path)}:{r.line}:{r.column}{note}\n")
        if d.fix is not None and d.fix.message:
            kind = {"safe": "fix", "unsafe": "unsafe fix", "display": "suggestion"}[d.fix.applicability]
            stream.write(f"      = {kind}: {printable(d.fix.message)}\n")
        stream.write("\n")
    if quiet:
        return
    s = summary(result)
    if s["findings"]:
        stream.write(paint(_BOLD, f"Found {s['findings']} finding{'s' if s['findings'] != 1 else ''}") +
                     f" ({s['errors']} error, {s['warnings']} warning, {s['info']} info) in {documents_phrase(s)}.\n")
        for code, count in s["by_rule"].items():
            name = next(d.name for d in result.diagnostics if d.rule == code)  # a rule's own name
            stream.write(f"  {count:>5}  {code} {name}\n")
    else:
        stream.write(f"All clear: no findings in {documents_phrase(s)}.\n")
    if any(rule.category == "numbers" for rule in result.rules):
        stream.write(f"Checked {s['claims_checked']} numeric claim{'s' if s['claims_checked'] != 1 else ''}, "
                     f"{s['claims_inconsistent']} inconsistent.\n")
    if result.stats.get("baselined"):
        known = result.stats["baselined"]
        stream.write(f"{known} known finding{'s' if known != 1 else ''} not shown: in the baseline.\n")
    stale = stale_phrase(result)
    if stale:
        stream.write(f"{stale}:\n")
        for entry in result.baseline["stale"]:
            times = f" ({entry['count']}\u00d7)" if entry["count"] > 1 else ""
            stream.write(f"  {printable(entry['path'])}: {entry['rule']} \"{printable(entry['text'])}\"{times}\n")
    if result.stats.get("below_confidence"):
        low = result.stats["below_confidence"]
        stream.write(f"{low} finding{'s' if low != 1 else ''} not shown: below --min-confidence.\n")
    if result.stats.get("fixed_documents"):
        stream.write(f"Fixed {result.stats['fixed_documents']} document(s).\n")
    if s["skipped"]:
        stream.write(f"Skipped {len(s['skipped'])} file(s) that could not be checked (see messages on stderr).\n")


_WINDOW = 100


def _window(line: str, column: int, width: int) -> tuple[str, int]:
    """Cut a long line to about _WINDOW characters around the finding (0-based column)."""
    if len(line) <= _WINDOW + 20:
        return line, column
    start = max(0, min(column - 30, len(line) - _WINDOW))
    end = min(len(line), start + _WINDOW)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(line) else ""
    return prefix + line[start:end] + suffix, column - start + len(prefix)


def _line(cache: dict[str, list[str]], path: str, line: int, in_memory: dict[str, bytes]) -> str | None:
    if path not in cache:
        # The findings come sorted by path: only the document being printed is held, not every one printed.
        cache.clear()
        try:
            from checker.readers import BINARY_FORMATS, decode, format_for, read_document, sniff

            data = in_memory[path] if path in in_memory else Path(path).read_bytes()
            if sniff(data, format_for(path)) in BINARY_FORMATS:  # Word, PDF: the "lines" are the reader's
                document = read_document(path, data)[0]
                cache[path] = [document.line_text(n) for n in range(1, len(document.line_starts) + 1)]
            else:
                cache[path] = _split(decode(data, text_format=True).text)
        except Exception:
            cache[path] = []
    lines = cache[path]
    return lines[line - 1] if 0 < line <= len(lines) else None


def _split(text: str) -> list[str]:
    from checker.document import LINE_BREAK

    return LINE_BREAK.split(text)
