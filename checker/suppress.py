"""Inline suppression directives, handled by the engine, never by rules.

In Markdown (and any format with HTML comments)::

    <!-- factlint-disable NUM001 -->   ... <!-- factlint-enable NUM001 -->
    Text on this line. <!-- factlint-disable-line NUM001 -->
    <!-- factlint-disable-next-line NUM001 doubled-word -->
    <!-- factlint-disable-file -->

No codes means every rule. Codes may be codes, names or family prefixes.
Plain text has no comment syntax: use ``per-file-ignores``.

Directives are read strictly, so that a slip can only narrow a suppression:
a ``factlint-`` comment whose directive is not one of the five above
suppresses nothing, and a code no rule answers to is left out (a directive
whose codes are all unknown suppresses nothing, never every rule). Both are
reported through the suppression hook (:class:`Invalid`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.document import Document
from checker.facts import Directive

KINDS = ("disable", "enable", "disable-line", "disable-next-line", "disable-file")
_DIRECTIVE = re.compile(r"<!--\s*factlint-(\S*?)(?:\s+(.*?))?\s*-->", re.DOTALL)


def parse_directives(doc: Document) -> list[Directive]:
    """Suppression comments in a document (each a whole comment outside code)."""
    if not doc.comments or "factlint-" not in doc.text:
        return []
    out = []
    matches = [m for start, end in doc.comments if (m := _DIRECTIVE.fullmatch(doc.text, start, end))]
    for match in matches:
        word = match.group(1)
        codes = tuple(c for c in re.split(r"[\s,]+", (match.group(2) or "").strip()) if c)
        line = doc.position(match.start()).line
        target = 0
        if word == "disable-next-line":
            target = doc.position(match.end()).line + 1
            while target <= len(doc.line_starts) and not doc.line_text(target).strip():
                target += 1
        known = word in KINDS
        out.append(
            Directive(
                kind=word if known else "unknown",  # type: ignore[arg-type]  # known: one of KINDS
                codes=codes,
                word="" if known else word,
                start=match.start(),
                end=match.end(),
                line=line,
                target=target,
            )
        )
    return out


@dataclass(frozen=True)
class Invalid:
    """A directive that is not read as written, and why (it suppresses less, never more)."""

    directive: Directive
    message: str


@dataclass
class _Active:
    directive: Directive
    codes: tuple[str, ...]  # the known ones; empty: every rule
    used: bool = False
    first_line: int = 0
    last_line: int = 0  # inclusive; 0 = to the end of the file


class Suppressor:
    """Decides, for one document, which findings its directives suppress."""

    def __init__(self, directives: list[Directive]) -> None:
        self.entries: list[_Active] = []
        self.invalid: list[Invalid] = []
        open_ranges: list[_Active] = []
        for directive in directives:
            if directive.kind == "unknown":
                self.invalid.append(Invalid(directive, _unknown_directive(directive.word)))
                continue
            codes = self._known_codes(directive)
            if codes is None:  # every code named is unknown: nothing to suppress or enable
                continue
            if directive.kind == "disable-file":
                self.entries.append(_Active(directive, codes, first_line=1, last_line=0))
            elif directive.kind == "disable-line":
                self.entries.append(_Active(directive, codes, first_line=directive.line, last_line=directive.line))
            elif directive.kind == "disable-next-line":
                self.entries.append(_Active(directive, codes, first_line=directive.target, last_line=directive.target))
            elif directive.kind == "disable":
                entry = _Active(directive, codes, first_line=directive.line, last_line=0)
                self.entries.append(entry)
                open_ranges.append(entry)
            else:  # enable closes the matching open ranges
                for entry in list(open_ranges):
                    if not codes or set(entry.codes) & set(codes) or not entry.codes:
                        entry.last_line = directive.line
                        open_ranges.remove(entry)

    def _known_codes(self, directive: Directive) -> tuple[str, ...] | None:
        """The directive's codes that name a rule (None when it named some and none does)."""
        from checker.registry import RegistryError, lookup

        known: list[str] = []
        unknown: list[str] = []
        for code in directive.codes:
            try:
                lookup(code)
            except RegistryError:
                unknown.append(code)
            else:
                known.append(code)
        if unknown:
            from checker.registry import nearest

            names = ", ".join(f'"{code}"' for code in unknown)
            plural = "s" if len(unknown) > 1 else ""
            hints = [f'"{close}"' for code in unknown if (close := nearest(code))]
            hint = f"; did you mean {' or '.join(hints)}?" if hints else ""
            message = f"suppression names unknown rule{plural} {names}: nothing is suppressed for {'them' if plural else 'it'}{hint}"
            self.invalid.append(Invalid(directive, message))
            if not known:
                return None
        return tuple(known)

    def suppresses(self, code: str, line: int) -> bool:
        from checker.registry import matches

        hit = False
        for entry in self.entries:
            if line < entry.first_line or (entry.last_line and line > entry.last_line):
                continue
            if not entry.codes or matches(code, entry.codes):
                entry.used = True
                hit = True
        return hit

    def unused(self) -> list[Directive]:
        return [entry.directive for entry in self.entries if not entry.used]


def _unknown_directive(word: str) -> str:
    import difflib

    close = difflib.get_close_matches(word, KINDS, n=1, cutoff=0.6)
    hint = f'did you mean "factlint-{close[0]}"?' if close else "the directives are " + ", ".join(KINDS) + "."
    return f'"factlint-{word}" is not a suppression directive and suppresses nothing; {hint}'
