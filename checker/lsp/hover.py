"""Hover on a flagged span: what the rule saw and computed."""

from __future__ import annotations

from lsprotocol import types

from checker.lsp.convert import Converter
from checker.lsp.corpus import Corpus


def hover(corpus: Corpus, convert: Converter, path: str, offset: int) -> types.Hover | None:
    """The findings whose span holds ``offset``, each with its evidence, as Markdown."""
    found = [d for d in corpus.diagnostics(path) if d.start <= offset <= d.end]
    if not found:
        return None
    parts = []
    for d in found:
        lines = [f"**{d.rule}** `{d.name}` ({d.severity}, {d.confidence} confidence): {_escape(d.message)}"]
        if d.evidence:
            lines.append(f"```text\n{d.evidence}\n```")
        if d.fix is not None and d.fix.message:
            lines.append(f"fix ({d.fix.applicability}): {_escape(d.fix.message)}")
        if d.related:
            lines.append(f"{len(d.related)} related place{'s' if len(d.related) != 1 else ''}: " + "; ".join(
                f"{r.path}:{r.line}" + (f" {_escape(r.message)}" if r.message else "") for r in d.related[:5]
            ) + ("; ..." if len(d.related) > 5 else ""))
        parts.append("\n\n".join(lines))
    first = min(found, key=lambda d: d.start)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
        range=convert.range(path, first.start, max(d.end for d in found)),
    )


def _escape(text: str) -> str:
    """Text shown literally in Markdown."""
    return "".join("\\" + char if char in "\\`*_[]<>#|" else char for char in text)
