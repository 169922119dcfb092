"""``html``: one self-contained page (``-f html -o report.html``) a writer can read.

A summary by rule and by document, then each document's text with its
findings marked in place, each finding with its evidence, its related places
as links into the texts, and a preview of its fix; filters by rule, severity
and confidence. Styles and script are inline and the page's Content Security
Policy allows nothing else (no network, no other script), so it opens
offline from a CI artifact. Every piece of document text, path and message is
escaped (checker.formatters.html_text).
"""

from __future__ import annotations

import base64
import hashlib
import inspect
from collections import Counter
from importlib import resources
from pathlib import Path

from checker import __version__
from checker.formatters import FORMAT_NAMES, documents_phrase, summary
from checker.formatters.html_text import Mark, fix_preview, render_text, text

SEVERITIES = ("error", "warning", "info")
CONFIDENCES = ("high", "medium", "low")
_FIX_KIND = {"safe": "Fix (safe)", "unsafe": "Fix (unsafe: check it)", "display": "Suggestion"}
# At most this many edits of one fix are previewed.
_PREVIEW_EDITS = 5


def _asset(name: str) -> str:
    return resources.files("checker.formatters").joinpath(name).read_text(encoding="utf-8")


def _csp_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


class _Document:
    """A document shown in the report: its text (None when it cannot be read again) and line starts."""

    def __init__(self, ident: str, path: str, body: str | None, starts: list[int], location: bool) -> None:
        self.ident, self.path, self.body, self.starts, self.location = ident, path, body, starts, location
        self.marks: list[Mark] = []
        self.findings: list[str] = []

    def offset(self, line: int, column: int) -> int:
        if not self.starts or line < 1:
            return 0
        return self.starts[min(line, len(self.starts)) - 1] + column - 1


def _read(path: str, in_memory: dict[str, bytes]) -> tuple[str | None, list[int], bool]:
    from checker.readers import read_document

    try:
        data = in_memory[path] if path in in_memory else Path(path).read_bytes()
        document = read_document(path, data)[0]
    except Exception:  # gone or unreadable since the run: the findings are listed without text
        return None, [], False
    return document.text, list(document.line_starts), bool(document.locations)


def confidence_of(diagnostic) -> str:
    """The finding's confidence (high, medium or low)."""
    return diagnostic.confidence


def report(result) -> str:
    """The whole page for a run's result."""
    in_memory = getattr(result, "in_memory", {})
    documents: dict[str, _Document] = {}

    def document(path: str) -> _Document:
        if path not in documents:
            body, starts, location = _read(path, in_memory)
            documents[path] = _Document(f"d{len(documents) + 1}", path, body, starts, location)
        return documents[path]

    cards: dict[str, list[str]] = {}
    for number, d in enumerate(result.diagnostics, 1):
        ident = f"f{number}"
        doc = document(d.path)
        doc.findings.append(ident)
        title = f"{d.rule} {d.message}"
        doc.marks.append(Mark(d.start, d.end, ident, d.severity, False, title))
        related = []
        for r in d.related:
            target = document(r.path)
            start, end = target.offset(r.line, r.column), target.offset(r.end_line, r.end_column)
            target.marks.append(Mark(start, end, ident, d.severity, True, f"related to {d.rule}: {r.message or d.message}"))
            related.append((target, r))
        cards.setdefault(d.path, []).append(_card(ident, d, doc, related))
    return _page(result, documents, cards)


def _card(ident: str, d, doc: _Document, related) -> str:
    confidence = confidence_of(d)
    where = f"line {d.line}, column {d.column}" + (f" ({text(d.location)})" if d.location else "")
    head = [
        f'<span class="badge sev">{d.severity}</span>',
        f'<span class="badge conf">{confidence} confidence</span>' if confidence else "",
        f'<a class="code" href="#rule-{d.rule}">{text(d.rule)} {text(d.name)}</a>',
        f'<a class="where" href="#{doc.ident}L{d.line}">{where}</a>',
    ]
    parts = [
        f'<article class="finding sev-{d.severity}" id="{ident}" data-doc="{doc.ident}" data-rule="{text(d.rule)}" '
        f'data-severity="{d.severity}" data-confidence="{text(confidence)}">',
        f"<p>{' '.join(h for h in head if h)}</p>",
        f'<p class="msg">{text(d.message)}</p>',
    ]
    if d.evidence:
        parts.append(f'<p class="evidence"><b>Evidence:</b> {text(d.evidence)}</p>')
    if related:
        items = []
        for target, r in related:
            note = f": {text(r.message)}" if r.message else ""
            items.append(f'<li><a href="#{target.ident}L{r.line}">{text(r.path)}:{r.line}:{r.column}</a>{note}</li>')
        parts.append(f'<div class="related"><b>Related places:</b><ul>{"".join(items)}</ul></div>')
    if d.fix is not None:
        parts.append(_fix(d.fix, doc))
    parts.append("</article>")
    return "".join(parts)


def _fix(fix, doc: _Document) -> str:
    label = _FIX_KIND.get(fix.applicability, "Fix")
    out = [f'<div class="fix"><b>{label}:</b> {text(fix.message)}']
    if doc.body is not None:
        for edit in fix.edits[:_PREVIEW_EDITS]:
            out.append(f"<pre>{fix_preview(doc.body, edit.start, edit.end, edit.replacement)}</pre>")
        if len(fix.edits) > _PREVIEW_EDITS:
            out.append(f"<p>and {len(fix.edits) - _PREVIEW_EDITS} more edits</p>")
    out.append("</div>")
    return "".join(out)


