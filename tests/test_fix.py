"""``factlint --fix`` and ``--diff`` end to end, with the encoding rules' fixes.

Byte-exact expectations: line endings, BOM, final newline and legacy
encodings survive a fix; fixing twice changes nothing the second time;
Markdown code and URLs are never edited; display-only fixes are never
applied; and (a property test) a fix never changes text outside the spans
the findings reported.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.fixes import apply_fixes, fix_text
from checker.registry import resolve_selection
from checker.testing import lint, settings_from, unchanged_outside

BOM = b"\xef\xbb\xbf"


def _fix(run_cli, name: str, data: bytes, *extra: str) -> tuple[int, bytes, str]:
    from pathlib import Path

    path = Path(name)
    path.write_bytes(data)
    code, out, _ = run_cli("--fix", "--select", "ENC", *extra, name)
    return code, path.read_bytes(), out


def test_crlf_line_endings_are_kept(project, run_cli):
    data = "The company\u00e2\u20ac\u2122s office\r\nAscen\u200btage here.\r\n".encode("utf-8")
    code, fixed, _ = _fix(run_cli, "doc.txt", data)
    assert fixed == "The company\u2019s office\r\nAscentage here.\r\n".encode("utf-8")
    assert code == 0


def test_bom_is_kept(project, run_cli):
    data = BOM + "\ufb01nancial \ufb02ows\n".encode("utf-8")
    code, fixed, _ = _fix(run_cli, "doc.txt", data)
    assert fixed == BOM + b"financial flows\n"
    assert code == 0


def test_missing_final_newline_stays_missing(project, run_cli):
    code, fixed, _ = _fix(run_cli, "doc.txt", "co\u00adoperation and M\u00c3\u00bcnchen".encode("utf-8"))
    assert fixed == "cooperation and M\u00fcnchen".encode("utf-8")
    assert code == 0


def test_lone_carriage_returns_and_mixed_endings_are_kept(project, run_cli):
    data = "one\u200b\rtwo\r\nthree\ufb01\n".encode("utf-8")
    _, fixed, _ = _fix(run_cli, "doc.txt", data)
    assert fixed == b"one\rtwo\r\nthreefi\n"


def test_legacy_encoding_is_kept(project, run_cli):
    # Windows-1252 bytes with a stray control character (0x07) before a word:
    # whatever single-byte encoding detection settles on, only that byte may change.
    data = "Le caf\u00e9 de la soci\u00e9t\u00e9 a \u00e9t\u00e9 ouvert \u00e0 Besan\u00e7on, \u0007voil\u00e0.\n".encode("cp1252")
    _, fixed, out = _fix(run_cli, "doc.txt", data)
    assert fixed == data.replace(b"\x07", b"")
    assert "ENC001" in out  # still not UTF-8: that is reported, not changed


def test_fixing_twice_changes_nothing_the_second_time(project, run_cli):
    data = "The company\u00e2\u20ac\u2122s Ascen\u200btage \ufb01les \u00c2\u00a3100.\r\nEnd".encode("utf-8")
    _, once, _ = _fix(run_cli, "doc.txt", data)
    assert once != data
    code, twice, _ = _fix(run_cli, "doc.txt", once)
    assert twice == once
    assert code == 0


def test_exit_code_after_fix_reflects_what_remains(project, run_cli):
    # The ligature is fixed; the HTML entity is a display-only suggestion and remains.
    code, fixed, out = _fix(run_cli, "doc.txt", "\ufb01ve R&amp;D projects\n".encode("utf-8"))
    assert fixed == b"five R&amp;D projects\n"
    assert code == 1
    assert "ENC008" in out and "&amp;" in out


def test_display_only_fixes_are_never_applied(project, run_cli):
    data = "Revenue \u202e0.84\u202c; Ascent\u0430ge; caf\ufffd; treat- ment; (\u0a37\u0895\u15b9\u1039)\n".encode("utf-8")
    _, fixed, _ = _fix(run_cli, "doc.txt", data, "--unsafe-fixes")
    assert fixed == data


def test_markdown_code_and_urls_are_never_edited(project, run_cli):
    data = (
        "# Ascen\u200btage\n"
        "\n"
        "Prose with \ufb01ve and `code\u200bspan \ufb01` and https://example.com/a\u200bb \ufb01.\n"
        "\n"
        "```\n"
        "fenced\u200bcode \ufb01 M\u00c3\u00bcnchen\n"
        "```\n"
        "\n"
        "    indented\u200bcode \ufb01\n"
    ).encode("utf-8")
    expected = (
        "# Ascentage\n"
        "\n"
        "Prose with five and `code\u200bspan \ufb01` and https://example.com/a\u200bb fi.\n"
        "\n"
        "```\n"
        "fenced\u200bcode \ufb01 M\u00c3\u00bcnchen\n"
        "```\n"
        "\n"
        "    indented\u200bcode \ufb01\n"
    ).encode("utf-8")
    _, fixed, _ = _fix(run_cli, "doc.md", data)
    assert fixed == expected


def test_diff_prints_the_change_and_writes_nothing(project, run_cli):
    from pathlib import Path

    data = "Ascen\u200btage\n".encode("utf-8")
    Path("doc.txt").write_bytes(data)
    code, out, _ = run_cli("--diff", "--select", "ENC", "doc.txt")
    assert Path("doc.txt").read_bytes() == data
    assert "-Ascen\u200btage" in out and "+Ascentage" in out
    assert code == 1


# --- property: fixes stay inside the reported spans ---------------------------------

_PIECES = [
    "a", "b", "e", "n", "t", " ", " ", ".", "-", "\n", "\r\n", "Ascentage", "treat", "ment",
    "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u0007", "\u0085",
    "\ufb01", "\ufb02", "\ufb03",
    "\u00e2\u20ac\u2122", "\u00c3\u00a9", "\u00c3\u00bc", "\u00c2\u00a3", "\u00c3 ",
    "\ufffd", "\u202e", "\u2066", "\u0430", "\u03bf",
    "\u4e2d\u6587", "\u15b9\u06dc\u0d57", "\u0a37", "\ue000", "(cid:12)",
    "&amp;", "\U0001f469\u200d\U0001f52c", "\u00e9", "\u0301",
]


def _enc_rules():
    return resolve_selection(["ENC"], ())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from(["doc.txt", "doc.md"]))
def test_fixing_never_changes_text_outside_the_reported_spans(pieces, path):
    from checker.readers import read_document

    text = "".join(pieces)
    if text.startswith("\ufeff"):
        text = "x" + text  # a leading BOM is the file's BOM, not text
    data = text.encode("utf-8")
    # Round by round, as the fix loop does: each round may change only what
    # that round's findings reported (a repair can reveal the next problem,
    # as removing a soft hyphen reveals the mojibake glued to it).
    current = text
    for _ in range(10):
        doc, _ = read_document(path, current.encode("utf-8"))
        diagnostics = lint(current, select=["ENC"], path=path)
        new = apply_fixes(current, diagnostics, unsafe=True, prose=doc.prose)
        assert unchanged_outside(current, new, [(d.start, d.end) for d in diagnostics]), (current, new)
        if new == current:
            break
        current = new
    fixed_data, _ = fix_text(path, data, settings_from(), _enc_rules(), unsafe=True)
    assert fixed_data.decode("utf-8") == current
    # Fixing the result again changes nothing.
    again, rounds = fix_text(path, fixed_data, settings_from(), _enc_rules(), unsafe=True)
    assert again == fixed_data and rounds == 0


def test_apply_fixes_skips_overlapping_edits_in_one_round():
    text = "Ascen\u200btage \ufb01ve"
    diagnostics = lint(text, select=["ENC"])
    assert apply_fixes(text, diagnostics + diagnostics) == "Ascentage five"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("The company\u00e2\u20ac\u2122s", "The company\u2019s"),
        ("M\u00c3\u00bcnchen \u00c3\u00a9t\u00c3\u00a9", "M\u00fcnchen \u00e9t\u00e9"),
        ("Partner\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s", "Partner\u2019s"),
    ],
)
def test_mojibake_repairs_that_round_trip_are_applied(text, fixed):
    diagnostics = lint(text, select=["ENC002"])
    assert diagnostics and all(d.fix and d.fix.applicability == "safe" for d in diagnostics)
    assert apply_fixes(text, diagnostics) == fixed


def test_a_file_saved_after_it_was_checked_is_not_fixed(project, capsys):
    """Fix offsets refer to the checked bytes: a file edited since is left as the user saved it."""
    from pathlib import Path

    from checker.engine import Source, run
    from checker.fixes import fix_run

    path = Path("doc.txt")
    path.write_bytes("Budget: Ascen\u200btage approved $1,250,000.\n".encode("utf-8"))
    selected = resolve_selection(["ENC"], [])
    config = settings_from({})
    sources = [Source("doc.txt", file="doc.txt")]
    result = run(sources, config, selected, jobs=1)
    assert any(d.fix is not None for d in result.diagnostics)
    edited = b"Budget: $1,250,000 approved.\n"  # the user's save during the run
    path.write_bytes(edited)
    assert fix_run(result, sources, config, selected) == []
    assert path.read_bytes() == edited
    assert "changed after it was checked" in capsys.readouterr().err


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_utf16_is_written_back_in_its_own_byte_order(project, run_cli, codec, newline):
    bom = b"\xff\xfe" if codec == "utf-16-le" else b"\xfe\xff"
    text = f"First line.{newline}Ascen\u200btage here.{newline}"
    code, fixed, _ = _fix(run_cli, "doc.txt", bom + text.encode(codec))
    assert fixed == bom + f"First line.{newline}Ascentage here.{newline}".encode(codec)
    assert code == 0
    _, again, _ = _fix(run_cli, "doc.txt", fixed)  # idempotent
    assert again == fixed


BROKEN = "Ascen\u200btage here.\n".encode("utf-8")
FIXED = b"Ascentage here.\n"


def test_fix_writes_through_a_symlink(project, run_cli):
    import os
    from pathlib import Path

    Path("real.txt").write_bytes(BROKEN)
    os.symlink("real.txt", "link.txt")
    run_cli("--fix", "--select", "ENC", "link.txt")
    assert os.path.islink("link.txt") and Path("real.txt").read_bytes() == FIXED


def test_fix_refuses_a_read_only_file(project, run_cli):
    import os
    from pathlib import Path

    Path("ro.txt").write_bytes(BROKEN)
    os.chmod("ro.txt", 0o444)
    _, _, err = run_cli("--fix", "--select", "ENC", "ro.txt")
    assert Path("ro.txt").read_bytes() == BROKEN and "read-only" in err
    assert os.stat("ro.txt").st_mode & 0o777 == 0o444


def test_fix_keeps_hard_links(project, run_cli):
    import os
    from pathlib import Path

    Path("a.txt").write_bytes(BROKEN)
    os.link("a.txt", "b.txt")
    run_cli("--fix", "--select", "ENC", "a.txt")
    assert Path("a.txt").read_bytes() == FIXED and Path("b.txt").read_bytes() == FIXED
    assert os.stat("a.txt").st_ino == os.stat("b.txt").st_ino


def test_a_failed_write_reports_the_file_and_leaves_it_whole(project, run_cli, monkeypatch):
    """A full disk (or a read-only directory) at the rename: one message, the original intact, no temporary left."""
    import errno
    import os
    from pathlib import Path

    Path("doc.txt").write_bytes(BROKEN)

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", no_space)
    code, _, err = run_cli("--fix", "--select", "ENC", "doc.txt")
    assert Path("doc.txt").read_bytes() == BROKEN
    assert "doc.txt: not fixed: No space left on device" in err and "Traceback" not in err
    assert sorted(os.listdir(".")) == sorted(n for n in os.listdir(".") if not n.endswith(".factlint"))
    assert code == 1  # the finding stays unfixed, so the run still fails


def test_the_next_fix_removes_what_a_killed_fix_left_behind(project, run_cli):
    """A ``kill -9`` between the temporary file and the rename leaves ``.<name>.XXXXXXXX.factlint``."""
    import os
    import time
    from pathlib import Path

    Path("doc.txt").write_bytes(BROKEN)
    old = time.time() - 3600
    for name in (".doc.txt.k3x_9a2q.factlint", ".gone.txt.abcdefgh.factlint", ".doc.txt.abcdefgh.factlint.bak", ".doc.txt.fresh123.factlint"):
        Path(name).write_bytes(b"partial")
        if "fresh" not in name:
            os.utime(name, (old, old))
    _, _, err = run_cli("--fix", "--select", "ENC", "doc.txt")
    assert Path("doc.txt").read_bytes() == FIXED
    assert not Path(".doc.txt.k3x_9a2q.factlint").exists()
    assert "removed" in err and ".doc.txt.k3x_9a2q.factlint" in err
    # Not ours to remove: no file of that name beside it, another suffix, or one a running fix may still be writing.
    assert Path(".gone.txt.abcdefgh.factlint").exists()
    assert Path(".doc.txt.abcdefgh.factlint.bak").exists()
    assert Path(".doc.txt.fresh123.factlint").exists()


def test_a_plain_run_never_removes_anything(project, run_cli):
    import os
    import time
    from pathlib import Path

    Path("doc.txt").write_bytes(BROKEN)
    Path(".doc.txt.k3x_9a2q.factlint").write_bytes(b"partial")
    old = time.time() - 3600
    os.utime(".doc.txt.k3x_9a2q.factlint", (old, old))
    run_cli("--select", "ENC", "doc.txt")
    run_cli("--diff", "--select", "ENC", "doc.txt")
    assert Path(".doc.txt.k3x_9a2q.factlint").exists()


def test_a_fix_that_would_make_the_file_look_binary_is_refused_with_a_message(project, run_cli):
    """Found by fuzzing: repairing the mojibake leaves mostly control characters, which read as binary."""
    from pathlib import Path

    data = b"\x81\xc3\x83\x0e\xc3\x98\xf1\x80\x80\x80"
    Path("d.txt").write_bytes(data)
    code, _, err = run_cli("--fix", "d.txt")
    assert code != 2 and "Traceback" not in err and "internal error" not in err
    assert "d.txt: not fixed: the fixed file would read as binary" in err
    assert Path("d.txt").read_bytes() == data


def test_a_source_with_a_pinned_encoding_is_read_in_it_not_detected_again():
    """The fix loop re-reads its own output in the encoding detected at check time."""
    from checker.engine import Source, run
    from checker.readers import decode

    data = "Caf\u00c3\u00a9 au lait.\n".encode("cp1252")  # also valid UTF-8 ("Café")
    assert decode(data).encoding == "utf-8"
    pinned = decode(data, encoding="cp1252")
    assert pinned.text == "Caf\u00c3\u00a9 au lait.\n" and pinned.encoding == "cp1252" and pinned.bad_byte is None
    result = run([Source("d.txt", data=data, encoding="cp1252")], settings_from(), _enc_rules(), jobs=1)
    assert result.sheets[0].encoding == "cp1252"
    assert any(d.rule == "ENC002" for d in result.diagnostics)
    # Bytes that do not decode in the pinned encoding are detected as usual.
    assert decode(b"\x81 caf\xc3\xa9", encoding="cp1252").encoding != "cp1252"


def test_a_fix_that_would_change_how_the_file_decodes_is_refused(project, run_cli):
    """Removing the one byte that is not UTF-8 would make the next run read this Windows-1252 file as UTF-8 ("Caf\u00e9")."""
    from pathlib import Path

    data = b"Caf\xc3\xa9 soft\xadhyphen.\n"
    Path("d.txt").write_bytes(data)
    _, _, err = run_cli("--fix", "--select", "ENC005", "d.txt")
    assert Path("d.txt").read_bytes() == data
    assert "d.txt: not fixed: the fixed file would be read as utf-8, not cp1252" in err
    code, _, _ = run_cli("--fix", "--select", "ENC", "d.txt")  # with the mojibake repaired too, it stays cp1252
    assert Path("d.txt").read_bytes() == b"Caf\xe9 softhyphen.\n"


@pytest.mark.parametrize(
    "data",
    [
        # cp932 reads both b"\xfa\x5c" and b"\xed\x40" as U+7E8A and writes the second (found by fuzzing)
        "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8\u3067\u3059\u3002 the the end.\n".encode("cp932") + b"\xfa\x5c\n",
        # a second BOM is dropped in reading, so it would be dropped in writing
        b"\xff\xfe\xff\xfe" + "Ascen\u200btage the the end.\n".encode("utf-16-le"),
    ],
    ids=["cp932-duplicate-code", "utf16-double-bom"],
)
def test_a_file_whose_bytes_do_not_round_trip_is_not_rewritten(project, run_cli, data):
    """A fix rewrites the whole file: bytes that the decoding does not give back would change outside the fixes."""
    from pathlib import Path

    Path("d.txt").write_bytes(data)
    code, _, err = run_cli("--fix", "--select", "ALL", "d.txt")
    assert Path("d.txt").read_bytes() == data
    assert "d.txt: not fixed: written back in" in err and code == 1


def test_fix_messages_escape_control_characters_in_file_names(project, run_cli):
    import os
    from pathlib import Path

    name = "ro\x1b[31m.txt"
    Path(name).write_bytes(BROKEN)
    os.chmod(name, 0o444)
    _, _, err = run_cli("--fix", "--select", "ENC", name)
    assert "\x1b" not in err and "ro\\x1b[31m.txt: not fixed: the file is read-only" in err
