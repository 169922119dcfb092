"""Fuzzing: factlint never crashes and never damages a file, whatever the input.

Properties over random bytes, random text, Markdown and hostile Unicode
(invisible and bidi characters, mojibake, legacy encodings, every kind of
line break), through the in-process API and the command line:

- reading never fails except as a clean "binary file", and decoding is stable;
- the engine records no internal error, and every position it reports
  (findings, related places, fix edits) lies within the document;
- the JSON report always parses, with lines and columns inside the file;
- ``--fix`` changes nothing outside the spans its findings report, keeps the
  file's encoding and BOM, and fixing again changes nothing.

The budget comes from ``FACTLINT_FUZZ_PROFILE``: ``ci`` (the default, about
700 examples in all, derandomized so that CI is repeatable) or ``long`` (about
21,000, random, a few minutes: ``FACTLINT_FUZZ_PROFILE=long pytest tests/test_fuzz.py``) or
``campaign`` (about 210,000, random, about half an hour).
Every failure found becomes an ``@example`` below.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker.document import line_starts
from checker.engine import Source, run
from checker.fixes import MAX_ROUNDS, EncodingChangeError, apply_fixes, encode, fix_text
from checker.readers import BinaryFileError, decode, format_for, read_document
from checker.registry import resolve_selection
from checker.testing import settings_from, unchanged_outside

PROFILES = {"ci": 1, "long": 30, "campaign": 300}
PROFILE = os.environ.get("FACTLINT_FUZZ_PROFILE", "ci")
if PROFILE not in PROFILES:
    raise ValueError(f"FACTLINT_FUZZ_PROFILE={PROFILE!r}: expected one of {', '.join(PROFILES)}")


def budget(examples: int):
    """Hypothesis settings for a property with ``examples`` examples under the ci profile."""
    return settings(
        max_examples=examples * PROFILES[PROFILE],
        deadline=None,
        derandomize=PROFILE == "ci",
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    )


# --- inputs ----------------------------------------------------------------------------------

PIECES = [
    # figures, claims and dates, for the number and date rules
    "1,250,000", "42%", "$3.5 million", "\u20ac12", "\u00a37.20", "\u00a5500", "48.6", "31.2", "+55.8%", "-3.2%",
    " rose from 120 to 150, up 25%", " 12 percentage points", " doubled", " 2.5x", " three-fold", " a CAGR of 12%",
    " from 2019 to 2023", " of 40 respondents, 30 (75%)", " a total of 10: 4 and 5", "Q3 2024", "FY2023",
    "January 5, 2024", "5 March 2023", "Monday", "Tuesday, 30 February 2023", " last December", " in 2031 it was",
    " three years", "(12)", "(", ")", "[", "]",
    # names and acronyms
    "Lisafoclax", "Lisaftoclax", "Ascentage", " the Food and Drug Administration (FDA)", " FDA", " FAD", "Pharma Inc.",
    # Markdown, HTML and directives
    "# ", "## ", "* ", "- ", "1. ", "> ", "`code`", "```\n", "    indented", "[a](", "](http://x.example/z)", "<http://a.b>",
    "<!-- ", " -->", "<b>", "</b>", "&amp;", "&#8217;", "&nbsp;", "\\$62.2", "\\*", "|a|b|\n|-|-|\n", "---\n", "<br>",
    "<!-- factlint-disable-next-line NUM001 -->", "<!-- factlint-disable ENC -->", "<!-- factlint-enable -->",
    # mojibake, artefacts, garbage
    "\u00c3\u00a9", "\u00e2\u20ac\u2122", "\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2", "caf\u00c3\u00a9", "\ufb01ve", "(cid:12)",
    "\ufffd", "hyphen-\nation", "first-and second-generation", "the the", "ofapplication", "\u0410pple", "p\u0430ypal",
    # invisible, bidi and control characters
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200f",
    "\u061c", "\x00", "\x1b[31m", "\x07", "\x0b", "\x0c", "\x85", "\x7f",
    # every line break and some spacing
    "\n", "\r\n", "\r", "\n\n", "\r\r\n", "\u2028", "\u2029", " ", "  ", "\t", ". ", ", ", "; ", "\u00a0", "\u3000",
    # other scripts and forms
    "e\u0301", "\U0001f600", "\U0001f468\u200d\U0001f469", "\u05e9\u05dc\u05d5\u05dd", "\u0663\u0664", "\uff11\uff12\uff13",
    "\u6f22\u5b57", "\u00b2", "\u00bd", "\u2153", "Stra\u00dfe", "\u0130stanbul", "\u01c5",
]

text_pieces = st.one_of(st.sampled_from(PIECES), st.text(max_size=6))
texts = st.lists(text_pieces, max_size=40).map("".join)
paths = st.sampled_from(["doc.txt", "doc.md"])
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "cp1250", "cp1251", "mac_roman", "shift_jis"]


def as_file(text: str, encoding: str) -> bytes:
    """``text`` as a file in ``encoding`` (with its BOM for UTF-16), dropping what it cannot store."""
    if encoding in ("utf-16-le", "utf-16-be"):
        return encode(text, encoding, True)
    return text.encode(encoding, errors="ignore")


@st.composite
def files(draw) -> bytes:
    """Bytes as found on disk: encoded text, possibly damaged, or anything at all."""
    kind = draw(st.sampled_from(["text", "damaged", "bytes"]))
    if kind == "bytes":
        return draw(st.binary(max_size=400))
    data = as_file(draw(texts), draw(st.sampled_from(ENCODINGS)))
    if kind == "damaged" and data:
        where = draw(st.integers(0, len(data)))
        data = data[:where] + draw(st.binary(min_size=1, max_size=4)) + data[where + draw(st.integers(0, 3)) :]
    return data


@st.composite
def documents(draw) -> bytes:
    """Text in one encoding with one kind of line break, or any file."""
    if draw(st.integers(0, 3)) == 0:
        return draw(files())
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return as_file(re.sub(r"\r\n|\r|\n", newline, draw(texts)), draw(st.sampled_from(ENCODINGS)))


# --- helpers ---------------------------------------------------------------------------------

ALL = resolve_selection(["ALL", "CON"], ())  # and the consistency rules that are off by default
SETTINGS = settings_from()


def _lint(path: str, data: bytes, encoding: str | None = None):
    return run([Source(path, data=data, encoding=encoding)], SETTINGS, ALL, jobs=1)


def _check_positions(result) -> None:
    """No internal error, and every reported position lies within its document."""
    assert result.errors == []
    sheets = {sheet.path: sheet for sheet in result.sheets}

    def within(sheet, line: int, column: int) -> bool:
        if not 1 <= line <= len(sheet.line_starts):
            return False
        line_end = sheet.line_starts[line] if line < len(sheet.line_starts) else sheet.length
        return 1 <= column <= line_end - sheet.line_starts[line - 1] + 1

    for d in result.diagnostics:
        sheet = sheets[d.path]
        assert 0 <= d.start <= d.end <= sheet.length, d
        assert within(sheet, d.line, d.column) and within(sheet, d.end_line, d.end_column), d
        assert (d.line, d.column) <= (d.end_line, d.end_column), d
        for r in d.related:
            assert within(sheets[r.path], r.line, r.column) and within(sheets[r.path], r.end_line, r.end_column), d
        if d.fix is not None:
            assert all(0 <= e.start <= e.end <= sheet.length for e in d.fix.edits), d


# --- reading ---------------------------------------------------------------------------------


@budget(200)
@given(files(), st.booleans())
@example(b"x\xad", False)  # was read as UTF-16-BE
@example(b"\xc3\xa9 soft\xadhyphen.\n", True)  # was read as UTF-16-LE
@example(b"Caf\xe9 \xa4 5, \xb6 2, \xac x, \xa8 \xb4 \xb8.\n", True)  # was read as cp775
@example(b"\xff\xfea\x00b", True)  # odd-length UTF-16
@example(b"&\xa1\xfa\\\xe0@", False)  # cp932: written back, b"\xfa\x5c" becomes b"\xed\x40"
def test_decoding_never_fails_and_is_stable(data, text_format):
    try:
        decoded = decode(data, text_format=text_format)
    except BinaryFileError:
        return
    assert decode(data, text_format=text_format) == decoded  # deterministic
    # Read again in the encoding it was read in, the file reads the same (what --fix relies on).
    assert decode(data, text_format=text_format, encoding=decoded.encoding).text == decoded.text
    assert not decoded.encoding.replace("-", "_").startswith(("utf_16", "utf_32")) or decoded.bom
    if decoded.bad_byte is not None:
        assert 0 <= decoded.bad_byte < len(data)
    # Nothing is lost in reading UTF-8 or Windows-1252. (cp932 has two codes for some characters and
    # malformed UTF-16 is read with replacements: --fix refuses to rewrite such files.)
    if decoded.encoding in ("utf-8", "utf-8-sig", "cp1252"):
        assert encode(decoded.text, decoded.encoding, decoded.bom) == data


# --- the engine ------------------------------------------------------------------------------


@budget(120)
@given(files(), paths)
@example(b"\x81\xc3\x83\x0e\xc3\x98\xf1\x80\x80\x80", "d.txt")
def test_engine_never_fails_on_any_bytes(data, path):
    _check_positions(_lint(path, data))


@budget(150)
@given(texts, paths)
def test_engine_never_fails_on_hostile_text(text, path):
    _check_positions(_lint(path, text.encode("utf-8", errors="surrogatepass")))


# --- the command line ------------------------------------------------------------------------


def _cli(*args: str) -> tuple[int, str, str]:
    from checker.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def _write_only(path: str, data: bytes) -> None:
    """``path`` as the project's one document (the corpus rules read the whole project)."""
    for name in ("doc.txt", "doc.md", "d.txt"):
        Path(name).unlink(missing_ok=True)
    Path(path).write_bytes(data)