def _filters(result) -> str:
    severities = Counter(d.severity for d in result.diagnostics)
    confidences = Counter(confidence_of(d) for d in result.diagnostics)
    rules = Counter(d.rule for d in result.diagnostics)
    names = {d.rule: d.name for d in result.diagnostics}

    def box(kind: str, value: str, label: str, count: int) -> str:
        return f'<label><input type="checkbox" data-filter="{kind}" value="{text(value)}" checked> {label} ({count})</label>'

    groups = [
        ("Severity", [box("severity", s, s, severities[s]) for s in SEVERITIES if severities[s]]),
        ("Confidence", [box("confidence", c, c, confidences[c]) for c in CONFIDENCES if confidences[c]]),
        ("Rule", [box("rule", code, f'<span title="{text(names[code])}">{text(code)}</span>', n) for code, n in sorted(rules.items())]),
    ]
    fieldsets = "".join(f"<fieldset><legend>{legend}</legend>{''.join(items)}</fieldset>" for legend, items in groups if items)
    total = len(result.diagnostics)
    return f'<form class="filters" id="filters"><span class="counter">Showing <b id="shown">{total}</b> of {total}</span>{fieldsets}</form>'


def _summary_tables(result, documents: dict[str, _Document]) -> str:
    rules = {rule.code: rule for rule in result.rules}
    by_rule: dict[str, Counter] = {}
    for d in result.diagnostics:
        by_rule.setdefault(d.rule, Counter())[d.severity] += 1
    rule_rows = []
    for code in sorted(by_rule):
        rule = rules.get(code)
        name = rule.name if rule else next(d.name for d in result.diagnostics if d.rule == code)
        about = rule.summary() if rule else ""
        counts = by_rule[code]
        rule_rows.append(
            f'<tr><td><a href="#rule-{text(code)}">{text(code)}</a></td><td>{text(name)}</td><td class="n">{sum(counts.values())}</td>'
            f"<td>{text(about)}</td></tr>"
        )
    doc_rows = []
    per_doc: dict[str, Counter] = {}
    for d in result.diagnostics:
        per_doc.setdefault(d.path, Counter())[d.severity] += 1
    for path, counts in per_doc.items():
        doc = documents[path]
        cells = "".join(f'<td class="n">{counts[s] or ""}</td>' for s in SEVERITIES)
        doc_rows.append(f'<tr data-doc="{doc.ident}"><td><a href="#{doc.ident}">{text(path)}</a></td>{cells}</tr>')
    heads = "".join(f"<th>{s}</th>" for s in SEVERITIES)
    rule_heads = "<th>Rule</th><th>Name</th><th>Findings</th><th>What it reports</th>"
    return (
        '<div class="summary">'
        f'<div><h2 id="by-rule">By rule</h2><table><tr>{rule_heads}</tr>{"".join(rule_rows)}</table></div>'
        f'<div><h2 id="by-document">By document</h2><table><tr><th>Document</th>{heads}</tr>{"".join(doc_rows)}</table></div>'
        "</div>"
    )


def _rule_docs(result) -> str:
    shown = {d.rule for d in result.diagnostics}
    items = []
    for rule in sorted(result.rules, key=lambda r: r.code):
        if rule.code in shown:
            body = inspect.cleandoc(rule.__doc__ or "")
            items.append(
                f'<details class="rule" id="rule-{text(rule.code)}"><summary><b>{text(rule.code)} {text(rule.name)}</b>: '
                f"{text(rule.summary())}</summary><pre>{text(body)}</pre></details>"
            )
    return f'<h2 id="rules">Rules</h2>{"".join(items)}' if items else ""


def _page(result, documents: dict[str, _Document], cards: dict[str, list[str]]) -> str:
    css, js = _asset("report.css"), _asset("report.js")
    counts = summary(result)
    policy = f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; img-src data:; base-uri 'none'; form-action 'none'"
    n = counts["findings"]
    headline = (
        f"{n} finding{'s' if n != 1 else ''} ({counts['errors']} error, {counts['warnings']} warning, {counts['info']} info) in {documents_phrase(counts)}"
        if n
        else f"All clear: no findings in {documents_phrase(counts)}"
    )
    if result.stats.get("baselined"):
        headline += f"; {result.stats['baselined']} known findings not shown (baseline)"
    sections = []
    for doc in documents.values():
        own = cards.get(doc.path, [])
        kind = FORMAT_NAMES.get(_format(doc.path), "")
        heading = f'<h3><a href="#{doc.ident}">{text(doc.path)}</a>' + (f" <small>{kind}</small>" if kind else "") + "</h3>"
        if doc.body is None:
            body = "<p><i>The text of this document could not be read again for the report.</i></p>"
        else:
            body = render_text(doc.ident, doc.body, doc.starts, doc.marks)
        listing = f'<div class="findings">{"".join(own)}</div>' if own else "<p><i>No findings here; related places of findings elsewhere are marked.</i></p>"
        sections.append(f'<section class="doc" id="{doc.ident}" data-findings="{len(own)}">{heading}{listing}{body}</section>')
    return "".join(
        [
            "<!DOCTYPE html>\n",
            '<html lang="en"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>factlint report: {text(headline)}</title>",
            f"<style>{css}</style></head><body>",
            f'<header class="top"><h1>factlint report</h1>{_filters(result) if n else ""}</header>',
            f"<main><p>{text(headline)}. factlint {text(__version__)}.</p>",
            _summary_tables(result, documents) if n else "",
            "".join(sections),
            _rule_docs(result),
            f"</main><script>{js}</script></body></html>\n",
        ]
    )


def _format(path: str) -> str:
    from checker.readers import format_for

    return format_for(path) or "text"


def render(result, stream, settings=None, color=False, quiet=False) -> None:
    stream.write(report(result))
