"""The language server as an editor sees it: ``factlint server`` driven over stdio by a real LSP client."""

from __future__ import annotations

import asyncio
import json
import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent / "lsp"))
sys.path.insert(0, str(Path(__file__).parent / "formats"))
from lsp_session import Session, codes  # noqa: E402

# Two documents about one drug: B writes its name once; A, once edited, three times in another spelling.
A = "# Trial update\n\nThe trial met its primary endpoint.\n"
B = "# Letter\n\nWe expect Zentrovinab to reach patients next year.\n"
A_VARIANT = "The trial of Zentrovimab met its goal. Zentrovimab is well tolerated. Zentrovimab is approved."


def _run(scenario):
    return asyncio.run(scenario())


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")


def _nam001(diagnostics: list[types.Diagnostic]) -> list[types.Diagnostic]:
    return [d for d in diagnostics if d.code == "NAM001"]


def test_cross_document_variant_appears_and_disappears_with_transcript(tmp_path):
    """Edit A so that B's spelling becomes a variant: B is flagged; fix A's spelling: B's warning goes."""
    root = tmp_path / "project"
    root.mkdir()
    _write(root, {"factlint.toml": "", "a.md": A, "b.md": B})
    transcript = tmp_path / "transcript.jsonl"
    session = Session(root, transcript)

    async def scenario():
        result = await session.start()
        capabilities = result.capabilities
        assert capabilities.code_action_provider and capabilities.hover_provider
        await session.wait_for("b.md", lambda ds: True, "the first diagnostics of the workspace")
        session.open("a.md")
        session.open("b.md")
        await session.wait_for("b.md", lambda ds: not _nam001(ds), "b.md without NAM001")

        session.change("a.md", "The trial met its primary endpoint.", A_VARIANT)
        flagged = await session.wait_for("b.md", lambda ds: bool(_nam001(ds)), "NAM001 in b.md after a.md was edited")
        (diagnostic,) = _nam001(flagged)
        assert diagnostic.severity == types.DiagnosticSeverity.Warning
        assert diagnostic.source == "factlint"
        assert diagnostic.range.start == types.Position(2, 10) and diagnostic.range.end == types.Position(2, 21)
        assert "Zentrovimab" in diagnostic.message
        assert diagnostic.code_description is not None
        doc = Path(diagnostic.code_description.href.removeprefix("file://"))
        assert doc.read_text(encoding="utf-8").startswith("NAM001 name-variants")
        related = diagnostic.related_information or []
        assert {session.name(r.location.uri) for r in related} == {"a.md"}
        assert len(related) == 3 and related[0].location.range.start.line == 2
        assert diagnostic.data["rule"] == "NAM001" and diagnostic.data["confidence"] == "medium"
        assert diagnostic.message.splitlines()[0].endswith("[medium confidence]")

        session.change("a.md", A_VARIANT, A_VARIANT.replace("Zentrovimab", "Zentrovinab"))
        await session.wait_for("b.md", lambda ds: not _nam001(ds), "NAM001 gone from b.md after a.md was fixed")
        await session.stop()

    _run(scenario)
    assert session.returncode == 0
    events = [json.loads(line) for line in transcript.read_text(encoding="utf-8").splitlines()]
    methods = [event["method"] for event in events]
    assert methods[:2] == ["initialize", "initialized"] and methods[-2:] == ["shutdown", "exit"]
    progress = [(e["kind"], e["message"]) for e in events if e["method"] == "$/progress"]
    assert progress[0] == ("begin", "reading the workspace") and progress[-1] == ("end", "2 documents read")
    # What happened to B, in order: clean, A edited, B flagged, A fixed, B clean again.
    story: list[str] = []
    for event in events:
        if event["method"] == "textDocument/didChange":
            label = "edit a.md"
        elif event["method"] == "textDocument/publishDiagnostics" and event["file"] == "b.md":
            label = "b.md: NAM001" if any(d["code"] == "NAM001" for d in event["diagnostics"]) else "b.md: no NAM001"
        else:
            continue
        if not story or story[-1] != label:
            story.append(label)
    assert story == ["b.md: no NAM001", "edit a.md", "b.md: NAM001", "edit a.md", "b.md: no NAM001"]


