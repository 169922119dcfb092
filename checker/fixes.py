"""Applying fixes: non-overlapping edits, safe by default, never outside prose.

``apply_fixes`` applies one round of edits to a text; ``fix_file`` re-lints
and repeats until nothing changes (bounded), then writes the file
atomically, keeping its encoding, BOM, line endings and final newline.
Display-only fixes are never applied.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from checker.finding import Diagnostic, Edit

MAX_ROUNDS = 10


def applicable(diagnostic: Diagnostic, unsafe: bool) -> bool:
    fix = diagnostic.fix
    if fix is None or fix.applicability == "display":
        return False
    return fix.applicability == "safe" or unsafe


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False, prose: str | None = None) -> str:
    """One round: apply every applicable fix whose edits overlap no earlier one.

    With ``prose`` (the document's prose view), a fix touching non-prose
    (code, URLs) is skipped.
    """
    chosen: list[Edit] = []
    taken: list[tuple[int, int]] = []
    for diagnostic in sorted(diagnostics, key=lambda d: (d.start, d.end)):
        if not applicable(diagnostic, unsafe):
            continue
        edits = diagnostic.fix.edits  # type: ignore[union-attr]
        if any(_overlaps(edit, taken) for edit in edits):
            continue
        if prose is not None and any(prose[e.start : e.end] != text[e.start : e.end] for e in edits):
            continue
        chosen.extend(edits)
        taken.extend((e.start, e.end) for e in edits)
    if not chosen:
        return text
    out: list[str] = []
    position = 0
    for edit in sorted(chosen, key=lambda e: (e.start, e.end)):
        out.append(text[position : edit.start])
        out.append(edit.replacement)
        position = edit.end
    out.append(text[position:])
    return "".join(out)


def _overlaps(edit: Edit, taken: list[tuple[int, int]]) -> bool:
    for start, end in taken:
        if edit.start < end and start < edit.end:
            return True
        if edit.start == edit.end == start or (edit.start == edit.end and start < edit.start < end):
            return True
    return False


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same directory, then rename over."""
    directory = path.parent
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".factlint", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        except OSError:
            pass
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def encode(text: str, encoding: str, bom: bool) -> bytes:
    """Text back to bytes in the file's own encoding (with its BOM if it had one)."""
    if encoding in ("utf-8-sig",) or (bom and encoding.replace("_", "-").lower() in ("utf-8", "utf8")):
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if encoding == "utf-16":
        return text.encode("utf-16")
    return text.encode(encoding)
