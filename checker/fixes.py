"""Applying fixes: non-overlapping edits, safe by default, never outside prose.

``apply_fixes`` applies one round of edits to a text; ``fix_file`` re-lints
and repeats until nothing changes (bounded), then writes the file
atomically, keeping its encoding, BOM, line endings and final newline.
Display-only fixes are never applied.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterable
from pathlib import Path

from checker.files import ReadOnlyFileError, remove_leftovers, write_document
from checker.finding import Diagnostic, Edit
from checker.readers import BinaryFileError

MAX_ROUNDS = 10


class EncodingChangeError(ValueError):
    """Writing the fixed text would change the file beyond its fixes: another encoding, or bytes that do not round-trip."""


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


def encode(text: str, encoding: str, bom: bool) -> bytes:
    """Text back to bytes in the file's own encoding (with its BOM if it had one)."""
    if encoding in ("utf-8-sig",) or (bom and encoding.replace("_", "-").lower() in ("utf-8", "utf8")):
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if encoding in ("utf-16-le", "utf-16-be"):  # always read with its BOM: write it back
        bom_bytes = codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE
        return bom_bytes + text.encode(encoding)
    if encoding == "utf-16":
        return text.encode("utf-16")
    return text.encode(encoding)


def fix_text(source_path: str, data: bytes, settings, rules, unsafe: bool = False, diagnostics=None, keep=None) -> tuple[bytes, int]:
    """Fix one document's bytes, re-linting until stable (at most MAX_ROUNDS rounds).

    ``keep(diagnostics, text)``, when given, picks the findings of each round that
    may be fixed (the CLI drops those of the baseline and those below
    ``min-confidence``, in later rounds too). Returns the new bytes (in the file's
    own encoding, BOM and line endings) and the number of rounds that changed something.
    """
    from checker.engine import Source, run
    from checker.readers import decode, format_for, read_document

    doc, decoded = read_document(source_path, data)
    text = original = doc.text
    if diagnostics is None:
        diagnostics = run([Source(source_path, data=data)], settings, rules, jobs=1).diagnostics
    if keep is not None:
        diagnostics = keep(diagnostics, text)
    rounds = 0
    for _ in range(MAX_ROUNDS):
        new = apply_fixes(text, diagnostics, unsafe=unsafe, prose=doc.prose)
        if new == text:
            break
        rounds += 1
        text = new
        new_data = encode(text, decoded.encoding, decoded.bom)
        doc, _ = read_document(source_path, new_data, encoding=decoded.encoding)
        diagnostics = run([Source(source_path, data=new_data, encoding=decoded.encoding)], settings, rules, jobs=1).diagnostics
        if keep is not None:
            diagnostics = keep(diagnostics, doc.text)
    if rounds == 0:
        return data, 0
    # A file is rewritten whole, so its text must encode back to the very bytes it was read from:
    # cp932 has two codes for some characters, and malformed UTF-16 is read with replacements.
    try:
        round_trip = encode(original, decoded.encoding, decoded.bom) == data
    except UnicodeEncodeError:
        round_trip = False
    if not round_trip:
        raise EncodingChangeError(f"written back in {decoded.encoding}, bytes the fixes do not touch would change")
    fixed = encode(text, decoded.encoding, decoded.bom)
    # Detection reads the whole file: a fix can tip it (a cp1252 file whose only non-UTF-8 byte
    # goes reads as UTF-8 next time, its "\u00c3\u00a9" as "\u00e9"). Such a fix would change the rest of the file.
    reread = decode(fixed, text_format=format_for(source_path) is not None)
    if reread.text != text:
        raise EncodingChangeError(f"the fixed file would be read as {reread.encoding}, not {decoded.encoding}, which changes the rest of its text")
    return fixed, rounds


