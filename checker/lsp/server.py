"""The language server: pygls wiring between the client and the corpus.

Each handler runs in the server's event loop thread, one at a time, so the
corpus needs no lock. Edits are checked after a pause in typing (the
debounce); opening and saving a document check it at once. After every check
the diagnostics of each document whose findings changed are published, the
edited document's and the others' alike.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from checker import __version__
from checker.lsp.actions import code_actions
from checker.lsp.convert import Converter, path_to_uri, uri_to_path
from checker.lsp.corpus import Corpus
from checker.lsp.hover import hover
from checker.lsp.positions import Units, utf16_units

DEBOUNCE_SECONDS = 0.15


class FactlintServer(LanguageServer):
    """The factlint language server (one per client)."""

    def __init__(self) -> None:
        super().__init__("factlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.corpus: Corpus | None = None
        self.convert: Converter | None = None
        self.debounce = DEBOUNCE_SECONDS
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.uris: dict[str, str] = {}  # path -> the URI the client named it by

    def uri(self, path: str) -> str:
        return self.uris.get(path) or path_to_uri(path)

    # --- checking ---------------------------------------------------------------------

    def publish(self) -> None:
        """Pass 2 over the corpus; publish the diagnostics of every document whose findings changed."""
        assert self.corpus is not None and self.convert is not None
        outcome = self.corpus.check()
        for path, diagnostics in sorted(outcome.changed.items()):
            entry = self.corpus.open.get(path)
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    uri=self.uri(path),
                    version=entry.version if entry else None,
                    diagnostics=[self.convert.diagnostic(d) for d in diagnostics],
                )
            )
        for error in outcome.errors:
            self.log(types.MessageType.Error, f"internal error: {error}")

    def schedule(self, path: str) -> None:
        """Check ``path`` once typing pauses."""
        self.cancel(path)
        self.pending[path] = asyncio.get_running_loop().call_later(self.debounce, self.flush, path)

    def cancel(self, path: str) -> None:
        handle = self.pending.pop(path, None)
        if handle is not None:
            handle.cancel()

    def flush(self, path: str) -> None:
        """Check a document whose check is pending, now."""
        self.pending.pop(path, None)
        assert self.corpus is not None
        entry = self.corpus.open.get(path)
        document = self.workspace.text_documents.get(self.uri(path))
        if entry is not None and document is not None:
            self.corpus.set_text(path, document.source, document.version)
            self.publish()

    def reload(self) -> None:
        """The configuration changed: read it again, and every document with it."""
        assert self.corpus is not None
        self.corpus.configure()
        self.corpus.load()
        if self.corpus.config_error:
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"factlint: {self.corpus.config_error}"))
        self.publish()

    def log(self, kind: types.MessageType, message: str) -> None:
        self.window_log_message(types.LogMessageParams(kind, f"factlint: {message}"))


server = FactlintServer()


def _units(encoding: str | None) -> Units:
    if encoding == types.PositionEncodingKind.Utf32:
        return len
    if encoding == types.PositionEncodingKind.Utf8:
        return lambda text: len(text.encode("utf-8"))
    return utf16_units


@server.feature(types.INITIALIZE)
def initialize(ls: FactlintServer, params: types.InitializeParams) -> None:
    options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
    if isinstance(options.get("debounceMs"), (int, float)):
        ls.debounce = max(0.0, options["debounceMs"] / 1000)
    root = ls.workspace.root_path or (uri_to_path(params.workspace_folders[0].uri) if params.workspace_folders else None) or os.getcwd()
    os.chdir(root)  # paths are shown relative to the workspace, as the command line shows them from there
    ls.corpus = Corpus(Path(root))
    ls.convert = Converter(ls.corpus, _units(ls.workspace.position_encoding))


@server.feature(types.INITIALIZED)
def initialized(ls: FactlintServer, params: types.InitializedParams) -> None:
    assert ls.corpus is not None
    ls.corpus.load()
    if ls.corpus.config_error:
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"factlint: {ls.corpus.config_error}"))
    ls.publish()
    watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if watched and watched.dynamic_registration:
        from checker.config import CONFIG_FILES
        from checker.readers import FORMATS

        globs = ["**/{" + ",".join(CONFIG_FILES) + "}", "**/*.{" + ",".join(sorted(ext.lstrip(".") for ext in FORMATS)) + "}"]
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in globs])
        registration = types.Registration(id="factlint-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)
        ls.client_register_capability(types.RegistrationParams(registrations=[registration]))


def _path(ls: FactlintServer, uri: str) -> str | None:
    """The display path of a document factlint checks (None for others: unsaved buffers, unknown formats)."""
    path = uri_to_path(uri)
    if path is None or ls.corpus is None or not ls.corpus.checkable(path):
        return None
    ls.uris.setdefault(path, uri)
    return path


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: FactlintServer, params: types.DidOpenTextDocumentParams) -> None:
    path = _path(ls, params.text_document.uri)
    if path is None or ls.corpus is None:
        return
    ls.corpus.set_text(path, params.text_document.text, params.text_document.version)
    ls.publish()
    if path in ls.corpus.notices:
        ls.log(types.MessageType.Warning, f"{path}: {ls.corpus.notices[path]}")


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: FactlintServer, params: types.DidChangeTextDocumentParams) -> None:
    path = _path(ls, params.text_document.uri)
    if path is not None:
        ls.schedule(path)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: FactlintServer, params: types.DidSaveTextDocumentParams) -> None:
    local = uri_to_path(params.text_document.uri)
    if local is None or ls.corpus is None:
        return
    if ls.corpus.is_config(Path(local)):
        ls.reload()
        return
    path = _path(ls, params.text_document.uri)
    if path is not None:
        ls.cancel(path)
        ls.flush(path)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: FactlintServer, params: types.DidCloseTextDocumentParams) -> None:
    path = _path(ls, params.text_document.uri)
    if path is None or ls.corpus is None:
        return
    ls.cancel(path)
    ls.corpus.close(path)
    ls.publish()


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: FactlintServer, params: types.DidChangeWatchedFilesParams) -> None:
    if ls.corpus is None:
        return
    paths = [path for change in params.changes if (path := uri_to_path(change.uri)) is not None]
    if any(ls.corpus.is_config(Path(path)) for path in paths):
        ls.reload()
        return
    for path in paths:
        if ls.corpus.checkable(path):
            ls.corpus.file_changed(path)
    ls.publish()


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: FactlintServer, params: types.DidChangeConfigurationParams) -> None:
    if ls.corpus is not None:
        ls.reload()


def _fresh(ls: FactlintServer, uri: str) -> str | None:
    """The path of a document whose diagnostics match its current text (a pending check is run first)."""
    path = _path(ls, uri)
    if path is not None and path in ls.pending:
        ls.cancel(path)
        ls.flush(path)
    return path


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix], resolve_provider=False),
)
def code_action(ls: FactlintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    path = _fresh(ls, params.text_document.uri)
    if path is None or ls.corpus is None or ls.convert is None:
        return None
    start = ls.convert.offset(path, params.range.start)
    end = ls.convert.offset(path, params.range.end)
    if start is None or end is None:
        return None
    changes = ls.client_capabilities.workspace and ls.client_capabilities.workspace.workspace_edit
    create = bool(changes and changes.resource_operations and types.ResourceOperationKind.Create in changes.resource_operations)
    return code_actions(ls.corpus, ls.convert, path, start, end, create_files=create) or None


@server.feature(types.TEXT_DOCUMENT_HOVER)
def on_hover(ls: FactlintServer, params: types.HoverParams) -> types.Hover | None:
    path = _fresh(ls, params.text_document.uri)
    if path is None or ls.corpus is None or ls.convert is None:
        return None
    offset = ls.convert.offset(path, params.position)
    return None if offset is None else hover(ls.corpus, ls.convert, path, offset)


@server.feature(types.SHUTDOWN)
def shutdown(ls: FactlintServer, params: None) -> None:
    for path in list(ls.pending):
        ls.cancel(path)