def test_code_action_applies_the_fix_and_disables_a_line(tmp_path):
    text = "# Notes\n\nWe saw the the results.\n\nRevenue rose from $31.2 million to $48.6 million, an increase of 42%.\n"
    _write(tmp_path, {"factlint.toml": "", "notes.md": text})
    session = Session(tmp_path)

    async def scenario():
        await session.start()
        session.open("notes.md")
        found = await session.wait_for("notes.md", lambda ds: "TXT004" in codes(ds) and "NUM001" in codes(ds))
        doubled = next(d for d in found if d.code == "TXT004")
        everything = await session.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=session.uri("notes.md")),
                range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
            )
        )
        (fix_all,) = everything
        assert fix_all.kind == "source.fixAll.factlint" and fix_all.title == "Apply every safe factlint fix (1)"
        (edit,) = fix_all.edit.document_changes[0].edits
        assert edit.range == types.Range(types.Position(2, 11), types.Position(2, 15)) and edit.new_text == ""  # " the"
        actions = await session.actions_for("notes.md", doubled)
        titles = [a.title for a in actions]
        fix = next(a for a in actions if a.is_preferred)
        assert fix.title == 'Delete the second "the" (TXT004)' and fix.kind == types.CodeActionKind.QuickFix
        assert "Disable TXT004 (doubled-word) for this line" in titles
        (change,) = fix.edit.document_changes
        assert change.text_document.version == session.versions["notes.md"]
        session.apply("notes.md", change.edits)
        after = await session.wait_for("notes.md", lambda ds: "TXT004" not in codes(ds), "TXT004 fixed")
        assert "We saw the results." in session.texts["notes.md"] and "NUM001" in codes(after)

        figure = next(d for d in after if d.code == "NUM001")
        hover = await session.client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=session.uri("notes.md")), position=figure.range.start)
        )
        assert hover is not None and "48.6 / 31.2 - 1 = +55.8%" in hover.contents.value
        actions = await session.actions_for("notes.md", figure)
        disable = next(a for a in actions if a.title.startswith("Disable NUM001"))
        session.apply("notes.md", disable.edit.document_changes[0].edits)
        await session.wait_for("notes.md", lambda ds: "NUM001" not in codes(ds), "NUM001 disabled")
        assert session.texts["notes.md"].splitlines()[4].endswith("42%. <!-- factlint-disable-line NUM001 -->")
        session.save("notes.md")
        await session.stop()

    _run(scenario)
    assert session.returncode == 0


def test_vocabulary_action_edits_the_config_and_the_server_reloads_it(tmp_path):
    _write(tmp_path, {"factlint.toml": 'exclude = ["drafts/**"]\n', "a.md": A.replace("The trial met its primary endpoint.", A_VARIANT), "b.md": B})
    session = Session(tmp_path)

    async def scenario():
        await session.start()
        session.open("b.md")
        (variant,) = _nam001(await session.wait_for("b.md", lambda ds: bool(_nam001(ds))))
        actions = await session.actions_for("b.md", variant)
        titles = [a.title for a in actions]
        assert 'Accept "Zentrovinab" in the vocabulary (factlint.toml)' in titles
        prefer = next(a for a in actions if a.title == 'Prefer "Zentrovinab" over "Zentrovimab" in the vocabulary (factlint.toml)')
        (change,) = prefer.edit.document_changes
        assert session.name(change.text_document.uri) == "factlint.toml"
        config = tmp_path / "factlint.toml"
        (edit,) = change.edits
        assert edit.range.start == edit.range.end == types.Position(1, 0)
        config.write_text(config.read_text(encoding="utf-8") + edit.new_text, encoding="utf-8")
        assert config.read_text(encoding="utf-8") == 'exclude = ["drafts/**"]\n\n[vocabulary]\nprefer = { Zentrovinab = ["Zentrovimab"] }\n'
        session.file_changed("factlint.toml")
        await session.wait_for("b.md", lambda ds: not _nam001(ds), "b.md clean once its spelling is preferred")
        (listed,) = _nam001(await session.wait_for("a.md", lambda ds: bool(_nam001(ds)), "a.md's spelling listed as a variant"))
        assert "listed as a variant of 'Zentrovinab'" in listed.message and listed.data["fix"] == "safe"
        (registration,) = session.registrations
        assert registration.method == "workspace/didChangeWatchedFiles"
        assert "**/{factlint.toml,.factlint.toml,pyproject.toml}" in json.dumps(registration.register_options)
        await session.stop()

    _run(scenario)
    assert session.returncode == 0


