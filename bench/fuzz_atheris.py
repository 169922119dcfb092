"""A coverage-guided fuzzing campaign with atheris (libFuzzer for Python), for long runs.

    pip install atheris                                        # optional; not a dependency of factlint
    python bench/fuzz_atheris.py -max_total_time=1800 bench/out/fuzz-corpus
    python bench/fuzz_atheris.py -runs=0 crash-<hash>          # replay one input

Arguments go to libFuzzer (``-help=1`` lists them); a directory argument keeps
the corpus between campaigns. Each input is a file: its first byte picks the
format (``.txt`` or ``.md``), the rest are its bytes. The properties are those
of ``tests/test_fuzz.py``: no internal error, every position within the
document, and ``--fix`` refuses with a reason or changes only what its
findings reported, keeps the encoding and is idempotent. A failure stops the
campaign and leaves the input as ``crash-<hash>``: make it an ``@example`` there.

Without atheris installed, the script says so and exits 0.
"""

from __future__ import annotations

import sys

try:
    import atheris
except ImportError:  # optional: the hypothesis suite covers the same properties
    atheris = None

if atheris is not None:
    with atheris.instrument_imports():
        from checker.engine import Source, run
        from checker.fixes import MAX_ROUNDS, EncodingChangeError, fix_text
        from checker.readers import BinaryFileError, decode
        from checker.registry import resolve_selection
        from checker.testing import settings_from
else:
    from checker.engine import Source, run
    from checker.fixes import MAX_ROUNDS, EncodingChangeError, fix_text
    from checker.readers import BinaryFileError, decode
    from checker.registry import resolve_selection
    from checker.testing import settings_from

RULES = resolve_selection(["ALL"], ())
SETTINGS = settings_from()


def check_one(data: bytes) -> None:
    """Run every property on one input; raise AssertionError on a violation."""
    if not data:
        return
    path = "doc.md" if data[0] & 1 else "doc.txt"
    data = data[1:]
    result = run([Source(path, data=data)], SETTINGS, RULES, jobs=1)
    assert result.errors == [], result.errors
    for sheet in result.sheets:
        for d in result.diagnostics:
            assert 0 <= d.start <= d.end <= sheet.length, d
            assert 1 <= d.line <= d.end_line <= len(sheet.line_starts), d
            if d.fix is not None:
                assert all(0 <= e.start <= e.end <= sheet.length for e in d.fix.edits), d
    try:
        fixed, rounds = fix_text(path, data, SETTINGS, RULES, unsafe=True)
    except (EncodingChangeError, BinaryFileError, UnicodeEncodeError):
        return  # refused: --fix leaves the file as it was, with a message
    if rounds == 0:
        assert fixed == data
        return
    before, after = decode(data, text_format=True), decode(fixed, text_format=True)
    assert after.bom == before.bom and after.text == decode(fixed, text_format=True, encoding=before.encoding).text
    if rounds < MAX_ROUNDS:
        assert fix_text(path, fixed, SETTINGS, RULES, unsafe=True) == (fixed, 0)


def main(argv: list[str]) -> int:
    if atheris is None:
        print("atheris is not installed (pip install atheris); nothing to do", file=sys.stderr)
        return 0
    atheris.Setup(argv, check_one)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
