"""``--fix`` across encodings and line endings: byte-exact, same encoding, idempotent.

Every combination of Windows-1252, Latin-1, UTF-16 LE/BE with BOM and UTF-8
with and without BOM, each with LF, CRLF and CR line endings: the fixed file
is exactly the expected bytes (nothing outside the fixed spans moves, the
BOM and line endings stay), reads in the same encoding, and a second
``--fix`` changes nothing. A file saved by its user after the check or while
the fixes are computed is never overwritten.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from checker.fixes import encode
from checker.readers import decode

ENCODINGS = ["cp1252", "latin-1", "utf-16-le", "utf-16-be", "utf-8", "utf-8-sig"]
NEWLINES = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}

# Western text outside the fixes (it must come back byte for byte), and three safe fixes:
# mojibake (ENC002), a doubled word (TXT004) and a soft hyphen (ENC005). The HTML entity
# (ENC008) is only a suggestion and stays. Every character exists in Latin-1.
BEFORE = [
    "Gr\u00fc\u00dfe, na\u00efve r\u00e9sum\u00e9 \u00b0 \u00a7 \u00bd.",
    "Caf\u00c3\u00a9 au lait, the the soft\u00adhyphen &amp; more.",
    "",
    "Last line, no final newline",
]
AFTER = [
    BEFORE[0],
    "Caf\u00e9 au lait, the softhyphen &amp; more.",
    "",
    BEFORE[3],
]


def _file(lines: list[str], encoding: str, newline: str) -> bytes:
    text = newline.join(lines)
    if encoding in ("utf-16-le", "utf-16-be"):
        return encode(text, encoding, bom=True)
    return text.encode(encoding)


def _fix(run_cli, path: Path) -> tuple[int, str]:
    code, _, err = run_cli("--fix", "--select", "ALL", "--no-cache", "-q", path.name)
    return code, err


@pytest.mark.parametrize("newline", NEWLINES.values(), ids=NEWLINES.keys())
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_fix_is_byte_exact_keeps_the_encoding_and_is_idempotent(project, run_cli, encoding, newline):
    path = project / "doc.txt"
    before = _file(BEFORE, encoding, newline)
    path.write_bytes(before)
    read_before = decode(before)
    code, err = _fix(run_cli, path)
    assert "not fixed" not in err and "internal error" not in err, err
    fixed = path.read_bytes()
    assert fixed == _file(AFTER, encoding, newline)
    read_after = decode(fixed)
    assert codecs.lookup(read_after.encoding).name == codecs.lookup(read_before.encoding).name
    assert read_after.bom == read_before.bom
    assert code == 1  # the HTML entity is still reported
    _fix(run_cli, path)
    assert path.read_bytes() == fixed


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_file_saved_after_the_check_is_not_overwritten(project, encoding):
    from checker.engine import Source, run
    from checker.fixes import fix_run
    from checker.registry import resolve_selection
    from checker.testing import settings_from

    path = project / "doc.txt"
    path.write_bytes(_file(BEFORE, encoding, "\n"))
    rules = resolve_selection(["ALL"], ())
    settings = settings_from()
    sources = [Source("doc.txt", file=str(path))]
    result = run(sources, settings, rules, jobs=1)
    edited = _file(["The user's own line, the the end."], encoding, "\n")
    path.write_bytes(edited)
    assert fix_run(result, sources, settings, rules) == []
    assert path.read_bytes() == edited


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_file_saved_while_the_fixes_are_computed_is_not_overwritten(project, run_cli, monkeypatch, encoding):
    import checker.fixes

    path = project / "doc.txt"
    path.write_bytes(_file(BEFORE, encoding, "\r\n"))
    edited = _file(["Saved during the run, the the end."], encoding, "\r\n")
    compute = checker.fixes.fix_text

    def saving_meanwhile(*args, **kwargs):
        result = compute(*args, **kwargs)
        path.write_bytes(edited)  # the user saves while factlint works
        return result

    monkeypatch.setattr(checker.fixes, "fix_text", saving_meanwhile)
    _, err = _fix(run_cli, path)
    assert path.read_bytes() == edited
    assert "doc.txt: not fixed: the file changed while it was being fixed" in err
