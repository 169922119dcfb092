"""The baseline: today's findings, accepted, so that a run reports only new ones.

``factlint --write-baseline FILE`` records the findings of a run; ``--baseline
FILE`` (or ``baseline = "FILE"`` in the config) then drops every finding the
baseline holds. A finding is known by its content, not its position
(:class:`Key`): the rule, the document (relative to the project root), the
flagged text and a normalised window of the line around it. Inserting
paragraphs above a finding does not change its key; each key carries a count,
so a second identical slip in the same document is new. The same key, hashed,
is the SARIF ``partialFingerprints`` value (:func:`fingerprint`).

The file is JSON::

    {"version": 1, "findings": [{"path": "docs/a.md", "rule": "NUM001",
      "text": "42%", "context": "... an increase of 42%.", "count": 1}]}
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.config import ConfigError

if TYPE_CHECKING:
    from checker.engine import RunResult
    from checker.finding import Diagnostic

VERSION = 1
# Characters of the finding's own line kept on each side of the flagged text.
WINDOW = 40
_SPACE = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")


class BaselineError(ConfigError):
    """A baseline file that cannot be read; the CLI exits 2."""


@dataclass(frozen=True, order=True)
class Key:
    """What identifies a finding across edits: no line or column in it."""

    path: str
    rule: str
    text: str
    context: str


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def key_of(diagnostic: Diagnostic, text: str | None, root: Path) -> Key:
    """The content key of one diagnostic, given its document's text (None when it cannot be read)."""
    from checker.discovery import relative_to

    path = diagnostic.path if diagnostic.path.startswith("<") else relative_to(Path(diagnostic.path), root)
    if text is None:
        return Key(path, diagnostic.rule, "", _normal(diagnostic.message))
    start, end = max(0, min(diagnostic.start, len(text))), max(0, min(max(diagnostic.end, diagnostic.start), len(text)))
    # The window stays inside the finding's own lines, so text added above or below cannot change it.
    low, high = max(0, start - WINDOW), min(len(text), end + WINDOW)
    line_start = max((m.end() for m in _LINE_BREAK.finditer(text, low, start)), default=low)
    after = _LINE_BREAK.search(text, end, high)
    line_end = after.start() if after else high
    before, behind = text[line_start:start], text[end:line_end]
    if line_start == low > 0 and not text[low - 1].isspace():  # cut inside a word: start at the next word
        before = before.split(None, 1)[1] if len(before.split(None, 1)) > 1 else ""
    if line_end == high < len(text) and not text[high].isspace():
        behind = behind.rsplit(None, 1)[0] if len(behind.rsplit(None, 1)) > 1 else ""
    return Key(path, diagnostic.rule, _normal(text[start:end]), _normal(before + text[start:end] + behind))


def fingerprint(key: Key) -> str:
    """The key as a short stable hash (SARIF ``partialFingerprints``)."""
    joined = "\x1f".join((key.path, key.rule, key.text, key.context))
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def keys(result: RunResult, root: Path) -> list[Key]:
    """The content key of every diagnostic of ``result``, in order (documents are read again)."""
    texts: dict[str, str | None] = {}
    out = []
    for diagnostic in result.diagnostics:
        if diagnostic.path not in texts:
            texts[diagnostic.path] = _document_text(diagnostic.path, result.in_memory)
        out.append(key_of(diagnostic, texts[diagnostic.path], root))
    return out


def _document_text(path: str, in_memory: dict[str, bytes]) -> str | None:
    """The text a document's findings are located in, as the readers produce it."""
    from checker.readers import read_document

    try:
        data = in_memory[path] if path in in_memory else Path(path).read_bytes()
        return read_document(path, data)[0].text
    except Exception:  # gone or unreadable since the run: keyed by its message instead
        return None


def load(path: Path) -> Counter[Key]:
    """A baseline file's entries with their counts."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{path}: not a readable baseline: {error}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a factlint baseline (version {VERSION}, a 'findings' list)")
    entries: Counter[Key] = Counter()
    for index, item in enumerate(data["findings"]):
        try:
            key = Key(*(_string(item[name]) for name in ("path", "rule", "text", "context")))
            count = item.get("count", 1)
            if not isinstance(count, int) or count < 1:
                raise ValueError("count must be a positive integer")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise BaselineError(f"{path}: finding {index + 1} is malformed: {error}") from None
        entries[key] += count
    return entries


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


@dataclass
class Outcome:
    """What applying a baseline did to a run."""

    kept: list[Diagnostic]  # new findings: not in the baseline
    matched: int  # findings the baseline accounted for
    stale: Counter[Key]  # baseline entries (with counts) that no finding of this run matched


def apply(result: RunResult, baseline: Counter[Key], root: Path) -> Outcome:
    """Drop the findings the baseline holds; an entry matches at most ``count`` findings.

    Only entries of documents this run checked and rules it ran can be stale:
    a run on one file says nothing about the others.
    """
    remaining = Counter(baseline)
    kept = []
    matched = 0
    for diagnostic, key in zip(result.diagnostics, keys(result, root)):
        if remaining[key] > 0:
            remaining[key] -= 1
            matched += 1
        else:
            kept.append(diagnostic)
    checked = _checked(result, root)
    codes = {rule.code for rule in result.rules}
    stale = Counter({key: n for key, n in remaining.items() if n > 0 and key.path in checked and key.rule in codes})
    return Outcome(kept, matched, stale)


def unknown(diagnostics: list[Diagnostic], text: str | None, baseline: Counter[Key], root: Path) -> list[Diagnostic]:
    """The diagnostics of one document (its ``text``) that the baseline does not hold, as :func:`apply` counts them.

    Used between the rounds of ``--fix``, whose findings are those of the text as fixed so far.
    """
    remaining = Counter(baseline)
    kept = []
    for diagnostic in diagnostics:
        key = key_of(diagnostic, text, root)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            kept.append(diagnostic)
    return kept


def stale_json(stale: Counter[Key]) -> list[dict[str, Any]]:
    """Stale entries as the JSON summary and the SARIF notifications give them."""
    return [{"path": key.path, "rule": key.rule, "text": key.text, "count": count} for key, count in sorted(stale.items())]


def _checked(result: RunResult, root: Path) -> set[str]:
    from checker.discovery import relative_to

    return {doc.path if doc.path.startswith("<") else relative_to(Path(doc.path), root) for doc in result.documents if doc.in_scope}


def write(path: Path, result: RunResult, root: Path, previous: Counter[Key] | None = None) -> int:
    """Record ``result``'s findings in ``path``; returns the number of findings recorded.

    Entries of ``previous`` outside this run (documents it did not check, rules
    it did not run) are kept; the rest are replaced, so stale ones are pruned.
    """
    entries: Counter[Key] = Counter(keys(result, root))
    if previous:
        checked = _checked(result, root)
        codes = {rule.code for rule in result.rules}
        for key, count in previous.items():
            if key.path not in checked or key.rule not in codes:
                entries[key] += count
    findings = [
        {"path": key.path, "rule": key.rule, "text": key.text, "context": key.context, "count": count}
        for key, count in sorted(entries.items())
    ]
    document = {"version": VERSION, "findings": findings}
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return sum(entries.values())
