"""Report formats, one module each, reached through ``FORMATTERS``.

Each module exposes ``render(result, stream, settings, color, quiet) -> None``.
"""

from __future__ import annotations

import importlib
import re
from typing import TextIO

# C0 controls but tab, DEL, C1 controls, bidi controls and marks, and lone surrogates (undecodable
# bytes of a file name): anything that could drive a terminal or CI log, or reorder what it shows.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` safe for a terminal: control and bidi characters as ``\\x1b`` / ``\\u202e``.

    Used for every piece of document text or path written to a terminal or
    log (the full, concise and github formats, and the CLI's messages).
    Text without such characters is returned unchanged.
    """
    text = str(text)
    if _UNPRINTABLE.search(text) is None:
        return text
    return _UNPRINTABLE.sub(_escape, text)


FORMATTERS = {
    "full": "checker.formatters.full",
    "concise": "checker.formatters.concise",
    "json": "checker.formatters.json",
    "sarif": "checker.formatters.sarif",
    "github": "checker.formatters.github",
    "html": "checker.formatters.html",
}


def render(fmt: str, result, stream: TextIO, settings=None, color: bool = False, quiet: bool = False) -> None:
    """Write ``result`` to ``stream`` in format ``fmt``."""
    module = importlib.import_module(FORMATTERS[fmt])
    module.render(result, stream, settings=settings, color=color, quiet=quiet)


def summary(result) -> dict:
    """Counts shared by the formats' summaries."""
    from collections import Counter

    by_severity = Counter(d.severity for d in result.diagnostics)
    by_rule = Counter(d.rule for d in result.diagnostics)
    return {
        "findings": len(result.diagnostics),
        "errors": by_severity.get("error", 0),
        "warnings": by_severity.get("warning", 0),
        "info": by_severity.get("info", 0),
        "by_rule": dict(sorted(by_rule.items())),
        "documents": result.stats.get("documents", 0),
        "formats": dict(sorted(Counter(sheet.format for sheet in getattr(result, "sheets", ()) if sheet.in_scope).items())),
        "corpus_documents": result.stats.get("corpus_documents", 0),
        "claims_checked": result.stats.get("claims_checked", 0),
        "claims_inconsistent": result.stats.get("claims_inconsistent", 0),
        "skipped": [{"path": n.path, "reason": n.message} for n in result.notices],
    }


FORMAT_NAMES = {"text": "plain text", "markdown": "Markdown", "html": "HTML", "docx": "Word", "pdf": "PDF"}


def documents_phrase(counts: dict) -> str:
    """``3 documents (2 Markdown, 1 PDF)``: how many documents of each format were checked."""
    total = sum(counts["formats"].values()) or counts["documents"]
    each = ", ".join(f"{n} {FORMAT_NAMES.get(name, name)}" for name, n in counts["formats"].items())
    return f"{total} document{'s' if total != 1 else ''}" + (f" ({each})" if each else "")


def edits_json(diagnostic, sheets_by_path) -> dict | None:
    """A fix as JSON: applicability, message and edits with offsets and positions."""
    fix = diagnostic.fix
    if fix is None:
        return None
    sheet = sheets_by_path.get(diagnostic.path)
    edits = []
    for edit in fix.edits:
        item = {"start": edit.start, "end": edit.end, "content": edit.replacement}
        if sheet is not None:
            line, column = sheet.position(edit.start)
            end_line, end_column = sheet.position(edit.end)
            item.update(line=line, column=column, end_line=end_line, end_column=end_column)
        edits.append(item)
    return {"applicability": fix.applicability, "message": fix.message, "edits": edits}