def test_min_confidence_applies_in_the_editor(tmp_path):
    a = A.replace("The trial met its primary endpoint.", A_VARIANT)
    _write(tmp_path, {"factlint.toml": 'min-confidence = "high"\n', "a.md": a, "b.md": B + "We saw the the results.\n"})
    session = Session(tmp_path)

    async def scenario():
        await session.start()
        session.open("b.md")
        found = await session.wait_for("b.md", lambda ds: "TXT004" in codes(ds))
        assert codes(found) == ["TXT004"]  # NAM001 is of medium confidence
        await session.stop()

    _run(scenario)


def test_a_broken_config_is_reported_and_the_defaults_are_used(tmp_path):
    _write(tmp_path, {"factlint.toml": "selectt = []\n", "notes.md": "We saw the the results.\n"})
    session = Session(tmp_path)

    async def scenario():
        await session.start()
        session.open("notes.md")
        await session.wait_for("notes.md", lambda ds: "TXT004" in codes(ds))
        await session.stop()

    _run(scenario)
    shown = [e["message"] for e in session.transcript if e["method"] == "window/showMessage"]
    assert shown and "unknown key 'selectt'" in shown[0]


def test_plain_text_and_other_encodings(tmp_path):
    """Plain text has no comment syntax: no "disable" action; positions count UTF-16 units past astral characters."""
    (tmp_path / "factlint.toml").write_text("", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("\U0001F600 We saw the the results.\n", encoding="utf-8")
    session = Session(tmp_path)

    async def scenario():
        await session.start()
        session.open("notes.txt", language="plaintext")
        found = await session.wait_for("notes.txt", lambda ds: "TXT004" in codes(ds))
        doubled = next(d for d in found if d.code == "TXT004")
        assert doubled.range.start == types.Position(0, 10)
        actions = await session.actions_for("notes.txt", doubled)
        assert [a.title for a in actions] == ['Delete the second "the" (TXT004)', "Apply every safe factlint fix (1)"]
        await session.stop()

    _run(scenario)


def test_the_command_line_never_imports_the_server(tmp_path):
    import subprocess

    (tmp_path / "notes.md").write_text("We saw the the results.\n", encoding="utf-8")
    code = (
        "import sys; from checker.cli import main; main(['--no-cache', '-q', 'notes.md']); "
        "print(sorted(m for m in sys.modules if m.startswith(('pygls', 'lsprotocol', 'checker.lsp'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_tcp_for_debugging(tmp_path):
    _write(tmp_path, {"factlint.toml": "", "notes.md": "We saw the the results.\n"})
    session = Session(tmp_path)

    async def scenario():
        await session.start(tcp=True)
        session.open("notes.md")
        await session.wait_for("notes.md", lambda ds: "TXT004" in codes(ds))
        await session.stop()

    _run(scenario)
    assert session.returncode == 0


def test_files_changed_on_disk_and_closed_documents(tmp_path):
    """A document not open in the editor is read again when it changes on disk; closing one goes back to its file."""
    _write(tmp_path, {"factlint.toml": "", "a.md": A, "b.md": B})
    session = Session(tmp_path)

    async def scenario():
        await session.start()
        await session.wait_for("b.md", lambda ds: not _nam001(ds), "b.md read at start")
        (tmp_path / "a.md").write_text(A.replace("The trial met its primary endpoint.", A_VARIANT), encoding="utf-8")
        session.file_changed("a.md")
        await session.wait_for("b.md", lambda ds: bool(_nam001(ds)), "NAM001 in b.md after a.md changed on disk")
        session.open("a.md")
        session.change("a.md", A_VARIANT, "The trial met its primary endpoint.")  # unsaved: the editor's text counts
        await session.wait_for("b.md", lambda ds: not _nam001(ds), "b.md clean while a.md's edit is unsaved")
        session.client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(session.uri("a.md"))))
        await session.wait_for("b.md", lambda ds: bool(_nam001(ds)), "NAM001 back once a.md is closed unsaved")
        await session.stop()

    _run(scenario)


