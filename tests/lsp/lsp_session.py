"""A language client for the server's tests: ``factlint server`` as a subprocess, driven over stdio.

Every message the test sends and every diagnostic the server publishes is
kept in ``transcript`` (and written as JSON lines to ``transcript_path``), so
a test can assert on the order of events and leave a record behind.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

TIMEOUT = 60.0  # seconds to wait for the server to publish (the test machine may be busy)


class Session:
    """One server process and the client talking to it."""

    def __init__(self, root: Path, transcript_path: Path | None = None, capabilities: types.ClientCapabilities | None = None) -> None:
        self.root = root
        self.transcript_path = transcript_path
        self.capabilities = capabilities or types.ClientCapabilities(
            window=types.WindowClientCapabilities(work_done_progress=True),
            workspace=types.WorkspaceClientCapabilities(
                workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True, resource_operations=[types.ResourceOperationKind.Create]),
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
            )
        )
        self.client = LanguageClient("factlint-tests", "1")
        self.diagnostics: dict[str, list[types.Diagnostic]] = {}
        self.published: list[tuple[str, list[types.Diagnostic]]] = []
        self.transcript: list[dict] = []
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}
        self.stderr: list[bytes] = []
        self.registrations: list[types.Registration] = []
        self.returncode: int | None = None
        self.process: asyncio.subprocess.Process | None = None

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _published(params: types.PublishDiagnosticsParams) -> None:
            self.diagnostics[params.uri] = list(params.diagnostics)
            self.published.append((params.uri, list(params.diagnostics)))
            self._record("<-", "textDocument/publishDiagnostics", {
                "file": self.name(params.uri),
                "diagnostics": [{"code": d.code, "line": d.range.start.line + 1, "message": d.message.split("\n")[0]} for d in params.diagnostics],
            })

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def _register(params: types.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

        @self.client.feature(types.WINDOW_WORK_DONE_PROGRESS_CREATE)
        def _create(params: types.WorkDoneProgressCreateParams) -> None:
            self._record("<-", "window/workDoneProgress/create", {"token": params.token})

        @self.client.feature(types.PROGRESS)
        def _progress(params: types.ProgressParams) -> None:
            value = params.value if isinstance(params.value, dict) else {}
            self._record("<-", "$/progress", {"kind": value.get("kind"), "message": value.get("message")})

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def _log(params: types.LogMessageParams) -> None:
            self._record("<-", "window/logMessage", {"message": params.message})

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def _show(params: types.ShowMessageParams) -> None:
            self._record("<-", "window/showMessage", {"message": params.message})

    # --- the transcript ---------------------------------------------------------------------

    def name(self, uri: str) -> str:
        return Path(uri.removeprefix("file://")).name

    def _record(self, direction: str, method: str, params: dict) -> None:
        event = {"t": round(time.monotonic(), 3), "dir": direction, "method": method, **params}
        self.transcript.append(event)
        if self.transcript_path is not None:
            with self.transcript_path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(event) + "\n")

    # --- lifecycle ------------------------------------------------------------------------

    async def start(self, initialization_options: dict | None = None, tcp: bool = False) -> types.InitializeResult:
        """Start the server (over stdio, or ``tcp`` on a free port of 127.0.0.1) and initialise it."""
        # The user cache (signing key, rule documentation) outside the workspace, where a walk would find it.
        self.user_cache = tempfile.mkdtemp(prefix="factlint-user-cache-")  # removed by stop()
        env = {**os.environ, "XDG_CACHE_HOME": self.user_cache}
        command = (sys.executable, "-m", "checker", "server")
        if tcp:
            port = _free_port()
            self.process = await asyncio.create_subprocess_exec(
                *command, "--tcp", f"127.0.0.1:{port}", cwd=str(self.root), env=env,
                stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
            )
            await self._connect(port)
        else:
            await self.client.start_io(*command, cwd=str(self.root), env=env)
            self.process = self.client._server
        assert self.process is not None and self.process.stderr is not None
        self._drain = asyncio.create_task(self._read_stderr(self.process.stderr))
        result = await self.client.initialize_async(
            types.InitializeParams(
                process_id=os.getpid(),
                root_uri=self.root.as_uri(),
                capabilities=self.capabilities,
                initialization_options={"debounceMs": 50, **(initialization_options or {})},
            )
        )
        self._record("->", "initialize", {})
        self.client.initialized(types.InitializedParams())
        self._record("->", "initialized", {})
        return result

    async def _connect(self, port: int) -> None:
        """Connect once the server listens (the server serves the first connection only: no probing)."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                await self.client.start_tcp("127.0.0.1", port)
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.05)

    async def _read_stderr(self, stream: asyncio.StreamReader) -> None:
        while chunk := await stream.read(65536):
            self.stderr.append(chunk)

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self._record("->", "shutdown", {})
        self.client.exit(None)
        self._record("->", "exit", {})
        try:
            self.returncode = await asyncio.wait_for(self.process.wait(), TIMEOUT)
            await self.client.stop()
            await self._drain
        finally:
            shutil.rmtree(self.user_cache, ignore_errors=True)

    # --- documents ------------------------------------------------------------------------

    def uri(self, name: str) -> str:
        return (self.root / name).resolve().as_uri()

    async def actions_for(self, name: str, diagnostic: types.Diagnostic) -> list:
        """The code actions the server offers for one of its diagnostics in ``name``."""
        return await self.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=self.uri(name)),
                range=diagnostic.range,
                context=types.CodeActionContext(diagnostics=[diagnostic]),
            )
        )

    def open(self, name: str, language: str = "markdown") -> None:
        text = (self.root / name).read_text(encoding="utf-8")
        self.texts[name], self.versions[name] = text, 1
        item = types.TextDocumentItem(uri=self.uri(name), language_id=language, version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        self._record("->", "textDocument/didOpen", {"file": name})

    def change(self, name: str, old: str, new: str) -> None:
        """Replace the first ``old`` in the document by ``new``, sent as an incremental change."""
        text = self.texts[name]
        start = text.index(old)
        self.texts[name] = text[:start] + new + text[start + len(old) :]
        self._send_change(name, self._range(text, start, start + len(old)), new)
        self._record("->", "textDocument/didChange", {"file": name, "old": old, "new": new})

    def insert(self, name: str, offset: int, new: str) -> None:
        """Insert ``new`` at a character offset, as typing does."""
        text = self.texts[name]
        self.texts[name] = text[:offset] + new + text[offset:]
        self._send_change(name, self._range(text, offset, offset), new)

    def apply(self, name: str, edits: list[types.TextEdit]) -> None:
        """Apply text edits (from a code action) to an open document and tell the server, as an editor does."""
        text = self.texts[name]
        for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
            start, end = _offset(text, edit.range.start), _offset(text, edit.range.end)
            self._send_change(name, self._range(text, start, end), edit.new_text)
            text = text[:start] + edit.new_text + text[end:]
        self.texts[name] = text
        self._record("->", "textDocument/didChange", {"file": name, "applied": len(edits)})

    def _send_change(self, name: str, range_: types.Range, text: str) -> None:
        self.versions[name] += 1
        document = types.VersionedTextDocumentIdentifier(uri=self.uri(name), version=self.versions[name])
        change = types.TextDocumentContentChangePartial(range=range_, text=text)
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(text_document=document, content_changes=[change]))

    def _range(self, text: str, start: int, end: int) -> types.Range:
        return types.Range(_position(text, start), _position(text, end))

    def save(self, name: str) -> None:
        (self.root / name).write_text(self.texts[name], encoding="utf-8")
        self.client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=self.uri(name))))
        self._record("->", "textDocument/didSave", {"file": name})

    def file_changed(self, name: str) -> None:
        change = types.FileEvent(uri=self.uri(name), type=types.FileChangeType.Changed)
        self.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[change]))
        self._record("->", "workspace/didChangeWatchedFiles", {"file": name})

    async def wait_for(self, name: str, predicate: Callable[[list[types.Diagnostic]], bool], what: str = "") -> list[types.Diagnostic]:
        """Wait until the diagnostics published for ``name`` satisfy ``predicate``; return them."""
        deadline = time.monotonic() + TIMEOUT
        uri = self.uri(name)
        while time.monotonic() < deadline:
            if uri in self.diagnostics and predicate(self.diagnostics[uri]):
                return self.diagnostics[uri]
            await asyncio.sleep(0.02)
        stderr = b"".join(self.stderr).decode(errors="replace")[-3000:]
        raise AssertionError(f"{name}: timed out waiting for {what or 'diagnostics'}; last: {self.diagnostics.get(uri)}\nserver stderr:\n{stderr}")


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _position(text: str, offset: int) -> types.Position:
    """UTF-16 position of an offset (the tests' documents have no line breaks but ``\\n``)."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return types.Position(line, len(text[start:offset].encode("utf-16-le")) // 2)


def _offset(text: str, position: types.Position) -> int:
    starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
    start = starts[position.line] if position.line < len(starts) else len(text)
    column = 0
    units = 0
    while units < position.character and start + column < len(text):
        units += 2 if ord(text[start + column]) > 0xFFFF else 1
        column += 1
    return start + column


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)
