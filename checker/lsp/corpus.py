"""The workspace as the corpus: every document's fact sheet, kept up to date as documents change.

The language server's state, free of any protocol: the configuration, the
rules, one fact sheet per document (read once through the fact-sheet cache,
as the command line reads them), and the editor's text of open documents,
which replaces the file's. A change rebuilds one sheet (pass 1 for that
document alone) and runs pass 2 over all of them, so a corpus rule's findings
in other documents follow (fix a name in one file, the variant warning in
another goes). :meth:`Corpus.check` says which documents' diagnostics changed.

Paths are the command line's display paths: relative to the working
directory, which the server sets to the workspace root.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from checker.finding import Diagnostic

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.facts import FactSheet
    from checker.ledger import Ledger
    from checker.rule import Rule

from checker.readers import BINARY_FORMATS, format_for


@dataclass
class Open:
    """A document open in the editor: its text and the version the client gave it."""

    text: str
    version: int | None = None
    encoding: str | None = None  # the encoding of the file on disk, to check the text as it would be saved
    bom: bool = False


@dataclass
class Outcome:
    """What a check found: diagnostics by path, for the paths whose diagnostics changed."""

    changed: dict[str, list[Diagnostic]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


class Corpus:
    """The workspace's documents, their fact sheets and their latest diagnostics."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.config_path: Path | None = None
        self.config_error: str | None = None
        self.settings: Settings
        self.rules: list[type[Rule]] = []
        self.sheets: dict[str, FactSheet] = {}
        self.notices: dict[str, str] = {}  # documents that could not be checked, and why
        self.open: dict[str, Open] = {}
        self.published: dict[str, list[Diagnostic]] = {}
        self._context: tuple[Settings, list[Rule], tuple[str, ...]]
        self._ledger: Ledger | None = None
        self._texts: dict[str, str | None] = {}  # decoded text of files not open, read when a position needs it
        self.configure()

    # --- configuration ----------------------------------------------------------------

    def configure(self) -> None:
        """Read the workspace's configuration (again); on an error, keep the defaults and say why in ``config_error``."""
        from checker.config import ConfigError, find_config, load_settings
        from checker.engine import prepare, validate_selectors
        from checker.registry import RegistryError, resolve_selection

        self.config_error = None
        self.config_path = find_config(self.root)
        try:
            settings = load_settings(self.config_path, root=self.root)
            validate_selectors(settings)
            rules = resolve_selection(settings.select, settings.ignore)
            context = prepare(settings, rules)
            ledger = None
            if settings.ledger:
                from checker.ledger import load_ledger

                ledger = load_ledger(Path(settings.root) / settings.ledger)
        except (ConfigError, RegistryError) as error:
            self.config_error = str(error)
            settings = load_settings(None, root=self.root)
            rules = resolve_selection(settings.select, settings.ignore)
            context = prepare(settings, rules)
            ledger = None
        self.settings, self.rules, self._context, self._ledger = settings, rules, context, ledger

    def is_config(self, path: Path) -> bool:
        """Whether a file is (or could become) the workspace's configuration."""
        from checker.config import CONFIG_FILES

        if path.name not in CONFIG_FILES:
            return False
        resolved = path.resolve()
        return resolved == self.config_path or resolved.parent in (self.root, *self.root.parents)

    # --- documents --------------------------------------------------------------------

    def load(self) -> None:
        """Read every document the configuration includes, through the fact-sheet cache."""
        from checker.discovery import walk
        from checker.engine import Source, run
        from checker.sources import display_path

        found = walk(self.root, self.root, self.settings.include, self.settings.exclude, self.settings.respect_gitignore)
        sources = [Source(display_path(path), file=str(path)) for path in found]
        cache_dir = Path(self.settings.root) / self.settings.cache_dir
        result = run(sources, self.settings, self.rules, jobs=1, cache_dir=cache_dir)
        self.sheets = {sheet.path: sheet for sheet in result.sheets}
        self.notices = {notice.path: notice.message for notice in result.notices}
        self._texts.clear()
        for path in list(self.open):
            self._rebuild(path)

    def set_text(self, path: str, text: str, version: int | None = None) -> None:
        """The editor's text of a document (opened or changed); rebuilds its sheet."""
        entry = self.open.get(path)
        if entry is None:
            entry = Open(text, version)
            entry.encoding, entry.bom = _disk_encoding(path)
            self.open[path] = entry
        entry.text, entry.version = text, version
        self._rebuild(path)

    def close(self, path: str) -> None:
        """A document closed in the editor: the file on disk is the document again (or none, if there is no file)."""
        self.open.pop(path, None)
        self.file_changed(path)

    def file_changed(self, path: str) -> None:
        """A file created, changed or deleted on disk (ignored while the editor has it open)."""
        if path in self.open:
            return
        self._texts.pop(path, None)
        if Path(path).is_file() and self.includes(path):
            self._rebuild(path)
        else:
            self.sheets.pop(path, None)
            self.notices.pop(path, None)

    def includes(self, path: str) -> bool:
        """Whether a file is a document of the workspace (include and exclude globs)."""
        from checker.discovery import relative_to
        from checker.globs import matches_any

        relative = relative_to(Path(path), self.root)
        return matches_any(relative, self.settings.include) and not matches_any(relative, self.settings.exclude)

    def checkable(self, path: str) -> bool:
        """Whether an open document is one factlint reads (its extension names a format)."""
        return format_for(path) is not None

    def _rebuild(self, path: str) -> None:
        from checker.engine import process
        from checker.facts import FactSheet

        source = self._source(path)
        if source is None:
            return
        result = process(source, *self._context)
        if isinstance(result, FactSheet):
            self.sheets[path] = result
            self.notices.pop(path, None)
        else:
            self.sheets.pop(path, None)
            self.notices[path] = result.message

    def _source(self, path: str):
        from checker.engine import Source

        entry = self.open.get(path)
        if entry is None or format_for(path) in BINARY_FORMATS:  # Word and PDF: the file, never an editor's view of it
            return Source(path, file=path) if Path(path).is_file() else None
        from checker.fixes import encode

        if entry.encoding:
            try:
                return Source(path, data=encode(entry.text, entry.encoding, entry.bom), encoding=entry.encoding)
            except (UnicodeEncodeError, LookupError):
                pass
        return Source(path, data=entry.text.encode("utf-8"))

    # --- checking -----------------------------------------------------------------------

    def check(self) -> Outcome:
        """Pass 2 over every sheet; the diagnostics of the documents whose diagnostics changed since the last check."""
        from checker.engine import check_sheets
        from checker.finding import CONFIDENCE_RANK

        diagnostics, errors = check_sheets(list(self.sheets.values()), self.settings, self.rules, self._ledger)
        by_path: dict[str, list[Diagnostic]] = {path: [] for path in self.sheets}
        threshold = CONFIDENCE_RANK[self.settings.min_confidence]
        for diagnostic in diagnostics:
            if CONFIDENCE_RANK[diagnostic.confidence] >= threshold:
                by_path.setdefault(diagnostic.path, []).append(diagnostic)
        outcome = Outcome(errors=errors)
        for path in set(by_path) | set(self.published):
            now = by_path.get(path, [])
            if self.published.get(path, []) != now or path not in self.published:
                outcome.changed[path] = now
        self.published = by_path
        return outcome

    def diagnostics(self, path: str) -> list[Diagnostic]:
        """The latest diagnostics of a document."""
        return self.published.get(path, [])

    def text(self, path: str) -> str | None:
        """The text a document's offsets index: the editor's, else the file's decoded text (None for Word and PDF)."""
        entry = self.open.get(path)
        if entry is not None:
            return entry.text
        if path not in self._texts:
            self._texts[path] = _read_text(path)
        return self._texts[path]


def _disk_encoding(path: str) -> tuple[str | None, bool]:
    """The encoding (and BOM) in which a file on disk is read, when it is not UTF-8."""
    from checker.readers import BinaryFileError, decode

    try:
        decoded = decode(Path(path).read_bytes(), text_format=True)
    except (OSError, BinaryFileError):
        return None, False
    if decoded.encoding == "utf-8" and not decoded.bom:
        return None, False
    return decoded.encoding, decoded.bom


def _read_text(path: str) -> str | None:
    from checker.readers import BinaryFileError, decode

    if format_for(path) in BINARY_FORMATS:
        return None
    try:
        return decode(Path(path).read_bytes(), text_format=True).text
    except (OSError, BinaryFileError):
        return None