def fix_run(result, sources, settings, rules, unsafe: bool = False, write: bool = True, diff_stream=None, keep=None) -> list[str]:
    """Apply the fixes of a run's findings (``result`` already filtered; ``keep`` as for fix_text); write files atomically or print a diff.

    Returns the paths that changed (or would change, for a diff).
    """
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in result.diagnostics:
        if applicable(diagnostic, unsafe):
            by_path.setdefault(diagnostic.path, []).append(diagnostic)
    changed: list[str] = []
    if write:
        _remove_leftovers(sources)
    for source in sources:
        if not source.in_scope or source.path not in by_path:
            continue
        if source.file is None and write:
            raise ValueError("--fix cannot rewrite standard input; use --diff")
        try:
            data = source.data if source.data is not None else Path(source.file).read_bytes()
        except OSError as error:
            _say(source.path, f"not fixed: cannot read it again ({error.strerror or error})")
            continue
        from checker.readers import BINARY_FORMATS, format_for, sniff

        kind = sniff(data, format_for(source.path))
        if kind in BINARY_FORMATS:
            name = {"docx": "Word", "pdf": "PDF"}.get(kind or "", kind)
            print(f"factlint: {source.path}: not fixed: factlint does not rewrite {name} documents; make the changes in the document's editor", file=sys.stderr)
            continue
        if not _unchanged(result, source.path, data):
            _say(source.path, "not fixed: the file changed after it was checked; run factlint again")
            continue
        try:
            new, _ = fix_text(source.path, data, settings, rules, unsafe, [d for d in result.diagnostics if d.path == source.path], keep=keep)
        except UnicodeEncodeError as error:
            _say(source.path, f"not fixed: the fix needs a character that {error.encoding} cannot store")
            continue
        except EncodingChangeError as error:
            _say(source.path, f"not fixed: {error}")
            continue
        except BinaryFileError as error:  # the fixed text would be skipped as binary by the next run
            _say(source.path, f"not fixed: the fixed file would read as binary ({error})")
            continue
        if new == data:
            continue
        changed.append(source.path)
        if diff_stream is not None:
            _write_diff(source.path, data, new, diff_stream)
        if write:
            try:
                if Path(source.file).read_bytes() != data:  # saved by someone while the fixes were computed
                    _say(source.path, "not fixed: the file changed while it was being fixed; run factlint again")
                    changed.pop()
                    continue
                write_document(source.file, new)
            except ReadOnlyFileError:
                _say(source.path, "not fixed: the file is read-only")
                changed.pop()
            except OSError as error:  # full disk, read-only directory, file removed: the original is untouched
                _say(source.path, f"not fixed: {error.strerror or error}")
                changed.pop()
    return changed


def _remove_leftovers(sources) -> None:
    """Remove the temporary files of an earlier --fix that was killed mid-write, saying so."""
    directories = sorted({str(Path(source.file).parent) for source in sources if source.in_scope and source.file is not None})
    for path in remove_leftovers(directories):
        _say(str(path), "removed, a temporary file left by an interrupted --fix")


def _say(path: str, message: str) -> None:
    """A per-file message on standard error; control characters in the name are escaped, as in every report."""
    from checker.formatters import printable

    print(f"factlint: {printable(path)}: {message}", file=sys.stderr)


def _unchanged(result, path: str, data: bytes) -> bool:
    """Whether ``data`` are the bytes the run checked for ``path`` (the fixes' offsets refer to them)."""
    from checker.engine import content_digest

    sheet = next((document for document in result.documents if document.path == path), None)
    return sheet is not None and sheet.content_digest == content_digest(data)


def _write_diff(path: str, old: bytes, new: bytes, stream) -> None:
    import difflib

    from checker.readers import decode

    decoded = decode(old)
    before = decoded.text.splitlines(keepends=True)
    after = decode(new, encoding=decoded.encoding).text.splitlines(keepends=True)
    for line in difflib.unified_diff(before, after, fromfile=f"a/{path}", tofile=f"b/{path}"):
        stream.write(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