def test_vocabulary_action_creates_a_config_when_there_is_none(tmp_path):
    _write(tmp_path, {"a.md": A.replace("The trial met its primary endpoint.", A_VARIANT), "b.md": B})
    session = Session(tmp_path)

    async def scenario():
        await session.start()
        session.open("b.md")
        (variant,) = _nam001(await session.wait_for("b.md", lambda ds: bool(_nam001(ds))))
        actions = await session.actions_for("b.md", variant)
        accept = next(a for a in actions if a.title == 'Accept "Zentrovinab" in the vocabulary (factlint.toml)')
        create, change = accept.edit.document_changes
        assert isinstance(create, types.CreateFile) and session.name(create.uri) == "factlint.toml"
        assert change.edits[0].new_text == '[vocabulary]\naccept = ["Zentrovinab"]\n'
        await session.stop()

    _run(scenario)


def test_word_pdf_and_html_documents_of_the_workspace(tmp_path):
    """Every format factlint reads gets diagnostics: Word and PDF from the file, with their location in the message."""
    pytest.importorskip("docx")
    pytest.importorskip("fpdf")
    from make import as_docx, as_html, as_pdf

    text = "We saw the the results."
    (tmp_path / "factlint.toml").write_text("", encoding="utf-8")
    (tmp_path / "report.docx").write_bytes(as_docx(text))
    (tmp_path / "report.pdf").write_bytes(as_pdf(text))
    (tmp_path / "page.html").write_bytes(as_html(text))
    session = Session(tmp_path)

    async def scenario():
        await session.start()
        for name in ("report.docx", "report.pdf", "page.html"):
            found = await session.wait_for(name, lambda ds: "TXT004" in codes(ds), f"TXT004 in {name}")
            doubled = next(d for d in found if d.code == "TXT004")
            if name != "page.html":
                assert "(paragraph 1)" in doubled.message or "(page 1, line 1)" in doubled.message, doubled.message
        session.open("page.html", language="html")
        found = await session.wait_for("page.html", lambda ds: "TXT004" in codes(ds))
        doubled = next(d for d in found if d.code == "TXT004")
        actions = await session.actions_for("page.html", doubled)
        assert "Disable TXT004 (doubled-word) for this line" in [a.title for a in actions]
        await session.stop()

    _run(scenario)


def test_without_pygls_the_server_command_says_what_to_install(monkeypatch, run_cli):
    monkeypatch.setitem(sys.modules, "pygls", None)  # as if it were not installed
    code, _, err = run_cli("server")
    assert code == 2 and "pip install 'factlint[lsp]'" in err


def test_the_server_reports_what_the_command_line_reports(tmp_path, monkeypatch, run_cli):
    """The same findings, in the same places, for every document of a workspace (the seeds and a Markdown note)."""
    import shutil

    root = Path(__file__).resolve().parents[1]
    for seed in sorted((root / "seeds").glob("*.txt")):
        shutil.copy(seed, tmp_path / seed.name)
    _write(tmp_path, {"factlint.toml": "", "note.md": "# Note\n\nWe saw the the results. Revenue rose from $31.2 million to $48.6 million, up 42%.\n"})
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli("-f", "json", "--no-cache", ".")
    expected = sorted((f["path"], f["rule"], f["line"], f["column"], f["end_line"], f["end_column"], f["message"]) for f in json.loads(out)["findings"])
    names = sorted({f[0] for f in expected})
    assert len(names) == 3
    session = Session(tmp_path)

    async def scenario():
        await session.start()
        for name in names:
            await session.wait_for(name, lambda ds: True)
        await session.stop()

    _run(scenario)

    def column(name: str, line: int, character: int) -> int:  # UTF-16 units -> code points, as the command line counts
        text = (tmp_path / name).read_text(encoding="utf-8").splitlines()[line] + " " * (character + 1)
        return len(text.encode("utf-16-le")[: character * 2].decode("utf-16-le", errors="ignore")) + 1

    got = sorted(
        (name, d.code, d.range.start.line + 1, column(name, d.range.start.line, d.range.start.character),
         d.range.end.line + 1, column(name, d.range.end.line, d.range.end.character), re.sub(r" \[(?:medium|low) confidence\]$", "", d.message.split("\n")[0]))
        for name in names for d in session.diagnostics[session.uri(name)]
    )
    assert got == expected