@budget(60)
@given(files(), paths)
def test_json_report_is_well_formed_and_within_the_file(project, data, path):
    _write_only(path, data)
    code, out, err = _cli("--output-format", "json", "--no-cache", "--select", "ALL", path)
    assert "internal error" not in err and "Traceback" not in err, err
    report = json.loads(out)
    try:
        text = decode(data, text_format=True).text
    except BinaryFileError:  # a named file that cannot be checked fails the run
        assert code == 2 and report["findings"] == [] and "binary file" in err
        return
    assert code in (0, 1)
    starts = line_starts(text)
    for finding in report["findings"]:
        assert finding["path"] == path
        for line, column in ((finding["line"], finding["column"]), (finding["end_line"], finding["end_column"])):
            assert 1 <= line <= len(starts)
            line_end = starts[line] if line < len(starts) else len(text)
            assert 1 <= column <= line_end - starts[line - 1] + 1


@budget(60)
@given(documents(), paths)
@example(b"\x81\xc3\x83\x0e\xc3\x98\xf1\x80\x80\x80", "d.txt")  # the fixed text would read as binary: was a traceback
@example(b"1,250,000\x000\x1f", "doc.txt")  # one NUL byte: text in a .txt file
def test_cli_fix_is_idempotent_and_keeps_the_encoding(project, data, path):
    _write_only(path, data)
    code, _, err = _cli("--fix", "--unsafe-fixes", "--no-cache", "-q", "--select", "ALL", path)
    assert "internal error" not in err and "Traceback" not in err, err
    assert code in (0, 1) or "binary file" in err
    fixed = Path(path).read_bytes()
    if fixed != data:  # the fixed file reads as it did: in the same encoding (or one that reads the same), same BOM
        before, after = decode(data, text_format=True), decode(fixed, text_format=True)
        assert after.text == decode(fixed, text_format=True, encoding=before.encoding).text and before.bom == after.bom
    code, _, err = _cli("--fix", "--unsafe-fixes", "--no-cache", "-q", "--select", "ALL", path)
    assert "internal error" not in err
    assert Path(path).read_bytes() == fixed


