"""Inline suppression directives, handled by the engine, never by rules.

In Markdown (and any format with HTML comments)::

    <!-- factlint-disable NUM001 -->   ... <!-- factlint-enable NUM001 -->
    <!-- factlint-disable-next-line NUM001 doubled-word -->
    <!-- factlint-disable-file -->

No codes means every rule. Codes may be codes, names or family prefixes.
Plain text has no comment syntax: use ``per-file-ignores``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.document import Document
from checker.facts import Directive

_DIRECTIVE = re.compile(
    r"<!--\s*factlint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->"
)


def parse_directives(doc: Document) -> list[Directive]:
    """Suppression comments in a document (each a whole comment outside code)."""
    if not doc.comments or "factlint-" not in doc.text:
        return []
    out = []
    matches = [m for start, end in doc.comments if (m := _DIRECTIVE.fullmatch(doc.text, start, end))]
    for match in matches:
        codes = tuple(c for c in re.split(r"[\s,]+", match.group(2).strip()) if c)
        line = doc.position(match.start()).line
        target = 0
        if match.group(1) == "disable-next-line":
            target = doc.position(match.end()).line + 1
            while target <= len(doc.line_starts) and not doc.line_text(target).strip():
                target += 1
        out.append(
            Directive.model_construct(
                kind=match.group(1), codes=codes, start=match.start(), end=match.end(), line=line, target=target
            )
        )
    return out


@dataclass
class _Active:
    directive: Directive
    used: bool = False
    first_line: int = 0
    last_line: int = 0  # inclusive; 0 = to the end of the file


class Suppressor:
    """Decides, for one document, which findings its directives suppress."""

    def __init__(self, directives: list[Directive]) -> None:
        self.entries: list[_Active] = []
        open_ranges: list[_Active] = []
        for directive in directives:
            if directive.kind == "disable-file":
                self.entries.append(_Active(directive, first_line=1, last_line=0))
            elif directive.kind == "disable-next-line":
                self.entries.append(_Active(directive, first_line=directive.target, last_line=directive.target))
            elif directive.kind == "disable":
                entry = _Active(directive, first_line=directive.line, last_line=0)
                self.entries.append(entry)
                open_ranges.append(entry)
            else:  # enable closes the matching open ranges
                for entry in list(open_ranges):
                    if not directive.codes or set(entry.directive.codes) & set(directive.codes) or not entry.directive.codes:
                        entry.last_line = directive.line
                        open_ranges.remove(entry)

    def suppresses(self, code: str, line: int) -> bool:
        from checker.registry import matches

        hit = False
        for entry in self.entries:
            if line < entry.first_line or (entry.last_line and line > entry.last_line):
                continue
            codes = entry.directive.codes
            if not codes or matches(code, codes):
                entry.used = True
                hit = True
        return hit

    def unused(self) -> list[Directive]:
        return [entry.directive for entry in self.entries if not entry.used]
