"""factlint's diagnostics as LSP diagnostics: ranges in the client's units, related places, rule links."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from checker.finding import Diagnostic
from checker.lsp.corpus import Corpus
from checker.lsp.positions import Lines, Units

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def path_to_uri(path: str) -> str:
    return Path(path).resolve().as_uri()


def uri_to_path(uri: str) -> str | None:
    """The display path of a ``file:`` URI (None for other schemes: unsaved buffers)."""
    from pygls.uris import to_fs_path

    from checker.sources import display_path

    if not uri.startswith("file:"):
        return None
    local = to_fs_path(uri)
    return display_path(Path(local)) if local else None


class Converter:
    """Offsets and positions of the corpus's documents in the client's units."""

    def __init__(self, corpus: Corpus, units: Units) -> None:
        self.corpus = corpus
        self.units = units
        self._lines: dict[str, Lines] = {}

    def lines(self, path: str) -> Lines | None:
        text = self.corpus.text(path)
        if text is None:
            return None
        known = self._lines.get(path)
        if known is None or known.text is not text:
            known = self._lines[path] = Lines(text)
        return known

    def range(self, path: str, start: int, end: int) -> types.Range:
        """The range of a span of character offsets."""
        lines = self.lines(path)
        if lines is None:  # Word and PDF: no editor text; the sheet's own line index
            sheet = self.corpus.sheets.get(path)
            if sheet is None:
                return types.Range(types.Position(0, 0), types.Position(0, 0))
            (l1, c1), (l2, c2) = sheet.position(start), sheet.position(end)
            return types.Range(types.Position(l1 - 1, c1 - 1), types.Position(l2 - 1, c2 - 1))
        return types.Range(types.Position(*lines.position(start, self.units)), types.Position(*lines.position(end, self.units)))

    def range_of(self, path: str, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        """The range of 1-based lines and columns in code points."""
        lines = self.lines(path)
        if lines is None:
            return types.Range(types.Position(line - 1, column - 1), types.Position(end_line - 1, end_column - 1))
        return self.range(path, lines.offset_of(line, column), lines.offset_of(end_line, end_column))

    def offset(self, path: str, position: types.Position) -> int | None:
        lines = self.lines(path)
        return None if lines is None else lines.offset(position.line, position.character, self.units)

    def diagnostic(self, d: Diagnostic) -> types.Diagnostic:
        """One factlint diagnostic for the client."""
        message = d.message
        if d.location:
            message += f" ({d.location})"
        if d.confidence != "high":
            message += f" [{d.confidence} confidence]"
        if d.evidence:
            message += f"\n{d.evidence}"
        related = [
            types.DiagnosticRelatedInformation(
                types.Location(path_to_uri(r.path), self.range_of(r.path, r.line, r.column, r.end_line, r.end_column)),
                r.message or "related",
            )
            for r in d.related
        ]
        data: dict[str, object] = {"rule": d.rule, "name": d.name, "confidence": d.confidence}
        if d.fix is not None:
            data["fix"] = d.fix.applicability
        return types.Diagnostic(
            range=self.range(d.path, d.start, d.end),
            message=message,
            severity=SEVERITY[d.severity],
            code=d.rule,
            code_description=rule_description(d.rule),
            source="factlint",
            related_information=related or None,
            data=data,
        )


_DOCS: dict[str, types.CodeDescription | None] = {}


def rule_description(code: str) -> types.CodeDescription | None:
    """A link to the rule's documentation: ``factlint rule CODE``'s text, written once to the user cache directory."""
    if code in _DOCS:
        return _DOCS[code]
    from checker import __version__
    from checker.files import cache_dir, write_atomic
    from checker.registry import by_code
    from checker.ruledoc import render_rule

    description = None
    rule = by_code().get(code)
    if rule is not None:
        target = Path(cache_dir()) / "rules" / __version__ / f"{code}.txt"
        text = render_rule(rule).encode("utf-8")
        try:
            if not target.is_file() or target.read_bytes() != text:
                target.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(target, text, durable=False)
            description = types.CodeDescription(href=target.as_uri())
        except OSError:
            description = None
    _DOCS[code] = description
    return description
