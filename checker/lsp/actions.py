"""Code actions on factlint's diagnostics: the rule's fix, "disable for this line", "add to the vocabulary"."""

from __future__ import annotations

import os.path
import re
from pathlib import Path

from lsprotocol import types

from checker.finding import Diagnostic
from checker.lsp.convert import Converter, path_to_uri
from checker.lsp.corpus import Corpus
from checker.lsp.positions import Lines, Units
from checker.lsp.vocabulary import add_accept, add_prefer, new_config

# Formats whose comments carry suppression directives (checker.suppress); plain text has none.
_COMMENT_FORMATS = ("markdown", "html")
_DIRECTIVE_END = re.compile(r"\s*-->$")


def code_actions(corpus: Corpus, convert: Converter, path: str, start: int, end: int, create_files: bool = False) -> list[types.CodeAction]:
    """The actions for the diagnostics of ``path`` that touch the offsets ``start``-``end``."""
    out: list[types.CodeAction] = []
    seen: set[str] = set()
    for d in corpus.diagnostics(path):
        if d.end < start or d.start > end:
            continue
        diagnostic = convert.diagnostic(d)
        for action in (_fix(corpus, convert, d), _disable_line(corpus, convert, d), *_vocabulary(corpus, convert, d, create_files)):
            if action is not None and action.title not in seen:
                seen.add(action.title)
                action.diagnostics = [diagnostic]
                out.append(action)
    return out


def _edit(corpus: Corpus, uri: str, path: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    """Edits of one document, tied to the version they were computed for when the editor has it open."""
    entry = corpus.open.get(path)
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=entry.version if entry else None)
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=list(edits))])


def _fix(corpus: Corpus, convert: Converter, d: Diagnostic) -> types.CodeAction | None:
    if d.fix is None or d.fix.applicability == "display" or corpus.text(d.path) is None:
        return None
    edits = [types.TextEdit(convert.range(d.path, e.start, e.end), e.replacement) for e in d.fix.edits]
    title = d.fix.message or f"Fix {d.rule}"
    safe = d.fix.applicability == "safe"
    return types.CodeAction(
        title=f"{title} ({d.rule})" if safe else f"{title} ({d.rule}, unsafe fix: check the result)",
        kind=types.CodeActionKind.QuickFix,
        is_preferred=safe,
        edit=_edit(corpus, path_to_uri(d.path), d.path, edits),
    )


def _disable_line(corpus: Corpus, convert: Converter, d: Diagnostic) -> types.CodeAction | None:
    sheet = corpus.sheets.get(d.path)
    lines = convert.lines(d.path)
    if sheet is None or lines is None or sheet.format not in _COMMENT_FORMATS:
        return None
    existing = next((x for x in sheet.directives if x.kind == "disable-line" and x.line == d.line), None)
    if existing is not None:
        if not existing.codes:
            return None  # it disables every rule already
        comment = lines.text[existing.start : existing.end]
        inner = _DIRECTIVE_END.search(comment)
        at = existing.start + (inner.start() if inner else len(comment))
        span, insert = (at, at), f" {d.rule}"
    else:
        at = lines.line_end(d.line - 1)
        span, insert = (at, at), f" <!-- factlint-disable-line {d.rule} -->"
    edit = types.TextEdit(convert.range(d.path, *span), insert)
    return types.CodeAction(
        title=f"Disable {d.rule} ({d.name}) for this line",
        kind=types.CodeActionKind.QuickFix,
        edit=_edit(corpus, path_to_uri(d.path), d.path, [edit]),
    )


def _vocabulary(corpus: Corpus, convert: Converter, d: Diagnostic, create_files: bool) -> list[types.CodeAction | None]:
    """Accept the flagged name, or prefer one of its two forms, in the configuration's vocabulary."""
    text = corpus.text(d.path)
    if d.category != "names" or text is None:
        return []
    term = text[d.start : d.end].strip()
    if not term or "\n" in term or len(term) > 100:
        return []
    others = {e.replacement for e in d.fix.edits} if d.fix is not None else set()
    other = others.pop() if len(others) == 1 else None
    config = corpus.config_path
    if config is not None:
        try:
            current = config.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return []
        target, pyproject, exists = config, config.name == "pyproject.toml", True
    elif create_files:
        target, pyproject, exists = corpus.root / "factlint.toml", False, False
        current = new_config(pyproject)
    else:
        return []
    changes = [(f'Accept "{term}" in the vocabulary ({target.name})', add_accept(current, pyproject, term))]
    if other and other != term:
        changes.append((f'Prefer "{other}" over "{term}" in the vocabulary ({target.name})', add_prefer(current, pyproject, other, term)))
        changes.append((f'Prefer "{term}" over "{other}" in the vocabulary ({target.name})', add_prefer(current, pyproject, term, other)))
    return [_config_action(title, target, current if exists else "", new, exists, convert.units) for title, new in changes if new is not None]


def _config_action(title: str, target: Path, old: str, new: str, exists: bool, units: Units) -> types.CodeAction:
    uri = target.resolve().as_uri() if exists else target.as_uri()
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None)
    changes: list = []
    if exists:
        prefix = len(_common_prefix(old, new))
        suffix = len(_common_prefix(old[prefix:][::-1], new[prefix:][::-1]))
        lines = Lines(old)
        start = types.Position(*lines.position(prefix, units))
        end = types.Position(*lines.position(len(old) - suffix, units))
        edit = types.TextEdit(types.Range(start, end), new[prefix : len(new) - suffix])
    else:
        changes.append(types.CreateFile(uri=uri, options=types.CreateFileOptions(ignore_if_exists=True)))
        edit = types.TextEdit(types.Range(types.Position(0, 0), types.Position(0, 0)), new)
    changes.append(types.TextDocumentEdit(text_document=document, edits=[edit]))
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, edit=types.WorkspaceEdit(document_changes=changes))


def _common_prefix(a: str, b: str) -> str:
    return os.path.commonprefix([a, b])