# --- fixes, round by round -------------------------------------------------------------------


@budget(110)
@given(documents(), paths)
@example(b"Caf\xc3\xa9 soft\xadhyphen.\n", "doc.txt")  # cp1252 that would have been written back as UTF-8
@example(b"\xad \xe2 \xe2 \xa0     . \xe9t\xe9", "doc.txt")  # Latin-1 re-detected as mac_latin2 after a round
@example(b"1,250,000\xe2\x80\x99\x08\xa0", "doc.txt")  # the repair needs a character Latin-1 cannot store
@example(b"\x93\xfa\x96{\x8c\xea\x82\xcc\x83e\x83L\x83X\x83g\x82\xc5\x82\xb7\x81B the the end.\n\xfa\\\n", "doc.txt")  # cp932: two codes, one character
@example(b"\xff\xfe\xff\xfe" + "the the\n".encode("utf-16-le"), "doc.txt")  # a second BOM is dropped in reading
@example(b"|a|b|\n|-|-|\n\x81\xca000\x08\x080", "doc.txt")  # a round leaves text that reads as binary
def test_fix_changes_only_reported_spans_keeps_the_encoding_and_is_idempotent(data, path):
    try:
        doc, decoded = read_document(path, data)
    except BinaryFileError:
        return
    # Round by round, as the fix loop does: each round may change only what that round's
    # findings reported (a repair can reveal the next problem).
    current = original = doc.text
    for _ in range(MAX_ROUNDS):
        try:
            current_data = encode(current, decoded.encoding, decoded.bom)
            doc, _ = read_document(path, current_data, encoding=decoded.encoding)
        except (UnicodeEncodeError, BinaryFileError):
            break  # fix_text refuses it below
        assert doc.text == current
        diagnostics = _lint(path, current_data, decoded.encoding).diagnostics
        new = apply_fixes(current, diagnostics, unsafe=True, prose=doc.prose)
        assert unchanged_outside(current, new, [(d.start, d.end) for d in diagnostics]), (current, new)
        if new == current:
            break
        current = new
    try:
        fixed, rounds = fix_text(path, data, SETTINGS, ALL, unsafe=True)
    except (EncodingChangeError, BinaryFileError, UnicodeEncodeError):
        return  # refused: fix_run leaves the file as it was, with a message
    if rounds == 0:
        assert fixed == data
        return
    # The file is rewritten whole: its bytes outside the fixes stay only if its text encodes back to them.
    assert encode(original, decoded.encoding, decoded.bom) == data
    reread = decode(fixed, text_format=format_for(path) is not None)
    assert reread.text == current and reread.bom == decoded.bom  # read as written: same encoding, same BOM
    if rounds < MAX_ROUNDS:
        assert fix_text(path, fixed, SETTINGS, ALL, unsafe=True) == (fixed, 0)



def test_the_atheris_harness_checks_inputs_and_skips_cleanly_without_atheris(capsys):
    """``bench/fuzz_atheris.py`` (the long campaign) runs its properties here; without atheris it exits 0."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("fuzz_atheris", Path(__file__).resolve().parents[1] / "bench" / "fuzz_atheris.py")
    assert spec is not None and spec.loader is not None
    harness = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(harness)
    for data in (b"", b"\x00Ascen\xe2\x80\x8btage the the end.\n", b"\x01\x81\xc3\x83\x0e\xc3\x98\xf1\x80\x80\x80", b"\x02\xc2\x0e,\x06\x00,"):
        harness.check_one(data)
    if harness.atheris is None:
        assert harness.main(["fuzz_atheris.py"]) == 0
        assert "atheris is not installed" in capsys.readouterr().err
